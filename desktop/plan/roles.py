"""Unnumbered role headings (总体目标, 主要任务 …) and labelled blocks inside items (目标任务：…).

A plan's outline is not only its numbered markers. Many plans open with 指导思想 / 总体目标 /
主要任务 as unnumbered headings, and some write every item as 目标任务：… 工作措施：… blocks.
The names are data here, with a general pattern for role headings standing alone on a line, so
an unseen plan with 年度重点工作 or 保障措施 still gets a sensible outline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.plan.charclass import HAN

ROLE_NAMES = frozenset(
    [
        "总体要求",
        "指导思想",
        "总体思路",
        "工作思路",
        "基本思路",
        "主要目标",
        "总体目标",
        "工作目标",
        "发展目标",
        "目标任务",
        "主要任务",
        "重点任务",
        "工作重点",
        "重点工作",
        "年度工作目标",
        "年度工作重点",
        "年度重点工作",
        "年度目标",
        "主要工作",
        "工作任务",
        "保障措施",
        "工作要求",
        "工作原则",
        "基本原则",
        "组织保障",
        "主要举措",
        "重点举措",
        "主要内容",
    ]
)
BLOCK_NAMES = frozenset(
    [
        "目标任务",
        "工作措施",
        "主要措施",
        "具体措施",
        "工作目标",
        "工作举措",
        "重点举措",
        "推进措施",
        "主要举措",
        "责任单位",
        "牵头单位",
        "责任科室",
        "责任处室",
        "配合单位",
        "协同单位",
        "完成时限",
        "完成时间",
        "时间节点",
        "进度安排",
        "预期成效",
        "预期目标",
        "考核指标",
        "工作要求",
        "具体任务",
    ]
)

# A short label at the start of a line, with an optional colon and text after it.
_LABEL = re.compile(rf"({HAN}{{2,8}})[ \t\u3000]*([：:]?)")
# A role heading standing alone on a line: a short phrase ending in one of these role words.
_ROLE_ALONE = re.compile(rf"{HAN}{{0,6}}(?:要求|思想|思路|目标|任务|重点|措施|保障|原则|举措)")


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
    is_role = name in ROLE_NAMES or (not rest and len(name) <= 8 and bool(_ROLE_ALONE.fullmatch(name)))
    is_block = name in BLOCK_NAMES
    if not (is_role or is_block):
        return None
    return Label(name=name, start=0, colon=colon, inline_text=bool(rest), is_role=is_role, is_block=is_block)
