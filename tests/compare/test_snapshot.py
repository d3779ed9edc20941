"""The whole comparison result, recorded: any change to how plans are aligned shows up here.

Recorded before the alignment was made fast (``snapshots/*.json``) so that a faster way of finding
candidate pairs is proved to give exactly the same result: every pair with its similarity, kind and
flags, the added and removed nodes, the target changes and the order of the rows. Cases: each
ordered pair of the four whole corpus plans (and one pair at a lower threshold), the hand-written
pair and the 'next year' draft of the other compare tests, and a 10× document against a shuffled,
edited copy of itself (items dropped, reworded, moved across sections, spliced from two others).

An intended change of the alignment is recorded again with
``PLANDESK_UPDATE_SNAPSHOT=1 python -m pytest tests/compare/test_snapshot.py`` and reviewed in the diff.
"""

from __future__ import annotations

import json
import os
import re
from itertools import permutations
from pathlib import Path

import pytest

from desktop.plan.compare import Comparison, compare_plans
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source
from desktop.plan.renumber import renumber
from tests.compare.test_alignment import _build
from tests.compare.test_compare import NEW, OLD

SNAPSHOTS = Path(__file__).resolve().parent / "snapshots"
WHOLE = ("wujin", "huishan", "changzhou", "zhenjiang")
CORPUS_CASES = [(a, b, None) for a, b in permutations(WHOLE, 2)] + [("wujin", "zhenjiang", 0.2)]


def record(result: Comparison) -> dict[str, object]:
    """Everything the comparison decided, as plain JSON values (similarity rounded to 4 places)."""

    def unit(u) -> list[object]:
        return [u.index, u.path]

    def target(t) -> str | None:
        return None if t is None else t.text

    return {
        "summary": result.summary(),
        "pairs": [
            [*unit(p.old), *unit(p.new), round(p.similarity, 4), p.kind.value, p.edited, p.other_section]
            for p in result.pairs
        ],
        "added": [unit(u) for u in result.added],
        "removed": [unit(u) for u in result.removed],
        "target_changes": [
            [t.kind, t.subject, t.unit, target(t.old), target(t.new), list(t.order)]
            for t in result.target_changes
        ],
        "rows": [
            [r.kind.value, None if r.old is None else r.old.index, None if r.new is None else r.new.index]
            for r in result.rows
        ],
    }


def _dump(data: dict[str, object]) -> str:
    """JSON with one entry per line, so a changed pair reads as one changed line in a diff."""
    parts = []
    for key, value in data.items():
        if isinstance(value, list):
            inner = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            parts.append(f'  "{key}": [\n{inner}\n  ]' if value else f'  "{key}": []')
        else:
            parts.append(f'  "{key}": {json.dumps(value, ensure_ascii=False)}')
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _check(name: str, result: Comparison) -> None:
    path = SNAPSHOTS / f"{name}.json"
    got = _dump(record(result))
    if os.environ.get("PLANDESK_UPDATE_SNAPSHOT") == "1":
        SNAPSHOTS.mkdir(exist_ok=True)
        path.write_text(got, encoding="utf-8")
    assert path.is_file(), f"no snapshot {path.name}: record it with PLANDESK_UPDATE_SNAPSHOT=1"
    want = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(got) == want


def shuffled_copy(text: str) -> str:
    """``text`` as a careless next year's draft: items dropped, reworded, spliced, moved, renumbered.

    Deterministic arithmetic, not a random generator, so the snapshot holds on every Python.
    """
    plan = parse(text)
    sections = [n for n in plan.nodes if n.children]
    head = text[: sections[0].span.start]
    bodies: list[list[str]] = []
    for sec in sections:
        items = []
        for item in sec.children:
            items.append(text[item.span.start : item.span.end].rstrip("\n"))
        bodies.append(items)
    flat = [(s, k, body) for s, items in enumerate(bodies) for k, body in enumerate(items)]
    out: list[list[str]] = [[] for _ in sections]
    for n, (s, _k, body) in enumerate(flat):
        if n % 11 == 4:
            continue  # dropped
        if n % 5 == 0:
            body = re.sub(r"进一步|切实|全面", "", body) + "加强督查考核。"
        elif n % 9 == 2:
            sentences = re.findall(r"[^。]+。?", body)
            body = "".join(sentences[:1] + sentences[1:][::-1])  # later sentences reversed
        if n % 13 == 6:
            half = flat[(n * 7) % len(flat)][2]
            body = body[: len(body) // 2] + half[len(half) // 2 :]  # spliced from another item
        target = (s * 3 + n) % len(sections) if n % 6 == 1 else s  # moved to another section
        if n % 4 == 3:
            out[target].insert(0, body)
        else:
            out[target].append(body)
    lines = [head.rstrip("\n")]
    order = list(range(len(sections)))
    order = order[3:] + order[:3]  # sections rotated
    for s in order:
        sec = sections[s]
        lines.append(text[sec.own_span.start : sec.own_span.end].rstrip("\n"))
        lines.extend(out[s])
    return renumber("\n".join(lines) + "\n")


def ten_times(text: str) -> str:
    """The plan's sections repeated ten times, renumbered (as ``bench.common.large_plan_text``)."""
    plan = parse(text)
    first = plan.nodes[0].span.start
    head, body = text[:first], text[first:]
    return renumber(head + "\n".join([body.rstrip("\n")] * 10) + "\n")


@pytest.mark.parametrize(("old", "new", "threshold"), CORPUS_CASES)
def test_corpus_pair(corpus_path, old, new, threshold):
    a, b = (parse(load_source(corpus_path(name)).text) for name in (old, new))
    kwargs = {} if threshold is None else {"threshold": threshold}
    suffix = "" if threshold is None else f"_t{threshold}"
    _check(f"{old}_{new}{suffix}", compare_plans(a, b, **kwargs))


def test_hand_written_pair():
    _check("hand_written", compare_plans(parse(OLD), parse(NEW)))


def test_next_year_draft(corpus_path):
    text = load_source(corpus_path("huishan")).text
    draft, _expected = _build(text)
    _check("next_year", compare_plans(parse(text), parse(draft)))


def test_ten_times_against_shuffled_copy(corpus_path):
    big = ten_times(load_source(corpus_path("huishan")).text)
    old, new = parse(big), parse(shuffled_copy(big))
    assert len(old.items()) == 400 and 300 < len(new.items()) < 400
    _check("ten_times_shuffled", compare_plans(old, new))
