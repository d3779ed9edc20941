"""The pruned similarity search finds exactly what scoring every pair that shares a word finds.

``reference`` below is the plain method (every pair of units that shares a word is scored through a
full inverted index), kept here as the definition. ``Similarity`` must list the same pairs above a
threshold, in the same order, with the same values to the last bit, and score any pair the same.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

import pytest

from desktop.plan.compare.align import plan_units
from desktop.plan.compare.model import Unit
from desktop.plan.compare.similarity import Similarity, text_words
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source
from tests.compare.test_snapshot import WHOLE, shuffled_copy, ten_times

THRESHOLDS = (0.0, 0.2, 0.4, 0.7, 1.0)


def reference(old: tuple[Unit, ...], new: tuple[Unit, ...]) -> dict[tuple[int, int], float]:
    """Cosine of every pair of units that shares a word, in the order a full index meets them."""
    old_counts = [text_words(u.text) for u in old]
    new_counts = [text_words(u.text) for u in new]
    df: Counter[str] = Counter()
    for count in old_counts + new_counts:
        df.update(count.keys())
    total = len(old) + len(new)
    idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in df.items()}

    def vector(count: Counter[str]) -> dict[str, float]:
        vec = {w: (1.0 + math.log(n)) * idf[w] for w, n in count.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {w: v / norm for w, v in vec.items()}

    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for j, count in enumerate(new_counts):
        for word, weight in vector(count).items():
            postings[word].append((j, weight))
    scores: dict[tuple[int, int], float] = {}
    for i, count in enumerate(old_counts):
        row: dict[int, float] = defaultdict(float)
        for word, weight in vector(count).items():
            for j, other in postings.get(word, ()):
                row[j] += weight * other
        for j, value in row.items():
            scores[(i, j)] = min(1.0, value)
    for unit in old:
        for other in new:
            if unit.text and unit.text == other.text:
                scores[(unit.index, other.index)] = 1.0
    return scores


def _assert_same(old: tuple[Unit, ...], new: tuple[Unit, ...], every_pair: bool) -> None:
    want = reference(old, new)
    similarity = Similarity(old, new)
    for threshold in THRESHOLDS:
        above = [(i, j, s) for (i, j), s in want.items() if s >= threshold]
        assert list(similarity.pairs_above(threshold)) == above, threshold
    pairs = [(i, j) for i in range(len(old)) for j in range(len(new))]
    if not every_pair:
        pairs = [(i, j) for i, j in pairs if old[i].is_section and new[j].is_section]
    assert [similarity.score(i, j) for i, j in pairs] == [want.get(p, 0.0) for p in pairs]


@pytest.mark.parametrize("old", WHOLE)
@pytest.mark.parametrize("new", WHOLE)
def test_corpus_plans(corpus_path, old, new):
    a, b = (plan_units(parse(load_source(corpus_path(name)).text)) for name in (old, new))
    _assert_same(a, b, every_pair=True)


def test_ten_times_against_shuffled_copy(corpus_path):
    big = ten_times(load_source(corpus_path("huishan")).text)
    _assert_same(plan_units(parse(big)), plan_units(parse(shuffled_copy(big))), every_pair=False)


def _units(texts: list[str]) -> tuple[Unit, ...]:
    """Units holding ``texts`` (on the nodes of a small plan: only index and text count here)."""
    node = parse("一、总体要求\n1.加强党建。\n").nodes[0]
    return tuple(Unit(k, node, str(k), None, False, text) for k, text in enumerate(texts))


def test_repeated_texts_and_texts_without_words():
    old = _units(["100%", "加强党建工作。", "加强党建工作。", "2024", "", "100%", "推进教育数字化。"])
    new = _units(["加强党建工作。", "100%", "", "100%", "加强师资队伍建设。", "——", "2024"])
    assert not text_words("100%") and not text_words("——")  # the case this test is for
    _assert_same(old, new, every_pair=True)
