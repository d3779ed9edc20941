"""Quantitative targets written in a plan: 新建中小学12所, 毛入园率达99%以上, 新增市优质园2-3所.

The checks (parts that don't add up, rates above 100%, ranges) and the comparison of two plans
(幼儿园学位 2100 → 2400) both read targets from here, so what counts as a target is decided once.
A target is a number (Arabic or Chinese, with 万/亿, a decimal or a range) followed by a counting
unit or %, with its qualifier (以上, 不低于 …) and the noun phrase that says what is counted.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.plan.model import LineIndex, ParagraphRole, Plan, Span, Target
from desktop.plan.numerals import from_chinese

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUMBER = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
# Longest first, so 人次 wins over 人 and 平方米 over 米.
_UNITS = (
    "平方米",
    "人次",
    "课时",
    "学时",
    "小时",
    "所",
    "个",
    "名",
    "人",
    "家",
    "项",
    "支",
    "座",
    "门",
    "间",
    "套",
    "台",
    "件",
    "篇",
    "本",
    "节",
    "场",
    "批",
    "条",
    "处",
    "块",
    "亩",
    "元",
    "册",
    "班",
    "张",
    "位",
    "种",
    "期",
    "部",
    "次",
    "%",
    "％",
)
_RANGE_SEPARATORS = "-－~～〜—–"
# What may follow a target's number: %, a range separator, 万/亿 or a unit. Checked in the pattern
# so that the many bare numerals of running text (一体化, 三个方面) are never matched at all.
_FOLLOWS = rf"[%％]|[ \u3000]?(?:[{_RANGE_SEPARATORS}]|至|到|万|亿|" + "|".join(map(re.escape, _UNITS)) + ")"
_PATTERN = re.compile(
    r"(?P<pre>不低于|不少于|不高于|不超过|不多于|至少|超过|达到|高于|低于)?"
    rf"(?<![\d.{_CN_DIGITS}第])(?P<a>{_NUMBER})(?={_FOLLOWS})(?P<pct>[%％])?"
    rf"(?:[ \u3000]?(?P<sep>[{_RANGE_SEPARATORS}]{{1,2}}|至|到)[ \u3000]?(?P<b>{_NUMBER}))?"
    r"[ \u3000]?(?P<mult>万|亿)?"
    rf"(?P<unit>{'|'.join(map(re.escape, _UNITS))})?"
    r"(?P<post>以上|以下|左右|以内)?"
)
_DELIMITERS = frozenset("，,。.；;：:、（）()“”\"‘’'《》【】[]！!？?\n\t 　")
_LEADING = ("其中", "以及", "并且", "力争", "确保", "争取", "努力", "和", "及", "与", "并", "共")
_TRAILING = (
    "保持在",
    "稳定在",
    "控制在",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "达到",
    "增至",
    "要达",
    "达",
    "为",
    "约",
    "近",
    "共",
    "确保",
    "力争",
)
_SUBJECT_MAX = 14
_AFTER_STOP = frozenset("和及与的或等")


@lru_cache(maxsize=512)
def chinese_number(text: str) -> float | None:
    """The value of a numeral as written (``12``, ``3.1``, ``十二``, ``两``), or None."""
    if text[0].isdigit():
        return float(text)
    small = from_chinese(text)
    if small is not None:
        return float(small)
    import cn2an  # only when a Chinese numeral actually occurs

    try:
        return float(cn2an.cn2an(text.replace("两", "二").replace("〇", "零"), "normal"))
    except (ValueError, KeyError, TypeError):
        return None


def _subject_before(text: str, end: int, floor: int) -> tuple[int, str]:
    """The noun phrase that ends at ``end``: back to the nearest delimiter (or ``floor``, where
    the previous target ended), connectives trimmed."""
    start = end
    while start > floor and end - start < _SUBJECT_MAX and text[start - 1] not in _DELIMITERS:
        start -= 1
    subject = text[start:end]
    changed = True
    while changed and subject:
        changed = False
        for word in _LEADING:
            if subject.startswith(word):
                subject, start, changed = subject[len(word) :], start + len(word), True
        for word in _TRAILING:
            if subject.endswith(word):
                subject, changed = subject[: -len(word)], True
    return start, subject.strip()


def _noun_after(text: str, start: int) -> str:
    """The noun a classifier counts when it comes after the number: 3所<省优质园>."""
    end = start
    while end < len(text) and end - start < 10 and text[end] not in _DELIMITERS:
        if text[end] in _AFTER_STOP or text[end].isdigit():
            break
        end += 1
    return text[start:end]


def targets_in(text: str, offset: int = 0, line_index: LineIndex | None = None) -> list[Target]:
    """The targets in one paragraph ``text`` that starts at ``offset`` of the plan's text."""
    found: list[Target] = []
    floor = 0
    for match in _PATTERN.finditer(text):
        unit = match["unit"] or ""
        mult = match["mult"] or ""
        a_text, b_text = match["a"], match["b"]
        if match["pct"] and not (b_text and unit in "%％"):
            unit = unit or match["pct"]  # 99% or 15%～30%
        if not unit and not mult:
            continue
        chinese = not a_text[0].isdigit()
        if chinese and (a_text in {"一", "十"} or unit in {"个", "次", "期", "批", "种", ""}):
            # 一个、四个意识、三次 … are words, not targets; Chinese numerals count only things.
            continue
        value = chinese_number(a_text)
        high = chinese_number(b_text) if b_text else None
        if value is None or (b_text and high is None):
            continue
        unit = "%" if unit in "%％" and unit else unit
        full_unit = mult + unit
        value_start = match.start("a")
        value_end = match.end()
        pre = match["pre"] or ""
        subject_end = match.start()
        while subject_end > 0 and text[subject_end - 1] in " \u3000":
            subject_end -= 1  # 争创 3 所: the space belongs to neither side
        sub_start, subject = _subject_before(text, subject_end, floor)
        span_end = value_end
        if unit and unit != "%":
            after = _noun_after(text, value_end)
            if after:
                subject += after
                span_end = value_end + len(after)
        floor = span_end
        qualifier = match["post"] or pre
        absolute_start = offset + sub_start if sub_start < subject_end else offset + value_start
        found.append(
            Target(
                subject=subject,
                value=value,
                value_high=high,
                unit=full_unit,
                text=text[value_start:value_end],
                span=Span(min(absolute_start, offset + value_start), offset + span_end),
                value_span=Span(offset + value_start, offset + value_end),
                line=line_index.line_of(offset + value_start) if line_index else 1,
                qualifier=qualifier,
            )
        )
    return found


def range_separator(target: Target, text: str) -> str:
    """The separator a range target is written with (``-``, ``～``, ``—``, ``至`` …), or ""."""
    if target.value_high is None:
        return ""
    written = target.value_span.slice(text)
    match = re.search(rf"[{_RANGE_SEPARATORS}]{{1,2}}|至|到", written)
    return match.group() if match else ""


def extract_targets(plan: Plan) -> list[Target]:
    """Every target in the plan's own paragraphs (not the title or the issuing notice)."""
    text = plan.text
    lines = plan.lines
    found: list[Target] = []
    for paragraph in plan.body_paragraphs():
        if paragraph.role in (ParagraphRole.TITLE, ParagraphRole.CLOSING):
            continue
        span = paragraph.span
        found.extend(targets_in(text[span.start : span.end], span.start, lines))
    return found
