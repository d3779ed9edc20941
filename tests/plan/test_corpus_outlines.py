"""Every corpus plan's outline (title, year, kind, headings) is the reviewed one in corpus_outlines.yaml.

``python tests/plan/corpus_outlines.py`` prints what differs, for review.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from corpus_files import entries
from corpus_outlines import differences, reviewed

NAMES = [entry.name for entry in entries()]


def test_snapshot_names_only_corpus_files() -> None:
    assert set(reviewed()) <= set(NAMES), set(reviewed()) - set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_outline_is_the_reviewed_one(name: str, corpus_path) -> None:
    found = differences(corpus_path(name))
    assert not found, f"{name} 的大纲与审阅过的不同：\n" + "\n".join(found)
