"""``plandesk outline FILE [--json]``: the outline tree, for people or for programs."""

from __future__ import annotations

import argparse
import json
import sys

from desktop.plan.model import Node, Plan
from desktop.plan.read.loader import Source


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="要点文件（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")


def run(args: argparse.Namespace) -> int:
    from desktop.plan.read.loader import load_plan

    source, plan = load_plan(args.file)
    if args.json:
        json.dump(outline_json(plan, source), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(outline_text(plan, source))
    return 0


def node_json(node: Node, source: Source | None = None) -> dict[str, object]:
    """One node in the JSON contract (level, marker, number, headline, line, children)."""
    line = source.source_line(node.line) if source else node.line
    data: dict[str, object] = {
        "level": node.level,
        "kind": node.kind.value,
        "marker": node.marker_text,
        "number": node.number,
        "style": node.style.value if node.style else None,
        "headline": node.headline,
        "line": line,
    }
    if node.blocks:
        data["blocks"] = [
            {
                "label": b.label,
                "line": source.source_line(b.line) if source else b.line,
                "points": len(b.points),
            }
            for b in node.blocks
        ]
    if node.points:
        data["points"] = len(node.points)
    data["children"] = [node_json(child, source) for child in node.children]
    return data


def outline_json(plan: Plan, source: Source | None = None) -> dict[str, object]:
    return {
        "title": plan.metadata.title,
        "year": plan.metadata.year,
        "metadata": plan.metadata.to_dict(),
        "notice": plan.notice.title if plan.notice else None,
        "nodes": [node_json(node, source) for node in plan.nodes],
    }


def outline_text(plan: Plan, source: Source | None = None) -> str:
    lines: list[str] = []
    meta = plan.metadata
    if meta.title:
        lines.append(f"《{meta.title}》" + (f"  {meta.year}年度" if meta.year else ""))
    if plan.notice:
        lines.append(f"（印发通知：{plan.notice.title}）")
    if meta.kind:
        from desktop.plan.model import PlanKind

        lines.append(f"计划类别：{PlanKind(meta.kind).label}" + (f"（{meta.issuer}）" if meta.issuer else ""))
    count = len(plan.items())
    lines.append(f"共 {sum(1 for _ in plan.walk())} 个标题，{count} 条工作事项")
    lines.append("")

    def show(node: Node, depth: int) -> None:
        line = source.source_line(node.line) if source else node.line
        label = f"{node.marker_text}{node.headline}" if node.marker else f"【{node.headline}】"
        extra = ""
        if node.blocks:
            extra = "  " + " ".join(
                f"[{b.label}{'·' + str(len(b.points)) + '点' if b.points else ''}]" for b in node.blocks
            )
        elif node.points:
            extra = f"  [{len(node.points)}点]"
        lines.append(f"{'  ' * depth}{label}{extra}  （第{line}行）")
        for child in node.children:
            show(child, depth + 1)

    for node in plan.nodes:
        show(node, 0)
    return "\n".join(lines) + "\n"
