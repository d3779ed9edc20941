"""``plandesk export FILE -o OUT.docx [--notice …] [--pdf] [--tasks] [--template PATH] [--force]``.

Writes the plan in the official layout (GB/T 9704-2012); with ``--notice`` as the 附件 of an 印发通知
printed with its 版头 (发文机关标志, 发文字号, red rule); with ``--tasks`` its task breakdown table;
with ``--pdf`` also a PDF beside the .docx, rendered by LibreOffice. The input is never
overwritten, an existing output only with ``--force``, and files are written beside their final
name and renamed, so an interrupted export leaves nothing half-written. Text the official layout
must not carry, and a 版记 missing its 印发 row, are listed first; they are the writer's to fix,
the export does not rewrite the text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.plan.errors import InputError

EPILOG = """印发通知（版头，GB/T 9704 7.2）：
  --notice 把要点作为附件，前面加印发通知和版头：红色发文机关标志、发文字号、红色分隔线。
  原稿带有印发通知时用原稿的通知正文，否则按“关于印发《标题》的通知”生成。
  份号、密级、紧急程度默认不印，需要时用对应选项给出。
例：
  plandesk export 要点.txt -o 要点.docx --notice --number "某教发〔2026〕1号" --pdf
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.epilog = EPILOG
    parser.add_argument("file", help="要点文件（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("-o", "--output", required=True, help="导出的 Word 文件（.docx）")
    parser.add_argument(
        "--template", help="公文模板（.docx，默认 templates/official.docx）；同名 .yaml 为导出配置"
    )
    parser.add_argument("--tasks", action="store_true", help="导出任务分解表（横向表格），而不是公文")
    parser.add_argument("--notice", action="store_true", help="导出带版头的印发通知，要点作为附件")
    parser.add_argument("--sign", default="", help="发文机关标志（默认：发文机关＋“文件”）")
    parser.add_argument("--number", default="", help="发文字号，如 某教发〔2026〕1号")
    parser.add_argument("--copy-no", default="", help="份号（可选，默认不印）")
    parser.add_argument("--secrecy", default="", help="密级和保密期限（可选，默认不印）")
    parser.add_argument("--urgency", default="", help="紧急程度（可选，默认不印）")
    parser.add_argument("--pdf", action="store_true", help="同时导出 PDF（需要安装 LibreOffice）")
    parser.add_argument("--force", action="store_true", help="输出文件已存在时覆盖它")


def run(args: argparse.Namespace) -> int:
    source_path = Path(args.file)
    out = Path(args.output)
    template = Path(args.template) if args.template else None
    pdf_out = out.with_suffix(".pdf") if args.pdf else None
    _check_output(source_path, out, bool(args.force))
    if pdf_out is not None:
        _check_output(source_path, pdf_out, bool(args.force), suffix=".pdf")
    if template is not None and not template.is_file():
        raise InputError(template, "模板文件不存在")
    if args.notice and args.tasks:
        raise InputError(None, "--notice 与 --tasks 不能同时使用")

    from desktop.plan.read.loader import load_plan

    source, plan = load_plan(source_path)

    from checks.blockers import export_blockers
    from desktop.plan.export.closing import banji_warnings
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
    if not args.tasks:
        for warning in banji_warnings(plan):
            print(f"提示：{warning}", file=sys.stderr)

    if args.tasks:
        from desktop.plan.export.task_table import build_task_document

        document = build_task_document(plan, template)
    else:
        from desktop.plan.export.docx_writer import build_document
        from desktop.plan.export.notice import NoticeHead

        head = None
        if args.notice:
            head = NoticeHead(args.sign, args.number, args.copy_no, args.secrecy, args.urgency)
            from desktop.plan.export.notice import head_warnings

            for warning in head_warnings(head):
                print(f"提示：{warning}", file=sys.stderr)
        document = build_document(plan, template, head)
    try:
        save_atomically(document, out)
    except OSError as exc:
        raise InputError(out, f"无法写入（{exc.strerror or type(exc).__name__}）") from None
    what = "任务分解表" if args.tasks else ("印发通知" if args.notice else "公文")
    print(f"已导出{what}：{out}")
    if pdf_out is not None:
        from desktop.plan.export.pdf import convert_to_pdf

        convert_to_pdf(out, pdf_out)
        print(f"已导出 PDF：{pdf_out}")
    return 0


def _check_output(source: Path, out: Path, force: bool, suffix: str = ".docx") -> None:
    """Refuse what would lose work: the input itself, an existing file, a missing folder."""
    if out.suffix.lower() != suffix:
        raise InputError(out, f"输出文件应以 {suffix} 结尾")
    if source.exists() and out.exists() and source.resolve() == out.resolve():
        raise InputError(out, "输出文件就是输入文件，导出不会覆盖原稿，请换一个文件名")
    if out.exists() and not force:
        raise InputError(out, "文件已存在；如要覆盖，请加 --force")
    if out.exists() and out.is_dir():
        raise InputError(out, "这是一个文件夹，不是文件")
    if not out.parent.exists():
        raise InputError(out, f"文件夹“{out.parent}”不存在")
