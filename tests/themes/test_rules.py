"""The T rules on the corpus (no false alarms) and on their own examples."""

from __future__ import annotations

import pytest

from checks.config import CheckConfig
from checks.rules.themes import RULES
from checks.run import run_checks
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


def test_the_report_is_computed_once_per_plan_and_freed_with_it(corpus_path):
    """The T rules and the GUI's themes panel share one report of the same parsed plan."""
    import gc

    from checks.rules import themes as theme_rules
    from desktop.plan.read.loader import load_plan

    _, plan = load_plan(corpus_path("wujin"))
    first = theme_rules.report_for(plan)
    assert theme_rules.report_for(plan) is first
    run_checks(plan, rules=list(RULES))
    assert theme_rules.report_for(plan) is first  # the rules found it, and computed nothing new
    _, other = load_plan(corpus_path("wujin"))
    assert theme_rules.report_for(other) is not first
    before = len(theme_rules._REPORTS)
    del plan, other
    gc.collect()
    assert len(theme_rules._REPORTS) < before
