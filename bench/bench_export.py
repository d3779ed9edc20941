"""Export benchmarks (issues 6, 16): the largest corpus plan to the official .docx, warm (budget
300 ms), as an 印发通知 with its 版头, its task table, the 10× document, and the blocker scan
offered before export."""

from __future__ import annotations

import io
import logging
import tempfile
from pathlib import Path

from bench.common import CORPUS, LARGEST, large_plan_text, largest_text, median_ms, process_ms, report
from checks.blockers import export_blockers
from desktop.plan.export.docx_writer import build_document
from desktop.plan.export.notice import NoticeHead
from desktop.plan.export.task_table import build_task_document
from desktop.plan.parse import parse


def export_to_memory(plan) -> None:
    build_document(plan).save(io.BytesIO())


def main() -> None:
    logging.getLogger("jieba").setLevel(logging.WARNING)
    plan = parse(largest_text())
    report(
        f"export largest plan to .docx ({len(plan.text)} chars, warm)",
        median_ms(lambda: export_to_memory(plan)),
        300,
    )
    report("  build only (no save)", median_ms(lambda: build_document(plan)))
    head = NoticeHead(sign="某某市教育局文件", number="某教发〔2026〕1号")
    report(
        "export largest plan as 印发通知 with 版头",
        median_ms(lambda: build_document(plan, head=head).save(io.BytesIO())),
        300,
    )
    report("task table of the largest plan", median_ms(lambda: build_task_document(plan).save(io.BytesIO())))
    report("export blockers of the largest plan", median_ms(lambda: export_blockers(plan)))
    big = parse(large_plan_text(10))
    report(f"export 10× plan ({len(big.text)} chars)", median_ms(lambda: export_to_memory(big), runs=5))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "out.docx"
        args = ["export", str(CORPUS / LARGEST), "-o", str(out), "--force"]
        report("plandesk export process (largest plan)", process_ms(args, runs=5))


if __name__ == "__main__":
    main()
