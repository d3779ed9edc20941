"""The rules a table drew on a rendered page, for the table render tests (see render.py for the
rendering itself, the fonts and the grouping of characters into lines)."""

from __future__ import annotations


def table_grid(page) -> tuple[list[float], list[float]]:
    """The y of every horizontal rule and the x of every vertical rule a table drew on ``page``
    (each rounded to a tenth of a point, duplicates merged)."""
    horizontal: set[float] = set()
    vertical: set[float] = set()
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l":
                p1, p2 = item[1], item[2]
                if abs(p1.y - p2.y) < 0.1 and abs(p1.x - p2.x) > 5:
                    horizontal.add(round(p1.y, 1))
                elif abs(p1.x - p2.x) < 0.1 and abs(p1.y - p2.y) > 5:
                    vertical.add(round(p1.x, 1))
            elif item[0] == "re":
                rect = item[1]
                if rect.height < 2 and rect.width > 5:
                    horizontal.add(round((rect.y0 + rect.y1) / 2, 1))
                elif rect.width < 2 and rect.height > 5:
                    vertical.add(round((rect.x0 + rect.x1) / 2, 1))
    return _merge(sorted(horizontal)), _merge(sorted(vertical))


def _merge(values: list[float], within: float = 0.8) -> list[float]:
    merged: list[float] = []
    for value in values:
        if not merged or value - merged[-1] > within:
            merged.append(value)
    return merged
