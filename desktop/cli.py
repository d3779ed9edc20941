"""The ``plandesk`` command: the desktop app by default, and sub-commands for the same core.

Each sub-command lives in ``desktop/commands/<name>.py`` with ``add_arguments`` and ``run``; this
module only dispatches, importing the chosen command alone, so ``plandesk outline`` never pays
for Qt or jieba.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import sys

COMMANDS = {
    "outline": "显示要点的提纲结构",
    "check": "检查编号、标点、数字、年份届次和用语",
    "rules": "列出全部检查规则",
    "themes": "检查必备主题的覆盖情况",
    "compare": "与上一年度要点逐条比对",
    "align": "对标上级要点：逐项查看上级任务在草稿中的回应",
    "refs": "参考资料库：列出、添加、删除范本和上级要点",
    "export": "导出符合 GB/T 9704 的 Word 公文",
}


def _configure_stdio() -> None:
    """Chinese output must not crash a console whose encoding is not UTF-8 (older Windows)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="replace")


def unknown_command(argv: list[str]) -> str | None:
    """The Chinese message for ``plandesk chek x.txt``: a first word that is neither a command
    nor a file, with more after it, is a mistyped command, not a file to open."""
    if len(argv) < 2 or argv[0].startswith("-") or argv[0] in COMMANDS:
        return None
    from pathlib import Path

    word = argv[0]
    if Path(word).exists() or any(ch in word for ch in "./\\"):
        return None
    import difflib

    close = difflib.get_close_matches(word, list(COMMANDS), n=1)
    hint = f"是不是“{close[0]}”？" if close else "可用的子命令：" + "、".join(COMMANDS)
    return f"plandesk：没有“{word}”这个子命令，也没有这个文件；{hint}"


def build_parser(argv: list[str]) -> tuple[argparse.ArgumentParser, str | None]:
    from desktop import cli_words

    cli_words.install()
    parser = argparse.ArgumentParser(
        prog="plandesk", description="要点编写助手：年度教育工作要点的编写与检查"
    )
    name = argv[0] if argv and argv[0] in COMMANDS else None
    if name is None:
        parser.add_argument("file", nargs="?", help="要打开的文件（.txt、.docx 或 .plan.yaml）")
        parser.add_argument(
            "--screenshot", metavar="OUT.png", help="打开文件、等待检查完成后把主窗口保存为图片并退出"
        )
        parser.epilog = "子命令：" + "；".join(f"{k}（{v}）" for k, v in COMMANDS.items())
        return parser, None
    sub = parser.add_subparsers(dest="command")
    command_parser = sub.add_parser(name, help=COMMANDS[name], description=COMMANDS[name])
    module = importlib.import_module(f"desktop.commands.{name}")
    module.add_arguments(command_parser)
    return parser, name


def main(argv: list[str] | None = None) -> int:
    _configure_stdio()
    if argv is None:  # a process of its own (plandesk, python -m desktop, the frozen app), not a caller's
        from desktop import code_cache, regex_cache

        regex_cache.install()  # the compiled regexes of earlier runs: some 90 ms of every check
        code_cache.install()  # the dataclasses' compiled methods: some 20 ms of every start
    argv = list(sys.argv[1:] if argv is None else argv)
    mistyped = unknown_command(argv)
    if mistyped is not None:
        print(mistyped, file=sys.stderr)
        return 2
    parser, name = build_parser(argv)
    args = parser.parse_args(argv)
    if name is None:
        from desktop.app.launch import run

        return run(args.file, args.screenshot)
    module = importlib.import_module(f"desktop.commands.{name}")
    from desktop.plan.errors import InputError

    try:
        return int(module.run(args))
    except InputError as error:
        # Every command's unusable input ends the same way: the Chinese message, exit 2.
        print(f"plandesk: {error.message}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `plandesk outline x | head`: the reader left; that is not an error of ours.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
