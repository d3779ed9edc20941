"""``plandesk rules``: every rule with its code, default severity and one-line description.

``--markdown`` prints the rule reference kept in ``docs/rules.md``: one table per standard, so a
reader sees which clause of GB/T 15834, GB/T 15835, GB/T 9704 or the 公文 practice each rule covers
(a test keeps that file equal to this output).
"""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")
    parser.add_argument("--options", action="store_true", help="同时列出每条规则的参数、默认值和含义")
    parser.add_argument("--markdown", action="store_true", help="输出按依据条款分组的规则表（docs/rules.md）")


def run(args: argparse.Namespace) -> int:
    from checks.rules import ALL_RULES

    if args.json:
        rows = [
            {
                "code": r.code,
                "name": r.name,
                "title": r.title,
                "severity": r.severity.value,
                "basis": r.basis,
                "description": r.description(),
                "bad": r.bad,
                "good": r.good,
                "options": [
                    {
                        "key": f"{r.code}.{o.name}",
                        "type": o.kind.__name__,
                        "default": o.default,
                        "help": o.help,
                    }
                    for o in r.options
                ],
            }
            for r in ALL_RULES
        ]
        json.dump({"rules": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if args.markdown:
        sys.stdout.write(rules_markdown(ALL_RULES))
        return 0
    for r in ALL_RULES:
        print(f"{r.code}  {r.severity.label}  {r.title}：{r.description()}（依据：{r.basis}）")
        if args.options:
            for o in r.options:
                print(f"      {r.code}.{o.name}（默认 {o.default}）：{o.help}")
    print(f"共 {len(ALL_RULES)} 条规则")
    return 0


def _standard(basis: str) -> str:
    """The national standard a basis cites (“GB/T 15834—2011 4.13” → “GB/T 15834—2011”), else a group name."""
    for prefix in ("GB/T 15834", "GB/T 15835", "GB/T 9704"):
        if basis.startswith(prefix):
            return " ".join(basis.split(" ")[:2])
    return "公文处理条例、规范与校对实务"


def _cell(text: str) -> str:
    return text.replace("\n", "⏎").replace("|", "\\|")


def rules_markdown(rules) -> str:
    """The rule reference: per standard, a table of clause, code, severity, title and examples."""
    groups: dict[str, list] = {}
    for r in rules:
        groups.setdefault(_standard(r.basis), []).append(r)
    out = [
        "# 检查规则与依据条款",
        "",
        "由 `plandesk rules --markdown` 生成（测试保证与代码一致）。级别：错误＝确定有误；警告＝很可能有误；提示＝体例或内容建议。",
        "",
    ]
    for standard in sorted(groups, key=lambda s: (not s.startswith("GB"), s)):
        out += [
            f"## {standard}",
            "",
            "| 条款 | 规则 | 级别 | 名称 | 错误示例 | 正确示例 |",
            "|---|---|---|---|---|---|",
        ]
        for r in sorted(groups[standard], key=lambda r: (r.basis, r.code)):
            clause = r.basis[len(standard) :].strip() if r.basis.startswith(standard) else r.basis
            clause = clause or "—"
            out.append(
                f"| {clause} | {r.code} | {r.severity.label} | {r.title} | {_cell(r.bad)} | {_cell(r.good)} |"
            )
        out.append("")
    return "\n".join(out)
