"""Start the desktop app: ``plandesk [FILE]`` and ``plandesk --screenshot OUT.png [FILE]``.

The lead's ``desktop/cli.py`` calls :func:`run`. Qt is imported here and nowhere on the CLI's other
paths, so the sub-commands start without it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.app.main_window import MainWindow

SCREENSHOT_TIMEOUT_MS = 60_000


def run(file: str | None = None, screenshot: str | None = None) -> int:
    """Open the main window (with FILE); or render it to a PNG once the checks are done."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app import crash
    from desktop.app.main_window import APP_NAME, MainWindow
    from desktop.app.settings import AppSettings
    from desktop.app.translation import install_translator

    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translator(app)  # Qt's own buttons, file dialogs and menus in Chinese
    guard = crash.install()  # from here on, no exception is silent and none costs the draft
    try:
        app.setApplicationName("PlanDesk")
        app.setApplicationDisplayName(APP_NAME)
        app.setOrganizationName("PlanDesk")
        font = app.font()
        font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", font.family()])
        app.setFont(font)
        window = MainWindow(AppSettings.default())
        if screenshot is not None:
            return _screenshot(window, file, Path(screenshot))
        window.show()
        if file is not None:
            window.files.open_path(file)  # offers a newer recovery copy of FILE, as every open does
            window.files.note_other_recoveries()  # and says when an untitled draft's copy waits too
        else:
            QTimer.singleShot(0, window.files, window.files.offer_recovery)
        return app.exec()
    finally:
        guard.uninstall()


def _screenshot(window: MainWindow, file: str | None, out: Path) -> int:
    """Render the window with FILE, once its checks are shown, to a PNG; asks nothing."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    errors: list[str] = []
    window.files.report_error = errors.append
    window.files.recovery_chooser = _later
    if file is not None and not window.files.open_path(file):
        print(errors[-1] if errors else f"无法打开“{file}”。", file=sys.stderr)
        return 2
    window.show()
    loop = QEventLoop()
    window.analysis_shown.connect(loop.quit)
    QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, loop, loop.quit)
    if file is None:
        window.recheck()
    if window.shown is None or not window.shown.complete:
        loop.exec()
    QApplication.processEvents()
    ok = window.grab().save(str(out))
    window.files.close_draft()
    window.finish_exports(5000)
    window.jobs.shutdown(5000)
    if not ok:
        print(f"无法保存截图“{out}”。", file=sys.stderr)
        return 2
    return 0


def _later(_offer: object) -> str:
    from desktop.app.recovery_offer import LATER

    return LATER
