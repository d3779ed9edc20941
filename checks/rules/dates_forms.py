"""D rules on the form of years and dates in running text: 20年 for 2020年, 二零二四年 for 二〇二四年,
a 星期 that does not fall on its date, a span of years written backwards.

Each judges what is written against a fixed fact (the standard's form, the Gregorian calendar);
the plan year is used only to read a year left out (3月5日（星期二）) or abbreviated (24年).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.dates_title import is_date_line
from checks.rules.numbers_data import around, sentence_bounds, year_marks
from desktop.plan.model import Span

_YEAR_RE = re.compile(r"(?<![0-9])((?:19|20)\d{2})年")

# 20年3月, 23年底, 24年度, 22-23学年: two digits where a calendar year is meant. Durations (工作20年,
# 近20年来) are not followed by a month, 度, 底, a season or a term, so they are not read.
_SHORT_YEAR_RE = re.compile(
    r"(?<![0-9０-９.第])(\d{2})年(?=\d{1,2}月|度|底|初|末|上半年|下半年|[春秋]季|[春秋]学期|寒假|暑假|高考|中考"
    r"|[一二三四]季度|第[一二三四]季度)"
)
_SHORT_SCHOOL_YEAR_RE = re.compile(r"(?<![0-9０-９.第])(\d{2})[-－—～~](\d{2})学年")
# 24年，全市教育工作…: two digits opening a sentence (checked in code), naming a year near the
# plan's; not 20年来 or 30年间, which are durations.
_OPENING_YEAR_RE = re.compile(r"(?<![0-9０-９.第])(\d{2})年(?![来间内中以之左多余后前的里代级])")
_SENTENCE_OPENERS = "。；;！？!?：:\n"
_YEAR_PREPOSITIONS = ("到", "至", "于", "截至", "截止")  # 到24年: a point in time, not a span
_NEAR = 3  # an opening two-digit year is read as a year only this close to the plan year


def _two_digit_years(ctx: Context) -> Iterator[re.Match[str]]:
    """23年底, 22-23学年, and (near the plan year) 24年 opening a sentence, in text order."""
    text = ctx.text
    for at in year_marks(ctx):
        if at >= 6 and text[at - 1] == "学":
            if m := _SHORT_SCHOOL_YEAR_RE.match(text, at - 6):
                yield m
            continue
        if at < 2 or not text[at - 2 : at].isdigit():
            continue
        if m := _SHORT_YEAR_RE.match(text, at - 2):
            yield m
        elif ctx.year is not None and (m := _OPENING_YEAR_RE.match(text, at - 2)):
            full = _full_year(int(m.group(1)), ctx.year)
            j = m.start()
            while j > 0 and text[j - 1] in " \u3000":
                j -= 1
            opens = j == 0 or text[j - 1] in _SENTENCE_OPENERS or text[:j].endswith(_YEAR_PREPOSITIONS)
            if full is not None and abs(full - ctx.year) <= _NEAR and opens:
                yield m  # the year opens its sentence, or follows 到/于


def _full_year(short: int, plan_year: int | None) -> int | None:
    """24 → 2024 when the plan year makes the century certain (within ten years); else None."""
    for century in (2000, 1900):
        if plan_year is not None and abs(century + short - plan_year) <= 10:
            return century + short
    return None


class AbbreviatedYear(Rule):
    """年份简写为两位数字（20年3月、23年底、22-23学年）。

    Why: GB/T 15835—2011 5.1.4: a year written with four digits is not shortened to two (“1990年”
    不写为“90年”); in a 公文 a two-digit year is also ambiguous across centuries. Only two digits
    followed by a month, 度, 底, a season, a term, 高考 or 学年, or opening a sentence or following
    到/于 within three years of the plan year (24年，全市…; 到24年), are read as a year; 工作20年
    and 20年来 are durations. The fix writes
    the full year when the plan year makes the century certain.
    """

    code = "D010"
    name = "abbreviated-year"
    title = "年份简写"
    severity = Severity.WARNING
    basis = "GB/T 15835—2011 5.1.4"
    bad = "2024年教育工作要点\n一、总体要求\n认真总结23年底督导检查情况。"
    good = "2024年教育工作要点\n一、总体要求\n认真总结2023年底督导检查情况，表彰从教满20年教师。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _two_digit_years(ctx):
            if m.re is _SHORT_SCHOOL_YEAR_RE:
                shorts = [(m.start(1), m.end(1)), (m.start(2), m.end(2))]
            else:
                shorts = [(m.start(1), m.end(1))]
            fixes = []
            for start, end in shorts:
                full = _full_year(int(text[start:end]), ctx.year)
                if full is not None:
                    fixes.append(Fix(Span(start, end), str(full), f"改为{full}"))
            message = f"年份“{m.group().strip()}”不应简写为两位数字"
            if len(fixes) == len(shorts):
                right = "—".join(f.replacement for f in fixes) if len(fixes) == 2 else fixes[0].replacement
                message += f"，应写作“{right}{'学年' if len(fixes) == 2 else '年'}”"
                if len(fixes) == 2:
                    fixes.append(Fix(Span(m.end(1), m.start(2)), "—", "改为“—”"))
            else:
                fixes = []
            yield ctx.finding(self, Span(m.start(1), m.end()), message, fixes=tuple(fixes))


# 二零二四年, 二○二四年 (○ is a geometric circle), 二O二四年: the zero of a year in characters.
_CN_YEAR_RE = re.compile(
    r"(?<![〇零○Ｏ一二三四五六七八九十])((?:一九|二[〇零○ＯO0])[〇零○ＯO0一二三四五六七八九]{2})年"
)
_WRONG_ZERO = "零○ＯO0"


class ChineseYearZero(Rule):
    """汉字年份中的“〇”写成“零”或其他形似字符（二零二四年 应为 二〇二四年）。

    Why: GB/T 15835—2011 5.2.5: a 0 used in numbering, as in a year, is written 〇 (“公元2012年”
    写作“二〇一二年”，不写为“二零一二年”); the geometric ○, the letter O and the digit 0 are look-alikes
    typed in its place. The fix is certain.
    """

    code = "D011"
    name = "chinese-year-zero"
    title = "汉字年份中“〇”写法有误"
    severity = Severity.WARNING
    basis = "GB/T 15835—2011 5.2.5"
    bad = "2024年教育工作要点\n一、总体要求\n二零二四年是实施“十四五”规划的关键一年。"
    good = "2024年教育工作要点\n一、总体要求\n二〇二四年是实施“十四五”规划的关键一年，零距离服务师生。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for at in year_marks(ctx):
            m = _CN_YEAR_RE.match(text, at - 4) if at >= 4 else None
            if m is None:
                continue
            year = m.group(1)
            wrong = [i for i, ch in enumerate(year) if ch in _WRONG_ZERO]
            if not wrong or is_date_line(text, m.start()):
                continue  # a 成文日期 in characters: D017 rewrites it whole
            right = "".join("〇" if ch in _WRONG_ZERO else ch for ch in year)
            fixes = tuple(Fix(Span(m.start() + i, m.start() + i + 1), "〇", "改为“〇”") for i in wrong)
            yield ctx.finding(
                self,
                Span(m.start(), m.end()),
                f"汉字年份“{m.group()}”中的“0”应写作“〇”，即“{right}年”",
                fixes=fixes,
            )


_WEEKDAY_RE = re.compile(
    r"(\d{1,2})月(\d{1,2})日[ \u3000]?[（(]?[ \u3000]?(星期|周|礼拜)([一二三四五六日天])"
)
_WEEKDAY_MARK_RE = re.compile(r"(?:星期|周|礼拜)[一二三四五六日天]")
_YEAR_BEFORE_RE = re.compile(r"((?:19|20)\d{2})年$")
_WEEKDAYS = "一二三四五六日"


def _weekday(year: int, month: int, day: int) -> str | None:
    try:
        return _WEEKDAYS[datetime.date(year, month, day).weekday()]
    except ValueError:
        return None  # 2月30日: D006's


class WeekdayMismatch(Rule):
    """日期与所注星期不符（2024年3月5日（星期一），当天是星期二）。

    Why: a date and its 星期 written together must agree; when a notice is copied from last year's,
    the date is changed and the 星期 is not, and people come on the wrong day. A date without its
    year is read in the year its sentence names, else in the plan year, and reported only when the
    星期 fits neither that year nor the one before or after.
    """

    code = "D012"
    name = "weekday-mismatch"
    title = "日期与星期不符"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、工作安排\n3月5日（星期一）召开全市教育工作会议。"
    good = "2024年教育工作要点\n一、工作安排\n3月5日（星期二）召开全市教育工作会议。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in around(text, _WEEKDAY_MARK_RE, _WEEKDAY_RE, 14, 0):
            written = "日" if m.group(4) == "天" else m.group(4)
            month, day = int(m.group(1)), int(m.group(2))
            year = self._year(ctx, m)
            if year is None:
                continue
            years = [year] if isinstance(year, int) else list(year)
            actual = [_weekday(y, month, day) for y in years]
            if None in actual or written in actual:
                continue
            span = Span(m.start(4), m.end(4))
            if len(years) == 1:
                message = f"{years[0]}年{month}月{day}日是星期{actual[0]}，此处写作“{m.group(3)}{m.group(4)}”"
                fix = Fix(span, actual[0] or "", f"改为{actual[0]}")
            else:
                message = (
                    f"{month}月{day}日在{years[1]}年是星期{actual[1]}（{years[0]}年是星期{actual[0]}，"
                    f"{years[2]}年是星期{actual[2]}），此处写作“{m.group(3)}{m.group(4)}”，请核对"
                )
                fix = None
            start = m.start() - (
                5 if _YEAR_BEFORE_RE.search(ctx.text, max(0, m.start() - 5), m.start()) else 0
            )
            yield ctx.finding(self, Span(start, m.end()), message, fix)

    @staticmethod
    def _year(ctx: Context, m: re.Match[str]) -> int | tuple[int, int, int] | None:
        """The date's year: written, or named earlier in its sentence; else the plan year's
        neighbourhood (last year, this year, next year); None without a plan year."""
        text = ctx.text
        if written := _YEAR_BEFORE_RE.search(text, max(0, m.start() - 5), m.start()):
            return int(written.group(1))
        lo, _hi = sentence_bounds(text, m.start())
        stated = _YEAR_RE.findall(text, lo, m.start())
        if stated:
            return int(stated[-1])
        if ctx.year is None:
            return None
        return (ctx.year - 1, ctx.year, ctx.year + 1)


# 2025—2021年, 2024年至2022年: a span of years whose start is after its end.
_YEAR_SPAN_RE = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})年?[ \u3000]?(?:—|～|〜|–|-|－|~|至|到)[ \u3000]?((?:19|20)\d{2})(?:年|学年)"
)


class InvertedYearSpan(Rule):
    """年份起止颠倒（2025—2021年）。

    Why: GB/T 15834—2011 4.13.3.2 marks the start and end of a span of time; a span from a later
    year to an earlier one cannot exist, so one of the years is mistyped.
    """

    code = "D014"
    name = "inverted-year-span"
    title = "年份起止颠倒"
    severity = Severity.ERROR
    basis = "GB/T 15834—2011 4.13.3.2"
    bad = "2024年教育工作要点\n一、总体要求\n落实教育强国建设规划纲要（2035—2024年）。"
    good = "2024年教育工作要点\n一、总体要求\n落实教育强国建设规划纲要（2024—2035年）。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for at in year_marks(ctx):
            if at < 9 or (not text[at - 4 : at].isdigit() and text[at - 1] != "学"):
                continue
            m = _YEAR_SPAN_RE.search(text, max(0, at - 16), at + 1)
            if m is None or m.end() != at + 1:
                continue
            start, end = int(m.group(1)), int(m.group(2))
            if start > end:
                yield ctx.finding(
                    self,
                    Span(m.start(), m.end()),
                    f"年份起止“{m.group()}”前一年份晚于后一年份，应从早到晚写，请核对",
                )


RULES: tuple[type[Rule], ...] = (AbbreviatedYear, ChineseYearZero, WeekdayMismatch, InvertedYearSpan)
