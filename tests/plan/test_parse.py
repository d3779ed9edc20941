"""The parser on hand-written plans: levels from the styles used, headlines, errors that keep the tree."""

from __future__ import annotations

import pytest

from desktop.plan.markers import format_marker, match_marker
from desktop.plan.model import MarkerStyle, NodeKind
from desktop.plan.parse import parse

FULL_CHAIN = """2027年某区教育工作要点
一、加强党的建设
（一）强化理论武装
1.深入学习。组织专题学习。
（1）开展培训。全年培训3次。
（2）开展研讨。
2.压实责任。
（二）推进作风建设
二、办好人民满意教育
"""


def outline(plan):
    return [(n.level, n.marker_text or n.headline) for n in plan.walk()]


def test_full_four_level_chain():
    plan = parse(FULL_CHAIN)
    assert outline(plan) == [
        (1, "一、"),
        (2, "（一）"),
        (3, "1."),
        (4, "（1）"),
        (4, "（2）"),
        (3, "2."),
        (2, "（二）"),
        (1, "二、"),
    ]
    assert plan.metadata.title == "2027年某区教育工作要点" and plan.metadata.year == 2027


def test_section_then_items_skipping_a_level():
    plan = parse("一、总体\n1.甲。\n2.乙。\n二、分项\n3.丙。\n")
    assert outline(plan) == [(1, "一、"), (2, "1."), (2, "2."), (1, "二、"), (2, "3.")]


@pytest.mark.parametrize(
    "line, style, number, canonical",
    [
        ("一、加强", MarkerStyle.CN_DUN, 1, True),
        ("十二、加强", MarkerStyle.CN_DUN, 12, True),
        ("一.加强", MarkerStyle.CN_DUN, 1, False),
        ("（一）加强", MarkerStyle.CN_PAREN, 1, True),
        ("(二)加强", MarkerStyle.CN_PAREN, 2, False),
        ("（三）、加强", MarkerStyle.CN_PAREN, 3, False),
        ("1.加强", MarkerStyle.ARABIC_DOT, 1, True),
        ("12、加强", MarkerStyle.ARABIC_DOT, 12, False),
        ("3．加强", MarkerStyle.ARABIC_DOT, 3, False),
        ("（1）加强", MarkerStyle.ARABIC_PAREN, 1, True),
        ("(2)加强", MarkerStyle.ARABIC_PAREN, 2, False),
        ("②加强", MarkerStyle.CIRCLED, 2, True),
        # Forms that copies produce: small full stop, a space before the dot, a half bracket,
        # a number a PDF doubled, a zero-padded bare number.
        ("1﹒加强", MarkerStyle.ARABIC_DOT, 1, False),
        ("一﹒加强", MarkerStyle.CN_DUN, 1, False),
        ("1 .加强", MarkerStyle.ARABIC_DOT, 1, False),
        ("1)加强", MarkerStyle.ARABIC_PAREN, 1, False),
        ("(1 1 )加强", MarkerStyle.ARABIC_PAREN, 1, False),
        ("（2 2）加强", MarkerStyle.ARABIC_PAREN, 2, False),
        ("(一 一)加强", MarkerStyle.CN_PAREN, 1, False),
        ("01加强", MarkerStyle.ARABIC_DOT, 1, False),
        ("01.加强", MarkerStyle.ARABIC_DOT, 1, False),
    ],
)
def test_marker_variants(line, style, number, canonical):
    found = match_marker(line)
    assert found is not None
    assert (found.style, found.number, found.canonical) == (style, number, canonical)


@pytest.mark.parametrize(
    "line",
    [
        "3.1万个学位",
        "2020年是",
        "一是加强",
        "十四五”规划",
        "一、二年级学生",
        "统一是",
        "12所学校",
        "(1 2)号楼",
        "2 2022 年",
    ],
)
def test_prose_is_not_a_marker(line):
    assert match_marker(line) is None


def test_format_marker_canonical_forms():
    assert format_marker(MarkerStyle.CN_DUN, 21) == "二十一、"
    assert format_marker(MarkerStyle.CN_PAREN, 10) == "（十）"
    assert format_marker(MarkerStyle.ARABIC_DOT, 7) == "7."
    assert format_marker(MarkerStyle.ARABIC_PAREN, 3) == "（3）"
    assert format_marker(MarkerStyle.CIRCLED, 4) == "④"


def test_headline_first_sentence_or_short_phrase_before_colon():
    plan = parse(
        "一、任务\n1.事业发展水平:入园率达99%以上;巩固率100%。\n2.推进均衡发展。完成评估。\n3.只有标题\n"
    )
    items = plan.nodes[0].children
    assert [(i.headline, i.headline_end, i.headline_only) for i in items] == [
        ("事业发展水平", ":", False),
        ("推进均衡发展", "。", False),
        ("只有标题", "", True),
    ]


def test_numbering_errors_keep_a_sensible_tree():
    text = "三、开头就是三\n1.甲。\n1.重复。\n4.跳号。\n五、跳了四\n正文没有编号。\n（一）小节\n"
    plan = parse(text)
    assert outline(plan) == [(1, "三、"), (2, "1."), (2, "1."), (2, "4."), (1, "五、"), (2, "（一）")]
    # The unnumbered paragraph belongs to 五、.
    assert plan.nodes[1].own_span.end > plan.nodes[1].headline_span.end


def test_role_headings_hold_items_but_not_sections():
    text = "指导思想：以人民为中心。\n总体目标：\n1.甲。\n2.乙。\n主要任务：\n一、党建\n1.丙。\n"
    plan = parse(text)
    assert outline(plan) == [
        (1, "指导思想"),
        (1, "总体目标"),
        (2, "1."),
        (2, "2."),
        (1, "主要任务"),
        (1, "一、"),
        (2, "1."),
    ]
    assert plan.nodes[0].kind is NodeKind.ROLE and not plan.nodes[0].headline_only


def test_single_style_items_stay_under_role_heading():
    plan = parse("主要任务\n1.甲。\n2.乙。\n保障措施\n1.丙。\n")
    assert outline(plan) == [(1, "主要任务"), (2, "1."), (2, "2."), (1, "保障措施"), (2, "1.")]


def test_inline_points_need_a_clause_start_and_a_sequence():
    plan = parse("1.推进改革。一是加强领导；二是完善制度；三是强化考核。统一是关键。\n2.只有一是一个。\n")
    first, second = plan.nodes
    assert [p.marker for p in first.points] == ["一是", "二是", "三是"]
    assert second.points == ()


def test_labelled_blocks_inside_an_item():
    plan = parse("一、党建\n1.深入学习\n目标任务：学深悟透。\n工作措施：一是学；二是做。\n2.下一项\n")
    item = plan.nodes[0].children[0]
    assert [b.label for b in item.blocks] == ["目标任务", "工作措施"]
    assert [p.number for p in item.blocks[1].points] == [1, 2]
    assert plan.nodes[0].children[1].headline == "下一项"


def test_text_without_markers_gives_an_empty_outline():
    plan = parse("今年的工作很多。\n我们要努力。\n")
    assert plan.nodes == ()
    assert len(plan.body_paragraphs()) == 2


@pytest.mark.parametrize("text", ["", "\n\n", "一、", "（", "1.", "①", "关于印发的通知\n附件："])
def test_degenerate_texts_do_not_raise(text):
    parse(text)


def test_bare_numbers_count_as_markers_only_in_their_sequence():
    lines = [f"{n:02d}项目{n}" for n in range(1, 12)]
    plan = parse("一、党建\n" + "\n".join(lines) + "\n15所学校完成改造。\n")
    assert [c.number for c in plan.nodes[0].children] == list(range(1, 12))


def test_a_heading_and_its_text_on_one_line_split_at_the_space():
    plan = parse(
        "一、指导思想 学校将坚持以人民为中心,全面贯彻党的教育方针。\n二、凝心聚力 全面加强党的建设\n"
    )
    assert [n.headline for n in plan.nodes] == ["指导思想", "凝心聚力 全面加强党的建设"]
