"""How the numbers of one numbering run read: in order, skipped, repeated, backwards or swapped.

One judge serves S001 (gap), S002 (duplicate), S009 (backwards or swapped) and S012 (an item
run into the paragraph before it), so a number is called wrong by one rule only and for one
reason. The runs are ``desktop.plan.renumber.numbering_runs`` — the same runs renumbering
rewrites — so a finding and its renumbering fix agree on whether numbering restarts per section.

Two things a run of nodes does not show are read from the text around it:

- an item whose marker is not at a line start (``…劳动教育；4.全面推进…``) is still an item:
  it is found in the text between its neighbours, and the numbers after it are not a gap;
- a list that restarts at 1 after a labelled block (目标任务： (1)(2) 工作措施： (1)(2)) is a
  new list inside the same item, not a number going backwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from checks.context import Context
from desktop.plan.markers import format_marker
from desktop.plan.model import MarkerStyle, Node, ParagraphRole, Span
from desktop.plan.numerals import CIRCLED_CHARS, to_chinese, to_circled

if TYPE_CHECKING:
    from desktop.plan.renumber import NumberingRun

_BARE_LABEL_MAX = 12  # 工作措施： — a label line with no text of its own


@dataclass(frozen=True)
class Entry:
    """One number of a run: a node with its own line, or a marker run into a paragraph."""

    number: int
    node: Node  # the node itself, or the node whose text holds the run-in marker
    inline: Span | None = None  # the run-in marker's span; None for a node of its own

    @property
    def span(self) -> Span:
        return self.inline or self.node.marker.span  # type: ignore[union-attr]


@dataclass(frozen=True)
class Verdict:
    """What is wrong with one entry, judged against the entries before it."""

    kind: str  # "gap", "duplicate", "backwards", "swapped", "restarted"
    entry: Entry
    previous: Entry  # the last entry in order before it
    expected: int  # the number that belongs here


@dataclass(frozen=True)
class Sequence:
    """A numbering run as read: its entries in text order, and what is wrong with them."""

    run: NumberingRun  # the run of nodes it was read from
    entries: tuple[Entry, ...]
    verdicts: tuple[Verdict, ...]


def sequences(ctx: Context) -> list[Sequence]:
    """Every numbering run of the plan, judged (computed once per run of the checks)."""
    return ctx.memo("sequences", lambda: _sequences(ctx))


def _sequences(ctx: Context) -> list[Sequence]:
    from checks.rules.marker_forms import inverted_styles
    from desktop.plan.renumber import numbering_runs

    runs = ctx.memo("numbering_runs", lambda: numbering_runs(ctx.plan))
    inverted = inverted_styles(ctx)
    # An inverted outline (（一） above 一、) restarts and skips everywhere; S010 names the cause.
    involved = set(inverted) | {lower for lower, _node in inverted.values()}
    found: list[Sequence] = []
    for run in runs:
        if run.style in involved:
            continue
        for entries in _lists(ctx, run):
            found.append(Sequence(run, tuple(entries), tuple(judge(entries))))
    return found


def _lists(ctx: Context, run: NumberingRun) -> list[list[Entry]]:
    """The run's entries (run-in markers included), split where a labelled block restarts at 1."""
    nodes = list(run.nodes)
    style = run.style
    lists: list[list[Entry]] = [[]]
    for node in nodes:
        current = lists[-1]
        if current and node.number == 1 and _block_between(ctx, node, current[-1].span.end):
            lists.append([])
            current = lists[-1]
        if not current and node.number and node.number > 1:
            current.extend(_run_in_before(ctx, node, style))
        current.append(Entry(node.number or 0, node))
        current.extend(_run_in_after(ctx, node, style))
    return [entries for entries in lists if entries]


def _block_between(ctx: Context, node: Node, start: int) -> bool:
    """The node comes right after a bare block label (工作措施：) that begins after ``start``: the
    label opens a new list. A block with its own text (目标任务：完成…) is an item's content and
    does not restart the list of the items around it."""
    end = node.marker.span.start  # type: ignore[union-attr]
    before = [
        p for p in ctx.plan.paragraphs if start <= p.span.start < end and p.role is not ParagraphRole.BLANK
    ]
    if not before or before[-1].role is not ParagraphRole.BLOCK:
        return False
    label = before[-1].span.slice(ctx.text).strip()
    return label.endswith(("：", ":")) and len(label) <= _BARE_LABEL_MAX


def judge(entries: list[Entry]) -> list[Verdict]:
    """What is wrong in a list of numbers, each fault named once.

    A number is in order when it follows the last number in order (``last + 1``) or stands at
    its own position (1 2 3 3 5: the 5 is right, the second 3 is the slip). Two numbers
    exchanged (1 2 4 3 5) are one fault, not a gap and a step back; a list that starts over at 1
    (1 … 8 1 2 3) is one fault, and the numbers after the new 1 follow it.
    """
    verdicts: list[Verdict] = []
    last = entries[0]
    skip_next = False
    if len(entries) >= 2 and entries[0].number == 2 and entries[1].number == 1:
        # 2 1 3: the first two exchanged, not a list starting at 2 and then going back
        verdicts.append(Verdict("swapped", entries[0], entries[0], 1))
        skip_next = True
    for position, entry in enumerate(entries[1:], start=2):
        n = entry.number
        if skip_next:
            skip_next = False
            continue
        if n in (last.number + 1, position):
            last = entry
            continue
        if n > last.number + 1:
            following = entries[position] if position < len(entries) else None
            if n == last.number + 2 and following is not None and following.number == last.number + 1:
                verdicts.append(Verdict("swapped", entry, last, last.number + 1))
                skip_next = True
            else:
                verdicts.append(Verdict("gap", entry, last, last.number + 1))
            last = entry
        elif n == last.number:
            verdicts.append(Verdict("duplicate", entry, last, last.number + 1))
        elif n == 1:
            # 1 … 8 then 1 2 3: the list starts over (a heading above it lost), one fault
            verdicts.append(Verdict("restarted", entry, last, last.number + 1))
            last = entry
        else:
            verdicts.append(Verdict("backwards", entry, last, last.number + 1))
    return verdicts


def _run_in_after(ctx: Context, node: Node, style: MarkerStyle) -> list[Entry]:
    """Markers numbered on from ``node`` that stand inside its own text instead of on a new line."""
    text = ctx.text
    start, end = node.marker.span.end, node.own_span.end  # type: ignore[union-attr]
    return _chain(text, node, style, (node.number or 0) + 1, start, end)


def _run_in_before(ctx: Context, node: Node, style: MarkerStyle) -> list[Entry]:
    """Markers 1, 2 … run into the text before the first node of a list that starts at 3."""
    parent = _parent(ctx, node)
    if parent is not None:
        start = parent.marker.span.end if parent.marker else parent.headline_span.end
        end = parent.own_span.end
    else:
        body = [p for p in ctx.plan.paragraphs if p.role is ParagraphRole.PREAMBLE]
        if not body:
            return []
        start, end = body[0].span.start, body[-1].span.end
    stop = min(end, node.marker.span.start)  # type: ignore[union-attr]
    entries = _chain(ctx.text, node, style, 1, start, stop, at_line_start=True)
    return entries if entries and entries[-1].number == (node.number or 0) - 1 else []


def _chain(
    text: str, node: Node, style: MarkerStyle, first: int, start: int, end: int, at_line_start: bool = False
) -> list[Entry]:
    """Consecutive markers ``first``, ``first + 1`` … found in order between two offsets."""
    found: list[Entry] = []
    number = first
    cursor = start
    pattern = _run_in_pattern(style, at_line_start, _separators(node))
    while cursor < end:
        numeral = _numeral(style, number)
        match = next((m for m in pattern.finditer(text, cursor, end) if m["n"] == numeral), None)
        if match is None:
            break
        found.append(Entry(number, node, Span(match.start(1), match.end(1))))
        number += 1
        cursor = match.end()
    return found


def _numeral(style: MarkerStyle, number: int) -> str:
    """How ``number`` is written inside a marker of ``style``."""
    if style in (MarkerStyle.CN_DUN, MarkerStyle.CN_PAREN):
        return to_chinese(number)
    if style in (MarkerStyle.ARABIC_DOT, MarkerStyle.ARABIC_PAREN):
        return str(number)
    return to_circled(number)


@lru_cache(maxsize=32)
def _run_in_pattern(
    style: MarkerStyle, at_line_start: bool = False, separators: str = ".．"
) -> re.Pattern[str]:
    """A marker of ``style`` written at a break inside a paragraph: after 。；！？ or a space.

    Group 1 is the marker, group ``n`` its numeral, which the caller compares with the number it
    looks for: one pattern per style serves every number (compiling one per number cost S001 more
    than its check). A marker's break and numeral leave no room for another marker to start inside
    it, so the first match with the right numeral is where that number's own pattern would match.

    ``at_line_start`` also takes a marker opening a line that the parser left as text because
    a digit follows it (``1、2024年…``): before a list's first node such a line is its item 1.
    """
    chinese = r"(?P<n>[一二三四五六七八九十百零〇两0-9]+)"  # to_chinese writes 1000 and up in digits
    if style is MarkerStyle.CN_DUN:
        marker = rf"{chinese}[、.．]"
    elif style is MarkerStyle.CN_PAREN:
        marker = rf"[（(]{chinese}[）)]"
    elif style is MarkerStyle.ARABIC_DOT:
        # 、 only where the list itself is written 1、 2、: in prose “3、4年级” is a list of grades
        marker = rf"(?<![0-9０-９.．])(?P<n>[0-9]+)[ \t]*[{separators}]"
        marker += "" if at_line_start else r"(?![ \t]*[0-9０-９])"
    elif style is MarkerStyle.ARABIC_PAREN:
        marker = r"[（(](?P<n>[0-9]+)[）)]"
    else:
        marker = rf"(?P<n>[{CIRCLED_CHARS}]|（[0-9]+）)"  # to_circled writes 51 and up as （51）
    breaks = r"[。；;！？!?][ \t\u3000]*|(?<=[^\s，、,])[ \t\u3000]+"
    if at_line_start:
        breaks += r"|^[ \t\u3000]*"
    return re.compile(rf"(?:{breaks})({marker})", re.MULTILINE)


def _separators(node: Node) -> str:
    """The marks a run-in 1. may be written with: the list's own, and the canonical full stop."""
    return ".．、" if node.marker is not None and "、" in node.marker.text else ".．"


def _parent(ctx: Context, node: Node) -> Node | None:
    def compute() -> dict[int, Node]:
        parents: dict[int, Node] = {}
        for candidate in ctx.plan.walk():
            for child in candidate.children:
                parents[id(child)] = candidate
        return parents

    return ctx.memo("parents", compute).get(id(node))


def expected_marker(entry: Entry, number: int) -> str:
    """The canonical marker for ``number`` in the style of ``entry``'s node."""
    style = entry.node.style
    return format_marker(style, number) if style else str(number)
