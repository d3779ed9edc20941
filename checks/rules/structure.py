"""S rules, structure: a heading with one lone child, an empty section, headline punctuation.

These read the outline tree only. A scheme that goes straight from 一、 to 1. is legitimate and
common in annual plans (the （一） level is skipped), so nothing here compares a node's style
with the GB/T 9704 chain; only siblings and the document's own habits are compared.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Fix, Severity
from checks.rule import Option, Rule
from checks.rules.passages import cut_at_end
from checks.rules.sequence import sequences
from desktop.plan.model import Node, NodeKind, Span

_END_NAMES = {
    "。": "句号",
    "：": "冒号",
    ":": "冒号",
    "；": "分号",
    ";": "分号",
    "，": "逗号",
    ",": "逗号",
    "": "无标点",
}


def _numbered_children(node: Node) -> list[Node]:
    return [c for c in node.children if c.kind is NodeKind.NUMBERED]


def _run_in_siblings(ctx: Context, parent: Node, child: Node) -> bool:
    """Other items of ``child``'s list stand run into a paragraph instead of on lines of their own."""
    for sequence in sequences(ctx):
        if any(e.node is child for e in sequence.entries):
            return any(
                e.inline is not None and parent.span.contains(e.inline.start) for e in sequence.entries
            )
    return False


class SingleChild(Rule):
    """一个标题下只有一个下级序号（（一）下只有 1.）。

    Why: a level is divided into parts only when there are at least two; a lone 1. is either
    a leftover of deleted siblings or should be merged into its heading.
    """

    code = "S006"
    name = "single-child"
    title = "下级序号只有一个"
    severity = Severity.INFO
    basis = "实务"
    bad = "一、加强党建\n（一）抓班子\n1.抓学习。\n（二）抓队伍\n2.抓培训。\n3.抓考核。"
    good = "一、加强党建\n（一）抓班子\n1.抓学习。\n2.抓制度。\n（二）抓队伍\n3.抓培训。\n4.抓考核。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        from checks.rules.marker_forms import inverted_styles

        if inverted_styles(ctx):
            return  # an inverted outline nests wrongly everywhere; S010 names the cause
        cut = cut_at_end(ctx)
        end = len(ctx.text.rstrip())
        for node in ctx.plan.numbered():
            children = _numbered_children(node)
            if len(children) == 1:
                child = children[0]
                if cut and node.span.end >= end:
                    continue  # the text stops inside this section: its other items are not there
                if _run_in_siblings(ctx, node, child):
                    continue  # 2. is there, run into 1.'s paragraph (S012 says so)
                yield ctx.finding(
                    self,
                    child.marker.span,
                    f"“{node.marker_text}{node.headline[:12]}”下只有一个下级序号“{child.marker_text}”，"
                    "应至少分两项，或并入上级标题",
                )


class EmptySection(Rule):
    """标题下没有任何内容（三、 之后紧接着 四、）。

    Why: when its sibling headings all have items, a heading with nothing under it was left
    empty by mistake (content deleted or not yet written). An item that is itself a sentence
    (it ends with 。 or runs on with commas) has its content in it and is not a heading; the
    last heading of a text that stops there is unfinished, not empty.
    """

    code = "S007"
    name = "empty-section"
    title = "标题下无内容"
    severity = Severity.WARNING
    basis = "实务"
    bad = "一、加强党建\n1.抓学习。\n二、推进改革\n三、保障安全\n2.抓安全。"
    good = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。\n三、保障安全\n3.抓安全。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        from checks.rules.marker_forms import inverted_styles

        if inverted_styles(ctx):
            return  # an inverted outline nests wrongly everywhere; S010 names the cause
        end = len(ctx.text.rstrip())
        cut = cut_at_end(ctx)
        for siblings in _sibling_groups(ctx):
            if not any(_numbered_children(n) for n in siblings):
                continue  # a list of items, not of headings
            for node in siblings:
                if node.children or node.blocks or node.points:
                    continue
                if node.headline_end in _SENTENCE_ENDS or (
                    len(node.headline) > _TITLE_LENGTH and any(ch in node.headline for ch in "，,；;")
                ):
                    continue  # 3.继续推进教学改革，…，提高教学效能。: an item that is its own content
                if cut and node.span.end >= end:
                    continue  # the text stops at this heading
                body = ctx.text[node.headline_span.end : node.own_span.end].strip(" \u3000\n\t。：:")
                if body:
                    continue
                yield ctx.finding(
                    self, node.headline_span, f"标题“{node.marker_text}{node.headline[:16]}”下没有任何内容"
                )


_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";")
_TITLE_LENGTH = 30  # a heading is rarely longer; a headline beyond it is a sentence of content


def _sibling_groups(ctx: Context) -> Iterator[list[Node]]:
    """Numbered siblings of every parent (the plan's top level included)."""
    stack: list[tuple[Node, ...]] = [ctx.plan.nodes]
    while stack:
        level = stack.pop()
        numbered = [n for n in level if n.kind is NodeKind.NUMBERED]
        if numbered:
            yield numbered
        stack.extend(n.children for n in level if n.children)


class HeadlineEnding(Rule):
    """条目标题的结尾标点与全文习惯不一致（多数以句号结束，个别用逗号、分号或不加）。

    Why: a document settles one habit for item headlines (1.加强党建。 then the text, or the
    headline alone on its line); an item that breaks it was usually pasted in from elsewhere.
    """

    code = "S008"
    name = "headline-ending"
    title = "条目标题结尾标点不一致"
    severity = Severity.INFO
    basis = "实务"
    bad = (
        "一、重点工作\n1.加强党建。抓学习。\n2.深化改革。抓改革。\n3.保障安全。抓安全。\n"
        "4.提升质量。抓质量。\n5.建强队伍。抓队伍。\n6.优化服务：抓服务。"
    )
    good = (
        "一、重点工作\n1.加强党建。抓学习。\n2.深化改革。抓改革。\n3.保障安全。抓安全。\n"
        "4.提升质量。抓质量。\n5.建强队伍。抓队伍。\n6.优化服务。抓服务。"
    )

    options = (
        Option("minimum-items", int, 5, "至少有这么多条目时，才判断结尾标点的习惯"),
        Option("majority", float, 0.8, "同一种结尾标点的条目占到此比例，才算全文的习惯"),
    )

    def check(self, ctx: Context) -> Iterator[Finding]:
        minimum = int(ctx.option(self, "minimum-items"))  # type: ignore[call-overload]
        majority_share = float(ctx.option(self, "majority"))  # type: ignore[arg-type]
        from desktop.plan.renumber import numbering_runs

        # Compare items with the items of their own list only: the goals under 总体目标 may be
        # written "事业发展水平：…" while the tasks that follow end their headlines with 。.
        cut, text_end = cut_at_end(ctx), len(ctx.text.rstrip())
        leaves = {id(n) for n in ctx.plan.items()}
        runs = ctx.memo("numbering_runs", lambda: numbering_runs(ctx.plan))
        groups = [[n for n in run.nodes if id(n) in leaves] for run in runs]
        for nodes in groups:
            if len(nodes) < minimum:
                continue
            endings = Counter(_ending(ctx, n) for n in nodes)
            norm, count = endings.most_common(1)[0]
            if count == len(nodes) or count / len(nodes) < majority_share:
                continue
            for node in nodes:
                if cut and node.span.end >= text_end:
                    continue  # the text stops inside this item: its ending is not written yet
                end = _ending(ctx, node)
                if end != norm:
                    yield ctx.finding(
                        self,
                        node.headline_span,
                        f"条目标题以{_END_NAMES.get(end, end)}结束，全文其余条目标题多以"
                        f"{_END_NAMES.get(norm, norm)}结束（{count}/{len(nodes)}）",
                    )


_FULL_WIDTH_END = str.maketrans(":;,", "：；，")


def _ending(ctx: Context, node: Node) -> str:
    """What closes the headline: its punctuation (full-width, so : and ： are one habit), or ""
    for a headline alone on its line."""
    if node.headline_end:
        return node.headline_end.translate(_FULL_WIDTH_END)
    after = ctx.text[node.headline_span.end : node.headline_span.end + 1]
    return after.translate(_FULL_WIDTH_END) if after in _END_NAMES and after != "\n" else ""


def _has_body(ctx: Context, node: Node) -> bool:
    """Text stands under the heading's line (a paragraph of its own, not the headline's sentence)."""
    line_end = ctx.text.find("\n", node.headline_span.end)
    return (line_end != -1 and bool(ctx.text[line_end : node.own_span.end].strip())) or bool(node.blocks)


_HEADING_END_NAMES = {
    "。": "句号",
    "；": "分号",
    ";": "分号",
    "，": "逗号",
    ",": "逗号",
    "：": "冒号",
    ":": "冒号",
}


class HeadingEndPunctuation(Rule):
    """独占一行的标题末尾用了标点，而同级其他标题都不用（一、加强党建。 与 二、推进改革）。

    Why: GB/T 15834—2011 附录 B: 标题末尾通常不用标点符号. A heading standing alone on its line,
    with items or text under it, is a title; when the other headings of its level carry no end
    mark, the one that does was pasted in or slipped. A one-line item is its own content, no title. (A headline that runs into its text, 1.抓学习。学习…, is a sentence
    and ends with 。: that is S008's business, not this.)
    """

    code = "S011"
    name = "heading-end-punctuation"
    title = "标题末尾标点与同级不一致"
    severity = Severity.WARNING
    basis = "GB/T 15834—2011 附录 B"
    bad = "一、加强党建。\n1.抓学习。\n二、推进改革\n2.抓改革。\n三、保障安全\n3.抓安全。"
    good = "一、加强党建\n1.抓学习。\n二、推进改革\n2.抓改革。\n三、保障安全\n3.抓安全。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        groups: dict[object, list[Node]] = {}
        for node in ctx.plan.numbered():
            if node.headline_only and node.headline and (_numbered_children(node) or _has_body(ctx, node)):
                groups.setdefault(node.style, []).append(node)
        for nodes in groups.values():
            bare = [n for n in nodes if not n.headline_end]
            marked = [n for n in nodes if n.headline_end in _HEADING_END_NAMES]
            if len(bare) < 2 or len(bare) < 2 * len(marked) or len(bare) + len(marked) < 3:
                continue
            for node in marked:
                end = node.headline_span.end
                mark_at = ctx.text.find(node.headline_end, end)
                span = Span(mark_at, mark_at + 1)
                name = _HEADING_END_NAMES[node.headline_end]
                yield ctx.finding(
                    self,
                    span,
                    f"标题“{node.marker_text}{node.headline[:12]}”末尾用了{name}，同级其他{len(bare)}个标题都不用标点",
                    Fix(span, "", f"删去{name}"),
                )


RULES: tuple[type[Rule], ...] = (SingleChild, EmptySection, HeadlineEnding, HeadingEndPunctuation)
