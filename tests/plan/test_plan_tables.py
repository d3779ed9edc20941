"""Tables in the editor's text: written as bar rows, found again, never taken for headings."""

from __future__ import annotations

import pytest

from desktop.plan.model import ParagraphRole
from desktop.plan.parse import parse
from desktop.plan.tables import bar_cells, find_tables, format_row, plan_tables, table_rows

PLAN = """某某区教育局2025年工作要点
一、主要目标
全区教育事业主要发展指标如下：
｜序号｜指标｜2025年目标｜责任科室｜
｜1｜学前三年毛入园率｜99%以上｜学前教育科｜
｜2｜义务教育巩固率｜99.8%｜基础教育科｜
二、重点任务
1.推进学校建设。新建中小学3所。
｜序号｜重点工作任务｜主要责任单位｜
｜一、办学条件｜｜｜
｜1｜新建中小学3所。｜计财科｜
｜（二）队伍建设｜｜｜
｜2｜招聘新教师200名。｜组织人事科｜
2.深化集团化办学。新组建教育集团3个。
"""


def test_a_row_is_written_and_read_back_cell_for_cell():
    cells = ("序号", "", "多段\n文字", "含\t制表符", "竖线｜在内", "")
    line = format_row(cells)
    assert "\n" not in line and "\t" not in line
    assert bar_cells(line) == ("序号", "", "多段 文字", "含 制表符", "竖线／在内", "")


@pytest.mark.parametrize(
    ("line", "cells"),
    [
        ("｜a｜b｜", ("a", "b")),
        ("  ｜a｜｜  ", ("a", "")),
        ("|序号|任务|", ("序号", "任务")),  # typed by hand with ASCII bars
        ("｜一栏的表｜", ("一栏的表",)),
        ("｜｜｜", None),  # no text in any cell
        ("｜只有开头", None),
        ("加强党建｜", None),
        ("全面加强党的建设。", None),
    ],
)
def test_bar_rows(line, cells):
    assert bar_cells(line) == cells


def test_tab_rows_count_in_runs_of_the_same_width():
    lines = [
        "一句话里\t有个制表符。",  # alone: not a table
        "",
        "序号\t项目\t责任单位",
        "1\t新建学校\t基建科",
        "\t续建学校\t",  # empty first and last cells keep the row's width
        "2\t只有两栏",  # another width ends the run
        "正文。",
    ]
    rows = table_rows(lines)
    assert sorted(rows) == [2, 3, 4]
    assert rows[4] == ("", "续建学校", "")


def test_tables_are_found_with_their_lines_and_cells():
    tables = find_tables(PLAN)
    assert [(t.first_line, t.last_line, t.columns) for t in tables] == [(4, 6, 4), (9, 13, 3)]
    assert tables[1].rows[1] == ("一、办学条件", "", "")
    lines = PLAN.split("\n")
    assert tables[0].span.slice(PLAN) == "\n".join(lines[3:6])


def test_cells_are_not_headings_and_the_outline_is_the_plan_s():
    plan = parse(PLAN)
    assert [(n.level, n.marker_text, n.headline) for n in plan.walk()] == [
        (1, "一、", "主要目标"),
        (1, "二、", "重点任务"),
        (2, "1.", "推进学校建设"),
        (2, "2.", "深化集团化办学"),
    ]
    roles = {p.line: p.role for p in plan.paragraphs}
    assert [roles[n] for n in (4, 5, 6, 9, 10, 11, 12, 13)] == [ParagraphRole.TABLE] * 8
    assert roles[14] is ParagraphRole.HEADING
    assert [(t.first_line, t.rows[0]) for t in plan_tables(plan)] == [
        (4, ("序号", "指标", "2025年目标", "责任科室")),
        (9, ("序号", "重点工作任务", "主要责任单位")),
    ]


def test_a_plan_without_tables_parses_as_before():
    text = PLAN.replace("｜", "")
    plan = parse(text)
    assert plan_tables(plan) == []
    assert all(p.role is not ParagraphRole.TABLE for p in plan.paragraphs)


def _as_tab_rows(text: str) -> str:
    """The same plan with its tables as Word gives them when copied as text: tab-separated."""
    return "\n".join(
        line[1:-1].replace("｜", "\t") if line.startswith("｜") else line for line in text.split("\n")
    )


@pytest.mark.parametrize("text", [PLAN, _as_tab_rows(PLAN)], ids=["bars", "tabs"])
def test_checks_find_nothing_in_the_tables(text):
    """The bars or tabs between cells, the cells without a full stop, the numbers of a 序号
    column and a merged row's 一、 are the table's form, not defects of the text."""
    from checks.run import run_checks

    plan = parse(text)
    table_lines = {p.line for p in plan.paragraphs if p.role is ParagraphRole.TABLE}
    assert len(table_lines) == 8
    found = [(f.code, f.line, f.message) for f in run_checks(plan) if f.line in table_lines]
    assert found == []


def test_a_space_inside_a_cell_is_still_a_gap():
    from checks.run import run_checks

    text = _as_tab_rows(PLAN).replace("新建中小学3所。\t", "新建中小学 3所。\t")
    plan = parse(text)
    assert [(f.code, f.line) for f in run_checks(plan) if f.code == "P005"] == [("P005", 11)]


def test_a_saved_text_file_keeps_its_tables(tmp_path):
    """A draft saved as .txt and opened again: cleaning (rejoining broken lines, page furniture)
    must leave the rows as they are."""
    from desktop.plan.read.loader import load_plan

    path = tmp_path / "plan.txt"
    path.write_text(PLAN, encoding="utf-8")
    source, plan = load_plan(path)
    assert [t.rows for t in plan_tables(plan)] == [t.rows for t in find_tables(PLAN)]
    assert source.text.strip() == PLAN.strip()


def test_word_tables_read_as_rows_of_the_grid(tmp_path):
    """Merged down, merged across, a nested table, a row in a content control, a tab in a cell:
    every row keeps the grid's number of cells, in document order."""
    from docx import Document
    from docx.oxml.parser import OxmlElement

    from desktop.plan.read.docx_reader import read_docx

    document = Document()
    document.add_paragraph("一、重点项目")
    table = document.add_table(rows=4, cols=3)
    for r, row in enumerate(
        [("序号", "项目", "责任单位"), ("1", "新建学校", "基建科"), ("2", "改建学校", "")]
    ):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 2).merge(table.cell(2, 2))  # 基建科 for both rows
    merged = table.cell(3, 0).merge(table.cell(3, 1))
    merged.text = "合计"
    cell = table.cell(3, 2)
    cell.text = ""
    run = cell.paragraphs[0].add_run("两所")
    run.add_tab()
    run.add_text("另计")
    inner = cell.add_table(rows=1, cols=2)
    inner.cell(0, 0).text = "内表"
    inner.cell(0, 1).text = "文字"
    sdt, content = OxmlElement("w:sdt"), OxmlElement("w:sdtContent")
    row = table._tbl.tr_lst[1]
    row.addprevious(sdt)
    sdt.append(content)
    content.append(row)
    document.add_paragraph("二、保障措施")
    path = tmp_path / "合并.docx"
    document.save(path)

    assert read_docx(path) == [
        "一、重点项目",
        "｜序号｜项目｜责任单位｜",
        "｜1｜新建学校｜基建科｜",
        "｜2｜改建学校｜｜",
        "｜合计｜｜两所 另计 内表 文字｜",
        "二、保障措施",
    ]


@pytest.mark.parametrize("text", [PLAN, _as_tab_rows(PLAN)], ids=["bars", "tabs"])
def test_targets_in_a_table_name_what_the_row_counts(text):
    """A value alone in its cell counts what the row's label cell names; a cell with its own
    words keeps them; no bar or tab gets into a subject."""
    from desktop.plan.targets import extract_targets

    plan = parse(text)
    found = {(t.line, t.subject, t.text) for t in extract_targets(plan)}
    assert {
        (5, "学前三年毛入园率", "99%以上"),
        (6, "义务教育巩固率", "99.8%"),
        (11, "新建中小学", "3所"),
    } <= found
    assert all("｜" not in t.subject and "\t" not in t.subject for t in extract_targets(plan))


def test_cell_spans_point_into_the_line():
    from desktop.plan.tables import cell_spans

    for line in ("｜ 序号｜项目 ｜｜", "序号\t 项目\t"):
        assert [line[a:b] for a, b in cell_spans(line)] == ["序号", "项目", ""]
