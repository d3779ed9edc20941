"""Parse benchmarks (issue 3): corpus plans, the 10× document, linearity, the outline process."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.common import CORPUS, LARGEST, corpus_texts, large_plan_text, median_ms, process_ms, report
from desktop.plan.parse import parse
from desktop.plan.read.textio import clean_text
from desktop.plan.renumber import renumber


def main() -> None:
    texts = corpus_texts()
    for name, text in texts.items():
        budget = 10 if name == LARGEST else None
        report(f"parse {name} ({len(text)} chars)", median_ms(lambda t=text: parse(t)), budget)
    largest = texts[LARGEST]
    report("clean (import) largest plan", median_ms(lambda: clean_text(largest)))
    report("renumber largest plan", median_ms(lambda: renumber(largest)))
    for factor in (2, 5, 10, 20):
        big = large_plan_text(factor)
        items = len(parse(big).items())
        budget = 100 if factor == 10 else None
        report(
            f"parse {factor}× ({len(big)} chars, {items} items)",
            median_ms(lambda b=big: parse(b), runs=7),
            budget,
        )
    report("plandesk outline process (largest plan)", process_ms(["outline", str(CORPUS / LARGEST)]), 500)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        path.write_text(large_plan_text(10), encoding="utf-8")
        report("plandesk outline process (10× plan)", process_ms(["outline", str(path)]))


if __name__ == "__main__":
    main()
