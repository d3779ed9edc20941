"""The reviewed findings on the corpus: one snapshot file per rule family, compared with a fresh run.

``tests/checks/corpus_findings/<F>.yaml`` maps each corpus file to the findings of family F on it,
each with the line (counted after the corpus header), optionally the text it points at, and the
reviewer's reason. Run as a script to see what differs, with each finding's line of text, so a
reviewer reads the plan rather than the code::

    python tests/checks/corpus_review.py [FAMILY] [FILE-SUBSTRING]
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from functools import cache
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from corpus_files import entries, materialise

SNAPSHOTS = Path(__file__).parent / "corpus_findings"
FAMILIES = "SPNDWT"


@cache
def reviewed(family: str) -> dict[str, list[dict]]:
    path = SNAPSHOTS / f"{family}.yaml"
    return (yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None) or {}


@cache
def findings_of(path: Path) -> tuple:
    """(finding, file line, text at the finding) for every finding of every rule on one file."""
    from checks.run import run_checks
    from desktop.plan.read.loader import load_plan

    source, plan = load_plan(path)
    return tuple((f, source.source_line(f.line), f.span.slice(plan.text)) for f in run_checks(plan))


def differences(path: Path, family: str) -> tuple[list, list, list]:
    """(unlisted findings, listed but not found (code, line), findings at unreviewed text)."""
    entries_ = reviewed(family).get(path.name) or []
    found: Counter = Counter()
    wrong_text = []
    unlisted = []
    listed = Counter((e["code"], e["line"]) for e in entries_)
    seen: Counter = Counter()
    for finding, line, at in findings_of(path):
        if finding.code[0] != family:
            continue
        key = (finding.code, line)
        found[key] += 1
        seen[key] += 1
        if seen[key] > listed[key]:
            unlisted.append((finding, line, at))
            continue
        texts = [e["text"] for e in entries_ if (e["code"], e["line"]) == key and "text" in e]
        if texts and not any(at.startswith(t) for t in texts):
            wrong_text.append((finding, line, at))
    missing = sorted((listed - found).elements())
    return unlisted, missing, wrong_text


def main(argv: list[str]) -> int:
    families = argv[0] if argv else FAMILIES
    pick = argv[1] if len(argv) > 1 else ""
    folder = materialise(Path(tempfile.gettempdir()) / "plandesk-review-corpus")
    total = 0
    for entry in entries():
        if pick not in entry.name:
            continue
        lines = entry.text.split("\n")
        for family in families:
            unlisted, missing, wrong_text = differences(folder / entry.name, family)
            for finding, line, at in unlisted + wrong_text:
                total += 1
                print(
                    f"{entry.name}:{line}: {finding.code} {finding.severity.value} 「{at}」 {finding.message}"
                )
                print(f"    {lines[line - 1][:160] if 0 < line <= len(lines) else ''}")
            for code, line in missing:
                total += 1
                print(f"{entry.name}:{line}: {code} listed but not found")
    print(f"{total} differences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
