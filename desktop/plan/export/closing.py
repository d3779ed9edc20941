"""The 版记 (GB/T 9704 7.4): 抄送 and 印发, printed once, at the foot of the last page.

Plans arrive with their own closing lines in every spelling (``抄 送：…``, ``抄送:…``, ``…办公室
2020年3月2日印发``). The export recognises them — it does not rewrite the draft — and prints
them only in the 版记, from the metadata where the writer set it and from the recognised lines
otherwise. A 版记 without its 印发 row is a prompt before export, not a silent gap.

The 版记 is a one-column table as wide as the 版心, *floating* at the bottom of the text block
(``w:tblpPr`` anchored to the margin, ``tblpYSpec="bottom"``): Word, WPS and LibreOffice each put
it at the foot of the page that holds its anchor, whatever their line breaking, where blank rows
from a line-count estimate drift by a row when one program breaks a line differently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.plan.model import Metadata, ParagraphRole, Plan

if TYPE_CHECKING:
    from desktop.plan.export.docx_layout import PlanLayout

_CC = re.compile(r"^抄\s*[送报]\s*[:：]\s*(.*)$")
_PRINT = re.compile(r"^(.*?)\s*(\d[\d\s年月日.．-]*日?)\s*印\s*发\s*$")
_PRINT_BARE = re.compile(r"^印\s*发(?:机关)?\s*[:：]\s*(.*)$|^印\s*发\s*$")
_STRIP = " \t\u3000\xa0"


def closing_kind(line: str, meta: Metadata | None = None) -> str | None:
    """``"cc"`` for an 抄送/抄报 line, ``"print"`` for an 印发 line, else None."""
    line = line.strip(_STRIP)
    if _CC.match(line):
        return "cc"
    if len(line) > 60 or any(mark in line for mark in "，。；,;"):
        return None  # a sentence that happens to end in 印发 (…于2026年6月印发。) is body text
    if _PRINT.match(line) or _PRINT_BARE.match(line):
        return "print"
    if meta is not None and meta.printer and line.startswith(meta.printer) and "印" in line:
        return "print"
    return None


@dataclass(frozen=True)
class Banji:
    """What the 版记 prints; empty fields print nothing."""

    cc: tuple[str, ...] = ()
    printer: str = ""
    print_date: str = ""

    def __bool__(self) -> bool:
        return bool(self.cc or self.printer or self.print_date)


def _split(value: str) -> tuple[str, ...]:
    return tuple(p.strip(" 。.") for p in re.split(r"[，,、；;]", value) if p.strip(" 。."))


def banji_of(plan: Plan) -> Banji:
    """The 版记 of ``plan``: the metadata's fields, completed from recognised closing lines."""
    meta, text = plan.metadata, plan.text
    cc, printer, print_date = tuple(c for c in meta.cc if c.strip()), meta.printer, meta.print_date
    for paragraph in plan.paragraphs:
        if paragraph.role is ParagraphRole.BLANK:
            continue
        line = text[paragraph.span.start : paragraph.span.end].strip(_STRIP)
        if not cc and (m := _CC.match(line)):
            cc = _split(m.group(1))
        elif not (printer or print_date) and (m := _PRINT.match(line)):
            printer, print_date = m.group(1).strip(_STRIP), re.sub(r"\s+", "", m.group(2))
        elif not printer and (m := _PRINT_BARE.match(line)) and m.group(1):
            printer = m.group(1).strip(_STRIP)
    return Banji(cc, printer, print_date)


def banji_warnings(plan: Plan) -> list[str]:
    """Prompts before export: a 版记 whose 印发 row is missing or half filled."""
    banji = banji_of(plan)
    if not banji:
        return []
    if not (banji.printer or banji.print_date):
        return ["版记有抄送但缺少印发机关和印发日期（GB/T 9704 7.4.3）：请在“公文信息”中填写"]
    if not banji.printer:
        return ["版记缺少印发机关：请在“公文信息”中填写"]
    if not banji.print_date:
        return ["版记缺少印发日期：请在“公文信息”中填写"]
    return []


def write_banji(layout: PlanLayout, banji: Banji) -> None:
    """The 版记 table floating at the bottom of the text block, then its 1 pt anchor paragraph."""
    from desktop.plan.export import ooxml, ooxml_table

    if not banji:
        return
    geo = layout.geo
    rows: list[tuple[str, str]] = []
    if banji.cc:
        rows.append(("cc", f"抄送：{'、'.join(c.strip('，,、。 ') for c in banji.cc)}。"))
    if banji.printer or banji.print_date:
        date = f"{banji.print_date}印发" if banji.print_date else ""
        rows.append(("print", f"{banji.printer}\t{date}" if date else banji.printer))
    inset = geo.char * 14 // 16  # one 4号 character
    width = geo.text_width
    table = layout.doc.add_table(rows=len(rows), cols=1)
    tbl_pr = table._tbl.tblPr
    ooxml_table.set_table_geometry(tbl_pr, width)
    ooxml_table.set_table_borders(tbl_pr, {"top": 8, "bottom": 8, "insideH": 6})
    ooxml_table.float_at_bottom(tbl_pr, geo.left)
    grid_col = table._tbl.tblGrid.find(ooxml.qn("w:gridCol"))
    ooxml.set_attrs(grid_col, w=width)
    for row, (kind, content) in zip(table.rows, rows, strict=True):
        tr_pr = row._tr.get_or_add_trPr()
        ooxml_table.cant_split(tr_pr)
        ooxml_table.set_row_height(tr_pr, geo.line_pitch - 39)
        cell = row.cells[0]
        ooxml.set_attrs(cell._tc.get_or_add_tcPr().get_or_add_tcW(), w=width, type="dxa")
        p = cell.paragraphs[0]
        p._p.style = layout.style_ids["版记"]
        ppr = p._p.get_or_add_pPr()
        if kind == "cc":  # wrapped 抄送 text aligns after the colon
            ooxml.set_indent(ppr, left=inset * 4, right=inset, hanging_twips=inset * 3)
        else:
            ooxml.add_tab(ppr, width - inset, "right")
        layout.run(p, content)
    # The anchor: a floating table belongs to the paragraph after it. 1 pt, off the grid, so it
    # never makes a page of its own; a document ending in a table also lost it in LibreOffice.
    tail = layout.doc.add_paragraph()
    tail._p.style = layout.style_ids["版记"]
    tail_ppr = tail._p.get_or_add_pPr()
    ooxml.set_flag(tail_ppr, "snapToGrid", False)
    ooxml.set_exact_spacing(tail_ppr, 20)
    ooxml.set_size(ooxml.child(tail_ppr, "rPr", ooxml.PPR_SEQ), 1)
