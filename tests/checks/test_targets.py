"""Quantitative targets: numerals, 万, ranges, percentages, qualifiers and subjects."""

from __future__ import annotations

import pytest

from desktop.plan.model import LineIndex
from desktop.plan.parse import parse
from desktop.plan.targets import extract_targets, targets_in


def one(text: str):
    found = targets_in(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "subject", "value", "high", "unit", "written", "qualifier"),
    [
        ("新建中小学12所。", "新建中小学", 12, None, "所", "12所", ""),
        ("学前三年教育毛入园率达99%以上;", "学前三年教育毛入园率", 99, None, "%", "99%以上", "以上"),
        ("新增市优质园2-3所", "新增市优质园", 2, 3, "所", "2-3所", ""),
        ("努力培育2～3个品牌项目", "培育品牌项目", 2, 3, "个", "2～3个", ""),
        ("比例控制在15%～30%", "比例", 15, 30, "%", "15%～30%", ""),
        ("增加学位3.1万个。", "增加学位", 3.1, None, "万个", "3.1万个", ""),
        ("培训教师三百名以上", "培训教师", 300, None, "名", "三百名以上", "以上"),
        ("公办园覆盖率不低于65%", "公办园覆盖率", 65, None, "%", "65%", "不低于"),
        ("新建两所学校", "新建学校", 2, None, "所", "两所", ""),
    ],
)
def test_target_fields(text, subject, value, high, unit, written, qualifier) -> None:
    target = one(text)
    assert target.subject == subject
    assert target.value == value and target.value_high == high
    assert target.unit == unit and target.text == written and target.qualifier == qualifier
    assert text[target.value_span.start : target.value_span.end] == written


def test_number_before_the_noun_and_two_targets_in_a_row() -> None:
    first, second = targets_in("年内争创 3 所省优质园和 4—5 所市优质园,")
    assert (first.subject, first.value) == ("年内争创省优质园", 3)
    assert (second.subject, second.value, second.value_high) == ("市优质园", 4, 5)


def test_parts_after_qizhong() -> None:
    found = targets_in("新建中小学12所，其中小学7所、初中4所。")
    assert [(t.subject, t.value) for t in found] == [("新建中小学", 12), ("小学", 7), ("初中", 4)]


@pytest.mark.parametrize(
    "text",
    [
        "第36个教师节",
        "十四五规划",
        "2023年",
        "四个意识",
        "〔2020〕1号",
        "一个中心",
        "1.抓学习",
        "一体化",
        "三方面",
        "2035",
    ],
)
def test_not_targets(text: str) -> None:
    assert targets_in(text) == []


def test_offsets_and_lines_in_a_plan() -> None:
    text = "2023年教育工作要点\n\n一、办学条件\n1.新增学位3000个。\n"
    plan = parse(text)
    (target,) = extract_targets(plan)
    assert target.line == 4
    assert plan.text[target.value_span.start : target.value_span.end] == "3000个"
    assert targets_in("新增学位3000个", 10, LineIndex("x" * 20)).pop().value_span.start == 14
