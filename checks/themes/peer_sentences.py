"""What each peer wrote about each theme: its sentences (with the line of the peer's own file), and
the specific phrases it names inside them.

A writer who sees that four peers cover 县域普通高中 wants their wording, not a count: the sentences
are kept with the peer statistics, so the themes panel and ``plandesk themes --json`` can show them
without opening five files. A phrase (``checks.themes.phrases``) belongs to the themes whose
sentences hold it, so a suggestion can be shown under its theme.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from checks.themes.coverage import ThemeCoverage
from checks.themes.phrases import measure_phrases

SENTENCES_PER_THEME = 4  # per peer: enough to borrow a phrasing, few enough to read
SENTENCE_CHARS = 160  # a longer sentence is shown around the mention, with …
_SENTENCE_END = re.compile(r"[。！？；!?;]|\n")


class SentenceIndex:
    """Sentence boundaries of one plan's text, for finding the sentence around an offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.ends = [m.end() for m in _SENTENCE_END.finditer(text)]

    def around(self, offset: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``offset``, without surrounding blanks."""
        i = bisect.bisect_right(self.ends, offset)
        start = self.ends[i - 1] if i > 0 else 0
        end = self.ends[i] if i < len(self.ends) else len(self.text)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end


def theme_sentences(
    covs: list[ThemeCoverage], index: SentenceIndex, file_line: Callable[[int], int]
) -> tuple[dict[str, list[dict[str, object]]], list[tuple[int, int, str]]]:
    """Per theme id, the peer's sentences about it ({"line", "text"}, file lines, at most
    ``SENTENCES_PER_THEME``, in text order); and every (start, end, theme id) sentence span, for
    placing phrases under themes."""
    sentences: dict[str, list[dict[str, object]]] = {}
    spans: list[tuple[int, int, str]] = []
    for cov in covs:
        seen: set[tuple[int, int]] = set()
        kept: list[dict[str, object]] = []
        for mention in sorted(cov.mentions, key=lambda m: m.span.start):
            start, end = index.around(mention.span.start)
            if (start, end) in seen or end <= start:
                continue
            seen.add((start, end))
            spans.append((start, end, cov.theme.id))
            if len(kept) < SENTENCES_PER_THEME:
                text = _clip(index.text[start:end], mention.span.start - start)
                kept.append({"line": file_line(mention.line), "text": text})
        if kept:
            sentences[cov.theme.id] = kept
    return sentences, spans


def phrases_with_themes(text: str, spans: list[tuple[int, int, str]]) -> dict[str, set[str]]:
    """The peer's specific phrases, each with the themes whose sentences hold it."""
    found: dict[str, set[str]] = {}
    for offset, phrase in measure_phrases(text):
        themes = found.setdefault(phrase, set())
        themes.update(theme for start, end, theme in spans if start <= offset < end)
    return found


def _clip(sentence: str, at: int) -> str:
    """The sentence, or ``SENTENCE_CHARS`` of it around offset ``at`` when it is longer."""
    if len(sentence) <= SENTENCE_CHARS:
        return sentence
    start = max(0, min(at - SENTENCE_CHARS // 3, len(sentence) - SENTENCE_CHARS))
    clipped = sentence[start : start + SENTENCE_CHARS]
    return ("…" if start else "") + clipped + ("…" if start + SENTENCE_CHARS < len(sentence) else "")
