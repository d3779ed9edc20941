"""A crash is never silent and never costs the draft: a real window, a real failing slot, the real
log and recovery files; a native crash in a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from desktop.app import crash
from desktop.plan.read.store import RecoveryStore

pytestmark = [pytest.mark.gui, pytest.mark.qt_no_exception_capture]
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def guard():
    messages: list[str] = []
    installed = crash.install(messages.append)
    installed.messages = messages
    yield installed
    installed.uninstall()


def test_an_exception_in_a_slot_keeps_the_draft_logs_and_tells_the_writer(qtbot, window, guard, app_settings):
    window.editor.insertPlainText("一、加强党建\n1.崩溃前写下的一句。\n")

    def broken_slot() -> None:
        raise RuntimeError("a bug in a panel")

    QTimer.singleShot(0, window, broken_slot)
    qtbot.waitUntil(lambda: bool(guard.messages), timeout=10_000)
    (message,) = guard.messages
    (recovery,) = RecoveryStore(app_settings.recovery_dir).pending()
    assert recovery.source.text == window.editor.toPlainText()
    assert str(recovery.path) in message and str(crash.log_path()) in message
    assert "意外错误" in message and "RuntimeError" in message
    log = crash.log_path().read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a panel" in log and "broken_slot" in log
    assert window.isVisible()  # the app keeps running


def test_an_unmodified_draft_is_reported_safe_in_its_file(qtbot, window, guard, corpus_path):
    assert window.files.open_path(corpus_path("wujin"))
    QTimer.singleShot(0, window, lambda: 1 / 0)
    qtbot.waitUntil(lambda: bool(guard.messages), timeout=10_000)
    assert str(corpus_path("wujin")) in guard.messages[0]


def test_a_native_crash_is_written_to_the_same_log(tmp_path):
    script = textwrap.dedent(
        """
        import faulthandler
        from desktop.app import crash
        crash.install(print)
        faulthandler._sigsegv()
        """
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), PLANDESK_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, timeout=60
    )
    assert result.returncode != 0
    log = (tmp_path / crash.LOG_NAME).read_text(encoding="utf-8")
    assert "Segmentation fault" in log and "<string>" in log


def test_a_data_folder_that_cannot_be_written_does_not_stop_the_app(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("PLANDESK_DATA_DIR", str(blocker / "inside"))
    installed = crash.install(lambda message: None)
    try:
        assert installed.path == Path(os.devnull)
    finally:
        installed.uninstall()
