"""What a plan's title and year look like, and where they come from when no title line says so.

A plan's year is the year it plans for. Most titles carry it (2023年教育工作要点); a copy without
its title still says it in the first sentence (2021年是…, 2022年，全区教育…) or in a term
(2022—2023学年度第一学期). A term names a school year, and a school year is planned as the year
it starts in: 2022—2023学年度 is the 2022 plan, as is 2022学年度. Failing all of these, the
file's name often carries the title or the year (中学2022—2023学年度工作计划.docx, 2024年要点.txt).
"""

from __future__ import annotations

import re
from pathlib import PurePath

from desktop.plan.charclass import HAN, is_han
from desktop.plan.markers import match_marker

PLAN_WORDS = re.compile(r"要点|计划|意见|安排|方案|思路|任务|重点")
_CN_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# 2022年, 二〇二二年, 2022 年, 2022学年度, 2022—2023学年度, 2022-23学年, 20222023学年度 (dash lost).
_YEAR = re.compile(
    r"((?:19|20)\d{2}|[二〇零一三四五六七八九]{4})"
    r"(?:\s*[—\-–－~～至]+\s*(?:(?:19|20)?\d{2})|(?:19|20)\d{2}(?=\s*学年))?\s*(?:学年|年)"
)
# A year that opens a sentence (2021年，… / 2021年是… / 2022—2023学年度第一学期…), not a date.
_OPENING_YEAR = re.compile(
    r"^\s*((?:19|20)\d{2})(?:\s*[—\-–－~～至]+\s*(?:(?:19|20)?\d{2}))?\s*(?:学年度?|年度?)(?!\s*\d{1,2}\s*月)"
)
_FILE_YEAR = re.compile(r"^((?:19|20)\d{2})(?!\d)")
DATE = r"(?:\d{4}|[二〇零一三四五六七八九]{4})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
DATE_LINE = re.compile(rf"^{DATE}$")
ORG_SUFFIX = r"(?:局|委员会|教育委|工委|委|厅|办公室|政府|中心|处|科|部|院|学院|学校|中学|小学|幼儿园)"
ORG_LINE = re.compile(rf"^(?:{HAN}|[（）() ]){{2,40}}{ORG_SUFFIX}$")
_ORG_IN_TITLE = re.compile(rf"{HAN}{{2,30}}(?:局|厅|委员会|工委|中学|小学|幼儿园|学院)")
# A document-sharing site's decorations on a file's name.
_NAME_DECORATION = re.compile(r"(?:范文|模板|范本|精选|大全|word版|[（(]完整版?[)）]|[（(]\d+篇[)）])+$")
_COLUMN_TAG = re.compile(r"^【[^【】]{1,10}】")
_DOUBLED_DIGIT = re.compile(r"^(\d)\s+(?=\1\d{3})")  # 2 2022 年: a PDF doubled the first digit
_DIGIT_SPACE = re.compile(rf"(?<=\d)[ \t]+(?={HAN})|(?<={HAN})[ \t]+(?=\d)")


def year_in(value: str) -> int | None:
    """The year ``value`` plans for (a school year counts as the year it starts in).

    Usually the first year named. A combined document names two (2022年工作总结和2023年工作要点):
    the year whose words are a plan's, not a review's, is the plan's year.
    """
    found = list(_YEAR.finditer(value))
    if not found:
        return None
    chosen = found[0]
    if len(found) > 1:
        for i, m in enumerate(found):
            words = value[m.end() : found[i + 1].start() if i + 1 < len(found) else len(value)]
            if PLAN_WORDS.search(words) and not _REVIEW_WORDS.search(words):
                chosen = m
                break
    digits = chosen.group(1).translate(_CN_YEAR_DIGITS)
    return int(digits) if digits.isdigit() else None


_REVIEW_WORDS = re.compile(r"总结|回顾|述职|报告")


def opening_year(paragraph: str) -> int | None:
    """The year a paragraph opens with: 2021年，… → 2021; 2022—2023学年度… → 2022; a date → None."""
    m = _OPENING_YEAR.match(paragraph)
    return int(m.group(1)) if m else None


def looks_like_title(line: str) -> bool:
    """A plan's title: short, names a kind of plan and a year or term, no sentence and no marker."""
    return (
        4 <= len(line) <= 60
        and line[-1] not in "。；;，,：:！!？?"
        and "。" not in line
        and bool(PLAN_WORDS.search(line))
        and (bool(_YEAR.search(line)) or "年度" in line or "学期" in line)
        and match_marker(line) is None
    )


def names_issuer(title: str) -> bool:
    """The title already names its issuing body (芜湖市教育局2024年工作要点)."""
    return bool(_ORG_IN_TITLE.search(title))


def clean_title(line: str) -> str:
    """The title as metadata: without 《》, a site's column tag (【统计规划】), a PDF's doubled digit,
    or spaces beside numbers."""
    title = _COLUMN_TAG.sub("", line.strip()).strip("《》")
    title = _DOUBLED_DIGIT.sub("", title)
    return _DIGIT_SPACE.sub("", title)


def title_from_file_name(name: str) -> str:
    """A plan title carried by a file's name (…工作计划范文.docx → …工作计划), or ""."""
    stem = PurePath(name).name
    for suffix in (".plan.yaml", ".plan.yml"):
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
            break
    else:
        stem = PurePath(stem).stem if "." in stem else stem
    stem = _NAME_DECORATION.sub("", stem.strip())
    if any(map(is_han, stem)) and PLAN_WORDS.search(stem) and len(stem) <= 60:
        return clean_title(stem)
    return ""


def year_from_file_name(name: str) -> int | None:
    """The year a file's name starts with or names (2022_…, 2024年要点.txt)."""
    stem = PurePath(name).name
    m = _FILE_YEAR.match(stem)
    if m:
        return int(m.group(1))
    return year_in(stem)
