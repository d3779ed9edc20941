"""P rules, punctuation (GB/T 15834—2011): pairs, half-width marks, doubled marks, 〔〕, spaces.

Half-width punctuation is the commonest defect of text copied out of web pages: it comes by the
hundred. So P002 reports one finding per paragraph, and when most of the document is written that
way, a single document-level finding with a fix for all of it instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Option, Rule
from desktop.plan.model import Paragraph, ParagraphRole, Span

BASIS_15834 = "GB/T 15834—2011"
_PAIRS = {"“": "”", "‘": "’", "《": "》", "（": "）", "【": "】", "(": ")"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_PAIR_NAMES = {"“": "引号", "‘": "单引号", "《": "书名号", "（": "括号", "【": "方头括号", "(": "括号"}
_FULL_WIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}
_OPENERS_CN = "“‘《（【〔"
_CLOSERS_CN = "”’》）】〕"
_CN_PUNCT = "，。；：、？！" + _OPENERS_CN + _CLOSERS_CN


_QUOTE_NAMES = {"“": "左引号", "”": "右引号", "‘": "左单引号", "’": "右单引号"}


def _show(ch: str) -> str:
    """A character as a message names it: quote marks by name, since “”” reads as noise."""
    return _QUOTE_NAMES.get(ch, f"“{ch}”")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _chinese_side(ch: str) -> bool:
    return _is_cjk(ch) or ch in _CN_PUNCT


def _text_paragraphs(ctx: Context) -> list[Paragraph]:
    """Paragraphs of running text: not the title, front matter or page furniture."""
    return ctx.memo(
        "text_paragraphs",
        lambda: [p for p in ctx.paragraphs if p.role not in (ParagraphRole.TITLE, ParagraphRole.FRONT)],
    )


def _marker_spans(ctx: Context) -> set[int]:
    """Offsets inside outline markers, which the S rules judge instead."""

    def compute() -> set[int]:
        inside: set[int] = set()
        for node in ctx.plan.numbered():
            inside.update(range(node.marker.span.start, node.marker.span.end))
        return inside

    return ctx.memo("marker_offsets", compute)


class UnbalancedPairs(Rule):
    """段落中成对标点不配对（有“无”，有《无》，有（无））。

    Why: a lost quotation mark or bracket changes what is quoted or parenthesised; in text
    copied forward it is usually half of a pair deleted with an edit.
    """

    code = "P001"
    name = "unbalanced-pairs"
    title = "成对标点不配对"
    severity = Severity.ERROR
    basis = BASIS_15834
    bad = "一、加强党建\n1.推进十四五”基础教育规划落实。"
    good = "一、加强党建\n1.推进“十四五”基础教育规划落实。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        markers = _marker_spans(ctx)
        for paragraph in ctx.paragraphs:
            piece = paragraph.span.slice(text)
            if not any(ch in _PAIRS or ch in _CLOSERS for ch in piece):
                continue
            for offset, ch, missing_open in _unmatched(piece):
                at = paragraph.span.start + offset
                if at in markers:
                    continue  # (1) markers are the S rules' business
                if missing_open:
                    message = f"{_show(ch)}没有与之配对的{_show(_CLOSERS[ch])}：{_PAIR_NAMES[_CLOSERS[ch]]}缺少前一半"
                else:
                    message = f"{_show(ch)}没有与之配对的{_show(_PAIRS[ch])}：{_PAIR_NAMES[ch]}缺少后一半"
                yield ctx.finding(self, Span(at, at + 1), message)


def _unmatched(piece: str) -> list[tuple[int, str, bool]]:
    """Unmatched marks as (offset, mark, is_closing), by a stack over all pair kinds together."""
    stack: list[tuple[int, str]] = []
    bad: list[tuple[int, str, bool]] = []
    for i, ch in enumerate(piece):
        if ch in _PAIRS:
            stack.append((i, ch))
        elif ch in _CLOSERS:
            opener = _CLOSERS[ch]
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == opener), None)
            if depth is None:
                bad.append((i, ch, True))
            else:
                bad.extend((j, c, False) for j, c in stack[depth + 1 :])
                del stack[depth:]
    bad.extend((j, c, False) for j, c in stack)
    return sorted(bad)


_HALF = re.compile(r"[,;:?!()]")


def _half_width_marks(ctx: Context, paragraph: Paragraph) -> list[int]:
    """Offsets of half-width marks that stand in Chinese text in this paragraph."""
    text = ctx.text
    start, end = paragraph.span.start, paragraph.span.end
    piece = text[start:end]
    markers = _marker_spans(ctx)
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
        if _chinese_side(before) or _chinese_side(after):
            found.append(at)
    return found


def _paren_is_chinese(piece: str, i: int) -> bool:
    """A half-width bracket is Chinese text when what it encloses holds a Chinese character."""
    if piece[i] == "(":
        close = piece.find(")", i + 1)
        inner = piece[i + 1 : close] if close != -1 else piece[i + 1 : i + 6]
    else:
        open_ = piece.rfind("(", 0, i)
        inner = piece[open_ + 1 : i] if open_ != -1 else piece[max(0, i - 5) : i]
    return any(_is_cjk(c) for c in inner)


def _full_width_count(ctx: Context) -> int:
    text = ctx.text
    return sum(text.count(c) for c in "，；：？！（）")


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
        per_paragraph = [(p, _half_width_marks(ctx, p)) for p in _text_paragraphs(ctx)]
        per_paragraph = [(p, marks) for p, marks in per_paragraph if marks]
        total = sum(len(marks) for _, marks in per_paragraph)
        if not total:
            return
        ratio = float(ctx.option(self, "document-ratio"))  # type: ignore[arg-type]
        minimum = int(ctx.option(self, "document-minimum"))  # type: ignore[call-overload]
        if total >= minimum and total / (total + _full_width_count(ctx)) >= ratio:
            first = per_paragraph[0][1][0]
            fixes = tuple(
                Fix(Span(at, at + 1), _FULL_WIDTH[text[at]], "改为全角标点")
                for _, marks in per_paragraph
                for at in marks
            )
            yield ctx.finding(
                self,
                Span(first, first + 1),
                f"全文中文部分多用半角标点（共{total}处，分布在{len(per_paragraph)}个段落），应统一改为全角标点",
                fixes=fixes,
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
        for paragraph in _text_paragraphs(ctx):
            piece = paragraph.span.slice(text)
            for match in _DOUBLED.finditer(piece):
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
    basis = "GB/T 9704—2012"
    bad = "一、加强党建\n1.落实《通知》（苏教办[2020]1号）要求。"
    good = "一、加强党建\n1.落实《通知》（苏教办〔2020〕1号）要求。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in ctx.paragraphs:
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


_SPACES = re.compile(r"[ \u3000\t]+")


class SpaceInChinese(Rule):
    """中文文字之间夹有空格（争创 3 所）。

    Why: Chinese text is set without word spaces; a space inside a sentence comes from copying
    out of a table or web page and shows as a gap in the official layout.
    """

    code = "P005"
    name = "space-in-chinese"
    title = "中文中有多余空格"
    severity = Severity.INFO
    basis = "实务"
    bad = "一、加强党建\n1.争创 3 所省优质园。"
    good = "一、加强党建\n1.争创3所省优质园。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in _text_paragraphs(ctx):
            if paragraph.role is ParagraphRole.CLOSING:
                continue  # signature blocks are laid out with spaces on purpose
            piece = paragraph.span.slice(text)
            if " " not in piece and "\u3000" not in piece and "\t" not in piece:
                continue
            body = piece.rstrip()
            for match in _SPACES.finditer(body):
                i, j = match.start(), match.end()
                if i == 0 or j >= len(body):
                    continue  # indentation, not a gap inside the text
                if body.rfind("《", 0, i) > body.rfind("》", 0, i):
                    continue  # a title quoted as published: 《深化体教融合 促进青少年健康发展的意见》
                before, after = body[i - 1], body[j]
                chinese_before, chinese_after = _chinese_side(before), _chinese_side(after)
                if not (
                    (chinese_before and chinese_after)
                    or (chinese_before and after.isdigit())
                    or (before.isdigit() and chinese_after)
                ):
                    continue
                span = Span(paragraph.span.start + i, paragraph.span.start + j)
                yield ctx.finding(
                    self, span, f"{_show(before)}与{_show(after)}之间有多余空格", Fix(span, "", "删除空格")
                )


RULES: tuple[type[Rule], ...] = (
    UnbalancedPairs,
    HalfWidthPunctuation,
    DoubledPunctuation,
    DocumentNumberBrackets,
    SpaceInChinese,
)
