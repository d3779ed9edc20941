"""``plandesk rules``: every rule with its code, default severity and one-line description."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")


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
            }
            for r in ALL_RULES
        ]
        json.dump({"rules": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for r in ALL_RULES:
        print(f"{r.code}  {r.severity.label}  {r.title}：{r.description()}（依据：{r.basis}）")
    print(f"共 {len(ALL_RULES)} 条规则")
    return 0
