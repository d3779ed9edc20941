"""D rules on the peer corpus (silent: the four plans are dated correctly) and on copies of it
carried forward to a later year, which is exactly how the real mistakes are made."""

from __future__ import annotations

import itertools

import pytest

from checks.config import CheckConfig
from checks.finding import apply_fixes
from checks.rules import dates
from checks.run import run_checks
from desktop.plan.knowledge.calendar import load_calendar
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
    cal = load_calendar()
    years = [cal.congresses[n][1] for n in sorted(cal.congresses)]
    assert years == sorted(years)
    for (term, _number), (year, _month) in cal.plenums.items():
        assert year >= cal.congresses[term][1]
        if term + 1 in cal.congresses:
            assert year <= cal.congresses[term + 1][1]
    spans = sorted(cal.five_year_plans.values())
    assert all(b[0] == a[1] + 1 for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2022年1月18日", (2022, 1)),
        ("二〇二二年十二月八日", (2022, 12)),
        ("2022 年 3 月", (2022, 3)),
        ("今年", None),
    ],
)
def test_year_month_reads_arabic_and_chinese_dates(written: str, expected) -> None:
    from desktop.plan.knowledge.calendar import year_month

    assert year_month(written) == expected


def test_document_month_prefers_the_signature_date_and_ignores_deadlines() -> None:
    from desktop.plan.knowledge.calendar import document_month

    text = (
        "关于印发《2023年教育工作要点》的通知\n各学校：\n请于2023年3月1日前报送。\n"
        "2022年12月20日\n2023年教育工作要点\n一、加强党建"
    )
    assert document_month(parse(text)) == (2022, 12)
    assert document_month(parse("2023年教育工作要点\n一、加强党建")) is None


def test_a_stale_notice_date_is_not_trusted() -> None:
    # A 2024 plan whose notice still carries last January's date: judged from the start of 2024.
    text = (
        "关于印发《教育工作要点》的通知\n各学校：\n现将要点印发给你们。\n2023年1月10日\n"
        "2024年教育工作要点\n一、深入学习贯彻党的十九大精神。"
    )
    found = _check(text, year=2024)
    assert [f.code for f in found if f.code in ("D001", "D002")] == ["D001"]


def test_title_years() -> None:
    from checks.rules.dates_title import title_years

    assert title_years("无锡市惠山区2022年教育工作要点") == {2022}
    assert title_years("枣庄二中2022-2023学年度学校工作计划") == {2022, 2023}
    assert title_years("二〇二四年教育工作要点") == {2024}
    assert title_years("教育工作要点") == set()


def test_calendar_phrases_are_filled() -> None:
    cal = load_calendar()
    assert cal.guide_verbs and cal.guide_after and cal.history_words and cal.anticipation_words
    assert cal.congress_interval == 5


def test_the_days_of_a_month_are_the_gregorian_calendars() -> None:
    import calendar

    from checks.rules.dates_written import _days_in

    for year in range(1896, 2105):
        for month in range(1, 13):
            assert _days_in(year, month) == calendar.monthrange(year, month)[1], (year, month)
