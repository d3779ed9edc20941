"""Check benchmarks (issue 4): every rule except themes, warm, on the largest corpus plan and on
the 10× document; per family; linearity; and a whole ``plandesk check`` process.

Budgets: largest plan ≤ 30 ms, 10× ≤ 300 ms, process ≤ 0.6 s. Run from the repository root:
    python -m bench.bench_check
"""

from __future__ import annotations

from bench.common import CORPUS, LARGEST, corpus_texts, large_plan_text, median_ms, process_ms, report
from checks.config import CheckConfig
from checks.run import run_checks
from desktop.plan.parse import parse


def _fresh_plan_ms(text: str, config: CheckConfig, runs: int = 21) -> float:
    """Median time of the checks alone on a plan parsed from slightly changed text each run: what
    the app pays after a keystroke (nothing memoised on the plan object carries over)."""
    import statistics
    import time

    run_checks(parse(text), config)
    samples = []
    for n in range(runs):
        fresh = parse(f"{text}\n{n}")
        start = time.perf_counter()
        run_checks(fresh, config)
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    config = CheckConfig.defaults().merged(ignore=["T"])
    texts = corpus_texts()
    plan = parse(texts[LARGEST])
    report(f"all rules, {LARGEST} ({len(plan.text)} chars)", median_ms(lambda: run_checks(plan, config)), 30)
    report(
        "all rules incl. themes, largest plan, as the app checks (a new parse of changed text each run)",
        _fresh_plan_ms(texts[LARGEST], CheckConfig.defaults()),
        20,
    )
    for factor in (2, 5, 10):
        big = parse(large_plan_text(factor))
        budget = 300 if factor == 10 else None
        report(
            f"all rules, {factor}× ({len(big.text)} chars)",
            median_ms(lambda b=big: run_checks(b, config), 7),
            budget,
        )
    for family in "SPNDW":
        only = CheckConfig.defaults().merged(select=[family])
        report(f"  {family} rules only, 10×", median_ms(lambda o=only: run_checks(big, o), 5))
    report(
        "plandesk check --ignore T process (largest plan)",
        process_ms(["check", str(CORPUS / LARGEST), "--ignore", "T"]),
        600,
    )
    report("plandesk check process with themes (largest plan)", process_ms(["check", str(CORPUS / LARGEST)]))


if __name__ == "__main__":
    main()
