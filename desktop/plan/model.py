"""The plan model: plain frozen dataclasses that every other part reads.

The draft's text is the single source of truth. A :class:`Plan` is derived from it by
``desktop.plan.parse.parse`` and never edited in place: the GUI edits the text and parses again.
Every span is a pair of character offsets into that same text, so findings, theme mentions and
comparison rows can all point back into what the user edits.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` in the plan's text."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class MarkerStyle(str, Enum):
    """The numbering styles of GB/T 9704 headings and their common variants.

    The value is a stable id used in JSON and configuration. ``rank`` orders the styles the
    way GB/T 9704 nests them (一、 above （一） above 1. above （1） above ①); a document's
    levels come from the styles it actually uses, so 一、 → 1. is as valid as the full chain.
    """

    CN_DUN = "cn_dun"  # 一、
    CN_PAREN = "cn_paren"  # （一）
    ARABIC_DOT = "arabic_dot"  # 1.
    ARABIC_PAREN = "arabic_paren"  # （1）
    CIRCLED = "circled"  # ①

    @property
    def rank(self) -> int:
        return _STYLE_RANK[self]


_STYLE_RANK = {
    MarkerStyle.CN_DUN: 1,
    MarkerStyle.CN_PAREN: 2,
    MarkerStyle.ARABIC_DOT: 3,
    MarkerStyle.ARABIC_PAREN: 4,
    MarkerStyle.CIRCLED: 5,
}


class NodeKind(str, Enum):
    NUMBERED = "numbered"  # a heading or item with a marker: 一、 （一） 1. （1） ①
    ROLE = "role"  # an unnumbered heading that plays a role: 总体要求, 主要任务, 总体目标 …


@dataclass(frozen=True, slots=True)
class Point:
    """An inline enumerated point inside a paragraph: 一是…, 二是…."""

    marker: str  # "一是"
    number: int
    span: Span  # from the marker to the end of the point's text
    line: int


@dataclass(frozen=True, slots=True)
class Block:
    """A labelled block inside an item, e.g. ``目标任务：…`` or ``工作措施：…``."""

    label: str  # "目标任务", without the colon
    span: Span  # the whole paragraph, label included
    line: int
    points: tuple[Point, ...] = ()


@dataclass(frozen=True, slots=True)
class Marker:
    """A numbering marker exactly as written, and what it stands for."""

    text: str  # as written: "一、", "(二)", "1、", "（3）", "④"
    style: MarkerStyle
    number: int
    span: Span
    # The punctuation is the canonical one for the style (（一） not (一), 1. not 1、).
    canonical: bool = True


@dataclass(frozen=True, slots=True)
class Node:
    """A heading or item of the outline, with its children.

    ``level`` is the node's depth in the outline (1 = top). Role headings (总体目标 …) are
    top-level nodes; the numbered items they hold sit at level 2, like items under 一、.
    """

    kind: NodeKind
    level: int
    marker: Marker | None  # None for role headings
    headline: str  # first sentence (or the whole line), without marker and closing punctuation
    headline_span: Span
    headline_end: str  # the punctuation that closed the headline ("。", "：", "" when none)
    span: Span  # the whole node: its own paragraphs and all descendants
    own_span: Span  # the node's own paragraphs, before its first child
    line: int  # 1-based line of the node's first character
    headline_only: bool  # the heading line holds the headline alone, no sentence of body after it
    blocks: tuple[Block, ...] = ()
    points: tuple[Point, ...] = ()  # inline points outside any block
    children: tuple[Node, ...] = ()

    @property
    def style(self) -> MarkerStyle | None:
        return self.marker.style if self.marker else None

    @property
    def number(self) -> int | None:
        return self.marker.number if self.marker else None

    @property
    def marker_text(self) -> str:
        return self.marker.text if self.marker else ""

    def walk(self) -> Iterator[Node]:
        """This node and every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()

    def all_points(self) -> tuple[Point, ...]:
        return self.points + tuple(p for b in self.blocks for p in b.points)


class ParagraphRole(str, Enum):
    """What a line of the text is, as the parser understood it."""

    BLANK = "blank"
    TITLE = "title"
    NOTICE = "notice"  # the issuing notice (关于印发…的通知) kept apart from the plan
    FRONT = "front"  # issuer line under the title, and the like
    PREAMBLE = "preamble"  # introduction between the title and the first heading
    HEADING = "heading"  # a numbered or role heading line (body may follow on it)
    BLOCK = "block"  # a labelled block inside an item (目标任务：…)
    BODY = "body"  # continuation text of a node
    TABLE = "table"  # a row of a table (｜a｜b｜, or tab-separated cells): see desktop.plan.tables
    CLOSING = "closing"  # signature, date, 附注 such as （此件公开发布） after the plan


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One line of the text (a paragraph, for .docx) and what it belongs to."""

    span: Span  # without the line break
    line: int
    role: ParagraphRole


class PlanKind(str, Enum):
    """Who the plan is for: the required themes differ (双减 is compulsory education's, a
    kindergarten plans by 五大领域 rather than 五育). Recognised from the title and issuer,
    settable by the writer in the metadata; the empty value means "not recognised"."""

    BUREAU = "bureau"  # 教育局/教育厅/教体局: the whole system
    KINDERGARTEN = "kindergarten"  # 幼儿园
    COMPULSORY_SCHOOL = "compulsory_school"  # 小学、初中、九年一贯制
    SENIOR_HIGH_SCHOOL = "senior_high_school"  # 普通高中、完全中学
    VOCATIONAL_SCHOOL = "vocational_school"  # 中职、职业学校

    @property
    def label(self) -> str:
        """The Chinese name shown to the writer."""
        return _PLAN_KIND_LABEL[self]


_PLAN_KIND_LABEL = {
    PlanKind.BUREAU: "教育行政部门",
    PlanKind.KINDERGARTEN: "幼儿园",
    PlanKind.COMPULSORY_SCHOOL: "义务教育学校",
    PlanKind.SENIOR_HIGH_SCHOOL: "普通高中",
    PlanKind.VOCATIONAL_SCHOOL: "职业学校",
}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a 公文 says about itself: filled from the text, editable in the app."""

    title: str = ""
    year: int | None = None
    issuer: str = ""  # 发文机关
    date: str = ""  # 成文日期, as written ("2022年1月18日")
    recipients: str = ""  # 主送机关
    cc: tuple[str, ...] = ()  # 抄送
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期
    attachments: tuple[str, ...] = ()  # 附件 names
    note: str = ""  # 附注, e.g. （此件公开发布）
    kind: str = ""  # a PlanKind value, or "" when not recognised

    def to_dict(self) -> dict[str, object]:
        return {
            "title": self.title,
            "year": self.year,
            "issuer": self.issuer,
            "date": self.date,
            "recipients": self.recipients,
            "cc": list(self.cc),
            "printer": self.printer,
            "print_date": self.print_date,
            "attachments": list(self.attachments),
            "note": self.note,
            "kind": self.kind,
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Metadata:
        """Build from a mapping, ignoring unknown keys and coercing types leniently."""

        def text(key: str) -> str:
            value = data.get(key)
            return "" if value is None else str(value)

        def items(key: str) -> tuple[str, ...]:
            value = data.get(key)
            if value is None or value == "":
                return ()
            if isinstance(value, str):
                return (value,)
            if isinstance(value, (list, tuple)):
                return tuple(str(v) for v in value)
            return (str(value),)

        year = data.get("year")
        try:
            year_int = int(year) if year not in (None, "") else None  # type: ignore[arg-type]
        except (TypeError, ValueError):
            year_int = None
        return cls(
            title=text("title"),
            year=year_int,
            issuer=text("issuer"),
            date=text("date"),
            recipients=text("recipients"),
            cc=items("cc"),
            printer=text("printer"),
            print_date=text("print_date"),
            attachments=items("attachments"),
            note=text("note"),
            kind=text("kind") if text("kind") in {k.value for k in PlanKind} else "",
        )

    def merged(self, overrides: Metadata) -> Metadata:
        """These values, with every non-empty field of ``overrides`` taking precedence."""
        values = {}
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(overrides, name)
            values[name] = theirs if theirs not in ("", None, ()) else mine
        return Metadata(**values)


@dataclass(frozen=True, slots=True)
class Notice:
    """The issuing notice (印发通知) that came with the plan, kept apart from it."""

    span: Span
    title: str  # 关于印发…的通知
    body: tuple[Span, ...]  # its paragraphs (主送, 现将…印发给你们, 附件 …)


@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target written in the text: 新建中小学 8 所, 毛入园率达99%以上."""

    subject: str  # what is counted: "新建中小学", "学前三年教育毛入园率"
    value: float  # the number (the low end of a range)
    value_high: float | None  # the high end of a range, None for a single value
    unit: str  # "所", "个", "%", "万个", "名" …
    text: str  # the number and unit as written: "2-3所", "99%以上", "3.1万个"
    span: Span  # the whole target phrase, subject included
    value_span: Span  # the number and unit only
    line: int
    qualifier: str = ""  # "以上", "以下", "左右", "不低于" …


class LineIndex:
    """Maps character offsets of a text to 1-based lines and columns, in O(log n)."""

    __slots__ = ("_length", "_starts")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts
        self._length = len(text)

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 1-based line that holds ``offset``."""
        return bisect.bisect_right(self._starts, offset)

    def column_of(self, offset: int) -> int:
        """The 1-based column of ``offset`` on its line."""
        line = self.line_of(offset)
        return offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        """The offset where 1-based ``line`` begins."""
        return self._starts[line - 1]

    def line_span(self, line: int) -> Span:
        """The span of 1-based ``line``, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] - 1 if line < len(self._starts) else self._length
        return Span(start, end)


@dataclass(frozen=True)
class Plan:
    """A parsed plan: the text it came from and everything recognised in it."""

    text: str
    metadata: Metadata
    nodes: tuple[Node, ...]
    paragraphs: tuple[Paragraph, ...]
    title_span: Span | None = None
    notice: Notice | None = None
    lines: LineIndex = field(default_factory=lambda: LineIndex(""), repr=False, compare=False)

    @property
    def title(self) -> str:
        return self.metadata.title

    @property
    def year(self) -> int | None:
        return self.metadata.year

    def walk(self) -> Iterator[Node]:
        """Every node, depth first, in document order."""
        for node in self.nodes:
            yield from node.walk()

    def numbered(self) -> Iterator[Node]:
        """Every numbered node (headings and items with a marker), in document order."""
        return (n for n in self.walk() if n.kind is NodeKind.NUMBERED)

    def items(self) -> list[Node]:
        """The plan's work items: numbered nodes with no numbered children below them."""
        return [n for n in self.numbered() if not any(c.kind is NodeKind.NUMBERED for c in n.children)]

    def node_at(self, offset: int) -> Node | None:
        """The deepest node whose span holds ``offset``; None outside every node."""
        found: Node | None = None
        level = self.nodes
        while True:
            for node in level:
                if node.span.start <= offset <= node.span.end:
                    found = node
                    level = node.children
                    break
            else:
                return found

    def path_of(self, target: Node) -> str:
        """The node's path of markers (or role headlines), e.g. ``"二、/7."``."""
        trail: list[Node] = []

        def search(nodes: tuple[Node, ...]) -> bool:
            for node in nodes:
                trail.append(node)
                if node is target or search(node.children):
                    return True
                trail.pop()
            return False

        search(self.nodes)
        return "/".join(n.marker_text or n.headline for n in trail)

    def body_paragraphs(self) -> list[Paragraph]:
        """The plan's own paragraphs: everything except the notice, blank lines and closing."""
        excluded = {ParagraphRole.NOTICE, ParagraphRole.BLANK}
        return [p for p in self.paragraphs if p.role not in excluded]
