"""A plan is judged by the concepts of its own time: no 双减 before July 2021, no 劳动教育 among
the 五育 before September 2018, and messages use the names the plan's writer knew."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.rules.themes import RULES
from checks.run import run_checks
from checks.themes import coverage
from checks.themes.era import Moment, Since, moment_of, parse_since
from desktop.plan.model import Metadata
from desktop.plan.parse import parse

WHOLE = CheckConfig().merged(options={"T001.brief_chars": 0})


def messages(text: str, config: CheckConfig = WHOLE, metadata: Metadata | None = None) -> list[str]:
    return [f.message for f in run_checks(parse(text, metadata), config, rules=list(RULES))]


def theme(text: str, theme_id: str, year: int | None = None):
    return next(c for c in coverage(parse(text), year=year) if c.theme.id == theme_id)


PLAN_2020 = "2020年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n2.深化平安校园建设。\n"


def test_a_2020_plan_is_told_of_reducing_burdens_not_of_double_reduction() -> None:
    found = [m for m in messages(PLAN_2020) if "负担" in m or "双减" in m]
    assert found and all("减轻学生课业负担" in m and "双减" not in m for m in found)


def test_a_2022_plan_is_told_of_double_reduction() -> None:
    found = messages(PLAN_2020.replace("2020", "2022"))
    assert any("“双减”" in m for m in found)
    assert not any("减轻学生课业负担" in m for m in found)


def test_the_date_decides_in_the_year_the_policy_came() -> None:
    text = PLAN_2020.replace("2020", "2021")
    assert not any("双减" in m for m in messages(text))  # an annual plan of 2021: written before July
    signed = Metadata(date="2021年9月1日")  # a plan signed after July 2021 knew the name
    assert any("“双减”" in m for m in messages(text, metadata=signed))


def test_before_the_2018_conference_five_educations_are_four_and_labour_is_not_asked() -> None:
    text = "2018年教育工作要点\n一、育人\n1.加强德育工作。\n2.深化课堂教学改革。\n3.加强学校体育。\n4.加强美育工作。\n"
    cov = theme(text, "five_educations")
    assert cov.theme.name == "德智体美"
    assert [p.name for p in cov.parts] == ["德育", "智育", "体育", "美育"]
    assert cov.status.value == "covered"
    later = theme(text.replace("2018", "2019"), "five_educations")
    assert later.theme.name == "五育" and later.parts_missing == ("劳动教育",)


def test_the_config_year_overrides_the_plan_year() -> None:
    assert theme(PLAN_2020, "double_reduction", year=2024).theme.name == "双减"
    found = messages(PLAN_2020, WHOLE.merged(year=2024))
    assert any("“双减”" in m for m in found)


def test_a_plan_without_a_year_in_its_title_is_dated_by_its_opening() -> None:
    text = "摘要\n2019年全省教育工作的总体思路是：加强党的建设。\n一、加强党的建设\n1.加强基层党组织建设。\n"
    assert moment_of(parse(text)) == Moment(2019)
    assert theme(text, "double_reduction").theme.name != "双减"


@pytest.mark.parametrize(
    ("date", "year", "moment"),
    [
        ("2021年3月5日", 2021, Moment(2021, 3)),
        ("二〇二一年十二月三十日", 2022, Moment(2021, 12)),  # signed the December before
        ("2015年6月1日", 2022, Moment(2022)),  # the date of something else
        ("", 2022, Moment(2022)),
    ],
)
def test_moment_of_a_plan(date: str, year: int, moment: Moment) -> None:
    plan = parse(f"{year}年教育工作要点\n一、安全\n", Metadata(date=date))
    assert moment_of(plan) == moment


@pytest.mark.parametrize(
    ("moment", "before"),
    [
        (Moment(2020), True),
        (Moment(2021), True),
        (Moment(2021, 8), False),
        (Moment(2022), False),
        (Moment(), False),
    ],
)
def test_before_july_2021(moment: Moment, before: bool) -> None:
    assert moment.before(Since(2021, 7)) is before


@pytest.mark.parametrize(
    ("value", "since"), [(2021, Since(2021)), ("2021-07", Since(2021, 7)), ("July", None), (True, None)]
)
def test_parse_since(value: object, since: Since | None) -> None:
    assert parse_since(value) == since
