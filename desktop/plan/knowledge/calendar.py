"""The calendar the D rules and the plan comparison read (in the core, since both use it): ``resources/calendar.yaml`` as look-ups.

Congress and plenum dates (by month), the five-year plans and their stage words, and the
anniversaries whose ordinal follows the year. The facts are data; this module only turns them into
a :class:`Calendar`, read once per process and shared by every reader. :func:`document_month` reads
when a plan was issued, which decides what was the latest meeting at the time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.data import load_yaml, resource_path
from desktop.plan.model import Plan
from desktop.plan.numerals import from_chinese

CALENDAR_PATH = resource_path("calendar.yaml")

CN_NUM = "一二三四五六七八九十百零〇两"
# An ordinal as written in an anniversary: 40 or 四十.
_NUMBER = rf"[0-9]{{1,3}}|[{CN_NUM}]{{1,6}}"


@dataclass(frozen=True)
class Anniversary:
    """第N个教师节: the ordinal is year − ``base``, counted from ``since``; ``pattern`` captures N."""

    label: str
    base: int
    since: int
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Calendar:
    """``resources/calendar.yaml`` turned into look-ups."""

    congresses: dict[int, tuple[str, int, int]]  # number → (name, year, month)
    plenums: dict[tuple[int, int], tuple[int, int]]  # (term, number) → (year, month)
    five_year_plans: dict[str, tuple[int, int]]  # 十四五 → (2021, 2025)
    stages: dict[str, str]  # 开局之年 → first
    stage_re: re.Pattern[str]
    not_current: tuple[str, ...]
    anniversaries: tuple[Anniversary, ...]
    congress_interval: int = 5  # years between congresses (党章 第十九条)
    guide_verbs: tuple[str, ...] = ()  # 学习, 贯彻 … before a meeting: its spirit is the current guide
    guide_after: tuple[str, ...] = ()  # 以…精神为指导: 为指导, 为指南, 为引领 …
    history_words: tuple[str, ...] = ()  # 以来, 回顾 … between the meeting and 精神: history
    anticipation_words: tuple[str, ...] = ()  # 即将召开, 迎接 … before the meeting: not yet held

    def current_congress(self, year: int, month: int = 1) -> tuple[int, str, int, int] | None:
        """The latest congress held before ``month`` of ``year`` (by default, before the year began:
        plans are written at its start): (number, name, year, month)."""
        held = [(n, *v) for n, v in self.congresses.items() if (v[1], v[2]) < (year, month)]
        return max(held) if held else None

    def latest_plenum(self, term: int, year: int, month: int = 1) -> tuple[int, int, int] | None:
        """The latest plenum of ``term`` held before ``month`` of ``year``: (number, year, month)."""
        held = [(n, *when) for (t, n), when in self.plenums.items() if t == term and when < (year, month)]
        return max(held) if held else None


def _year_month(value: object) -> tuple[int, int]:
    year, month = str(value).split("-")
    return int(year), int(month)


@lru_cache(maxsize=1)
def load_calendar(path: Path = CALENDAR_PATH) -> Calendar:
    """Read the calendar once; the rules share it."""
    data = load_yaml(path, what="届次日历")
    anniversaries = []
    for entry in data["anniversaries"]:
        prefixes = "|".join(map(re.escape, entry["prefixes"]))
        suffixes = "|".join(map(re.escape, entry["suffixes"]))
        pattern = re.compile(rf"(?:{prefixes})({_NUMBER})(?:{suffixes})")
        anniversaries.append(Anniversary(entry["label"], int(entry["base"]), int(entry["since"]), pattern))
    stages = {str(k): str(v) for k, v in data["five_year_stages"].items()}
    return Calendar(
        congresses={int(c["number"]): (c["name"], *_year_month(c["date"])) for c in data["congresses"]},
        plenums={(int(p["term"]), int(p["number"])): _year_month(p["date"]) for p in data["plenums"]},
        five_year_plans={f["name"]: (int(f["start"]), int(f["end"])) for f in data["five_year_plans"]},
        stages=stages,
        stage_re=re.compile("|".join(map(re.escape, sorted(stages, key=len, reverse=True)))),
        not_current=tuple(data["five_year_not_current"]),
        anniversaries=tuple(anniversaries),
        congress_interval=int(data.get("congress_interval_years", 5)),
        guide_verbs=tuple(data.get("guide_verbs", ())),
        guide_after=tuple(data.get("guide_after", ())),
        history_words=tuple(data.get("history_words", ())),
        anticipation_words=tuple(data.get("anticipation_words", ())),
    )


_ARABIC_MONTH_RE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月")
_CHINESE_MONTH_RE = re.compile(r"([〇零○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月")


_DATE_LINE_RE = re.compile(r"^[\d〇零○一二三四五六七八九十\s年月日]+(?:印\s*发)?$")


def year_month(text: str) -> tuple[int, int] | None:
    """The first date's (year, month) in ``text``: 2022年1月18日 or 二〇二二年一月十八日; None if none."""
    found = []
    if m := _ARABIC_MONTH_RE.search(text):
        found.append((m.start(), int(m.group(1)), int(m.group(2))))
    if m := _CHINESE_MONTH_RE.search(text):
        year = from_chinese(m.group(1).replace("○", "〇"))
        month = from_chinese(m.group(2))
        if year and month:
            found.append((m.start(), year, month))
    found = [f for f in found if 1 <= f[2] <= 12]
    return min(found)[1:] if found else None


def document_month(plan: Plan) -> tuple[int, int] | None:
    """When the plan was issued, (year, month): its 成文日期, else its 印发日期, else the date line of
    the issuing notice; None when the text says nothing of it."""
    for written in (plan.metadata.date, plan.metadata.print_date):
        if written and (found := year_month(written)):
            return found
    if plan.notice is not None:
        # Only a line that is a date (or a date and 印发): 请于3月1日前报送 in the notice is no issue date.
        for span in reversed(plan.notice.body):
            line = span.slice(plan.text).strip()
            if len(line) <= 24 and _DATE_LINE_RE.match(line) and (found := year_month(line)):
                return found
    return None
