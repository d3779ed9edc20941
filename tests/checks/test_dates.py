"""D rules on the peer corpus (silent: the four plans are dated correctly) and on copies of it
carried forward to a later year, which is exactly how the real mistakes are made."""

from __future__ import annotations

import itertools

import pytest

from checks.config import CheckConfig
from checks.finding import apply_fixes
from checks.rules import dates
from checks.run import run_checks
from desktop.plan.parse import parse

CORPUS = ("wujin", "zhenjiang", "huishan", "changzhou")


def _check(text: str, year: int | None = None, select: str = "D") -> list:
    config = CheckConfig.defaults().merged(year=year)
    return [f for f in run_checks(parse(text), config, rules=dates.RULES) if f.code.startswith(select)]


@pytest.mark.parametrize("name", CORPUS)
def test_corpus_plans_are_dated_correctly(name: str, corpus_text) -> None:
    # Each plan studies the latest congress of its year, names the right five-year plan stage and
    # the right 教师节 ordinal (镇江 2020: 第36个), and cites well-formed document numbers.
    found = _check(corpus_text(name))
    assert found == [], [(f.code, f.line, f.message) for f in found]


def test_corpus_year_comes_from_the_title(corpus_text) -> None:
    assert parse(corpus_text("zhenjiang")).metadata.year == 2020


def test_wujin_copied_to_2024_is_caught(corpus_text) -> None:
    found = _check(corpus_text("wujin"), year=2024)
    codes = [f.code for f in found]
    # 深入贯彻党的十九大和十九届…全会精神 twice; the 2020 target year inside a target.
    assert codes.count("D001") == 2
    assert "D005" in codes
    assert all("党的二十大" in f.message for f in found if f.code == "D001")


def test_zhenjiang_copied_forward_gets_the_right_teachers_day(corpus_text) -> None:
    text = corpus_text("zhenjiang")
    found = [f for f in _check(text, year=2021) if f.code == "D004"]
    assert len(found) == 1
    assert found[0].message.startswith("2021年应为第37个教师节")
    fixed = apply_fixes(text, found[0].all_fixes())
    assert "以庆祝第37个教师节为契机" in fixed


def test_swapped_five_year_plan_is_found_at_its_line(corpus_text) -> None:
    text = corpus_text("huishan").replace("“十四五”规划实施承上启下", "“十三五”规划实施承上启下", 1)
    found = [f for f in _check(text) if f.code == "D003"]
    assert len(found) == 1
    line = text.count("\n", 0, text.index("“十三五”规划实施")) + 1
    assert found[0].line == line
    assert "十四五" in found[0].message


def test_history_is_not_the_current_guide() -> None:
    text = "2024年教育工作要点\n一、党的十九大以来，学习贯彻党的二十大精神取得新成效。"
    assert _check(text) == []


def test_no_year_means_no_year_findings() -> None:
    # Without a year from the title or --year the year-dependent rules stay silent.
    assert _check("教育工作要点\n以庆祝第39个教师节为契机。") == []
    assert _check("教育工作要点\n以庆祝第39个教师节为契机。", year=2024)


def test_calendar_is_consistent() -> None:
    cal = dates.load_calendar()
    years = [cal.congresses[n][1] for n in sorted(cal.congresses)]
    assert years == sorted(years)
    for (term, _number), (year, _month) in cal.plenums.items():
        assert year >= cal.congresses[term][1]
        if term + 1 in cal.congresses:
            assert year <= cal.congresses[term + 1][1]
    spans = sorted(cal.five_year_plans.values())
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans))
