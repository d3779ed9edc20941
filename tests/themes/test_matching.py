"""Which strings are mentions of a theme: look-alikes left out, words jieba glues together let in."""

from __future__ import annotations

import pytest

from checks.themes import coverage
from desktop.plan.model import Metadata
from desktop.plan.parse import parse


def terms(text: str, theme_id: str, kind: str = "bureau") -> list[str]:
    plan = parse("2024年工作要点\n一、工作\n1." + text + "\n", Metadata(kind=kind))
    cov = next(c for c in coverage(plan) if c.theme.id == theme_id)
    return [m.term for m in cov.mentions]


@pytest.mark.parametrize(
    ("text", "theme_id", "found"),
    [
        # a look-alike that begins where the term begins, or holds its start, is not the theme
        ("开展国家安全教育。", "safety", []),
        ("加强网络安全保障。", "safety", []),
        # jieba cuts 系统安全 + 稳定; 安全稳定 still ends where a word ends, so it counts
        ("守牢维护教育系统安全稳定这条底线。", "safety", ["安全稳定"]),
        ("遵循“安全、规范、落实、育人”工作准则。", "safety", ["安全"]),
        ("追求完美育人。", "five_educations", []),  # 完美 + 育人 is not 美育
        ("统筹谋划教育、体育事业发展。", "five_educations", []),  # the 教体局's remit, not school sport
        ("落实“一天一节体育课”。", "five_educations", ["体育"]),
        ("提高中小学教师待遇。", "senior_high", []),  # 提高 + 中小学, not 高中
        ("建成实验中学高中部教学楼。", "senior_high", ["高中"]),
        ("坚持把不忘初心作为永恒课题。", "research", []),
        ("完成市重点课题研究。", "research", ["重点课题"]),
    ],
)
def test_mentions(text: str, theme_id: str, found: list[str]) -> None:
    assert terms(text, theme_id) == found


def test_the_five_domains_named_together_are_each_named() -> None:
    found = terms("促进幼儿在健康、语言、社会、科学、艺术等领域均衡发展。", "five_domains", "kindergarten")
    assert found == ["健康", "语言", "社会", "科学", "艺术"]
    assert terms("关注幼儿的社会交往和心理健康。", "five_domains", "kindergarten") == []


def test_new_curriculum_is_not_any_innovative_course() -> None:
    assert terms("开发创新课程。", "senior_high_teaching", "senior_high_school") == []
    assert terms("推进新课程新教材实施。", "senior_high_teaching", "senior_high_school") == ["新课程新教材"]
