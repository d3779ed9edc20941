"""The calendar the D rules and the plan comparison read (in the core, since both use it): ``resources/calendar.yaml`` as look-ups.

Congress and plenum dates, the five-year plans and their stage words, and the anniversaries whose
ordinal follows the year. The facts are data; this module only turns them into a :class:`Calendar`,
read once per process and shared by every reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from desktop import RESOURCES

CALENDAR_PATH = RESOURCES / "calendar.yaml"

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

    def current_congress(self, year: int) -> tuple[int, str, int, int] | None:
        """The latest congress held before ``year`` began (plans are written at the start of a year)."""
        held = [(n, *v) for n, v in self.congresses.items() if v[1] < year]
        return max(held) if held else None


def _year_month(value: object) -> tuple[int, int]:
    year, month = str(value).split("-")
    return int(year), int(month)


@lru_cache(maxsize=1)
def load_calendar(path: Path = CALENDAR_PATH) -> Calendar:
    """Read the calendar once; the rules share it."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
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
    )
