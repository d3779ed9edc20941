"""D rules on the plan's own year and dates against each other: the title's year against the notice
and the body, the 成文日期 against the plan year and the 印发日期, and the 成文日期's numerals.

They read what the parser recognised (``plan.metadata``: title, 成文日期, 印发日期; ``plan.notice``),
so a title or date the parser did not find is not judged. When last year's plan is copied forward,
the title is updated and a notice line or a 总体要求 sentence is not, or the other way round.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.numbers_data import sentence_bounds, year_marks
from desktop.plan.model import ParagraphRole, Plan, Span
from desktop.plan.numerals import from_chinese

_YEAR_RE = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})(?![0-9])|([一二][〇零○九][〇零○一二三四五六七八九]{2})(?=年)"
)
_SCHOOL_YEAR_RE = re.compile(r"((?:19|20)\d{2})[ \u3000]?[-－—～~至][ \u3000]?((?:19|20)\d{2})[ \u3000]?学年")
# The body saying which year it plans, at the start of a sentence: 2018年全市教育工作总体要求,
# 2019年，上海教育工作要以…, 2023年是全面贯彻党的二十大精神的开局之年.
_BODY_YEAR_RE = re.compile(
    r"((?:19|20)\d{2})年[，,]?"
    r"(?:[\u4e00-\u9fff]{0,8}?工作(?:的?(?:总体|主要|基本|总的)?(?:要求|思路|目标)|要以|以|将)"
    r"|是[^。；;\n]{0,40}?(?:开局|收官|关键|决胜|攻坚|召开|起步|开篇)之年)"
)
_SENTENCE_OPENERS = "。；;！？!?\n"
# A sentence about a year that has passed: 2023年是…开局之年，全市教育取得显著成效.
_LOOKING_BACK_RE = re.compile(r"取得|实现了|完成了|成效|成绩|成就|过去|以来|回顾|顺利")
_FULL_DATE_RE = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日")


def title_years(title: str) -> set[int]:
    """The years a title names: 2024年… → {2024}; 2022-2023学年… → {2022, 2023}; none → set()."""
    if m := _SCHOOL_YEAR_RE.search(title):
        return {int(m.group(1)), int(m.group(2))}
    years = set()
    for m in _YEAR_RE.finditer(title):
        if m.group(1):
            years.add(int(m.group(1)))
        elif (value := from_chinese(m.group(2).replace("○", "〇"))) is not None:
            years.add(value)
    return years


_TITLE_SHAPE_RE = re.compile(r"^[^。；;：:，,]{4,40}(?:要点|计划|意见|安排|思路|方案)[^。；;：:，,]{0,12}$")


def _title_span(plan: Plan) -> Span | None:
    """The plan's title line: as the parser found it, else the first line after the notice when it
    has a title's shape (a title whose year differs from the notice's is not matched to it)."""
    if plan.title_span is not None:
        return plan.title_span
    if plan.notice is None:
        return None
    for paragraph in plan.paragraphs:
        if paragraph.span.start <= plan.notice.span.end or paragraph.role is ParagraphRole.BLANK:
            continue
        line = paragraph.span.slice(plan.text).strip()
        if paragraph.role in (ParagraphRole.PREAMBLE, ParagraphRole.FRONT) and _TITLE_SHAPE_RE.match(line):
            return paragraph.span
        return None
    return None


class TitleYearMismatch(Rule):
    """标题中的年份与印发通知或正文不一致（标题“2023年教育工作要点”，通知印发《2024年教育工作要点》）。

    Why: the title, the notice that issues the plan and the sentence that sets out the year's
    总体要求 name one year; when last year's plan is copied forward one of them is left behind.
    Only the notice's title and sentences that open with the year the plan sets out are read
    (2024年全市教育工作的总体要求是…, 2024年，全市教育工作要以…, 2024年是…的关键之年);
    retrospective ones (2023年是极不平凡的一年, 2023年是开局之年，全市教育取得显著成效) are not.
    """

    code = "D013"
    name = "title-year-mismatch"
    title = "标题年份与通知或正文不一致"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2023年教育工作要点\n2024年全市教育工作的总体要求是：坚持立德树人。\n一、加强党建\n1.抓学习。"
    good = "2024年教育工作要点\n2024年全市教育工作的总体要求是：坚持立德树人。\n一、加强党建\n1.抓学习。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        plan = ctx.plan
        span = _title_span(plan)
        years = title_years(span.slice(ctx.text)) if span is not None else set()
        if span is None or not years:
            return
        shown = "、".join(str(y) for y in sorted(years))
        if plan.notice is not None:
            noticed = title_years(plan.notice.title)
            if noticed and not noticed & years:
                other = "、".join(str(y) for y in sorted(noticed))
                yield ctx.finding(
                    self,
                    span,
                    f"标题年份{shown}年与印发通知“{plan.notice.title}”中的{other}年不一致，请核对",
                )
                return
        for m in self._body_statements(ctx):
            if int(m.group(1)) not in years:
                yield ctx.finding(
                    self,
                    Span(m.start(1), m.end(1) + 1),
                    f"标题年份为{shown}年，此处“{m.group().strip()}”写的是{m.group(1)}年，请核对",
                )
                return

    @staticmethod
    def _body_statements(ctx: Context) -> Iterator[re.Match[str]]:
        """Sentences that open with the year they plan for (not the title, front or closing)."""
        text = ctx.text
        skipped = [
            p.span
            for p in ctx.paragraphs
            if p.role in (ParagraphRole.TITLE, ParagraphRole.CLOSING, ParagraphRole.FRONT)
        ]
        for at in year_marks(ctx):
            if at < 4 or not (m := _BODY_YEAR_RE.match(text, at - 4)):
                continue
            j = m.start()
            while j > 0 and text[j - 1] in " \u3000":
                j -= 1
            if j > 0 and text[j - 1] not in _SENTENCE_OPENERS:
                continue
            if any(s.start <= m.start() < s.end for s in skipped):
                continue
            _lo, end = sentence_bounds(text, m.start(), "。；;\n")
            if not _LOOKING_BACK_RE.search(text, m.start(), end):
                yield m


def _date_lines(plan: Plan) -> Iterator[tuple[Span, str]]:
    """(span, text) of the lines that are a date alone or a 印发 line: in the notice and the closing."""
    text = plan.text
    spans = list(plan.notice.body) if plan.notice is not None else []
    spans += [p.span for p in plan.paragraphs if p.role is ParagraphRole.CLOSING]
    for span in spans:
        line = span.slice(text)
        if "年" in line and "月" in line and "日" in line and len(line.strip()) <= 40:
            yield span, line


def _full_date(written: str) -> tuple[int, int, int] | None:
    m = _FULL_DATE_RE.search(re.sub(r"\s+", "", written))
    return (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _line_of_date(plan: Plan, written: str) -> Span | None:
    """Where a metadata date is written: the first date line that holds it."""
    squeezed = re.sub(r"\s+", "", written)
    for span, line in _date_lines(plan):
        if squeezed and squeezed in re.sub(r"\s+", "", line):
            stripped = len(line) - len(line.lstrip())
            return Span(span.start + stripped, span.start + len(line.rstrip()))
    return None


class DocumentDateYear(Rule):
    """成文日期与计划年度不符（2024年工作要点落款“2022年1月18日”）。

    Why: a plan for a year is issued late in the year before or during the year itself; a 成文日期
    outside that is last year's date left on a copied plan, or a slip in the year.
    """

    code = "D015"
    name = "document-date-year"
    title = "成文日期与计划年度不符"
    severity = Severity.WARNING
    basis = "实务"
    bad = "2024年教育工作要点\n一、加强党建\n1.抓学习。\n市教育局\n2022年1月18日"
    good = "2024年教育工作要点\n一、加强党建\n1.抓学习。\n市教育局\n2024年1月18日"

    def check(self, ctx: Context) -> Iterator[Finding]:
        plan = ctx.plan
        years = title_years(plan.metadata.title) or ({ctx.year} if ctx.year else set())
        dated = _full_date(plan.metadata.date)
        if not years or dated is None or min(years) - 1 <= dated[0] <= max(years):
            return
        span = _line_of_date(plan, plan.metadata.date)
        if span is None:
            return
        shown = "、".join(str(y) for y in sorted(years))
        yield ctx.finding(
            self,
            span,
            f"成文日期“{plan.metadata.date}”与计划年度{shown}年不符（应在计划年度或其前一年），请核对",
        )


class PrintedBeforeSigned(Rule):
    """印发日期早于成文日期（成文2024年3月5日，印发2024年3月1日）。

    Why: GB/T 9704—2012 7.4.4: the 印发日期 is when the document went to print, which follows its
    signing (成文日期, 7.3.5.4); an earlier 印发日期 means one of the two dates is mistyped.
    """

    code = "D016"
    name = "printed-before-signed"
    title = "印发日期早于成文日期"
    severity = Severity.ERROR
    basis = "GB/T 9704—2012 7.4.4"
    bad = "2024年教育工作要点\n一、加强党建\n1.抓学习。\n市教育局\n2024年3月5日\n市教育局办公室 2024年3月1日印发"
    good = "2024年教育工作要点\n一、加强党建\n1.抓学习。\n市教育局\n2024年3月5日\n市教育局办公室 2024年3月6日印发"

    def check(self, ctx: Context) -> Iterator[Finding]:
        meta = ctx.plan.metadata
        signed, printed = _full_date(meta.date), _full_date(meta.print_date)
        if signed is None or printed is None or printed >= signed:
            return
        span = _line_of_date(ctx.plan, meta.print_date)
        if span is not None:
            yield ctx.finding(
                self, span, f"印发日期“{meta.print_date}”早于成文日期“{meta.date}”，请核对其中一个日期"
            )


_CN_DATE_LINE_RE = re.compile(
    r"^[ \u3000]*([一二][〇零○ＯO0一二三四五六七八九]{3})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日"
)


def is_date_line(text: str, at: int) -> bool:
    """True when the line holding ``at`` is a date in Chinese numerals and nothing else."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    line = text[start : end if end != -1 else len(text)]
    m = _CN_DATE_LINE_RE.match(line)
    return bool(m) and not line[m.end() :].strip()


class ChineseNumeralDocumentDate(Rule):
    """成文日期用汉字数字书写（二〇二四年三月五日 应为 2024年3月5日）。

    Why: GB/T 9704—2012 7.3.5.4: the 成文日期 is written in Arabic numerals with year, month and
    day in full (the 1999 standard's 汉字 form was replaced in 2012). A line that holds a date in
    characters and nothing else is a 成文日期 (or a 印发 date); a date inside a sentence is not
    judged. The fix is certain.
    """

    code = "D017"
    name = "chinese-numeral-document-date"
    title = "成文日期用汉字数字"
    severity = Severity.WARNING
    basis = "GB/T 9704—2012 7.3.5.4"
    bad = "2024年教育工作要点\n一、加强党建\n1.抓学习。\n市教育局\n二〇二四年三月五日"
    good = "2024年教育工作要点\n一、加强党建\n1.抓学习。\n市教育局\n2024年3月5日"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        if "年" not in text:
            return
        for paragraph in ctx.plan.paragraphs:
            span = paragraph.span
            if not is_date_line(text, span.start):
                continue  # a date line is the date alone
            line = span.slice(text)
            m = _CN_DATE_LINE_RE.match(line)
            assert m is not None
            digits = "".join("〇" if ch in "零○ＯO0" else ch for ch in m.group(1))
            year, month, day = from_chinese(digits), from_chinese(m.group(2)), from_chinese(m.group(3))
            if not (year and month and day):
                continue
            right = f"{year}年{month}月{day}日"
            at = Span(span.start + m.start(1), span.start + m.end())
            yield ctx.finding(
                self,
                at,
                f"成文日期“{at.slice(text)}”应使用阿拉伯数字，写作“{right}”",
                Fix(at, right, f"改为{right}"),
            )


RULES: tuple[type[Rule], ...] = (
    TitleYearMismatch,
    DocumentDateYear,
    PrintedBeforeSigned,
    ChineseNumeralDocumentDate,
)
