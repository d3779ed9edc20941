"""The task breakdown table (任务分解表): one row per work item of the plan.

Every bureau turns its plan into this table to assign the work: 序号, 工作任务 (the item's
headline), 主要内容, 牵头单位, 责任单位, 完成时限. Where the plan says who is responsible
— ``（牵头单位：…；责任单位：…）``, ``（责任科室：…）``, ``完成时限：…`` — the columns are filled
from it (see :mod:`desktop.plan.export.responsibilities`); otherwise they are left blank to be
filled in Word. The header row and the labels are data (``task_table`` in
``resources/plan_words.yaml``), read on first use.

The page is the template's A4 turned to landscape: its margins turn with it, so the 版心 is the
portrait one on its side (225 × 156 mm), and the footer distance is set so the page number keeps the
portrait pages' place relative to the 版心 (GB/T 9704 7.5: 一字线 either side, 4号 宋体, 7 mm below
the 版心). The table is written by :func:`desktop.plan.export.tables.add_table`: header row
repeated on every page, no row split across pages, widths following the content (主要内容 wide,
序号 narrow and centred; an empty column no wider than its header).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.plan.export.responsibilities import find_responsibilities, without
from desktop.plan.model import Node, ParagraphRole, Plan
from desktop.plan.plan_words import words

if TYPE_CHECKING:
    from docx.document import Document

# The narrowest each column may be, in twips (the widths themselves follow the content): 序号 two
# characters, the headline four, 主要内容 twelve; 牵头单位 and 责任单位 about five, 完成时限 four,
# so their headers stand on one line and an empty cell leaves room to fill in by hand — these
# are the columns the writer's colleagues complete. The word list is checked to hold as many
# headers (plan_words.LENGTHS).
WIDTHS = (730, 1290, 3530, 1500, 1500, 1300)


def headers() -> tuple[str, ...]:
    """The header row (序号, 工作任务 …): ``task_table.headers`` of ``resources/plan_words.yaml``."""
    return _headers()


@lru_cache(maxsize=1)
def _headers() -> tuple[str, ...]:
    return words("task_table", "headers")


def __getattr__(name: str) -> object:
    """``HEADERS``, read from the word list on first use rather than when the module is imported."""
    if name == "HEADERS":
        return headers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class TaskRow:
    number: int
    task: str  # the item's headline
    content: str  # the rest of the item's own text, responsibilities removed
    lead: str = ""
    responsible: str = ""
    deadline: str = ""
    line: int = 0

    def cells(self) -> tuple[str, ...]:
        return (str(self.number), self.task, self.content, self.lead, self.responsible, self.deadline)


def task_rows(plan: Plan) -> list[TaskRow]:
    """One row per work item (``plan.items()``), in document order."""
    text = plan.text
    table_lines = {p.line for p in plan.paragraphs if p.role is ParagraphRole.TABLE}
    rows = []
    for number, node in enumerate(plan.items(), 1):
        found = find_responsibilities(node.own_span.slice(text))
        rows.append(
            TaskRow(
                number=number,
                task=node.headline,
                content=_content(plan, node, found.cut, table_lines),
                lead=found.lead,
                responsible=found.responsible,
                deadline=found.deadline,
                line=node.line,
            )
        )
    return rows


def _content(plan: Plan, node: Node, cut: tuple[tuple[int, int], ...], table_lines: set[int]) -> str:
    """The item's own text after its headline, without what names the units and the deadline,
    and without the rows of a table inside it (a table does not fit in a cell)."""
    text = plan.text
    own = node.own_span
    start = node.headline_span.end
    if node.headline_end and text.startswith(node.headline_end, start):
        start += len(node.headline_end)
    start = max(start, own.start)
    shifted = tuple((a + own.start, b + own.start) for a, b in cut)
    kept = tuple((max(a, start) - start, b - start) for a, b in shifted if b > start)
    body = without(text[start : own.end], kept)
    first_line = plan.lines.line_of(start)
    lines = [
        line.strip(" \t\u3000")
        for offset, line in enumerate(body.split("\n"))
        if first_line + offset not in table_lines
    ]
    return "\n".join(line for line in lines if line)


def build_task_document(plan: Plan, template: Path | None = None) -> Document:
    """The task table as a landscape document in the template's styles."""
    import docx

    from desktop.plan.errors import InputError
    from desktop.plan.export import ooxml
    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE, apply_profile, profile_beside
    from desktop.plan.export.geometry import Geometry
    from desktop.plan.export.printable import printable
    from desktop.plan.export.tables import TableLayout, add_table

    plan = printable(plan)

    template = Path(template) if template else DEFAULT_TEMPLATE
    try:
        doc = docx.Document(str(template))
    except Exception:
        raise InputError(template, "不是可用的 Word 模板（.docx）") from None
    profile = profile_beside(template)
    if profile is not None:
        apply_profile(doc, profile)
    portrait = Geometry.of(doc)
    names = {s.name: s.style_id for s in doc.styles}

    def style_id(*candidates: str) -> str | None:
        return next((names[c] for c in candidates if c in names), None)

    ooxml.clear_body(doc.element.body)
    sect_pr = doc.sections[0]._sectPr
    ooxml.set_page(
        sect_pr,
        width=portrait.page_height,
        height=portrait.page_width,
        margins=landscape_margins(portrait),
        landscape=True,
    )

    title = (plan.metadata.title or "工作要点") + "任务分解表"
    heading = doc.add_paragraph(title)
    heading._p.style = style_id("表格标题", "标题")
    blank = doc.add_paragraph()
    blank._p.style = style_id("表格文字", "正文")

    rows = [headers()] + [row.cells() for row in task_rows(plan)]
    layout = TableLayout(
        width=portrait.page_height - portrait.top - portrait.bottom,
        height=portrait.page_width - portrait.left - portrait.right,
    )
    add_table(doc, rows, layout, header=True, floors=WIDTHS)
    _tail(doc, style_id("表格文字", "正文"))
    _set_properties(doc, title, plan.metadata.issuer)
    return doc


def landscape_margins(portrait) -> dict[str, int]:  # portrait: geometry.Geometry
    """The portrait margins turned with the page (top ← left, right ← top …), and the footer
    distance that keeps the page number as far below the 版心 as on a portrait page."""
    below_text = portrait.bottom - portrait.footer  # 版心 foot to footer foot, portrait
    bottom = portrait.right
    return {
        "top": portrait.left,
        "bottom": bottom,
        "left": portrait.top,
        "right": portrait.bottom,
        "footer": max(bottom - below_text, 0),
    }


def _tail(doc: Document, style: str | None) -> None:
    """The paragraph after the table (a document must not end with one: LibreOffice drops it),
    one point high, so a table that fills its last page does not push it onto an empty one."""
    from desktop.plan.export import ooxml

    tail = doc.add_paragraph()
    tail._p.style = style
    ppr = tail._p.get_or_add_pPr()
    ooxml.set_exact_spacing(ppr, 20)
    ooxml.set_size(ooxml.child(ppr, "rPr", ooxml.PPR_SEQ), 1)  # the paragraph mark's size


def _set_properties(doc: Document, title: str, issuer: str) -> None:
    from desktop.plan.export import package

    package.drop_leftovers(doc)
    package.set_properties(doc, title, issuer)
