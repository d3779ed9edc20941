"""Tables kept: a source .docx table → bar rows in the editor → a real Word table, cell for cell."""

from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from desktop.plan.export.tables import TableLayout, add_table, column_widths, estimated_rows, is_header
from desktop.plan.read.docx_reader import read_docx
from desktop.plan.read.loader import load_plan
from desktop.plan.tables import format_row, plan_tables
from tests.export.conftest import Resolver
from tests.export.table_docs import TARGETS, TASKS, build_source_docx, expected_cells, write_with_tables

TEMPLATE_WIDTH = 8845  # the template's portrait 版心 in twips


@pytest.fixture(scope="module")
def source_docx(tmp_path_factory):
    return build_source_docx(tmp_path_factory.mktemp("tables") / "source.docx")


@pytest.fixture(scope="module")
def source_plan(source_docx):
    return load_plan(source_docx)


@pytest.fixture(scope="module")
def exported(source_plan, tmp_path_factory):
    _, plan = source_plan
    return write_with_tables(plan, tmp_path_factory.mktemp("tables-out") / "exported.docx")


def test_the_editor_text_keeps_every_cell(source_plan):
    source, plan = source_plan
    lines = source.text.split("\n")
    for rows in (TARGETS, TASKS):
        for cells in expected_cells(rows):
            assert format_row(cells) in lines
    assert [t.rows for t in plan_tables(plan)] == [
        tuple(tuple(r) for r in expected_cells(TARGETS)),
        tuple(tuple(r) for r in expected_cells(TASKS)),
    ]
    # The merged section rows head no node; the plan's own headings do.
    assert [n.marker_text + n.headline for n in plan.nodes] == [
        "一、主要目标",
        "二、重点任务",
        "三、任务分解",
        "四、保障措施",
    ]


def test_the_export_has_the_same_tables_in_place(source_docx, exported):
    doc = docx.Document(str(exported))
    assert len(doc.tables) == 2
    # python-docx reads the unmerged table exactly.
    assert [[c.text for c in row.cells] for row in doc.tables[0].rows] == expected_cells(TARGETS)
    # Read back as the editor reads a .docx: the same lines as the source, tables in place.
    assert read_docx(exported)[:-1] == read_docx(source_docx)
    body = [child.tag.split("}")[1] for child in doc.element.body]
    assert body[:7] == ["p", "p", "p", "p", "tbl", "p", "p"]


def test_header_repeats_and_no_row_splits(exported):
    doc = docx.Document(str(exported))
    for table in doc.tables:
        rows = table._tbl.tr_lst
        assert all(tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in rows)
        headers = [tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None for tr in rows]
        assert headers == [True] + [False] * (len(rows) - 1)


def test_merged_rows_span_the_table(exported):
    table = docx.Document(str(exported)).tables[1]
    spans = [tr.tc_lst[0].tcPr.find(qn("w:gridSpan")) for tr in table._tbl.tr_lst]
    spanned = [i for i, span in enumerate(spans) if span is not None]
    assert spanned == [1, 4]
    assert all(spans[i].get(qn("w:val")) == "4" for i in spanned)


def test_cells_are_fangsong_4hao_and_the_header_heiti(exported):
    doc = docx.Document(str(exported))
    resolve = Resolver(doc)
    table = doc.tables[0]
    header = table.rows[0].cells[1].paragraphs[0]._p
    cell = table.rows[1].cells[1].paragraphs[0]._p
    run = cell.find(qn("w:r"))
    assert resolve.font(cell, run).startswith("仿宋")
    assert resolve.size(cell, run) == 14
    assert resolve.font(header, header.find(qn("w:r"))) == "黑体"
    assert resolve.hint(cell, run) == "eastAsia"


def test_widths_follow_the_content(exported):
    doc = docx.Document(str(exported))
    for table in doc.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) == TEMPLATE_WIDTH
        first_row = table._tbl.tr_lst[1 if table is doc.tables[0] else 2]
        cell_widths = [int(tc.tcPr.find(qn("w:tcW")).get(qn("w:w"))) for tc in first_row.tc_lst]
        assert cell_widths == grid
    targets, tasks = (
        [int(c.get(qn("w:w"))) for c in t._tbl.tblGrid.findall(qn("w:gridCol"))] for t in doc.tables
    )
    assert targets[0] == min(targets)  # 序号
    assert tasks[1] == max(tasks)  # 重点工作任务
    # 序号 is centred; the text columns are not.
    row = doc.tables[0].rows[1]
    assert row.cells[0].paragraphs[0].alignment == 1
    assert row.cells[1].paragraphs[0].alignment is None


def test_an_empty_column_is_as_narrow_as_its_header_allows():
    """The task table's case: long 主要内容, a 牵头单位 nobody filled, a filled 责任单位."""
    body = [
        (str(n), "深入学习贯彻党的二十大精神，推进教育高质量发展。" * 8, "", "组织人事科、基础教育科")
        for n in range(1, 21)
    ]
    layout = TableLayout(width=12756)
    widths = column_widths([("序号", "主要内容", "牵头单位", "责任单位"), *body], layout, header=True)
    one_line_header = 4 * layout.font_pt * 20 + 2 * layout.cell_margin
    assert widths[2] <= one_line_header < widths[3]
    assert widths[1] > 0.6 * sum(widths)
    assert widths[0] == min(widths)


def test_the_first_row_is_a_header_only_when_it_reads_as_one():
    assert is_header([("序号", "指标"), ("1", "入园率")])
    assert not is_header([("新建学校3所，新增学位2700个。", "计财科"), ("招聘教师", "人事科")])
    assert not is_header([("序号", "指标")])


def test_a_table_of_plain_rows_and_line_breaks_in_a_cell(tmp_path):
    doc = docx.Document()
    add_table(doc, [("年份", "目标"), ("2025", "第一段\n第二段")])
    doc.add_paragraph()
    doc.save(str(tmp_path / "plain.docx"))
    table = docx.Document(str(tmp_path / "plain.docx")).tables[0]
    assert [p.text for p in table.rows[1].cells[1].paragraphs] == ["第一段", "第二段"]
    with pytest.raises(ValueError):
        add_table(doc, [])


def test_the_row_estimate_grows_with_the_text():
    short = estimated_rows([("序号", "内容"), ("1", "短")])
    long = estimated_rows([("序号", "内容"), ("1", "很长的内容" * 30)])
    assert 0 < short < long


def test_two_tables_in_a_row_stay_two_tables(tmp_path):
    doc = docx.Document()
    add_table(doc, [("序号", "指标"), ("1", "入园率")])
    add_table(doc, [("序号", "任务"), ("1", "新建学校")])
    doc.add_paragraph()
    doc.save(str(tmp_path / "two.docx"))
    body = [child.tag.split("}")[1] for child in docx.Document(str(tmp_path / "two.docx")).element.body]
    assert body[:3] == ["tbl", "p", "tbl"]


def test_the_official_export_keeps_the_tables(source_docx, source_plan, tmp_path):
    """The whole trip through the official writer: source .docx → editor text → 公文 .docx, read
    back with python-docx and as the editor would read it."""
    from desktop.plan.export.docx_writer import write_docx

    _, plan = source_plan
    out = tmp_path / "official.docx"
    write_docx(plan, out)
    doc = docx.Document(str(out))
    assert len(doc.tables) >= 2
    ours = [t for t in doc.tables if t.rows[0].cells[0].text == "序号"]
    assert [[c.text for c in row.cells] for row in ours[0].rows] == expected_cells(TARGETS)
    read_back = read_docx(out)
    for rows in (TARGETS, TASKS):
        lines = [format_row(cells) for cells in expected_cells(rows)]
        start = read_back.index(lines[0])
        assert read_back[start : start + len(lines)] == lines
