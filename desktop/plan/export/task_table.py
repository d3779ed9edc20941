"""The task breakdown table (任务分解表): one row per work item of the plan.

Every bureau turns its plan into this table to assign the work: 序号, 工作任务 (the item's
headline), 主要内容, 牵头单位, 责任单位, 完成时限. Where the plan says who is responsible
— ``（牵头单位：…；责任单位：…）``, ``（责任科室：…）``, ``完成时限：…`` — the columns are filled
from it; otherwise they are left blank to be filled in Word. Landscape A4, header row repeated
on every page, in the template's styles. The header row and the labels are data (``task_table``
in ``resources/plan_words.yaml``), read on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.plan.model import Node, Plan
from desktop.plan.plan_words import alternation, words

if TYPE_CHECKING:
    from docx.document import Document

# Column widths in twips; they add up to the landscape 版心 (297 − 37 − 35 mm = 12756). The word
# list is checked to hold as many headers (plan_words.LENGTHS).
WIDTHS = (800, 3000, 4256, 1600, 1600, 1500)


def headers() -> tuple[str, ...]:
    """The header row (序号, 工作任务 …): ``task_table.headers`` of ``resources/plan_words.yaml``."""
    return _labels().headers


def __getattr__(name: str) -> object:
    """``HEADERS``, read from the word list on first use rather than when the module is imported."""
    if name == "HEADERS":
        return headers()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True)
class _Labels:
    """The labels that fill the 牵头单位, 责任单位 and 完成时限 columns, and the patterns finding them."""

    headers: tuple[str, ...]
    lead: frozenset[str]
    responsible: frozenset[str]
    paren: re.Pattern[str]  # a parenthesised run of labelled parts: （牵头单位：基教科；责任单位：各学校）
    part: re.Pattern[str]  # one labelled part inside it
    deadline_inline: re.Pattern[str]  # 完成时间：6月底前 in the running text


@lru_cache(maxsize=1)
def _labels() -> _Labels:
    lead, responsible = words("task_table", "lead"), words("task_table", "responsible")
    labels = alternation(lead + responsible + words("task_table", "deadline"))
    inline = alternation(words("task_table", "deadline_inline"))
    return _Labels(
        headers=words("task_table", "headers"),
        lead=frozenset(lead),
        responsible=frozenset(responsible),
        paren=re.compile(rf"[（(]\s*((?:{labels})\s*[：:][^（）()]*)[）)]"),
        part=re.compile(rf"({labels})\s*[：:]\s*([^；;（）()]*)"),
        deadline_inline=re.compile(rf"(?:{inline})\s*[：:]\s*([^；;。，,（）()\n]+)"),
    )


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
    rows = []
    for number, node in enumerate(plan.items(), 1):
        own = node.own_span.slice(text)
        lead, responsible, deadline = _responsibilities(own)
        rows.append(
            TaskRow(
                number=number,
                task=node.headline,
                content=_content(node, text),
                lead=lead,
                responsible=responsible,
                deadline=deadline,
                line=node.line,
            )
        )
    return rows


def _responsibilities(own: str) -> tuple[str, str, str]:
    labels = _labels()
    lead: list[str] = []
    responsible: list[str] = []
    deadline: list[str] = []
    for paren in labels.paren.finditer(own):
        for label, value in labels.part.findall(paren.group(1)):
            value = value.strip(" ，,、。")
            if not value:
                continue
            if label in labels.lead:
                lead.append(value)
            elif label in labels.responsible:
                responsible.append(value)
            else:
                deadline.append(value)
    if not deadline:
        deadline = [m.group(1).strip() for m in labels.deadline_inline.finditer(own)][:1]
    return "、".join(lead), "、".join(responsible), "、".join(deadline)


def _content(node: Node, text: str) -> str:
    """The item's own text after its headline, with the responsibility brackets taken out."""
    start = node.headline_span.end
    if node.headline_end and text.startswith(node.headline_end, start):
        start += len(node.headline_end)
    start = max(start, node.own_span.start)
    body = text[start : node.own_span.end]
    body = _labels().paren.sub("", body)
    return "\n".join(line.strip(" \t\u3000") for line in body.splitlines() if line.strip(" \t\u3000"))


def build_task_document(plan: Plan, template: Path | None = None) -> Document:
    """The task table as a landscape document in the template's styles."""
    import docx

    from desktop.plan.errors import InputError
    from desktop.plan.export import ooxml
    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE, PAGE, apply_profile, profile_beside

    template = Path(template) if template else DEFAULT_TEMPLATE
    try:
        doc = docx.Document(str(template))
    except Exception:
        raise InputError(template, "不是可用的 Word 模板（.docx）") from None
    profile = profile_beside(template)
    if profile is not None:
        apply_profile(doc, profile)
    names = {s.name: s.style_id for s in doc.styles}

    def style_id(*candidates: str) -> str | None:
        return next((names[c] for c in candidates if c in names), None)

    ooxml.clear_body(doc.element.body)
    margins = PAGE["margins"]
    sect_pr = doc.sections[0]._sectPr
    landscape = {
        "top": margins["left"],
        "bottom": margins["right"],
        "left": margins["top"],
        "right": margins["bottom"],
        "header": margins["header"],
        "footer": margins["footer"],
    }
    ooxml.set_page(sect_pr, width=PAGE["height"], height=PAGE["width"], margins=landscape, landscape=True)

    title = (plan.metadata.title or "工作要点") + "任务分解表"
    heading = doc.add_paragraph(title)
    heading._p.style = style_id("表格标题", "标题")
    blank = doc.add_paragraph()
    blank._p.style = style_id("表格文字", "正文")

    rows = task_rows(plan)
    header_row = headers()
    table = doc.add_table(rows=1 + len(rows), cols=len(header_row))
    tbl_pr = table._tbl.tblPr
    ooxml.set_table_geometry(tbl_pr, sum(WIDTHS), cell_margin=None)
    ooxml.set_table_borders(
        tbl_pr, dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), 4)
    )
    for grid_col, width in zip(table._tbl.tblGrid.iterchildren(), WIDTHS, strict=True):
        ooxml.set_attrs(grid_col, w=width)
    header_style, cell_style = style_id("表头", "正文"), style_id("表格文字", "正文")
    for index, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        values = header_row if index == 0 else rows[index - 1].cells()
        if index == 0:
            ooxml.cant_split(tr_pr)
            ooxml.repeat_as_header(tr_pr)
        for cell, width, value in zip(row.cells, WIDTHS, values, strict=True):
            ooxml.set_attrs(cell._tc.get_or_add_tcPr().get_or_add_tcW(), w=width, type="dxa")
            lines = value.split("\n") if value else [""]
            paragraph = cell.paragraphs[0]
            for i, line in enumerate(lines):
                p = paragraph if i == 0 else cell.add_paragraph()
                p._p.style = header_style if index == 0 else cell_style
                if line:
                    run = p.add_run(line)
                    if ooxml.needs_east_asia_hint(line):
                        ooxml.set_fonts(run._r.get_or_add_rPr(), None, None, hint=True)
            if index and value and width <= WIDTHS[0]:
                ooxml.set_justification(cell.paragraphs[0]._p.get_or_add_pPr(), "center")
    tail = doc.add_paragraph()
    tail._p.style = cell_style
    return doc
