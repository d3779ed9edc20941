"""Text → Plan: find the notice, the title and the outline of an annual plan.

``parse`` is a pure function of the text. It never fails on odd input: a numbering error (a gap,
a duplicate, a missing marker, a level that starts at 三、) still gives a sensible tree, because
the checks that come later must be able to point at the error.

How levels are decided: each marker style has a GB/T 9704 rank (一、 above （一） above 1. above
（1） above ①) and a new marker closes every open node of the same or a lower rank. The tree's
levels therefore follow the styles a document actually uses, so 一、 → 1. nests as well as the
full 一、 → （一） → 1. → （1）. Unnumbered role headings (总体目标, 主要任务 …) open a top-level
node that holds the numbered items after it, until the next role heading or the next marker of the
document's section style (the highest-ranked style, when it uses more than one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from desktop.plan.charclass import HAN
from desktop.plan.frontmatter import Front, find_front
from desktop.plan.markers import MarkerMatch, match_bare, match_marker
from desktop.plan.model import (
    Block,
    LineIndex,
    Marker,
    Metadata,
    Node,
    NodeKind,
    Paragraph,
    ParagraphRole,
    Plan,
    Span,
)
from desktop.plan.points import find_points
from desktop.plan.roles import Label, match_label
from desktop.plan.tables import table_rows

_SENTENCE_END = "。！？!?"
_HEADLINE_COLON_MAX = 25  # 事业发展水平：… — a short phrase before a colon is the item's headline
# 指导思想 学校将坚持…: a phrase of 4–20 Chinese characters, a space, then Chinese text.
_HEADLINE_GAP = re.compile(rf"((?:{HAN}|、){{4,20}})[ \t\u3000]+(?={HAN})")
_CLAUSE = re.compile(r"[，,。；;]")


@dataclass
class _OpenBlock:
    """A labelled block while its paragraphs are still being read."""

    label: str
    start: int
    end: int
    line: int


@dataclass
class _Draft:
    """A node under construction (mutable while the tree is built, frozen into a Node after)."""

    kind: NodeKind
    rank: int  # the style's rank; 0 for role headings
    marker: Marker | None
    headline: str
    headline_span: Span
    headline_end: str
    headline_only: bool
    start: int
    line: int
    own_end: int
    end: int
    paragraphs: list[Span] = field(default_factory=list)  # own paragraphs (for points)
    blocks: list[_OpenBlock] = field(default_factory=list)
    children: list[_Draft] = field(default_factory=list)


def parse(text: str, overrides: Metadata | None = None, file_names: Sequence[str] = ()) -> Plan:
    """Parse ``text`` into a Plan. ``overrides`` (metadata edited by the writer) win over the text;
    ``file_names`` (the file's name, a sharing site's name for it) only fill a title or a year that
    the text does not give."""
    index, line_spans, stripped, front = _front(text, file_names)

    roles: list[ParagraphRole] = [ParagraphRole.BLANK] * len(stripped)
    for number, role in front.roles.items():
        roles[number - 1] = role

    body_lines = [
        n for n in range(front.body_start, front.body_end + 1) if stripped[n - 1].start < stripped[n - 1].end
    ]
    # Table rows are neither headings nor sentences: a merged row's 一、办学条件 heads no node.
    table_lines = _table_lines(text, line_spans)
    if table_lines:
        for number in table_lines:
            if roles[number - 1] is ParagraphRole.BLANK:
                roles[number - 1] = ParagraphRole.TABLE
        body_lines = [n for n in body_lines if n not in table_lines]
    matches = _markers(text, stripped, body_lines)
    ranks = sorted({m.style.rank for m in matches.values() if m})
    section_rank = ranks[0] if len(ranks) >= 2 else None

    roots: list[_Draft] = []
    stack: list[_Draft] = []
    seen_heading = False
    for number in body_lines:
        span = stripped[number - 1]
        line_text = text[span.start : span.end]
        marker = matches[number]
        if marker is not None:
            draft = _numbered(text, span, number, marker)
            while stack:
                top = stack[-1]
                if top.kind is NodeKind.ROLE:
                    if section_rank is not None and marker.style.rank == section_rank:
                        stack.pop()
                        continue
                    break
                if top.rank >= draft.rank:
                    stack.pop()
                    continue
                break
            (stack[-1].children if stack else roots).append(draft)
            stack.append(draft)
            roles[number - 1] = ParagraphRole.HEADING
            seen_heading = True
            continue
        label = match_label(line_text)
        in_item = bool(stack) and stack[-1].kind is NodeKind.NUMBERED
        if label is not None and label.is_block and stack and (in_item or not label.is_role):
            stack[-1].blocks.append(_OpenBlock(label.name, span.start, span.end, number))
            stack[-1].paragraphs.append(span)
            roles[number - 1] = ParagraphRole.BLOCK
            continue
        if label is not None and label.is_role:
            draft = _role(span, number, label)
            stack.clear()
            roots.append(draft)
            stack.append(draft)
            roles[number - 1] = ParagraphRole.HEADING
            seen_heading = True
            continue
        if not seen_heading:
            roles[number - 1] = ParagraphRole.PREAMBLE
            continue
        roles[number - 1] = ParagraphRole.BODY
        if stack:
            top = stack[-1]
            top.paragraphs.append(span)
            if top.blocks and not top.children:
                top.blocks[-1].end = span.end  # a block runs on over the paragraphs after its label

    _close_spans(roots)
    nodes = tuple(_freeze(d, 1, text, index) for d in roots)
    paragraphs = tuple(
        Paragraph(
            span=line_spans[i],
            line=i + 1,
            role=roles[i] if stripped[i].start < stripped[i].end else ParagraphRole.BLANK,
        )
        for i in range(len(line_spans))
    )
    return Plan(
        text=text,
        metadata=_merged(front.metadata, overrides),
        nodes=nodes,
        paragraphs=paragraphs,
        title_span=front.title_span,
        notice=front.notice,
        lines=index,
    )


def front_metadata(text: str, overrides: Metadata | None = None, file_names: Sequence[str] = ()) -> Metadata:
    """``parse(text, overrides, file_names).metadata`` without parsing the body: the window asks it
    of every file it opens, on the GUI thread."""
    return _merged(_front(text, file_names)[3].metadata, overrides)


def _front(text: str, file_names: Sequence[str]) -> tuple[LineIndex, list[Span], list[Span], Front]:
    """The text's lines, each stripped, and its front matter: what the body's parse starts from."""
    index = LineIndex(text)
    line_spans = [index.line_span(n) for n in range(1, index.line_count + 1)]
    stripped = [_strip(text, span) for span in line_spans]
    return index, line_spans, stripped, find_front(text, stripped, file_names)


def _merged(metadata: Metadata, overrides: Metadata | None) -> Metadata:
    return metadata if overrides is None else metadata.merged(overrides)


def _table_lines(text: str, line_spans: list[Span]) -> set[int]:
    """1-based lines that are table rows (cheap when the text has no bar and no tab). Whole
    lines, not stripped ones: a tab at a pasted row's end is an empty cell."""
    if "｜" not in text and "|" not in text and "\t" not in text:
        return set()
    return {index + 1 for index in table_rows([text[s.start : s.end] for s in line_spans])}


def _markers(text: str, stripped: list[Span], body_lines: list[int]) -> dict[int, MarkerMatch | None]:
    """The marker of each body line; a bare number (10 after 09) counts only in its sequence."""
    matches: dict[int, MarkerMatch | None] = {}
    bare = 0
    for n in body_lines:
        line = text[stripped[n - 1].start : stripped[n - 1].end]
        found = match_marker(line)
        if found is None and bare:
            found = match_bare(line, bare + 1)
        if found is not None and found.bare:
            bare = found.number
        matches[n] = found
    return matches


def _strip(text: str, span: Span) -> Span:
    """The line's span without leading and trailing white space."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _numbered(text: str, span: Span, number: int, match: MarkerMatch) -> _Draft:
    marker_span = Span(span.start, span.start + match.length)
    marker = Marker(
        text=text[marker_span.start : marker_span.end],
        style=match.style,
        number=match.number,
        span=marker_span,
        canonical=match.canonical,
    )
    rest_start = marker_span.end
    while rest_start < span.end and text[rest_start] in " \t\u3000":
        rest_start += 1
    rest = text[rest_start : span.end]
    cut, end_mark = _headline_cut(rest)
    headline = rest[:cut].rstrip()
    after = rest[cut + len(end_mark) :].strip()
    return _Draft(
        kind=NodeKind.NUMBERED,
        rank=match.style.rank,
        marker=marker,
        headline=headline,
        headline_span=Span(rest_start, rest_start + len(headline)),
        headline_end=end_mark,
        headline_only=not after,
        start=span.start,
        line=number,
        own_end=span.end,
        end=span.end,
        paragraphs=[Span(rest_start, span.end)],
    )


def _headline_cut(rest: str) -> tuple[int, str]:
    """Where the headline ends in the text after a marker, and the punctuation that ends it.

    A headline ends at its first full stop, or at a colon after a short phrase (事业发展水平：…),
    or — where a PDF's copy put a heading and its text on one line with a space between (指导思想
    学校将坚持…) — at a space after a phrase of Chinese words, before any punctuation.
    """
    gap = _HEADLINE_GAP.match(rest)
    if gap and len(rest) - gap.end() >= 20 and _CLAUSE.search(rest, gap.end()):
        return gap.end(1), ""  # not 凝心聚力 全面加强党的建设: a two-part heading stays whole
    sentence = min((i for i in (rest.find(ch) for ch in _SENTENCE_END) if i >= 0), default=-1)
    colon = min((i for i in (rest.find(ch) for ch in "：:") if i >= 0), default=-1)
    if 0 < colon <= _HEADLINE_COLON_MAX and (sentence < 0 or colon < sentence):
        before = rest[:colon]
        if not any(ch in before for ch in "，,；;"):
            return colon, rest[colon]
    if sentence > 0:
        return sentence, rest[sentence]
    return len(rest), ""


def _role(span: Span, number: int, label: Label) -> _Draft:
    headline_span = Span(span.start + label.start, span.start + label.start + len(label.name))
    return _Draft(
        kind=NodeKind.ROLE,
        rank=0,
        marker=None,
        headline=label.name,
        headline_span=headline_span,
        headline_end=label.colon,
        headline_only=not label.inline_text,
        start=span.start,
        line=number,
        own_end=span.end,
        end=span.end,
        paragraphs=[Span(headline_span.end, span.end)] if label.inline_text else [],
    )


def _close_spans(drafts: list[_Draft]) -> None:
    """Each node's own text ends with its last own paragraph; its span covers its descendants."""
    for draft in drafts:
        if draft.paragraphs:
            draft.own_end = max(draft.own_end, draft.paragraphs[-1].end)
        if draft.blocks:
            draft.own_end = max(draft.own_end, draft.blocks[-1].end)
        _close_spans(draft.children)
        draft.end = max([draft.own_end] + [c.end for c in draft.children])


def _freeze(draft: _Draft, level: int, text: str, index: LineIndex) -> Node:
    block_spans = [Span(b.start, b.end) for b in draft.blocks]
    blocks = [
        Block(label=b.label, span=span, line=b.line, points=find_points(text, [span], index))
        for b, span in zip(draft.blocks, block_spans, strict=True)
    ]
    loose = [p for p in draft.paragraphs if not any(b.start <= p.start < b.end for b in block_spans)]
    return Node(
        kind=draft.kind,
        level=level,
        marker=draft.marker,
        headline=draft.headline,
        headline_span=draft.headline_span,
        headline_end=draft.headline_end,
        span=Span(draft.start, draft.end),
        own_span=Span(draft.start, draft.own_end),
        line=draft.line,
        headline_only=draft.headline_only,
        blocks=tuple(blocks),
        points=find_points(text, loose, index),
        children=tuple(_freeze(c, level + 1, text, index) for c in draft.children),
    )
