"""How well a plan covers each theme: covered, weak (passing mentions only) or missing.

A theme is *covered* when a headline names it (the writer gave it an item or a section), when at
least two sentences develop it (name it in two or more of their clauses), or when one sentence is
devoted to it (names it in three or more clauses). Anything less is *weak*: the theme is named in
passing, as one entry of a list or a side clause. These thresholds live in themes.yaml.

A theme with parts (五育) is covered only when every part is; its missing parts are named.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from checks.themes.lexicon import Lexicon, Settings, TermSet, Theme, checklist
from desktop.plan.model import Node, ParagraphRole, Plan, Span

_SENTENCE_END = re.compile(r"[。！？；!?;]|\n")
_CLAUSE_END = re.compile(r"[。！？；!?;，,：:]|\n")
# Lines that are not the plan's own words: the issuing notice, the title, closing lines.
_SKIPPED_ROLES = {ParagraphRole.BLANK, ParagraphRole.NOTICE, ParagraphRole.TITLE, ParagraphRole.CLOSING}


class Status(str, Enum):
    COVERED = "covered"
    WEAK = "weak"
    MISSING = "missing"

    @property
    def label(self) -> str:
        return {"covered": "已覆盖", "weak": "仅顺带提及", "missing": "未涉及"}[self.value]


@dataclass(frozen=True)
class Mention:
    """One place where the plan names a theme (or one part of it)."""

    term: str  # the text as written
    span: Span
    line: int  # 1-based line of plan.text
    in_headline: bool
    part: str = ""  # the part's id, for themes with parts ("" for the theme's own terms)


@dataclass(frozen=True)
class PartCoverage:
    id: str
    name: str
    status: Status
    mentions: tuple[Mention, ...]


@dataclass(frozen=True)
class ThemeCoverage:
    theme: Theme
    status: Status
    mentions: tuple[Mention, ...]
    parts: tuple[PartCoverage, ...] = ()
    headlines: tuple[str, ...] = field(default=())  # headlines under which the plan covers it

    @property
    def parts_missing(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts if p.status is Status.MISSING)

    @property
    def parts_weak(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parts if p.status is Status.WEAK)


class _TextIndex:
    """Sentence and clause numbers of offsets, plus the headlines, computed once per plan."""

    def __init__(self, plan: Plan) -> None:
        text = plan.text
        self.text = text
        self.sentence_ends = [m.start() for m in _SENTENCE_END.finditer(text)]
        self.clause_ends = [m.start() for m in _CLAUSE_END.finditer(text)]
        roles = {p.line: p.role for p in plan.paragraphs}
        self.skipped_lines = {line for line, role in roles.items() if role in _SKIPPED_ROLES}
        nodes = [n for n in plan.walk() if n.headline_span.end > n.headline_span.start]
        nodes.sort(key=lambda n: n.headline_span.start)
        self.headline_nodes = nodes
        self.headline_starts = [n.headline_span.start for n in nodes]
        self.plan = plan

    def clauses_of_sentence(self, sentence: int) -> tuple[int, int]:
        """The index of the sentence's first clause and how many clauses it has."""
        start = self.sentence_ends[sentence - 1] + 1 if sentence > 0 else 0
        end = self.sentence_ends[sentence] if sentence < len(self.sentence_ends) else len(self.text)
        first = self.clause_of(start)
        return first, self.clause_of(end) - first + 1

    def sentence_of(self, offset: int) -> int:
        return bisect.bisect_left(self.sentence_ends, offset)

    def clause_of(self, offset: int) -> int:
        return bisect.bisect_left(self.clause_ends, offset)

    def headline_at(self, span: Span) -> Node | None:
        i = bisect.bisect_right(self.headline_starts, span.start) - 1
        if i >= 0:
            node = self.headline_nodes[i]
            if span.start >= node.headline_span.start and span.end <= node.headline_span.end:
                return node
        return None


def _excluded(text: str, span: Span, exclude: Iterable[str]) -> bool:
    """Whether the match begins inside one of the look-alikes listed under ``exclude``.

    Beginning inside is enough: “国家安全教育” is 国家安全 + 教育, not 安全教育, although the
    match runs past the look-alike's end.
    """
    for word in exclude:
        size = len(word)
        pos = text.find(word, max(0, span.start - size + 1), span.start + size)
        while pos != -1 and pos <= span.start:
            if pos + size > span.start:
                return True
            pos = text.find(word, pos + 1, span.start + size)
    return False


def _is_a_word_here(text: str, span: Span, vocabulary: frozenset[str]) -> bool:
    """False when the match straddles ordinary words (“品德育人” is 品德 + 育人, not 德育).

    A match that begins inside a word still counts when it ends where a word ends: jieba may
    glue an ordinary head onto the term (系统安全 + 稳定 in “教育系统安全稳定”), but a term
    whose both ends cut through words is a coincidence of characters.
    """
    from desktop.plan.knowledge.tokens import word_around

    found = word_around(text, span.start)
    if found is None:
        return True
    word_start, word = found
    if word_start == span.start or word in vocabulary:
        return True
    last = word_around(text, span.end - 1)
    return last is not None and last[0] + len(last[1]) == span.end


def _find(term_set: TermSet, index: _TextIndex, vocabulary: frozenset[str], part: str) -> list[Mention]:
    regex = term_set.regex
    if regex is None:
        return []
    text, lines = index.text, index.plan.lines
    found = []
    for match in regex.finditer(text):
        span = Span(match.start(), match.end())
        line = lines.line_of(span.start)
        if line in index.skipped_lines or "\n" in match.group():
            continue
        if term_set.exclude and _excluded(text, span, term_set.exclude):
            continue
        if not _is_a_word_here(text, span, vocabulary):
            continue
        in_headline = index.headline_at(span) is not None
        found.append(Mention(match.group(), span, line, in_headline, part))
    return found


def _strong(mentions: list[Mention], index: _TextIndex, settings: Settings) -> list[Mention]:
    """The mentions that make a theme covered: in headlines, or in sentences that develop it."""
    heads = [m for m in mentions if m.in_headline]
    if heads:
        return heads
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(index.sentence_of(m.span.start), []).append(m)
    substantive: list[list[Mention]] = []
    for sentence, found in by_sentence.items():
        clauses = {index.clause_of(m.span.start) for m in found}
        first, count = index.clauses_of_sentence(sentence)
        if len(clauses) >= settings.devoted_clauses or (
            first in clauses and count >= settings.devoted_clauses
        ):
            return found  # one sentence devoted to the theme
        if len(clauses) >= 2:
            substantive.append(found)
    if len(substantive) >= settings.substantive_sentences:
        return [m for found in substantive for m in found]
    return []


def _status(mentions: list[Mention], index: _TextIndex, settings: Settings) -> tuple[Status, list[Mention]]:
    if not mentions:
        return Status.MISSING, []
    strong = _strong(mentions, index, settings)
    return (Status.COVERED if strong else Status.WEAK), strong


def _headlines(mentions: Iterable[Mention], index: _TextIndex) -> tuple[str, ...]:
    """The headlines the theme appears under: named in them, or in the item that develops it."""
    out: list[str] = []
    for m in mentions:
        node = index.headline_at(m.span) if m.in_headline else index.plan.node_at(m.span.start)
        if node is None:
            continue
        label = f"{node.marker_text}{node.headline}"
        if label not in out:
            out.append(label)
    return tuple(out)


def _theme_coverage(
    theme: Theme, index: _TextIndex, vocabulary: frozenset[str], settings: Settings
) -> ThemeCoverage:
    own = _find(theme.words, index, vocabulary, "")
    if not theme.parts:
        status, strong = _status(own, index, settings)
        return ThemeCoverage(theme, status, tuple(own), (), _headlines(strong, index)[:5])
    parts = []
    every = list(own)
    strong_all: list[Mention] = [m for m in own if m.in_headline]
    for part in theme.parts:
        found = _find(part, index, vocabulary, part.id)
        every.extend(found)
        status, strong = _status(found, index, settings)
        strong_all.extend(strong)
        parts.append(PartCoverage(part.id, part.name, status, tuple(found)))
    if all(p.status is Status.COVERED for p in parts):
        status = Status.COVERED
    elif every:
        status = Status.WEAK
    else:
        status = Status.MISSING
    every.sort(key=lambda m: m.span.start)
    strong_all.sort(key=lambda m: m.span.start)
    heads = _headlines(strong_all, index) if status is Status.COVERED else ()
    return ThemeCoverage(theme, status, tuple(every), tuple(parts), heads[:6])


def coverage(plan: Plan, lexicon: Lexicon | None = None, year: int | None = None) -> list[ThemeCoverage]:
    """The coverage of every theme of ``plan``'s checklist, in the lexicon's order.

    The checklist is the lexicon resolved for the plan's kind and for the time it was written
    (``year`` overrides the plan's own); a lexicon already resolved is used as it is.
    """
    lexicon = checklist(plan, lexicon, year)
    index = _TextIndex(plan)
    vocabulary = domain_words(lexicon)
    return [_theme_coverage(t, index, vocabulary, lexicon.settings) for t in lexicon.themes]


_VOCABULARY: dict[str, frozenset[str]] = {}


def domain_words(lexicon: Lexicon) -> frozenset[str]:
    """Lexicon terms plus the user dictionary's words: the words a term may sit inside."""
    cached = _VOCABULARY.get(lexicon.digest)
    if cached is None:
        from desktop.plan.knowledge.tokens import USERDICT_PATH

        words = set(lexicon.vocabulary())
        if USERDICT_PATH.exists():
            for line in USERDICT_PATH.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    words.add(line.split()[0])
        cached = _VOCABULARY[lexicon.digest] = frozenset(words)
    return cached
