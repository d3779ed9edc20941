"""Whether a text begins inside a plan: a copy that starts at 三、 because it was cut there.

Writers open excerpts too: a page's copy that starts part-way through the plan, or a peer plan
someone pasted from its middle. Such a text has no title line and no issuing notice, and its
numbering starts past 1 (三、, 5.) because the copy cut away what came before — not because the
author skipped numbers. The numbering checks must not call that the author's mistake, while a
plan that has its title and still starts at 三、 is one.

The cut can only reach the numbering runs that begin before the first heading numbered 1: a
plan that restarts its items at 1. in each section is whole again from the first section that
the copy kept entire.
"""

from __future__ import annotations

from desktop.plan.model import Plan, Span


def cut_at_start(plan: Plan) -> Span | None:
    """The stretch of text whose numbering the copy may have cut, from the start; None when the
    text starts at the plan's beginning (it has a title line or a notice, or numbers from 1).

    A numbering run whose first node starts inside this span began before the copy did, so its
    first number says nothing about the author's numbering.
    """
    if plan.title_span is not None or plan.notice is not None:
        return None
    numbered = list(plan.numbered())
    if not numbered or numbered[0].number == 1:
        return None
    first_one = next((n.span.start for n in numbered if n.number == 1), len(plan.text))
    return Span(0, first_one)


def starts_mid_way(plan: Plan) -> bool:
    """True when the text begins inside the plan (see :func:`cut_at_start`)."""
    return cut_at_start(plan) is not None
