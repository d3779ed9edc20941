"""Every prompt the app writes into a draft is a W012 error: the new outline item's placeholder and
each skeleton's prompts. A new skeleton or placeholder the rule does not know fails here."""

from __future__ import annotations

import re

import pytest

from checks.finding import Severity
from checks.rules import rule_by_code
from checks.run import run_checks
from desktop.data import load_yaml, template_path
from desktop.plan.outline_edit import PLACEHOLDER, OutlineEditor
from desktop.plan.parse import parse

SKELETONS = sorted(template_path("skeletons").glob("*.yaml"))
_BRACKETED = re.compile(r"[（(][^（）()\n]*[）)]")


def _prompts(text: str) -> list[tuple[int, int]]:
    found = run_checks(parse(text), rules=[rule_by_code("W012")])
    assert all(f.severity is Severity.ERROR for f in found)
    return [(f.span.start, f.span.end) for f in found]


@pytest.mark.parametrize("path", SKELETONS, ids=lambda p: p.stem)
def test_every_skeleton_prompt_is_an_error(path):
    text = str(load_yaml(path, what="要点模板")["text"]).replace("{year}", "2025")
    brackets = [(m.start(), m.end()) for m in _BRACKETED.finditer(text)]
    assert brackets, f"{path.name}: no prompt left to find (update this test if that is intended)"
    assert _prompts(text) == brackets  # a skeleton's brackets are all prompts to the writer


def test_inserted_outline_items_are_errors_and_selected():
    plan = parse("2024年教育工作要点\n一、加强党的建设\n1.加强政治理论武装。\n二、推进教育改革\n")
    editor = OutlineEditor(plan)
    first = plan.nodes[0]
    for edit in (
        editor.insert_sibling(first.children[0]),
        editor.insert_child(first),
        editor.insert_sibling(first),
    ):
        assert edit.select_end is not None
        assert edit.text[edit.offset : edit.select_end] == PLACEHOLDER
        assert _prompts(edit.text) == [(edit.offset, edit.select_end)]
