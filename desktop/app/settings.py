"""The application's remembered settings, as one object passed to whoever needs it.

Wrapping QSettings in a small class (instead of reading a global) lets tests point every window at
a temporary folder, and keeps the keys and their defaults in one place.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from desktop.app.editor import DEFAULT_FONT_SIZE as EDITOR_FONT_SIZE

CONFIG_DIR_ENV = "PLANDESK_CONFIG_DIR"
MAX_RECENT = 10
PANEL_FONT_SIZE = 11  # points; Qt's default 9 pt is hard to read on an office laptop


class AppSettings:
    """Settings stored in an INI file inside ``folder``."""

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(self.folder / "plandesk.ini"), QSettings.Format.IniFormat)

    @classmethod
    def default(cls) -> AppSettings:
        """The user's settings, or the folder named by ``$PLANDESK_CONFIG_DIR`` (tests, portable use)."""
        override = os.environ.get(CONFIG_DIR_ENV)
        if override:
            return cls(override)
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        return cls(Path(base or Path.home() / ".plandesk") / "plandesk")

    @property
    def recovery_dir(self) -> Path:
        """Autosaved unsaved work: in the platform's data folder (``desktop.data.user_data_dir``),
        which survives a cleared configuration; tests point it at a temporary folder."""
        from desktop.data import user_data_dir

        return user_data_dir() / "recovery"

    # Recent files -------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._qs.value("files/recent", [])
        if isinstance(value, str):
            value = [value] if value else []
        return [str(v) for v in value or []]

    def add_recent(self, path: Path | str) -> None:
        name = str(Path(path).resolve())
        files = [name] + [f for f in self.recent_files() if f != name]
        self._qs.setValue("files/recent", files[:MAX_RECENT])

    def last_folder(self) -> str:
        return str(self._qs.value("files/last_folder", str(Path.home())))

    def set_last_folder(self, folder: Path | str) -> None:
        self._qs.setValue("files/last_folder", str(folder))

    # Behaviour ----------------------------------------------------------------------------
    @property
    def autosave_seconds(self) -> int:
        return _as_int(self._qs.value("edit/autosave_seconds", 60), 60)

    @autosave_seconds.setter
    def autosave_seconds(self, seconds: int) -> None:
        self._qs.setValue("edit/autosave_seconds", int(seconds))

    @property
    def check_delay_ms(self) -> int:
        """How long typing must pause before the plan is checked again."""
        return _as_int(self._qs.value("edit/check_delay_ms", 300), 300)

    @check_delay_ms.setter
    def check_delay_ms(self, ms: int) -> None:
        self._qs.setValue("edit/check_delay_ms", int(ms))

    # Text size ----------------------------------------------------------------------------
    @property
    def editor_font_size(self) -> int:
        """The editor's text size in points (视图 → 放大/缩小, Ctrl+wheel)."""
        return _as_int(self._qs.value("view/editor_font_size", EDITOR_FONT_SIZE), EDITOR_FONT_SIZE)

    @editor_font_size.setter
    def editor_font_size(self, points: int) -> None:
        self._qs.setValue("view/editor_font_size", int(points))

    @property
    def panel_font_size(self) -> int:
        """The outline's, problems' and themes' text size in points (视图 → 字号…)."""
        return _as_int(self._qs.value("view/panel_font_size", PANEL_FONT_SIZE), PANEL_FONT_SIZE)

    @panel_font_size.setter
    def panel_font_size(self, points: int) -> None:
        self._qs.setValue("view/panel_font_size", int(points))

    # Window -------------------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        geometry = self._qs.value("window/geometry")
        state = self._qs.value("window/state")
        return (
            geometry if isinstance(geometry, QByteArray) else None,
            state if isinstance(state, QByteArray) else None,
        )

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

    def sync(self) -> None:
        self._qs.sync()


def _as_int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default
