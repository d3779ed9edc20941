"""The corpus itself: every file carries a whole header, and the README indexes every file."""

from __future__ import annotations

import re

import pytest
from corpus_files import CORPUS_DIR, HEADER_KEYS, entries

KINDS = {"bureau", "kindergarten", "compulsory_school", "senior_high_school", "vocational_school"}
LEVELS = {"province", "city", "district", "county", "school", "kindergarten"}
ENTRIES = entries()


def test_corpus_is_wide() -> None:
    assert len(ENTRIES) >= 44
    assert len({e.header["province"] for e in ENTRIES} - {"不详"}) >= 12
    assert {e.header["kind"] for e in ENTRIES} >= {"bureau", "kindergarten", "compulsory_school"}
    assert {int(e.header["year"]) for e in ENTRIES} >= set(range(2018, 2027))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.name)
def test_header_is_whole(entry) -> None:
    header = entry.header
    assert set(HEADER_KEYS) <= set(header), f"缺少：{set(HEADER_KEYS) - set(header)}"
    assert all(header[k] for k in HEADER_KEYS)
    assert header["kind"] in KINDS and header["level"] in LEVELS
    assert re.fullmatch(r"(19|20)\d\d", header["year"])
    assert header["complete"].startswith(("yes", "no"))
    assert entry.text.strip()


def test_readme_indexes_every_file() -> None:
    readme = (CORPUS_DIR / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([^`]+\.txt)` \|", readme, re.M))
    assert rows == {e.name for e in ENTRIES}
