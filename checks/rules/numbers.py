"""N rules, numbers and targets: parts that don't add up, rates above 100%, one target stated twice.

N001, N002 and N007 read ``ctx.targets`` (``desktop.plan.targets``), extracted once per run; the
comparison of two plans reads the same targets, so both agree on what a target is. Ranges are in
``numbers_ranges``, how numbers are written in ``numbers_written``, stated counts against what is
listed in ``numbers_counts``; ``RULES`` here lists the whole N family. Word lists (which rates are
bounded by 100%, which classifiers count) are data in ``resources/numbers.yaml``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Rule
from checks.rules.numbers_counts import RULES as COUNT_RULES
from checks.rules.numbers_data import number_words, sentence_bounds
from checks.rules.numbers_ranges import RULES as RANGE_RULES
from checks.rules.numbers_written import RULES as WRITTEN_RULES
from desktop.plan.model import Span, Target

_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20)\d{2})年")


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


class PartsDoNotAddUp(Rule):
    """“其中”所列各项之和与总数不符（新建中小学12所，其中小学7所、初中4所）。

    Why: when a target is broken down after 其中, the parts are read as its breakdown; a sum
    that differs means one of the numbers was updated and the other was not. The total is the
    nearest earlier number of the same unit as the parts, in the same sentence (or the sentence
    before, when 其中 opens a sentence): in 新建学校10所，新增学位5000个，其中小学4所、初中6所 the
    parts break down the 10所, not the 5000个 that stands nearer. Shares (%) are not added. Parts
    that fall short are reported only when the shortfall is smaller than every listed part (7＋4
    of 12): a larger gap is a part left unnamed (招聘教师300名，其中研究生30名、公费师范生50名
    names two kinds of recruit, not all of them), which is how 其中 is often used.
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
        if "其中" not in text:
            return
        targets = ctx.targets
        starts = [t.value_span.start for t in targets]
        for m in re.finditer("其中", text):
            parts = _parts_after(text, targets, starts, m.end())
            if not parts or parts[0].unit == "%":
                continue
            unit = _base(parts[0])[0]
            total = _total_before(text, targets, starts, m.start(), unit)
            if total is None or total.value_high is not None or total.qualifier:
                continue
            if any(p.value_high is not None or p.qualifier for p in parts):
                continue
            whole = _base(total)[1]
            summed = sum(_base(p)[1] for p in parts)
            if abs(summed - whole) < 1e-6 * max(whole, 1) or (summed < whole and len(parts) < 2):
                continue
            if summed < whole and whole - summed >= min(_base(p)[1] for p in parts):
                continue  # an unlisted part as large as a listed one: 其中 named some parts, not all
            listed = "＋".join(p.value_span.slice(text) for p in parts)
            relation = "多于" if summed > whole else "少于"
            hint = "" if summed > whole else "；若所列不是全部分项，请核对是否漏列"
            yield ctx.finding(
                self,
                Span(total.span.start, parts[-1].span.end),
                f"其中各项之和{listed}＝{_number(summed)}{unit}，{relation}总数"
                f"{total.value_span.slice(text)}（{total.subject}）{hint}",
            )


_MULTIPLIERS = {"万": 1e4, "亿": 1e8}


def _base(target: Target) -> tuple[str, float]:
    """(unit without 万/亿, value in that unit): 2.3万个 → ("个", 23000)."""
    scale = _MULTIPLIERS.get(target.unit[:1])
    return (target.unit[1:], target.value * scale) if scale else (target.unit, target.value)


def _parts_after(text: str, targets: list[Target], starts: list[int], at: int) -> list[Target]:
    """The targets after 其中 at ``at`` in its sentence, as long as they share the first one's unit."""
    _lo, hi = sentence_bounds(text, at)
    parts: list[Target] = []
    for target in targets[bisect.bisect_left(starts, at) :]:
        if target.value_span.start >= hi or (parts and _base(target)[0] != _base(parts[0])[0]):
            break
        parts.append(target)
    return parts


def _total_before(text: str, targets: list[Target], starts: list[int], at: int, unit: str) -> Target | None:
    """The nearest target of ``unit`` before 其中 at ``at``: in its sentence, or in the sentence
    before when 其中 opens one (全年新建学校12所。其中，小学7所…). Not across another 其中."""
    lo, _hi = sentence_bounds(text, at)
    if not text[lo:at].strip(" \u3000"):
        if lo == 0 or text[lo - 1] == "\n":
            return None  # the total would be on another line: a heading or another item
        lo, _ = sentence_bounds(text, lo - 1)
    barrier = text.rfind("其中", lo, at)
    lo = max(lo, barrier + 2) if barrier != -1 else lo
    for index in range(bisect.bisect_left(starts, at) - 1, -1, -1):
        target = targets[index]
        if target.value_span.start < lo:
            return None
        if _base(target)[0] == unit:
            return target
    return None


def _rate_kind(subject: str) -> str:
    """``"bounded"`` (part of a whole by definition), ``"rate"`` (a 率 that normally stays within
    100%, e.g. 巩固率, 普及率) or ``""`` (may exceed 100%: gross, growth, completion, use)."""
    words = number_words()
    if any(w in subject for w in words["unbounded_markers"]):
        return ""
    if any(w in subject for w in words["bounded_rates"]):
        return "bounded"
    return "rate" if subject.endswith("率") else ""


class RateAbove100(Rule):
    """部分占整体的比率超过100%（合格率达102%）。

    Why: a pass rate, coverage or share is part of a whole and cannot exceed it; a value above
    100% is a typo (102 for 100, or 1000 for 100.0): an error. Another 率 above 100% (巩固率,
    普及率) is a warning: it normally stays within 100%, but the way a region counts it (pupils
    moving in) can in rare cases push it over. Rates that can exceed 100% are not judged:
    gross rates counted against the age group (毛入学率, 毛入园率), growth (增长率, 增幅),
    completion (完成率, 超额) and use (利用率); the lists are in ``resources/numbers.yaml``.
    """

    code = "N002"
    name = "rate-above-100"
    title = "比率超过100%"
    severity = Severity.ERROR
    basis = "实务"
    bad = "一、教育质量\n1.学生体质健康合格率达102%。"
    good = "一、教育普及\n1.学前三年毛入园率达102%，体质健康合格率达100%。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for target in ctx.targets:
            if target.unit != "%":
                continue
            value = max(target.value, target.value_high or 0)
            kind = _rate_kind(target.subject) if value > 100 else ""
            if kind == "bounded":
                message = f"“{target.subject}”为{_number(value)}%；合格率、覆盖率、占比等是部分占整体的比率，不会超过100%"
                yield ctx.finding(self, target.value_span, message)
            elif kind == "rate":
                message = f"“{target.subject}”为{_number(value)}%，这类比率通常不超过100%，请核对数字"
                yield ctx.finding(self, target.value_span, message, severity=Severity.WARNING)


_SCOPE_PREFIX_RE = re.compile(
    r"^(?:全年|年内|今年|本年度?|全[市区县省镇乡旗州盟校园]|我[市区县省镇乡旗州校园]|全|各[级类]?)+"
)
_RATE_END_RE = re.compile(r"(?:率|比例|占比|比重|覆盖面)$")
_MIN_RATE_KEY = 5  # 巩固率 alone names no one rate; 义务教育巩固率 does
_MIN_COUNT_KEY = 6  # 新增学位 is said of every kind of school; 新增公办幼儿园学位 of one


def target_key(target: Target) -> str | None:
    """What a target measures, scope words (全市, 我区) stripped, with its unit; None when it names
    no one measure: a short subject, a count of a repeated activity (培训教师), a bare rate."""
    key = _SCOPE_PREFIX_RE.sub("", target.subject)
    if target.unit == "%":
        return key if _RATE_END_RE.search(key) and len(key) >= _MIN_RATE_KEY else None
    if len(key) < _MIN_COUNT_KEY or key.startswith(tuple(number_words()["repeated_activities"])):
        return None
    return key + target.unit


class TargetStatedTwice(Rule):
    """同一指标在文中前后写成不同数值（前文毛入园率达98%，后文达99%）。

    Why: a plan states a target in its 主要目标 and again in the item that delivers it; when last
    year's figure is updated in one place only, the two disagree. Only targets that name one
    measure are compared: named rates (学前三年毛入园率) and counts with a specific subject
    (新增公办幼儿园学位), not 竣工4所 or 培训教师 (said of many things and done many times). A
    sentence that names another year (到2025年), or that gives the target twice (由95%提高到97%),
    speaks of another time and is left out.
    """

    code = "N007"
    name = "target-stated-twice"
    title = "同一指标前后数值不一"
    severity = Severity.WARNING
    basis = "实务"
    bad = (
        "2024年教育工作要点\n一、主要目标\n学前三年毛入园率达98%。\n"
        "二、重点任务\n1.扩大普惠资源，学前三年毛入园率达到99%。"
    )
    good = (
        "2024年教育工作要点\n一、主要目标\n学前三年毛入园率达98%。\n"
        "二、重点任务\n1.扩大普惠资源，学前三年毛入园率达到98%以上，到2025年学前三年毛入园率达99%。"
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        first: dict[str, Target] = {}
        for target, key in self._stated(ctx):
            earlier = first.setdefault(key, target)
            if earlier is target or (earlier.value, earlier.value_high) == (target.value, target.value_high):
                continue
            yield ctx.finding(
                self,
                target.value_span,
                f"“{target.subject}”前文（第{ctx.plan.lines.line_of(earlier.value_span.start)}行）为"
                f"{earlier.value_span.slice(text)}，此处为{target.value_span.slice(text)}；"
                "同一指标前后应一致，请核对",
            )

    @staticmethod
    def _stated(ctx: Context) -> Iterator[tuple[Target, str]]:
        """(target, key) of sentences that speak of the plan's own year, each key once a sentence."""
        text = ctx.text
        year = str(ctx.year) if ctx.year else ""
        keyed = [(t, k) for t in ctx.targets if (k := target_key(t)) is not None]
        index = 0
        while index < len(keyed):
            lo, hi = sentence_bounds(text, keyed[index][0].value_span.start)
            group = []
            while index < len(keyed) and keyed[index][0].value_span.start < hi:
                group.append(keyed[index])
                index += 1
            if any(y != year for y in _YEAR_RE.findall(text, lo, hi)):
                continue
            keys = [k for _t, k in group]
            yield from ((t, k) for t, k in group if keys.count(k) == 1)


RULES: tuple[type[Rule], ...] = tuple(
    sorted(
        (PartsDoNotAddUp, RateAbove100, TargetStatedTwice, *RANGE_RULES, *COUNT_RULES, *WRITTEN_RULES),
        key=lambda rule: rule.code,
    )
)
