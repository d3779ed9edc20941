"""Fixtures of the themes tests: a private peer cache, and plans read through the real loader."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checks.themes import coverage
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_plan

_SENTENCE = re.compile(r"[^。！？；\n]*[。！？；]?")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads or writes the real user's cache."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(folder))
    return folder


@pytest.fixture(scope="session")
def corpus_plan(corpus_path):
    """corpus_plan("wujin") → the Plan of that corpus file, read as a user would open it."""
    cache = {}

    def plan(name: str):
        if name not in cache:
            cache[name] = load_plan(corpus_path(name))[1]
        return cache[name]

    return plan


def theme_of(plan, theme_id: str):
    return next(c for c in coverage(plan) if c.theme.id == theme_id)


def without_sentences(plan, theme_id: str, part: str | None = None):
    """The plan re-parsed with every sentence that names the theme (or one part of it) deleted."""
    cov = theme_of(plan, theme_id)
    hits = [m.span.start for m in cov.mentions if part is None or m.part == part]
    text = plan.text
    out = []
    offset = 0
    for line in text.split("\n"):
        kept = []
        for match in _SENTENCE.finditer(line):
            start, end = offset + match.start(), offset + match.end()
            if match.group() and not any(start <= h < end for h in hits):
                kept.append(match.group())
        out.append("".join(kept))
        offset += len(line) + 1
    return parse("\n".join(out))
