"""W012: prompts the app itself writes into a draft, left there.

PlanDesk writes instructions into the text in two places: a new outline item reads
``3.（在此输入内容）`` (``desktop.plan.outline_edit.PLACEHOLDER``) and a skeleton's opening asks
``（在此概述本年度工作的总体要求）`` (``templates/skeletons/*.yaml``). Both are addressed to the
writer, and a test (``tests/checks/test_app_prompts.py``) keeps every one of them found here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from checks.context import Context
from checks.finding import Finding, Severity
from checks.rule import Rule
from desktop.plan.model import Span

# A bracket that opens with 在此 and a verb of instruction: （在此输入内容）, (在此填写目标),
# （在此概述……）. Not （在此基础上……） or （在此期间……）, which are ordinary text.
_PROMPT = re.compile(
    r"[（(][ \u3000]*在此[ \u3000]*(?:输入|填写|填入|概述|简述|补充|说明|列出|列明|描述|写明|撰写|添加|插入|写)"
    r"[^（）()\n]{0,40}[）)]"
)


def prompt_spans(text: str) -> list[Span]:
    """Where the app's prompts stand in ``text``: what a new draft selects first, to be typed over."""
    return [Span(m.start(), m.end()) for m in _PROMPT.finditer(text)]


class AppPrompt(Rule):
    """程序插入的提示文字未改写（新条目的“（在此输入内容）”、骨架的“（在此概述……）”）。

    The app's own prompts, left in the draft: a new outline item's （在此输入内容）, a
    skeleton's （在此概述本年度工作的总体要求）. They are instructions, not text: left in, they
    are printed as they stand, so they are errors (and export blockers). Brackets that open with
    在此 in ordinary prose (（在此基础上……）) are not prompts.
    """

    code = "W012"
    name = "app-prompt"
    title = "程序插入的提示文字未改写"
    severity = Severity.ERROR
    basis = "实务"
    bad = "2024年教育工作要点\n一、加强党的建设\n1.加强政治理论武装。\n2.（在此输入内容）"
    good = "2024年教育工作要点\n一、加强党的建设\n1.加强政治理论武装（在此基础上完善学习制度）。"

    def check(self, ctx: Context) -> Iterator[Finding]:
        for span in prompt_spans(ctx.text):
            yield ctx.finding(
                self, span, f"“{span.slice(ctx.text)}”是程序插入的提示文字，请改写为实际内容，否则会原样印出"
            )


RULES: tuple[type[Rule], ...] = (AppPrompt,)
