"""Every rule against its own case file: tests/checks/cases/<CODE>.yaml.

A case file holds ``bad`` cases (each must yield at least one finding of the rule), ``good`` cases
(none) and ``fix`` cases (applying the rule's fixes to ``text`` gives ``expected``), and an optional
file-wide ``year``. A case is a plain string, or a mapping::

    - name: skipped-section          # the test id; say what the case is about
      text: "一、…\n三、…"
      at: [2, 1]                     # bad: a finding starts at this line and column (1-based)
      expected: "一、…\n二、…"       # bad or fix: the text after applying the rule's fixes
      year: 2024                     # this case's plan year
      options: {S008.majority: 0.6}  # this case's rule options (validated like checks.yaml)

The texts are parsed with the real parser and checked by that rule alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checks.config import CheckConfig, config_from_mapping
from checks.finding import Finding, apply_fixes
from checks.rules import ALL_RULES, rule_by_code
from checks.run import run_checks
from desktop.plan.parse import parse

CASES = Path(__file__).parent / "cases"
CASE_KEYS = {"name", "text", "at", "expected", "year", "options"}


def _load(code: str) -> dict:
    return yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8")) or {}


def _findings(code: str, case: dict) -> list[Finding]:
    rule = rule_by_code(code)
    assert rule is not None, f"no rule {code}"
    settings = {k: case[k] for k in ("year", "options") if case.get(k) is not None}
    config = config_from_mapping(settings, CheckConfig.defaults(), f"cases/{code}.yaml")
    return [f for f in run_checks(parse(case["text"]), config, rules=[rule]) if f.code == code]


def _params(kind: str) -> list:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path.stem)
        for i, item in enumerate(data.get(kind) or []):
            case = dict(item) if isinstance(item, dict) else {"text": item}
            assert not set(case) - CASE_KEYS, f"{path.name}: unknown keys {set(case) - CASE_KEYS}"
            case.setdefault("year", data.get("year"))
            name = case.get("name") or f"{kind}{i}"
            params.append(pytest.param(path.stem, case, id=f"{path.stem}-{name}"))
    return params


def _assert_fixes(code: str, case: dict, found: list[Finding]) -> None:
    fixes = [fix for finding in found for fix in finding.all_fixes()]
    assert fixes, f"{code} 没有给出改正：{case['text']!r}"
    assert apply_fixes(case["text"], fixes) == case["expected"]


@pytest.mark.parametrize(("code", "case"), _params("bad"))
def test_bad_text_is_found(code: str, case: dict) -> None:
    found = _findings(code, case)
    assert found, f"{code} 未发现：{case['text']!r}"
    if "at" in case:
        positions = [(f.line, f.column) for f in found]
        assert tuple(case["at"]) in positions, f"{code} 位置不对：{positions}，应为 {case['at']}"
    if "expected" in case:
        _assert_fixes(code, case, found)


@pytest.mark.parametrize(("code", "case"), _params("good"))
def test_good_text_is_clean(code: str, case: dict) -> None:
    found = _findings(code, case)
    assert not found, f"{code} 误报：{[f.message for f in found]}"


@pytest.mark.parametrize(("code", "case"), _params("fix"))
def test_fix_gives_expected_text(code: str, case: dict) -> None:
    _assert_fixes(code, case, _findings(code, case))


def test_registry_is_complete() -> None:
    codes = [rule.code for rule in ALL_RULES]
    assert len(codes) == len(set(codes)), "规则代码重复"
    for rule in ALL_RULES:
        assert rule.code[:1] in "SPNDWT" and len(rule.code) == 4, rule
        assert rule.name and rule.title and rule.bad and rule.good, rule.code
        assert rule.basis, rule.code
        assert (rule.__doc__ or "").strip(), f"{rule.code} 没有说明"
        assert (CASES / f"{rule.code}.yaml").is_file(), f"{rule.code} 没有用例文件"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: r.code)
def test_rule_examples(rule) -> None:
    """The bad/good examples shown in `plandesk rules` and the docs are true."""
    assert _findings(rule.code, {"text": rule.bad}), f"{rule.code} 的错误示例没有被发现"
    assert not _findings(rule.code, {"text": rule.good}), f"{rule.code} 的正确示例被误报"
