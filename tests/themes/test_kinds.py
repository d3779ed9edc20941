"""The checklist follows the kind of plan: 双减 is compulsory education's, a kindergarten plans by
五大领域 and its own essentials, a senior high school by 高考 and the new curriculum."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.rules.themes import RULES
from checks.run import run_checks
from checks.themes import coverage, themes_report
from checks.themes.peers import PeerPlan, PeerStats
from desktop.plan.model import Metadata, PlanKind
from desktop.plan.parse import parse

WHOLE = CheckConfig().merged(options={"T001.brief_chars": 0})  # judge these short texts as whole plans

KINDERGARTEN = (
    "阳光幼儿园2024年工作计划\n"
    "一、加强安全管理\n1.落实安全责任，定期开展应急疏散演练。\n"
    "二、提高保教质量\n2.科学安排一日生活，以游戏为基本活动。\n"
    "三、做好卫生保健\n3.严格执行晨午检和消毒制度，科学制定带量食谱。\n"
    "四、推进家园共育\n4.办好家长学校，定期召开家长会。\n"
    "五、落实五大领域教育\n5.开展健康领域活动，保证户外活动时间。\n"
    "6.开展语言领域早期阅读活动。\n7.开展社会领域活动，培养规则意识。\n"
    "8.开展科学领域探究活动。\n9.开展艺术领域活动，办好美术、音乐活动。\n"
)


def required_ids(text: str, kind: str) -> set[str]:
    plan = parse(text, Metadata(kind=kind))
    return {c.theme.id for c in coverage(plan) if c.theme.required}


def t001(text: str, kind: str = "", config: CheckConfig = WHOLE) -> list:
    plan = parse(text, Metadata(kind=kind))
    return [f for f in run_checks(plan, config, rules=list(RULES)) if f.code == "T001"]


@pytest.mark.parametrize(
    ("kind", "required"),
    [
        ("bureau", {"party", "safety", "double_reduction", "five_educations"}),
        ("compulsory_school", {"party", "safety", "double_reduction", "five_educations"}),
        ("senior_high_school", {"party", "safety", "five_educations", "senior_high_teaching"}),
        ("vocational_school", {"party", "safety", "five_educations", "vocational"}),
        (
            "kindergarten",
            {"safety", "five_domains", "care_education", "kindergarten_health", "home_kindergarten"},
        ),
    ],
)
def test_each_kind_has_its_own_required_themes(kind: str, required: set[str]) -> None:
    assert required_ids("2024年工作计划\n一、安全\n", kind) == required


def test_an_unrecognised_kind_is_measured_as_a_bureau_and_says_so() -> None:
    assert required_ids("2024年工作计划\n一、安全\n", "") == required_ids(
        "2024年工作计划\n一、安全\n", "bureau"
    )
    text = "2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n"
    uncertain = t001(text)
    assert uncertain and all("未识别出计划类别" in f.message for f in uncertain)
    certain = t001(text, "bureau")
    assert certain and not any("类别" in f.message for f in certain)


def test_themes_that_do_not_apply_leave_the_checklist() -> None:
    plan = parse(KINDERGARTEN, Metadata(kind="kindergarten"))
    ids = {c.theme.id for c in coverage(plan)}
    assert {"double_reduction", "five_educations", "senior_high", "home_school"}.isdisjoint(ids)
    assert {"party", "teachers", "five_domains"} <= ids  # 党建 applies to kindergartens, not required


def test_a_kindergarten_plan_is_not_asked_for_double_reduction_or_five_educations() -> None:
    assert t001(KINDERGARTEN, "kindergarten") == []
    found = t001(KINDERGARTEN, "bureau")  # the same text read as a bureau's plan
    assert {m for f in found for m in ("双减", "五育") if m in f.message} == {"双减", "五育"}


def test_a_kindergarten_missing_its_essentials_is_told_which() -> None:
    text = "阳光幼儿园2024年工作计划\n一、加强安全管理\n1.落实安全责任，定期开展应急疏散演练。\n"
    messages = " ".join(f.message for f in t001(text, "kindergarten"))
    for name in ("保教质量", "卫生保健", "家园共育", "五大领域"):
        assert name in messages
    assert "按幼儿园的计划衡量" in messages and "双减" not in messages


def test_a_senior_high_school_is_asked_for_gaokao_not_double_reduction() -> None:
    text = (
        "某中学2024年工作计划\n一、加强党的建设\n1.落实党组织领导的校长负责制。\n二、安全\n2.深化平安校园建设。\n"
        "三、五育并举\n3.加强德育、智育、体育、美育和劳动教育。\n"
    )
    messages = [f.message for f in t001(text, "senior_high_school")]
    assert messages and all("高考与育人方式改革" in m for m in messages)
    assert not any("双减" in m for m in messages)
    ready = text + "四、教学\n4.扎实推进选课走班，做好高考备考。\n"
    assert t001(ready, "senior_high_school") == []
    assert any("双减" in f.message for f in t001(ready, "compulsory_school"))


def test_five_domains_names_the_domain_a_kindergarten_leaves_out() -> None:
    text = KINDERGARTEN.replace("9.开展艺术领域活动，办好美术、音乐活动。\n", "")
    plan = parse(text, Metadata(kind="kindergarten"))
    cov = next(c for c in coverage(plan) if c.theme.id == "five_domains")
    assert cov.parts_missing == ("艺术领域",)


def _peer(name: str, kind: str, status: str) -> PeerPlan:
    return PeerPlan(
        name=name, digest=name, themes={"teachers": {"status": status, "headlines": []}}, kind=kind
    )


def test_peers_are_counted_only_within_the_kind() -> None:
    stats = PeerStats(
        folder="x",
        peers=(
            _peer("a.txt", "bureau", "covered"),
            _peer("b.txt", "bureau", "covered"),
            _peer("d.txt", "bureau", "covered"),
            _peer("c.txt", "kindergarten", "missing"),
        ),
        phrases=(),
    )
    text = "2024年工作计划\n一、安全\n1.加强安全教育。\n"
    bureau = themes_report(parse(text, Metadata(kind="bureau")), stats)
    teachers = next(r for r in bureau.rows if r.coverage.theme.id == "teachers")
    assert (teachers.peers_covering, teachers.peers_total, teachers.expected) == (3, 3, True)
    kindergarten = themes_report(parse(text, Metadata(kind="kindergarten")), stats)
    teachers = next(r for r in kindergarten.rows if r.coverage.theme.id == "teachers")
    assert (teachers.peers_covering, teachers.peers_total, teachers.expected) == (0, 1, False)
    assert kindergarten.kind == "kindergarten" and kindergarten.kind_certain
    # two peers of a kind are too few to say "most peers cover it" (T003's rule too)
    few = PeerStats(folder="x", peers=stats.peers[:2], phrases=())
    teachers = next(
        r
        for r in themes_report(parse(text, Metadata(kind="bureau")), few).rows
        if r.coverage.theme.id == "teachers"
    )
    assert (teachers.peers_covering, teachers.peers_total, teachers.expected) == (2, 2, False)
    assert kindergarten.kind_label == PlanKind.KINDERGARTEN.label


def test_no_theme_finding_is_ever_an_error(corpus_plan) -> None:
    found = run_checks(corpus_plan("zhenjiang"), CheckConfig(), rules=list(RULES))
    found += run_checks(parse("2024年教育工作要点\n一、其他\n1.做好其他工作。\n"), WHOLE, rules=list(RULES))
    assert found and all(f.severity.value != "error" for f in found)
