"""Inline enumerated points: 一是…，二是…，三是… inside a paragraph.

Plans often list the measures of an item inline rather than as sub-items. A point marker counts
only where a clause can begin (start of the paragraph or after punctuation), so 统一是… is not
one, and only when the paragraph has at least two of them in order.
"""

from __future__ import annotations

import re

from desktop.plan.model import LineIndex, Point, Span
from desktop.plan.numerals import from_chinese

_POINT = re.compile(r"(?:(?<=[。；;：:，,！？\s])|^)([一二三四五六七八九十]{1,3})是")


def find_points(text: str, spans: list[Span], index: LineIndex) -> tuple[Point, ...]:
    """The 一是/二是 points in the given paragraphs, each spanning to the next point or the end."""
    points: list[Point] = []
    for span in spans:
        found = []
        chunk = text[span.start : span.end]
        for m in _POINT.finditer(chunk):
            number = from_chinese(m.group(1))
            if number is None:
                continue
            found.append((span.start + m.start(1), number, m.group(0)))
        if len(found) < 2 or found[0][1] != 1:
            continue
        for i, (start, number, marker) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else span.end
            points.append(
                Point(marker=marker, number=number, span=Span(start, end), line=index.line_of(start))
            )
    return tuple(points)
