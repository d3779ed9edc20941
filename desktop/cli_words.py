"""argparse's own words in Chinese: usage, headings, and the errors it prints itself.

argparse writes "usage:", "options:", "show this help message and exit" and its error messages
through gettext; a writer who mistypes a flag should read Chinese like the rest of ``plandesk``.
Its module-level ``_`` and ``ngettext`` are looked up at call time, so replacing them translates
every parser, with the English passed through for anything not listed here (a newer Python's
new message stays readable, never broken).
"""

from __future__ import annotations

import argparse

WORDS = {
    "usage: ": "用法：",
    "positional arguments": "位置参数",
    "options": "选项",
    "optional arguments": "选项",
    "show this help message and exit": "显示本帮助并退出",
    "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
    "the following arguments are required: %s": "缺少必需的参数：%s",
    "unrecognized arguments: %s": "无法识别的参数：%s",
    "invalid choice: %(value)r (choose from %(choices)s)": "无效的取值 %(value)r（可选：%(choices)s）",
    "expected one argument": "此处需要一个取值",
    "expected at most one argument": "此处至多一个取值",
    "expected at least one argument": "此处至少需要一个取值",
    "invalid %(type)s value: %(value)r": "取值无效（应为 %(type)s）：%(value)r",
    "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
    "ambiguous option: %(option)s could match %(matches)s": "选项不明确：%(option)s 可能是 %(matches)s",
    "not allowed with argument %s": "不能与参数 %s 同时使用",
    "one of the arguments %s is required": "参数 %s 中必须给出一个",
    "subcommands": "子命令",
}


def _words(message: str) -> str:
    return WORDS.get(message, message)


def _plural_words(singular: str, plural: str, count: int) -> str:
    if singular == "expected %s argument":
        return "此处需要 %s 个取值"
    return singular if count == 1 else plural


def install() -> None:
    """Make every argparse parser of this process speak Chinese."""
    argparse._ = _words  # type: ignore[attr-defined]
    argparse.ngettext = _plural_words  # type: ignore[attr-defined]
