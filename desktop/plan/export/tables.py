"""Real Word tables: a plan's tables in the official export, and the rows of the task table.

The one call the official layout needs, where the body meets the first row of a table::

    from desktop.plan.export.tables import TableLayout, add_table
    from desktop.plan.tables import plan_tables

    tables = {t.first_line: t for t in plan_tables(plan)}   # once per export
    ...
    if paragraph.role is ParagraphRole.TABLE:              # each row of the text is such a line
        table = tables.get(paragraph.line)
        if table is not None:                              # the table's first line: write it all
            layout = TableLayout(width=geometry.text_width, height=geometry.text_height)
            add_table(doc, table, layout)
        continue                                           # its other lines are in the table

``estimated_rows(table, layout)`` says how many 22-row grid rows the table takes, for the layout's
page estimate. The table is appended at the end of the body, like ``doc.add_paragraph``; two
tables in a row get an empty paragraph between them, or Word would join them into one. A table
must not end the body (LibreOffice drops it): the writer's closing paragraphs follow it.

How the table looks, and why:

- cell text in the template's ``表格文字`` style (仿宋, 4号: GB/T 9704 sets the body in 3号 and
  leaves tables to practice, which uses a size smaller than the body), the header row in ``表头``
  (黑体, centred), both with single line spacing off the 22-row grid, so rows are as tall as
  their text and not 28.95 pt per line;
- the header row repeats at the top of every page the table spans (``tblHeader``) and no row
  breaks across pages (``cantSplit``): a row cut in two is the first thing a typist fixes. Only a
  row too tall for any page may break: kept whole, Word and LibreOffice cut its text off;
- column widths follow the content: each column at least as wide as its header word and its
  longest number, the rest of the 版心 given where it shortens the table most (a long 主要内容
  column wide, 序号 narrow), so an empty column never squeezes the text into one page per row;
- columns holding only short numbers (序号) are centred; a row with text in its first cell only
  (a section row such as ``一、办学条件``, merged in the source) spans the whole row;
- single 0.5 pt borders all round, fixed layout at the exact width of the 版心.

The XML is written directly (no python-docx table API): a table of a few hundred cells built
through python-docx's cell accessors costs tens of milliseconds per hundred rows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lxml import etree

from desktop.plan.export.table_widths import TEXT_WIDTH, TableLayout, column_widths, row_lines
from desktop.plan.tables import Table

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table as DocxTable

__all__ = ["TEXT_WIDTH", "TableLayout", "add_table", "column_widths", "estimated_rows", "is_header"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

BODY_PITCH_PT = 579 / 20  # one row of the 22-row grid
_HEADER_MAX_CHARS = 15  # a header cell is a short label: 序号, 工作任务, 完成时限 …
_NUMBER_CELL = re.compile(r"^[0-9０-９一二三四五六七八九十（）()．.、]{1,6}$")
_SENTENCE_MARKS = "。；;！？!?"


def add_table(
    document: Document,
    table: Table | Sequence[Sequence[str]],
    layout: TableLayout | None = None,
    *,
    header: bool | None = None,
    widths: Sequence[int] | None = None,
    floors: Sequence[int] = (),
) -> DocxTable:
    """Append ``table`` (a :class:`Table` of the plan, or rows of cell texts) to the document's
    body as a Word table. ``header`` says whether the first row is a header (guessed from its
    cells when None); ``widths`` in twips overrides the widths computed from the content, and
    ``floors`` (twips, per column) sets the narrowest a column may be. A cell's ``\\n`` starts a
    new paragraph in the cell."""
    from docx.oxml.parser import OxmlElement
    from docx.table import Table as DocxTable

    layout = layout or TableLayout()
    rows = _padded(_rows(table))
    columns = len(rows[0]) if rows else 0
    if not columns:
        raise ValueError("a table needs at least one cell")
    has_header = is_header(rows) if header is None else header
    spanning = [_spans_row(r) for r in rows]
    if widths is None:
        widths = column_widths(rows, layout, header=has_header, skip=spanning, floors=floors)
    elif len(widths) != columns:
        raise ValueError("one width per column")
    centred = _centred_columns(rows, has_header)
    splittable = _taller_than_a_page(rows, widths, layout, spanning, has_header)
    style_ids = {s.name: s.style_id for s in document.styles}
    header_id = style_ids.get(layout.header_style) or style_ids.get(layout.cell_style)
    cell_id = style_ids.get(layout.cell_style)

    tbl = OxmlElement("w:tbl")  # python-docx's element classes, so doc.tables reads it back
    _table_properties(tbl, layout, sum(widths))
    grid = etree.SubElement(tbl, f"{W}tblGrid")
    for width in widths:
        etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", str(width))
    for index, cells in enumerate(rows):
        tr = etree.SubElement(tbl, f"{W}tr")
        tr_pr = etree.SubElement(tr, f"{W}trPr")
        if not splittable[index]:
            etree.SubElement(tr_pr, f"{W}cantSplit")
        is_head = has_header and index == 0
        if is_head:
            etree.SubElement(tr_pr, f"{W}tblHeader")
        if spanning[index]:
            _cell(tr, cells[0], sum(widths), columns, header_id if is_head else cell_id, None)
            continue
        for column, (text, width) in enumerate(zip(cells, widths, strict=True)):
            jc = "center" if (is_head or column in centred) else None
            _cell(tr, text, width, 1, header_id if is_head else cell_id, jc)
    body = document.element.body
    sect_pr = body.find(f"{W}sectPr")
    last = sect_pr.getprevious() if sect_pr is not None else (body[-1] if len(body) else None)
    if last is not None and last.tag == f"{W}tbl":
        separator = document.add_paragraph()._p  # adjacent tables would merge into one
        if cell_id:
            _sub(separator.get_or_add_pPr(), "pStyle", val=cell_id)
    if sect_pr is not None:
        sect_pr.addprevious(tbl)
    else:
        body.append(tbl)
    return DocxTable(tbl, document._body)


def _taller_than_a_page(
    rows: Sequence[Sequence[str]],
    widths: Sequence[int],
    layout: TableLayout,
    spanning: Sequence[bool],
    header: bool,
) -> list[bool]:
    """Rows that would not fit on a page of their own below the repeated header: they must be
    allowed to split, or Word and LibreOffice cut their text off at the foot of the page."""
    lines = row_lines(rows, widths, layout, spanning)
    room = layout.height / 20 - (lines[0] * layout.line_pt if header else 0)
    # The estimate counts no line lost to punctuation rules: keep a fifth of the page in hand.
    return [n * layout.line_pt > 0.8 * room for n in lines]


def _rows(table: Table | Sequence[Sequence[str]]) -> list[tuple[str, ...]]:
    if isinstance(table, Table):
        return list(table.padded_rows())
    return [tuple(str(c) for c in row) for row in table]


def is_header(rows: Sequence[Sequence[str]]) -> bool:
    """A first row of short labels without sentence punctuation, above at least one more row."""
    if len(rows) < 2:
        return False
    first = [c for c in rows[0] if c]
    return bool(first) and all(
        len(c) <= _HEADER_MAX_CHARS and not any(m in c for m in _SENTENCE_MARKS + "，,") for c in first
    )


def _spans_row(cells: Sequence[str]) -> bool:
    """A section row: text in the first cell only, and more than a number (一、办学条件)."""
    return len(cells) >= 2 and bool(cells[0]) and not any(cells[1:]) and not _NUMBER_CELL.match(cells[0])


def _centred_columns(rows: Sequence[Sequence[str]], header: bool) -> set[int]:
    body = [r for r in rows[1 if header else 0 :] if not _spans_row(r)]
    centred = set()
    for column in range(len(rows[0])):
        values = [r[column] for r in body if r[column]]
        if values and all(_NUMBER_CELL.match(v) for v in values):
            centred.add(column)
    return centred


def estimated_rows(table: Table | Sequence[Sequence[str]], layout: TableLayout | None = None) -> float:
    """How many rows of the 22-row grid the table takes (for the layout's page estimate)."""
    layout = layout or TableLayout()
    rows = _padded(_rows(table))
    spanning = [_spans_row(r) for r in rows]
    widths = column_widths(rows, layout, header=is_header(rows), skip=spanning)
    return sum(row_lines(rows, widths, layout, spanning)) * layout.line_pt / BODY_PITCH_PT


def _padded(rows: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    columns = max((len(r) for r in rows), default=0)
    return [tuple(r) + ("",) * (columns - len(r)) for r in rows]


# --- XML ----------------------------------------------------------------------------------------


def _table_properties(tbl: etree._Element, layout: TableLayout, width: int) -> None:
    """tblPr in schema order: tblW jc tblBorders tblLayout tblCellMar tblLook."""
    tbl_pr = etree.SubElement(tbl, f"{W}tblPr")
    _sub(tbl_pr, "tblW", w=width, type="dxa")
    _sub(tbl_pr, "jc", val="center")
    borders = etree.SubElement(tbl_pr, f"{W}tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _sub(borders, edge, val="single", sz=layout.border, space=0, color="000000")
    _sub(tbl_pr, "tblLayout", type="fixed")
    margins = etree.SubElement(tbl_pr, f"{W}tblCellMar")
    for edge, value in (
        ("top", 0),
        ("left", layout.cell_margin),
        ("bottom", 0),
        ("right", layout.cell_margin),
    ):
        _sub(margins, edge, w=value, type="dxa")
    _sub(
        tbl_pr,
        "tblLook",
        val="04A0",
        firstRow=1,
        lastRow=0,
        firstColumn=0,
        lastColumn=0,
        noHBand=0,
        noVBand=1,
    )


def _cell(tr: etree._Element, text: str, width: int, span: int, style_id: str | None, jc: str | None) -> None:
    tc = etree.SubElement(tr, f"{W}tc")
    tc_pr = etree.SubElement(tc, f"{W}tcPr")
    _sub(tc_pr, "tcW", w=width, type="dxa")
    if span > 1:
        _sub(tc_pr, "gridSpan", val=span)
    _sub(tc_pr, "vAlign", val="center")
    for line in text.split("\n") if text else [""]:
        p = etree.SubElement(tc, f"{W}p")
        if style_id or jc:
            p_pr = etree.SubElement(p, f"{W}pPr")
            if style_id:
                _sub(p_pr, "pStyle", val=style_id)
            if jc:
                _sub(p_pr, "jc", val=jc)
        if line:
            r = etree.SubElement(p, f"{W}r")
            # The hint makes “ ” — … come from the Chinese font (see GBT9704.md).
            _sub(etree.SubElement(r, f"{W}rPr"), "rFonts", hint="eastAsia")
            t = etree.SubElement(r, f"{W}t")
            t.text = line
            if line != line.strip():
                t.set(XML_SPACE, "preserve")


def _sub(parent: etree._Element, tag: str, **attrs: object) -> etree._Element:
    element = etree.SubElement(parent, f"{W}{tag}")
    for name, value in attrs.items():
        element.set(f"{W}{name}", str(value))
    return element
