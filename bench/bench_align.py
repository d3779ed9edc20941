"""对标上级要点 timings: a 60-task superior plan against a 40-item draft (budget 200 ms warm).

The superior is real text: the Zhenjiang (31 tasks) and Changzhou 2023 (23 tasks) city plans and
the first section of the Huishan district plan, one after another and renumbered, so the tasks
hold the sentences, rates and names of real plans; the draft is the Huishan district plan cut to
its first 40 items. "warm" repeats the alignment of the same texts (words already cut, as when
the writer re-runs it after marking a task 不适用); "no caches" clears the cut words first.
Also timed: the measured pair of the tests (31 tasks, 25 items). Run as
``python -m bench.bench_align`` from the repository root.
"""

from __future__ import annotations

from bench.common import corpus_texts, median_ms, report


def _superior_and_draft() -> tuple[str, str]:
    from desktop.plan.parse import parse
    from desktop.plan.references.tasks import draft_items, superior_tasks
    from desktop.plan.references.vocabulary import vocabulary
    from desktop.plan.renumber import renumber

    texts = corpus_texts()
    parts = [texts["2020_zhenjiang_city_webpage.txt"], texts["2023_changzhou_city_webpage.txt"]]
    huishan = texts["2022_wuxi_huishan_district.txt"]
    superior = renumber("\n".join(parts) + "\n" + huishan)
    plan = parse(superior)
    tasks = [t for t in superior_tasks(plan, vocabulary().context_headings) if not t.context]
    if len(tasks) > 60:  # cut the plan after its 60th task
        superior = superior[: tasks[59].span_end]
    draft_plan = parse(huishan)
    items = draft_items(draft_plan)
    draft = huishan[: items[39].span_end] if len(items) > 40 else huishan
    return superior, draft


def _process_ms() -> float:
    from bench.common import CORPUS, process_ms

    pair = [
        str(CORPUS / "2020_zhenjiang_city_webpage.txt"),
        str(CORPUS / "2020_changzhou_wujin_district.txt"),
    ]
    return process_ms(["align", *pair])


def main() -> None:
    from desktop.plan.compare.similarity import clear_word_cache
    from desktop.plan.parse import parse
    from desktop.plan.references.align import align_plans

    superior_text, draft_text = _superior_and_draft()
    superior, draft = parse(superior_text), parse(draft_text)
    result = align_plans(superior, draft)
    print(f"superior tasks: {len(result.answers)}, draft items: {len(result.items)}")
    report("align 60×40 warm", median_ms(lambda: align_plans(superior, draft)), 200)

    print(f"{'plandesk align, whole process (measured pair)':<58} {_process_ms():9.2f} ms  (budget 300 ms)")

    def cold() -> object:
        clear_word_cache()
        return align_plans(superior, draft)

    report("align 60×40 no caches", median_ms(cold))
    report(
        "align 60×40 with parsing both",
        median_ms(lambda: align_plans(parse(superior_text), parse(draft_text))),
    )
    texts = corpus_texts()
    pair = parse(texts["2020_zhenjiang_city_webpage.txt"]), parse(texts["2020_changzhou_wujin_district.txt"])
    report("align measured pair 31×25 warm", median_ms(lambda: align_plans(*pair)))


if __name__ == "__main__":
    main()
