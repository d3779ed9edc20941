"""Shared views of the text for the P and S rules: passages (whole paragraphs) and character classes.

A line of the text is not always a paragraph: text copied out of a PDF or a web page is often
hard-wrapped, so one paragraph spans several lines and a quotation opened on one line is closed
on the next. A *passage* is a run of lines read as one paragraph: a new one starts at a heading or
labelled block, and after a line that ends a sentence. Rules that judge pairs or sentence ends
judge them inside a passage, and only call something certainly wrong when the passage is whole
(it ends a sentence); the last passage of a text that stops mid-sentence is unfinished, not wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from checks.context import Context
from desktop.plan.markers import match_marker
from desktop.plan.model import Paragraph, ParagraphRole, Span

OPENERS_CN = "“‘《（【〔"
CLOSERS_CN = "”’》）】〕"
CN_PUNCT = "，。；：、？！" + OPENERS_CN + CLOSERS_CN
# What may close a sentence or a self-contained paragraph (a list item ending in ；, a lead-in in ：).
SENTENCE_END = "。！？!?；;：:…"
# Marks that may follow the sentence end: 。” 。） and the like.
TRAILING_CLOSERS = "”’》）)】]〕\"'"
# Internal punctuation that shows a paragraph is running prose rather than a bare phrase.
PROSE_MARKS = "，。；、：,;:"

_QUOTE_NAMES = {"“": "左引号", "”": "右引号", "‘": "左单引号", "’": "右单引号"}


def show(ch: str) -> str:
    """A character as a message names it: quote marks by name, since “”” reads as noise."""
    return _QUOTE_NAMES.get(ch, f"“{ch}”")


def is_cjk(ch: str) -> bool:
    """A Chinese character (the basic block and extension A)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def chinese_side(ch: str) -> bool:
    """A Chinese character or a Chinese punctuation mark."""
    return is_cjk(ch) or ch in CN_PUNCT


def ends_sentence(line: str) -> bool:
    """The line's text (already stripped) closes a sentence: 。 ！ ？ ； ： … possibly inside ” ）,
    or a note in brackets stands after the sentence's end mark (……活动。（牵头单位：组织科））."""
    body = line.rstrip(TRAILING_CLOSERS + " \u3000\t")
    if body and body[-1] in SENTENCE_END:
        return True
    tail = line.rstrip(" \u3000\t")
    if tail.endswith(("）", ")")):
        before = tail[: max(tail.rfind("（"), tail.rfind("("))].rstrip()
        return bool(before) and before[-1] in SENTENCE_END
    return False


@dataclass(frozen=True)
class Passage:
    """A paragraph as the reader sees it: one or more lines of the text."""

    span: Span  # from the first line's first character to the last line's last
    lines: tuple[Paragraph, ...]
    whole: bool  # it ends a sentence, or it is a heading or title standing alone on its line
    ends: bool  # its last line ends a sentence
    first: bool  # the first passage of the text
    last: bool  # the last passage of the text


_STARTS_PASSAGE = (ParagraphRole.HEADING, ParagraphRole.BLOCK, ParagraphRole.TITLE)


def passages(ctx: Context) -> list[Passage]:
    """The plan's body paragraphs grouped into passages (computed once per run)."""
    return ctx.memo("passages", lambda: _passages(ctx))


def _passages(ctx: Context) -> list[Passage]:
    text = ctx.text
    groups: list[list[Paragraph]] = []
    ended = True
    for paragraph in ctx.paragraphs:
        line = paragraph.span.slice(text).strip()
        if not line:
            continue
        if ended or paragraph.role in _STARTS_PASSAGE or not groups:
            groups.append([paragraph])
        else:
            groups[-1].append(paragraph)
        ended = ends_sentence(line)
    found: list[Passage] = []
    for i, group in enumerate(groups):
        last_line = group[-1].span.slice(text).strip()
        standalone = (
            len(group) == 1
            and group[0].role in (ParagraphRole.HEADING, ParagraphRole.TITLE)
            and not any(ch in _without_marker(last_line) for ch in PROSE_MARKS)
        )
        ends = ends_sentence(last_line)
        found.append(
            Passage(
                span=Span(group[0].span.start, group[-1].span.end),
                lines=tuple(group),
                whole=ends or standalone,
                ends=ends,
                first=i == 0,
                last=i == len(groups) - 1,
            )
        )
    return found


def _without_marker(line: str) -> str:
    marker = match_marker(line)
    return line[marker.length :] if marker else line


def cut_at_end(ctx: Context) -> bool:
    """The text stops mid-paragraph: an excerpt cut off, or a draft still being written.

    Its last passage does not end a sentence although it is running prose (it has internal
    punctuation) or although the document's other paragraphs do end theirs; or the text stops
    on an item's headline while the document's other items of that style have text under them.
    A list-form plan whose items are bare phrases is not cut.
    """

    def compute() -> bool:
        found = [p for p in passages(ctx) if p.lines[0].role is not ParagraphRole.CLOSING]
        if not found:
            return False
        last = found[-1]
        if not last.ends:
            if any(ch in last.span.slice(ctx.text) for ch in PROSE_MARKS):
                return True
            others = [p for p in found[:-1] if p.lines[-1].role is not ParagraphRole.TITLE]
            return bool(others) and sum(p.ends for p in others) * 2 > len(others)
        return _stops_on_headline(ctx, last)

    return ctx.memo("cut_at_end", compute)


def _stops_on_headline(ctx: Context, last: Passage) -> bool:
    if len(last.lines) != 1 or last.lines[0].role is not ParagraphRole.HEADING:
        return False
    node = ctx.plan.node_at(last.span.start)
    if node is None or node.marker is None or not node.headline_only or node.children or node.blocks:
        return False
    peers = [n for n in ctx.plan.numbered() if n.style is node.style and n is not node]
    bare = sum(1 for n in peers if n.headline_only and not n.children and not n.blocks)
    return bool(peers) and bare * 2 < len(peers)


def text_paragraphs(ctx: Context) -> list[Paragraph]:
    """Paragraphs of running text: not the title, front matter or page furniture."""
    return ctx.memo(
        "text_paragraphs",
        lambda: [p for p in ctx.paragraphs if p.role not in (ParagraphRole.TITLE, ParagraphRole.FRONT)],
    )


def marker_offsets(ctx: Context) -> set[int]:
    """Offsets inside outline markers, which the S rules judge instead."""

    def compute() -> set[int]:
        inside: set[int] = set()
        for node in ctx.plan.numbered():
            inside.update(range(node.marker.span.start, node.marker.span.end))
        return inside

    return ctx.memo("marker_offsets", compute)
