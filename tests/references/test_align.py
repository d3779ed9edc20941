"""对标上级要点, the core: what a task is, synonyms, statuses and their order, rates, 不适用 marks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.plan.errors import InputError
from desktop.plan.parse import parse
from desktop.plan.references.align import align_plans
from desktop.plan.references.remembered import NotApplicableStore
from desktop.plan.references.tasks import draft_items, superior_tasks
from desktop.plan.references.vocabulary import parse_vocabulary, vocabulary

CITY = """2024年某市教育工作要点
一、总体目标
1.学前三年教育毛入园率达到98%以上。
二、重点任务
（一）推进基础教育优质发展
1.推进县域普通高中振兴。实施县域普通高中振兴计划，改善县域高中办学条件，九年义务教育巩固率保持在96%以上，近视率控制在50%以下。
2.加强校外培训机构治理。严格校外培训机构审批，开展专项治理。
（二）深化教育交流
3.推进教育国际交流。建立国际友好学校，开展师生互访。
三、加强教师队伍建设
4.深化县管校聘改革。推进教师交流轮岗。
"""
COUNTY = """2024年某县教育工作要点
一、实施县中提升行动，县中办学条件明显改善，义务教育巩固率达95%，近视率52%，学前三年毛入园率99%。
二、规范校外培训，开展校外培训机构专项治理。
三、推进区管校聘改革，推动教师交流。
"""


@pytest.fixture(scope="module")
def result():
    return align_plans(parse(CITY), parse(COUNTY))


def test_tasks_are_the_leaves_under_task_headings_with_short_paths():
    tasks = superior_tasks(parse(CITY), vocabulary().context_headings)
    paths = [(t.path, t.context) for t in tasks]
    # 总体目标 frames the year: its item is context (its rates are still checked), not a task.
    assert paths == [
        ("一1", True),
        ("二（一）1", False),
        ("二（一）2", False),
        ("二（二）3", False),
        ("三4", False),
    ]
    assert tasks[1].headline == "推进县域普通高中振兴"
    assert tasks[1].line == 6
    assert [t.path for t in draft_items(parse(COUNTY))] == ["一", "二", "三"]


def test_the_countys_own_words_answer_the_citys_task(result):
    by_path = {a.task.path: a for a in result.answers}
    high_school = by_path["二（一）1"]
    assert high_school.status == "answered"
    assert high_school.matches[0].item.path == "一"  # 县中提升 ↔ 县域普通高中振兴
    assert by_path["三4"].matches[0].item.path == "三"  # 区管校聘 ↔ 县管校聘
    assert by_path["二（一）2"].matches[0].item.path == "二"


def test_synonyms_are_replaced_before_the_words_are_cut():
    vocab = vocabulary()
    assert vocab.normalise("实施县中提升行动") == "实施县域普通高中振兴行动"
    assert vocab.normalise("推进区管校聘") == "推进县管校聘"
    assert vocab.normalise("高质量发展") == "高质量发展"  # generic words are never rewritten


def test_unanswered_tasks_come_first(result):
    statuses = [a.status for a in result.answers]
    assert statuses[0] == "unanswered"
    assert result.answers[0].task.path == "二（二）3"
    order = ["unanswered", "partial", "answered", "not_applicable"]
    assert statuses == sorted(statuses, key=order.index)
    assert result.summary()["unanswered"] == 1
    assert result.summary_line().startswith("上级任务 4 项：未对应 1")


def test_a_rate_below_the_required_floor_or_above_a_ceiling_is_noted(result):
    checks = {c.required.subject: c for _t, c in result.target_checks()}
    floor = checks["九年义务教育巩固率"]
    assert floor.verdict == "short"
    assert floor.note == "草稿义务教育巩固率95%，低于上级要求的九年义务教育巩固率96%以上"
    ceiling = checks["近视率"]
    assert ceiling.verdict == "short" and "高于上级要求" in ceiling.note
    # 总体目标's rate is checked against the whole draft, and the county's 99% meets the 98%.
    assert checks["学前三年教育毛入园率"].verdict == "met"
    assert result.summary()["targets_short"] == 2


def test_a_rate_the_draft_does_not_give_is_reported_missing():
    county = COUNTY.replace("义务教育巩固率达95%，", "")
    result = align_plans(parse(CITY), parse(county))
    checks = {c.required.subject: c for _t, c in result.target_checks()}
    assert checks["九年义务教育巩固率"].verdict == "missing"
    assert checks["九年义务教育巩固率"].found is None


def test_not_applicable_tasks_keep_their_matches_and_go_last():
    result = align_plans(parse(CITY), parse(COUNTY), {"二（二）3", "三4"})
    assert [a.status for a in result.answers[-2:]] == ["not_applicable", "not_applicable"]
    assert result.answers[-1].matches[0].item.path == "三"
    assert result.summary()["not_applicable"] == 2


def test_a_synonym_in_two_groups_is_refused_with_the_file_named(tmp_path):
    path = tmp_path / "align_synonyms.yaml"
    with pytest.raises(InputError) as error:
        parse_vocabulary(
            {"groups": [["县中提升", "县中振兴"], ["县中振兴", "县域高中"]], "context_headings": []}, path
        )
    assert "县中振兴" in error.value.message and "两组" in error.value.message
    with pytest.raises(InputError):
        parse_vocabulary({"groups": [["只有一个"]], "context_headings": []}, path)


def test_every_bundled_synonym_group_is_well_formed():
    vocab = vocabulary()
    assert len(vocab.canonical) > 100
    assert "指导思想" in vocab.context_headings


def test_marks_are_remembered_per_plan_text(tmp_path: Path):
    store = NotApplicableStore(tmp_path)
    assert store.paths(CITY) == frozenset()
    store.mark(CITY, "二（二）3", True, "某市要点")
    store.mark(CITY, "三4", True)
    assert NotApplicableStore(tmp_path).paths(CITY) == {"二（二）3", "三4"}
    assert NotApplicableStore(tmp_path).paths(CITY + "改") == frozenset()  # another text, another key
    store.mark(CITY, "三4", False)
    assert store.paths(CITY) == {"二（二）3"}
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert next(iter(saved.values()))["title"] == "某市要点"


def test_a_damaged_store_is_set_aside_not_lost(tmp_path: Path):
    store = NotApplicableStore(tmp_path)
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text("{不是 JSON", encoding="utf-8")
    assert store.paths(CITY) == frozenset()
    assert store.path.with_suffix(".damaged").read_text(encoding="utf-8") == "{不是 JSON"
    store.mark(CITY, "三4", True)
    assert store.paths(CITY) == {"三4"}
