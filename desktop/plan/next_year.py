"""This year's draft started from last year's plan.

Writers copy last year's plan forward and edit it. The copy gets next year in its title (and in
the metadata the writer stored); everything else stays as it was, so the checks and the
comparison can then show what still speaks of last year.
"""

from __future__ import annotations

import dataclasses
import re

from desktop.plan.model import Metadata
from desktop.plan.parse import parse

_YEAR = re.compile(r"(20\d\d)(?=\s*年)")


def next_year_draft(text: str, stored: Metadata | None = None) -> tuple[str, Metadata]:
    """Last year's text and stored metadata, with the title's year moved on by one."""
    stored = stored or Metadata()
    plan = parse(text, stored)
    if plan.title_span is not None:
        title = plan.title_span.slice(text)
        bumped = _YEAR.sub(lambda m: str(int(m.group(1)) + 1), title, count=1)
        text = text[: plan.title_span.start] + bumped + text[plan.title_span.end :]
    if stored.year:
        stored = dataclasses.replace(stored, year=stored.year + 1)
    return text, stored
