"""The shared views the S and P rules judge by: the numbering judge, passages, a text cut at its end,
and one finding per cause across rules (half-width brackets, an inverted outline)."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.context import Context
from checks.finding import apply_fixes
from checks.rules.passages import cut_at_end, passages
from checks.rules.sequence import Entry, judge
from checks.run import run_checks
from desktop.plan.parse import parse


def _verdicts(numbers: list[int]) -> list[tuple[str, int, int]]:
    """(kind, number, expected) for each fault in a list of numbers."""
    plan = parse("一、甲\n1.乙。")
    node = next(plan.numbered())
    return [(v.kind, v.entry.number, v.expected) for v in judge([Entry(n, node) for n in numbers])]


@pytest.mark.parametrize(
    ("numbers", "faults"),
    [
        ([1, 2, 3, 4], []),
        ([1, 2, 4, 5], [("gap", 4, 3)]),
        ([1, 2, 2, 3], [("duplicate", 2, 3)]),
        ([1, 2, 3, 3, 5], [("duplicate", 3, 4)]),  # the 5 stands where 5 belongs
        ([1, 2, 3, 2, 4], [("backwards", 2, 4)]),  # the 4 follows the 3: no gap after the step back
        ([1, 2, 4, 3, 5], [("swapped", 4, 3)]),  # one fault, not a gap and a step back
        ([2, 2, 3], []),  # the first number is the slip: S003's, not a duplicate
    ],
)
def test_each_fault_is_named_once(numbers: list[int], faults: list[tuple[str, int, int]]) -> None:
    assert _verdicts(numbers) == faults


def test_a_wrapped_quotation_is_one_passage() -> None:
    plan = parse("一、加强党建\n1.开展第三届“太教新\n青年”评选展示活动。\n2.抓班子。")
    found = passages(Context(plan))
    assert [p.span.slice(plan.text) for p in found][1] == "1.开展第三届“太教新\n青年”评选展示活动。"
    assert all(p.whole for p in found)


@pytest.mark.parametrize(
    ("text", "cut"),
    [
        ("一、加强党建\n1.抓学习。\n2.大力宣传教育改革发展成果，办好", True),  # stops mid-sentence
        # stops on a headline while the other items have text under them
        ("一、加强党建\n1.抓学习。全面学习。\n2.抓班子。建强班子。\n3.深化改革。", True),
        ("一、加强党建\n1.抓学习。\n2.抓班子。", False),
        ("一、重点项目\n1.创建优质均衡发展区\n2.推进职级制改革\n3.新建幼儿园", False),  # a list-form plan
    ],
)
def test_a_text_cut_at_its_end(text: str, cut: bool) -> None:
    assert cut_at_end(Context(parse(text))) is cut


def test_half_width_document_is_one_finding_that_fixes_the_markers_too() -> None:
    text = "一、加强党建\n(一)抓学习,抓落实,抓考核。\n(二)建队伍,强素质,优结构。\n(三)重安全,保稳定,促和谐。"
    found = run_checks(parse(text), CheckConfig.defaults().merged(select=["S", "P"]))
    assert [f.code for f in found] == ["P002"]
    fixed = apply_fixes(text, found[0].all_fixes())
    assert fixed.splitlines()[1] == "（一）抓学习，抓落实，抓考核。"


def test_an_inverted_outline_is_one_finding() -> None:
    text = "（一）指导思想\n一、坚持立德树人\n二、坚持改革创新\n（二）主要任务\n一、加强党建\n二、推进改革"
    found = run_checks(parse(text), CheckConfig.defaults().merged(select=["S"]))
    assert [f.code for f in found] == ["S010"]


def test_a_step_back_is_not_also_a_gap() -> None:
    text = "一、重点工作\n1.抓学习。\n2.抓改革。\n3.抓安全。\n2.抓质量。\n4.抓队伍。"
    found = run_checks(parse(text), CheckConfig.defaults().merged(select=["S"]))
    assert [(f.code, f.line) for f in found] == [("S009", 5)]
