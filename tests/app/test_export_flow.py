"""The export flow on the real window: the review sees the text as it is now, the 版头 is asked
and kept with the draft, PDF through LibreOffice, and the message after an export."""

from __future__ import annotations

import docx
import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QTextCursor

from desktop.app.export_flow import HEAD_KEY
from desktop.app.export_review import BlockersDialog
from desktop.plan.export.notice import NoticeHead
from desktop.plan.export.pdf import NOT_INSTALLED, find_soffice

pytestmark = pytest.mark.gui


def _export(qtbot, window, method, out):
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000) as signal:
        assert method(out)
    return signal.args


def test_review_sees_a_comma_typed_after_an_earlier_fix(qtbot, settle, window, corpus_path, tmp_path):
    assert window.files.open_path(corpus_path("huishan"))
    settle(window)
    reviewed: list[list] = []

    def review(blockers, kind):
        reviewed.append(blockers)
        return BlockersDialog.FIX if len(reviewed) == 1 else BlockersDialog.AS_IS

    window.exporter.review = review
    _export(qtbot, window, window.exporter.export_docx, tmp_path / "a.docx")
    from checks.blockers import export_blockers

    assert reviewed and not [b for b in export_blockers(window.current_plan()) if b.all_fixes()]
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\n另外,做好总结。")  # typed now, not yet analysed
    _export(qtbot, window, window.exporter.export_docx, tmp_path / "b.docx")
    assert len(reviewed) == 2  # prompted again, for the comma typed after the fix
    comma = window.editor.toPlainText().rindex("另外,") + 2
    fixes = [f for b in reviewed[1] for f in b.all_fixes()]
    assert any(f.span.start <= comma < f.span.end and f.replacement == "，" for f in fixes)
    assert "另外," in "\n".join(p.text for p in docx.Document(str(tmp_path / "b.docx")).paragraphs)


def test_after_export_the_message_opens_the_file_or_its_folder(qtbot, settle, window, corpus_path, tmp_path):
    assert window.files.open_path(corpus_path("changzhou"))
    settle(window)
    window.exporter.review = lambda blockers, kind: BlockersDialog.AS_IS
    opened: list[QUrl] = []
    window.exporter.open_url = lambda url: opened.append(url) or True
    out = tmp_path / "常州.docx"
    _export(qtbot, window, window.exporter.export_docx, out)
    box = window.exporter.last_message
    assert box is not None and box.isVisible() and not box.isModal()
    buttons = {b.text(): b for b in box.buttons()}
    buttons["打开文件"].click()
    assert opened[-1] == QUrl.fromLocalFile(str(out))
    buttons["打开所在文件夹"].click()
    assert opened[-1] == QUrl.fromLocalFile(str(tmp_path))
    box.close()


def test_notice_export_asks_the_head_and_keeps_it_with_the_draft(
    qtbot, settle, window, corpus_path, tmp_path
):
    assert window.files.open_path(corpus_path("huishan"))
    settle(window)
    window.exporter.review = lambda blockers, kind: BlockersDialog.AS_IS
    asked: list[NoticeHead] = []

    def ask_head(stored, issuer):
        asked.append(stored)
        return NoticeHead(number="惠教〔2026〕5号")

    window.exporter.ask_head = ask_head
    out = tmp_path / "通知.docx"
    assert _export(qtbot, window, window.exporter.export_notice, out) == ["notice", str(out)]
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert texts[0] == "无锡市惠山区教育局文件" and "惠教〔2026〕5号" in texts
    assert window.files.draft.extra[HEAD_KEY]["number"] == "惠教〔2026〕5号"
    _export(qtbot, window, window.exporter.export_notice, tmp_path / "again.docx")
    assert asked[-1].number == "惠教〔2026〕5号"  # offered again next time


def test_missing_print_row_is_listed_before_export(window):
    dialog = BlockersDialog([], "docx", window, ["版记缺少印发机关：请在“公文信息”中填写"])
    assert dialog.warnings.isVisibleTo(dialog) and "缺少印发机关" in dialog.warnings.text()
    assert not dialog.list.isVisibleTo(dialog) and dialog.as_is_button.text() == "继续导出"
    dialog.close()


def test_pdf_without_libreoffice_says_so(qtbot, settle, window, corpus_path, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    assert window.files.open_path(corpus_path("changzhou"))
    settle(window)
    with qtbot.waitSignal(window.exporter.failed, timeout=5000) as signal:
        assert not window.exporter.export_pdf(tmp_path / "x.pdf")
    assert signal.args[0] == NOT_INSTALLED and not (tmp_path / "x.pdf").exists()


@pytest.mark.render
@pytest.mark.skipif(find_soffice() is None, reason="没有安装 LibreOffice（soffice），无法导出 PDF")
def test_pdf_export_from_the_menu(qtbot, settle, window, corpus_path, tmp_path):
    assert window.files.open_path(corpus_path("changzhou"))
    settle(window)
    window.exporter.review = lambda blockers, kind: BlockersDialog.AS_IS
    window.exporter.ask_path = lambda kind, suggested: str(tmp_path / "常州")
    with qtbot.waitSignal(window.exporter.exported, timeout=120_000) as signal:
        window.export_pdf_action.trigger()
    assert signal.args == ["pdf", str(tmp_path / "常州.pdf")]
    assert (tmp_path / "常州.pdf").read_bytes().startswith(b"%PDF")


def test_metadata_dialog_shows_the_head_with_optional_rows_off(window):
    from desktop.app.metadata_dialog import MetadataDialog
    from desktop.plan.model import Metadata

    dialog = MetadataDialog(
        Metadata(issuer="某某区教育局"), Metadata(), window, head=NoticeHead(number="1号")
    )
    form = dialog.head_form
    assert form is not None and form.sign.placeholderText() == "某某区教育局文件"
    box, edit = form.optional["urgency"]
    edit.setText("特急")
    assert dialog.head() == NoticeHead(number="1号")  # typed but not ticked: not printed
    box.setChecked(True)
    assert dialog.head().urgency == "特急"
    assert MetadataDialog(Metadata(), Metadata(), window).head() is None
    dialog.close()


def test_review_names_the_errors_still_shown_without_blocking(qtbot, settle, window, tmp_path):
    """A 序号跳号 (S001) does not stop the export, but the review says so and can jump to it."""
    from PySide6.QtWidgets import QApplication

    from desktop.data import resource_path

    text = resource_path("samples", "sample_plan_2027.txt").read_text(encoding="utf-8")
    window.editor.load_text(text.replace("\n3.加强党风廉政建设", "\n5.加强党风廉政建设"))
    settle(window)
    errors = [f for f in window.problems.model.findings if f.severity.value == "error"]
    assert any(f.code == "S001" for f in errors)
    seen: list[BlockersDialog] = []

    def answer(choice: str) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BlockersDialog):
            QTimer.singleShot(20, window, lambda: answer(choice))
            return
        seen.append(dialog)
        label = dialog.errors_label.text()
        assert dialog.errors_label.isVisibleTo(dialog) and dialog.errors_list.topLevelItemCount() >= 1
        assert f"另有 {len(errors)} 个错误尚未处理（不影响导出，但建议先修改）" in label
        if choice == "jump":
            item = dialog.errors_list.topLevelItem(0)
            dialog.errors_list.itemDoubleClicked.emit(item, 0)
        else:
            dialog.as_is_button.click()

    QTimer.singleShot(0, window, lambda: answer("jump"))
    assert not window.exporter.export_docx(tmp_path / "a.docx")  # back to the text
    first = seen[0].errors[0]
    assert first.severity.value == "error"
    assert window.editor.textCursor().selectionStart() == first.span.start
    assert not (tmp_path / "a.docx").exists()
    QTimer.singleShot(0, window, lambda: answer("export"))
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000):
        assert window.exporter.export_docx(tmp_path / "b.docx")
    assert len(seen) == 2 and (tmp_path / "b.docx").is_file()
