"""Structural edits of the outline as text edits: move, insert, delete, promote, demote.

The text stays the single source of truth, so a structural change is a rewrite of the text: the
lines of a node (with its children) are cut and pasted, their markers restyled to the level they
land on, and then the core's ``renumber`` makes every number consistent again. No Qt here: the
outline view turns the returned text into one undoable edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.plan.markers import format_marker
from desktop.plan.model import MarkerStyle, Node, NodeKind, Plan

PLACEHOLDER = "（在此输入内容）"
_STYLE_ORDER = sorted(MarkerStyle, key=lambda s: s.rank)


class Position(str, Enum):
    BEFORE = "before"
    AFTER = "after"
    CHILD = "child"  # as the last child of the target


@dataclass(frozen=True)
class Edit:
    """The new text of the draft and the offset the cursor should go to; ``select_end`` when the
    text from ``offset`` to it should be selected (an inserted placeholder, to be typed over)."""

    text: str
    offset: int
    select_end: int | None = None


class OutlineEditor:
    """Computes structural edits of one parsed plan."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.text = plan.text
        self._parent: dict[int, Node | None] = {}
        self._depth: dict[int, int] = {}  # numbered depth: numbered ancestors, self included
        self._styles: dict[int, MarkerStyle] = {}

        def visit(nodes: tuple[Node, ...], parent: Node | None, depth: int) -> None:
            for node in nodes:
                own = depth + (1 if node.kind is NodeKind.NUMBERED else 0)
                self._parent[id(node)] = parent
                self._depth[id(node)] = own
                if node.marker is not None:
                    self._styles.setdefault(own, node.marker.style)
                visit(node.children, node, own)

        visit(plan.nodes, None, 0)

    # Queries ------------------------------------------------------------------------------
    def parent(self, node: Node) -> Node | None:
        return self._parent.get(id(node))

    def depth(self, node: Node) -> int:
        return self._depth[id(node)]

    def siblings(self, node: Node) -> tuple[Node, ...]:
        parent = self.parent(node)
        return parent.children if parent is not None else self.plan.nodes

    def style_for_depth(self, depth: int) -> MarkerStyle:
        """The style this document uses at a numbered depth, or the next one down GB/T 9704's chain."""
        if depth in self._styles:
            return self._styles[depth]
        known = [d for d in self._styles if d < depth]
        if known:
            deepest = self._styles[max(known)]
            rank = deepest.rank + (depth - max(known))
            return _STYLE_ORDER[min(rank, len(_STYLE_ORDER)) - 1]
        return _STYLE_ORDER[min(depth, len(_STYLE_ORDER)) - 1]

    def node_range(self, node: Node) -> tuple[int, int]:
        """Whole lines of the node and its children, with the final line break."""
        text = self.text
        start = text.rfind("\n", 0, node.span.start) + 1
        last = max(node.span.end - 1, node.span.start)
        end = text.find("\n", last)
        return start, (len(text) if end == -1 else end + 1)

    def can_promote(self, node: Node) -> bool:
        return node.marker is not None and self.depth(node) > 1 and self.parent(node) is not None

    def can_demote(self, node: Node) -> bool:
        siblings = self.siblings(node)
        return node.marker is not None and siblings.index(node) > 0

    # Edits ----------------------------------------------------------------------------------
    def restyled(self, node: Node, shift: int) -> str:
        """The node's lines with every marker in its subtree moved ``shift`` levels deeper."""
        start, end = self.node_range(node)
        piece = self.text[start:end]
        if shift == 0:
            return piece
        replacements = []
        for sub in node.walk():
            if sub.marker is None:
                continue
            style = self.style_for_depth(max(1, self.depth(sub) + shift))
            replacements.append((sub.marker.span.start - start, sub.marker.span.end - start, style, sub))
        for rel_start, rel_end, style, sub in sorted(replacements, key=lambda r: -r[0]):
            piece = piece[:rel_start] + format_marker(style, sub.number or 1) + piece[rel_end:]
        return piece

    def move(self, node: Node, target: Node, position: Position) -> Edit | None:
        """Move ``node`` (with its children) before, after or into ``target``."""
        if node is target or any(n is target for n in node.walk()):
            return None
        if position is Position.CHILD:
            new_depth = self.depth(target) + 1
        elif target.marker is None:
            new_depth = self.depth(target) + 1 if node.marker is not None else 0
        else:
            new_depth = self.depth(target)
        shift = new_depth - self.depth(node) if node.marker is not None else 0
        piece = self.restyled(node, shift)
        t_start, t_end = self.node_range(target)
        insert_at = t_start if position is Position.BEFORE else t_end
        return self._cut_and_insert(node, piece, insert_at)

    def _cut_and_insert(self, node: Node, piece: str, insert_at: int) -> Edit:
        start, end = self.node_range(node)
        text = self.text
        if not piece.endswith("\n"):
            piece += "\n"
        rest = text[:start] + text[end:]
        if insert_at >= end:
            insert_at -= end - start
        if insert_at >= len(rest) and rest and not rest.endswith("\n"):
            rest += "\n"
        new_text = rest[:insert_at] + piece + rest[insert_at:]
        if not text.endswith("\n") and new_text.endswith("\n"):
            new_text = new_text[:-1]
        return self._renumbered(new_text, insert_at)

    def insert_sibling(self, node: Node) -> Edit:
        """A new item after ``node`` at the same level (a new child item for a role heading)."""
        if node.marker is None:
            return self.insert_child(node)
        _, end = self.node_range(node)
        line = format_marker(node.marker.style, (node.number or 0) + 1) + PLACEHOLDER
        return self._insert_line(end, line)

    def insert_child(self, node: Node) -> Edit:
        """A new first-level-down item at the end of ``node``'s children."""
        style = self.style_for_depth(self.depth(node) + 1)
        _, end = self.node_range(node)
        count = sum(1 for c in node.children if c.marker is not None)
        return self._insert_line(end, format_marker(style, count + 1) + PLACEHOLDER)

    def _insert_line(self, at: int, line: str) -> Edit:
        """Insert ``line`` (a marker and the placeholder) and select the placeholder, so what the
        writer types next replaces it."""
        text = self.text
        if at >= len(text) and text and not text.endswith("\n"):
            new_text = text + "\n" + line
            at = len(text) + 1
        else:
            new_text = text[:at] + line + "\n" + text[at:]
        edit = self._renumbered(new_text, at)
        start = edit.text.find(PLACEHOLDER, edit.offset)
        if start < 0:
            return edit
        return Edit(edit.text, start, start + len(PLACEHOLDER))

    def delete(self, node: Node) -> Edit:
        start, end = self.node_range(node)
        new_text = self.text[:start] + self.text[end:]
        if not self.text.endswith("\n") and new_text.endswith("\n"):
            new_text = new_text[:-1]
        return self._renumbered(new_text, min(start, len(new_text)))

    def promote(self, node: Node) -> Edit | None:
        """Make the node its parent's next sibling, one level up."""
        parent = self.parent(node)
        if not self.can_promote(node) or parent is None:
            return None
        piece = self.restyled(node, -1)
        return self._cut_and_insert(node, piece, self.node_range(parent)[1])

    def demote(self, node: Node) -> Edit | None:
        """Make the node the last child of its previous sibling, one level down."""
        if not self.can_demote(node):
            return None
        start, end = self.node_range(node)
        new_text = self.text[:start] + self.restyled(node, +1) + self.text[end:]
        return self._renumbered(new_text, start)

    def _renumbered(self, text: str, offset: int) -> Edit:
        """Renumber, keeping the cursor on the same line (renumbering never adds or removes lines)."""
        from desktop.plan.renumber import renumber

        line = text.count("\n", 0, offset)
        result = renumber(text)
        position = 0
        for _ in range(line):
            found = result.find("\n", position)
            if found == -1:
                break
            position = found + 1
        return Edit(result, position)
