"""GUI test fixtures: offscreen Qt, settings in a temporary folder, a real main window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from desktop.app.settings import AppSettings


@pytest.fixture(autouse=True)
def app_settings(tmp_path, monkeypatch) -> AppSettings:
    """Every test gets its own settings and recovery folder; the user's are never touched."""
    folder = tmp_path / "config"
    monkeypatch.setenv("PLANDESK_CONFIG_DIR", str(folder))
    settings = AppSettings(folder)
    settings.check_delay_ms = 50
    return settings


@pytest.fixture
def window(qtbot, app_settings):
    from desktop.app.main_window import MainWindow

    win = MainWindow(app_settings)
    # Tests answer dialogs themselves; a message box would block the offscreen run.
    win.files.report_error = lambda message: win.files.__setattr__("last_error", message)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Closed here rather than by qtbot.addWidget: the unsaved-changes prompt must not block teardown.
    win.editor.document().setModified(False)
    win.close()
    win.runner.wait_idle(10_000)
    win.deleteLater()


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
