"""Precision on published plans: every finding on the corpus is a reviewed, listed, real defect."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from checks.run import run_checks
from desktop.plan.loader import load_plan

SNAPSHOT = Path(__file__).parent / "corpus_findings.yaml"
REVIEWED = yaml.safe_load(SNAPSHOT.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_corpus_findings_are_the_reviewed_ones(name: str, corpus_path) -> None:
    entries = REVIEWED[name] or []
    assert all(e.get("reason") for e in entries), "每条发现都要写明为何正确"
    source, plan = load_plan(corpus_path(name))
    found: Counter = Counter()
    for finding in run_checks(plan):
        key = (finding.code, source.source_line(finding.line))
        found[key] += 1
        texts = [e["text"] for e in entries if (e["code"], e["line"]) == key and "text" in e]
        if texts:
            at = finding.span.slice(plan.text)
            assert any(at.startswith(t) for t in texts), (
                f"{name}:{key} 指向了未审阅的文字“{at}”：{finding.message}"
            )
    listed = Counter((e["code"], e["line"]) for e in entries)
    assert not found - listed, f"{name} 出现未经审阅的发现（误报须修正规则）：{sorted(found - listed)}"
    assert not listed - found, f"{name} 审阅过的发现不再出现：{sorted(listed - found)}"
