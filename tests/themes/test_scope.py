"""Part of a plan, or a whole one: a theme missing from a cut or short text is reported once, as
information about what was written so far; from a whole plan, as a warning per theme."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.rules.themes import RULES
from checks.run import run_checks
from checks.themes.scope import scope_of
from desktop.plan.parse import parse

FILLER = "".join(
    f"{n}.推进第{n}项工作。围绕年度目标，细化工作措施，压实工作责任，确保按期完成。\n" for n in range(1, 60)
)
WHOLE_PLAN = "2024年教育工作要点\n一、加强党的建设\n" + FILLER + "二、其他\n60.加强基层党组织建设。\n"


def findings(text: str, config: CheckConfig | None = None) -> list:
    return run_checks(parse(text), config or CheckConfig(), rules=list(RULES))


@pytest.mark.parametrize(
    ("text", "whole", "cut", "says"),
    [
        (WHOLE_PLAN, True, False, ""),
        (WHOLE_PLAN + "61.推进学校建设，加快", False, True, "文本止于“61.推进学校建设，加快”"),
        (WHOLE_PLAN + "三、保障措施\n", False, True, "文本止于“三、保障措施”"),
        ("2024年重点工作\n一、重点项目\n1.新建学校3所。\n2.新增学位4000个。\n", False, False, "全文仅约"),
        # a list-form plan ends on a heading as it should; page furniture after it is no text
        (
            "2024年重点工作\n一、重点项目\n1.新建学校3所\n2.新增学位4000个\n【关闭】\n",
            False,
            False,
            "全文仅约",
        ),
    ],
)
def test_scope_of_a_text(text: str, whole: bool, cut: bool, says: str) -> None:
    scope = scope_of(parse(text))
    assert (scope.whole, scope.cut) == (whole, cut)
    assert says in scope.reason


def test_a_whole_plan_gets_a_warning_per_missing_theme() -> None:
    found = [f for f in findings(WHOLE_PLAN) if f.code == "T001"]
    assert [f.severity.value for f in found] == ["warning"] * 3
    assert all(f.message.startswith("全文没有提到必备主题") for f in found)


def test_a_cut_text_gets_one_note_listing_what_it_does_not_mention() -> None:
    found = [f for f in findings(WHOLE_PLAN + "61.推进学校建设，加快") if f.code == "T001"]
    assert len(found) == 1 and found[0].severity.value == "info"
    message = found[0].message
    assert "似为节选或尚未写完" in message and "已有部分没有提到必备主题“安全”“双减”“五育”" in message


def test_a_short_text_gets_one_note() -> None:
    found = [
        f
        for f in findings("2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n")
        if f.code == "T001"
    ]
    assert len(found) == 1 and found[0].severity.value == "info" and "全文仅约" in found[0].message
    shorter = CheckConfig().merged(options={"T001.brief_chars": 10})
    found = [f for f in findings("2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n", shorter)]
    assert [f.severity.value for f in found if f.code == "T001"] == ["warning"] * 3


def test_a_passing_mention_in_a_cut_text_is_not_called_weak() -> None:
    text = "2024年教育工作要点\n一、课程\n1.加强课程建设。推进法治教育、安全教育和国防教育进课堂。\n"
    assert any(f.code == "T002" for f in findings(text))
    assert not any(f.code == "T002" for f in findings(text + "2.加强"))


def test_peers_coverage_is_one_note() -> None:
    found = [f for f in findings(WHOLE_PLAN) if f.code == "T003"]
    assert len(found) == 1 and found[0].severity.value == "info"
    assert found[0].message.startswith("多数范本部署而全文没有提到的主题：")
    assert "等" in found[0].message  # the rest are in the themes panel
