"""``plandesk export FILE -o OUT.docx [--template PATH] [--tasks] [--force]``.

Writes the plan in the official layout (GB/T 9704-2012), or with ``--tasks`` its task breakdown
table. The input is never overwritten, an existing output only with ``--force``, and the file is
written beside its final name and renamed, so an interrupted export leaves nothing half-written.
Text the official layout must not carry is listed first; it is the writer's to fix, the export
does not rewrite it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.plan.errors import InputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="要点文件（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("-o", "--output", required=True, help="导出的 Word 文件（.docx）")
    parser.add_argument(
        "--template", help="公文模板（.docx，默认 templates/official.docx）；同名 .yaml 为导出配置"
    )
    parser.add_argument("--tasks", action="store_true", help="导出任务分解表（横向表格），而不是公文")
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")


def run(args: argparse.Namespace) -> int:
    source_path = Path(args.file)
    out = Path(args.output)
    template = Path(args.template) if args.template else None
    _check_output(source_path, out, bool(args.force))
    if template is not None and not template.is_file():
        raise InputError(template, "模板文件不存在")

    from desktop.plan.read.loader import load_plan

    source, plan = load_plan(source_path)

    from checks.blockers import export_blockers
    from desktop.plan.export.docx_writer import save_atomically

    blockers = export_blockers(plan)
    if blockers:
        print(
            f"提示：以下 {len(blockers)} 处不宜印在公文上，建议在编辑器中一键修正后再导出：", file=sys.stderr
        )
        for finding in blockers[:20]:
            line = source.source_line(finding.line)
            print(f"  第{line}行：{finding.message}", file=sys.stderr)
        if len(blockers) > 20:
            print(f"  ……另有 {len(blockers) - 20} 处", file=sys.stderr)

    if args.tasks:
        from desktop.plan.export.task_table import build_task_document

        document = build_task_document(plan, template)
    else:
        from desktop.plan.export.docx_writer import build_document

        document = build_document(plan, template)
    try:
        save_atomically(document, out)
    except OSError as exc:
        raise InputError(out, f"无法写入（{exc.strerror or type(exc).__name__}）") from None
    what = "任务分解表" if args.tasks else "公文"
    print(f"已导出{what}：{out}")
    return 0


def _check_output(source: Path, out: Path, force: bool) -> None:
    """Refuse what would lose work: the input itself, an existing file, a missing folder."""
    if out.suffix.lower() != ".docx":
        raise InputError(out, "输出文件应以 .docx 结尾")
    if source.exists() and out.exists() and source.resolve() == out.resolve():
        raise InputError(out, "输出文件就是输入文件，导出不会覆盖原稿，请换一个文件名")
    if out.exists() and not force:
        raise InputError(out, "文件已存在；如要覆盖，请加 --force")
    if out.exists() and out.is_dir():
        raise InputError(out, "这是一个文件夹，不是文件")
    if not out.parent.exists():
        raise InputError(out, f"文件夹“{out.parent}”不存在")
