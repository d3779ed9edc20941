"""GUI test fixtures: offscreen Qt, every writer's folder redirected, a real main window.

No GUI test may read or write the writer's own folders: a recovery file left in the real data
folder would otherwise be offered to (and fail) every run. So each test gets its own home, XDG and
Windows profile folders, PlanDesk's own folder variables, and Qt's test mode for standard paths.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths

from desktop.app.settings import AppSettings

# Folder variables a test process must never inherit from the writer's session.
PRIVATE_FOLDERS = {
    "HOME": "home",
    "USERPROFILE": "home",
    "APPDATA": "home/AppData/Roaming",
    "LOCALAPPDATA": "home/AppData/Local",
    "XDG_CONFIG_HOME": "home/.config",
    "XDG_DATA_HOME": "home/.local/share",
    "XDG_STATE_HOME": "home/.local/state",
    "PLANDESK_CONFIG_DIR": "config",
    "PLANDESK_DATA_DIR": "data",
}


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every per-user folder of this test at ``tmp_path`` (the cache: ``tests/conftest.py``)."""
    for variable, relative in PRIVATE_FOLDERS.items():
        folder = tmp_path / relative
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(variable, str(folder))
    QStandardPaths.setTestModeEnabled(True)
    return tmp_path


@pytest.fixture(autouse=True)
def app_settings(private_folders: Path) -> AppSettings:
    """Every test gets its own settings and recovery folder; the user's are never touched."""
    settings = AppSettings(os.environ["PLANDESK_CONFIG_DIR"])
    settings.check_delay_ms = 50
    return settings


def close_window(window) -> None:
    """Close a test's window as the writer would, without the unsaved-changes prompt."""
    window.editor.document().setModified(False)
    window.close()
    window.jobs.wait_idle(10_000)
    window.deleteLater()


def _unexpected_offer(offer) -> str:
    pytest.fail(f"unexpected recovery offer for {offer.name}: a test's folders are its own")


@pytest.fixture
def window(qtbot, app_settings):
    from desktop.app.main_window import MainWindow

    win = MainWindow(app_settings)
    # Tests answer dialogs themselves; a message box would block the offscreen run.
    win.files.report_error = lambda message: win.files.__setattr__("last_error", message)
    win.files.recovery_chooser = _unexpected_offer  # tests that expect an offer answer it themselves
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here rather than by qtbot.addWidget: the unsaved-changes prompt must not block teardown.
    close_window(win)


@pytest.fixture
def settle(qtbot):
    """settle(window): check the text now on screen and wait until its results are shown."""

    def wait(window) -> None:
        generation = window.recheck()
        qtbot.waitUntil(
            lambda: (
                window.shown is not None
                and window.shown.complete
                and window.shown.generation >= generation
                and window.shown.text == window.editor.toPlainText()
            ),
            timeout=30_000,
        )

    return wait
