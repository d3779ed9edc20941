"""Laying a plan out in the official template: which paragraph gets which style, in what order,
and how many rows of the 22-row page each one takes.

``docx_writer`` decides *what* is exported (template, profile, blockers); this module writes the
elements in GB/T 9704 order — 标题, 主送机关, body with headings by marker style, 附件说明, 署名,
成文日期, 版记 — and keeps a row count so the 版记 lands at the foot of the last page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.plan.export.docx_writer import (
    BODY_PITCH,
    CHAR,
    CHARS_PER_ROW,
    ROWS_PER_PAGE,
    TEXT_WIDTH,
    ExportProfile,
    heading_style,
)
from desktop.plan.model import Node, ParagraphRole, Plan

if TYPE_CHECKING:
    from docx.document import Document

_STRIP = " \t\u3000\xa0"


def text_width(text: str) -> float:
    """Width in 3号 characters: Chinese one, Latin letters and digits about a half."""
    return sum(0.5 if ord(ch) < 0x2000 else 1.0 for ch in text)


def break_title(title: str, max_width: float = 20.0) -> list[str]:
    """Break a 2号 title into lines at word boundaries: fewest lines, as even as possible, and
    never an hourglass (a middle line shorter than both neighbours), per GB/T 9704 7.3.3.
    """
    if text_width(title) <= max_width:
        return [title]
    import itertools

    from desktop.plan.knowledge.tokens import cut

    # The shared tokenizer: its dictionary loads only the entries the title's characters need,
    # and its user dictionary keeps a domain term (课后服务, 五育并举) whole on one line.
    words = [w for w in cut(title) if w]
    cuts = list(itertools.accumulate(len(w) for w in words))[:-1]
    no_start, no_end = set("）》」”’，、。：；！？"), set("（《「“‘")
    cuts = [c for c in cuts if title[c] not in no_start and title[c - 1] not in no_end]
    best: tuple[float, list[str]] | None = None
    for count in range(2, 5):
        for chosen in itertools.combinations(cuts, count - 1):
            bounds = (0, *chosen, len(title))
            lines = [title[a:b] for a, b in itertools.pairwise(bounds)]
            widths = [text_width(line) for line in lines]
            if max(widths) > max_width:
                continue
            mean = sum(widths) / len(widths)
            score = sum((w - mean) ** 2 for w in widths)
            if any(
                widths[i] < widths[i - 1] and widths[i] < widths[i + 1] for i in range(1, len(widths) - 1)
            ):
                score += 1000
            if best is None or score < best[0]:
                best = (score, lines)
        if best is not None:
            return best[1]
    return [title]


_INDENTED = frozenset(("正文", "一级标题", "二级标题", "三级标题", "四级标题", "附件说明"))
_NO_LINE_START = frozenset("，。、；：？！）》」』”’…—,.;:?!)%％")
_NO_LINE_END = frozenset("（《「『“‘([")
_ASCII_NARROW = frozenset(",.;:!'|il")


def line_count(text: str, indent_chars: float = 0, size: float = 16.0, width: float = TEXT_WIDTH / 20) -> int:
    """Rows a paragraph takes in the 版心, breaking as LibreOffice does: Chinese anywhere; a
    closing mark never starts a row (the glyph before it moves down with it) and an opening mark
    never ends one; a run of Latin letters or digits (2022, 1+X) moves down whole, with a
    quarter-em of automatic space between it and Chinese. The 版记 is pushed to the foot of the
    last page with this count, so it must be right to the row (tests/export measures it)."""
    tokens = _glyph_tokens(text, size)
    rows, x = 1, indent_chars * size
    row: list[tuple[str, float]] = []
    for k, (first, w) in enumerate(tokens):
        need = w + (tokens[k + 1][1] if first in _NO_LINE_END and k + 1 < len(tokens) else 0)
        if x + need > width + 0.01 and (row or x > 0):
            rows += 1
            carried: list[tuple[str, float]] = []
            if first in _NO_LINE_START:
                while row:
                    carried.insert(0, row.pop())
                    if carried[0][0] not in _NO_LINE_START:
                        break
            row, x = carried, sum(t[1] for t in carried)
        row.append((first, w))
        x += w
    return rows


def _glyph_tokens(text: str, size: float) -> list[tuple[str, float]]:
    """(first character, advance in points) of each unbreakable piece of ``text``."""
    # Glyphs condensed by 0.25 pt (Normal's character spacing).
    cjk, narrow, gap = size - 0.25, size / 4 - 0.25, size / 4
    tokens, i, n = [], 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isascii() and ch.isalnum():
            j = i
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] in ".+-"):
                j += 1
            w = sum(_latin_width(c, size) for c in text[i:j])
            # Automatic space only against ideographs, not against Chinese punctuation.
            w += gap if i > 0 and _ideograph(text[i - 1]) else 0
            w += gap if j < n and _ideograph(text[j]) else 0
        else:
            j = i + 1
            w = narrow if ch in _ASCII_NARROW else (size * 0.31 if ch.isascii() else cjk)
        tokens.append((ch, w))
        i = j
    return tokens


def _ideograph(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def _latin_width(ch: str, size: float) -> float:
    """Times New Roman advances (em) less the 0.25 pt condensing."""
    if ch in _ASCII_NARROW:
        em = 0.25
    elif ch.isupper():
        em = 0.7
    elif ch.islower():
        em = 0.45
    elif ch == "+":
        em = 0.56
    else:
        em = 0.5
    return size * em - 0.25


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Leading/trailing spaces are layout, not text: the first-line indent replaces them."""
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end


class PlanLayout:
    """Writes one plan into a template's body, keeping an estimate of the rows used so the 版记
    can be pushed to the bottom of the last page (GB/T 9704 7.4; LibreOffice and Word agree on
    the 22-row grid, so the estimate holds to about a row)."""

    def __init__(self, doc: Document, plan: Plan, profile: ExportProfile) -> None:
        from desktop.plan.export import ooxml

        self.doc, self.plan, self.text, self.meta = doc, plan, plan.text, plan.metadata
        self.profile = profile
        self.style_ids = {s.name: s.style_id for s in doc.styles}
        self.rows = 0.0  # rows used since the last page break
        self.break_next = False
        ooxml.clear_body(doc.element.body)

    # -- paragraphs --
    def para(self, style: str, text: str = "", rows: float | None = None, **fmt: object):
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
            if "jc" in fmt:
                ooxml.set_justification(ppr, str(fmt["jc"]))
            if "indent" in fmt:
                ooxml.set_indent(ppr, **fmt["indent"])  # type: ignore[arg-type]
        self.count_rows(rows if rows is not None else self.estimate(text, style), style)
        return p

    def run(self, p, text: str, char_style: str | None = None):
        from desktop.plan.export import ooxml

        r = p.add_run(text)
        if char_style:
            r._r.style = self.style_ids[char_style]
        if ooxml.needs_east_asia_hint(text):
            ooxml.set_fonts(r._r.get_or_add_rPr(), None, None, hint=True)
        return r

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.para("正文", rows=1)

    def estimate(self, text: str, style: str) -> float:
        indent = 2 if style in _INDENTED else 0
        return line_count(text, indent)

    def count_rows(self, rows: float, style: str) -> None:
        used = self.rows % ROWS_PER_PAGE
        # keepNext: a heading ending on the page's last row moves to the next page.
        if style in ("一级标题", "二级标题") and used + rows >= ROWS_PER_PAGE and used:
            self.rows += ROWS_PER_PAGE - used
        self.rows += rows

    def page_break(self) -> None:
        """The next paragraph starts a page (``pageBreakBefore``: a break run would leave its
        empty paragraph on the new page's first row)."""
        self.break_next = True
        self.rows = 0

    # -- elements --
    def title(self, title: str) -> None:
        if not title:
            return
        lines = break_title(title)
        p = self.para("标题", rows=len(lines))
        for i, line in enumerate(lines):
            r = self.run(p, line)
            if i < len(lines) - 1:
                r.add_break()
        self.blank()

    def write(self) -> None:
        plan, meta = self.plan, self.meta
        plan_title = meta.title or (plan.title_span.slice(self.text) if plan.title_span else "")
        if plan.notice is not None:
            self.notice(plan_title)
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
        self.banji()

    def notice(self, plan_title: str) -> None:
        notice, meta, text = self.plan.notice, self.meta, self.text
        assert notice is not None
        self.title(notice.title)
        skip = {meta.issuer, meta.date, meta.note} - {""}
        attachment_written = False
        for span in notice.body:
            start, end = _strip_span(text, span.start, span.end)
            line = text[start:end]
            if not line or line in skip:
                continue
            if line.startswith(("抄送", "印发")) or (meta.printer and line.startswith(meta.printer)):
                break  # 抄送/印发 close the notice; the 版记 writes them from the metadata
            if line.startswith("附件"):
                if not attachment_written:
                    self.blank()
                attachment_written = True
                self.para("附件说明", line)
            elif line.endswith(("：", ":")) and self.rows <= 3 and text_width(line) < 3 * CHARS_PER_ROW:
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
        skip = {meta.issuer, meta.date, meta.note, meta.title} - {""}
        first_preamble = True  # a first preamble line ending in a colon is the 主送机关
        for paragraph in plan.paragraphs:
            role = paragraph.role
            if role in (ParagraphRole.BLANK, ParagraphRole.NOTICE, ParagraphRole.TITLE):
                continue
            start, end = _strip_span(text, paragraph.span.start, paragraph.span.end)
            line = text[start:end]
            if not line:
                continue
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
        p = self.para("正文", rows=self.estimate(text[start:end], "正文"))
        self.run(p, text[start:head_end], f"{style}字符")
        self.run(p, text[head_end:end])

    def attachments(self, names: tuple[str, ...]) -> None:
        if not names:
            return
        self.blank()
        label = self.profile.attachment_label
        if len(names) == 1:
            self.para("附件说明", f"{label}：{names[0]}")
            return
        for i, name in enumerate(names, 1):
            if i == 1:
                self.para("附件说明", f"{label}：{i}.{name}")
            else:  # later names start under the first name, wrapped lines under their own name
                self.para("附件说明", f"{i}.{name}", indent={"left": 5 * CHAR + CHAR, "hanging_twips": CHAR})

    def signature(self) -> None:
        """Unsealed (7.3.5.2): 署名 右空二字 one blank row below the body, the date on the next row
        with its first character two characters right of the 署名's; a longer date keeps 右空二字
        and pushes the 署名 left instead."""
        issuer, date, note = self.meta.issuer, self.meta.date, self.meta.note
        if issuer or date:
            self.blank()
        right_issuer, right_date = 2.0, 2.0
        if issuer and date:
            right_date = right_issuer + text_width(issuer) - 2 - text_width(date)
            if right_date < 2:
                right_date = 2.0
                right_issuer = right_date + text_width(date) + 2 - text_width(issuer)
        if issuer:
            self.para("署名", issuer, indent={"right": round(right_issuer * CHAR)})
        if date:
            self.para("成文日期", date, indent={"right": round(right_date * CHAR)})
        if note:
            self.para("正文", note)

    def banji(self) -> None:
        """版记 (7.4): a one-column table as wide as the 版心 at the foot of the last page."""
        from desktop.plan.export import ooxml

        meta = self.meta
        cc = "、".join(c.strip("，,、。 ") for c in meta.cc if c.strip())
        if not (cc or meta.printer or meta.print_date):
            return
        rows: list[tuple[str, str]] = []
        if cc:
            rows.append(("cc", f"抄送：{cc}。"))
        if meta.printer or meta.print_date:
            date = meta.print_date
            rows.append(("print", f"{meta.printer}\t{date}印发" if date else meta.printer))
        inset = CHAR * 14 // 16
        # 抄送 wraps after its colon (hanging 3 字), between 1-字 insets; 印发 is one row.
        needed = sum(
            line_count(t, -3, 14.0, (TEXT_WIDTH - 4 * inset) / 20) if kind == "cc" else 1 for kind, t in rows
        )
        used = self.rows % ROWS_PER_PAGE
        free = ROWS_PER_PAGE - used if used else (0 if self.rows else ROWS_PER_PAGE)
        if free < needed:
            self.page_break()
            free = ROWS_PER_PAGE
        for _ in range(int(free - needed)):
            self.para("正文", rows=1)

        table = self.doc.add_table(rows=len(rows), cols=1)
        tbl_pr = table._tbl.tblPr
        ooxml.set_table_geometry(tbl_pr, TEXT_WIDTH)
        ooxml.set_table_borders(tbl_pr, {"top": 8, "bottom": 8, "insideH": 6})
        grid_col = table._tbl.tblGrid.find(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}gridCol"
        )
        ooxml.set_attrs(grid_col, w=TEXT_WIDTH)
        for row, (kind, content) in zip(table.rows, rows, strict=True):
            ooxml.set_row_height(row._tr.get_or_add_trPr(), BODY_PITCH - 39)
            cell = row.cells[0]
            ooxml.set_attrs(cell._tc.get_or_add_tcPr().get_or_add_tcW(), w=TEXT_WIDTH, type="dxa")
            p = cell.paragraphs[0]
            p._p.style = self.style_ids["版记"]
            ppr = p._p.get_or_add_pPr()
            if kind == "cc":  # wrapped 抄送 text aligns after the colon
                ooxml.set_indent(ppr, left=inset * 4, right=inset, hanging_twips=inset * 3)
            else:
                ooxml.add_tab(ppr, TEXT_WIDTH - inset, "right")
            self.run(p, content)
        # A document ending in a table lost the table in LibreOffice: end with a 1 pt paragraph.
        tail = self.doc.add_paragraph()
        tail._p.style = self.style_ids["版记"]
        tail_ppr = tail._p.get_or_add_pPr()
        ooxml.set_flag(tail_ppr, "snapToGrid", False)  # or the grid makes it a whole row
        ooxml.set_exact_spacing(tail_ppr, 2)
        ooxml.set_size(ooxml.child(tail_ppr, "rPr", ooxml.PPR_SEQ), 0.5)
