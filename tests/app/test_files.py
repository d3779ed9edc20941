"""Files on the real window: open, save, new drafts, metadata, and recovery after a real crash."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox

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


class _Answers(QObject):
    """Answers the modal dialogs of one test as the writer would, in order, and notes their texts.

    Each answer is ("box", button text or standard button) for a message box or ("file", typed
    name) for the save dialog; the real dialogs run, so their wording and Qt's handling of the typed name are tested.
    """

    def __init__(self, parent: QObject, answers: list[tuple[str, object]]) -> None:
        super().__init__(parent)
        self.answers = list(answers)
        self.seen: list[str] = []
        self.timer = QTimer(self)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._answer)
        self.timer.start()

    def _answer(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not self.answers:
            return
        kind, answer = self.answers.pop(0)
        if kind == "box":
            assert isinstance(dialog, QMessageBox), dialog
            self.seen.append(dialog.text() + "\n" + dialog.informativeText())
            if isinstance(answer, QMessageBox.StandardButton):
                dialog.button(answer).click()
            else:
                next(b for b in dialog.buttons() if answer in b.text()).click()
        else:
            assert isinstance(dialog, QFileDialog), dialog
            self.seen.append(dialog.windowTitle())
            dialog.findChild(QLineEdit, "fileNameEdit").setText(answer)
            dialog.accept()


def test_saving_an_opened_txt_explains_the_draft_and_takes_the_typed_name(window, corpus_path, tmp_path):
    original = tmp_path / "wuxi.txt"
    original.write_bytes(corpus_path("huishan").read_bytes())
    assert window.files.open_path(original)
    window.editor.appendPlainText("补充一句。")
    answers = _Answers(window, [("box", QMessageBox.StandardButton.Save), ("file", "wuxi_saved.txt")])
    assert window.files.confirm_discard()  # closing the window: 保存
    prompt = answers.seen[0]
    assert "保存为要点草稿（.plan.yaml）" in prompt and "原文件“wuxi.txt”不会被改动" in prompt
    assert "公文信息" in prompt and "导出公文" in prompt
    assert ".plan.yaml" in answers.seen[1]  # the save dialog's title names what is saved
    assert (tmp_path / "wuxi_saved.plan.yaml").is_file()
    assert not list(tmp_path.glob("wuxi_saved.txt*"))
    assert original.read_bytes() == corpus_path("huishan").read_bytes()
    assert window.files.draft.path == tmp_path / "wuxi_saved.plan.yaml"

    assert window.files.open_path(original)  # 保存 (Ctrl+S) on a .txt: the reason comes first
    window.editor.appendPlainText("再补充一句。")
    answers = _Answers(window, [("box", "选择保存位置"), ("file", "wuxi_word.docx")])
    assert window.files.save()
    assert "不会被改动" in answers.seen[0] and "导出公文" in answers.seen[0]
    assert load_draft(tmp_path / "wuxi_word.plan.yaml").text.endswith("再补充一句。")
    assert not (tmp_path / "wuxi_word.docx").exists()
    window.editor.appendPlainText("第三句。")  # now a draft: 保存 writes it without asking
    assert window.files.save()
    assert load_draft(tmp_path / "wuxi_word.plan.yaml").text.endswith("第三句。")


def test_an_empty_window_says_how_to_start_and_reports_nothing(settle, window):
    window.editor.load_text("")
    settle(window)
    assert "以去年要点新建" in window.editor.placeholderText()
    assert window.shown.findings == () and window.problems.model.rowCount() == 0
