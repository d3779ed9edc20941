"""Coverage of the required themes, read against the corpus plans and against edited copies."""

from __future__ import annotations

import pytest

from checks.themes import Status, coverage
from desktop.plan.parse import parse
from tests.themes.conftest import theme_of, without_sentences

COVERED, WEAK, MISSING = Status.COVERED, Status.WEAK, Status.MISSING

# Expected status of each required theme, checked by reading each plan (where it is covered):
EXPECTED = {
    "wujin": {
        "party": COVERED,  # 一、提高政治站位，加强党对教育工作的全面领导; items 1.–4. (党建, 从严治党)
        "safety": COVERED,  # 25.维护安全稳定的教育环境 (安全责任体系, 平安校园, 安全教育)
        # 9.加强校外培训机构治理 (a headline); 8. 切实减轻学生过重课业负担 — the 2020 words for 双减
        "double_reduction": COVERED,
        # 20.坚持五育并举: a sentence each for 德育, 体育, 美育, 劳动教育; 智育: 22.深化课堂教学改革
        "five_educations": COVERED,
    },
    "zhenjiang": {
        "party": COVERED,  # 一、坚持党的全面领导; 2.全面落实党建工作责任制; 3.党组织建设
        "safety": COVERED,  # 29.加强安全稳定工作 (人防技防物防, 校园和校车安全专项整治)
        # No 双减 by name (2020); item 12 gives a sentence to 规范校外培训机构 … 校外培训市场, item 9
        # 规范实施课后延时服务, item 26 校外培训机构专项治理: the concept is there.
        "double_reduction": COVERED,
        # 德育 16., 体育/美育 18.改革与完善体卫艺工作, 智育 23.(课堂教学改革, 启发式、探究式教学);
        # 劳动教育 only in passing: "出台中小学劳动教育实施方案" (9.) and "出台全市劳动教育实施方案" (16.)
        "five_educations": WEAK,
    },
    "huishan": {
        "party": COVERED,  # 一、突出政治引领,全面加强教育系统党的建设
        "safety": COVERED,  # 38.坚决守牢校园安全稳定底线
        "double_reduction": COVERED,  # 32.合力推动“双减”政策高效落实
        "five_educations": COVERED,  # 三、突出“五育并举” with 15.德育 16.智育 17.体育 18.美育 19.劳育
    },
    "changzhou": {
        "party": COVERED,  # 一、…加强党对教育工作的全面领导; 2.全面加强教育系统党的建设
        "safety": COVERED,  # 5.坚决筑牢教育系统安全防线
        "double_reduction": COVERED,  # 12.持续推进双减工作常态长效
        # 15.(七彩德育) 13.不断优化课程教学教研机制 16.强化体育锻炼美育熏陶 17.加快推进劳动实践教育
        "five_educations": COVERED,
    },
}


@pytest.mark.parametrize(
    ("plan_name", "theme_id"), [(p, t) for p, themes in EXPECTED.items() for t in themes]
)
def test_required_theme_status_matches_reading(corpus_plan, plan_name: str, theme_id: str) -> None:
    assert theme_of(corpus_plan(plan_name), theme_id).status is EXPECTED[plan_name][theme_id]


def test_zhenjiang_names_labour_education_as_the_weak_part(corpus_plan) -> None:
    cov = theme_of(corpus_plan("zhenjiang"), "five_educations")
    assert cov.parts_weak == ("劳动教育",)
    assert cov.parts_missing == ()


@pytest.mark.parametrize(
    ("plan_name", "theme_id"),
    [
        ("wujin", "safety"),
        ("wujin", "double_reduction"),
        ("huishan", "party"),
        ("changzhou", "five_educations"),
    ],
)
def test_deleting_a_themes_sentences_makes_it_missing(corpus_plan, plan_name: str, theme_id: str) -> None:
    plan = corpus_plan(plan_name)
    assert theme_of(plan, theme_id).status is not MISSING
    edited = without_sentences(plan, theme_id)
    assert theme_of(edited, theme_id).status is MISSING
    assert theme_of(edited, theme_id).mentions == ()


def test_five_educations_with_one_part_removed_names_that_part(corpus_plan) -> None:
    edited = without_sentences(corpus_plan("huishan"), "five_educations", part="aesthetic")
    cov = theme_of(edited, "five_educations")
    assert cov.status is WEAK
    assert cov.parts_missing == ("美育",)


def test_five_educations_on_a_hand_written_plan() -> None:
    text = (
        "2024年教育工作要点\n一、落实立德树人根本任务\n1.加强德育工作。\n2.深化课堂教学改革。\n"
        "3.加强学校体育。\n4.加强劳动教育。\n"
    )
    cov = theme_of(parse(text), "five_educations")
    assert cov.status is WEAK
    assert cov.parts_missing == ("美育",)
    complete = theme_of(parse(text + "5.加强美育工作。\n"), "five_educations")
    assert complete.status is COVERED and complete.parts_missing == ()


def test_the_concept_of_double_reduction_before_it_had_its_name() -> None:
    plan = parse(
        "2020年教育工作意见\n一、规范办学\n1.规范办学行为。严格控制作业量，切实减轻学生过重课业负担。\n"
    )
    cov = theme_of(plan, "double_reduction")
    assert [m.term for m in cov.mentions] == ["减轻学生过重课业负担"]


def test_teachers_burden_is_not_double_reduction() -> None:
    plan = parse("2020年教育工作意见\n一、教师\n1.落实教师减负政策。精简各类文件、会议。\n")
    assert theme_of(plan, "double_reduction").status is MISSING
    assert theme_of(plan, "teachers").status is COVERED


def test_a_term_inside_another_word_is_not_a_mention() -> None:
    # 完美育人 is 完美 + 育人, not 美育; 体育馆 is a building, not physical education.
    plan = parse("2024年教育工作要点\n一、建设\n1.推进建设。新建体育馆一座，追求完美育人。\n")
    cov = theme_of(plan, "five_educations")
    assert cov.mentions == ()


def test_mention_in_passing_is_weak_and_an_item_is_covered() -> None:
    passing = parse(
        "2024年教育工作要点\n一、课程\n1.加强课程建设。推进法治教育、安全教育和国防教育进课堂。\n"
    )
    assert theme_of(passing, "safety").status is WEAK
    item = parse("2024年教育工作要点\n一、课程\n1.加强课程建设。\n2.加强校园安全工作。\n")
    assert theme_of(item, "safety").status is COVERED


def test_mentions_point_at_their_line_and_text() -> None:
    plan = parse("2024年教育工作要点\n一、安全\n1.深化平安校园建设。\n")
    mention = theme_of(plan, "safety").mentions[0]
    assert mention.line == 3
    assert mention.span.slice(plan.text) == mention.term == "平安校园"


def test_every_theme_reports_in_lexicon_order(corpus_plan) -> None:
    ids = [c.theme.id for c in coverage(corpus_plan("wujin"))]
    assert ids[:4] == ["party", "safety", "double_reduction", "five_educations"]
