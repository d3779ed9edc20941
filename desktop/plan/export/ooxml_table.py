"""Table properties for the export's own tables (the 版记), in ECMA-376 schema order.

Split from ``ooxml`` by idea: ``w:tblPr`` and ``w:trPr`` have their own sequences, and the
版记's geometry (fixed layout, zero cell margins, floating position) is all table business.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from desktop.plan.export.ooxml import _seq, child, remove_children, set_attrs

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement


def set_table_borders(tbl_pr: BaseOxmlElement, edges: dict[str, int]) -> None:
    """Single-line borders, size in eighths of a point; edges not named get none."""
    borders = tbl_pr.find(qn("w:tblBorders"))
    if borders is not None:
        tbl_pr.remove(borders)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        size = edges.get(edge)
        if size:
            set_attrs(element, val="single", sz=size, space=0, color="000000")
        else:
            set_attrs(element, val="nil")
        borders.append(element)
    # tblPr sequence: tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize
    # tblW jc tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook
    insert_in_tblpr(tbl_pr, borders)


_TBLPR_SEQ = _seq(
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)


def insert_in_tblpr(tbl_pr: BaseOxmlElement, element: BaseOxmlElement) -> None:
    tag = element.tag.split("}")[1]
    for name in _TBLPR_SEQ[_TBLPR_SEQ.index(tag) + 1 :]:
        later = tbl_pr.find(qn(f"w:{name}"))
        if later is not None:
            later.addprevious(element)
            return
    tbl_pr.append(element)


def set_table_geometry(tbl_pr: BaseOxmlElement, width: int, cell_margin: int | None = 0) -> None:
    """Fixed layout of an exact width; zero cell margins so text lines up with the 版心."""
    for tag in ("tblW", "tblLayout", "tblCellMar", "tblInd", "jc"):
        remove_children(tbl_pr, tag)
    tbl_w = OxmlElement("w:tblW")
    set_attrs(tbl_w, w=width, type="dxa")
    insert_in_tblpr(tbl_pr, tbl_w)
    tbl_ind = OxmlElement("w:tblInd")
    set_attrs(tbl_ind, w=0, type="dxa")
    insert_in_tblpr(tbl_pr, tbl_ind)
    layout = OxmlElement("w:tblLayout")
    set_attrs(layout, type="fixed")
    insert_in_tblpr(tbl_pr, layout)
    if cell_margin is not None:
        mar = OxmlElement("w:tblCellMar")
        for edge in ("top", "left", "bottom", "right"):
            element = OxmlElement(f"w:{edge}")
            set_attrs(element, w=cell_margin, type="dxa")
            mar.append(element)
        insert_in_tblpr(tbl_pr, mar)


TRPR_SEQ = _seq(
    "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden"
)


def set_row_height(tr_pr: BaseOxmlElement, twips: int, rule: str = "atLeast") -> None:
    """At-least, not exact: exact rows clip a wrapped 抄送 line."""
    set_attrs(child(tr_pr, "trHeight", TRPR_SEQ), val=twips, hRule=rule)


def cant_split(tr_pr: BaseOxmlElement) -> None:
    child(tr_pr, "cantSplit", TRPR_SEQ)


def float_at_bottom(tbl_pr, left_margin: int) -> None:
    """Position the table at the bottom of the margin box (the 版心), never overlapping text.

    Horizontally it is placed from the page edge at the left margin rather than at the margin
    itself: the same place in Word, but LibreOffice (7.4) keeps a table as wide as the text area
    in the flow — ignoring the bottom anchor — unless its position is relative to the page."""
    pos = OxmlElement("w:tblpPr")
    set_attrs(
        pos,
        leftFromText=0,
        rightFromText=0,
        topFromText=0,
        bottomFromText=0,
        vertAnchor="margin",
        horzAnchor="page",
        tblpX=left_margin,
        tblpYSpec="bottom",
    )
    insert_in_tblpr(tbl_pr, pos)
    overlap = OxmlElement("w:tblOverlap")
    set_attrs(overlap, val="never")
    insert_in_tblpr(tbl_pr, overlap)
