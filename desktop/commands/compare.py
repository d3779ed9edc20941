"""``plandesk compare OLD NEW [--json]``: last year's plan against this year's draft, node by node.

Exit status: 0 when the comparison was made, 2 when an input cannot be used (the message names
the file). Lines are the files' own lines (for .docx, paragraph numbers).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from desktop.plan.errors import InputError

if TYPE_CHECKING:
    from desktop.plan.compare import Comparison, Pair, TargetChange, Unit
    from desktop.plan.read.loader import Source

_MARK = {"unchanged": "=", "edited": "~", "moved": "↕", "added": "+", "removed": "-"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", help="去年的要点（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("new", help="今年的草稿（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")
    parser.add_argument(
        "--threshold", type=float, metavar="S", help="两条内容至少多相似才配对（0–1，默认 0.4）"
    )


def run(args: argparse.Namespace) -> int:
    from desktop.plan.compare import DEFAULT_THRESHOLD, compare_plans
    from desktop.plan.read.loader import load_plan

    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    try:
        if not 0 < threshold <= 1:
            raise InputError(None, f"相似度阈值“{threshold}”无效，应在 0 到 1 之间")
        old_source, old_plan = load_plan(args.old)
        new_source, new_plan = load_plan(args.new)
        for source, plan in ((old_source, old_plan), (new_source, new_plan)):
            if not plan.nodes:
                raise InputError(source.path, "没有识别出任何标题或条目（如“一、”“1.”），无法逐条比对。")
    except InputError as error:
        print(f"plandesk: {error.message}", file=sys.stderr)
        return 2
    result = compare_plans(old_plan, new_plan, threshold)
    if args.json:
        data = comparison_json(result, old_source, new_source)
        data = {"old_file": str(args.old), "new_file": str(args.new), **data}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(comparison_text(result, old_source, new_source, str(args.old), str(args.new)))
    return 0


def _unit_json(unit: Unit, source: Source) -> dict[str, object]:
    return {
        "path": unit.path,
        "headline": unit.headline,
        "line": source.source_line(unit.line),
        "node": unit.unit_kind,
    }


def _pair_json(pair: Pair, old: Source, new: Source) -> dict[str, object]:
    data: dict[str, object] = {
        "old": pair.old.path,
        "new": pair.new.path,
        "similarity": round(pair.similarity, 3),
        "kind": pair.kind.value,
        "node": pair.new.unit_kind,
        "edited": pair.edited,
        "other_section": pair.other_section,
        "old_line": old.source_line(pair.old.line),
        "new_line": new.source_line(pair.new.line),
        "old_headline": pair.old.headline,
        "new_headline": pair.new.headline,
    }
    if pair.diff:
        data["diff"] = [op.to_dict() for op in pair.diff]
    return data


def _target_json(change: TargetChange, old: Source, new: Source) -> dict[str, object]:
    return {
        "subject": change.subject,
        "old": change.old.text if change.old else None,
        "new": change.new.text if change.new else None,
        "old_line": old.source_line(change.old.line) if change.old else None,
        "new_line": new.source_line(change.new.line) if change.new else None,
        "change": change.kind,
        "unit": change.unit,
        "old_value": change.old.value if change.old else None,
        "new_value": change.new.value if change.new else None,
    }


def comparison_json(result: Comparison, old: Source, new: Source) -> dict[str, object]:
    """The JSON contract of DESIGN.md (pairs, added, removed, target_changes) and more."""
    return {
        "old_year": result.old_plan.year,
        "new_year": result.new_plan.year,
        "threshold": result.threshold,
        "pairs": [_pair_json(p, old, new) for p in result.pairs],
        "added": [_unit_json(u, new) for u in result.added],
        "removed": [_unit_json(u, old) for u in result.removed],
        "target_changes": [_target_json(t, old, new) for t in result.target_changes],
        "carried_over": [
            {
                "line": new.source_line(c.line),
                "term": c.term,
                "reason": c.reason,
                "excerpt": c.excerpt,
                "path": _path_at(result, c.span.start),
            }
            for c in result.carried_over
        ],
        "summary": result.summary(),
    }


def _path_at(result: Comparison, offset: int) -> str:
    node = result.new_plan.node_at(offset)
    if node is None:
        return ""
    return next((u.path for u in result.new_units if u.node is node), "")


def comparison_text(result: Comparison, old: Source, new: Source, old_name: str, new_name: str) -> str:
    """The report for people: summary, changed rows, target changes, carried-over text."""

    def year(plan_year: int | None) -> str:
        return f"（{plan_year}年）" if plan_year else ""

    out = [
        f"比对：{old_name}{year(result.old_plan.year)} → {new_name}{year(result.new_plan.year)}",
        result.summary_line(),
        "",
    ]
    changed = [r for r in result.rows if r.kind.value != "unchanged"]
    if changed:
        out.append("逐条变化（去年 → 今年）")
    from desktop.plan.compare.model import similarity_label

    for row in changed:
        mark = _MARK[row.kind.value]
        if row.pair is not None:
            pair = row.pair
            where = f"{pair.old.path} → {pair.new.path}"
            lines = f"第 {old.source_line(pair.old.line)} → {new.source_line(pair.new.line)} 行"
            note = similarity_label(pair.similarity)
            if pair.kind.value == "moved":
                note = (
                    ("移到其他部分" if pair.other_section else "调整了位置")
                    + ("并修改，" if pair.edited else "，")
                    + note
                )
            out.append(f"  {mark} {where}  {pair.new.headline}  （{note}；{lines}）")
        elif row.new is not None:
            out.append(
                f"  {mark} {row.new.path}  {row.new.headline}  （新增；今年第 {new.source_line(row.new.line)} 行）"
            )
        elif row.old is not None:
            out.append(
                f"  {mark} {row.old.path}  {row.old.headline}  （删除；去年第 {old.source_line(row.old.line)} 行）"
            )
    if changed:
        out.append("")
    if result.target_changes:
        out.append("指标变化")
        for change in result.target_changes:
            if change.kind == "changed" and change.old and change.new:
                out.append(
                    f"  {change.subject} {change.old.text} → {change.new.text}"
                    f"  （第 {old.source_line(change.old.line)} → {new.source_line(change.new.line)} 行）"
                )
            elif change.new is not None:
                out.append(
                    f"  + {change.subject} {change.new.text}  （新增；今年第 {new.source_line(change.new.line)} 行）"
                )
            elif change.old is not None:
                out.append(
                    f"  - {change.subject} {change.old.text}  （删去；去年第 {old.source_line(change.old.line)} 行）"
                )
        out.append("")
    if result.carried_over:
        out.append("原样沿用、仍指向去年的表述（请核对）")
        for item in result.carried_over:
            out.append(f"  第 {new.source_line(item.line)} 行：{item.reason}——“{item.excerpt}”")
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
