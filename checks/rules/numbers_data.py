"""What the N and D rules share: the word lists of ``resources/numbers.yaml``, sentence bounds,
and :func:`around`, which finds a pattern near literal anchors instead of at every offset.

A module of its own so that the N modules (numbers, numbers_counts, numbers_written) and the D
modules can all read it without importing each other.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from desktop.data import load_yaml, resource_path

if TYPE_CHECKING:
    from checks.context import Context

NUMBERS_PATH = resource_path("numbers.yaml")
SENTENCE_STOPS = "。；;！？!?\n"


@cache
def number_words() -> dict[str, Any]:
    """``resources/numbers.yaml``, read once per process."""
    return load_yaml(NUMBERS_PATH, what="数字词表") or {}


def sentence_bounds(text: str, at: int, stops: str = SENTENCE_STOPS) -> tuple[int, int]:
    """The sentence around offset ``at``: after the previous stop, up to the next one. A line break
    always ends one, so the search never leaves the line (a rare stop would scan the whole text)."""
    line_lo = text.rfind("\n", 0, at) + 1
    line_hi = text.find("\n", at)
    line_hi = len(text) if line_hi == -1 else line_hi
    lo = max(text.rfind(ch, line_lo, at) for ch in stops if ch != "\n") + 1
    lo = max(lo, line_lo)
    ends = [i for i in (text.find(ch, at, line_hi) for ch in stops if ch != "\n") if i != -1]
    return lo, min(ends) if ends else line_hi


def around(
    text: str, anchor: re.Pattern[str], pattern: re.Pattern[str], back: int, ahead: int
) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that hold a match of ``anchor``, searched only near each anchor.

    A pattern that opens with a lookbehind or a digit class is tried at every offset of the text;
    an anchor that is a literal (年, 、, a dash) is found many times faster, and the pattern is then
    tried on the few characters around it. ``back`` and ``ahead`` bound how far a match may reach
    before and after its anchor (lookarounds see the whole text, except beyond ``ahead``).
    """
    done = 0
    for hit in anchor.finditer(text):
        if hit.start() < done:
            continue
        for m in pattern.finditer(text, max(done, hit.start() - back), min(len(text), hit.end() + ahead)):
            if m.start() <= hit.start() and m.end() >= hit.end():
                done = m.end()
                yield m
                break


_YEAR_MARK_RE = re.compile("年")


def year_marks(ctx: Context) -> list[int]:
    """Offsets of every 年 in the text, found once per run: the D rules on years start from them."""
    return ctx.memo("year_marks", lambda: [m.start() for m in _YEAR_MARK_RE.finditer(ctx.text)])
