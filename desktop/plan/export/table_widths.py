"""Column widths that follow a table's content, and the lines each row then takes.

A table in a 公文 fills the 版心; how that width is shared decides how tall the table is. A typist
gives the long text the room and keeps a 序号 or an empty column (to be filled in Word) narrow.
Done here as a small optimisation: start every column at its minimum and hand out the rest where
it removes the most lines, counting each row as tall as its tallest cell.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

TEXT_WIDTH = 8845  # the portrait 版心, 156 mm, in twips; the layout passes the template's own
_HEADER_KEEP_CHARS = 6  # header words up to this long are never wrapped
_UNBREAKABLE = re.compile(r"[0-9A-Za-z.%％\-/:：]+")


@dataclass(frozen=True)
class TableLayout:
    """What the table needs from the page and the template: the width it fills and its styles."""

    width: int = TEXT_WIDTH  # twips
    font_pt: float = 14.0  # the size of the cell style, for the width and height estimates
    header_style: str = "表头"
    cell_style: str = "表格文字"
    cell_margin: int = 85  # twips left and right in each cell (1.5 mm)
    border: int = 4  # eighths of a point: 0.5 pt
    line_pt: float = 20.1  # one line of 4号 text at single spacing, measured in a LibreOffice render
    height: int = 12756  # the 版心's height, twips: a row taller than a page may split after all


def char_width(text: str) -> float:
    """Width in characters of the cell font: CJK and full-width forms one, Latin and digits half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.55 for ch in text)


def column_widths(
    rows: Sequence[Sequence[str]],
    layout: TableLayout,
    *,
    header: bool,
    skip: Sequence[bool] = (),
    floors: Sequence[int] = (),
) -> list[int]:
    """Column widths in twips that fill ``layout.width`` and follow the content.

    Each column starts at its minimum (its header word, up to six characters, and its longest
    unbreakable number or Latin word). The remaining width goes, half a character at a time, to
    the column where it shortens the table most (the sum over rows of the tallest cell, counted
    in lines); once no column gains, what is left goes to the columns by their widths, so the
    table fills the 版心.
    """
    columns = len(rows[0])
    char_twips = layout.font_pt * 20
    padding = 2 * layout.cell_margin / char_twips
    total = layout.width / char_twips - padding * columns
    measured = [r for r, s in zip(rows, list(skip) + [False] * len(rows), strict=False) if not s]
    lengths = [[[char_width(p) for p in cell.split("\n") if p] for cell in row] for row in measured]
    minimum = []
    for column in range(columns):
        floor = max(1.0, floors[column] / char_twips - padding) if column < len(floors) else 1.0
        empty = not any(row[column] for row in measured[1 if header else 0 :])
        for index, row in enumerate(measured):
            cell = row[column]
            if not cell:
                continue
            if header and index == 0:
                # A header over an empty column (to be filled in Word) may take two lines.
                keep = min(char_width(cell), _HEADER_KEEP_CHARS)
                floor = max(floor, math.ceil(keep / 2) if empty else keep)
            for word in _UNBREAKABLE.findall(cell):
                floor = max(floor, min(char_width(word), 8.0))
        minimum.append(floor)
    scale = min(1.0, total / sum(minimum)) if sum(minimum) else 1.0
    widths = [m * scale for m in minimum]
    widths = _grow(widths, lengths, total - sum(widths))
    twips = [round((w + padding) * char_twips) for w in widths]
    twips[twips.index(max(twips))] += layout.width - sum(twips)
    return twips


def _lines(cell: list[float], width: float) -> float:
    """Lines a cell takes at ``width``: whole lines (what decides a row's height) plus a trace of
    the fraction, so that of two widths giving as many lines the wider still counts as better."""
    return sum(math.ceil(length / width - 1e-9) + _TIE_WEIGHT * length / width for length in cell)


def _grow(
    widths: list[float], lengths: list[list[list[float]]], spare: float, step: float = 0.5
) -> list[float]:
    """Give ``spare`` to the columns where it lowers the table most: the sum of each row's
    tallest cell in lines. Each round looks, per column, at one more ``step`` and at the width
    where one of its cells next loses a line (a cell of 7 characters gains nothing at 6.5), and
    takes the move with the best gain per character."""
    columns = len(widths)
    heights = [[_lines(cell, widths[c]) for c, cell in enumerate(row)] for row in lengths]

    def gain_at(c: int, wider: float) -> float:
        gain = 0.0
        for row, row_heights in zip(lengths, heights, strict=True):
            if not row[c]:
                continue
            now, then = row_heights[c], _lines(row[c], wider)
            if then >= now:
                continue
            tallest = max(row_heights)
            others = max((h for k, h in enumerate(row_heights) if k != c), default=0.0)
            # The row's height first; a cell wrapped less counts a little even in a row as tall.
            gain += tallest - max(others, then) + _TIE_WEIGHT * (now - then)
        return gain

    while spare >= step - 1e-9:
        best, best_width, best_rate = -1, 0.0, 1e-6
        for c in range(columns):
            for wider in {widths[c] + step, _next_threshold(lengths, c, widths[c], step)}:
                if wider - widths[c] > spare + 1e-9:
                    continue
                rate = gain_at(c, wider) / (wider - widths[c])
                if rate > best_rate:
                    best, best_width, best_rate = c, wider, rate
        if best < 0:
            break
        spare -= best_width - widths[best]
        widths[best] = best_width
        for row, row_heights in zip(lengths, heights, strict=True):
            row_heights[best] = _lines(row[best], widths[best])
    if spare > 0:
        # What no column can use goes where the text is, so an empty column stays narrow.
        mass = [sum(sum(row[c]) for row in lengths) for c in range(columns)]
        weights = mass if sum(mass) else widths
        widths = [w + spare * m / sum(weights) for w, m in zip(widths, weights, strict=True)]
    return widths


def _next_threshold(lengths: list[list[list[float]]], column: int, width: float, step: float) -> float:
    """The smallest width (a multiple of ``step`` above ``width``) at which a cell of the column
    takes one line fewer."""
    target = math.inf
    for row in lengths:
        for length in row[column]:
            lines = math.ceil(length / width - 1e-9)
            if lines > 1:
                target = min(target, length / (lines - 1))
    if target == math.inf:
        return width + step
    return width + max(step, math.ceil((target - width) / step - 1e-9) * step)


_TIE_WEIGHT = 0.1


def row_lines(
    rows: Sequence[Sequence[str]], widths: Sequence[int], layout: TableLayout, spanning: Sequence[bool]
) -> list[int]:
    """Lines of text each row takes at these column widths (its tallest cell)."""
    char_twips = layout.font_pt * 20
    out = []
    for row, span in zip(rows, spanning, strict=True):
        usable = [sum(widths)] if span else list(widths)
        cells = row[:1] if span else row
        tallest = 1
        for cell, width in zip(cells, usable, strict=False):
            chars = max(1.0, (width - 2 * layout.cell_margin) / char_twips)
            lines = sum(math.ceil(char_width(p) / chars - 1e-9) for p in cell.split("\n") if p)
            tallest = max(tallest, lines)
        out.append(tallest)
    return out
