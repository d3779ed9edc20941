"""P005: spaces inside Chinese text, told once per paragraph (or once for the document).

What a writer should be told, by class of space:

- between Chinese characters inside a sentence (``党 员``), or between Chinese and a number
  (``争创 3 所``, ``2025 年``): a gap in print; delete it. Text extracted from a PDF has them by the
  dozen, so they are reported per paragraph, and once for the whole document when they are all over;
- indentation, trailing blanks, a signature block: layout, not a gap in the text;
- inside 《》 or “”: a name or slogan reproduced as written (“不忘初心 牢记使命”);
- a section heading's words before its first punctuation mark, or a line with no punctuation at all
  (a title, joint issuers, a name list): spaces there separate parts on purpose;
- ``来源：某局 发布时间：…`` and ``3月14日 17:05``: fields of page furniture and a clock time;
- inside a marker (``3 .``): the S rules judge markers;
- after a part label at a line's or sentence's start (``第一部分 2022年工作总结``, ``第二章 总则``), and
  after a bare list number that lost its dot (``…职业教育。4 不断加强``): the space separates a label
  from its text; deleting it would glue the number to the words (the numbering rules judge the marker).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Option, Rule
from checks.rules.passages import chinese_side, marker_offsets, show, text_paragraphs
from desktop.plan.model import Paragraph, ParagraphRole, Span

_SPACES = re.compile(r"[ \u3000\t]+")
_LABEL_AFTER = re.compile(r"[\u4e00-\u9fff/]{2,8}[ \u3000]*[:：]")
_TIME_AFTER = re.compile(r"\d{1,2}[:：]\d\d")
_PUNCT = re.compile(r"[，。；：、,;:？！?!]")
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4}")
_HAN_RUN_END = re.compile(r"[\u4e00-\u9fff]{4}\Z")
# A part label or a bare list number ending right where the space starts, at a line's or a
# sentence's start: 第一部分 …, 第三章 …, 4 不断加强 ….
_LABEL_BEFORE = re.compile(
    r"(?:^[ \u3000\t]*|[。；！？])(?:第[一二三四五六七八九十百\d]{1,4}(?:部分|章|节|篇|编)|\d{1,2}|[一二三四五六七八九十]{1,3})\Z"
)


class SpaceInChinese(Rule):
    """中文文字之间或中文与数字之间夹有空格（争创 3 所、党 员）。

    Why: Chinese text is set without word spaces; a space inside a sentence comes from copying
    out of a table, a web page or a PDF, and shows as a gap in the official layout. One finding per
    paragraph, and one for the whole document when the spaces are spread over many paragraphs.
    """

    code = "P005"
    name = "space-in-chinese"
    title = "中文中有多余空格"
    severity = Severity.INFO
    basis = "实务"
    bad = "一、加强党建\n1.争创 3 所省优质园。"
    good = "一、加强党建\n1.争创3所省优质园。"
    options = (
        Option(
            "document-paragraphs",
            int,
            3,
            "多余空格分布在至少这么多个段落时，只报一条全文问题（附一键全部删除）",
        ),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        markers = marker_offsets(ctx)
        found = [
            (p, gaps)
            for p in text_paragraphs(ctx)
            if (gaps := [g for g in _gaps(ctx, p) if g.start not in markers])
        ]
        if not found:
            return
        if len(found) >= int(ctx.option(self, "document-paragraphs")):  # type: ignore[call-overload]
            every = [gap for _, gaps in found for gap in gaps]
            yield ctx.finding(
                self,
                every[0],
                f"全文有{len(every)}处多余空格（中文之间或中文与数字之间，分布在{len(found)}个段落），应删除",
                fixes=tuple(Fix(gap, "", "删除空格") for gap in every),
            )
            return
        for _, gaps in found:
            if len(gaps) == 1:
                (gap,) = gaps
                before, after = text[gap.start - 1], text[gap.end]
                yield ctx.finding(
                    self, gap, f"{show(before)}与{show(after)}之间有多余空格", Fix(gap, "", "删除空格")
                )
                continue
            yield ctx.finding(
                self,
                Span(gaps[0].start, gaps[-1].end),
                f"本段有{len(gaps)}处多余空格（中文之间或中文与数字之间），应删除",
                fixes=tuple(Fix(gap, "", "删除空格") for gap in gaps),
            )


def _gaps(ctx: Context, paragraph: Paragraph) -> list[Span]:
    """The spaces of one paragraph that a writer should delete."""
    text = ctx.text
    if paragraph.role is ParagraphRole.CLOSING:
        return []  # signature blocks are laid out with spaces on purpose
    piece = paragraph.span.slice(text)
    if " " not in piece and "\u3000" not in piece and "\t" not in piece:
        return []
    body = piece.rstrip()
    punctuated = _PUNCT.search(body)
    # A heading's own words (after its marker, up to the first mark) may be spaced on purpose.
    headline_end = _section_words_end(ctx, paragraph, body)
    gaps: list[Span] = []
    for match in _SPACES.finditer(body):
        i, j = match.start(), match.end()
        if i == 0 or j >= len(body) or body[:i].isspace():
            continue  # indentation, not a gap inside the text
        if paragraph.role is ParagraphRole.TABLE and "\t" in match.group():
            continue  # the cell separator of a table pasted from Word (desktop.plan.tables)
        if _inside(body, i, "《", "》") or _inside(body, i, "“", "”"):
            continue  # a title or slogan quoted as written: 《深化体教融合 促进…》“不忘初心 牢记使命”
        if _LABEL_AFTER.match(body, j) or _TIME_AFTER.match(body, j):
            continue  # 来源：某局 发布时间：… and 3月14日 17:05
        if _LABEL_BEFORE.search(body, 0, i):
            continue  # 第一部分 2022年工作总结; …。4 不断加强 (a list number that lost its dot)
        before, after = body[i - 1], body[j]
        if chinese_side(before) and chinese_side(after):
            if not punctuated:
                continue  # a title line, a name list, joint issuers
            if i < headline_end and _phrases_around(body, i, j):
                continue  # 指导思想 学校将…, 构建管理体系 促进规范管理: a heading's parts
        elif not ((chinese_side(before) and after.isdigit()) or (_numeric(before) and chinese_side(after))):
            continue
        gaps.append(Span(paragraph.span.start + i, paragraph.span.start + j))
    return gaps


def _section_words_end(ctx: Context, paragraph: Paragraph, body: str) -> int:
    """Where a section heading's own words end (its first mark after the marker); 0 otherwise.

    Only section headings (top level, or with items under them) have parts spaced on purpose
    (二、工作目标 构建管理体系 促进规范管理); an item's words split by a space (抓好党 员) are a slip.
    """
    if paragraph.role is not ParagraphRole.HEADING:
        return 0
    node = ctx.plan.node_at(paragraph.span.start + len(body) - len(body.lstrip()))
    if node is None or node.marker is None or node.marker.span.start < paragraph.span.start:
        return 0
    if node.level > 1 and not any(c.marker for c in node.children):
        return 0
    words = _PUNCT.search(body, node.marker.span.end - paragraph.span.start)
    return words.start() if words else len(body)


def _phrases_around(body: str, i: int, j: int) -> bool:
    """Whole phrases of Chinese on both sides of the space (not a word split in two: 加强 党建)."""
    return _HAN_RUN_END.search(body[:i]) is not None and _HAN_RUN.match(body, j) is not None


def _numeric(ch: str) -> bool:
    """The end of a number: a digit, or the % ‰ written after it (90% 以上)."""
    return ch.isdigit() or ch in "%‰％"


def _inside(body: str, i: int, opener: str, closer: str) -> bool:
    return body.rfind(opener, 0, i) > body.rfind(closer, 0, i)


RULES: tuple[type[Rule], ...] = (SpaceInChinese,)
