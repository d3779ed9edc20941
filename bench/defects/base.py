"""What a defect kind is, the plan it is injected into, and the text surgery the kinds share.

A kind is a function ``(site, rng) -> Injected | None`` registered with :func:`kind`: given a
parsed copy of a corpus plan and a seeded random generator, it makes ONE defect of its kind at a
position the generator picks among every place the plan offers (not always the first), or returns
None when the plan gives the kind no place. Injections never add or remove a line break, so the
findings of the clean and the injected text can be compared line by line.

The accepted codes are prefixes: a family letter ("P") where any rule of the family may catch
the defect, so the measurement does not depend on which rule code ends up catching it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from random import Random
from typing import TypeVar

from desktop.plan.model import MarkerStyle, Node, ParagraphRole, Plan

CJK = r"\u4e00-\u9fff"
_HAN = re.compile(rf"[{CJK}]")
_CN_DIGITS = "零一二三四五六七八九"
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十]+")
_ARABIC = re.compile(r"\d+")
_OWN_TEXT = {ParagraphRole.HEADING, ParagraphRole.BODY, ParagraphRole.BLOCK, ParagraphRole.PREAMBLE}
T = TypeVar("T")
_PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("‘", "’"))


@dataclass(frozen=True)
class Injected:
    """One defect made in a copy of a plan.

    ``line`` is the 1-based line where a proofreader would mark the defect; ``also`` lists other
    lines that are equally the defect's place (two items swapped: either of them).
    """

    text: str
    line: int
    codes: tuple[str, ...]
    note: str
    also: tuple[int, ...] = ()

    @property
    def lines(self) -> tuple[int, ...]:
        return (self.line, *self.also)

    def accepts(self, code: str, line: int) -> bool:
        """True when a finding of ``code`` at ``line`` points at this defect."""
        return line in self.lines and code.startswith(self.codes)


Inject = Callable[["Site", Random], "Injected | None"]


@dataclass(frozen=True)
class Kind:
    """A registered defect kind: its id, Chinese label, family and injection function."""

    name: str
    label: str
    family: str
    inject: Inject

    @property
    def doc(self) -> str:
        return (self.inject.__doc__ or "").strip().split("\n")[0]


REGISTRY: list[Kind] = []


def kind(label: str, family: str) -> Callable[[Inject], Inject]:
    """Register an injection function as a defect kind (label is the Chinese name in the table)."""

    def register(function: Inject) -> Inject:
        if not function.__doc__:
            raise ValueError(f"defect kind {function.__name__} needs a docstring saying what it makes")
        REGISTRY.append(Kind(function.__name__, label, family, function))
        return function

    return register


@dataclass
class Site:
    """A corpus plan ready for injection: its text split into lines and what the parser saw."""

    name: str
    text: str
    plan: Plan
    year: int
    lines: list[str] = field(init=False)
    starts: list[int] = field(init=False)
    own: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")
        self.starts = []
        offset = 0
        for line in self.lines:
            self.starts.append(offset)
            offset += len(line) + 1
        self.own = [
            p.line - 1
            for p in self.plan.paragraphs
            if p.role in _OWN_TEXT and _HAN.search(self.lines[p.line - 1])
        ]

    @property
    def cut_at_end(self) -> bool:
        """The excerpt stops mid-sentence: its last non-blank line does not end a sentence."""
        last = self.text.rstrip()
        return not last or last[-1] not in "。！？；”）》"

    def line_of(self, offset: int) -> int:
        """0-based line index of a text offset."""
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def splice(self, start: int, end: int, new: str) -> str:
        """The text with ``[start, end)`` replaced by ``new`` (never a line break)."""
        assert "\n" not in new and "\n" not in self.text[start:end], "injections keep the line count"
        return self.text[:start] + new + self.text[end:]

    def splices(self, edits: Iterable[tuple[int, int, str]]) -> str:
        """The text with several non-overlapping ``(start, end, new)`` edits applied."""
        text = self.text
        for start, end, new in sorted(edits, reverse=True):
            assert "\n" not in new and "\n" not in text[start:end]
            text = text[:start] + new + text[end:]
        return text

    def occurrences(
        self, pattern: re.Pattern[str], lines: Iterable[int] | None = None, *, exclude_cut: bool = False
    ) -> list[tuple[int, re.Match[str]]]:
        """``(line index, match)`` for every match of ``pattern`` in the plan's own lines."""
        chosen = self.own if lines is None else list(lines)
        if exclude_cut and self.cut_at_end and chosen:
            last = max(i for i, line in enumerate(self.lines) if line.strip())
            chosen = [i for i in chosen if i != last]
        return [(i, m) for i in chosen for m in pattern.finditer(self.lines[i])]

    def every_line(self) -> list[int]:
        """Every line index holding Chinese text, the front matter and notice included."""
        return [i for i, line in enumerate(self.lines) if _HAN.search(line)]

    def at(self, line: int, column: int) -> int:
        """Text offset of a 0-based line and a column."""
        return self.starts[line] + column

    def done(self, start: int, end: int, new: str, codes: tuple[str, ...], note: str) -> Injected:
        """The injection that replaces ``[start, end)`` by ``new``; its line is the edit's line."""
        return Injected(self.splice(start, end, new), self.line_of(start) + 1, codes, note)


def outside_pairs(line: str, column: int) -> bool:
    """True when ``column`` of ``line`` is not inside quotes, brackets or book-title marks."""
    before = line[:column]
    return all(before.count(left) == before.count(right) for left, right in _PAIRS)


def sentence_ends(site: Site) -> list[tuple[int, int]]:
    """``(line, column after 。)`` for every full stop that ends a sentence in the plan's own text.

    Only stops outside any pair (a sentence inserted there is not inside a quotation), and not
    the text's final stop.
    """
    last = max((i for i, line in enumerate(site.lines) if line.strip()), default=-1)
    found: list[tuple[int, int]] = []
    for i in site.own:
        line = site.lines[i]
        found.extend(
            (i, m.end())
            for m in re.finditer("。", line)
            # Not after the text's last stop: text added there would change how the excerpt ends.
            if outside_pairs(line, m.start()) and not (i == last and not line[m.end() :].strip())
        )
    return found


def insert_sentence(
    site: Site, rng: Random, sentence: str, codes: tuple[str, ...], note: str, *, after: int = -1
) -> Injected | None:
    """Insert ``sentence`` after a full stop of a random line of the plan's own text.

    A line is chosen first (so short plans and long lines weigh alike), then one of its stops;
    ``after`` keeps the insertion on a line after that 0-based index.
    """
    ends = [(i, c) for i, c in sentence_ends(site) if i > after]
    by_line: dict[int, list[int]] = {}
    for i, column in ends:
        by_line.setdefault(i, []).append(column)
    if not by_line:
        return None
    line = rng.choice(sorted(by_line))
    column = rng.choice(by_line[line])
    offset = site.at(line, column)
    return Injected(site.splice(offset, offset, sentence), line + 1, codes, note)


def choose(rng: Random, items: list[T]) -> T | None:
    """A random item, or None for an empty list."""
    return rng.choice(items) if items else None


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (as written in 一、 and 第N个)."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGITS[tens]) + "十" + (_CN_DIGITS[ones] if ones else "")


def year_in_chinese(year: int, zero: str = "〇") -> str:
    """2024 → 二〇二四 (or 二零二四 with ``zero="零"``, the common wrong form)."""
    return "".join(zero if d == "0" else _CN_DIGITS[int(d)] for d in str(year))


def renumbered(node: Node, number: int) -> str:
    """The node's marker as written, standing for ``number`` instead."""
    assert node.marker is not None
    text, style = node.marker.text, node.marker.style
    if style in (MarkerStyle.CN_DUN, MarkerStyle.CN_PAREN):
        return _CN_NUMERAL.sub(cn_numeral(number), text, count=1)
    if style is MarkerStyle.CIRCLED:
        return chr(0x245F + number)
    # Keep a zero-padded marker padded (02 → 01), as the writer typed it.
    return _ARABIC.sub(
        lambda m: str(number).zfill(len(m.group()) if m.group()[0] == "0" else 1), text, count=1
    )


def sibling_runs(plan: Plan, minimum: int = 2) -> list[list[Node]]:
    """Runs of numbered siblings of one style numbered consecutively (1. 2. 3.), in text order.

    Only clean runs are offered, so an injected break is the run's only break.
    """
    runs: list[list[Node]] = []

    def visit(children: tuple[Node, ...]) -> None:
        by_style: dict[MarkerStyle, list[Node]] = {}
        for child in children:
            if child.marker is not None:
                by_style.setdefault(child.marker.style, []).append(child)
            visit(child.children)
        for nodes in by_style.values():
            run: list[Node] = []
            for node in nodes:
                if run and node.number == run[-1].number + 1:  # type: ignore[operator]
                    run.append(node)
                else:
                    if len(run) >= minimum:
                        runs.append(run)
                    run = [node]
            if len(run) >= minimum:
                runs.append(run)

    visit(plan.nodes)
    return runs


def numbered_nodes(plan: Plan, styles: Iterable[MarkerStyle]) -> Iterator[Node]:
    """Numbered nodes whose marker has one of ``styles``."""
    wanted = set(styles)
    return (n for n in plan.numbered() if n.marker is not None and n.marker.style in wanted)
