"""Structure and numbering defects (GB/T 9704—2012 7.3.3 结构层次序数): what a writer's edits
of the outline leave behind when the markers are not renumbered or are typed by hand."""

from __future__ import annotations

import re
from itertools import pairwise
from random import Random

from bench.defects.base import (
    Injected,
    Site,
    choose,
    cn_numeral,
    insert_sentence,
    kind,
    numbered_nodes,
    renumbered,
    sibling_runs,
)
from desktop.plan.model import MarkerStyle, Node, Point

S = ("S",)


def _renumber(site: Site, nodes: list[Node], numbers: list[int]) -> str:
    edits = []
    for node, number in zip(nodes, numbers, strict=True):
        assert node.marker is not None
        edits.append((node.marker.span.start, node.marker.span.end, renumbered(node, number)))
    return site.splices(edits)


@kind("删去一个序号（跳号）", "S")
def marker_removed(site: Site, rng: Random) -> Injected | None:
    """An item's marker deleted (the writer merged or retyped the line), so the next one skips a number."""
    run = choose(rng, sibling_runs(site.plan, 3))
    if run is None:
        return None
    i = rng.randrange(1, len(run) - 1)
    marker = run[i].marker
    assert marker is not None
    text = site.splice(marker.span.start, marker.span.end, "")
    return Injected(text, run[i + 1].line, S, f"删去“{marker.text}”", also=(run[i].line,))


@kind("序号重复（插入条目未重排）", "S")
def number_duplicated(site: Site, rng: Random) -> Injected | None:
    """An item copied in as a new one without renumbering: 1. 2. 2. 3. (the rest keep their numbers)."""
    run = choose(rng, sibling_runs(site.plan, 2))
    if run is None:
        return None
    i = rng.randrange(1, len(run))
    later = run[i:]
    text = _renumber(site, later, [n.number - 1 for n in later])  # type: ignore[operator]
    return Injected(text, run[i].line, S, f"{run[i].marker_text}起各号减一")


@kind("序号倒退（调换条目未重排）", "S")
def number_backwards(site: Site, rng: Random) -> Injected | None:
    """Two items moved past each other without renumbering: 1. 2. 4. 3. 5."""
    run = choose(rng, sibling_runs(site.plan, 2))
    if run is None:
        return None
    i = rng.randrange(0, len(run) - 1)
    a, b = run[i], run[i + 1]
    text = _renumber(site, [a, b], [b.number, a.number])  # type: ignore[list-item]
    return Injected(text, b.line, S, f"{a.marker_text}与{b.marker_text}对调", also=(a.line,))


@kind("层级不从一开始（删去前几条未重排）", "S")
def level_starts_late(site: Site, rng: Random) -> Injected | None:
    """The first sections deleted and the rest not renumbered: a level that starts at 三、 (or 2.)."""
    runs = [r for r in sibling_runs(site.plan, 1) if r[0].number == 1 and _whole_level(site, r)]
    run = choose(rng, runs)
    if run is None:
        return None
    shift = rng.choice((1, 2))
    text = _renumber(site, run, [n.number + shift for n in run])  # type: ignore[operator]
    return Injected(text, run[0].line, S, f"整级序号加{shift}（从{renumbered(run[0], 1 + shift)}开始）")


def _whole_level(site: Site, run: list[Node]) -> bool:
    """The run is every sibling of its style under its parent (not the tail of a broken run)."""
    style = run[0].style
    siblings = [n for n in _siblings(site, run[0]) if n.style is style]
    return len(siblings) == len(run)


def _siblings(site: Site, node: Node) -> tuple[Node, ...]:
    for parent in site.plan.walk():
        if any(child is node for child in parent.children):
            return parent.children
    return site.plan.nodes


_BRACKETS = (MarkerStyle.CN_PAREN, MarkerStyle.ARABIC_PAREN)
_WIDTH = {"（": "(", "）": ")", "(": "（", ")": "）"}


@kind("括号序号全半角混用（（一）与(二)）", "S")
def paren_marker_width(site: Site, rng: Random) -> Injected | None:
    """One bracketed marker typed in the other width among its siblings: (二) among （一）（三）, or the reverse."""
    runs = [r for r in sibling_runs(site.plan, 2) if r[0].style in _BRACKETS]
    runs = [r for r in runs if len({n.marker_text[0] for n in r}) == 1]  # siblings of one width
    run = choose(rng, runs)
    if run is None:
        return None
    node = rng.choice(run[1:])
    assert node.marker is not None
    new = "".join(_WIDTH.get(c, c) for c in node.marker.text)
    return site.done(
        node.marker.span.start, node.marker.span.end, new, ("S", "P"), f"{node.marker_text}→{new}"
    )


@kind("阿拉伯序号点号混用（1. 与 2、）", "S")
def arabic_marker_comma(site: Site, rng: Random) -> Injected | None:
    """One item numbered 2、 among siblings numbered 1. 3. (typed by hand, or pasted from another plan)."""
    runs = [
        r
        for r in sibling_runs(site.plan, 2)
        if r[0].style is MarkerStyle.ARABIC_DOT and "." in r[0].marker_text
    ]
    run = choose(rng, runs)
    if run is None:
        return None
    node = rng.choice(run[1:])
    assert node.marker is not None
    new = node.marker.text.replace(".", "、")
    return site.done(node.marker.span.start, node.marker.span.end, new, S, f"{node.marker_text}→{new}")


@kind("一级序号用点（一. 代 一、）", "S")
def chinese_marker_dot(site: Site, rng: Random) -> Injected | None:
    """A 一、 heading written 一. or 一．: Chinese numerals take 、 (GB/T 9704—2012 7.3.3)."""
    node = choose(rng, [n for n in numbered_nodes(site.plan, (MarkerStyle.CN_DUN,)) if "、" in n.marker_text])
    if node is None:
        return None
    assert node.marker is not None
    new = node.marker.text.replace("、", rng.choice((".", "．")))
    return site.done(node.marker.span.start, node.marker.span.end, new, S, f"{node.marker_text}→{new}")


@kind("括号序号后加顿号（（一）、）", "S")
def paren_marker_comma(site: Site, rng: Random) -> Injected | None:
    """A stray 、 after a bracketed marker: （二）、 (brackets already separate the number)."""
    nodes = [n for n in numbered_nodes(site.plan, _BRACKETS) if n.marker_text[-1:] in "）)"]
    node = choose(rng, nodes)
    if node is None:
        return None
    assert node.marker is not None
    end = node.marker.span.end
    return site.done(end, end, "、", S, f"{node.marker_text}→{node.marker_text}、")


@kind("标题结尾句号与同级不一（个别加。）", "S")
def heading_full_stop(site: Site, rng: Random) -> Injected | None:
    """One headline-only heading closed with 。 while its siblings (three or more) end bare."""
    runs = [
        r
        for r in sibling_runs(site.plan, 3)
        if all(n.headline_only and n.headline_end == "" and not n.headline.endswith("”") for n in r)
    ]
    run = choose(rng, runs)
    if run is None:
        return None
    node = rng.choice(run)
    end = node.headline_span.end
    if site.text[end : end + 1] not in ("", "\n"):
        return None
    return site.done(end, end, "。", S, f"{node.marker_text}标题末加句号")


@kind("标题下无内容（占位标题）", "S")
def empty_section(site: Site, rng: Random) -> Injected | None:
    """A heading left as a placeholder: everything under it deleted, the next heading follows at once."""
    candidates = []
    for run in sibling_runs(site.plan, 2):
        for node, following in pairwise(run):
            if node.headline_only and node.children and following.line > node.line + 1:
                candidates.append((node, following))
    pair = choose(rng, candidates)
    if pair is None:
        return None
    node, following = pair
    edits = [
        (site.starts[i], site.starts[i] + len(site.lines[i]), "")
        for i in range(node.line, following.line - 1)
    ]
    return Injected(site.splices(edits), node.line, S, f"删去{node.marker_text}下的全部内容")


_POINT_SKIP = (
    "要抓实校园安全管理，一是健全安全工作责任体系；二是开展安全隐患排查整治；{}是加强学生安全教育和应急演练。",
    "要深化课堂教学改革，一是推进大单元教学；二是完善作业设计与管理；{}是加强教学质量监测。",
    "要加强教师队伍建设，一是强化师德师风建设；二是开展分层分类培训；三是完善教师评价激励机制；{}是落实教师减负措施。",
)
_CN_POINT = re.compile(r"([一二三四五六七八九十])是")


@kind("一是二是跳号", "S")
def point_skipped(site: Site, rng: Random) -> Injected | None:
    """Inline points that skip one: 一是…二是…四是 (a point deleted, the rest not renumbered)."""
    groups: list[list[Point]] = []
    for node in site.plan.numbered():
        for point in node.all_points():
            if point.number == 1 or not groups:
                groups.append([])
            groups[-1].append(point)
    groups = [g for g in groups if len(g) >= 3 and [p.number for p in g] == list(range(1, len(g) + 1))]
    points = choose(rng, groups)
    if points is None:
        template = rng.choice(_POINT_SKIP)
        skipped = cn_numeral(template.count("是") + 1)
        return insert_sentence(site, rng, template.format(skipped), S, f"一是二是…{skipped}是")
    i = rng.randrange(1, len(points))
    edits = [(p.span.start, p.span.start + len(p.marker) - 1, cn_numeral(p.number + 1)) for p in points[i:]]
    text = site.splices(edits)
    return Injected(text, points[i].line, S, f"{points[i].marker}起各加一")
