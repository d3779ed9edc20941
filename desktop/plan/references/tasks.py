"""What counts as a *task* in a superior body's plan, and what counts as an answer in the draft.

A superior plan (the city's 要点 for a county writer) assigns work in its numbered items. Its
headings that frame the year (指导思想, 总体要求, 总体目标 …, numbered or not; ``context_headings`` in
``resources/align_synonyms.yaml``) assign nothing item by item, so their items are context, not
tasks; the targets they set are still checked (``align.py``). A task is a leaf of the outline under
any other heading: the deepest numbered node, so 一、/（三）/3. gives the task 一（三）3 and a
section written as one paragraph with no items is one task. The draft's candidate answers are its
work items (``Plan.items()``): a county often answers two city tasks in one item, or one task in
an item of another section, so every item is a candidate for every task.

Paths are the markers without their punctuation (一（三）3, 二6; a role heading keeps its name:
总体目标/1): short enough for a column, and what a writer says aloud when pointing at an item.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.plan.compare.align import own_text
from desktop.plan.model import MarkerStyle, Node, NodeKind, Plan
from desktop.plan.numerals import to_chinese


@dataclass(frozen=True, slots=True)
class Task:
    """A superior task or a draft item: where it is, what it says."""

    path: str  # 一（三）3
    headline: str
    line: int  # line of the parsed text (the loader's Source maps it to the file's own line)
    start: int  # offset of the node in the plan's text (for jumping to it)
    text: str  # headline and own paragraphs, markers left out
    span_end: int  # end of the node's whole span (its targets lie inside)
    context: bool = False  # under a framing heading (总体目标 …): not a task, but it may set targets
    node: Node | None = field(default=None, compare=False, repr=False)


def marker_label(node: Node) -> str:
    """The marker without punctuation (二, （三）, 3, （4）, ⑤), or the role heading's name."""
    marker = node.marker
    if marker is None:
        return node.headline
    number = marker.number
    if marker.style is MarkerStyle.CN_DUN:
        return to_chinese(number)
    if marker.style is MarkerStyle.CN_PAREN:
        return f"（{to_chinese(number)}）"
    if marker.style is MarkerStyle.ARABIC_PAREN:
        return f"（{number}）"
    if marker.style is MarkerStyle.CIRCLED:
        return marker.text.strip()
    return str(number)


def _join(trail: list[Node]) -> str:
    """一（三）3; a role heading is set off with a slash: 总体目标/1."""
    out = ""
    for node in trail:
        label = marker_label(node)
        if node.kind is NodeKind.ROLE:
            out += label + "/"
        else:
            out += label
    return out.rstrip("/")


def _task(plan: Plan, node: Node, trail: list[Node], context: bool) -> Task:
    own = own_text(plan.text, node)
    body = own if node.headline and own.startswith(node.headline) else f"{node.headline}\n{own}"
    return Task(
        path=_join(trail),
        headline=node.headline,
        line=node.line,
        start=node.span.start,
        text=body.strip(),
        span_end=node.span.end,
        context=context,
        node=node,
    )


def superior_tasks(plan: Plan, context_headings: frozenset[str]) -> list[Task]:
    """The superior plan's tasks and context items, in document order (see the module docstring)."""
    found: list[Task] = []

    def visit(nodes: tuple[Node, ...], trail: list[Node], context: bool) -> None:
        for node in nodes:
            here = [*trail, node]
            # 一、指导思想 frames the year as much as an unnumbered 指导思想 does.
            framing = context or _is_framing(node.headline, context_headings)
            numbered_children = [c for c in node.children if c.kind is NodeKind.NUMBERED]
            if numbered_children:
                visit(node.children, here, framing)
            elif node.kind is NodeKind.NUMBERED:
                found.append(_task(plan, node, here, framing))

    visit(plan.nodes, [], False)
    return found


def _is_framing(headline: str, context_headings: frozenset[str]) -> bool:
    return any(headline.startswith(name) for name in context_headings)


def draft_items(plan: Plan) -> list[Task]:
    """The draft's work items (leaves of the outline), each with its path, in document order."""
    found: list[Task] = []

    def visit(nodes: tuple[Node, ...], trail: list[Node]) -> None:
        for node in nodes:
            here = [*trail, node]
            if any(c.kind is NodeKind.NUMBERED for c in node.children):
                visit(node.children, here)
            elif node.kind is NodeKind.NUMBERED:
                found.append(_task(plan, node, here, False))

    visit(plan.nodes, [])
    return found
