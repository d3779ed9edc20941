"""Finding nodes of a parsed plan by index path and by line: how the outline tree names a node.

The tree's items carry the index path of their node (``(2, 1)``: the second child of the third
top-level node); these helpers go between paths, offsets, lines and what the tree shows. No Qt.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.plan.model import Node, Plan

Path = tuple[int, ...]


def node_at_path(plan: Plan, path: Path) -> Node | None:
    nodes, node = plan.nodes, None
    for index in path:
        if index >= len(nodes):
            return None
        node = nodes[index]
        nodes = node.children
    return node


def path_of(plan: Plan, offset: int) -> Path:
    """The index path of the deepest node holding ``offset`` (empty outside every node)."""
    path: list[int] = []
    nodes = plan.nodes
    while True:
        for index, node in enumerate(nodes):
            if node.span.start <= offset <= node.span.end:
                path.append(index)
                nodes = node.children
                break
        else:
            return tuple(path)


def path_at_line(plan: Plan, line: int) -> Path:
    """The index path of the node whose first line is ``line`` (empty when none starts there)."""

    def search(nodes: tuple[Node, ...], path: Path) -> Path:
        for index, node in enumerate(nodes):
            if node.line == line:
                return (*path, index)
            if node.children and node.line < line:
                found = search(node.children, (*path, index))
                if found:
                    return found
        return ()

    return search(plan.nodes, ())


def node_label(node: Node) -> str:
    return f"{node.marker_text}{node.headline}" if node.marker else node.headline


def outline_signature(plan: Plan | None) -> tuple[tuple[object, ...] | None, tuple[int, ...]]:
    """(shape, lines): what the tree shows, and the line of each node (tooltips only)."""
    if plan is None:
        return None, ()
    lines: list[int] = []

    def shape(nodes: tuple[Node, ...]) -> tuple[object, ...]:
        out = []
        for node in nodes:
            lines.append(node.line)
            out.append((node_label(node), node.marker is None, shape(node.children)))
        return tuple(out)

    return shape(plan.nodes), tuple(lines)
