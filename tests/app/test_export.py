"""Export from the menu on the real window: blockers first, then a .docx read back with python-docx."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop.app.export_review import BlockersDialog
from desktop.plan.read.loader import load_plan

pytestmark = pytest.mark.gui


def _outline(plan) -> list[tuple[int, str]]:
    rows: list[tuple[int, str]] = []

    def visit(nodes, depth: int) -> None:
        for node in nodes:
            rows.append((depth, f"{node.marker_text or ''}{node.headline}"))
            visit(node.children, depth + 1)

    visit(plan.nodes, 0)
    return rows


def _answer_blockers(button: str, seen: list[BlockersDialog]) -> None:
    """Click a button of the blockers dialog as soon as it is shown (it runs modally)."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BlockersDialog):
            QTimer.singleShot(20, click)
            return
        seen.append(dialog)
        getattr(dialog, button).click()

    QTimer.singleShot(0, click)


def test_export_docx_from_menu_fixes_blockers_in_one_step(qtbot, settle, window, corpus_path, tmp_path):
    source = corpus_path("huishan")
    original_file = source.read_bytes()
    assert window.files.open_path(source)
    settle(window)
    original = window.editor.toPlainText()
    assert "," in original  # half-width punctuation: the official layout must not carry it
    out = tmp_path / "惠山要点.docx"
    window.exporter.ask_path = lambda kind, suggested: str(out)
    seen: list[BlockersDialog] = []
    _answer_blockers("fix_button", seen)
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000) as signal:
        window.export_docx_action.trigger()  # 文件 → 导出公文（.docx）…
    assert signal.args == ["docx", str(out)]
    # the writer saw them before anything changed: P002 stands for hundreds of half-width marks
    assert seen and sum(len(b.all_fixes()) for b in seen[0].blockers) > 100
    fixed = window.editor.toPlainText()
    assert fixed != original
    from checks.blockers import export_blockers

    assert not [b for b in export_blockers(window.current_plan()) if b.all_fixes()]
    assert source.read_bytes() == original_file  # the input is never touched

    import docx

    document = docx.Document(str(out))
    body = "\n".join(p.text for p in document.paragraphs)
    assert "加强政治理论武装" in body and body.count(",") < original.count(",") / 10
    _, exported = load_plan(out)
    assert _outline(exported) == _outline(window.current_plan())
    assert len(exported.items()) == 40

    window.editor.undo()  # all the fixes were one undoable step
    assert window.editor.toPlainText() == original


def test_export_as_is_never_rewrites(qtbot, settle, window, corpus_path, tmp_path):
    assert window.files.open_path(corpus_path("huishan"))
    settle(window)
    original = window.editor.toPlainText()
    out = tmp_path / "照原样.docx"
    window.exporter.ask_path = lambda kind, suggested: str(out)
    seen: list[BlockersDialog] = []
    _answer_blockers("as_is_button", seen)
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000):
        window.export_docx_action.trigger()
    assert seen and window.editor.toPlainText() == original
    assert out.is_file()


def test_export_task_table_from_menu(qtbot, settle, window, corpus_path, tmp_path):
    assert window.files.open_path(corpus_path("changzhou"))
    settle(window)
    out = tmp_path / "任务分解表.docx"
    window.exporter.ask_path = lambda kind, suggested: str(out)
    window.exporter.review = lambda blockers, kind: BlockersDialog.AS_IS
    with qtbot.waitSignal(window.exporter.exported, timeout=60_000) as signal:
        window.export_tasks_action.trigger()  # 文件 → 导出任务分解表…
    assert signal.args[0] == "tasks"

    import docx

    table = docx.Document(str(out)).tables[0]
    assert [c.text for c in table.rows[0].cells][:2] == ["序号", "工作任务"]
    tasks = [row.cells[1].text for row in table.rows[1:]]
    headlines = [node.headline for node in window.current_plan().items()]
    assert len(tasks) == 23 and all(any(t in h or h in t for h in headlines) for t in tasks if t)


def test_export_refuses_to_overwrite_the_input(qtbot, settle, window, corpus_path, tmp_path):
    import docx

    source = tmp_path / "原稿.docx"
    document = docx.Document()
    for line in corpus_path("changzhou").read_text(encoding="utf-8").split("\n"):
        document.add_paragraph(line)
    document.save(str(source))
    before = source.read_bytes()
    assert window.files.open_path(source)
    settle(window)
    window.exporter.review = lambda blockers, kind: BlockersDialog.AS_IS
    assert not window.exporter.export_docx(source)
    assert "原稿.docx" in window.files.last_error and "不会覆盖" in window.files.last_error
    assert source.read_bytes() == before


def test_blockers_dialog_lists_each_blocker(window, corpus_path):
    from checks.blockers import export_blockers
    from desktop.plan.parse import parse

    text = "2025年XX区教育工作要点\n一、甲\n1.新建学校3-5所,2025年03月完成。\n"
    blockers = export_blockers(parse(text))
    dialog = BlockersDialog(blockers, "docx", window)
    assert dialog.list.topLevelItemCount() == len(blockers) >= 3
    messages = " ".join(dialog.list.topLevelItem(i).text(2) for i in range(len(blockers)))
    assert "3-5" in messages and "03" in messages
    assert dialog.fix_button.isEnabled()
    dialog.close()
