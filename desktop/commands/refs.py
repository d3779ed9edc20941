"""``plandesk refs``: the reference library (范本 and 上级要点) from the command line.

``plandesk refs`` lists the entries; ``refs add FILE… --role peer|superior`` keeps copies (``-``
reads pasted text from standard input); ``refs remove ID…`` drops them. The same library the app's
参考资料库 dialog shows, in the app's data folder. The themes learn from the peer entries
(``plandesk themes``, when ``--peers`` is not given), the alignment reads the superior ones.

Exit status: 0, or 2 when a file cannot be used or an id is unknown (nothing is stored then).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.plan.errors import InputError

ROLE_NAMES = {
    "peer": "peer",
    "superior": "superior",
    "范本": "peer",
    "上级要点": "superior",
    "上级": "superior",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="{list,add,remove}")
    listing = actions.add_parser("list", help="列出资料库中的条目（默认）")
    adding = actions.add_parser("add", help="添加文件（.docx、.txt；“-”表示从标准输入读取粘贴的文字）")
    adding.add_argument("files", nargs="+", metavar="FILE")
    adding.add_argument("--role", required=True, help="peer（范本）或 superior（上级要点）")
    adding.add_argument("--name", help="条目名称（默认取文件名或标题）")
    removing = actions.add_parser("remove", help="按编号删除条目")
    removing.add_argument("ids", nargs="+", metavar="ID")
    for sub in (parser, listing, adding, removing):
        sub.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="输出 JSON")
        # Another library folder than the app's (a portable copy, a shared folder); tests use it too.
        sub.add_argument(
            "--library",
            metavar="DIR",
            default=argparse.SUPPRESS,
            help="资料库文件夹（默认为本机的应用数据目录）",
        )
    listing.add_argument("--role", help="只列出 peer（范本）或 superior（上级要点）")


def run(args: argparse.Namespace) -> int:
    from desktop.plan.references.library import Library

    library = Library(Path(args.library)) if getattr(args, "library", None) else Library.default()
    action = getattr(args, "action", None) or "list"
    as_json = getattr(args, "json", False)
    if action == "add":
        role = _role(args.role)
        if args.name and len(args.files) > 1:
            raise InputError(None, "一次添加多个文件时不能指定 --name")
        added = []
        for name in args.files:
            source: Path | str = sys.stdin.read() if name == "-" else Path(name)
            added.append(library.add(source, role, args.name))
        if not as_json:
            sys.stdout.write(f"已添加 {len(added)} 条：\n")
        _print(added, as_json, library)
        return 0
    if action == "remove":
        known = {entry.id for entry in library.entries()}
        unknown = [i for i in args.ids if i not in known]
        if unknown:
            raise InputError(
                None, f"资料库中没有编号为 {'、'.join(unknown)} 的条目（用 plandesk refs 查看编号）"
            )
        for entry_id in args.ids:
            library.remove(entry_id)
        if not as_json:
            sys.stdout.write(f"已删除 {len(args.ids)} 条。\n")
        else:
            json.dump({"removed": list(args.ids)}, sys.stdout, ensure_ascii=False)
            sys.stdout.write("\n")
        return 0
    role = _role(args.role) if getattr(args, "role", None) else None
    _print(library.entries(role), as_json, library)
    return 0


def _role(value: str) -> str:
    role = ROLE_NAMES.get(value.strip())
    if role is None:
        raise InputError(None, f"类别“{value}”无效，应为 peer（范本）或 superior（上级要点）")
    return role


def _print(entries, as_json: bool, library) -> None:
    from dataclasses import asdict

    from desktop.plan.model import PlanKind

    if as_json:
        rows = [{**asdict(e), "name": e.name, "path": str(library.path(e))} for e in entries]
        json.dump({"library": str(library.folder), "entries": rows}, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    if not entries:
        sys.stdout.write("参考资料库是空的。用 plandesk refs add 文件 --role peer 添加范本。\n")
        return
    for e in entries:
        kind = PlanKind(e.kind).label if e.kind else "类别未识别"
        year = f"{e.year}年" if e.year else "年份不详"
        issuer = e.issuer or "发文机关不详"
        sys.stdout.write(f"{e.id}  {e.role_label}  {e.name}  （{issuer}，{year}，{kind}）\n")
