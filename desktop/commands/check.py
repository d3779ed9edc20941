"""``plandesk check FILE``: run the checks and print compiler-style lines or the JSON contract.

Lines read ``file:line:col: CODE 消息``, grouped by severity (errors first), then a summary.
Line numbers are the file's own (``Source.source_line``), so an editor can jump to them.
Exit status: 0 without errors, 1 with at least one error, 2 when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.plan.errors import InputError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="要点文件（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")
    parser.add_argument("--year", type=int, help="计划年度（默认取标题或元数据中的年份）")
    parser.add_argument("--select", metavar="CODES", help="只运行这些规则（代码或前缀，逗号分隔，如 S,P002）")
    parser.add_argument("--ignore", metavar="CODES", help="不运行这些规则（代码或前缀，逗号分隔）")
    parser.add_argument("--config", metavar="FILE", help="检查配置文件（YAML）")


def run(args: argparse.Namespace) -> int:
    from checks.config import CheckConfig, config_from_mapping, load_config
    from checks.finding import Severity
    from checks.run import run_checks
    from desktop.plan.read.loader import load_plan

    config = load_config(args.config) if args.config else CheckConfig.defaults()
    if args.year is not None and not 1900 < args.year < 2200:
        raise InputError(None, f"年度“{args.year}”无效，应为四位数年份")
    given = {"select": args.select, "ignore": args.ignore, "year": args.year}
    # The same validation as a config file: a misspelt code is an error, never an empty run.
    config = config_from_mapping({k: v for k, v in given.items() if v is not None}, config)
    source, plan = load_plan(args.file)
    findings = run_checks(plan, config)
    year = config.year if config.year is not None else plan.metadata.year
    summary = {s.value: sum(1 for f in findings if f.severity is s) for s in Severity}
    if args.json:
        rows = []
        for finding in findings:
            row = finding.to_dict()
            row["line"], row["column"] = source.position(finding.line, finding.column)
            row["end_line"], row["end_column"] = source.position(finding.end_line, finding.end_column)
            rows.append(row)
        data = {"file": str(args.file), "year": year, "findings": rows, "summary": summary}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report_text(str(args.file), findings, source.position, summary))
    return 1 if summary["error"] else 0


def report_text(name: str, findings: list, position, summary: dict[str, int]) -> str:
    """The human report: findings grouped by severity, most severe first, then a summary line.

    ``position(line, column)`` gives the file's own line and column (``Source.position``)."""
    from checks.finding import Severity

    out: list[str] = []
    for severity in sorted(Severity, key=lambda s: -s.rank):
        group = [f for f in findings if f.severity is severity]
        if not group:
            continue
        out.append(f"{severity.label}（{len(group)}）")
        for f in group:
            fixable = "［可自动改正］" if f.fix or f.fixes else ""
            line, column = position(f.line, f.column)
            out.append(f"{name}:{line}:{column}: {f.code} {f.message}{fixable}")
            out.append(f"    {f.excerpt}")
        out.append("")
    total = sum(summary.values())
    if total:
        out.append(
            f"共 {total} 个问题：错误 {summary['error']}，警告 {summary['warning']}，提示 {summary['info']}"
        )
    else:
        out.append("未发现问题")
    return "\n".join(out) + "\n"
