"""``plandesk themes FILE``: the theme checklist of a plan, next to what peer plans cover.

Exit status: 0 whatever the coverage (a missing theme is a content choice, never an error: rule
T001 in ``plandesk check`` is a warning), 2 when the input cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.plan.errors import InputError

_MARK = {"covered": "✔", "weak": "△", "missing": "✘"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="要点文件（.txt、.docx 或 .plan.yaml）")
    parser.add_argument("--json", action="store_true", help="输出 JSON（供程序使用）")
    parser.add_argument(
        "--peers",
        metavar="DIR",
        help="范本文件夹（.txt、.docx；默认使用参考资料库中的范本，没有时用内置范本）",
    )
    parser.add_argument(
        "--expected-share",
        type=float,
        metavar="P",
        help="非必备主题被多少比例的范本覆盖时列为“范本普遍覆盖”（默认 0.6）",
    )


def run(args: argparse.Namespace) -> int:
    from checks.themes import peer_stats, report_to_dict, themes_report
    from desktop.plan.read.loader import load_plan

    if args.expected_share is not None and not 0 < args.expected_share <= 1:
        raise InputError(None, f"比例“{args.expected_share}”无效，应在 0 到 1 之间")
    source, plan = load_plan(args.file)
    peers = peer_stats(Path(args.peers) if args.peers else None)
    report = themes_report(plan, peers, expected_share=args.expected_share)
    if args.json:
        data = {"file": str(args.file), **report_to_dict(report, source.source_line)}
        data["skipped_peers"] = list(peers.skipped)
        data["peers_folder"] = peers.folder
        data["peers_note"] = peers.note
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(
            report_text(str(args.file), report, source.source_line, peers.skipped, peers.folder, peers.note)
        )
    return 0


def _where_peers(folder: str) -> str:
    """Which peer set was used: the writer's library, the shipped one, a folder given, or the
    library joined with the shipped peers (``folder`` then lists both, os.pathsep between)."""
    import os

    from checks.themes.peers import DEFAULT_PEERS

    def one(part: str) -> str:
        if not part or Path(part) == DEFAULT_PEERS:
            return "内置范本"
        if Path(part).parent.name == "references" and Path(part).name == "peer":
            return "参考资料库"
        return part

    return "，来自" + "和".join(dict.fromkeys(one(part) for part in folder.split(os.pathsep)))


def report_text(name: str, report, source_line, skipped, folder: str = "", note: str = "") -> str:
    """The human checklist: required and expected themes first, then the rest and the phrases."""
    out = [f"{name} 主题覆盖（范本 {report.peers_total} 篇{_where_peers(folder)}）", ""]
    groups = (
        ("必备主题", lambda r: r.required),
        ("范本普遍覆盖的主题", lambda r: r.expected),
        ("其他主题", lambda r: not r.on_checklist),
    )
    for title, keep in groups:
        rows = [r for r in report.rows if keep(r)]
        if not rows:
            continue
        out.append(title)
        for row in rows:
            cov = row.coverage
            lines = sorted({source_line(m.line) for m in cov.mentions})
            where = "、".join(str(n) for n in lines[:8]) + ("…" if len(lines) > 8 else "")
            peers = f"范本 {row.peers_covering}/{row.peers_total}" if row.peers_total else ""
            detail = f"第 {where} 行" if lines else ""
            out.append(
                f"  {_MARK[cov.status.value]} {cov.theme.name}：{cov.status.label}  {detail}  {peers}".rstrip()
            )
            if cov.parts_missing:
                out.append(f"      缺少：{'、'.join(cov.parts_missing)}")
            if cov.parts_weak:
                out.append(f"      仅顺带提及：{'、'.join(cov.parts_weak)}")
        out.append("")
    if report.suggestions:
        out.append("范本常说而本文没有说的")
        for item in report.suggestions:
            users = "、".join(str(u) for u in item["peers"])  # the peers' own names (issuer, year, title)
            out.append(f"  {item['phrase']}（{item['peers_count']} 篇：{users}）")
        out.append("")
    if note:
        out.append(note)
    for item in skipped:
        out.append(f"未能读取范本：{item['problem']}")
    return "\n".join(out).rstrip("\n") + "\n"
