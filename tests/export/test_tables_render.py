"""Tables measured in LibreOffice renders: the task table of every corpus plan, and a plan's own
tables in the portrait page.

All documents go through one soffice call (``render_many``), about 8 s for the 44 task tables.
What is measured (GBT9704.md, "Proving it without Word"):

- the table inside the 版心: every rule and every character but the page number;
- the page number's 一字线 7 mm below the 版心 (GB/T 9704 7.5; the ink of the dash, not its box),
  odd pages right and even pages left, one 4号 character in;
- no row split across pages: the rows drawn on the pages, less the repeated header on each page,
  are exactly the table's rows; each page starts with the header; a page ends early only when the
  next row would not have fitted;
- the height the layout is told (``estimated_rows``) against the height drawn.
"""

from __future__ import annotations

import itertools

import pytest

from tests.export.render import MM, page_lines, soffice

pytestmark = [
    pytest.mark.render,
    pytest.mark.skipif(soffice() is None, reason="没有安装 LibreOffice（soffice），无法渲染导出的文档"),
]

INSET_MM = 14 / 72 * 25.4  # one 4号 character
DASH_BELOW_MM = 7.0  # GB/T 9704 7.5


@pytest.fixture(scope="session")
def task_renders(tmp_path_factory):
    """Every corpus plan's task table and the table plan's export, as PDFs (one soffice call)."""
    import pymupdf
    from docx.oxml.ns import qn

    from desktop.plan.export.task_table import build_task_document, task_rows
    from desktop.plan.parse import parse
    from desktop.plan.read.loader import load_plan
    from tests.corpus_files import entries
    from tests.export.render import render_many
    from tests.export.table_docs import build_source_docx, write_with_tables

    folder = tmp_path_factory.mktemp("tables-render")
    tasks = {}
    for entry in entries():
        plan = parse(entry.text)
        rows = task_rows(plan)
        if not rows:
            continue
        path = folder / (entry.name.removesuffix(".txt") + ".docx")
        doc = build_task_document(plan)
        doc.save(str(path))
        trs = doc.tables[0]._tbl.tr_lst[1:]
        splittable = {n for n, tr in enumerate(trs, 1) if tr.trPr.find(qn("w:cantSplit")) is None}
        characters = sum(len("".join(cell.split())) for row in rows for cell in row.cells())
        tasks[entry.name] = (path, len(rows), splittable, characters)
    _, table_plan = load_plan(build_source_docx(folder / "source.docx"))
    own = write_with_tables(table_plan, folder / "own_tables.docx")
    paths = [task[0] for task in tasks.values()]
    pdfs = dict(zip([*paths, own], render_many([*paths, own], folder), strict=True))
    opened = {name: (pymupdf.open(pdfs[path]), *rest) for name, (path, *rest) in tasks.items()}
    return opened, (pymupdf.open(pdfs[own]), table_plan)


def _section(doc):
    """The landscape page's size and 版心 edges in points, from the template (turned)."""
    import docx

    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE
    from desktop.plan.export.geometry import Geometry

    portrait = Geometry.of(docx.Document(str(DEFAULT_TEMPLATE)))
    pt = 1 / 20
    return {
        "left": portrait.top * pt,
        "right": (portrait.page_height - portrait.bottom) * pt,
        "top": portrait.left * pt,
        "bottom": (portrait.page_width - portrait.right) * pt,
    }


def _ink_top(page, bbox) -> float:
    """The top of the drawn ink inside ``bbox`` (the dash is a thin stroke in a tall glyph box)."""
    import pymupdf

    pix = page.get_pixmap(clip=pymupdf.Rect(bbox), dpi=600, colorspace=pymupdf.csGRAY)
    for y in range(pix.height):
        start = y * pix.stride
        if min(pix.samples[start : start + pix.width]) < 128:
            return bbox[1] + y * 72 / 600
    raise AssertionError("no ink in the page number's dash")


def _page_number(page):
    lines = [line for line in page_lines(page) if line.text.startswith("—") and line.text.endswith("—")]
    assert len(lines) == 1, [line.text for line in page_lines(page)]
    return lines[0]


def test_task_tables_stay_inside_the_text_block(task_renders):
    from tests.export.table_grid import table_grid

    tasks, _ = task_renders
    for name, (pdf, *_) in tasks.items():
        box = _section(pdf)
        for index, page in enumerate(pdf):
            assert page.rect.width > page.rect.height, name
            horizontal, vertical = table_grid(page)
            assert vertical and horizontal, (name, index)
            assert box["left"] - 0.5 <= vertical[0] and vertical[-1] <= box["right"] + 0.5, (name, index)
            assert box["top"] - 0.5 <= horizontal[0] and horizontal[-1] <= box["bottom"] + 0.5, (name, index)
            number = _page_number(page)
            for line in page_lines(page):
                if line is not number and line.text != number.text:
                    assert box["left"] - 0.5 <= line.x0 and line.x1 <= box["right"] + 0.5, (name, line.text)
                    assert line.baseline <= box["bottom"], (name, index, line.text)


def test_task_table_page_numbers_follow_gbt9704(task_renders):
    tasks, _ = task_renders
    for name, (pdf, *_) in tasks.items():
        box = _section(pdf)
        for index, page in enumerate(pdf):
            number = _page_number(page)
            assert number.text.strip("—").strip() == str(index + 1), name
            dash = number.chars[0]
            below = (_ink_top(page, dash[1:]) - box["bottom"]) / MM
            assert below == pytest.approx(DASH_BELOW_MM, abs=0.5), (name, index, below)
            if index % 2 == 0:  # odd page: right, one character in
                assert (box["right"] - number.x1) / MM == pytest.approx(INSET_MM, abs=0.6), name
            else:
                assert (number.x0 - box["left"]) / MM == pytest.approx(INSET_MM, abs=0.6), name


def _pieces(page):
    """The table rows drawn on a page below its header: (top, bottom, 序号 text, characters)."""
    from tests.export.table_grid import table_grid

    horizontal, vertical = table_grid(page)
    chars = [c for line in page_lines(page) for c in line.chars]
    pieces = []
    for top, bottom in itertools.pairwise(horizontal[1:]):
        inside = [c for c in chars if top < (c[2] + c[4]) / 2 < bottom]
        number = "".join(c[0] for c in inside if (c[1] + c[3]) / 2 < vertical[1])
        pieces.append((top, bottom, number, len(inside)))
    return horizontal, pieces


def test_no_task_row_splits_across_pages(task_renders):
    """Every row on one page, whole; only a row too tall for any page continues on the next,
    and then no text of it is lost."""
    tasks, _ = task_renders
    for name, (pdf, count, splittable, characters) in tasks.items():
        box = _section(pdf)
        numbers, drawn, previous = [], 0, None
        for page in pdf:
            horizontal, pieces = _pieces(page)
            header_top = next(line.top for line in page_lines(page) if "序号" in line.text)
            assert horizontal[0] <= header_top <= horizontal[1], name  # the header repeats
            for index, (_, _, number, size) in enumerate(pieces):
                drawn += size
                if number:
                    numbers.append(int(number))
                else:  # the rest of a row from the page before: only a row too tall to keep whole
                    assert index == 0 and previous in splittable, (name, previous)
                previous = numbers[-1] if numbers else None
        assert numbers == list(range(1, count + 1)), name
        assert drawn == characters, name
        # A page ends early only when the next page's first row would not have fitted.
        ends = [_pieces(page) for page in pdf]
        for (horizontal, _), (_, next_pieces) in itertools.pairwise(ends):
            if next_pieces and next_pieces[0][2]:
                top, bottom = next_pieces[0][:2]
                assert horizontal[-1] + (bottom - top) > box["bottom"] - 1, name


def test_a_plan_s_own_tables_in_the_portrait_page(task_renders):
    from desktop.plan.export.tables import TableLayout, estimated_rows
    from desktop.plan.tables import plan_tables
    from tests.export.table_grid import table_grid

    _, (pdf, plan) = task_renders
    tables = plan_tables(plan)
    rules = []
    for page in pdf:
        horizontal, vertical = table_grid(page)
        if vertical:  # each table spans the 版心 exactly: 28 mm to 184 mm
            assert vertical[0] / MM == pytest.approx(28.0, abs=0.3)
            assert vertical[-1] / MM == pytest.approx(184.0, abs=0.3)
        rules.append(horizontal)
    # Every row drawn once, no table cut by a page: a rule above each row and one below the last.
    assert sum(map(len, rules)) == sum(len(t.rows) + 1 for t in tables)
    # The layout's estimate of the height is within one grid row of the render.
    first = rules[0]
    drawn = first[len(tables[0].rows)] - first[0]
    estimate = estimated_rows(tables[0], TableLayout()) * 579 / 20
    assert estimate == pytest.approx(drawn, abs=579 / 20)
