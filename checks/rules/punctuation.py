"""P rules, punctuation (GB/T 15834—2011): half-width marks, doubled marks, 〔〕; the P registry.

Half-width punctuation is the commonest defect of text copied out of web pages: it comes by the
hundred. So P002 reports one finding per paragraph, and when most of the document is written that
way, a single document-level finding with a fix for all of it instead: the brackets of (一) and
(1) markers included, so the writer is told once about one cause (S004/S005 leave those alone).

The other P rules live in modules by idea (pairs, spaces, ellipsis, pauses, colons, ends);
``RULES`` here gathers them all in code order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Option, Rule
from checks.rules import colons, ellipsis, ends, pairs, pauses, spaces
from checks.rules.passages import chinese_side, is_cjk, marker_offsets, text_paragraphs
from desktop.plan.markers import format_marker
from desktop.plan.model import Node, Paragraph, ParagraphRole, Span

BASIS_15834 = "GB/T 15834—2011"
_PLAN_ROLES = (ParagraphRole.HEADING, ParagraphRole.BODY, ParagraphRole.BLOCK)
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


_HALF = re.compile(r"[,;:?!()]")


def _half_width_marks(ctx: Context, paragraph: Paragraph) -> list[int]:
    """Offsets of half-width marks that stand in Chinese text in this paragraph."""
    text = ctx.text
    start, end = paragraph.span.start, paragraph.span.end
    piece = text[start:end]
    markers = marker_offsets(ctx)
    found: list[int] = []
    for match in _HALF.finditer(piece):
        i = match.start()
        at = start + i
        if at in markers:
            continue
        ch = piece[i]
        before = piece[i - 1] if i else ""
        after = piece[i + 1] if i + 1 < len(piece) else ""
        if ch in "()":
            if _paren_is_chinese(piece, i):
                found.append(at)
            continue
        if (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha()):
            continue  # Latin text: “Python, Java”, “http://”
        if before.isdigit() and after.isdigit():
            continue  # 1,000 and 10:30
        if chinese_side(before) or chinese_side(after):
            found.append(at)
    return found


def _paren_is_chinese(piece: str, i: int) -> bool:
    """A half-width bracket is Chinese text when what it encloses holds a Chinese character, or
    when its other half is a full-width one: (2019-2022年） is a Chinese bracket typed half."""
    if piece[i] == "(":
        ends = [k for k in (piece.find(")", i + 1), piece.find("）", i + 1)) if k != -1]
        close = min(ends) if ends else -1
        if close != -1 and piece[close] == "）":
            return True
        inner = piece[i + 1 : close] if close != -1 else piece[i + 1 : i + 6]
    else:
        open_ = max(piece.rfind("(", 0, i), piece.rfind("（", 0, i))
        if open_ != -1 and piece[open_] == "（":
            return True
        inner = piece[open_ + 1 : i] if open_ != -1 else piece[max(0, i - 5) : i]
        close = i
        i = open_
    if any(is_cjk(c) for c in inner):
        return True
    # A bracket of years or numbers set in Chinese text on both sides is a Chinese bracket:
    # 提升计划(2021—2025)，… (GB/T 15834 4.9); after Latin text it is not: Python(3.8).
    if i < 0 or close < 0:
        return False
    before = piece[i - 1] if i > 0 else ""
    after = piece[close + 1] if close + 1 < len(piece) else ""
    return is_cjk(before) and (is_cjk(after) or after in "，。；：、！？”》）,;:" or not after)


def _full_width_count(ctx: Context) -> int:
    """Full-width marks of the text, the brackets of （一） markers not counted (they are no prose)."""
    text = ctx.text
    in_markers = sum(
        n.marker.text.count("（") + n.marker.text.count("）")  # type: ignore[union-attr]
        for n in ctx.plan.numbered()
    )
    return sum(text.count(c) for c in "，；：？！（）") - in_markers


class HalfWidthPunctuation(Rule):
    """中文句子里用了半角标点（, ; : ( ) ? !）。

    Why: GB/T 15834 uses full-width marks in Chinese text; half-width ones come from web pages
    and English input methods, and print too narrow. The fix is certain: the full-width twin.
    """

    code = "P002"
    name = "half-width-punctuation"
    title = "中文中使用半角标点"
    severity = Severity.WARNING
    basis = BASIS_15834
    bad = "一、加强党建\n1.抓学习,抓落实。"
    good = "一、加强党建\n1.抓学习，抓落实。"
    options = (
        Option(
            "document-ratio",
            float,
            0.5,
            "全文半角标点占中文标点的比例达到此值时，只报一条全文问题（附一键全部改正）",
        ),
        Option("document-minimum", int, 10, "全文半角标点至少这么多处，才按全文问题报告"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        per_paragraph = _half_width_paragraphs(ctx)
        if not per_paragraph:
            return
        if half_width_document(ctx):
            total = sum(len(marks) for _, marks in per_paragraph)
            # Point at the plan's own text, not at page furniture above it.
            in_plan = [m for p, m in per_paragraph if p.role in _PLAN_ROLES] or [per_paragraph[0][1]]
            first = in_plan[0][0]
            fixes = [
                Fix(Span(at, at + 1), _FULL_WIDTH[text[at]], "改为全角标点")
                for _, marks in per_paragraph
                for at in marks
            ]
            in_markers = _marker_bracket_fixes(ctx)
            fixes.extend(in_markers)
            also = f"，另有{len(in_markers) // 2}个序号的括号" if in_markers else ""
            yield ctx.finding(
                self,
                Span(first, first + 1),
                f"全文中文部分多用半角标点（共{total}处，分布在{len(per_paragraph)}个段落{also}），应统一改为全角标点",
                fixes=tuple(sorted(fixes, key=lambda f: f.span.start)),
            )
            return
        for _, marks in per_paragraph:
            start, end = marks[0], marks[-1] + 1
            replacement = "".join(
                _FULL_WIDTH[c] if i + start in marks else c for i, c in enumerate(text[start:end])
            )
            shown = "".join(dict.fromkeys(text[at] for at in marks))
            yield ctx.finding(
                self,
                Span(start, end),
                f"本段中文中有{len(marks)}处半角标点（{shown}），应改为全角",
                Fix(Span(start, end), replacement, "改为全角标点"),
            )


def _half_width_paragraphs(ctx: Context) -> list[tuple[Paragraph, list[int]]]:
    def compute() -> list[tuple[Paragraph, list[int]]]:
        # The plan's own notice too: it is printed on the 印发通知, and a fix-all that left it
        # half-width would leave half-width marks in print with no finding to say so.
        notice = [p for p in ctx.plan.paragraphs if p.role is ParagraphRole.NOTICE]
        found = [
            (p, _half_width_marks(ctx, p))
            for p in sorted([*notice, *text_paragraphs(ctx)], key=lambda p: p.line)
        ]
        return [(p, marks) for p, marks in found if marks]

    return ctx.memo("half_width_paragraphs", compute)


def half_width_document(ctx: Context) -> bool:
    """The document is written with half-width punctuation throughout (P002's one finding).

    Most of its Chinese punctuation is half-width, and it is more than a slip in one place:
    the marks are in several paragraphs, or there are many of them in one.
    """

    def compute() -> bool:
        found = _half_width_paragraphs(ctx)
        total = sum(len(marks) for _, marks in found)
        if not total:
            return False
        rule = HalfWidthPunctuation
        ratio = float(ctx.option(rule, "document-ratio"))  # type: ignore[arg-type]
        minimum = int(ctx.option(rule, "document-minimum"))  # type: ignore[call-overload]
        if total / (total + _full_width_count(ctx)) < ratio:
            return False
        return total >= minimum or len(found) >= 2

    return ctx.memo("half_width_document", compute)


def half_width_marker(node: Node) -> bool:
    """The marker's only fault is its half-width brackets: (一) (1)."""
    marker = node.marker
    if marker is None or marker.canonical or not any(c in marker.text for c in "()"):
        return False
    widened = marker.text.replace("(", "（").replace(")", "）")
    return widened == format_marker(marker.style, marker.number)


def _marker_bracket_fixes(ctx: Context) -> list[Fix]:
    fixes: list[Fix] = []
    for node in ctx.plan.numbered():
        if half_width_marker(node):
            span = node.marker.span  # type: ignore[union-attr]
            for i, ch in enumerate(span.slice(ctx.text)):
                if ch in "()":
                    fixes.append(
                        Fix(Span(span.start + i, span.start + i + 1), _FULL_WIDTH[ch], "改为全角括号")
                    )
    return fixes


_DOUBLED = re.compile(r"([，。；、：,;])([，。；、：,;])|([！？])\3")


class DoubledPunctuation(Rule):
    """标点重复或连用（。。、，。、，，）。

    Why: two marks in a row are an editing slip (a clause deleted between them); only one of
    them belongs there.
    """

    code = "P003"
    name = "doubled-punctuation"
    title = "标点重复"
    severity = Severity.WARNING
    basis = BASIS_15834
    bad = "一、加强党建\n1.抓学习。。抓落实，。"
    good = "一、加强党建\n1.抓学习。抓落实。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            for match in _DOUBLED.finditer(piece):
                if match.group() == "。。" and "。。。" in piece[max(0, match.start() - 1) : match.end() + 1]:
                    continue  # 。。。 is an ellipsis typed wrong: P008 says so
                at = paragraph.span.start + match.start()
                span = Span(at, at + 2)
                pair = match.group()
                if pair[0] == pair[1]:
                    yield ctx.finding(
                        self, span, f"标点“{pair[0]}”重复", Fix(span, pair[0], f"保留一个“{pair[0]}”")
                    )
                else:
                    yield ctx.finding(self, span, f"标点“{pair[0]}”与“{pair[1]}”连用，应只保留一个")


_DOC_NUMBER = re.compile(
    r"(?<=[\u4e00-\u9fff])([\[【(（［])\s*((?:19|20)\d\d)\s*([\]】)）］])(?=\s*\d{1,4}\s*号)"
)


class DocumentNumberBrackets(Rule):
    """发文字号的年份没有用六角括号（体发[2020]1号、苏教办【2021】3号）。

    Why: GB/T 9704—2012 7.2.4 writes the year of a document number in 〔〕; square brackets
    and 【】 are look-alikes typed by mistake.
    """

    code = "P004"
    name = "document-number-brackets"
    title = "发文字号年份括号不规范"
    severity = Severity.WARNING
    basis = "GB/T 9704—2012 7.2.4"
    bad = "一、加强党建\n1.落实《通知》（苏教办[2020]1号）要求。"
    good = "一、加强党建\n1.落实《通知》（苏教办〔2020〕1号）要求。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        # The notice and the page header carry document numbers too: every line is read.
        for paragraph in ctx.plan.paragraphs:
            piece = paragraph.span.slice(text)
            if not any(c in piece for c in "[【(（［"):
                continue
            for match in _DOC_NUMBER.finditer(piece):
                span = Span(paragraph.span.start + match.start(), paragraph.span.start + match.end())
                right = f"〔{match.group(2)}〕"
                yield ctx.finding(
                    self,
                    span,
                    f"发文字号年份“{match.group()}”应使用六角括号，写作“{right}”",
                    Fix(span, right, f"改为“{right}”"),
                )


_ALL: tuple[type[Rule], ...] = (
    *pairs.RULES,
    HalfWidthPunctuation,
    DoubledPunctuation,
    DocumentNumberBrackets,
    *spaces.RULES,
    *ellipsis.RULES,
    *pauses.RULES,
    *colons.RULES,
    *ends.RULES,
)
RULES: tuple[type[Rule], ...] = tuple(sorted(_ALL, key=lambda r: r.code))
