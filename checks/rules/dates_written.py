"""D rules on how a date is written: dates that cannot exist, broken document-number years, and
months and days written with a leading zero.

Unlike the rules in ``dates`` these need no calendar and (but for the plausibility of a document
year) no plan year: they judge the characters as written, which editing slips and web templates
mangle (a deleted 年, 〔20201号, 03月05日).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.numbers_data import around
from desktop.plan.model import Span

_FULL_DATE_RE = re.compile(r"(?<![0-9])((?:19|20)\d{2})年(\d{1,3})月(?:(\d{1,3})日)?")
_MONTH_DAY_RE = re.compile(r"(?<![0-9年.\-/])(\d{1,3})月(\d{1,3})日")
_GLUED_DATE_RE = re.compile(
    r"(?<![0-9A-Za-z.\-/:：_])((?:19|20)\d{2})([01]?\d)(\d{1,2})(?![0-9A-Za-z.\-/:%％])"
)
_MONTH_MARK_RE = re.compile("月")
# 20221月26(日): the 年 (and the 日) lost between a year and a month that kept its 月.
_YEAR_GLUED_RE = re.compile(r"(?<![0-9])((?:19|20)\d{2})([1-9]|1[0-2])月(\d{1,2})(日?)(?![0-9])")
_SEVEN_DIGITS_RE = re.compile(r"(?:19|20)\d{5}")
_NOT_DATE_AFTER = "人元个所名份册次件张台套米亩万亿字位户"
_NOT_DATE_BEFORE_RE = re.compile(r"电话|手机|号码|编号|代码|邮编|传真|QQ|账号|索引|文号|\d")


class ImpossibleDate(Rule):
    """日期不存在或年月日连写（2月30日、13月、2024327）。

    A date that cannot exist: 2月30日, 13月, or digits run together (2024327).

    Such dates come from editing slips (a deleted 年 or 月) and print straight into the 公文. Digits
    run together are read as a date only where a date stands (alone on a signature line, before
    日印发 or 前, after 于 or 截至), and fixed only when one reading exists (2024111 is 1月11日 or
    11月1日, so it is reported without a fix).
    """

    code = "D006"
    name = "impossible-date"
    title = "日期不成立"
    severity = Severity.ERROR
    basis = "GB/T 9704—2012 7.3.5.4"
    bad = "2024年教育工作要点\n请于2024年2月30日前报送材料。"
    good = "2024年教育工作要点\n请于2024年2月29日前报送材料。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in around(text, _MONTH_MARK_RE, _FULL_DATE_RE, 8, 5):
            problem = _date_problem(int(m.group(1)), int(m.group(2)), m.group(3) and int(m.group(3)))
            if problem:
                yield ctx.finding(self, Span(m.start(), m.end()), f"“{m.group()}”{problem}")
        for m in around(text, _MONTH_MARK_RE, _MONTH_DAY_RE, 3, 5):
            problem = _date_problem(None, int(m.group(1)), int(m.group(2)))
            if problem:
                yield ctx.finding(self, Span(m.start(), m.end()), f"“{m.group()}”{problem}")
        for m in around(text, _SEVEN_DIGITS_RE, _GLUED_DATE_RE, 0, 1):
            if len(m.group()) == 7 and _in_date_place(text, m.start(), m.end()):
                yield self._glued(ctx, m)
        for m in around(text, _MONTH_MARK_RE, _YEAR_GLUED_RE, 6, 4):
            yield self._year_glued(ctx, m)

    def _year_glued(self, ctx: Context, m: re.Match[str]) -> Finding:
        """20221月26: a year run into its month; the only reading is 2022年1月26日."""
        year, month, day = m.group(1), int(m.group(2)), int(m.group(3))
        span = Span(m.start(), m.end())
        problem = _date_problem(int(year), month, day)
        right = f"{year}年{month}月{day}日"
        if problem:
            return ctx.finding(self, span, f"“{m.group()}”漏写了“年”，且日期{problem}")
        return ctx.finding(
            self,
            span,
            f"“{m.group()}”漏写了“年”{'' if m.group(4) else '“日”'}，应写作“{right}”",
            Fix(span, right, "补全年月日"),
        )

    def _glued(self, ctx: Context, m: re.Match[str]) -> Finding:
        """2024327: a date whose 年 and 月 (and 日) were lost; fixed when only one reading exists."""
        digits = m.group()
        year = int(digits[:4])
        readings = [
            (int(digits[4 : 4 + k]), int(digits[4 + k :]))
            for k in (1, 2)
            if digits[4] != "0" and not _date_problem(year, int(digits[4 : 4 + k]), int(digits[4 + k :]))
        ]
        day_follows = ctx.text.startswith("日", m.end())
        span = Span(m.start(), m.end())
        if len(readings) != 1:
            shown = "或".join(f"{year}年{mo}月{d}日" for mo, d in readings)
            return ctx.finding(self, span, f"“{digits}”是漏写了“年”“月”“日”的日期（{shown}），请补全")
        month, day = readings[0]
        right = f"{year}年{month}月{day}" + ("" if day_follows else "日")
        return ctx.finding(
            self,
            span,
            f"“{digits}”是漏写了“年”“月”“日”的日期，应写作“{year}年{month}月{day}日”",
            Fix(span, right, "补全年月日"),
        )


def _in_date_place(text: str, start: int, end: int) -> bool:
    """True when digits stand where only a date can: alone on their line (a signature date), or
    before 日/前/印发, or after 于/至/截至. A 7-digit number elsewhere may be a count or a code."""
    after = text[end : end + 2]
    if after and after[0] in _NOT_DATE_AFTER:
        return False
    if _NOT_DATE_BEFORE_RE.search(text, max(0, start - 6), start):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not text[line_start:start].strip() and not text[end:line_end].strip():
        return True
    return after.startswith(_DATE_AFTER) or text[max(0, start - 3) : start].endswith(_DATE_BEFORE)


_DATE_AFTER = ("日", "前", "印发", "以前", "之前", "止", "起")
_DATE_BEFORE = ("于", "至", "截至", "截止", "日期：", "日期:")


def _date_problem(year: int | None, month: int, day: int | None) -> str:
    if not 1 <= month <= 12:
        return f"中的月份“{month}月”不存在"
    if day is None:
        return ""
    last = _days_in(year if year else 2000, month)
    if not 1 <= day <= last:
        return f"不存在：{month}月只有{last}天" + ("" if year else "（闰年）" if month == 2 else "")
    return ""


def _days_in(year: int, month: int) -> int:
    """The days of ``month`` (1–12) in the Gregorian ``year`` (``calendar.monthrange``, without
    importing ``calendar`` and ``locale`` on every check's way)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_DOC_NUMBER_RE = re.compile(r"([〔\[【［])\s*(\d{1,8})\s*([〕\]】］]?)\s*(\d{0,4})\s*(号?)")


class DocumentNumberYear(Rule):
    """发文字号中的年份残缺或不合理（〔20191号、〔219〕、2024年计划中的〔2031〕）。

    A document number (发文字号) whose year is broken: 〔20191 , 〔219〕, 〔2031〕 in a 2024 plan.

    GB/T 9704 writes the year in full, in 〔〕; a mistyped year makes the cited file unfindable.
    """

    code = "D007"
    name = "document-number-year"
    title = "发文字号年份有误"
    severity = Severity.ERROR
    basis = "GB/T 9704—2012 7.2.4"
    bad = "2024年教育工作要点\n落实《关于加强体育工作的意见》（体发〔20201号）要求。"
    good = "2024年教育工作要点\n落实《关于加强体育工作的意见》（体发〔2020〕1号）要求。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in _DOC_NUMBER_RE.finditer(text):
            opening, digits, closing, serial, hao = m.groups()
            if m.start() == 0 or not "\u4e00" <= text[m.start() - 1] <= "\u9fff":
                continue  # a document number follows its issuer's 代字
            span = Span(m.start(), m.end())
            if opening != "〔" and not (closing and hao):
                continue  # [1] or 【1】 is a note, not a document number
            if len(digits) == 4 and closing:
                year = int(digits)
                if year < 1949 or (ctx.year is not None and year > ctx.year + 1):
                    yield ctx.finding(self, span, f"发文字号中的年份“{year}”不合理，请核对")
                continue
            fix = None
            if len(digits) > 4 and digits[:2] in ("19", "20") and not closing and not serial and hao:
                fixed = f"{opening}{digits[:4]}〕{digits[4:]}号"
                fix = Fix(span, fixed, f"改为{fixed}")
                message = f"发文字号“{m.group()}”缺少年份的右括号，应为“{fixed}”"
            else:
                message = f"发文字号“{m.group()}”的年份应为四位数字并用〔〕括起，如〔2024〕1号"
            yield ctx.finding(self, span, message, fix)


# A month (and day) or a lone day; not the tail of a longer number or of 2024.03.
_MONTH_DAY_ZERO_RE = re.compile(r"(?<![0-9０-９.])(?:(\d{1,2})月(?:(\d{1,2})日)?|(\d{1,2})日)")
_PADDED_RE = re.compile(r"0[1-9][月日]")  # found first: only the lines that hold one are read


def _line_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def _unpadded(number: str | None) -> str | None:
    """``"03"`` → ``"3"``; None when ``number`` has no leading zero (or is 00, D006's business)."""
    if number and len(number) == 2 and number[0] == "0" and number[1] != "0":
        return number[1]
    return None


class LeadingZeroDate(Rule):
    """日期的月、日编了虚位（2026年03月05日）。

    Why: GB/T 9704 writes dates in Arabic numerals without 虚位 (1 is not written 01); the padded form
    comes from date pickers and spreadsheets. The fix, dropping the zero, is certain.
    """

    code = "D008"
    name = "leading-zero-date"
    title = "日期月日有前导零"
    severity = Severity.WARNING
    basis = "GB/T 9704—2012 7.3.5.4"
    bad = "2026年教育工作要点\n请于2026年03月05日前报送材料。"
    good = "2026年教育工作要点\n请于2026年3月5日前报送材料，10月10日前完成。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        lines = sorted({text.rfind("\n", 0, m.start()) + 1 for m in _PADDED_RE.finditer(text)})
        for m in (m for lo in lines for m in _MONTH_DAY_ZERO_RE.finditer(text, lo, _line_end(text, lo))):
            month, day, lone_day = m.groups()
            if not (_unpadded(month) or _unpadded(day) or _unpadded(lone_day)):
                continue
            right = "".join(
                (_unpadded(part) or part) + unit
                for part, unit in ((month, "月"), (day or lone_day, "日"))
                if part
            )
            span = Span(m.start(), m.end())
            yield ctx.finding(
                self,
                span,
                f"日期“{m.group()}”的月、日不应编虚位（前导零），应写作“{right}”",
                Fix(span, right, "删去前导零"),
            )


RULES: tuple[type[Rule], ...] = (ImpossibleDate, DocumentNumberYear, LeadingZeroDate)
