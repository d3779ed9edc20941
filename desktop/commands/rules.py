"""``plandesk rules``: every rule with its code, default severity and one-line description."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")
    parser.add_argument("--options", action="store_true", help="同时列出每条规则的参数、默认值和含义")


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
    for r in ALL_RULES:
        print(f"{r.code}  {r.severity.label}  {r.title}：{r.description()}（依据：{r.basis}）")
        if args.options:
            for o in r.options:
                print(f"      {r.code}.{o.name}（默认 {o.default}）：{o.help}")
    print(f"共 {len(ALL_RULES)} 条规则")
    return 0
