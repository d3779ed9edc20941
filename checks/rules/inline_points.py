"""S013: inline points 一是…二是…四是 that skip, repeat or go back.

Plans list the measures of an item inline (一是…；二是…；三是…) as often as on lines of their own;
those points are numbered like items, and a point deleted or moved without renumbering the rest
leaves the same trace. Points are read with the parser's own reader (``desktop.plan.points``) in
every paragraph of the text, so an introduction's points are judged as well as an item's.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules.passages import text_paragraphs
from desktop.plan.model import Point, Span
from desktop.plan.numerals import to_chinese
from desktop.plan.points import find_points


class PointNumbering(Rule):
    """“一是、二是……”的序数跳号、重复或倒退（一是……二是……四是……）。

    Why: inline points are numbered items; 一是 二是 四是 has lost its 三是 (or kept a number a
    deletion should have changed), and the reader cannot tell which. A paragraph that starts a
    second list at 一是 holds two lists, which is no fault.
    """

    code = "S013"
    name = "point-numbering"
    title = "“一是、二是”序数不连续"
    severity = Severity.ERROR
    basis = "GB/T 9704—2012 7.3.3（层次序数）；实务"
    bad = "一、加强党建\n1.抓学习。一是读原著；二是学理论；四是抓落实。"
    good = "一、加强党建\n1.抓学习。一是读原著；二是学理论；三是抓落实。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for paragraph in text_paragraphs(ctx):
            if "是" not in paragraph.span.slice(text):
                continue
            for points in _lists(find_points(text, [paragraph.span], ctx.plan.lines)):
                wrong = next((k for k, p in enumerate(points) if p.number != k + 1), None)
                if wrong is not None:
                    yield self._finding(ctx, points, wrong)

    def _finding(self, ctx: Context, points: list[Point], wrong: int) -> Finding:
        """One finding per list, at its first wrong point, renumbering the list from there."""
        previous, point = points[wrong - 1], points[wrong]
        right = f"{to_chinese(wrong + 1)}是"
        if point.number > previous.number + 1:
            what = f"跳号：“{previous.marker}”之后应为“{right}”"
        elif point.number == previous.number:
            what = f"重复：“{previous.marker}”之后又是“{point.marker}”"
        else:
            what = f"倒退：“{previous.marker}”之后又是“{point.marker}”"
        fixes = tuple(
            Fix(_numeral(p), to_chinese(k + 1), f"改为“{to_chinese(k + 1)}是”")
            for k, p in enumerate(points)
            if k >= wrong and p.number != k + 1
        )
        marker = Span(point.span.start, point.span.start + len(point.marker))
        return ctx.finding(self, marker, f"“一是、二是”序数{what}", fixes=fixes)


def _lists(points: tuple[Point, ...]) -> list[list[Point]]:
    """The points split where a new list starts at 一是."""
    lists: list[list[Point]] = []
    for point in points:
        if point.number == 1 or not lists:
            lists.append([])
        lists[-1].append(point)
    return lists


def _numeral(point: Point) -> Span:
    return Span(point.span.start, point.span.start + len(point.marker) - 1)


RULES: tuple[type[Rule], ...] = (PointNumbering,)
