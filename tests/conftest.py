"""Shared fixtures: where the peer corpus is, and its texts.

The corpus lives beside the repository in ``../shared/corpus`` (CI checks the repository out with
``shared/`` beside it); ``PLANDESK_CORPUS`` points elsewhere. Tests that need it skip, with the
reason, only when it is truly absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS_FILES = {
    "wujin": "2020_changzhou_wujin_district.txt",
    "zhenjiang": "2020_zhenjiang_city_webpage.txt",
    "huishan": "2022_wuxi_huishan_district.txt",
    "changzhou": "2023_changzhou_city_webpage.txt",
}


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """No test writes peer statistics (or anything else) into the real user's cache folder."""
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def find_corpus() -> Path | None:
    candidates = [os.environ.get("PLANDESK_CORPUS"), REPO.parent / "shared" / "corpus"]
    for candidate in candidates:
        if candidate and (Path(candidate) / CORPUS_FILES["wujin"]).is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    found = find_corpus()
    if found is None:
        pytest.skip("没有找到语料目录 ../shared/corpus（可用 PLANDESK_CORPUS 指定）")
    return found


@pytest.fixture(scope="session")
def corpus_path(corpus_dir: Path):
    """corpus_path("wujin") → the path of that corpus file."""

    def path(name: str) -> Path:
        return corpus_dir / CORPUS_FILES[name]

    return path


@pytest.fixture(scope="session")
def corpus_text(corpus_path):
    """corpus_text("wujin") → that file's raw text, as stored."""

    def text(name: str) -> str:
        return corpus_path(name).read_text(encoding="utf-8")

    return text
