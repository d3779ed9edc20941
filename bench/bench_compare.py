"""Compare timings: the two largest corpus plans (budget 200 ms warm) and two 10× documents (3 s).

The second 10× document differs from the first: every fifth item's wording is edited, every
seventh dropped and the whole renumbered, so the alignment has real work to do.
Run as ``python -m bench.bench_compare`` from the repository root.
"""

from __future__ import annotations

import re

from bench.common import corpus_texts, large_plan_text, median_ms, report


def _differ(text: str) -> str:
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
    old, new = parse(big), parse(_differ(big))
    print(f"10x documents: {len(old.items())} and {len(new.items())} items, {len(big)} characters")
    result = compare_plans(old, new)
    print("  summary:", result.summary())
    report(
        "compare two 10x documents (warm)", median_ms(lambda: compare_plans(old, new), runs=5, warmup=1), 3000
    )

    def cold() -> None:
        from desktop.plan.compare.align import _unit_words

        _unit_words.cache_clear()
        compare_plans(old, new)

    report("compare two 10x documents (no token cache)", median_ms(cold, runs=3, warmup=0), 3000)


if __name__ == "__main__":
    main()
