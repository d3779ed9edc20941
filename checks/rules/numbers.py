"""N rules, numbers and targets: parts that don't add up, rates above 100%, ranges.

N001–N004 read ``ctx.targets`` (``desktop.plan.targets``), extracted once per run; the
comparison of two plans reads the same targets, so both agree on what a target is. N005 reads the
text itself, since a hyphen range need not be a counted target (3-6岁, 2023-2024学年).

Ranges are split between two rules so that one slip is reported once: N005 reports a range written
with a hyphen or an ASCII tilde (never right in Chinese text) and fixes it to the document's own
style; N004 reports mixing among the accepted styles only (～, —, 至), which is a matter of taste.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from desktop.plan.model import Span, Target
from desktop.plan.targets import range_separator

_SENTENCE_END = "。；;！？!?\n"
_RATE_WORDS = ("率", "比例", "占比", "比重", "覆盖面")
_GROWTH_WORDS = ("增长", "增幅", "增速", "提高", "提升", "增加", "上升")


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


class PartsDoNotAddUp(Rule):
    """“其中”所列各项之和与总数不符（新建中小学12所，其中小学7所、初中4所）。

    Why: when a target is broken down after 其中, the parts are read as its breakdown; a sum
    that differs means one of the numbers was updated and the other was not.
    """

    code = "N001"
    name = "parts-do-not-add-up"
    title = "分项之和与总数不符"
    severity = Severity.WARNING
    basis = "实务"
    bad = "一、办学条件\n1.新建中小学12所，其中小学7所、初中4所。"
    good = "一、办学条件\n1.新建中小学12所，其中小学7所、初中5所。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        targets = ctx.targets
        for index, total in enumerate(targets):
            if total.value_high is not None or total.qualifier:
                continue
            gap = text[total.value_span.end : total.value_span.end + 4]
            if "其中" not in gap:
                continue
            parts = _parts_after(text, targets[index + 1 :], total)
            if len(parts) < 2 and not (parts and parts[0].value > total.value):
                continue
            if any(p.value_high is not None or p.qualifier for p in parts):
                continue
            summed = sum(p.value for p in parts)
            if abs(summed - total.value) < 1e-9 or (summed < total.value and len(parts) < 2):
                continue
            listed = "＋".join(_number(p.value) for p in parts)
            relation = "多于" if summed > total.value else "少于"
            yield ctx.finding(
                self,
                Span(total.span.start, parts[-1].span.end),
                f"其中各项之和{listed}＝{_number(summed)}{total.unit}，{relation}总数"
                f"{_number(total.value)}{total.unit}（{total.subject}）",
            )


def _parts_after(text: str, following: list[Target], total: Target) -> list[Target]:
    """The targets listed after 其中 in the same sentence, with the total's unit."""
    end = total.value_span.end
    stop = len(text)
    for i in range(end, min(len(text), end + 200)):
        if text[i] in _SENTENCE_END:
            stop = i
            break
    parts = []
    for target in following:
        if target.value_span.start >= stop:
            break
        if target.unit != total.unit:
            break
        parts.append(target)
    return parts


class RateAbove100(Rule):
    """比率或占比超过100%（入学率达102%）。

    Why: a rate, share or coverage cannot exceed the whole; a value above 100% is a typo
    (102 for 100, or 1000 for 100.0) — growth figures, which can, are not judged.
    """

    code = "N002"
    name = "rate-above-100"
    title = "比率超过100%"
    severity = Severity.ERROR
    basis = "实务"
    bad = "一、教育普及\n1.学前三年教育毛入园率达102%。"
    good = "一、教育普及\n1.学前三年教育毛入园率达100%。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for target in ctx.targets:
            if target.unit != "%":
                continue
            value = max(target.value, target.value_high or 0)
            if value <= 100:
                continue
            subject = target.subject
            if not any(w in subject for w in _RATE_WORDS) or any(w in subject for w in _GROWTH_WORDS):
                continue
            yield ctx.finding(
                self, target.value_span, f"“{subject}”为{_number(value)}%，比率或占比不应超过100%"
            )


class InvertedRange(Rule):
    """数值范围上下限颠倒（5—3所）。

    Why: a range is written from the low end to the high end; 5—3 is a slip for 3—5 or for
    another number, so the writer must look at it.
    """

    code = "N003"
    name = "inverted-range"
    title = "数值范围颠倒"
    severity = Severity.ERROR
    basis = "GB/T 15835—2011"
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


# The accepted range separators, by style: ～ (GB/T 15834 4.13 for numeric ranges), — (common in
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
    — is also common). The fix writes each odd one like the majority. Hyphen and ASCII-tilde
    ranges are not counted here: N005 reports them and fixes them to the majority of ～ and —.
    """

    code = "N004"
    name = "mixed-range-styles"
    title = "数值范围写法不统一"
    severity = Severity.INFO
    basis = "GB/T 15834—2011"
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


# 3-5所, 15%-30%, 5~6所, 2023-2024学年. The pattern starts with a digit so re scans fast; what
# may not stand before it (a code: GB/T 15834-2011, v1.2-3) is checked in code, see _code_before.
_HYPHEN_RANGE_RE = re.compile(
    r"(\d+(?:\.\d+)?[%％]?)([ \u3000]?(?:--|－－|-|－|~)[ \u3000]?)(\d+(?:\.\d+)?[%％]?)"
    r"(?:(?<=[%％])|(?=[ \u3000]?[%％\u4e00-\u9fff]))"
)


def _code_before(text: str, start: int) -> bool:
    """True when the number at ``start`` continues a longer number or a code (1.2-3, v2-3, 1-2-3),
    or is a standard's number after its letters and a space (GB/T 15834-2011, GB 2312-80)."""
    if start == 0:
        return False
    prev = text[start - 1]
    if prev.isdigit() or prev in ".-－/" or (prev.isascii() and prev.isalpha()):
        return True
    if prev in (" ", "\u3000") and start >= 2:
        letter = text[start - 2]
        return letter == "/" or (letter.isascii() and letter.isalpha())
    return False


class HyphenRange(Rule):
    """数值范围用短横线或半角波浪线连接（3-5所、5~6所）。

    Why: GB/T 15834 4.13 joins the ends of a numeric range with ～ (or a dash —); the hyphen is for
    codes and model numbers, and an ASCII ~ is the same mark typed half-width. The fix is certain:
    the separator becomes the style the document's other ranges use (～ when they don't decide).
    A range whose ends fall (5-3所) is N003's; a hyphen between a larger and a smaller number is
    not read as a range at all (3-1班).
    """

    code = "N005"
    name = "hyphen-range"
    title = "数值范围连接号不规范"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 4.13"
    bad = "一、办学条件\n1.新增市优质园2-3所，新建学校5~6所。"
    good = "一、办学条件\n1.新增市优质园2～3所，新建学校5～6所，编制GB/T 15834-2011培训材料。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "-" not in text and "－" not in text and "~" not in text:
            return
        styles: list[tuple[str, int]] | None = None  # the document's style, read at the first range
        for m in _HYPHEN_RANGE_RE.finditer(text):
            low, separator, high = m.groups()
            if _code_before(text, m.start()):
                continue
            if len(low) > 1 and low[0] == "0" and low[1].isdigit():
                continue  # 0519-…: a number with a leading zero is a code
            if float(high.rstrip("%％")) <= float(low.rstrip("%％")):
                continue
            if styles is None:
                styles = _ranked_styles(_accepted_ranges(ctx), "～—")
            dash = styles[0][0] if styles else "～"
            why = "与本文其他数值范围一致" if styles else "GB/T 15834 用浪纹线"
            mark = "半角波浪线" if "~" in separator else "短横线"
            yield ctx.finding(
                self,
                Span(m.start(), m.end()),
                f"数值范围“{m.group()}”不应用{mark}连接，应写作“{low}{dash}{high}”（{why}）",
                Fix(Span(m.start(2), m.end(2)), dash, f"改为“{dash}”"),
            )


RULES: tuple[type[Rule], ...] = (PartsDoNotAddUp, RateAbove100, InvertedRange, MixedRangeStyles, HyphenRange)
