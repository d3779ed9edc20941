"""Qt's own Chinese: the standard buttons, file dialogs and text menus in the writer's language.

Qt draws some words itself (Save/Discard/Cancel, Yes/No, the file dialog, a line edit's context
menu); without a translator they stay English in an otherwise Chinese app. PySide6 ships Qt's
zh_CN catalogues, so they are loaded from Qt's translations folder, or from the PySide6 package
when a frozen build moved them there.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

logger = logging.getLogger(__name__)

LOCALE = "zh_CN"
# qtbase holds the widgets' and dialogs' words; ``qt`` is the umbrella catalogue (it includes
# qtbase), the fallback for builds that ship only that one.
CATALOGUES = ("qtbase", "qt")


def translation_folders() -> list[Path]:
    """Where Qt's .qm catalogues may be: Qt's own path first, then inside the PySide6 package."""
    folders = [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))]
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    for location in (spec.submodule_search_locations or []) if spec else []:  # none when frozen
        package = Path(location)
        folders += [package / "Qt" / "translations", package / "translations"]
    return [folder for folder in dict.fromkeys(folders) if folder.is_dir()]


def install_translator(app: QCoreApplication, locale: str = LOCALE) -> QTranslator | None:
    """Install Qt's ``locale`` catalogue on ``app``; returns the translator (a child of ``app``).

    Also makes ``locale`` the default QLocale, so dates and the file dialog follow it. A missing
    catalogue is logged, never fatal: the app still works, only Qt's words stay English.
    """
    QLocale.setDefault(QLocale(locale))
    name = f"plandesk_qt_{locale}"
    existing = app.findChild(QTranslator, name)
    if existing is not None:  # installed already (a second window, a test)
        return existing
    folders = translation_folders()
    for catalogue in CATALOGUES:
        for folder in folders:
            translator = QTranslator(app)  # parented: lives as long as the application
            if translator.load(f"{catalogue}_{locale}", str(folder)):
                translator.setObjectName(name)
                app.installTranslator(translator)
                return translator
            translator.deleteLater()
    logger.warning("no Qt translations for %s in %s", locale, [str(f) for f in folders])
    return None
