"""Structural edits are core functions: text in, renumbered text out, no window needed."""

from __future__ import annotations

from desktop.plan.outline_edit import OutlineEditor, Position
from desktop.plan.parse import parse

TEXT = "一、加强党建\n1.抓学习。\n2.抓班子。\n二、推进改革\n3.抓改革。\n4.抓评价。\n"


def test_moving_an_item_into_another_section_renumbers_everything() -> None:
    plan = parse(TEXT)
    first, second = plan.nodes
    edit = OutlineEditor(plan).move(first.children[0], second.children[1], Position.AFTER)
    assert edit is not None
    assert edit.text == "一、加强党建\n1.抓班子。\n二、推进改革\n2.抓改革。\n3.抓评价。\n4.抓学习。\n"


def test_deleting_a_section_renumbers_what_follows() -> None:
    plan = parse(TEXT)
    edit = OutlineEditor(plan).delete(plan.nodes[0])
    assert edit.text == "一、推进改革\n1.抓改革。\n2.抓评价。\n"
