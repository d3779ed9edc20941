"""Files on the real window: open, save, new drafts, metadata, and recovery after a real crash."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from desktop.app.draft_files import SKELETON_DIR
from desktop.plan.model import Metadata
from desktop.plan.read.store import load_draft

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]


def test_unusable_file_shows_the_core_message(window, tmp_path):
    bad = tmp_path / "扫描件.pdf"
    bad.write_bytes(b"%PDF-1.4 not a plan")
    assert not window.files.open_path(bad)
    assert "扫描件.pdf" in window.files.last_error and "PDF" in window.files.last_error
    assert not window.files.open_path(tmp_path / "不存在.txt")
    assert "不存在.txt" in window.files.last_error


def test_save_as_draft_and_reopen_with_metadata(settle, window, corpus_path, tmp_path, app_settings):
    assert window.files.open_path(corpus_path("wujin"))
    settle(window)
    window.editor.appendPlainText("补充一句。")
    window.files.set_overrides(Metadata(issuer="常州市武进区教育局", cc=("区委办", "区政府办")))
    assert window.isWindowModified()
    target = tmp_path / "武进要点.plan.yaml"
    assert window.files.save_to(target)
    assert not window.isWindowModified()
    stored = load_draft(target)
    assert stored.text == window.editor.toPlainText()
    assert stored.metadata.issuer == "常州市武进区教育局" and stored.metadata.cc == ("区委办", "区政府办")
    assert str(target.resolve()) == app_settings.recent_files()[0]
    window.editor.load_text("")
    assert window.files.open_path(target)
    settle(window)
    assert window.editor.toPlainText().endswith("补充一句。")
    assert window.files.draft.path == target
    assert window.shown.plan.metadata.issuer == "常州市武进区教育局"


def test_new_from_standard_skeleton(settle, window):
    assert window.files.new_from_skeleton(SKELETON_DIR / "county_annual_plan.yaml", year=2026)
    settle(window)
    plan = window.shown.plan
    assert plan.year == 2026 and "2026年" in plan.title
    labels = [t for d, t in window.outline.labels() if d == 1]
    assert len(labels) == 6 and labels[0].startswith("一、")
    # only the placeholders the writer must fill in are errors: XX and the skeleton's own prompts
    assert {f.code for f in window.shown.findings if f.severity.value == "error"} <= {"W005", "W012"}
    assert any(f.code == "W012" for f in window.shown.findings)
    # the first prompt is selected, so the writer types over it
    cursor = window.editor.textCursor()
    assert cursor.hasSelection() and cursor.selectedText().startswith("（")


def test_new_from_last_year_bumps_title_year(settle, window, corpus_path):
    assert window.files.new_from_last_year(corpus_path("changzhou"))
    settle(window)
    assert window.shown.plan.title.startswith("2024年常州教育工作要点") or "2024年" in window.shown.plan.title
    assert window.shown.plan.year == 2024
    assert window.isWindowModified() and window.files.draft.path is None


def test_recovery_keeps_last_years_plan(settle, window, corpus_path, app_settings):
    """A draft started from last year's plan remembers it for the comparison, crash or not."""
    from desktop.plan.read.store import RecoveryStore

    assert window.files.new_from_last_year(corpus_path("changzhou"))
    settle(window)
    assert window.files.autosave()
    (recovered,) = RecoveryStore(app_settings.recovery_dir).pending()
    assert recovered.source.extra["last_year"] == str(corpus_path("changzhou").resolve())


def test_drop_a_file_on_the_window_opens_it(settle, window, corpus_path):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(corpus_path("changzhou")))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    settle(window)
    assert window.files.draft.source_path == corpus_path("changzhou")
    assert len(window.shown.plan.items()) == 23


def test_metadata_dialog_returns_overrides(window):
    from desktop.app.metadata_dialog import MetadataDialog

    dialog = MetadataDialog(Metadata(title="原标题", year=2024), Metadata(), window)
    assert dialog.text_edits["title"].placeholderText() == "原标题"
    dialog.text_edits["issuer"].setText("XX区教育局")
    dialog.list_edits["attachments"].setPlainText("附件一\n\n附件二\n")
    dialog.year_box.setValue(2025)
    result = dialog.overrides()
    assert result.issuer == "XX区教育局" and result.attachments == ("附件一", "附件二")
    assert result.year == 2025 and result.title == ""
    assert Metadata(title="原标题").merged(result).title == "原标题"


CRASHING_APP = textwrap.dedent(
    """
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from desktop.app.main_window import MainWindow
    from desktop.app.settings import AppSettings
    settings = AppSettings(sys.argv[1])
    settings.autosave_seconds = 1
    window = MainWindow(settings)
    window.show()
    window.files.open_path(sys.argv[2])
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClick(window.editor, Qt.Key.Key_Return)  # typed keys (QTest types ASCII only) …
    QTest.keyClicks(window.editor, "2026")
    window.editor.textCursor().insertText(sys.argv[3])  # … and what an input method commits
    app.exec()
    """
)


def test_autosave_kill_restart_restore(qtbot, settle, app_settings, corpus_path):
    typed = "崩溃前输入的文字"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    process = subprocess.Popen(
        [sys.executable, "-c", CRASHING_APP, str(app_settings.folder), str(corpus_path("wujin")), typed],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(app_settings.recovery_dir.glob("*.plan.yaml")):
            assert process.poll() is None, "the app exited before autosaving"
            assert time.monotonic() < deadline, "no recovery file was written"
            time.sleep(0.2)
        time.sleep(0.3)
        # while it runs, its recovery file is another window's live work, not a crash
        from desktop.app.main_window import MainWindow

        alive = MainWindow(app_settings)
        try:
            assert alive.files.pending_recoveries() == []
        finally:
            alive.close()
            alive.runner.wait_idle(10_000)
    finally:
        process.kill()  # a crash: no close event, no cleanup
        process.wait()

    from desktop.app.main_window import MainWindow

    window = MainWindow(app_settings)
    window.files.report_error = lambda message: None
    window.show()
    try:
        pending = window.files.pending_recoveries()
        assert len(pending) == 1 and Path(pending[0].source_path) == corpus_path("wujin")
        assert window.files.offer_recovery(ask=False)
        settle(window)
        assert window.editor.toPlainText().endswith("\n2026" + typed)
        assert window.isWindowModified()
        assert len(window.shown.plan.items()) >= 25
        window.files.save_to(app_settings.folder / "restored.plan.yaml")
        assert window.files.pending_recoveries() == []  # saved work needs no recovery
    finally:
        window.editor.document().setModified(False)
        window.close()
        window.runner.wait_idle(10_000)


def test_second_window_does_not_offer_a_live_windows_drafts(qtbot, settle, window, app_settings, corpus_path):
    from desktop.app.main_window import MainWindow

    assert window.files.open_path(corpus_path("changzhou"))
    window.editor.appendPlainText("第一个窗口中尚未保存的文字")
    assert window.files.autosave()
    assert len(list(app_settings.recovery_dir.glob("*.plan.yaml"))) == 1
    assert window.files.pending_recoveries() == []  # its own work is not a crash either

    second = MainWindow(app_settings)
    second.files.report_error = lambda message: None
    try:
        assert second.files.pending_recoveries() == []
        assert not second.files.offer_recovery(ask=False)
        # the first window goes away without cleaning up (its lock released, its file left): a crash
        window.files._lock.unlock()
        pending = second.files.pending_recoveries()
        assert len(pending) == 1 and pending[0].source.text.endswith("第一个窗口中尚未保存的文字")
        assert second.files.offer_recovery(ask=False)
        settle(second)
        assert second.editor.toPlainText().endswith("第一个窗口中尚未保存的文字")
        # the restored work now belongs to the second window: a third one does not offer it
        third = MainWindow(app_settings)
        try:
            assert third.files.pending_recoveries() == []
        finally:
            third.close()
    finally:
        second.editor.document().setModified(False)
        second.close()
        second.runner.wait_idle(10_000)
