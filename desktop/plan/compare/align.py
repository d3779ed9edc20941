"""Aligning the nodes of two plans one-to-one, by what they say rather than by their numbers.

Each node's own text (marker left out, so renumbering changes nothing) is compared by the TF-IDF
cosine of its jieba words (``similarity``: a text is cut once per session, and only pairs that can
reach the threshold are scored, found through an index of each text's rarer words; below the
threshold only sections are scored, on demand). Items are matched first, greedily from the most
similar pair down, with a small preference for nodes at the same relative place, so a document
with repeated passages pairs its copies in order. Sections are matched next, by their own words
and by how many of their items went to the same section. Pairs below the threshold are never
made: an item with no counterpart is reported as added or removed.

Which pairs count as *moved*: the longest run of pairs that keeps the order of both plans (a
longest increasing subsequence) is "in place"; the rest moved, as do items whose section's partner
is not their new section.
"""

from __future__ import annotations

import bisect
import difflib
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache

from desktop.plan.compare.model import ChangeKind, DiffOp, Pair, Row, Unit
from desktop.plan.compare.similarity import Similarity
from desktop.plan.model import Node, Plan

DEFAULT_THRESHOLD = 0.4
# How much a node's place counts when choosing among similar partners (never enough to pass the
# threshold on its own: it only orders the candidates).
_POSITION_WEIGHT = 0.05
# Section score: its own words and the share of its items that went to the candidate section.
_OWN_WEIGHT = 0.4


def plan_units(plan: Plan) -> tuple[Unit, ...]:
    """Every node of ``plan`` as a Unit, depth first, with its marker path and parent."""
    units: list[Unit] = []
    text = plan.text

    def visit(nodes: tuple[Node, ...], parent: int | None, prefix: str) -> None:
        for node in nodes:
            path = prefix + (node.marker_text or node.headline)
            index = len(units)
            units.append(Unit(index, node, path, parent, bool(node.children), own_text(text, node)))
            visit(node.children, index, path + "/")

    visit(plan.nodes, None, "")
    return tuple(units)


def own_text(text: str, node: Node) -> str:
    """The node's own paragraphs without its marker: what the writer wrote for this node."""
    start = node.marker.span.end if node.marker else node.own_span.start
    lines = (line.strip() for line in text[start : node.own_span.end].split("\n"))
    return "\n".join(line for line in lines if line)


def _greedy(
    candidates: list[tuple[int, int, float]], old_n: int, new_n: int, threshold: float
) -> dict[int, tuple[int, float]]:
    """One-to-one matching, best similarity first, ties broken by nearness of relative place."""

    kept = [c for c in candidates if c[2] >= threshold]
    old_scale, new_scale = max(old_n, 1), max(new_n, 1)
    keys = [-(sim + _POSITION_WEIGHT * (1.0 - abs(i / old_scale - j / new_scale))) for i, j, sim in kept]
    matched: dict[int, tuple[int, float]] = {}
    taken: set[int] = set()
    for k in sorted(range(len(kept)), key=keys.__getitem__):  # stable: equal keys keep their order
        i, j, sim = kept[k]
        if i in matched or j in taken:
            continue
        matched[i] = (j, sim)
        taken.add(j)
    return matched


def _in_order(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest subsequence of ``pairs`` (sorted by old index) increasing in the new index."""
    pairs = sorted(pairs)
    tails: list[int] = []  # new index at the end of the best run of each length
    tail_at: list[int] = []  # which pair ends it
    back: list[int] = [-1] * len(pairs)
    for k, (_i, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        back[k] = tail_at[pos - 1] if pos else -1
    keep: set[tuple[int, int]] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(pairs[k])
        k = back[k]
    return keep


def _descendant_items(units: tuple[Unit, ...]) -> dict[int, list[int]]:
    """For each section, the items anywhere below it."""
    below: dict[int, list[int]] = defaultdict(list)
    for unit in units:
        if unit.is_section:
            continue
        parent = unit.parent
        while parent is not None:
            below[parent].append(unit.index)
            parent = units[parent].parent
    return below


def align(
    old: tuple[Unit, ...], new: tuple[Unit, ...], threshold: float = DEFAULT_THRESHOLD
) -> tuple[list[Pair], list[Unit], list[Unit]]:
    """Pairs (in the draft's order), added units and removed units."""
    similarity = Similarity(old, new)
    candidates = list(similarity.pairs_above(threshold))
    items = _greedy(
        [(i, j, s) for i, j, s in candidates if not old[i].is_section and not new[j].is_section],
        len(old),
        len(new),
        threshold,
    )
    # Sections: their own words, and the share of their items that went to the candidate.
    old_below, new_below = _descendant_items(old), _descendant_items(new)
    shared: Counter[tuple[int, int]] = Counter()
    for i, (j, _s) in items.items():
        for a in _ancestors(old, i):
            for b in _ancestors(new, j):
                shared[(a, b)] += 1
    # A pair that shares no item can only pass on its own words, so it is a candidate or fails.
    if threshold > 0:
        section_pairs = sorted(
            {(i, j) for i, j, _s in candidates if old[i].is_section and new[j].is_section} | shared.keys()
        )
    else:
        section_pairs = [(a.index, b.index) for a in old if a.is_section for b in new if b.is_section]
    section_candidates = []
    for a, b in section_pairs:
        own = similarity.score(a, b)
        overlap = 2 * shared[(a, b)] / ((len(old_below[a]) + len(new_below[b])) or 1)
        section_candidates.append((a, b, max(own, _OWN_WEIGHT * own + (1 - _OWN_WEIGHT) * overlap)))
    sections = _greedy(section_candidates, len(old), len(new), threshold)

    partner = {i: j for i, (j, _s) in {**items, **sections}.items()}
    in_place = _in_order([(i, j) for i, (j, _s) in items.items()])
    in_place |= _in_order([(i, j) for i, (j, _s) in sections.items()])
    pairs = []
    for i, (j, sim) in {**items, **sections}.items():
        o, n = old[i], new[j]
        other_section = (o.parent is None) != (n.parent is None) or (
            o.parent is not None and partner.get(o.parent) != n.parent
        )
        edited = o.text != n.text
        moved = other_section or (i, j) not in in_place
        kind = ChangeKind.MOVED if moved else ChangeKind.EDITED if edited else ChangeKind.UNCHANGED
        diff = char_diff(o.text, n.text) if edited else ()
        pairs.append(Pair(o, n, 1.0 if not edited else round(sim, 4), kind, edited, other_section, diff))
    pairs.sort(key=lambda p: p.new.index)
    partnered = set(partner.values())
    added = [u for u in new if u.index not in partnered]
    removed = [u for u in old if u.index not in partner]
    return pairs, added, removed


def _ancestors(units: tuple[Unit, ...], index: int) -> Iterator[int]:
    parent = units[index].parent
    while parent is not None:
        yield parent
        parent = units[parent].parent


@lru_cache(maxsize=4096)
def char_diff(old: str, new: str) -> tuple[DiffOp, ...]:
    """Character-level diff of two texts (difflib), merged into readable runs.

    Cached: comparing the draft again after an edit diffs only the pairs whose text changed.
    """
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return tuple(DiffOp(tag, old[a1:a2], new[b1:b2]) for tag, a1, a2, b1, b2 in matcher.get_opcodes())


def build_rows(pairs: list[Pair], added: list[Unit], removed: list[Unit]) -> list[Row]:
    """Rows for the side-by-side view: the draft's order, each removed node after the draft row of
    the nearest node before it in last year's plan that has a partner."""
    by_old = {p.old.index: p for p in pairs}
    after: dict[int, list[Unit]] = defaultdict(list)  # new index (-1 = top) → removed units
    for unit in removed:
        anchor = -1
        for i in range(unit.index - 1, -1, -1):
            if i in by_old:
                anchor = by_old[i].new.index
                break
        after[anchor].append(unit)
    entries: list[tuple[int, Row]] = []
    entries += [(p.new.index, Row(p.old, p.new, p.kind, p)) for p in pairs]
    entries += [(u.index, Row(None, u, ChangeKind.ADDED)) for u in added]
    entries.sort(key=lambda e: e[0])
    rows = [Row(u, None, ChangeKind.REMOVED) for u in after.get(-1, ())]
    for index, row in entries:
        rows.append(row)
        rows.extend(Row(u, None, ChangeKind.REMOVED) for u in after.get(index, ()))
    return rows
