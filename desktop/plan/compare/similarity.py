"""How alike two nodes' texts are: TF-IDF cosine of their words, found without scoring every pair.

Each unit text becomes a unit-length TF-IDF vector of jieba words (IDF over the units of both
plans). Units with the same text have the same vector, so vectors and scores are worked out once
per distinct text and shared by every unit that holds it (a long plan repeats passages).

Scoring every pair of texts that shares any word grows with the square of the plan: common words
(教育, 推进, 加强 …) link almost everything to everything, yet a pair can only reach the threshold
``t`` through its rarer words. So all words are put in one order, rarest first, and each vector's
*prefix* is its shortest run of rarest words such that the rest of the vector has a norm below
``t``. Only prefix words go into the inverted index. For two vectors, let ``r`` be the first rank
past the shorter-reaching of the two prefixes: every shared word rarer than ``r`` is in both
prefixes, and by Cauchy–Schwarz the shared words from ``r`` on add at most the product of the two
vectors' norms from ``r`` on (below ``t``, since one of them is a rest). A pair is scored only when
its partial score over the prefix words plus that bound can reach ``t``; for such a pair the exact
score adds the products over all shared words in the same order as a full scoring would (the old
text's word order), so every value is the same to the last bit and nothing that reaches ``t`` is
lost. ``score`` still gives any pair on demand: a section's own words count even when weak.
"""

from __future__ import annotations

import bisect
import math
import operator
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import accumulate

from desktop.plan.compare.model import Unit

_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
_STOP = frozenset("的和与及等在对是了为并以把将中于之其各或也而有所着")
# Bounds are loosened by this much, so rounding in a partial sum or a norm can never lose a pair.
_MARGIN = 1e-6
# Cut words of this many texts are kept: both plans of a session, with room for the draft's edits.
_CACHE_TEXTS = 8192
_LOG_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 64)]  # 1 + log(n), the usual counts


def _words(text: str) -> list[str]:
    """Content words of ``text``: jieba's words, without numbers, punctuation and particles."""
    from desktop.plan.knowledge.tokens import tokenizer

    return [w for w in tokenizer().cut(text, HMM=False) if _WORD.search(w) and w not in _STOP]


@lru_cache(maxsize=_CACHE_TEXTS)
def text_words(text: str) -> Counter[str]:
    """Word counts of one unit text; cached per text, so a draft's unedited nodes are cut once.

    Callers must not change the returned Counter: it is shared.
    """
    return Counter(_words(text))


def clear_word_cache() -> None:
    """Forget every cut text (benchmarks use it to time a comparison from scratch)."""
    text_words.cache_clear()


class Similarity:
    """Cosine similarities between the units of two plans, exact, computed only where needed."""

    def __init__(self, old: tuple[Unit, ...], new: tuple[Unit, ...]) -> None:
        old_ids, new_ids = _text_ids(old), _text_ids(new)  # distinct text → id, per side
        self._old_of = [old_ids[u.text] for u in old]  # unit index → its text's id
        self._new_of = [new_ids[u.text] for u in new]
        old_texts, new_texts = list(old_ids), list(new_ids)
        old_counts = [text_words(t) for t in old_texts]
        new_counts = [text_words(t) for t in new_texts]
        df: Counter[str] = Counter()  # in how many units (not texts) each word occurs
        for counts, units_of in ((old_counts, self._old_of), (new_counts, self._new_of)):
            held = Counter(units_of)
            for k, count in enumerate(counts):
                for _ in range(held[k]):
                    df.update(count.keys())
        total = len(old) + len(new)
        idf = {w: math.log((total + 1) / (n + 1)) + 1.0 for w, n in df.items()}
        self._old_vecs = [_vector(c, idf) for c in old_counts]
        self._new_vecs = [_vector(c, idf) for c in new_counts]
        self._vocabulary = sorted(df, key=df.__getitem__)  # rarest first (ties: first met first)
        self._rank = {w: r for r, w in enumerate(self._vocabulary)}
        self._same_text = [new_ids.get(t, -1) if t else -1 for t in old_texts]  # new text id or -1
        self._new_holders: list[list[int]] = [[] for _ in new_texts]
        for j, y in enumerate(self._new_of):
            self._new_holders[y].append(j)
        self._old_places: list[dict[str, int] | None] = [None] * len(old_texts)
        self._dots: dict[tuple[int, int], tuple[int, float]] = {}

    def score(self, i: int, j: int) -> float:
        """Similarity of old unit ``i`` and new unit ``j`` (0.0 when they share no word)."""
        x, y = self._old_of[i], self._new_of[j]
        if y == self._same_text[x]:
            return 1.0  # identical text is identical, whatever the words say
        return self._dot(x, y)[1]

    def pairs_above(self, threshold: float) -> Iterator[tuple[int, int, float]]:
        """Every (old, new, similarity) with similarity ≥ ``threshold``, in a fixed order.

        The order is the one a full scoring lists them in: by old unit; within it by the first word
        of the old unit's text that the new one also has, then by new unit; last, identical texts
        without words. Matching breaks ties by this order, so it is part of the result.
        """
        by_old_text: dict[int, list[tuple[int, int, float]]] = {}
        for x, ys in self._candidates(threshold).items():
            found = []
            for y in ys:
                first, value = self._dot(x, y)
                if y == self._same_text[x]:
                    value = 1.0
                if value >= threshold:
                    found.extend((first, j, value) for j in self._new_holders[y])
            found.sort(key=lambda e: (e[0], e[1]))
            by_old_text[x] = found
        for i, x in enumerate(self._old_of):
            for _first, j, value in by_old_text.get(x, ()):
                yield i, j, value
        if threshold <= 1.0:  # identical texts that share no word (all numbers or punctuation)
            for i, x in enumerate(self._old_of):
                y = self._same_text[x]
                if y >= 0 and not self._old_vecs[x]:
                    yield from ((i, j, 1.0) for j in self._new_holders[y])

    def _dot(self, x: int, y: int) -> tuple[int, float]:
        """(position in old text x of the first word shared with new text y, capped cosine).

        The products are added in the order of the old text's words, as a full scoring adds them.
        """
        key = (x, y)
        hit = self._dots.get(key)
        if hit is None:
            mine, other = self._old_vecs[x], self._new_vecs[y]
            common = mine.keys() & other.keys()
            if not common:
                hit = (-1, 0.0)
            else:
                place = self._old_places[x]
                if place is None:
                    place = self._old_places[x] = {w: k for k, w in enumerate(mine)}
                ordered = sorted(common, key=place.__getitem__)
                value = 0.0
                for word in ordered:
                    value += mine[word] * other[word]
                hit = (place[ordered[0]], min(1.0, value))
            self._dots[key] = hit
        return hit

    def _candidates(self, threshold: float) -> dict[int, list[int]]:
        """Old text → the new texts whose similarity may reach ``threshold`` (module docstring)."""
        limit = threshold - _MARGIN
        ranked = partial(_Ranked, rank=self._rank, vocabulary=self._vocabulary, bound=limit)
        old_ranked, new_ranked = list(map(ranked, self._old_vecs)), list(map(ranked, self._new_vecs))
        postings: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for y, theirs in enumerate(new_ranked):
            for rank, weight in theirs.prefix():
                postings[rank].append((y, weight))
        found: dict[int, list[int]] = {}
        for x, mine in enumerate(old_ranked):
            sums: dict[int, float] = {}  # partial scores over the words in both prefixes
            for rank, weight in mine.prefix():
                for y, other in postings.get(rank, ()):
                    sums[y] = sums.get(y, 0.0) + weight * other
            ys = []
            for y, value in sums.items():
                theirs = new_ranked[y]
                if mine.cut_rank <= theirs.cut_rank:
                    rest = mine.rest() * theirs.tail_from(mine.cut_rank)
                else:
                    rest = theirs.rest() * mine.tail_from(theirs.cut_rank)
                if value + math.sqrt(rest) >= limit:
                    ys.append(y)
            if ys:
                found[x] = ys
        return found


class _Ranked:
    """A vector's words by rank (rarest first), the squared norm of each tail, where its prefix ends.

    The prefix is the shortest run of rarest words whose tail has a norm below ``bound``.
    """

    __slots__ = ("cut", "cut_rank", "ranks", "tails", "weights")

    def __init__(
        self, vec: dict[str, float], rank: dict[str, int], vocabulary: list[str], bound: float
    ) -> None:
        self.ranks = sorted(map(rank.__getitem__, vec))
        self.weights = list(map(vec.__getitem__, map(vocabulary.__getitem__, self.ranks)))
        size = len(self.ranks)
        # tails[m]: squared norm of the last m words; non-decreasing, so it can be bisected.
        backwards = self.weights[::-1]
        self.tails = [0.0, *accumulate(map(operator.mul, backwards, backwards))]
        keep_out = bisect.bisect_left(self.tails, bound * bound) - 1 if bound > 0 else 0
        self.cut = size - max(keep_out, 0)
        self.cut_rank = self.ranks[self.cut] if self.cut < size else len(rank)

    def prefix(self) -> Iterator[tuple[int, float]]:
        return zip(self.ranks[: self.cut], self.weights[: self.cut], strict=True)

    def rest(self) -> float:
        """Squared norm of the words past the prefix."""
        return self.tails[len(self.ranks) - self.cut]

    def tail_from(self, rank: int) -> float:
        """Squared norm of the words of rank ``rank`` or commoner."""
        return self.tails[len(self.ranks) - bisect.bisect_left(self.ranks, rank)]


def _text_ids(units: tuple[Unit, ...]) -> dict[str, int]:
    """Each distinct text of ``units`` → its id, numbered in order of first use."""
    ids: dict[str, int] = {}
    for unit in units:
        ids.setdefault(unit.text, len(ids))
    return ids


def _vector(count: Counter[str], idf: dict[str, float]) -> dict[str, float]:
    """Unit-length TF-IDF vector, words in the order of the count (the order scores add up in)."""
    vec = {w: (_LOG_TF[n] if n < 64 else 1.0 + math.log(n)) * idf[w] for w, n in count.items()}
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {w: v / norm for w, v in vec.items()}
