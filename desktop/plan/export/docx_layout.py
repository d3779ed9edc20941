"""Laying a plan out in the official template: which paragraph gets which style, in what order.

``docx_writer`` decides *what* is exported (template, profile, notice or not); this module writes
the elements in GB/T 9704 order — 版头 (notice), 标题, 主送机关, body with headings by marker
style, 附件说明, 署名, 成文日期, 版记 — measured against the template's own page (``geometry``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from desktop.plan.export.closing import banji_of, closing_kind, write_banji
from desktop.plan.export.docx_writer import ExportProfile, heading_style
from desktop.plan.export.geometry import Geometry
from desktop.plan.export.measure import break_title, line_count, text_width, width_pt
from desktop.plan.export.notice import NoticeHead, write_head, write_notice_body
from desktop.plan.model import Node, ParagraphRole, Plan

__all__ = ["PlanLayout", "break_title", "line_count", "text_width"]

if TYPE_CHECKING:
    from docx.document import Document

    from desktop.plan.tables import Table

_STRIP = " \t\u3000\xa0"


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Leading/trailing spaces are layout, not text: the first-line indent replaces them."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


_INDENTED = frozenset(("正文", "一级标题", "二级标题", "三级标题", "四级标题", "附件说明"))
_ATTACHMENT = re.compile(r"^附\s*件\s*[:：]\s*(.*)$")


def attachment_names(value: str) -> list[str]:
    """``《甲》`` or ``1.《甲》2.《乙》`` → the names, without 《》 (7.3.4 writes them bare)."""
    parts = re.split(r"\s*(?<![\d.])\d{1,2}\s*[.．、]\s*", value)
    return [p.strip("《》 \t\u3000") for p in parts if p.strip("《》 \t\u3000")]


class PlanLayout:
    """Writes one plan into a template's body in GB/T 9704 order. Page breaks, keeping headings
    with what follows and putting the 版记 at the page foot are left to the word processor
    (keepNext, widow control, a table floating at the bottom margin), so the layout holds in
    Word, WPS and LibreOffice alike instead of depending on a row estimate."""

    def __init__(
        self, doc: Document, plan: Plan, profile: ExportProfile, head: NoticeHead | None = None
    ) -> None:
        from desktop.plan.export import ooxml

        self.doc, self.plan, self.text, self.meta = doc, plan, plan.text, plan.metadata
        self.profile, self.head = profile, head
        self.geo = Geometry.of(doc)
        self.style_ids = {s.name: s.style_id for s in doc.styles}
        self.break_next = False
        self.paragraphs_written = 0  # the 主送 of a notice stands among its first lines
        ooxml.clear_body(doc.element.body)

    # -- paragraphs --
    def para(self, style: str, text: str = "", **fmt: object):
        from desktop.plan.export import ooxml

        p = self.doc.add_paragraph()
        p._p.style = self.style_ids[style]
        if text:
            self.run(p, text)
        if self.break_next:
            ooxml.set_flag(p._p.get_or_add_pPr(), "pageBreakBefore", True)
            self.break_next = False
        if fmt:
            ppr = p._p.get_or_add_pPr()
            if fmt.get("keep_next"):
                ooxml.set_flag(ppr, "keepNext", True)
            if "jc" in fmt:
                ooxml.set_justification(ppr, str(fmt["jc"]))
            if "indent" in fmt:
                ooxml.set_indent(ppr, **fmt["indent"])  # type: ignore[arg-type]
        self.paragraphs_written += 1
        return p

    def run(self, p, text: str, char_style: str | None = None):
        from desktop.plan.export import ooxml

        r = p.add_run(text)
        if char_style:
            r._r.style = self.style_ids[char_style]
        if ooxml.needs_east_asia_hint(text):
            ooxml.set_fonts(r._r.get_or_add_rPr(), None, None, hint=True)
        return r

    def blank(self, count: int = 1, keep_next: bool = False) -> None:
        for _ in range(count):
            if keep_next:
                self.para("正文", keep_next=True)
            else:
                self.para("正文")

    def page_break(self) -> None:
        """The next paragraph starts a page (``pageBreakBefore``: a break run would leave its
        empty paragraph on the new page's first row)."""
        self.break_next = True

    # -- elements --
    def title(self, title: str) -> None:
        if not title:
            return
        lines = break_title(title)
        p = self.para("标题")
        for i, line in enumerate(lines):
            r = self.run(p, line)
            if i < len(lines) - 1:
                r.add_break()
        self.blank()

    def write(self) -> None:
        plan, meta = self.plan, self.meta
        plan_title = meta.title or (plan.title_span.slice(self.text) if plan.title_span else "")
        if self.head is not None or plan.notice is not None:
            if self.head is not None:
                write_head(self, self.head)
            if plan.notice is not None:
                self.notice(plan_title)
            else:
                write_notice_body(self, plan_title)
            self.page_break()
            self.para("附件标识", self.profile.attachment_label)
            self.blank()
            self.title(plan_title)
            self.body(closing=False)
        else:
            self.title(plan_title)
            if meta.recipients:
                recipients = meta.recipients.rstrip("：:")
                self.para("主送机关", recipients + "：")
            self.body(closing=True)
            self.attachments(meta.attachments)
            self.signature()
        # 附件 come before the 版记 (GB/T 9704 8): it closes the last page of the whole document.
        write_banji(self, banji_of(plan))

    def notice(self, plan_title: str) -> None:
        notice, meta, text = self.plan.notice, self.meta, self.text
        assert notice is not None
        self.title(notice.title)
        first = self.paragraphs_written
        skip = {meta.issuer, meta.date, meta.note} - {""}
        attachment_written = False
        for span in notice.body:
            start, end = _strip_span(text, span.start, span.end)
            line = text[start:end]
            if not line or line in skip or closing_kind(line, meta):
                continue  # 抄送/印发 go to the 版记, once
            if m := _ATTACHMENT.match(line):
                if not attachment_written:
                    self.attachments(tuple(attachment_names(m.group(1))) or (plan_title,))
                attachment_written = True
            elif (
                line.endswith(("：", ":")) and self.paragraphs_written - first <= 1 and line_count(line) <= 3
            ):
                self.para("主送机关", line)
            else:
                self.para("正文", line)
        if not attachment_written and plan_title:
            self.attachments((plan_title,))
        self.signature()

    def body(self, closing: bool) -> None:
        """The plan's paragraphs in order: headings by marker style, the rest 正文."""
        plan, text, meta = self.plan, self.text, self.meta
        heading_at = {node.line: node for node in plan.walk()}
        tables = self._tables()
        skip = {meta.issuer, meta.date, meta.note, meta.title} - {""}
        first_preamble = True  # a first preamble line ending in a colon is the 主送机关
        for paragraph in plan.paragraphs:
            role = paragraph.role
            if role in (ParagraphRole.BLANK, ParagraphRole.NOTICE, ParagraphRole.TITLE):
                continue
            if role is ParagraphRole.TABLE:  # a Word table at its first row; its other rows are in it
                if paragraph.line in tables:
                    self.table(tables[paragraph.line])
                continue
            start, end = _strip_span(text, paragraph.span.start, paragraph.span.end)
            line = text[start:end]
            if not line or (role is not ParagraphRole.HEADING and closing_kind(line, meta)):
                continue  # 抄送/印发 are printed in the 版记 only
            if role is ParagraphRole.CLOSING:
                if closing and line not in skip:
                    self.para("正文", line)
                continue
            if role is ParagraphRole.FRONT:
                if line not in skip or line == meta.issuer:
                    self.para("正文", line, jc="center", indent={"first_chars": 0, "first_twips": 0})
                continue
            node = heading_at.get(paragraph.line) if role is ParagraphRole.HEADING else None
            if node is None:
                recipients = (
                    role is ParagraphRole.PREAMBLE
                    and first_preamble
                    and not meta.recipients
                    and line.endswith(("：", ":"))
                    and line_count(line) <= 3
                )
                self.para("主送机关" if recipients else "正文", line)
                first_preamble = first_preamble and role is not ParagraphRole.PREAMBLE
                continue
            self.heading(node, start, end)

    def _tables(self) -> dict[int, Table]:
        """The plan's tables by first line (``desktop.plan.tables``)."""
        from desktop.plan.tables import plan_tables

        return {t.first_line: t for t in plan_tables(self.plan)}

    def table(self, table: Table) -> None:
        """A source table as a real Word table as wide as this template's 版心."""
        from desktop.plan.export.tables import TableLayout, add_table

        add_table(self.doc, table, TableLayout(width=self.geo.text_width, height=self.geo.text_height))

    def heading(self, node: Node, start: int, end: int) -> None:
        """Stand-alone when the line is the heading alone; otherwise run-in: the heading sentence
        in the heading's character style and the body continuing in 仿宋 in the same paragraph."""
        text, style = self.text, heading_style(node)
        head_end = node.headline_span.end
        if node.headline_end and text.startswith(node.headline_end, head_end):
            head_end += len(node.headline_end)
        if not start < head_end < end:
            self.para(style, text[start:end])
            return
        p = self.para("正文")
        self.run(p, text[start:head_end], f"{style}字符")
        self.run(p, text[head_end:end])

    def attachments(self, names: tuple[str, ...]) -> None:
        """附件说明 (7.3.4): one blank row below the body, ``附件：名称`` without 《》; several
        names numbered, later ones under the first name, wrapped lines under their own name."""
        names = tuple(n.strip("《》") for n in names if n.strip("《》"))
        if not names:
            return
        self.blank()
        label, char = self.profile.attachment_label, self.geo.char
        if len(names) == 1:
            self.para("附件说明", f"{label}：{names[0]}")
            return
        for i, name in enumerate(names, 1):
            if i == 1:
                self.para("附件说明", f"{label}：{i}.{name}")
            else:
                self.para("附件说明", f"{i}.{name}", indent={"left": 6 * char, "hanging_twips": char})

    def signature(self) -> None:
        """Unsealed (GB/T 9704 7.3.5.3): the 署名 one blank row below the body, 右空二字; the date
        on the next row, its first character two characters right of the 署名's. A date longer
        than the 署名 is set 右空二字 instead and the 署名's right space grows to keep the two
        characters between their first characters. Both are set flush left at computed indents,
        so the relation of their first characters is exact in any program."""
        issuer, date, note = self.meta.issuer, self.meta.date, self.meta.note
        if issuer or date:
            self.blank(keep_next=True)
        char_pt, right = self.geo.char / 20, self.geo.text_width / 20
        if issuer and date:
            issuer_w, date_w = width_pt(issuer, char_pt), width_pt(date, char_pt)
            if date_w > issuer_w:
                date_x = right - 2 * char_pt - date_w
                issuer_x = date_x - 2 * char_pt
            else:
                issuer_x = right - 2 * char_pt - issuer_w
                date_x = issuer_x + 2 * char_pt
            for style, value, x in (("署名", issuer, issuer_x), ("成文日期", date, date_x)):
                left = {"left": max(0, round(x * 20)), "right": 0, "first_chars": 0, "first_twips": 0}
                self.para(style, value, jc="left", indent=left, keep_next=style == "署名")
        elif issuer or date:
            self.para("署名" if issuer else "成文日期", issuer or date, indent={"right": 2 * self.geo.char})
        if note:
            self.para("正文", note)
