"""A fix fixes: applying a finding's fixes and checking again reports neither that finding nor the
same cause moved elsewhere (a duplicate number pushed on to the next item).

Run over every bad and fix case of every rule (tests/checks/cases/*.yaml) and every rule's own
bad example. A rule whose fix can only mend part of the cause says so in the fix's label
(``部分修复：…``, ``Fix.partial``); such findings may come back, and nothing else may.
"""

from __future__ import annotations

import pytest

from checks.finding import Finding, Fix, apply_fixes
from checks.rules import ALL_RULES
from tests.checks.test_cases import _findings, _params


def _moved(offset: int, fixes: tuple[Fix, ...]) -> int:
    """Where ``offset`` of the text lies after ``fixes`` are applied."""
    shift = 0
    for fix in fixes:
        if fix.span.end <= offset:
            shift += len(fix.replacement) - (fix.span.end - fix.span.start)
    return offset + shift


def _unfixed(code: str, case: dict, finding: Finding, before: list[Finding]) -> list[str]:
    """Findings of ``code`` after applying ``finding``'s fixes that were not there before it."""
    fixes = finding.all_fixes()
    others = {_moved(f.span.start, fixes) for f in before if f is not finding}
    fixed = apply_fixes(case["text"], fixes)
    return [
        f"{f.line}:{f.column} {f.message}"
        for f in _findings(code, {**case, "text": fixed})
        if f.span.start not in others
    ]


EXAMPLES = [pytest.param(rule.code, {"text": rule.bad}, id=f"{rule.code}-example") for rule in ALL_RULES]


@pytest.mark.parametrize(("code", "case"), _params("bad") + _params("fix") + EXAMPLES)
def test_applying_a_fix_removes_its_cause(code: str, case: dict) -> None:
    before = _findings(code, case)
    for finding in before:
        fixes = finding.all_fixes()
        if fixes and not any(fix.partial for fix in fixes):
            left = _unfixed(code, case, finding, before)
            assert not left, f"{code} 应用“{finding.message}”的修复后仍报告：{left}"


def test_a_fix_that_moves_the_problem_is_caught() -> None:
    """The check above fails on the old behaviour: renumbering only the duplicate itself."""
    case = {"text": "一、加强党建\n1.抓学习。\n2.抓班子。\n2.抓队伍。\n3.抓考核。"}
    (finding,) = _findings("S002", case)
    only_own = Finding(**{**_fields(finding), "fixes": (), "fix": finding.all_fixes()[0]})
    assert _unfixed("S002", case, only_own, [finding])
    assert not _unfixed("S002", case, finding, [finding])


def _fields(finding: Finding) -> dict:
    return {name: getattr(finding, name) for name in Finding.__slots__}
