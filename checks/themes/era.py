"""When a plan was written, against when a theme came to be: a plan is judged by its own time.

A 2020 plan cannot have deployed “双减” (the policy is of July 2021); it deployed the same work
under the names of its day (减轻学生课业负担, 校外培训机构治理), and a message about it must use
those names. ``since`` dates in themes.yaml say when a name or a part of a theme appeared; a
:class:`Moment` says when the plan was written, as far as the plan tells.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.plan.model import Plan

_SINCE = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")
_YEAR_IN_TEXT = re.compile(r"(?<![0-9])(19[5-9][0-9]|20[0-9]{2})\s*(?:年|[—–-]\s*(?:19|20)[0-9]{2})")
_OPENING = 600  # characters of the text where a plan names its own year, when its title doesn't
_DATE = re.compile(r"([0-9〇零○一二三四五六七八九]{4})\s*年\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*月")


@dataclass(frozen=True)
class Since:
    """The year and month a name or a part of a theme first applied (month 1 when only a year is known)."""

    year: int
    month: int = 1

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月" if self.month > 1 else f"{self.year}年"


def parse_since(value: object) -> Since | None:
    """``2021`` or ``"2021-07"`` → Since; None when the value is neither."""
    match = _SINCE.fullmatch(str(value).strip())
    if match is None or isinstance(value, bool):
        return None
    year, month = int(match.group(1)), int(match.group(2) or 1)
    return Since(year, month) if 1900 < year < 2200 and 1 <= month <= 12 else None


@dataclass(frozen=True)
class Moment:
    """When a plan was written: its year, and the month when its date (成文日期) says so."""

    year: int | None = None
    month: int | None = None

    def before(self, since: Since) -> bool:
        """Whether the plan was (or may have been) written before ``since``.

        An annual plan is written around the turn of its year, so a plan of the very year a name
        appeared is taken as written before it, unless its date says otherwise: when in doubt, a
        message keeps to the older name, which a later plan still understands. A plan whose year
        is unknown is a draft being written now.
        """
        if self.year is None:
            return False
        if self.month is not None:
            return (self.year, self.month) < (since.year, since.month)
        return self.year < since.year or (self.year == since.year and since.month > 1)


def moment_of(plan: Plan, year: int | None = None) -> Moment:
    """When ``plan`` was written: ``year`` (else the plan's year), with the month of its date.

    The date counts only when it falls in the plan's year or the year before (a plan for 2022 may
    be signed in December 2021); anything else is a date of something other than the plan. When
    neither the title nor the metadata give a year, the first year the opening of the text names
    (“2018年全省教育工作的总体思路是…”, “2022-2023学年度”) stands in: an opening that looks
    back (“2020年是…”) only makes the reading more cautious.
    """
    year = year if year is not None else plan.metadata.year
    if year is None:
        named = _YEAR_IN_TEXT.search(plan.text, 0, _OPENING)
        year = int(named.group(1)) if named else None
    written = _year_month(plan.metadata.date)
    if written is None:
        return Moment(year)
    if year is None:
        return Moment(*written)
    if written[0] in (year - 1, year):
        return Moment(*written)
    return Moment(year)


def _year_month(date: str) -> tuple[int, int] | None:
    """(year, month) of a date written 2021年3月5日 or 二〇二一年三月五日; None otherwise."""
    match = _DATE.search(date or "")
    if match is None:
        return None
    year = int(match.group(1).translate(_DIGITS))
    month_text = match.group(2)
    if month_text.isdigit():
        month = int(month_text)
    else:
        digits = month_text.translate(_DIGITS)
        tens, _, units = digits.partition("十")
        month = (int(tens or 1) * 10 + int(units or 0)) if "十" in month_text else int(digits)
    return (year, month) if 1 <= month <= 12 else None
