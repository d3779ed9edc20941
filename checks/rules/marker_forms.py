"""S rules on how markers are written and nested: mixed forms, wrong punctuation, inverted levels.

GB/T 9704—2012 7.3.3 names the levels of a document's structure 一、 （一） 1. （1）, in that
order, and GB/T 15834—2011 附录 B gives the punctuation after each (顿号 after 一, a full stop
after 1, nothing after a bracket). A document may start at any level and skip one (一、 → 1. is
common), but it may not put a lower level's marker above a higher one's.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Rule
from desktop.plan.markers import format_marker
from desktop.plan.model import MarkerStyle, Node

BASIS_MARKERS = "GB/T 9704—2012 7.3.3；GB/T 15834—2011 附录 B"


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


def _judged(ctx: Context, node: Node) -> bool:
    """The marker is the S rules' to judge: not a bracket only half-width in a half-width document
    (P002's one document-level finding fixes those brackets with the rest)."""
    from checks.rules.punctuation import half_width_document, half_width_marker

    return not (half_width_marker(node) and half_width_document(ctx))


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
    basis = BASIS_MARKERS
    bad = "一、加强党建\n（一）抓学习。\n(二)抓班子。\n（三）抓队伍。"
    good = "一、加强党建\n（一）抓学习。\n（二）抓班子。\n（三）抓队伍。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for nodes, forms, majority in _level_forms(ctx):
            if len(forms) < 2:
                continue
            listed = "、".join(f"“{f.replace('X', '')}”" for f in forms)
            minority: dict[str, list[Node]] = defaultdict(list)
            for node in nodes:
                if _form(node) != majority and not node.marker.canonical and _judged(ctx, node):  # type: ignore[union-attr]
                    minority[_form(node)].append(node)
            for same in minority.values():
                first = same[0]
                right = format_marker(first.marker.style, first.marker.number)  # type: ignore[union-attr]
                shown = "、".join(f"“{n.marker_text}”" for n in same)
                yield ctx.finding(
                    self,
                    first.marker.span,  # type: ignore[union-attr]
                    f"同级序号写法不统一（{listed}并用）：{shown}应写作“{right}”"
                    + ("式" if len(same) > 1 else ""),
                    fixes=tuple(_canonical_fix(n) for n in same),
                )


class MarkerPunctuation(Rule):
    """序号的标点用错（一. 、（一）、、1、、1．）。

    Why: GB/T 9704—2012 7.3.3 fixes the forms 一、 （一） 1. （1）, and GB/T 15834—2011 附录 B
    the marks after them: 一. mixes a Chinese numeral with a Western full stop, 1、 puts a 顿号
    where a full stop belongs, and （一）、 doubles the separator.
    """

    code = "S005"
    name = "marker-punctuation"
    title = "序号标点不规范"
    severity = Severity.WARNING
    basis = BASIS_MARKERS
    bad = "一.加强党建\n（一）、抓学习。\n（二）、抓班子。"
    good = "一、加强党建\n（一）抓学习。\n（二）抓班子。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for nodes, forms, majority in _level_forms(ctx):
            wrong = [n for n in nodes if not n.marker.canonical]  # type: ignore[union-attr]
            if len(forms) > 1:
                # S004 reports the minority forms; here only the majority's own mistakes remain.
                wrong = [n for n in wrong if _form(n) == majority]
            wrong = [n for n in wrong if _judged(ctx, n)]
            by_form: dict[str, list[Node]] = defaultdict(list)
            for node in wrong:
                by_form[node.marker_text.translate(_NO_DIGITS)].append(node)
            for same in by_form.values():
                yield self._finding(ctx, same, everywhere=len(same) == len(nodes))

    def _finding(self, ctx: Context, same: list[Node], everywhere: bool) -> Finding:
        """One finding for the markers of a level written the same wrong way, with a fix for each."""
        first = same[0]
        right = format_marker(first.marker.style, first.marker.number)  # type: ignore[union-attr]
        if len(same) == 1:
            span = first.marker.span  # type: ignore[union-attr]
            return ctx.finding(self, span, f"序号“{first.marker_text}”应写作“{right}”", _canonical_fix(first))
        if everywhere:
            message = f"本层级序号均写作“{first.marker_text}”式（共{len(same)}处），应写作“{right}”式"
        else:
            message = f"本层级有{len(same)}处序号写作“{first.marker_text}”式，应写作“{right}”式"
        return ctx.finding(
            self,
            first.marker.span,  # type: ignore[union-attr]
            message,
            fixes=tuple(_canonical_fix(n) for n in same),
        )


_NO_DIGITS = str.maketrans("", "", "0123456789０１２３４５６７８９一二三四五六七八九十百零〇")


def inverted_styles(ctx: Context) -> dict[MarkerStyle, tuple[MarkerStyle, Node]]:
    """Marker styles used below a style that GB/T 9704 ranks lower: upper style → (lower, first node).

    Read from the order of the markers, not from the tree (the parser nests by rank, so it cannot
    show an inversion): a style whose numbering restarts at 1 directly after a marker of a
    lower-ranked style — no heading in between — at least twice, is written below it. One inversion explains the gaps,
    restarts and lone children it makes, so the other S rules leave those styles alone.
    """

    def compute() -> dict[MarkerStyle, tuple[MarkerStyle, Node]]:
        # Every node in text order, role headings included: a list that restarts after 主要任务
        # or after a higher section's marker (二、 before （一）) restarts for that reason.
        walk = list(ctx.plan.walk())
        opened: dict[tuple[MarkerStyle, MarkerStyle], list[tuple[Node, Node]]] = defaultdict(list)
        for a, b in itertools.pairwise(walk):
            if a.style is None or b.style is None or b.number != 1 or b.style.rank >= a.style.rank:
                continue
            opened[(b.style, a.style)].append((a, b))
        found: dict[MarkerStyle, tuple[MarkerStyle, Node]] = {}
        for (upper, lower), pairs in opened.items():
            rising = all(x[0].number < y[0].number for x, y in itertools.pairwise(pairs))  # type: ignore[operator]
            if len(pairs) >= 2 and rising and upper not in found:
                found[upper] = (lower, pairs[0][1])
        return found

    return ctx.memo("inverted_styles", compute)


class InvertedLevels(Rule):
    """层次序数颠倒（（一）之下用一、，1. 之下用（一））。

    Why: GB/T 9704—2012 7.3.3: 第一层为“一、”，第二层为“（一）”，第三层为“1.”，第四层为
    “（1）”. A document may begin at any level and skip one, but a higher level's marker under a
    lower level's (（一） above 一、) turns the outline upside down for every reader who knows the
    convention. A warning, since some schools number this way on purpose.
    """

    code = "S010"
    name = "inverted-levels"
    title = "层次序数颠倒"
    severity = Severity.WARNING
    basis = "GB/T 9704—2012 7.3.3"
    bad = "（一）指导思想\n一、坚持立德树人\n二、坚持改革创新\n（二）主要任务\n一、加强党建\n二、推进改革"
    good = (
        "一、指导思想\n（一）坚持立德树人\n（二）坚持改革创新\n二、主要任务\n（一）加强党建\n（二）推进改革"
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        for upper, (lower, node) in sorted(inverted_styles(ctx).items(), key=lambda kv: kv[1][1].span.start):
            yield ctx.finding(
                self,
                node.marker.span,  # type: ignore[union-attr]
                f"层次序数颠倒：“{format_marker(lower, 1)}”之下用了“{format_marker(upper, 1)}”；"
                "依次应为“一、”“（一）”“1.”“（1）”",
            )


RULES: tuple[type[Rule], ...] = (MixedMarkerForms, MarkerPunctuation, InvertedLevels)
