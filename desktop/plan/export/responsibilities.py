"""Who leads, who takes part, and by when: the labelled parts a plan writes after an item.

Plans that assign their work say so after the item, in brackets or on their own::

    …理论学习制度。（牵头单位：组织人事科；责任单位：各学校；完成时限：2025年12月）
    …落实中心组学习列席旁听制度。（责任科室：组干科、机关党委）
    …用党的创新理论铸魂育人。(牵头处室:宣传处,责任处室:基础教育处、学生工作处)
    责任单位：区域教育中心建设专班

(shapes found in published plans: the corpus and the search store's pages). Parts are separated by
；，or their half-width forms, a value runs to the next label, the closing bracket, a full stop or
the line's end, and a bracket the copy left open at the item's end still counts. The labels are
data (``task_table`` in ``resources/plan_words.yaml``): ``时限`` alone counts only inside brackets,
where it cannot be the running text's own word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from desktop.plan.plan_words import alternation, words

_OPEN, _CLOSE = "（(", "）)"
_SEPARATORS = " \u3000；;，,、。"


@dataclass(frozen=True)
class Responsibilities:
    lead: str = ""
    responsible: str = ""
    deadline: str = ""
    cut: tuple[tuple[int, int], ...] = ()  # spans of the text that said so, to leave out of 主要内容


@dataclass(frozen=True)
class _Labels:
    lead: frozenset[str]
    responsible: frozenset[str]
    inline: frozenset[str]  # labels that count outside brackets too
    label: re.Pattern[str]


@lru_cache(maxsize=1)
def _labels() -> _Labels:
    lead, responsible = words("task_table", "lead"), words("task_table", "responsible")
    deadline, inline = words("task_table", "deadline"), words("task_table", "deadline_inline")
    every = alternation(lead + responsible + deadline)
    return _Labels(
        lead=frozenset(lead),
        responsible=frozenset(responsible),
        inline=frozenset(lead + responsible + inline),
        # A label starts a part: at a line's start, after a bracket, a separator or a full stop.
        label=re.compile(rf"(?:^|(?<=[（(；;，,。\s]))({every})[ \t\u3000]*[：:][ \t\u3000]*", re.M),
    )


def find_responsibilities(text: str) -> Responsibilities:
    """The 牵头/责任/时限 an item's own text states, joined with 、 when it states several."""
    labels = _labels()
    found = [m for m in labels.label.finditer(text) if _counts(text, m, labels)]
    if not found:
        return Responsibilities()
    parts: dict[str, list[str]] = {"lead": [], "responsible": [], "deadline": []}
    cut: list[tuple[int, int]] = []
    for index, match in enumerate(found):
        end = _value_end(text, match.end(), found[index + 1].start() if index + 1 < len(found) else len(text))
        value = text[match.end() : end].strip(_SEPARATORS)
        label = match.group(1)
        kind = (
            "lead" if label in labels.lead else "responsible" if label in labels.responsible else "deadline"
        )
        if value and value not in parts[kind]:
            parts[kind].append(value)
        cut.append(_part_span(text, match.start(), end))
    return Responsibilities(
        lead="、".join(parts["lead"]),
        responsible="、".join(parts["responsible"]),
        deadline="、".join(parts["deadline"][:1]),
        cut=_merge(cut),
    )


def without(text: str, cut: tuple[tuple[int, int], ...]) -> str:
    """``text`` with the spans in ``cut`` taken out."""
    out, last = [], 0
    for start, end in cut:
        out.append(text[last:start])
        last = end
    out.append(text[last:])
    return "".join(out)


def _counts(text: str, match: re.Match[str], labels: _Labels) -> bool:
    return match.group(1) in labels.inline or _open_bracket(text, match.start()) >= 0


def _open_bracket(text: str, position: int) -> int:
    """Where the bracket open at ``position`` starts on its line, or −1 when none is open."""
    line_start = text.rfind("\n", 0, position) + 1
    depth, opened = 0, -1
    for index in range(position - 1, line_start - 1, -1):
        ch = text[index]
        if ch in _CLOSE:
            depth += 1
        elif ch in _OPEN:
            if depth == 0:
                opened = index
                break
            depth -= 1
    return opened


def _value_end(text: str, start: int, limit: int) -> int:
    """A value runs to the next label, a closing bracket, a full stop or the line's end."""
    end = limit
    for stop in ("\n", "。", *_CLOSE):
        found = text.find(stop, start, end)
        if found >= 0:
            end = found
    return end


def _part_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span to leave out for one part: the whole bracket when the part is in one, with the
    closing bracket; otherwise the part itself and the separator before it."""
    opened = _open_bracket(text, start)
    if opened >= 0:
        close = end if end < len(text) and text[end] in _CLOSE else -1
        return opened, close + 1 if close >= 0 else end
    while start > 0 and text[start - 1] in "；;，, \u3000":
        start -= 1
    if end < len(text) and text[end] in "。；;" and (start == 0 or text[start - 1] in "\n。"):
        end += 1  # a sentence of its own (完成时间：8月底前。) goes with its full stop
    return start, end


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
