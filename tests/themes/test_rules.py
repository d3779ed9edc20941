"""The T rules on the corpus (no false alarms) and on their own examples."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.engine import run_checks
from checks.rules.themes import RULES
from desktop.plan.parse import parse


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_examples(rule) -> None:
    assert any(f.code == rule.code for f in run_checks(parse(rule.bad), CheckConfig(), rules=[rule]))
    assert not any(f.code == rule.code for f in run_checks(parse(rule.good), CheckConfig(), rules=[rule]))


@pytest.mark.parametrize("name", ["wujin", "zhenjiang", "huishan", "changzhou"])
def test_no_required_theme_is_reported_missing_in_the_corpus(corpus_plan, name: str) -> None:
    found = run_checks(corpus_plan(name), CheckConfig(), rules=list(RULES))
    assert [f for f in found if f.code == "T001"] == []


def test_weak_five_educations_names_the_part(corpus_plan) -> None:
    found = run_checks(corpus_plan("zhenjiang"), CheckConfig(), rules=list(RULES))
    weak = [f for f in found if f.code == "T002"]
    assert len(weak) == 1 and "劳动教育" in weak[0].message
