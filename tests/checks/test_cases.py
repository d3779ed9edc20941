"""Every rule against its own case file: tests/checks/cases/<CODE>.yaml.

A case file holds ``bad`` texts (each must yield at least one finding of the rule), ``good`` texts
(none), optional ``fix`` pairs (applying the rule's fixes to ``text`` gives ``expected``) and an
optional ``year``. The texts are parsed with the real parser and checked by that rule alone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from checks.config import CheckConfig
from checks.engine import Finding, apply_fixes, run_checks
from checks.rules import ALL_RULES, rule_by_code
from desktop.plan.parse import parse

CASES = Path(__file__).parent / "cases"


def _load(code: str) -> dict:
    return yaml.safe_load((CASES / f"{code}.yaml").read_text(encoding="utf-8")) or {}


def _findings(code: str, text: str, year: int | None) -> list[Finding]:
    rule = rule_by_code(code)
    assert rule is not None, f"no rule {code}"
    config = CheckConfig.defaults().merged(year=year)
    return [f for f in run_checks(parse(text), config, rules=[rule]) if f.code == code]


def _params(kind: str) -> list:
    params = []
    for path in sorted(CASES.glob("*.yaml")):
        data = _load(path.stem)
        for i, item in enumerate(data.get(kind) or []):
            params.append(pytest.param(path.stem, item, data.get("year"), id=f"{path.stem}-{kind}{i}"))
    return params


@pytest.mark.parametrize(("code", "text", "year"), _params("bad"))
def test_bad_text_is_found(code: str, text: str, year: int | None) -> None:
    assert _findings(code, text, year), f"{code} 未发现：{text!r}"


@pytest.mark.parametrize(("code", "text", "year"), _params("good"))
def test_good_text_is_clean(code: str, text: str, year: int | None) -> None:
    found = _findings(code, text, year)
    assert not found, f"{code} 误报：{[f.message for f in found]}"


@pytest.mark.parametrize(("code", "case", "year"), _params("fix"))
def test_fix_gives_expected_text(code: str, case: dict, year: int | None) -> None:
    found = _findings(code, case["text"], year)
    fixes = [fix for finding in found for fix in finding.all_fixes()]
    assert fixes, f"{code} 没有给出改正：{case['text']!r}"
    assert apply_fixes(case["text"], fixes) == case["expected"]


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
    assert _findings(rule.code, rule.bad, None), f"{rule.code} 的错误示例没有被发现"
    assert not _findings(rule.code, rule.good, None), f"{rule.code} 的正确示例被误报"
