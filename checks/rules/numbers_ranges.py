"""N rules on ranges: inverted ends, mixed styles, hyphen or ASCII-tilde separators, a missing unit.

GB/T 15834—2011 4.13.3 gives the separators: the short hyphen (-) is for codes, telephone numbers
and 2011-02-15; the 一字线 (—) marks the start and end of related items such as a span of time
(沈括（1031—1095）, 2011年2月3日—10日); a numeric range takes the 浪纹线 (25～30g) or the 一字线,
and GB/T 15835—2011 5.1.3 allows both. So a year span is fixed to —, a quantity to ～ (or to —
when the document's own ranges use it). The same clause of GB/T 15835 keeps the unit on both ends
where leaving it off changes the meaning: 15%～30%, not 15～30%; 9亿～16亿, not 9～16亿.

Ranges are split between rules so that one slip is reported once: N005 reports a range written
with a hyphen or an ASCII tilde (never right in Chinese text); N004 reports mixing among the
accepted styles only (～, —, 至), which is a matter of taste; N009 the unit missing on the low end.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.numbers_data import around
from desktop.plan.model import Span, Target
from desktop.plan.targets import range_separator

BASIS_RANGE = "GB/T 15835—2011 5.1.3"
BASIS_SPAN = "GB/T 15834—2011 4.13.3"


class InvertedRange(Rule):
    """数值范围上下限颠倒（5—3所）。

    Why: a range is written from the low end to the high end; 5—3 is a slip for 3—5 or for
    another number, so the writer must look at it.
    """

    code = "N003"
    name = "inverted-range"
    title = "数值范围颠倒"
    severity = Severity.ERROR
    basis = BASIS_RANGE
    bad = "一、办学条件\n1.新增市优质园5—3所。"
    good = "一、办学条件\n1.新增市优质园3—5所。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for target in ctx.targets:
            if target.value_high is not None and target.value_high < target.value:
                yield ctx.finding(
                    self,
                    target.value_span,
                    f"数值范围“{target.text}”下限大于上限，应从小到大写",
                )


# The accepted range separators, by style: ～ (GB/T 15834 4.13.3.2 b), — (ibid., and common in
# practice) and 至 in words; 〜 and – are their look-alikes. A hyphen or an ASCII ~ is N005's.
_ACCEPTED_STYLE = {"～": "～", "〜": "～", "—": "—", "——": "—", "–": "—", "至": "至", "到": "至"}


def _accepted_ranges(ctx: Context) -> list[tuple[Target, str, str]]:
    """(target, separator, style) for every range target written in an accepted style."""

    def compute() -> list[tuple[Target, str, str]]:
        found = []
        for target in ctx.targets:
            separator = range_separator(target, ctx.text)
            if separator in _ACCEPTED_STYLE:
                found.append((target, separator, _ACCEPTED_STYLE[separator]))
        return found

    return ctx.memo("accepted_ranges", compute)


def _ranked_styles(ranged: list[tuple[Target, str, str]], among: str = "～—至") -> list[tuple[str, int]]:
    """Styles by use, most used first; a tie goes to ～, the form GB/T 15834 gives for numbers."""
    styles = Counter(style for _, _, style in ranged if style in among)
    return sorted(styles.items(), key=lambda kv: (-kv[1], kv[0] != "～"))


class MixedRangeStyles(Rule):
    """同一文件中数值范围的写法不统一（2～3个、4—5所、3至5名并用）。

    Why: one document writes its ranges one way; GB/T 15834 marks numeric ranges with ～ (a dash
    — is also allowed). The fix writes each odd one like the majority. Hyphen and ASCII-tilde
    ranges are not counted here: N005 reports them and fixes them to the majority of ～ and —.
    """

    code = "N004"
    name = "mixed-range-styles"
    title = "数值范围写法不统一"
    severity = Severity.INFO
    basis = BASIS_RANGE
    bad = "一、办学条件\n1.新增市优质园2—3所。\n2.培育示范集团2～3个。\n3.建设基地3～4个。"
    good = "一、办学条件\n1.新增市优质园2～3所。\n2.培育示范集团2～3个。\n3.建设基地3～4个。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        ranged = _accepted_ranges(ctx)
        ranked = _ranked_styles(ranged)
        if len(ranked) < 2:
            return
        majority = ranked[0][0]
        listed = "、".join(f"“{s}”{n}处" for s, n in ranked)
        for target, separator, style in ranged:
            if style == majority:
                continue
            start = target.value_span.start + target.text.index(separator)
            span = Span(start, start + len(separator))
            yield ctx.finding(
                self,
                target.value_span,
                f"数值范围写法不统一（{listed}）：“{target.text}”宜与多数一致，写作“{majority}”",
                Fix(span, majority, f"改为“{majority}”"),
            )


_BAD_SEPARATOR = r"[ \u3000]?(?:--|－－|-|－|~)[ \u3000]?"
_BAD_MARK_RE = re.compile(r"[-－~]+")
# 3-5所, 15%-30%, 5~6所, 2023-2024学年. The pattern starts with a digit so re scans fast; what
# may not stand before it (a code: GB/T 15834-2011, v1.2-3) is checked in code, see _code_before.
_HYPHEN_RANGE_RE = re.compile(
    rf"(\d+(?:\.\d+)?[%％]?)({_BAD_SEPARATOR})(\d+(?:\.\d+)?[%％]?)"
    r"(?:(?<=[%％])|(?=[ \u3000]?[%％\u4e00-\u9fff]))"
)
# A span of time with its units written on both ends: 9月-12月, 3月5日-10日, 2022年-2023年.
_UNIT_SPAN_RE = re.compile(rf"(\d{{1,4}})[年月日]({_BAD_SEPARATOR})(\d{{1,4}})(?=[年月日])")
_YEAR = re.compile(r"(?:19|20)\d\d")
_MARKER_BEFORE_RE = re.compile(r"[ \u3000]*\d{1,2}\.")
# After the high end, what makes a bare range a span of time: 3-5月 (March to May), 10-15日,
# 8-10时, 80-90年代. 3-5个月, 10-15天 and 3-5年 are durations: quantities.
_TIME_AFTER = ("月", "日", "时", "点", "年代", "学年")


def _code_before(text: str, start: int) -> bool:
    """True when the number at ``start`` continues a longer number or a code (1.2-3, v2-3, 1-2-3),
    or is a standard's number after its letters and a space (GB/T 15834-2011, GB 2312-80)."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev == "." and _MARKER_BEFORE_RE.fullmatch(text, text.rfind("\n", 0, start) + 1, start):
        return False  # 1.3-5月: the item marker 1. and then the range
    if prev.isdigit() or prev in ".-－/" or (prev.isascii() and prev.isalpha()):
        return True
    if prev in (" ", "\u3000") and start >= 2:
        letter = text[start - 2]
        return letter == "/" or (letter.isascii() and letter.isalpha())
    return False


def _in_book_title(text: str, start: int) -> bool:
    """True when ``start`` lies inside 《…》 on its line: a title is quoted as its issuer wrote it."""
    line_start = text.rfind("\n", 0, start) + 1
    opened = text.rfind("《", line_start, start)
    if opened == -1 or text.rfind("》", opened, start) != -1:
        return False
    line_end = text.find("\n", start)
    return text.find("》", start, line_end if line_end != -1 else len(text)) != -1


def _is_time_span(text: str, low: str, high: str, end: int) -> bool:
    """A range of years (2022-2023学年) or of months, days, hours (3-5月): GB/T 15834 4.13.3.2 a)."""
    after = text[end : end + 2].lstrip(" \u3000")
    if _YEAR.fullmatch(low) and _YEAR.fullmatch(high):
        return 0 < int(high) - int(low) <= 30  # 2022-2023学年度, 2019-2022年; not 2000-3000元
    return after.startswith(_TIME_AFTER) and not after.startswith("日元")


class HyphenRange(Rule):
    """数值范围或时间起止用短横线、半角波浪线连接（3-5所、5~6所、2022-2023学年）。

    Why: GB/T 15834—2011 4.13.3 keeps the short hyphen for codes, telephone numbers and 2011-02-15;
    a span of time is marked with the 一字线 (2022—2023学年, 3—5月) and a numeric range with the
    浪纹线 or the 一字线 (GB/T 15835—2011 5.1.3); an ASCII ~ is the 浪纹线 typed half-width. The fix is
    certain: a time span gets —, a quantity gets the style of the document's other ranges (～
    when they don't decide). A paragraph with several such ranges is one finding with a fix for
    each. A range inside 《》 is left alone unless it is a span of time: a title is quoted as its
    issuer wrote it, and the titles of plans write their years with the 一字线.
    """

    code = "N005"
    name = "hyphen-range"
    title = "数值范围连接号不规范"
    severity = Severity.WARNING
    basis = BASIS_SPAN
    bad = "一、办学条件\n1.新增市优质园2-3所，新建学校5~6所。"
    good = "一、办学条件\n1.新增市优质园2～3所，新建学校5～6所，编制GB/T 15834-2011培训材料。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "-" not in text and "－" not in text and "~" not in text:
            return
        found: dict[tuple[int, bool], list[tuple[re.Match[str], str]]] = {}
        dash: str | None = None  # the document's style for quantities, read at the first one
        for m in self._ranges(text):
            low, high = m.group(1), m.group(3)
            time = m.re is _UNIT_SPAN_RE or _is_time_span(text, low, high, m.end())
            if not time and _in_book_title(text, m.start()):
                continue
            if time:
                right = "—"
            else:
                if dash is None:
                    styles = _ranked_styles(_accepted_ranges(ctx), "～—")
                    dash = styles[0][0] if styles else "～"
                right = dash
            line_start = text.rfind("\n", 0, m.start()) + 1
            found.setdefault((line_start, time), []).append((m, right))
        for (_line, time), matches in sorted(found.items()):
            yield self._finding(ctx, matches, time)

    @staticmethod
    def _ranges(text: str) -> Iterator[re.Match[str]]:
        """Hyphen and ASCII-tilde ranges in text order, codes and falling pairs (3-1班) left out."""
        matches = []
        for m in around(text, _BAD_MARK_RE, _HYPHEN_RANGE_RE, 14, 14):
            if "." in m.group(1) and _MARKER_BEFORE_RE.fullmatch(
                text, text.rfind("\n", 0, m.start()) + 1, m.start() + m.group(1).index(".") + 1
            ):
                # 1.3-5月 opening a line: the marker 1. and the range 3-5, not 1.3 to 5
                m = _HYPHEN_RANGE_RE.match(text, m.start() + m.group(1).index(".") + 1) or m
                if "." in text[m.start() : m.end(1)]:
                    continue
            low, high = m.group(1), m.group(3)
            if _code_before(text, m.start()):
                continue
            if len(low) > 1 and low[0] == "0" and low[1].isdigit():
                continue  # 0519-…: a number with a leading zero is a code
            if float(high.rstrip("%％")) <= float(low.rstrip("%％")):
                continue
            matches.append(m)
        matches.extend(
            m for m in around(text, _BAD_MARK_RE, _UNIT_SPAN_RE, 7, 7) if not _code_before(text, m.start())
        )
        return iter(sorted(matches, key=lambda m: m.start()))

    def _finding(self, ctx: Context, matches: list[tuple[re.Match[str], str]], time: bool) -> Finding:
        first = matches[0][0]
        fixes = tuple(Fix(Span(m.start(2), m.end(2)), right, f"改为“{right}”") for m, right in matches)
        text = ctx.text
        shown = "、".join(
            dict.fromkeys(f"“{text[m.start() : m.end() + (m.re is _UNIT_SPAN_RE)]}”" for m, _ in matches)
        )
        right = matches[0][1]
        if time:
            what, why = "时间起止", "GB/T 15834 4.13.3.2 用一字线"
        else:
            what = "数值范围"
            consistent = _ranked_styles(_accepted_ranges(ctx), "～—")
            why = "与本文其他数值范围一致" if consistent else "GB/T 15834 用浪纹线"
        marks = {"半角波浪线" if "~" in m.group(2) else "短横线" for m, _ in matches}
        unit = ctx.text[first.end() : first.end() + 1] if first.re is _UNIT_SPAN_RE else ""
        example = f"{first.group()[: first.start(2) - first.start()]}{right}{first.group(3)}{unit}"
        more = f"（共{len(matches)}处）" if len(matches) > 1 else ""
        return ctx.finding(
            self,
            Span(first.start(), first.end()),
            f"{what}{shown}{more}不应用{'、'.join(sorted(marks))}连接，应写作“{example}”这样（{why}）",
            fixes=fixes,
        )


# 20～30%, 2～3万个, 9～16亿: a range whose unit is written on the high end only.
_RANGE_MARK_RE = re.compile(r"[～〜—–\-－~]+")
_UNIT_ON_HIGH_RE = re.compile(
    r"(\d+(?:\.\d+)?)([ \u3000]?(?:～|〜|—|–|-|－|~)[ \u3000]?)(\d+(?:\.\d+)?)([%％万亿])"
)


class RangeUnitOnHighEndOnly(Rule):
    """百分数或万、亿的数值范围前一个数省略了单位（20～30%、2～3万个）。

    Why: GB/T 15835—2011 5.1.3 lets the low end drop a unit only where that cannot be misread, and
    names these cases: 15%～30% (不写为15～30%), 9亿～16亿 (不写为9～16亿), 13万元～17万元.
    20～30% can be read as 20 to 0.3; 2～3万 as 2 to 30 000. The fix writes the unit on both ends.
    """

    code = "N009"
    name = "range-unit-on-high-end-only"
    title = "数值范围前一数值缺单位"
    severity = Severity.WARNING
    basis = BASIS_RANGE
    bad = "一、教育质量\n1.优质高中录取比例提高20～30%。"
    good = "一、教育质量\n1.优质高中录取比例提高20%～30%，新增学位2万～3万个。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "%" not in text and "％" not in text and "万" not in text and "亿" not in text:
            return
        for m in around(text, _RANGE_MARK_RE, _UNIT_ON_HIGH_RE, 14, 14):
            if _code_before(text, m.start()) or _in_book_title(text, m.start()):
                continue
            low, separator, high, unit = m.groups()
            if float(high) <= float(low):
                continue
            if unit in "万亿" and text[m.end() : m.end() + 1] in ("分", "一"):
                continue  # 万分之一: a fraction, not a multiplier
            right = f"{low}{unit}{separator.strip()}{high}{unit}"
            yield ctx.finding(
                self,
                Span(m.start(), m.end()),
                f"数值范围“{m.group()}”前一个数值省略了“{unit}”，易生歧义，应写作“{right}”",
                Fix(Span(m.end(1), m.end(1)), unit, f"补上“{unit}”"),
            )


RULES: tuple[type[Rule], ...] = (InvertedRange, MixedRangeStyles, HyphenRange, RangeUnitOnHighEndOnly)
