"""Quantitative targets written in a plan: 新建中小学12所, 毛入园率达99%以上, 新增市优质园2-3所.

The checks (parts that don't add up, rates above 100%, ranges) and the comparison of two plans
(幼儿园学位 2100 → 2400) both read targets from here, so what counts as a target is decided once.
A target is a number (Arabic or Chinese, with 万/亿, a decimal or a range) followed by a counting
unit or %, with its qualifier (以上, 不低于 …) and the noun phrase that says what is counted.
The units, qualifiers and the words trimmed from a subject are data (``targets`` in
``resources/plan_words.yaml``); the pattern is built from them on first use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.plan.model import LineIndex, ParagraphRole, Plan, Span, Target
from desktop.plan.numerals import from_chinese
from desktop.plan.plan_words import alternation, words

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_NUMBER = rf"(?:\d+(?:\.\d+)?|[{_CN_DIGITS}]+)"
_RANGE_SEPARATORS = "-－~～〜—–"
_DELIMITERS = frozenset("，,。.；;：:、（）()“”\"‘’'《》【】[]！!？?\n\t 　｜|")
_SUBJECT_MAX = 14


@dataclass(frozen=True, slots=True)
class _Words:
    """``targets`` of ``resources/plan_words.yaml``, with the pattern built from it, once."""

    pattern: re.Pattern[str]
    word_units: frozenset[str]  # 一个, 三次: after a Chinese numeral these make a word, not a target
    leading: tuple[str, ...]  # connectives trimmed from the start of a subject, tried in this order
    trailing: tuple[str, ...]  # verbs trimmed from the end of a subject, tried in this order
    noun_stops: frozenset[str]  # where the noun after a classifier ends: 3所省优质园<和>


@lru_cache(maxsize=1)
def _words() -> _Words:
    units = alternation(words("targets", "units"))
    # What may follow a target's number: %, a range separator, 万/亿 or a unit. Checked in the pattern
    # so that the many bare numerals of running text (一体化, 三个方面) are never matched at all.
    follows = rf"[%％]|[ \u3000]?(?:[{_RANGE_SEPARATORS}]|至|到|万|亿|{units})"
    pattern = re.compile(
        rf"(?P<pre>{alternation(words('targets', 'qualifiers_before'))})?"
        rf"(?<![\d.{_CN_DIGITS}第])(?P<a>{_NUMBER})(?={follows})(?P<pct>[%％])?"
        rf"(?:[ \u3000]?(?P<sep>[{_RANGE_SEPARATORS}]{{1,2}}|至|到)[ \u3000]?(?P<b>{_NUMBER}))?"
        r"[ \u3000]?(?P<mult>万|亿)?"
        rf"(?P<unit>{units})?"
        rf"(?P<post>{alternation(words('targets', 'qualifiers_after'))})?"
    )
    return _Words(
        pattern=pattern,
        word_units=frozenset(words("targets", "word_units")),
        leading=words("targets", "leading"),
        trailing=words("targets", "trailing"),
        noun_stops=frozenset(words("targets", "noun_stops")),
    )


@lru_cache(maxsize=512)
def chinese_number(text: str) -> float | None:
    """The value of a numeral as written (``12``, ``3.1``, ``十二``, ``两``), or None."""
    if text[0].isdigit():
        return float(text)
    small = from_chinese(text)
    if small is not None:
        return float(small)
    normal = text.replace("两", "二").replace("〇", "零")
    # cn2an costs 0.1–0.3 s to import: only for a string of the forms its "normal" mode converts
    # (a superset: 百 and 千 after a digit, 十 after at most two; or its spoken 三千五), never for 百千.
    if not re.fullmatch(_CN2AN_FORMS, normal):
        return None
    import cn2an

    try:
        return float(cn2an.cn2an(normal, "normal"))
    except (ValueError, KeyError, TypeError):
        return None


_CN2AN_FORMS = (
    r"(?:[零一二三四五六七八九]{0,2}十|[零一二三四五六七八九]{1,2}[百千])+[零一二三四五六七八九]{0,2}"
    r"|(?:[零一二三四五六七八九]{0,2}[十百千])+[零一二三四五六七八九]"
)


def _subject_before(text: str, end: int, floor: int) -> tuple[int, str]:
    """The noun phrase that ends at ``end``: back to the nearest delimiter (or ``floor``, where
    the previous target ended), connectives trimmed."""
    start = end
    while start > floor and end - start < _SUBJECT_MAX and text[start - 1] not in _DELIMITERS:
        start -= 1
    subject = text[start:end]
    known = _words()
    changed = True
    while changed and subject:
        changed = False
        for word in known.leading:
            if subject.startswith(word):
                subject, start, changed = subject[len(word) :], start + len(word), True
        for word in known.trailing:
            if subject.endswith(word):
                subject, changed = subject[: -len(word)], True
    return start, subject.strip()


def _noun_after(text: str, start: int) -> str:
    """The noun a classifier counts when it comes after the number: 3所<省优质园>."""
    end = start
    stops = _words().noun_stops
    while end < len(text) and end - start < 10 and text[end] not in _DELIMITERS:
        if text[end] in stops or text[end].isdigit():
            break
        end += 1
    return text[start:end]


def targets_in(text: str, offset: int = 0, line_index: LineIndex | None = None) -> list[Target]:
    """The targets in one paragraph ``text`` that starts at ``offset`` of the plan's text."""
    found: list[Target] = []
    floor = 0
    known = _words()
    for match in known.pattern.finditer(text):
        unit = match["unit"] or ""
        mult = match["mult"] or ""
        a_text, b_text = match["a"], match["b"]
        if match["pct"] and not (b_text and unit in "%％"):
            unit = unit or match["pct"]  # 99% or 15%～30%
        if not unit and not mult:
            continue
        chinese = not a_text[0].isdigit()
        if chinese and (a_text in {"一", "十"} or not unit or unit in known.word_units):
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
        if paragraph.role is ParagraphRole.TABLE:
            found.extend(_row_targets(text, span, lines))
            continue
        found.extend(targets_in(text[span.start : span.end], span.start, lines))
    return found


def _row_targets(text: str, span: Span, lines: LineIndex) -> list[Target]:
    """The targets of a table row, cell by cell; a value alone in its cell (｜入园率｜99%以上｜)
    counts what the nearest cell of words before it names."""
    from dataclasses import replace

    from desktop.plan.tables import cell_spans

    found: list[Target] = []
    label = ""
    for start, end in cell_spans(text[span.start : span.end]):
        cell = text[span.start + start : span.start + end]
        in_cell = targets_in(cell, span.start + start, lines)
        found.extend(t if t.subject or not label else replace(t, subject=label) for t in in_cell)
        if not in_cell and any("\u4e00" <= ch <= "\u9fff" for ch in cell):
            label = cell
    return found
