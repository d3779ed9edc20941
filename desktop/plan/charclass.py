"""A cheap regular-expression class for "a Chinese character", shared by the reading modules.

``[\\u4e00-\\u9fff]`` is exact but costs about a millisecond to compile (the regex compiler walks
all 20,992 code points to build its table), and the reading path compiles dozens of patterns at
start-up, which every ``plandesk outline`` pays. ``HAN`` — any character outside ASCII, general
punctuation, CJK punctuation and full-width forms — compiles in microseconds and, in plan text,
matches the same characters: what else is there is Chinese.
"""

from __future__ import annotations

HAN = r"[^\x00-\x7f\u2000-\u206f\u3000-\u303f\uff00-\uffef\s]"
"""One Chinese character (and the rare other letter outside ASCII), never punctuation or space."""


def is_han(ch: str) -> bool:
    """The same test for one character, without a regex."""
    return "\u4e00" <= ch <= "\u9fff"
