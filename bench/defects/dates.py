"""Date and 届次 defects: dates that cannot exist or are written against GB/T 9704—2012 and
GB/T 15835—2011, and what last year's plan leaves behind when it is copied into this year's.

The facts (congress and plenum dates, five-year plans, anniversaries) are written here on their
own, not read from the checker's calendar, so a wrong calendar entry shows up as a miss.
"""

from __future__ import annotations

import calendar
import datetime
import re
from random import Random

from bench.defects.base import Injected, Site, choose, cn_numeral, insert_sentence, kind, year_in_chinese
from desktop.plan.numerals import from_chinese

D = ("D",)

# (year held, name as cited): the congresses and plenums of the Party's Central Committee.
_CONGRESSES = ((2007, "十七大"), (2012, "十八大"), (2017, "十九大"), (2022, "二十大"), (2027, "二十一大"))
_PLENUMS = {
    (19, 1): 2017, (19, 2): 2018, (19, 3): 2018, (19, 4): 2019, (19, 5): 2020, (19, 6): 2021, (19, 7): 2022,
    (20, 1): 2022, (20, 2): 2023, (20, 3): 2024, (20, 4): 2025,
}  # fmt: skip
_FIVE_YEAR = ((2011, "十二五"), (2016, "十三五"), (2021, "十四五"), (2026, "十五五"))
_TERM = {18: "十八", 19: "十九", 20: "二十"}


def _congresses(year: int) -> tuple[str, str] | None:
    """(the latest congress before ``year`` began, the one before it)."""
    held = [name for when, name in _CONGRESSES if when < year]
    return (held[-1], held[-2]) if len(held) >= 2 else None


@kind("学习贯彻上一届党代会精神", "D")
def superseded_congress(site: Site, rng: Random) -> Injected | None:
    """Last congress's spirit as this year's guidance: a 2023 plan that 学习贯彻党的十九大精神."""
    pair = _congresses(site.year)
    if pair is None:
        return None
    current, previous = pair
    guidance = re.compile(rf"(?:学习|贯彻|落实|领会)[^。；]{{0,15}}?({current})(?!以来)[^。；]{{0,25}}?精神")
    found = choose(rng, site.occurrences(guidance))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start(1))
        return site.done(start, start + len(current), previous, D, f"{current}→{previous}")
    sentence = rng.choice(
        ("深入学习贯彻党的{}精神。", "全面贯彻落实党的{}精神，办好人民满意的教育。")
    ).format(previous)
    return insert_sentence(site, rng, sentence, D, f"插入{previous}精神")


def _future_meetings(year: int) -> list[str]:
    """Meetings held only after ``year`` (a plan written at its start cannot study them)."""
    found = [f"党的{_TERM[t]}届{cn_numeral(n)}中全会" for (t, n), when in _PLENUMS.items() if when > year]
    found += [f"党的{name}" for when, name in _CONGRESSES if when > year]
    return found[:3]


_PLENUM = re.compile(r"(十八|十九|二十)届([一二三四五六七])中全会")


@kind("学习尚未召开的会议精神", "D")
def future_meeting(site: Site, rng: Random) -> Injected | None:
    """A plenum or congress cited as studied before it was held: a 2023 plan on 二十届三中全会精神."""
    terms = {v: k for k, v in _TERM.items()}
    existing = []
    for line, m in site.occurrences(_PLENUM):
        number = "一二三四五六七".index(m.group(2)) + 2
        if _PLENUMS.get((terms[m.group(1)], number), 0) > site.year:
            existing.append((line, m, cn_numeral(number)))
    found = choose(rng, existing)
    if found is not None and rng.random() < 0.5:
        line, m, new = found
        start = site.at(line, m.start(2))
        return site.done(start, start + 1, new, D, f"{m.group(2)}中全会→{new}中全会")
    meeting = rng.choice(_future_meetings(site.year))
    return insert_sentence(site, rng, f"认真学习贯彻{meeting}精神。", D, f"插入{meeting}")


def _five_year(year: int) -> tuple[str, str]:
    """(the five-year plan ``year`` falls in, the one before it)."""
    names = [name for start, name in _FIVE_YEAR if start <= year]
    return names[-1], names[-2]


@kind("五年规划写成上一个（十四五→十三五）", "D")
def previous_five_year_plan(site: Site, rng: Random) -> Injected | None:
    """The five-year plan of the year named as the previous one: 2023年是“十三五”规划的关键之年."""
    current, previous = _five_year(site.year)
    # Not where the older name can stay right: its research projects, its period, its results.
    mention = re.compile(rf"{current}(?![^。；，]{{0,8}}(?:课题|期间|时期|以来|成果|末))")
    found = choose(rng, site.occurrences(mention))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start())
        return site.done(start, start + len(current), previous, D, f"{current}→{previous}")
    start_year = next(s for s, name in _FIVE_YEAR if name == current)
    stage = {0: "开局之年", 4: "收官之年"}.get(site.year - start_year, "关键之年")
    sentence = f"{site.year}年是“{previous}”规划的{stage}。"
    return insert_sentence(site, rng, sentence, D, f"{site.year}年写“{previous}”")


def _number(written: str) -> int | None:
    """40 or 四十 → 40."""
    return int(written) if written.isdigit() else from_chinese(written)


_TEACHERS_DAY = re.compile(r"第(\d{1,2}|[一二三四五六七八九十]{1,3})个教师节")


@kind("教师节届数与年份不符", "D")
def teachers_day_ordinal(site: Site, rng: Random) -> Injected | None:
    """The 教师节 ordinal carried over from last year: 第39个教师节 in 2024 (the 40th; the first was 1985)."""
    right = site.year - 1984
    wrong = right + rng.choice((-1, 1))
    # Only an ordinal that is right for the year is made wrong (an old one may cite another year).
    found = choose(rng, [(i, m) for i, m in site.occurrences(_TEACHERS_DAY) if _number(m.group(1)) == right])
    if found is not None and rng.random() < 0.5:
        line, m = found
        new = str(wrong) if m.group(1).isdigit() else cn_numeral(wrong)
        start = site.at(line, m.start(1))
        return site.done(start, start + len(m.group(1)), new, D, f"第{m.group(1)}→第{new}个教师节")
    sentence = f"以庆祝第{wrong}个教师节为契机，选树表彰一批优秀教师。"
    return insert_sentence(site, rng, sentence, D, f"第{wrong}个教师节")


_EVENTS = {
    "新中国成立": 1949,
    "中华人民共和国成立": 1949,
    "建党": 1921,
    "中国共产党成立": 1921,
    "改革开放": 1978,
}
_ANNIVERSARY = re.compile(rf"({'|'.join(_EVENTS)})(\d{{1,3}})周年")


@kind("周年纪念数与年份不符", "D")
def anniversary_ordinal(site: Site, rng: Random) -> Injected | None:
    """An anniversary counted wrong for the year: 庆祝新中国成立74周年 in a 2024 plan (the 75th)."""
    right = [
        (i, m)
        for i, m in site.occurrences(_ANNIVERSARY)
        if int(m.group(2)) == site.year - _EVENTS[m.group(1)]
    ]
    found = choose(rng, right)
    if found is not None and rng.random() < 0.5:
        line, m = found
        wrong = str(int(m.group(2)) + rng.choice((-1, 1)))
        start = site.at(line, m.start(2))
        return site.done(start, start + len(m.group(2)), wrong, D, f"{m.group(2)}→{wrong}周年")
    event = rng.choice(("新中国成立", "建党", "改革开放"))
    wrong = site.year - _EVENTS[event] + rng.choice((-1, 1))
    sentence = f"以庆祝{event}{wrong}周年为契机，深入开展爱国主义教育。"
    return insert_sentence(site, rng, sentence, D, f"{event}{wrong}周年")


_DATE = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")


def _impossible(year: int, rng: Random) -> tuple[int, int]:
    leap = calendar.isleap(year)
    choices = [(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31)] + ([] if leap else [(2, 29)])
    return rng.choice(choices)


@kind("不存在的日期（2月30日、6月31日）", "D")
def impossible_date(site: Site, rng: Random) -> Injected | None:
    """A day the month does not have: 6月31日, 2月30日, 2月29日 in a common year."""
    month, day = _impossible(site.year, rng)
    found = choose(rng, site.occurrences(_DATE))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start, end = site.at(line, m.start()), site.at(line, m.end())
        return site.done(start, end, f"{month}月{day}日", D, f"{m.group()}→{month}月{day}日")
    sentence = f"请各单位于{site.year}年{month}月{day}日前报送工作总结。"
    return insert_sentence(site, rng, sentence, D, f"{month}月{day}日")


_WEEKDAYS = "一二三四五六日"


@kind("日期与星期不符", "D")
def weekday_mismatch(site: Site, rng: Random) -> Injected | None:
    """A date with the wrong weekday beside it: 2024年3月5日（星期三） (it was a Tuesday)."""
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    real = datetime.date(site.year, month, day).weekday()
    wrong = _WEEKDAYS[(real + rng.randint(1, 6)) % 7]
    sentence = f"{site.year}年{month}月{day}日（星期{wrong}）召开全市教育工作会议。"
    return insert_sentence(site, rng, sentence, D, f"{month}月{day}日写星期{wrong}")


_FULL_DATE = re.compile(r"(20\d\d)年(\d{1,2})月(\d{1,2})日")


@kind("日期月日加前导零（03月05日）", "D")
def leading_zero_date(site: Site, rng: Random) -> Injected | None:
    """Month and day padded with zeros: 2024年03月05日 (GB/T 9704—2012 7.3.5.4: 2024年3月5日)."""
    found = choose(rng, [(i, m) for i, m in site.occurrences(_FULL_DATE) if len(m.group(2)) == 1])
    if found is not None and rng.random() < 0.5:
        line, m = found
        start, end = site.at(line, m.start()), site.at(line, m.end())
        new = f"{m.group(1)}年{int(m.group(2)):02d}月{int(m.group(3)):02d}日"
        return site.done(start, end, new, D, f"{m.group()}→{new}")
    month, day = rng.randint(1, 9), rng.randint(1, 9)
    sentence = f"请于{site.year}年{month:02d}月{day:02d}日前完成信息报送。"
    return insert_sentence(site, rng, sentence, D, f"{month:02d}月{day:02d}日")


_TARGET_YEAR = re.compile(r"(?:到|至)(20\d\d)年(?:底|末)?[，,]?")


@kind("目标年份已经过去", "D")
def past_target_year(site: Site, rng: Random) -> Injected | None:
    """A target dated in a year already gone, carried over from an old plan: 2024年的计划写“力争到2023年底”."""
    found = choose(rng, [(i, m) for i, m in site.occurrences(_TARGET_YEAR) if int(m.group(1)) >= site.year])
    past = site.year - rng.choice((1, 2))
    if found is not None and rng.random() < 0.5:
        line, m = found
        start = site.at(line, m.start(1))
        return site.done(start, start + 4, str(past), D, f"{m.group(1)}→{past}")
    sentence = f"力争到{past}年底，义务教育学校标准化建设达标率达到95%。"
    return insert_sentence(site, rng, sentence, D, f"到{past}年底")


def _year_mentions(site: Site, *, own: bool = False) -> list[tuple[int, re.Match[str]]]:
    """The plan year written in the body (not in the title line): 2024年是…、2024年全市….

    With ``own``, only where the year is the plan's own (2024年是…, 2024年，…, 2024年全市教育工作…),
    not a year some other document or campaign is named after.
    """
    title_line = site.line_of(site.plan.title_span.start) if site.plan.title_span else -1
    after = r"年(?:是|，|,|全|我|教育工作|工作|要|的)" if own else r"年(?!度?[\d—-])"
    # As the plan's own year it opens a sentence or clause (2024年，…; 1.2024年全市…).
    before = r"(?<![^\s。；：，、.])" if own else r"(?<![\d“])"
    pattern = re.compile(rf"{before}{site.year}(?={after})")
    # A short line is a title of its own (a heading the parser did not take for the title).
    return [
        (i, m) for i, m in site.occurrences(pattern) if i != title_line and len(site.lines[i].strip()) > 15
    ]


@kind("正文年份与标题年份不符", "D")
def body_year_stale(site: Site, rng: Random) -> Injected | None:
    """A year in the body left from last year's plan while the title has this year's: 标题2024，正文“2023年全市…”."""
    if str(site.year) not in site.plan.metadata.title:
        return None
    found = choose(rng, _year_mentions(site, own=True))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start())
    return site.done(start, start + 4, str(site.year - 1), D, f"{site.year}→{site.year - 1}")


@kind("年份汉字写法用“零”（二零二四年）", "D")
def year_with_ling(site: Site, rng: Random) -> Injected | None:
    """A year spelt in Chinese with 零 for 〇: 二零二四年 (GB/T 15835—2011: 二〇二四年, in a plan 2024年)."""
    found = choose(rng, _year_mentions(site))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start())
    new = year_in_chinese(site.year, "零")
    return site.done(start, start + 4, new, ("D", "N"), f"{site.year}→{new}")


@kind("年份简写（24年）", "D")
def year_abbreviated(site: Site, rng: Random) -> Injected | None:
    """A year cut to two digits: 24年 (GB/T 15835—2011 4.1.3: a year is written in full, 2024年)."""
    found = choose(rng, _year_mentions(site))
    if found is None:
        return None
    line, m = found
    start = site.at(line, m.start())
    return site.done(start, start + 2, "", ("D", "N"), f"{site.year}→{site.year % 100:02d}")
