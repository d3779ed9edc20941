"""What a comparison of two plans returns: units, pairs, target changes, carried-over text.

Everything here is a plain frozen value that points back into one of the two texts by span, so
the CLI can print lines and the GUI can jump into the draft. Nodes are referred to by their index
in document order (``Unit.index``), never by Node equality, which would be slow and would make two
identical items of a long document equal.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from enum import Enum

from desktop.plan.model import Node, Plan, Span, Target


class ChangeKind(str, Enum):
    """What happened to a node between last year's plan and the draft."""

    UNCHANGED = "unchanged"
    EDITED = "edited"
    MOVED = "moved"
    ADDED = "added"
    REMOVED = "removed"

    @property
    def label(self) -> str:
        """The Chinese word shown to the writer."""
        return _LABELS[self]


_LABELS = {
    ChangeKind.UNCHANGED: "未改",
    ChangeKind.EDITED: "修改",
    ChangeKind.MOVED: "移动",
    ChangeKind.ADDED: "新增",
    ChangeKind.REMOVED: "删除",
}


@dataclass(frozen=True, slots=True)
class Unit:
    """A node of one plan as the comparison sees it: its place, its own text, its parent."""

    index: int  # position in the plan's depth-first walk
    node: Node
    path: str  # markers (or role headlines) from the top: "二、/7."
    parent: int | None  # index of the parent unit, None at the top
    is_section: bool  # has children (a heading that holds items) rather than being an item
    text: str  # own text without the marker, lines stripped, as compared

    @property
    def line(self) -> int:
        return self.node.line

    @property
    def headline(self) -> str:
        return self.node.headline

    @property
    def unit_kind(self) -> str:
        return "section" if self.is_section else "item"


@dataclass(frozen=True, slots=True)
class DiffOp:
    """One step of a character-level diff: ``equal``, ``insert``, ``delete`` or ``replace``."""

    op: str
    old: str
    new: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "old": self.old, "new": self.new}


@dataclass(frozen=True, slots=True)
class Pair:
    """A node of last year's plan matched with a node of the draft."""

    old: Unit
    new: Unit
    similarity: float  # 0..1, cosine of the TF-IDF word vectors (1.0 for identical text)
    kind: ChangeKind  # UNCHANGED, EDITED or MOVED
    edited: bool  # the text differs (also true for a moved and edited node)
    other_section: bool  # moved under a different heading (not just to another position)
    diff: tuple[DiffOp, ...] = ()  # character diff of the own texts, empty when unchanged


@dataclass(frozen=True, slots=True)
class TargetChange:
    """A quantitative target whose number changed, or that is new or dropped."""

    kind: str  # "changed", "new" or "dropped"
    subject: str
    unit: str
    old: Target | None
    new: Target | None
    order: tuple[int, int] = (0, 0)  # (row, offset): where it sits among the comparison's rows


@dataclass(frozen=True, slots=True)
class CarriedOver:
    """Draft text copied unchanged from last year that still speaks of last year."""

    span: Span  # the sentence in the draft
    line: int
    term: str  # what dates it: "2023年", "第39个教师节", "开局之年"
    term_span: Span
    reason: str  # Chinese explanation for the writer
    excerpt: str


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the side-by-side view: a pair, or a node present on one side only."""

    old: Unit | None
    new: Unit | None
    kind: ChangeKind
    pair: Pair | None = None


@dataclass(frozen=True)
class Comparison:
    """The result of ``compare_plans(old, new)``."""

    old_plan: Plan
    new_plan: Plan
    old_units: tuple[Unit, ...]
    new_units: tuple[Unit, ...]
    pairs: tuple[Pair, ...]  # in the draft's order
    added: tuple[Unit, ...]  # draft nodes with no partner, in the draft's order
    removed: tuple[Unit, ...]  # last year's nodes with no partner, in last year's order
    target_changes: tuple[TargetChange, ...]
    carried_over: tuple[CarriedOver, ...]
    threshold: float
    rows: tuple[Row, ...] = field(default=())

    def summary(self) -> dict[str, int]:
        """Counts for the header line: rows of each kind and the targets that changed."""
        counts = {kind.value: 0 for kind in ChangeKind}
        for row in self.rows:
            counts[row.kind.value] += 1
        counts["targets_changed"] = sum(1 for t in self.target_changes if t.kind == "changed")
        counts["targets_new"] = sum(1 for t in self.target_changes if t.kind == "new")
        counts["targets_dropped"] = sum(1 for t in self.target_changes if t.kind == "dropped")
        counts["carried_over"] = len(self.carried_over)
        return counts

    def summary_line(self) -> str:
        """未改 n，修改 n，移动 n，新增 n，删除 n，指标变化 n: the one header the report and the GUI show."""
        s = self.summary()
        line = "，".join(f"{kind.label} {s[kind.value]}" for kind in ChangeKind)
        line += f"，指标变化 {s['targets_changed']}"
        if s["carried_over"]:
            line += f"，沿用去年表述 {s['carried_over']}"
        return line


def similarity_label(similarity: float) -> str:
    """“相似度 87%” for an edited pair, as the window and ``plandesk compare`` both say it: a
    similarity named as one (a bare “100%” beside 修改 reads as “all changed”), rounded down,
    and never 100% for an edit (the words of 2023 for 2022 can score 1.0, yet the text changed)."""
    percent = math.floor(similarity * 100)
    return f"相似度 {percent}%" if percent < 100 else "相似度 >99%"
