"""Shared fixtures: the corpus of real plans (``tests/corpus``, read through ``corpus_files``).

Everything a test reads is inside the repository; nothing here skips for want of a file.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from corpus_files import SHORT_NAMES, file_name, materialise

REPO = Path(__file__).resolve().parent.parent
CORPUS_FILES = SHORT_NAMES


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """No test writes peer statistics (or anything else) into the real user's cache folder."""
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("PLANDESK_DATA_DIR", str(tmp_path_factory.mktemp("data")))  # the reference library


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """A folder holding every corpus plan's bare text under its own file name."""
    return materialise(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def corpus_path(corpus_dir: Path):
    """corpus_path("wujin") (or a file name) → the path of that plan's bare text."""

    def path(name: str) -> Path:
        return corpus_dir / file_name(name)

    return path


@pytest.fixture(scope="session")
def corpus_text(corpus_path):
    """corpus_text("wujin") → that file's raw text, as stored."""

    def text(name: str) -> str:
        return corpus_path(name).read_text(encoding="utf-8")

    return text


_SKIPPED: list[str] = []


def pytest_runtest_logreport(report) -> None:
    if report.skipped:
        _SKIPPED.append(
            f"{report.nodeid}: {report.longrepr[-1] if isinstance(report.longrepr, tuple) else ''}"
        )


def pytest_sessionfinish(session, exitstatus) -> None:
    """With PLANDESK_NO_SKIPS=1 (as .ci/run sets it) a skipped test fails the run: everything a test
    needs is in the repository or installed by .ci/run, so a skip means something is missing."""
    if os.environ.get("PLANDESK_NO_SKIPS") == "1" and _SKIPPED and exitstatus == 0:
        print("\n".join(["", "PLANDESK_NO_SKIPS: these tests were skipped:", *_SKIPPED]))
        session.exitstatus = 1
