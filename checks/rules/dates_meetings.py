"""D rules on the congress and plenums whose spirit a plan studies: superseded, not yet held, or
not the latest plenum.

A plan presents a meeting as its current guide (深入学习贯彻党的二十大精神, 以…精神为指导); what was
current depends on when the plan was issued, judged by month: 二十大 met in October 2022, so a plan
issued in November 2022 studies it and one issued in March 2022 cannot. The issue date is the
成文日期, the 印发日期 or the notice's date line (``desktop.plan.knowledge.calendar.document_month``); without
one, the start of the plan year, when plans are written. The phrases that make a clause a guide
(学习, 贯彻, 为指导 …) and that make it history (以来) or anticipation (即将召开) are data in
``resources/calendar.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Rule
from checks.rules.numbers_data import sentence_bounds
from desktop.plan.knowledge.calendar import CN_NUM as _CN_NUM
from desktop.plan.knowledge.calendar import Calendar, document_month, load_calendar
from desktop.plan.model import Span
from desktop.plan.numerals import from_chinese, to_chinese

# Clauses end at these; 、 does not end one, so "学习、贯彻" stays together.
_CLAUSE_STOPS = "。；;！？!?\n，,：:"
_SPIRIT_RE = re.compile("精神")

_ORD = r"十[六七八九]|二十[一二]?"
_CONGRESS_RE = re.compile(
    rf"(?:党的|中国共产党)?第?(?<![{_CN_NUM}])({_ORD})(?:次全国代表)?大(?:会)?(?![学厅院楼道街力型幅量])"
)
_PLENUM_RE = re.compile(
    rf"(?<![{_CN_NUM}])({_ORD})届((?:[一二三四五六七八九]中[、和及与]?)+)全(?:体)?会"
    rf"|(?<![{_CN_NUM}])({_ORD})届中央委员会第([一二三四五六七八九])次全体会议"
)
_PLENUM_NUMBER_RE = re.compile(r"([一二三四五六七八九])中")
_EARLIEST_MONTH = 9  # a plan for a year is issued from the autumn before it at the earliest


@dataclass(frozen=True)
class Meeting:
    """A congress or plenum named in the text, with the month it met (or the earliest it can)."""

    span: Span
    label: str  # as written
    year: int
    month: int
    term: int  # the congress number the meeting belongs to
    plenums: tuple[int, ...] = ()  # the plenum numbers named (二中、三中 → 2, 3); () for a congress
    # Not in the calendar: (year, month) is the earliest it can have met, from the meetings before
    # it (a plenum follows the one numbered before it; a congress meets every five years).
    estimated: bool = False


@cache
def _phrases() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    cal = load_calendar()

    def alternation(words: tuple[str, ...]) -> re.Pattern[str]:
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)")

    return (
        alternation(cal.guide_verbs),
        alternation(cal.guide_after),
        alternation(cal.history_words),
        alternation(cal.anticipation_words),
    )


def _next_month(when: tuple[int, int]) -> tuple[int, int]:
    year, month = when
    return (year + 1, 1) if month == 12 else (year, month + 1)


def _congress_date(cal: Calendar, number: int) -> tuple[tuple[int, int], bool] | None:
    """(year, month) of congress ``number``, and whether it is only the earliest possible one."""
    if number in cal.congresses:
        return cal.congresses[number][1:], False
    latest = max(cal.congresses)
    if number < latest:
        return None
    _name, year, month = cal.congresses[latest]
    # 党章 第十九条: the congress meets every five years; it may be convened early, so a year less.
    return (year + cal.congress_interval * (number - latest) - 1, month), True


def _plenum_date(cal: Calendar, term: int, number: int) -> tuple[tuple[int, int], bool] | None:
    """(year, month) of plenum ``number`` of ``term``, and whether it is only the earliest one:
    the month after the latest plenum of the term known before it, or after its congress."""
    if (term, number) in cal.plenums:
        return cal.plenums[(term, number)], False
    before = [when for (t, n), when in cal.plenums.items() if t == term and n < number]
    if before:
        return _next_month(max(before)), True
    congress = _congress_date(cal, term)
    return (congress[0], True) if congress else None


def meetings_in(cal: Calendar, text: str, lo: int, hi: int) -> Iterator[Meeting]:
    """Congresses and plenums named in ``text[lo:hi]`` with their dates (or earliest dates)."""
    for m in _CONGRESS_RE.finditer(text, lo, hi):
        number = from_chinese(m.group(1))
        dated = _congress_date(cal, number) if number else None
        if dated:
            (year, month), estimated = dated
            yield Meeting(Span(m.start(), m.end()), m.group(), year, month, number or 0, (), estimated)
    for m in _PLENUM_RE.finditer(text, lo, hi):
        term = from_chinese(m.group(1) or m.group(3)) or 0
        numbers = [from_chinese(n) for n in _PLENUM_NUMBER_RE.findall(m.group(2))] if m.group(2) else []
        if m.group(4):
            numbers = [from_chinese(m.group(4))]
        dated = [(d, n) for n in numbers if n and (d := _plenum_date(cal, term, n))]
        if dated:
            ((year, month), estimated), _n = max(dated)
            named = tuple(n for _d, n in dated)
            yield Meeting(Span(m.start(), m.end()), m.group(), year, month, term, named, estimated)


def spirit_clauses(ctx: Context) -> list[tuple[list[Meeting], bool]]:
    """Clauses that speak of the spirit of congresses or plenums (not of their history, not of one
    still awaited): the meetings named before 精神, and whether the clause presents them as the
    guide to follow now (学习贯彻…精神, 以…精神为指导). Computed once per run."""

    def compute() -> list[tuple[list[Meeting], bool]]:
        cal, text = load_calendar(), ctx.text
        verbs, after, history, anticipation = _phrases()
        found = []
        done = -1
        for spirit_mark in _SPIRIT_RE.finditer(text):
            lo, hi = sentence_bounds(text, spirit_mark.start(), _CLAUSE_STOPS)
            if lo <= done:
                continue  # a clause with 精神 twice is read once
            done = lo
            piece = text[lo:hi]
            if "大" not in piece and "全会" not in piece and "全体会议" not in piece:
                continue
            meetings = list(meetings_in(cal, text, lo, hi))
            if not meetings:
                continue
            first = meetings[0].span
            spirit = text.find("精神", first.end, hi)
            if spirit == -1 or history.search(text, first.end, spirit):
                continue
            if anticipation.search(text, lo, first.start):
                continue
            guided = bool(
                verbs.search(text, lo, first.start)
                or ("以" in text[lo : first.start] and after.match(text, spirit + 2))
            )
            found.append(([m for m in meetings if m.span.start < spirit], guided))
        return found

    return ctx.memo("spirit_clauses", compute)


def guide_clauses(ctx: Context) -> list[list[Meeting]]:
    """The meetings of the clauses that present them as the guide to follow now."""
    return [meetings for meetings, guided in spirit_clauses(ctx) if guided]


def _issued(ctx: Context) -> tuple[tuple[int, int] | None, bool]:
    """(year, month) the plan was issued by, and whether the text dated it. A date outside the plan
    year and the autumn before it (a notice left from last year's plan) is not trusted."""
    dated = document_month(ctx.plan)
    if ctx.year is None:
        return dated, dated is not None
    if dated is not None and (ctx.year - 1, _EARLIEST_MONTH) <= dated <= (ctx.year, 12):
        return dated, True
    return (ctx.year, 1), False


def _when(month: tuple[int, int]) -> str:
    return f"{month[0]}年{month[1]}月"


class SupersededCongress(Rule):
    """把已被接续的上一届会议精神作为当前指导（2024年仍“学习贯彻党的十九大精神”）。

    A congress or plenum of an earlier 届 presented as the spirit to study at the time of issue.

    After a new congress, plans study its spirit; a plan copied forward keeps the old one. What
    was current is judged by the month the plan was issued (a plan dated 2022年11月 already studies
    二十大), or the start of the plan year. History (党的十九大以来) is fine: only 学习/贯彻…精神 and
    以…精神为指导 are read as "the current guide".
    """

    code = "D001"
    name = "superseded-congress"
    title = "学习贯彻的会议精神已非最新"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2024年教育工作要点\n一、深入学习贯彻党的十九大精神，全面加强党的建设。"
    good = "2024年教育工作要点\n一、深入学习贯彻党的二十大精神，回顾党的十九大以来的成就。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        issued, dated = _issued(ctx)
        if issued is None:
            return
        current = load_calendar().current_congress(*issued)
        if current is None:
            return
        number, name, year, month = current
        at = f"（成文于{_when(issued)}）" if dated else ""
        for meetings in guide_clauses(ctx):
            stale = [m for m in meetings if m.term < number and not m.estimated]
            if not stale:
                continue
            span = Span(stale[0].span.start, stale[-1].span.end)
            labels = "、".join(f"“{m.label}”" for m in stale)
            yield ctx.finding(
                self,
                span,
                f"本计划{at}应学习贯彻党的{name}精神（{year}年{month}月召开）；"
                f"{labels}已被党的{name}接续，不宜再作为当前学习贯彻的内容",
            )


class FutureMeeting(Rule):
    """学习贯彻的会议在成文时尚未召开（2023年的计划学习二十届三中全会精神）。

    A congress or plenum whose spirit is studied in a plan issued before it was held.

    A plan for 2023 cannot study 二十届三中全会 (July 2024), nor one dated 2024年3月: the year, the
    date or the 届次 is wrong. Without a date in the text only the year is compared, since a plan for
    a year may be issued after a meeting of that year. Any mention of the meeting's spirit counts
    (开展…精神宣讲 too), but 即将召开的党的二十大 is anticipation, not study. A meeting the calendar
    does not list yet is judged by the earliest it can meet: after the plenum numbered before it,
    and a congress five years after the last (党章 第十九条; a year early, since it may be brought
    forward).
    """

    code = "D002"
    name = "future-meeting"
    title = "学习的会议尚未召开"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2023年教育工作要点\n一、深入学习贯彻党的二十届三中全会精神。"
    good = "2023年教育工作要点\n一、深入学习贯彻党的二十大和二十届二中全会精神。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        issued, dated = _issued(ctx)
        if issued is None:
            return
        for meetings, _guided in spirit_clauses(ctx):
            for m in meetings:
                held = (m.year, m.month)
                if dated and held > issued:
                    when = f"本计划成文于{_when(issued)}，"
                elif not dated and m.year > issued[0]:
                    when = f"{issued[0]}年的计划"
                else:
                    continue
                if m.estimated:
                    met = f"最早于{m.year}年{m.month}月以后才能召开"
                else:
                    met = f"于{m.year}年{m.month}月召开"
                yield ctx.finding(
                    self,
                    m.span,
                    f"“{m.label}”{met}，{when}不可能学习其精神；请核对年份、成文日期或会议届次",
                )


class LatestPlenumMissing(Rule):
    """作为指导的全会精神没有写到成文前最近召开的一次（2025年仍只写“二十大和二十届二中全会精神”）。

    A clause that lists the plenums of the current 届 as its guide but stops before the latest one
    held before the plan was issued, while the plan names that plenum nowhere.

    Plans list the plenums of the term in force (党的二十大和二十届二中、三中全会精神); a plan
    carried forward after a new plenum keeps last year's list. One finding per plan: the cause is
    one. 历次全会 covers them all and is not judged.
    """

    code = "D009"
    name = "latest-plenum-missing"
    title = "全会精神未更新到最近一次"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2025年教育工作要点\n一、深入学习贯彻党的二十大和二十届二中全会精神。"
    good = "2025年教育工作要点\n一、深入学习贯彻党的二十大和二十届二中、三中全会精神。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        issued, dated = _issued(ctx)
        if issued is None:
            return
        cal = load_calendar()
        current = cal.current_congress(*issued)
        if current is None:
            return
        term = current[0]
        latest = cal.latest_plenum(term, *issued)
        if latest is None:
            return
        number, year, month = latest
        named = {n for ms in guide_clauses(ctx) for m in ms if m.term == term for n in m.plenums}
        if not named or number in named or self._named_anywhere(ctx, term, number):
            return
        for meetings in guide_clauses(ctx):
            plenums = [m for m in meetings if m.term == term and m.plenums and not m.estimated]
            if not plenums:
                continue
            at = f"本计划成文（{_when(issued)}）前" if dated else f"{issued[0]}年开始前"
            label = f"{to_chinese(term)}届{to_chinese(number)}中全会"
            yield ctx.finding(
                self,
                plenums[-1].span,
                f"{at}党的{label}已于{year}年{month}月召开，此处只写到“{plenums[-1].label}”；"
                f"请核对是否应写入{label}精神",
            )
            return

    @staticmethod
    def _named_anywhere(ctx: Context, term: int, number: int) -> bool:
        """True when the plan names plenum ``number`` of ``term`` anywhere (not only as a guide)."""
        if f"{to_chinese(number)}中全会" in ctx.text:
            return True  # 三中全会精神, its 届 said elsewhere
        cal = load_calendar()
        return any(
            m.term == term and number in m.plenums for m in meetings_in(cal, ctx.text, 0, len(ctx.text))
        )


RULES: tuple[type[Rule], ...] = (SupersededCongress, FutureMeeting, LatestPlenumMissing)
