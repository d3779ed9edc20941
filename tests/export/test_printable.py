"""Control characters in the text (a PDF's form feeds, Word's vertical tabs) never break an export."""

from __future__ import annotations

import docx

from desktop.plan.export.docx_writer import write_docx
from desktop.plan.export.task_table import build_task_document
from desktop.plan.parse import parse

TEXT = "武进区2026年教育工作要点\n一、总体要求\n1.抓好\x0c学习\x01，落实\x0b责任。\n2.加强队伍建设。\n"


def test_a_form_feed_and_other_controls_export_as_spaces(tmp_path) -> None:
    plan = parse(TEXT)
    out = tmp_path / "plan.docx"
    write_docx(plan, out)
    body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "抓好 学习 ，落实 责任。" in body
    assert plan.text == TEXT  # the writer's text is not changed


def test_the_task_table_takes_them_too(tmp_path) -> None:
    document = build_task_document(parse(TEXT))
    document.save(str(tmp_path / "tasks.docx"))
    cells = [
        c.text for t in docx.Document(str(tmp_path / "tasks.docx")).tables for r in t.rows for c in r.cells
    ]
    assert any("抓好 学习" in c for c in cells)
