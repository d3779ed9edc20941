"""S rules, numbering: gaps, duplicates, numbers going backwards, a level that does not start at
one, items run into the paragraph before them; the S registry of numbering and marker forms.

Every judgement of order comes from ``sequence.sequences`` (one judge, one reason per number);
the renumbering fixes come from ``desktop.plan.renumber`` — the same runs — so a finding and its
fix never disagree about whether numbering restarts per section or runs on across sections.
"""

from __future__ import annotations

from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from checks.rules import inline_points, marker_forms
from checks.rules.sequence import Entry, Sequence, Verdict, expected_marker, sequences
from desktop.plan.model import Node, ParagraphRole, Span

BASIS_9704 = "GB/T 9704—2012 7.3.3"


def _renumbered_markers(ctx: Context) -> dict[int, str]:
    """Marker start offset → the marker renumbering writes there (renumber's own edits)."""

    def compute() -> dict[int, str]:
        from desktop.plan.renumber import renumber_edits

        return {start: new for start, _end, new in renumber_edits(ctx.plan)}

    return ctx.memo("renumbered_markers", compute)


def _renumber_fixes(ctx: Context, sequence: Sequence, node: Node) -> dict[str, object]:
    """Finding keywords: the renumbering of the node and of the rest of its run, all as
    ``fixes`` (no single ``fix``), because renumbering one marker without the ones after it
    moves the problem to the next item instead of removing it; a panel that applies only a
    finding's single fix must not be able to do that.
    No fix when the list holds run-in items, or is one of several lists renumbering would join
    (（1）（2） under 目标任务： and again under 工作措施：): renumbering counts only whole runs."""
    nodes = list(sequence.run.nodes)
    if any(e.inline for e in sequence.entries) or len(sequence.entries) != len(nodes):
        return {}
    edits = _renumbered_markers(ctx)
    rest = nodes[nodes.index(node) :]
    found = [
        Fix(n.marker.span, edits[n.marker.span.start], f"重新编号为“{edits[n.marker.span.start]}”")
        for n in rest
        if n.marker and n.marker.span.start in edits
    ]
    return {"fixes": tuple(found)}


def _verdicts(ctx: Context, *kinds: str) -> Iterator[tuple[Sequence, Verdict]]:
    for sequence in sequences(ctx):
        for verdict in sequence.verdicts:
            if verdict.kind in kinds and verdict.entry.inline is None:
                yield sequence, verdict


def _where(node: Node) -> str:
    return f"“{node.marker_text}{node.headline[:12]}”"


def _marker_text(ctx: Context, entry: Entry) -> str:
    return entry.span.slice(ctx.text).strip()


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
        for sequence, verdict in _verdicts(ctx, "gap"):
            node = verdict.entry.node
            if _empty_heading_between(ctx, verdict.previous.span.end, node):
                continue  # the missing items were under a heading now left empty (S007 says so)
            missing = expected_marker(verdict.entry, verdict.expected)
            yield ctx.finding(
                self,
                node.marker.span,  # type: ignore[union-attr]
                f"序号跳号：{_marker_text(ctx, verdict.previous)}之后应为“{missing}”，此处为“{node.marker_text}”",
                **_renumber_fixes(ctx, sequence, node),
            )


def _empty_heading_between(ctx: Context, start: int, node: Node) -> bool:
    """A heading above ``node``'s level, with nothing under it, stands between ``start`` and it."""
    end = node.marker.span.start  # type: ignore[union-attr]
    rank = node.style.rank if node.style else 0
    for heading in ctx.plan.numbered():
        if not (start <= heading.span.start < end) or heading.style is None or heading.style.rank >= rank:
            continue
        if heading.children or heading.blocks or heading.points:
            continue
        if not ctx.text[heading.headline_span.end : heading.own_span.end].strip(" \u3000\n\t。：:"):
            return True
    return False


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
        for sequence, verdict in _verdicts(ctx, "duplicate"):
            node = verdict.entry.node
            yield ctx.finding(
                self,
                node.marker.span,  # type: ignore[union-attr]
                f"序号重复：{_where(verdict.previous.node)}之后又是“{node.marker_text}”，"
                f"此处应为“{expected_marker(verdict.entry, verdict.expected)}”",
                **_renumber_fixes(ctx, sequence, node),
            )


class NumberingBackwards(Rule):
    """同一层级的序号倒退或前后颠倒（三、之后又是二、；3. 之后是 2.）。

    Why: a number smaller than the one before it is an item moved up or down without
    renumbering, or two numbers exchanged; the reader meets 二 after 三 and cannot cite either.
    Reported as what it is, not as a gap, and the numbers after it are judged against the order.
    """

    code = "S009"
    name = "numbering-backwards"
    title = "序号倒退或颠倒"
    severity = Severity.ERROR
    basis = BASIS_9704
    bad = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。\n三、保障安全\n3.抓安全。\n二、提升质量\n4.抓质量。"
    good = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。\n三、保障安全\n3.抓安全。\n四、提升质量\n4.抓质量。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for sequence, verdict in _verdicts(ctx, "backwards", "swapped", "restarted"):
            node = verdict.entry.node
            before = _marker_text(ctx, verdict.previous)
            if verdict.kind == "swapped" and verdict.previous is verdict.entry:
                message = (
                    f"序号前后颠倒：开头先是“{node.marker_text}”，后是“{expected_marker(verdict.entry, 1)}”"
                )
            elif verdict.kind == "restarted":
                message = (
                    f"序号倒退：{_where(verdict.previous.node)}之后又从“{node.marker_text}”重新编号；"
                    f"如属新的一组，应在其前补上上级标题，否则此处应为“{expected_marker(verdict.entry, verdict.expected)}”"
                )
            elif verdict.kind == "swapped":
                message = (
                    f"序号前后颠倒：{before}之后先是“{node.marker_text}”，"
                    f"后是“{expected_marker(verdict.entry, verdict.expected)}”"
                )
            else:
                message = (
                    f"序号倒退：{_where(verdict.previous.node)}之后又是“{node.marker_text}”，"
                    f"此处应为“{expected_marker(verdict.entry, verdict.expected)}”"
                )
            yield ctx.finding(self, node.marker.span, message, **_renumber_fixes(ctx, sequence, node))  # type: ignore[union-attr]


class NumberingStart(Rule):
    """某一层级的编号不从一开始（第一个标题就是 三、）。

    Why: a list that starts at 三、 or 2. has lost its first entries. Not reported where the text
    visibly begins at that heading (no title and nothing before it: an excerpt of a longer
    document), nor where the first numbers are there but run into the text before.
    """

    code = "S003"
    name = "numbering-start"
    title = "序号不从一开始"
    severity = Severity.ERROR
    basis = BASIS_9704
    bad = "2024年工作要点\n\n三、加强党建\n1.抓学习。\n四、推进改革\n2.抓改革。"
    good = "2024年工作要点\n\n一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        opening = _opening_node(ctx)
        for sequence in sequences(ctx):
            first = sequence.entries[0]
            if first.inline is not None or first.number in (0, 1):
                continue
            if any(v.entry is first for v in sequence.verdicts):
                continue  # 2 1 3: the first two exchanged (S009)
            if first.node is opening:
                continue  # the text starts here: an excerpt of a longer plan
            if _empty_heading_between(ctx, 0, first.node):
                continue  # numbering runs on and items 1 … were under a heading now empty (S007)
            node = first.node
            should = expected_marker(first, 1)
            yield ctx.finding(
                self,
                node.marker.span,  # type: ignore[union-attr]
                f"本层级编号从“{node.marker_text}”开始，应从“{should}”开始",
                **_renumber_fixes(ctx, sequence, node),
            )


def _opening_node(ctx: Context) -> Node | None:
    """The first numbered node, when the text begins with it (no title, no text before it)."""
    if ctx.plan.title_span is not None:
        return None
    first = next(ctx.plan.numbered(), None)
    if first is None:
        return None
    before = [
        p for p in ctx.paragraphs if p.span.end <= first.span.start and p.role is not ParagraphRole.FRONT
    ]
    return None if before else first


class RunInItem(Rule):
    """序号没有另起一行（……劳动教育；4.全面推进……）。

    Why: GB/T 9704—2012 7.3.3 numbers the levels of a document's structure; an item is a
    paragraph of its own. A marker in the middle of a paragraph whose list then goes on with
    items on lines of their own (3. …；4. … then 5. on a new line) was run in by a careless paste
    or a lost line break, and the outline cannot show it. A list written inline to its end
    （（1）…；（2）…；（3）…） is a style, and is left alone.
    """

    code = "S012"
    name = "run-in-item"
    title = "序号未另起一行"
    severity = Severity.WARNING
    basis = BASIS_9704
    bad = "一、加强党建\n1.抓学习，提升理论水平；2.抓班子，建强领导集体。\n3.抓队伍。"
    good = "一、加强党建\n1.抓学习，提升理论水平。\n2.抓班子，建强领导集体。\n3.抓队伍。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        by_line: dict[int, list[Entry]] = {}
        for sequence in sequences(ctx):
            entries = sequence.entries
            for k, entry in enumerate(entries):
                if entry.inline is None:
                    continue
                if all(later.inline is not None for later in entries[k + 1 :]):
                    continue  # （1）…；（2）…；（3）… closing the list: an inline enumeration, a style
                by_line.setdefault(ctx.plan.lines.line_of(entry.inline.start), []).append(entry)
        for entries in by_line.values():
            shown = "".join(f"“{_marker_text(ctx, e)}”" for e in entries)
            yield ctx.finding(
                self,
                Span(entries[0].inline.start, entries[-1].inline.end),  # type: ignore[union-attr]
                f"序号{shown}夹在段落中间，没有另起一行",
            )


RULES: tuple[type[Rule], ...] = tuple(
    sorted(
        (
            NumberingGap,
            NumberingDuplicate,
            NumberingStart,
            NumberingBackwards,
            RunInItem,
            *marker_forms.RULES,
            *inline_points.RULES,
        ),
        key=lambda rule: rule.code,
    )
)
