"""The reviewed outlines of the corpus: per plan its title, year, kind and headings, against a fresh parse.

``corpus_outlines.yaml`` maps each corpus file to what a reader of that plan sees: the title, the
year it plans for, the kind of plan, and every heading as ``"level marker headline-start @line"``
(the line counted in the corpus file after its header, as the command line reports it; 【】 marks
an unnumbered role heading), and a reviewer's ``note`` where the outline needed a judgement. Each
entry was checked by reading the plan; ``--write`` keeps the notes. Run as a script to see what
differs, so a reviewer reads the plan rather than the code::

    python tests/plan/corpus_outlines.py [FILE-SUBSTRING]
    python tests/plan/corpus_outlines.py --write [FILE-SUBSTRING]   # after reviewing the differences
"""

from __future__ import annotations

import sys
import tempfile
from functools import lru_cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_files import entries, materialise

SNAPSHOT = Path(__file__).parent / "corpus_outlines.yaml"
HEADLINE_START = 16  # characters of each headline kept in the snapshot


@lru_cache(maxsize=1)
def reviewed() -> dict[str, dict]:
    return yaml.safe_load(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.is_file() else {}


def outline_of(path: Path) -> dict:
    """Title, year, kind and headings of one plan file, as the snapshot writes them."""
    from desktop.plan.read.loader import load_plan

    source, plan = load_plan(path)
    headings = []
    for node in plan.walk():
        marker = node.marker_text or "【】"
        headings.append(
            f"{node.level} {marker} {node.headline[:HEADLINE_START]} @{source.source_line(node.line)}"
        )
    meta = plan.metadata
    return {"title": meta.title, "year": meta.year, "kind": meta.kind, "headings": headings}


def differences(path: Path) -> list[str]:
    """What a fresh parse gives that the reviewed outline does not (and the reverse), as lines."""
    want = reviewed().get(path.name)
    got = outline_of(path)
    if want is None:
        return [
            f"not reviewed yet: {got['title']!r} {got['year']} {got['kind']!r}, {len(got['headings'])} headings"
        ]
    out = [
        f"{key}: reviewed {want.get(key)!r}, parsed {got[key]!r}"
        for key in ("title", "year", "kind")
        if want.get(key) != got[key]
    ]
    expected, parsed = list(want.get("headings") or []), got["headings"]
    if expected != parsed:
        out += [f"- {h}" for h in expected if h not in parsed]
        out += [f"+ {h}" for h in parsed if h not in expected]
        if not out:
            out.append("headings in another order")
    return out


def main(argv: list[str]) -> int:
    write = "--write" in argv
    picks = [a for a in argv if a != "--write"]
    folder = materialise(Path(tempfile.mkdtemp(prefix="plandesk-outlines-")))
    snapshot = dict(reviewed())
    total = 0
    for entry in entries():
        if picks and not any(p in entry.name for p in picks):
            continue
        if write:
            note = (snapshot.get(entry.name) or {}).get("note")
            snapshot[entry.name] = outline_of(folder / entry.name) | ({"note": note} if note else {})
            continue
        for line in differences(folder / entry.name):
            total += 1
            print(f"{entry.name}: {line}")
    if write:
        names = {e.name for e in entries()}
        snapshot = {k: v for k, v in sorted(snapshot.items()) if k in names}
        text = yaml.safe_dump(snapshot, allow_unicode=True, sort_keys=False, width=200)
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"wrote {len(snapshot)} outlines to {SNAPSHOT.name}")
    else:
        print(f"{total} differences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
