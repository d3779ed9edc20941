"""Task table benchmark and survey: the time to build it (largest plan, the 10× plan, a plan
table), and per corpus plan the items, the 牵头/责任/时限 cells filled from the text, and the rows
too tall to keep on one page. Run ``python -m bench.bench_task_table``; never asserted."""

from __future__ import annotations

import io
import logging

from bench.common import corpus_texts, large_plan_text, largest_text, median_ms, report
from desktop.plan.export.task_table import build_task_document, task_rows
from desktop.plan.parse import parse


def survey() -> None:
    """One line per corpus plan with items: filled columns and rows allowed to split."""
    from docx.oxml.ns import qn

    total = [0, 0, 0, 0]
    for name, text in corpus_texts().items():
        plan = parse(text)
        rows = task_rows(plan)
        if not rows:
            continue
        trs = build_task_document(plan).tables[0]._tbl.tr_lst[1:]
        split = sum(tr.trPr.find(qn("w:cantSplit")) is None for tr in trs)
        filled = [sum(bool(getattr(r, key)) for r in rows) for key in ("lead", "responsible", "deadline")]
        for i, value in enumerate([len(rows), *filled]):
            total[i] += value
        if any(filled) or split:
            print(
                f"  {name:52} items {len(rows):3}  牵头 {filled[0]:2} 责任 {filled[1]:2} 时限 {filled[2]:2}  too tall {split}"
            )
    print(
        f"  corpus: {total[0]} items, 牵头 {total[1]}, 责任 {total[2]}, 时限 {total[3]} filled from the text"
    )


def main() -> None:
    logging.getLogger("jieba").setLevel(logging.WARNING)
    plan = parse(largest_text())
    report(
        f"task table of the largest plan ({len(plan.items())} items), built and saved",
        median_ms(lambda: build_task_document(plan).save(io.BytesIO())),
        300,
    )
    report("  rows only (task_rows)", median_ms(lambda: task_rows(plan)))
    big = parse(large_plan_text(10))
    report(
        f"task table of the 10× plan ({len(big.items())} items)",
        median_ms(lambda: build_task_document(big).save(io.BytesIO()), runs=5),
        1000,
    )
    survey()


if __name__ == "__main__":
    main()
