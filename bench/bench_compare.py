"""Compare timings: corpus plans (budget 200 ms warm), 400×400 items (300 ms) and 2,000×2,000 (3 s).

Large documents are the largest corpus plan repeated (``large_plan_text``: 10× has 400 items,
50× has 2,000). The edited copy keeps every item: every fifth reworded, every third moved to the
head of another section, renumbered, so the alignment has real work and both sides have as many
items. The older 10× case (every seventh item dropped) is kept for comparison with earlier figures.

"warm" is a repeated comparison of the same plans (words already cut); "no caches" clears the
cache of cut words (and of character diffs) before every run, so jieba segments both plans again.
Run as ``python -m bench.bench_compare`` from the repository root (``--quick`` skips 2,000 items).
"""

from __future__ import annotations

import re
import sys

from bench.common import corpus_texts, large_plan_text, median_ms, next_year_edit, report


def _edited_copy(text: str) -> str:
    """Every item kept; every fifth reworded, every third moved to another section; renumbered."""
    from desktop.plan.parse import parse
    from desktop.plan.renumber import renumber

    plan = parse(text)
    sections = [n for n in plan.nodes if n.children]
    out: list[list[str]] = [[] for _ in sections]
    n = 0
    for s, sec in enumerate(sections):
        for item in sec.children:
            body = text[item.span.start : item.span.end].rstrip("\n")
            if n % 5 == 0:
                body = re.sub(r"进一步|切实|全面", "", body) + "加强督查考核。"
            if n % 3 == 1:
                out[(s + 1 + n % 4) % len(sections)].insert(0, body)
            else:
                out[s].append(body)
            n += 1
    lines = [text[: sections[0].span.start].rstrip("\n")]
    for s, sec in enumerate(sections):
        lines.append(text[sec.own_span.start : sec.own_span.end].rstrip("\n"))
        lines.extend(out[s])
    return renumber("\n".join(lines) + "\n")


def _clear_caches() -> None:
    """Forget cut words and character diffs, as in a fresh process with jieba already loaded."""
    from desktop.plan.compare.align import char_diff
    from desktop.plan.compare.similarity import clear_word_cache

    clear_word_cache()
    char_diff.cache_clear()


def _large(factor: int, budget_ms: float, runs: int) -> None:
    from desktop.plan.compare import compare_plans
    from desktop.plan.parse import parse

    big = large_plan_text(factor)
    old, new = parse(big), parse(_edited_copy(big))
    print(f"{factor}x documents: {len(old.items())} and {len(new.items())} items, {len(big)} characters")
    print("  summary:", compare_plans(old, new).summary())
    size = f"{len(old.items())}x{len(new.items())} items"
    report(
        f"compare {size} (warm)", median_ms(lambda: compare_plans(old, new), runs=runs, warmup=1), budget_ms
    )

    def cold() -> None:
        _clear_caches()
        compare_plans(old, new)

    report(f"compare {size} (no caches)", median_ms(cold, runs=runs, warmup=0), budget_ms)


def main() -> None:
    from desktop.plan.compare import compare_plans
    from desktop.plan.parse import parse

    texts = corpus_texts()
    largest = sorted(texts, key=lambda name: len(texts[name]), reverse=True)[:2]
    a, b = (parse(texts[name]) for name in largest)
    compare_plans(a, b)  # jieba's first load is start-up, not comparison
    report(f"compare {largest[0][:20]} vs {largest[1][:20]}", median_ms(lambda: compare_plans(a, b)), 200)
    report("compare largest plan with itself", median_ms(lambda: compare_plans(a, a)), 200)

    big = large_plan_text(10)
    old, new = parse(big), parse(next_year_edit(big))
    print(f"10x documents, every seventh dropped: {len(old.items())} and {len(new.items())} items")
    report(
        "compare 10x with 10x less every seventh (warm)",
        median_ms(lambda: compare_plans(old, new), runs=5),
        300,
    )

    _large(10, 300, runs=7)
    if "--quick" not in sys.argv:
        _large(50, 3000, runs=3)


if __name__ == "__main__":
    main()
