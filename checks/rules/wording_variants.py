"""W002: traditional and Japanese character forms in simplified text, one finding per cause.

A character pasted from a Hong Kong, Taiwan or Japanese source, or typed with the wrong input
method, is one slip; a paragraph copied from a traditional-character page is one cause however
many characters it holds. So slips are reported per line (every variant on the line in one finding),
and a run of lines written in traditional characters is one finding whose fix converts them all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.wordlists import HAN
from desktop.plan.model import Span

# A line where at least this share of the Han characters are variants was written in traditional
# characters (in a traditional text about one character in four differs from its simplified form;
# a slip is one or two in a line of fifty).
DENSE_SHARE = 0.08
DENSE_MIN = 4
_HAN_RE = re.compile(f"[{HAN}]")
_FIRST, _LAST = 0x4E00, 0x9FA5  # the CJK Unified Ideographs the variant table covers


@lru_cache(maxsize=1)
def variant_table() -> dict[str, str]:
    """Traditional and Japanese forms → simplified, from OpenCC's own tables (jp2t, then t2s).

    A character counts as a variant when OpenCC changes it, it is not in GB 2312 (so 乾, 於, 著,
    correct in simplified text too, stay silent), and what it becomes is in GB 2312.
    """
    return _variants([chr(c) for c in range(_FIRST, _LAST + 1)])


def _variants(chars: list[str]) -> dict[str, str]:
    """:func:`variant_table` restricted to ``chars``: each character converts on its own line."""
    candidates = [ch for ch in chars if not _in_gb2312(ch)]
    if not candidates:
        return {}
    import opencc

    joined = "\n".join(candidates)
    to_simple = opencc.OpenCC("t2s")
    direct = to_simple.convert(joined).split("\n")
    via_japanese = to_simple.convert(opencc.OpenCC("jp2t").convert(joined)).split("\n")
    table: dict[str, str] = {}
    for ch, simple, japanese in zip(candidates, direct, via_japanese, strict=True):
        target = simple if simple != ch else japanese
        if target == ch or len(target) != 1 or not _in_gb2312(target):
            continue
        table[ch] = target
    return table


def variants_in(text: str) -> dict[str, str]:
    """The entries of :func:`variant_table` for the characters of ``text``.

    A variant is outside GB 2312, and most plans have no such character: for them OpenCC (tens of
    milliseconds to load and run over the whole table) is never loaded.
    """
    han = "".join(ch for ch in set(text) if _FIRST <= ord(ch) <= _LAST)
    try:
        han.encode("gb2312")
    except UnicodeEncodeError:
        return _variants(sorted(han))
    return {}


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


class _Line:
    """The variant characters found on one line of the text."""

    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end
        self.hits: list[int] = []

    def dense(self, text: str) -> bool:
        han = len(_HAN_RE.findall(text, self.start, self.end))
        return len(self.hits) >= DENSE_MIN and len(self.hits) >= DENSE_SHARE * han


class VariantCharacter(Rule):
    """简体文本中夹有繁体字或日文字形（徳→德、學→学）。

    A traditional or Japanese character form in simplified text (徳 for 德, 學 for 学).

    The 国家通用语言文字法 (第九条) makes 规范汉字 the written form of state organs' business, and
    the 通用规范汉字表 lists the simplified forms. One finding per line of slips; lines pasted in
    traditional characters, or a whole document in them, are one finding with one fix for all.
    """

    code = "W002"
    silenced_by_user_words = True
    name = "variant-character"
    title = "繁体字或异体字"
    severity = Severity.ERROR
    basis = "国家通用语言文字法 第九条；通用规范汉字表"
    bad = "2024年教育工作要点\n一、落实立徳树人根本任务。"
    good = "2024年教育工作要点\n一、落实立德树人根本任务。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        table = variants_in(text)
        if not table:
            return
        lines: list[_Line] = []
        for m in re.finditer("[" + "".join(table) + "]", text):
            pos = m.start()
            if not lines or pos >= lines[-1].end:
                start = text.rfind("\n", 0, pos) + 1
                end = text.find("\n", pos)
                lines.append(_Line(start, len(text) if end == -1 else end))
            lines[-1].hits.append(pos)
        if not lines:
            return
        whole = _Line(0, len(text))
        whole.hits = [p for line in lines for p in line.hits]
        if len(lines) > 1 and whole.dense(text):
            yield self._block(ctx, table, lines)  # the document is written in traditional characters
            return
        block: list[_Line] = []
        for line in lines:
            if line.dense(text):
                if block and not self._adjacent(text, block[-1], line):
                    yield self._block(ctx, table, block)
                    block = []
                block.append(line)
                continue
            if block:
                yield self._block(ctx, table, block)
                block = []
            yield self._slips(ctx, table, line)
        if block:
            yield self._block(ctx, table, block)

    @staticmethod
    def _adjacent(text: str, before: _Line, after: _Line) -> bool:
        """Two dense lines belong to one pasted passage when only blank lines lie between them."""
        return not text[before.end : after.start].strip()

    def _slips(self, ctx: Context, table: dict[str, str], line: _Line) -> Finding:
        text = ctx.text
        fixes = tuple(Fix(Span(p, p + 1), table[text[p]], f"改为“{table[text[p]]}”") for p in line.hits)
        wrong = "".join(dict.fromkeys(text[p] for p in line.hits))
        right = "".join(table[c] for c in wrong)
        listing = "、".join(f"“{w}”→“{r}”" for w, r in zip(wrong, right, strict=True))
        span = Span(line.hits[0], line.hits[-1] + 1)
        if len(fixes) == 1:
            return ctx.finding(self, span, f"“{wrong}”是繁体字或日文字形，规范简化字为“{right}”", fixes[0])
        message = f"本行有 {len(fixes)} 处繁体字或日文字形（{listing}），应改为规范简化字"
        return ctx.finding(self, span, message, fixes=fixes)

    def _block(self, ctx: Context, table: dict[str, str], block: list[_Line]) -> Finding:
        text = ctx.text
        hits = [p for line in block for p in line.hits]
        fixes = tuple(Fix(Span(p, p + 1), table[text[p]]) for p in hits)
        first, last = ctx.plan.lines.line_of(hits[0]), ctx.plan.lines.line_of(hits[-1])
        where = f"第 {first} 行" if first == last else f"第 {first}—{last} 行"
        message = (
            f"{where}是繁体字文本（{len(hits)} 处繁体字），疑从港澳台或境外网页粘贴，应全部转为规范简化字"
        )
        return ctx.finding(self, Span(hits[0], hits[-1] + 1), message, fixes=fixes)
