"""D rules: years and anniversaries that went stale when last year's plan was copied forward.

Writers start the new plan from last year's text; what goes wrong is what depended on the year:
the congress whose spirit is studied (``dates_meetings``), the stage of the five-year plan, the
ordinal of 教师节, a target year that has already passed. The facts (congress and plenum dates,
five-year plans, anniversaries) live in ``resources/calendar.yaml``, read by
``desktop.plan.knowledge.calendar``. How a date is written is judged in ``dates_written`` and ``dates_forms``,
the plan's own year and dates against each other in ``dates_title``; ``RULES`` here lists the whole
D family.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.dates_forms import RULES as FORM_RULES
from checks.rules.dates_meetings import RULES as MEETING_RULES
from checks.rules.dates_title import RULES as TITLE_RULES
from checks.rules.dates_written import RULES as WRITTEN_RULES
from checks.rules.numbers_data import sentence_bounds
from desktop.plan.knowledge.calendar import CN_NUM as _CN_NUM
from desktop.plan.knowledge.calendar import Calendar, load_calendar
from desktop.plan.model import Span
from desktop.plan.numerals import from_chinese, to_chinese

# Clauses end at these; 、 does not end one, so "学习、贯彻" stays together.
_CLAUSE_RE = re.compile(r"[^。；;！？!?\n，,：:]+")
_SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+")
_YEAR_IN_TEXT_RE = re.compile(r"(?<![0-9])((?:19|20)\d{2})年")


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else from_chinese(text)


def _enclosing(pattern: re.Pattern[str], text: str, start: int) -> tuple[int, int]:
    """Bounds of the clause or sentence (per ``pattern``'s stop set) that holds ``start``."""
    stops = "。；;！？!?\n" if pattern is _SENTENCE_RE else "。；;！？!?\n，,：:"
    return sentence_bounds(text, start, stops)


def _stated_year(text: str, start: int, plan_year: int) -> int:
    """The year a sentence speaks of: the last 4-digit year before ``start`` in it, else the plan's."""
    lo, _ = _enclosing(_SENTENCE_RE, text, start)
    years = _YEAR_IN_TEXT_RE.findall(text, lo, start)
    return int(years[-1]) if years else plan_year


_FIVE_YEAR_RE = re.compile("十[一二三四五]五")
_FIVE_YEAR_IMPLEMENT_RE = re.compile(r"(?:实施|贯彻|落实|执行)[^，,。；]{0,4}$")
_FIVE_YEAR_PAST_RE = re.compile(r"期间|以来|成果|成效|完成情况|总结|评估|收官|回顾")
_STAGE_TEXT = {
    "first": "开局之年（第一年）",
    "last": "收官之年（最后一年）",
    "middle": "承上启下之年（中间年份）",
}


class FiveYearPlanStage(Rule):
    """五年规划的阶段与年份不符（2022年写“十三五”规划承上启下之年）。

    A five-year plan spoken of as current (开局之年, 收官之年, 实施…) that does not contain the year.

    “十三五”规划收官之年 is right in 2020 and wrong in 2021, when the text was copied forward.
    """

    code = "D003"
    name = "five-year-plan-stage"
    title = "五年规划与年份不符"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2022年教育工作要点\n2022年是“十三五”规划承上启下的关键之年。"
    good = "2022年教育工作要点\n2022年是“十四五”规划承上启下的关键之年。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.year is None:
            return
        cal, text = load_calendar(), ctx.text
        for m in _FIVE_YEAR_RE.finditer(text):
            if m.start() > 0 and text[m.start() - 1] in _CN_NUM:
                continue  # 二十一五…: part of a longer numeral
            _lo, hi = _enclosing(_CLAUSE_RE, text, m.start())
            finding = self._judge(ctx, cal, m, hi)
            if finding:
                yield finding

    def _judge(self, ctx: Context, cal: Calendar, m: re.Match[str], hi: int) -> Finding | None:
        text, name = ctx.text, m.group()
        if name not in cal.five_year_plans:
            return None
        start, end = cal.five_year_plans[name]
        before = text[max(0, m.start() - 8) : m.start()]
        if any(word in before for word in cal.not_current):
            return None
        after = text[m.end() : min(hi, m.end() + 24)]
        other = _FIVE_YEAR_RE.search(after)
        if other:
            after = after[: other.start()]
        stages = [cal.stages[s.group()] for s in cal.stage_re.finditer(after)]
        year = _stated_year(text, m.start(), ctx.year)
        if stages:
            stage = next((s for s in stages if s != "within"), "within")
            if _in_stage(year, start, end, stage):
                return None
        elif _FIVE_YEAR_IMPLEMENT_RE.search(before) and "规划" in after[:8]:
            if start <= year <= end or _FIVE_YEAR_PAST_RE.search(text, m.start() - 8, hi):
                return None
            stage = "within"
        else:
            return None
        right = next((n for n, (s, e) in cal.five_year_plans.items() if s <= year <= e), None)
        if right and right != name and _in_stage(year, *cal.five_year_plans[right], stage):
            where = (
                f"{year}年属于“{right}”（{cal.five_year_plans[right][0]}—{cal.five_year_plans[right][1]}年）"
            )
            fix = Fix(Span(m.start(), m.end()), right, f"改为{right}")
        else:
            where = f"{year}年不是“{name}”（{start}—{end}年）的" + _STAGE_TEXT.get(stage, "规划期内年份")
            if right:
                where += f"，{year}年是“{right}”的第{year - cal.five_year_plans[right][0] + 1}年"
            fix = None
        return ctx.finding(self, Span(m.start(), m.end()), f"{where}，此处写作“{name}”", fix)


def _in_stage(year: int, start: int, end: int, stage: str) -> bool:
    if stage == "first":
        return year == start
    if stage == "last":
        return year == end
    if stage == "middle":
        return start < year < end
    return start <= year <= end


class AnniversaryOrdinal(Rule):
    """纪念日的届数与年份不符（2024年写第39个教师节）。

    An anniversary ordinal (第N个教师节, 建党N周年) that does not match the plan year.

    The ordinal is year − base (教师节: year − 1984); last year's number is the usual slip.
    """

    code = "D004"
    name = "anniversary-ordinal"
    title = "纪念日届数与年份不符"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n以庆祝第39个教师节为契机，选树先进典型。"
    good = "2024年教育工作要点\n以庆祝第40个教师节为契机，选树先进典型。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.year is None:
            return
        text = ctx.text
        for item in load_calendar().anniversaries:
            for m in item.pattern.finditer(text):
                written = _number(m.group(1))
                year = _stated_year(text, m.start(), ctx.year)
                right = year - item.base
                if written is None or year < item.since or written == right:
                    continue
                digits = m.group(1)
                replacement = str(right) if digits.isdigit() else to_chinese(right)
                yield ctx.finding(
                    self,
                    Span(m.start(), m.end()),
                    f"{year}年应为{m.group().replace(digits, replacement)}，此处写作“{m.group()}”",
                    Fix(Span(m.start(1), m.end(1)), replacement, f"改为{replacement}"),
                )


_TARGET_YEAR_RE = re.compile(
    r"(力争|确保|争取|预计|力求|计划|目标是|到|至)([^。；;，,\n]{0,10}?)((?:19|20)\d{2})年(?![度级届])"
)
_NOT_TARGET_BEFORE = "截直达得受回收做看想遇感提年月日以及"


class PastTargetYear(Rule):
    """目标中的年份已经过去（2021年的计划写“力争到2020年底”）。

    A year already past inside a future-tense target (力争/确保/到…2020年 in a 2021 plan).

    Targets are copied forward with their sentences; a deadline that has passed is a sure sign.
    """

    code = "D005"
    name = "past-target-year"
    title = "目标年份已过"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2021年教育工作要点\n力争到2020年底，全区学前教育毛入园率达99%。"
    good = "2021年教育工作要点\n力争到2021年底，全区学前教育毛入园率达99%。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        if ctx.year is None:
            return
        text = ctx.text
        for m in _TARGET_YEAR_RE.finditer(text):
            year = int(m.group(3))
            if year >= ctx.year:
                continue
            loose = m.group(2) or (m.start() > 0 and text[m.start() - 1] in _NOT_TARGET_BEFORE)
            if m.group(1) in "到至" and loose:
                continue
            yield ctx.finding(
                self,
                Span(m.start(3), m.end(3) + 1),
                f"{ctx.year}年的计划中，目标年份“{year}年”已经过去；请改为{ctx.year}年或之后的年份",
            )


RULES: tuple[type[Rule], ...] = tuple(
    sorted(
        (
            FiveYearPlanStage,
            AnniversaryOrdinal,
            PastTargetYear,
            *MEETING_RULES,
            *WRITTEN_RULES,
            *FORM_RULES,
            *TITLE_RULES,
        ),
        key=lambda rule: rule.code,
    )
)
