"""Precision on published plans: every finding on the corpus is a reviewed, listed, real defect.

The reviewed findings are in ``corpus_findings/<family>.yaml``; ``python tests/checks/corpus_review.py``
prints what differs, with the plan's line, for review.
"""

from __future__ import annotations

import pytest
from corpus_files import entries
from corpus_review import FAMILIES, differences, reviewed

NAMES = [entry.name for entry in entries()]


@pytest.mark.parametrize("family", FAMILIES)
def test_snapshot_names_only_corpus_files_and_gives_reasons(family: str) -> None:
    for name, listed in reviewed(family).items():
        assert name in NAMES, f"{family}.yaml 中的 {name} 不在语料中"
        assert all(e.get("reason") for e in listed or []), f"{family}.yaml:{name} 每条发现都要写明为何正确"


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("name", NAMES)
def test_corpus_findings_are_the_reviewed_ones(name: str, family: str, corpus_path) -> None:
    unlisted, missing, wrong_text = differences(corpus_path(name), family)
    assert not unlisted, f"{name} 出现未经审阅的发现（误报须修正规则）：" + "；".join(
        f"{line}行 {f.code}「{at}」{f.message}" for f, line, at in unlisted
    )
    assert not wrong_text, (
        f"{name} 的发现指向了未审阅的文字：{[(line, f.code, at) for f, line, at in wrong_text]}"
    )
    assert not missing, f"{name} 审阅过的发现不再出现：{missing}"
