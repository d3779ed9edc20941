"""Renumbering: every marker rewritten consistently per level, and nothing else touched.

Plans number items in one of two ways, and a document keeps to one: items restart at 1 under
each heading, or they run on across headings (Wujin's 1.–25. across 一、…六、). The scheme is
decided per marker style from the document itself, by votes at each place where the parent
changes. Role headings (总体目标, 主要任务 …) are decided the same way, by votes where a style
passes from one role heading to the next: most plans start a new count (Zhenjiang's 1.–5. under
总体目标, then 1.–31. across the task sections), but a plan that opens with 总体要求 and 主要任务
as plain headings and numbers its sections 一、二、三、 under 主要任务, then 四、五、 under
保障措施, runs on, and renumbering must not restart it at 一、. Role headings are never changed.

``numbering_runs`` is shared with the S rules, so what the checks call a gap is exactly what
renumbering fixes.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.plan.markers import format_marker, match_marker
from desktop.plan.model import MarkerStyle, Node, NodeKind, Plan
from desktop.plan.numerals import to_chinese

ACROSS_ROLES = "across role headings"  # the run key of a style numbered on from one role heading to the next


@dataclass(frozen=True)
class NumberingRun:
    """Nodes of one style that should read 1, 2, 3 … in order."""

    style: MarkerStyle
    continuous: bool  # the run spans several parents (numbering runs on across headings)
    nodes: tuple[Node, ...]


def numbering_runs(plan: Plan) -> list[NumberingRun]:
    """The document's numbering sequences, in document order of their first node."""
    # Sibling groups: the numbered children of each parent, split by style.
    groups: list[tuple[MarkerStyle, object, object, list[Node]]] = []  # style, parent, scope, nodes

    def visit(nodes: tuple[Node, ...], parent: Node | None, scope: Node | None) -> None:
        by_style: dict[MarkerStyle, list[Node]] = {}
        for node in nodes:
            if node.marker is not None:
                by_style.setdefault(node.marker.style, []).append(node)
        for style, members in by_style.items():
            groups.append((style, id(parent), id(scope), members))
        for node in nodes:
            # A numbered parent's children share the scope of their parent; a role heading
            # (or the root) is a scope of its own.
            child_scope = scope if node.kind is NodeKind.NUMBERED else node
            visit(node.children, node, child_scope)

    visit(plan.nodes, None, None)
    continuous = _continuous_styles(groups)
    numbered_parents = {id(n) for n in plan.walk() if n.kind is NodeKind.NUMBERED}
    across_roles = _continuous_across_roles(groups, numbered_parents)
    runs: list[NumberingRun] = []
    open_runs: dict[tuple[MarkerStyle, object], list[Node]] = {}
    order: list[tuple[MarkerStyle, object]] = []
    for style, parent, scope, members in groups:
        if across_roles.get(style) and (continuous.get(style) or parent not in numbered_parents):
            key: tuple[MarkerStyle, object] = (style, ACROSS_ROLES)
        else:
            key = (style, scope) if continuous.get(style) else (style, parent)
        if key not in open_runs:
            open_runs[key] = []
            order.append(key)
        open_runs[key].extend(members)
    for key in order:
        nodes = tuple(sorted(open_runs[key], key=lambda n: n.span.start))
        runs_on = bool(continuous.get(key[0])) or key[1] == ACROSS_ROLES
        runs.append(NumberingRun(style=key[0], continuous=runs_on, nodes=nodes))
    runs.sort(key=lambda r: r.nodes[0].span.start)
    return runs


def _continuous_styles(
    groups: list[tuple[MarkerStyle, object, object, list[Node]]],
) -> dict[MarkerStyle, bool]:
    """Per style: does numbering run on across parents? Decided by votes where the parent changes."""
    votes: dict[MarkerStyle, int] = {}
    last: dict[tuple[MarkerStyle, object], int] = {}
    for style, _parent, scope, members in sorted(groups, key=lambda g: g[3][0].span.start):
        previous = last.get((style, scope))
        first = members[0].marker.number if members[0].marker else 1
        if previous is not None:
            if first == 1:
                votes[style] = votes.get(style, 0) - 1
            elif first > 1:
                votes[style] = votes.get(style, 0) + 1
        last[(style, scope)] = members[-1].marker.number if members[-1].marker else first
    return {style: score > 0 for style, score in votes.items()}


def _continuous_across_roles(
    groups: list[tuple[MarkerStyle, object, object, list[Node]]],
    numbered_parents: set[int],
) -> dict[MarkerStyle, bool]:
    """Per style: does numbering run on from one role heading's scope into the next? Votes where
    the style passes from a list under one role heading (or none) to a list under another:
    starting again at 1 says no, a higher number says yes. A list under a numbered heading
    (一、) votes in ``_continuous_styles``, not here: counting it in both would let renumbering
    change the votes it was decided by, and a second renumbering undo the first."""
    votes: dict[MarkerStyle, int] = {}
    last_scope: dict[MarkerStyle, object] = {}
    for style, parent, scope, members in sorted(groups, key=lambda g: g[3][0].span.start):
        under_role = parent not in numbered_parents  # parent is already an id()
        if (
            under_role
            and style in last_scope
            and last_scope[style] != scope
            and members[0].marker is not None
        ):
            votes[style] = votes.get(style, 0) + (1 if members[0].marker.number > 1 else -1)
        if under_role:
            last_scope[style] = scope
    return {style: score > 0 for style, score in votes.items()}


def renumber_edits(plan: Plan) -> list[tuple[int, int, str]]:
    """(start, end, new marker) for every marker whose text differs from its canonical number."""
    edits: list[tuple[int, int, str]] = []
    for run in numbering_runs(plan):
        for expected, node in enumerate(run.nodes, start=1):
            marker = node.marker
            if marker is None:
                continue
            if marker.text == format_marker(marker.style, expected):
                continue  # most markers: already right, nothing to weigh
            wanted = _marker_in_place(plan.text, node, expected)
            if wanted is not None and marker.text != wanted:
                edits.append((marker.span.start, marker.span.end, wanted))
    edits.sort()
    return edits


def _marker_in_place(text: str, node: Node, number: int) -> str | None:
    """The marker to write for ``node`` as item ``number``: the canonical form, unless in front of
    this headline it would no longer read as a marker (二.二、… → 一、二、… reads as the list
    一、二、 in prose), then the writer's own punctuation with the new number; None when neither
    reads back, so renumbering never changes the outline it renumbers."""
    marker = node.marker
    assert marker is not None
    line_end = text.find("\n", marker.span.end)
    rest = text[marker.span.end : len(text) if line_end < 0 else line_end]
    numeral = str(marker.number) if marker.style.value.startswith("arabic") else to_chinese(marker.number)
    new_numeral = str(number) if marker.style.value.startswith("arabic") else to_chinese(number)
    own = marker.text.replace(numeral, new_numeral, 1) if numeral in marker.text else None
    for candidate in (format_marker(marker.style, number), own):
        if candidate is None:
            continue
        found = match_marker(candidate + rest)
        if found and (found.style, found.number, found.length) == (marker.style, number, len(candidate)):
            return candidate
    return None


def renumber(text: str, plan: Plan | None = None) -> str:
    """``text`` with every marker renumbered and normalised (（一） not (一), 1. not 1、).

    Pure and idempotent: renumbering renumbered text changes nothing.
    """
    if plan is None:
        from desktop.plan.parse import parse

        plan = parse(text)
    pieces: list[str] = []
    cursor = 0
    for start, end, replacement in renumber_edits(plan):
        pieces.append(text[cursor:start])
        pieces.append(replacement)
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)
