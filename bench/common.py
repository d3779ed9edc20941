"""Shared helpers for the benchmark scripts: corpus texts, a 10× document, and a median timer.

Benchmarks print figures for the closing notes; they are run by hand, never asserted in tests.
Run one as ``python -m bench.bench_parse`` from the repository root.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

sys.path.insert(0, str(REPO / "tests"))

from corpus_files import materialise  # noqa: E402

# The corpus plans' bare texts (tests/corpus without the headers), written once per machine.
CORPUS = materialise(Path(tempfile.gettempdir()) / "plandesk-bench-corpus")
LARGEST = "2022_wuxi_huishan_district.txt"


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def corpus_texts() -> dict[str, str]:
    """Each corpus plan's cleaned text (as the editor would hold it), by file name."""
    from desktop.plan.read.loader import load_source

    return {path.name: load_source(path).text for path in corpus_files()}


def largest_text() -> str:
    return corpus_texts()[LARGEST]


def large_plan_text(factor: int = 10) -> str:
    """A plan ``factor`` times the largest corpus plan: its sections repeated, then renumbered.

    Built from real text so rules see real sentences, targets and quotes (~130k characters and
    ~400 items for factor 10).
    """
    from desktop.plan.parse import parse
    from desktop.plan.renumber import renumber

    text = largest_text()
    plan = parse(text)
    first = plan.nodes[0].span.start
    head, body = text[:first], text[first:]
    return renumber(head + "\n".join([body.rstrip("\n")] * factor) + "\n")


def median_ms(action: Callable[[], object], runs: int = 15, warmup: int = 2) -> float:
    """Median wall time of ``action`` in milliseconds, after warm-up runs."""
    for _ in range(warmup):
        action()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def process_ms(args: list[str], runs: int = 7) -> float:
    """Median wall time of a whole ``python -m desktop ...`` process, in milliseconds."""
    import subprocess

    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, capture_output=True, check=False)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def report(name: str, value_ms: float, budget_ms: float | None = None) -> None:
    verdict = "" if budget_ms is None else ("  ok" if value_ms <= budget_ms else "  OVER BUDGET")
    budget = "" if budget_ms is None else f"  (budget {budget_ms:g} ms)"
    print(f"{name:<58} {value_ms:9.2f} ms{budget}{verdict}")


def next_year_edit(text: str) -> str:
    """Next year's draft of ``text``: every seventh item dropped, every fifth reworded, renumbered."""
    import re

    from desktop.plan.parse import parse
    from desktop.plan.renumber import renumber

    plan = parse(text)
    out, last = [], 0
    for k, item in enumerate(plan.items()):
        out.append(text[last : item.span.start])
        body = text[item.span.start : item.span.end]
        if k % 7 == 3:
            body = ""
        elif k % 5 == 0:
            body = re.sub(r"进一步|切实|全面", "", body) + "加强督查考核。"
        out.append(body)
        last = item.span.end
    out.append(text[last:])
    return renumber(re.sub(r"\n{2,}", "\n", "".join(out)))
