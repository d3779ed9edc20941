"""The task breakdown table: one row per item, responsibilities parsed where the plan says them."""

from __future__ import annotations

import docx
import pytest
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


@pytest.mark.parametrize(
    ("own", "lead", "responsible", "deadline"),
    [
        (
            "加强理论武装。（牵头单位：组织人事科；责任单位：各学校；完成时限：2026年12月）",
            "组织人事科",
            "各学校",
            "2026年12月",
        ),
        ("落实旁听制度。（责任科室：组干科、机关党委）", "", "组干科、机关党委", ""),
        # The labels separated by a comma, half-width punctuation, the bracket left open by the copy.
        ("铸魂育人。(牵头处室:宣传处,责任处室:基础教育处、学生工作", "宣传处", "基础教育处、学生工作", ""),
        ("推进专班建设。\n责任单位：区域教育中心建设专班", "", "区域教育中心建设专班", ""),
        (
            "新建学校。（主要责任单位：计财科；协同配合单位：基建办；完成期限：9月底前）",
            "计财科",
            "基建办",
            "9月底前",
        ),
        ("完成时间：6月底前。组织验收。", "", "", "6月底前"),
        # 时限 alone counts only inside brackets; a label inside a word is not a label.
        ("明确时限：各校自定。", "", "", ""),
        ("压实单位责任单位：各校。", "", "", ""),
        ("按要求完成。（时限：11月）", "", "", "11月"),
    ],
)
def test_responsibilities_as_plans_write_them(own, lead, responsible, deadline):
    from desktop.plan.export.responsibilities import find_responsibilities, without

    found = find_responsibilities(own)
    assert (found.lead, found.responsible, found.deadline) == (lead, responsible, deadline)
    rest = without(own, found.cut)
    for value in (lead, responsible, deadline):
        if value:
            assert value not in rest


def test_the_page_is_landscape_with_the_page_number_below_the_text(hand_built_plan):
    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE
    from desktop.plan.export.geometry import Geometry

    portrait = Geometry.of(docx.Document(str(DEFAULT_TEMPLATE)))
    doc = build_task_document(hand_built_plan)
    margins = doc.element.body.find(qn("w:sectPr")).find(qn("w:pgMar"))
    value = {k: int(margins.get(qn(f"w:{k}"))) for k in ("top", "bottom", "left", "right", "footer")}
    assert (value["top"], value["right"], value["bottom"], value["left"]) == (
        portrait.left,
        portrait.bottom,
        portrait.right,
        portrait.top,
    )
    # The footer sits as far below the 版心 as on a portrait page, inside the bottom margin.
    assert value["bottom"] - value["footer"] == portrait.bottom - portrait.footer
    assert 0 < value["footer"] < value["bottom"]
    assert doc.core_properties.title == hand_built_plan.metadata.title + "任务分解表"


def test_rows_hold_together_and_widths_follow_content(hand_built_plan):
    from desktop.plan.export.geometry import Geometry

    doc = build_task_document(hand_built_plan)
    geometry = Geometry.of(doc)
    table = doc.tables[0]
    rows = table._tbl.tr_lst
    assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
    assert [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows].count(True) == 1
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == geometry.text_width
    assert grid.index(max(grid)) == 2  # 主要内容
    assert grid[0] == min(grid)  # 序号
    assert all(row.cells[0].paragraphs[0].alignment == 1 for row in table.rows)  # centred
    assert grid[3] > grid[5]  # 牵头单位 is filled in this plan; no 完成时限 beyond one row


def test_a_table_inside_an_item_stays_out_of_its_cell():
    from desktop.plan.parse import parse

    plan = parse(
        "某某区2026年教育工作要点\n一、扩大资源\n1.新建学校。新建中小学3所。\n"
        "｜学校｜学位｜\n｜一小｜900｜\n完成时间：8月底前。\n2.推进集团化办学。新组建教育集团3个。\n"
    )
    first = task_rows(plan)[0]
    assert first.content == "新建中小学3所。"
    assert first.deadline == "8月底前"
