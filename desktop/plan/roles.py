"""Unnumbered role headings (总体目标, 主要任务 …) and labelled blocks inside items (目标任务：…).

A plan's outline is not only its numbered markers. Many plans open with 指导思想 / 总体目标 /
主要任务 as unnumbered headings, and some write every item as 目标任务：… 工作措施：… blocks.
The names are data (``resources/plan_words.yaml``, read on the first label), with a general
pattern for role headings standing alone on a line, so an unseen plan with 年度重点工作 or
保障措施 still gets a sensible outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.plan.charclass import HAN
from desktop.plan.plan_words import alternation, words

# A short label at the start of a line, with an optional colon and text after it.
_LABEL = re.compile(rf"({HAN}{{2,8}})[ \t\u3000]*([：:]?)")


@lru_cache(maxsize=1)
def _names() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """Role names, block names, and the pattern of a role heading standing alone on a line (a short
    phrase ending in a role word): ``roles`` and ``blocks`` of ``resources/plan_words.yaml``."""
    alone = rf"{HAN}{{0,6}}(?:{alternation(words('roles', 'alone_suffixes'))})"
    return frozenset(words("roles", "names")), frozenset(words("blocks", "names")), re.compile(alone)


def role_names() -> frozenset[str]:
    """Names that make a role heading wherever they stand (总体目标, 主要任务 …)."""
    return _names()[0]


@dataclass(frozen=True, slots=True)
class Label:
    """A label that opens a line: its name, where it starts, and how it is used."""

    name: str
    start: int  # offset of the name in the line (after indentation)
    colon: str  # "：", ":" or ""
    inline_text: bool  # text follows the label on the same line
    is_role: bool
    is_block: bool


def match_label(line: str) -> Label | None:
    """A role heading or block label at the start of ``line`` (indentation already stripped)."""
    m = _LABEL.match(line)
    if not m:
        return None
    name, colon = m.group(1), m.group(2)
    rest = line[m.end() :].strip()
    if not colon and rest:
        return None  # 主要目标是… is a sentence, not a label
    roles, blocks, alone = _names()
    is_role = name in roles or (not rest and len(name) <= 8 and bool(alone.fullmatch(name)))
    is_block = name in blocks
    if not (is_role or is_block):
        return None
    return Label(name=name, start=0, colon=colon, inline_text=bool(rest), is_role=is_role, is_block=is_block)
