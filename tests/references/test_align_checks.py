"""对标上级要点, the checks a new writer's walk-through asked for: plans of different years are said
plainly (core, ``plandesk align`` text and JSON), an *answered* task shares more than common words
with its answer, and a superior plan with no rate says so instead of "all rates met"."""

from __future__ import annotations

import json

from desktop.cli import main
from desktop.plan.parse import parse
from desktop.plan.references.align import ANSWERED, MIN_RARE_SHARED, align_plans
from tests.references.test_align import CITY, COUNTY

# The draft's item 二 repeats the words every plan says (全面加强管理, 服务水平, 质量, 体系, 机制):
# similar by the numbers, but it names nothing of the task's own (学校管理).
COMMON_SUPERIOR = """2027年某市教育工作要点
一、重点任务
1.推进县域普通高中振兴。实施县域普通高中振兴计划，改善县域高中办学条件。
2.提升学校管理水平。全面加强学校管理，提升管理服务水平和质量，健全管理体系和机制。
3.推进教育国际交流。建立国际友好学校，开展师生互访。
"""
COMMON_DRAFT = """2027年某县教育工作要点
一、实施县中提升行动，改善县中办学条件。
二、全面加强管理，提升服务水平和质量，健全体系和机制。
三、深化课后服务，做好午餐供应。
"""


def test_similar_in_common_words_only_is_partial_not_answered():
    result = align_plans(parse(COMMON_SUPERIOR), parse(COMMON_DRAFT))
    by_path = {a.task.path: a for a in result.answers}
    common = by_path["一2"]
    assert common.matches[0].item.path == "二"
    assert common.matches[0].similarity >= ANSWERED  # similar enough by the numbers alone
    assert common.status == "partial"  # but fewer than MIN_RARE_SHARED rare words shared
    assert MIN_RARE_SHARED >= 2
    assert by_path["一1"].status == "answered"  # 县域普通高中振兴, 办学条件: a real answer stays


def test_plans_of_different_years_are_said_plainly():
    superior = CITY.replace("2024年", "2023年", 1)
    draft = COUNTY.replace("2024年", "2027年", 1)
    result = align_plans(parse(superior), parse(draft))
    assert result.year_gap == 4
    assert result.summary()["year_gap"] == 4
    assert "2023" in result.year_warning() and "2027" in result.year_warning()
    same = align_plans(parse(CITY), parse(COUNTY))
    assert same.year_gap == 0 and same.year_warning() == ""
    unknown = align_plans(parse(CITY.replace("2024年", "", 1)), parse(COUNTY))
    assert unknown.summary()["year_gap"] is None and unknown.year_warning() == ""


def test_the_command_warns_of_years_apart(tmp_path, capsys):
    city, county = tmp_path / "市.txt", tmp_path / "县.txt"
    city.write_text(CITY.replace("2024年", "2023年", 1), encoding="utf-8")
    county.write_text(COUNTY.replace("2024年", "2027年", 1), encoding="utf-8")
    assert main(["align", str(city), str(county)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2].startswith("注意：上级要点是 2023 年的，草稿是 2027 年的")
    assert main(["align", str(city), str(county), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary"]["year_gap"] == 4


def test_no_rates_at_all_is_not_all_rates_met():
    no_rates = "2024年某市教育工作要点\n一、重点任务\n1.推进县域普通高中振兴。实施县域普通高中振兴计划。\n"
    result = align_plans(parse(no_rates), parse(COUNTY))
    assert result.target_checks() == []
    assert result.targets_note() == "上级要点中没有可核对的比率指标。"
    met = "2024年某市教育工作要点\n一、重点任务\n1.推进县域普通高中振兴。学前三年毛入园率达到98%以上。\n"
    assert (
        align_plans(parse(met), parse(COUNTY)).targets_note().startswith("上级要求的 1 项比率，草稿均已写明")
    )
    assert align_plans(parse(CITY), parse(COUNTY)).targets_note() == ""  # short rates are listed instead
