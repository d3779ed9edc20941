"""The page geometry of an export, read from the template's own section properties.

A bureau that swaps the template (other margins, another grid) must get a layout that fits its
page, so nothing here is a constant: paper, margins and grid pitch come from the template's
``w:sectPr``, the size of one body character from its 正文 style (through ``basedOn`` and
docDefaults, as Word resolves it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from docx.document import Document


@dataclass(frozen=True)
class Geometry:
    """Twips throughout (1/20 pt)."""

    page_width: int
    page_height: int
    top: int
    bottom: int
    left: int
    right: int
    footer: int
    line_pitch: int  # the grid's row pitch (docGrid linePitch)
    char: int  # one body character (3号 = 16 pt = 320)

    @property
    def text_width(self) -> int:
        return self.page_width - self.left - self.right

    @property
    def text_height(self) -> int:
        return self.page_height - self.top - self.bottom

    @property
    def rows(self) -> int:
        return self.text_height // self.line_pitch

    @classmethod
    def of(cls, doc: Document, body_style: str = "正文") -> Geometry:
        """The geometry of the document's last (body) section; an unusable one is an InputError."""
        sect = doc.element.body.find(qn("w:sectPr"))
        size = sect.find(qn("w:pgSz")) if sect is not None else None
        margins = sect.find(qn("w:pgMar")) if sect is not None else None
        grid = sect.find(qn("w:docGrid")) if sect is not None else None
        try:

            def twips(element, name: str) -> int:
                return int(element.get(qn(f"w:{name}")))

            char = style_size(doc, body_style)
            pitch = twips(grid, "linePitch") if grid is not None and grid.get(qn("w:linePitch")) else 0
            return cls(
                page_width=twips(size, "w"),
                page_height=twips(size, "h"),
                top=abs(twips(margins, "top")),
                bottom=abs(twips(margins, "bottom")),
                left=twips(margins, "left"),
                right=twips(margins, "right"),
                footer=twips(margins, "footer"),
                line_pitch=pitch or round(char * 1.5),
                char=char,
            )
        except (AttributeError, TypeError, ValueError):
            raise InputError(None, "模板的页面设置（纸张、页边距）无法读取") from None


def style_size(doc: Document, style_name: str) -> int:
    """Twips of one character of ``style_name`` (its ``w:sz`` through basedOn, then docDefaults):
    the font size in twentieths of a point, which is also a square character's width."""
    root = doc.styles.element
    by_id = {s.get(qn("w:styleId")): s for s in root.findall(qn("w:style"))}
    by_name = {
        s.find(qn("w:name")).get(qn("w:val")): s for s in by_id.values() if s.find(qn("w:name")) is not None
    }
    style = by_name.get(style_name)
    seen = 0
    while style is not None and seen < 20:
        sz = style.find(f"{qn('w:rPr')}/{qn('w:sz')}")
        if sz is not None:
            return int(sz.get(qn("w:val"))) * 10
        based = style.find(qn("w:basedOn"))
        style = by_id.get(based.get(qn("w:val"))) if based is not None else None
        seen += 1
    sz = root.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}")
    return int(sz.get(qn("w:val"))) * 10 if sz is not None else 320
