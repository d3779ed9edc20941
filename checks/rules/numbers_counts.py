"""N006: a stated count (等三项, 四个方面, 三项工程：…) that does not match the items listed.

A list and its count are edited apart: an item is added to the list, the 三项 before it stays.
Two shapes are read. The count after the list (A、B、C、D等三项) closes an enumeration with 等:
more items than the count is certainly inconsistent, fewer is 列举未尽 and not judged. The count
before a colon (三项工程：A、B、C、D) announces what follows: the items after the colon, or the
points 一是…二是…, must match it in number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Rule
from checks.rules.numbers_data import around, number_words, sentence_bounds
from desktop.plan.model import Span
from desktop.plan.numerals import from_chinese

_CLAUSE_STOPS = "，,。；;：:！？!?\n"
_OPEN = "“《（(【"
_CLOSE = "”》）)】"
_POINT_RE = re.compile(r"(?:(?<=[：:，,；;。\s])|^)([一二三四五六七八九十])是", re.MULTILINE)
_NUMERALS = "〇零一二两三四五六七八九十百"
_MAX_ITEM = 16  # an item longer than this is a clause, not a name in a list
# An item marker opening the line (1. （一） 二、) is not part of the first item.
_MARKER_RE = re.compile(
    r"[ \u3000]*(?:\d{1,2}[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)"
)


_COUNT_MARK_RE = re.compile("[二两三四五六七八九十](?=[项大类种条方个])")


@cache
def _count_re() -> re.Pattern[str]:
    words = sorted(number_words()["count_words"], key=len, reverse=True)
    return re.compile(
        rf"(?<![第{_NUMERALS}])([二两三四五六七八九]|十[一二三四五六七八九]?)({'|'.join(map(re.escape, words))})"
    )


def top_level_items(piece: str) -> list[str]:
    """``piece`` split at 、 outside quotes and brackets; a run of quotes (“A”“B”) counts each."""
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in piece:
        if ch in _OPEN:
            if depth == 0 and current and current[-1] == "”" and ch == "“":
                items.append("".join(current))
                current = []
            depth += 1
        elif ch in _CLOSE:
            depth = max(depth - 1, 0)
        elif ch == "、" and depth == 0:
            items.append("".join(current))
            current = []
            continue
        current.append(ch)
    items.append("".join(current))
    return [item for item in items if item.strip()]


def _clause_start(text: str, at: int) -> int:
    return sentence_bounds(text, at, _CLAUSE_STOPS)[0]


class StatedCountMismatch(Rule):
    """所述数目与列举的项数不符（A、B、C、D等三项；三项工程：A、B、C、D）。

    Why: 等 followed by a number closes an enumeration (GB/T 15834—2011 4.5 on 顿号 lists; in 公文
    “等+数量” 表示列举已尽), and a count before a colon announces what follows; when one of the
    two is edited and not the other, the document contradicts itself. Items are counted at the
    top level of the list: a 、 inside quotes or 《》 does not split an item.
    """

    code = "N006"
    name = "stated-count-mismatch"
    title = "所述数目与列举项数不符"
    severity = Severity.WARNING
    basis = "实务"
    bad = "一、重点工程\n1.实施校舍改造、校园安全、智慧校园、美丽校园等三项工程。"
    good = (
        "一、重点工程\n1.实施校舍改造、校园安全、智慧校园等三项工程，组织小学、初中、高中学生参加两项赛事。"
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in around(text, _COUNT_MARK_RE, _count_re(), 2, 4):
            stated = from_chinese(m.group(1))
            if stated is None or stated < 2 or (m.group(2) == "大" and stated >= 10):
                continue  # 党的二十大 names a congress, not a count
            listed = self._list_before if text[m.start() - 1 : m.start()] == "等" else self._list_after
            if finding := listed(ctx, m, stated):
                yield finding

    def _list_before(self, ctx: Context, m: re.Match[str], stated: int) -> Finding | None:
        """A、B、C、D等三项: more items than the count."""
        text = ctx.text
        lo = _clause_start(text, m.start() - 1)
        if marker := _MARKER_RE.match(text, lo, m.start()):
            lo = marker.end()
        items = top_level_items(text[lo : m.start() - 1])
        if len(items) == 1 and items[0].endswith("”"):
            opened = items[0].rfind("“")
            items = top_level_items(items[0][opened + 1 : -1])
        if len(items) <= stated or any(len(item) > _MAX_ITEM * 2 for item in items):
            return None
        return ctx.finding(
            self,
            Span(lo, m.end()),
            f"“等{m.group()}”前列举了{len(items)}项（{'、'.join(i.strip() for i in items)}），与所述数目不符",
        )

    def _list_after(self, ctx: Context, m: re.Match[str], stated: int) -> Finding | None:
        """三项工程：A、B、C、D or 三项任务：一是…二是…: the items after the colon."""
        text = ctx.text
        colon = -1
        for i in range(m.end(), min(len(text), m.end() + 12)):
            if text[i] in "：:":
                colon = i
                break
            if text[i] in _CLAUSE_STOPS:
                return None
        if colon == -1:
            return None
        line_end = text.find("\n", colon)
        line_end = len(text) if line_end == -1 else line_end
        counted, ended = self._items_after(text, colon + 1, line_end)
        if counted is None or counted == stated or (counted < stated and not ended):
            return None
        return ctx.finding(
            self,
            Span(m.start(), colon + 1),
            f"“{text[m.start() : colon]}”之后列出了{counted}项，与所述数目“{m.group(1)}”不符",
        )

    @staticmethod
    def _items_after(text: str, start: int, end: int) -> tuple[int | None, bool]:
        """(number of items after a colon, whether the list certainly ends there) or (None, False)."""
        points = [from_chinese(p) for p in _POINT_RE.findall(text, start, end)]
        if points and points[0] == 1:
            run = 1
            while run < len(points) and points[run] == run + 1:
                run += 1
            return run, True
        stop = start
        while stop < end and text[stop] not in "，,。；;！？!?":
            stop += 1
        piece = text[start:stop]
        if "等" in piece or not piece.strip():
            return None, False
        items = top_level_items(piece)
        if len(items) < 2 or any(len(item) > _MAX_ITEM for item in items):
            return None, False
        if re.search(r".(?:和|及|与|以及).", items[-1]):
            return None, False  # A、B和C: the last item may hold two
        return len(items), stop == end or text[stop] in "。；;"


RULES: tuple[type[Rule], ...] = (StatedCountMismatch,)
