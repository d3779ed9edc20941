"""The task breakdown table: one row per item, responsibilities parsed where the plan says them."""

from __future__ import annotations

import docx
from docx.oxml.ns import qn

from desktop.plan.export.task_table import HEADERS, build_task_document, task_rows
from tests.export.conftest import paragraph_text


def test_one_row_per_item_with_responsibilities(hand_built_plan):
    rows = task_rows(hand_built_plan)
    assert [r.task for r in rows] == [n.headline for n in hand_built_plan.items()]
    first = rows[0]
    assert (first.task, first.lead, first.responsible, first.deadline) == (
        "加强理论武装",
        "组织人事科",
        "各学校",
        "2026年12月",
    )
    assert "牵头单位" not in first.content and first.content.startswith("深入学习贯彻")
    by_task = {r.task: r for r in rows}
    assert by_task["培育党建品牌"].responsible == "党建办"
    assert by_task["新建幼儿园2所"].lead == "计财科、基建办"
    assert by_task["开展示范创建"].lead == by_task["开展示范创建"].responsible == ""


def test_document_is_landscape_with_repeated_header(hand_built_plan, tmp_path):
    out = tmp_path / "tasks.docx"
    build_task_document(hand_built_plan).save(out)
    doc = docx.Document(str(out))
    size = doc.element.body.find(qn("w:sectPr")).find(qn("w:pgSz"))
    assert (size.get(qn("w:w")), size.get(qn("w:h")), size.get(qn("w:orient"))) == (
        "16838",
        "11906",
        "landscape",
    )
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == list(HEADERS)
    assert table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
    assert len(table.rows) == 1 + len(hand_built_plan.items())
    assert table.rows[1].cells[1].text == "加强理论武装"
    assert paragraph_text(doc.element.body.find(qn("w:p"))).endswith("任务分解表")


def test_corpus_task_table_has_one_row_per_item(corpus_path, tmp_path):
    from desktop.plan.read.loader import load_plan

    _, plan = load_plan(corpus_path("huishan"))
    doc = build_task_document(plan)
    assert len(doc.tables[0].rows) == 1 + len(plan.items()) == 41
