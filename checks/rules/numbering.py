"""S rules, numbering: gaps, duplicates, a level that does not start at one, marker forms.

Gaps, duplicates and starts are read from ``desktop.plan.renumber.numbering_runs`` — the same
runs renumbering rewrites — so a finding and its renumbering fix never disagree about whether
numbering restarts per section or runs on across sections.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from desktop.plan.markers import format_marker
from desktop.plan.model import Node

BASIS_9704 = "GB/T 9704—2012"


def _runs(ctx: Context) -> list:
    from desktop.plan.renumber import numbering_runs

    return ctx.memo("numbering_runs", lambda: numbering_runs(ctx.plan))


def _renumbered_markers(ctx: Context) -> dict[int, str]:
    """Marker start offset → the marker renumbering writes there (renumber's own edits)."""

    def compute() -> dict[int, str]:
        from desktop.plan.renumber import renumber_edits

        return {start: new for start, _end, new in renumber_edits(ctx.plan)}

    return ctx.memo("renumbered_markers", compute)


def _renumber_fixes(ctx: Context, run: object, node: Node) -> dict[str, object]:
    """Finding keywords: the node's own renumbering (``fix``) and that of the rest of its run
    (``fixes``), because renumbering one marker without the ones after it moves the problem."""
    edits = _renumbered_markers(ctx)
    nodes = list(run.nodes)  # type: ignore[attr-defined]
    rest = nodes[nodes.index(node) :]
    found = [
        Fix(n.marker.span, edits[n.marker.span.start], f"重新编号为“{edits[n.marker.span.start]}”")
        for n in rest
        if n.marker and n.marker.span.start in edits
    ]
    own = found[0] if found and found[0].span == node.marker.span else None
    return {"fix": own, "fixes": tuple(found[1:] if own else found)}


def _neighbours(ctx: Context) -> Iterator[tuple[object, int, Node, Node]]:
    """Each numbered node after the first of its run, with the one before it and the position
    (2, 3 …) it holds: (run, position, prev, node). S001 and S002 both judge these pairs."""
    for run in _runs(ctx):
        nodes = list(run.nodes)
        for position, (prev, node) in enumerate(itertools.pairwise(nodes), start=2):
            yield run, position, prev, node


def _where(node: Node) -> str:
    return f"“{node.marker_text}{node.headline[:12]}”"


class NumberingGap(Rule):
    """同一层级的序号跳号（一、二、四、）。

    Why: a gap usually means an item was deleted or moved without renumbering the rest; readers
    and leaders cite items by number, so the numbers must run 1, 2, 3 … without holes.
    """

    code = "S001"
    name = "numbering-gap"
    title = "序号不连续"
    severity = Severity.ERROR
    basis = BASIS_9704
    bad = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。\n四、保障安全\n3.抓安全。"
    good = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。\n三、保障安全\n3.抓安全。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for run, position, prev, node in _neighbours(ctx):
            if prev.number is None or node.number is None or node.number <= prev.number + 1:
                continue
            if node.number == position:
                continue  # 1 2 3 3 5: this one is right, the 3 before it is the duplicate (S002)
            expected = prev.number + 1
            missing = format_marker(node.style, expected) if node.style else str(expected)
            yield ctx.finding(
                self,
                node.marker.span,
                f"序号跳号：{prev.marker_text}之后应为“{missing}”，此处为“{node.marker_text}”",
                **_renumber_fixes(ctx, run, node),
            )


class NumberingDuplicate(Rule):
    """同一层级出现重复序号（两个 5.）。

    Why: a duplicate number is the trace of an inserted or copied item; two items that answer to
    the same number cannot both be cited.
    """

    code = "S002"
    name = "numbering-duplicate"
    title = "序号重复"
    severity = Severity.ERROR
    basis = BASIS_9704
    bad = "一、加强党建\n1.抓学习。\n2.抓班子。\n2.抓队伍。"
    good = "一、加强党建\n1.抓学习。\n2.抓班子。\n3.抓队伍。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for run, position, prev, node in _neighbours(ctx):
            if node.number == position and prev.number != position - 1:
                continue  # 二 二 三: the first 二 is the wrong one (S003 or S002 says so)
            if node.number is not None and prev.number is not None and node.number <= prev.number:
                what = "重复" if node.number == prev.number else "倒退"
                yield ctx.finding(
                    self,
                    node.marker.span,
                    f"序号{what}：{_where(prev)}之后又是“{node.marker_text}”",
                    **_renumber_fixes(ctx, run, node),
                )


class NumberingStart(Rule):
    """某一层级的编号不从一开始（第一个标题就是 三、）。

    Why: a list that starts at 三、 or 2. has lost its first entries (or was cut out of a longer
    document); the reader cannot tell which.
    """

    code = "S003"
    name = "numbering-start"
    title = "序号不从一开始"
    severity = Severity.ERROR
    basis = BASIS_9704
    bad = "三、加强党建\n1.抓学习。\n四、推进改革\n2.抓改革。"
    good = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for run in _runs(ctx):
            nodes = list(run.nodes)
            if nodes and nodes[0].number not in (None, 1):
                first = nodes[0]
                should = format_marker(first.style, 1) if first.style else "1"
                yield ctx.finding(
                    self,
                    first.marker.span,
                    f"本层级编号从“{first.marker_text}”开始，应从“{should}”开始",
                    **_renumber_fixes(ctx, run, first),
                )


def _level_groups(ctx: Context) -> dict[tuple[int, object], list[Node]]:
    groups: dict[tuple[int, object], list[Node]] = defaultdict(list)
    for node in ctx.plan.numbered():
        groups[(node.level, node.style)].append(node)
    return groups


def _form(node: Node) -> str:
    """The punctuation a marker is written with, numbers removed: "X、", "(X)", "X．"."""
    marker = node.marker
    assert marker is not None
    return (
        "".join("X" if ch.isdigit() or ch in "一二三四五六七八九十百零〇" else ch for ch in marker.text)
        .replace("XX", "X")
        .replace("XX", "X")
    )


def _level_forms(ctx: Context) -> Iterator[tuple[list[Node], Counter[str], str]]:
    """Each level's nodes, the marker forms written there and the majority form. S004 and S005
    must agree on the majority: S004 reports the minority forms, S005 the majority's own slips."""
    for nodes in _level_groups(ctx).values():
        forms = Counter(_form(n) for n in nodes)
        yield nodes, forms, forms.most_common(1)[0][0]


def _canonical_fix(node: Node) -> Fix:
    marker = node.marker
    assert marker is not None
    right = format_marker(marker.style, marker.number)
    return Fix(marker.span, right, f"改为“{right}”")


class MixedMarkerForms(Rule):
    """同一层级的序号写法不统一（（一） 与 (二) 并用，1. 与 1、 并用）。

    Why: one level of the outline has one form; a mixture shows pieces pasted from different
    sources and looks careless in an official document.
    """

    code = "S004"
    name = "mixed-marker-forms"
    title = "同级序号写法不统一"
    severity = Severity.WARNING
    basis = BASIS_9704
    bad = "一、加强党建\n（一）抓学习。\n(二)抓班子。\n（三）抓队伍。"
    good = "一、加强党建\n（一）抓学习。\n（二）抓班子。\n（三）抓队伍。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for nodes, forms, majority in _level_forms(ctx):
            if len(forms) < 2:
                continue
            listed = "、".join(f"“{f.replace('X', '')}”" for f in forms)
            for node in nodes:
                if _form(node) != majority and not node.marker.canonical:
                    yield ctx.finding(
                        self,
                        node.marker.span,
                        f"同级序号写法不统一（{listed}并用）：“{node.marker_text}”应写作"
                        f"“{format_marker(node.marker.style, node.marker.number)}”",
                        _canonical_fix(node),
                    )


class MarkerPunctuation(Rule):
    """序号的标点用错（一. 、（一）、、1、、1．）。

    Why: GB/T 9704—2012 fixes the forms 一、 （一） 1. （1）; 一. mixes a Chinese numeral with a
    Western full stop and （一）、 doubles the separator.
    """

    code = "S005"
    name = "marker-punctuation"
    title = "序号标点不规范"
    severity = Severity.WARNING
    basis = BASIS_9704
    bad = "一.加强党建\n（一）、抓学习。\n（二）、抓班子。"
    good = "一、加强党建\n（一）抓学习。\n（二）抓班子。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for nodes, forms, majority in _level_forms(ctx):
            wrong = [n for n in nodes if not n.marker.canonical]
            if len(forms) > 1:
                # S004 reports the minority forms; here only the majority's own mistakes remain.
                wrong = [n for n in wrong if _form(n) == majority]
            if not wrong:
                continue
            if len(wrong) >= 3 and len(wrong) == len(nodes):
                first = wrong[0]
                right = format_marker(first.marker.style, first.marker.number)
                yield ctx.finding(
                    self,
                    first.marker.span,
                    f"本层级序号均写作“{first.marker_text}”式（共{len(wrong)}处），应写作“{right}”式",
                    fixes=tuple(_canonical_fix(n) for n in wrong),
                )
                continue
            for node in wrong:
                right = format_marker(node.marker.style, node.marker.number)
                yield ctx.finding(
                    self, node.marker.span, f"序号“{node.marker_text}”应写作“{right}”", _canonical_fix(node)
                )


RULES: tuple[type[Rule], ...] = (
    NumberingGap,
    NumberingDuplicate,
    NumberingStart,
    MixedMarkerForms,
    MarkerPunctuation,
)
