"""Characters a Word document cannot hold, kept out of every export.

XML 1.0 forbids most control characters, and lxml refuses a run that holds one with an English
``ValueError``. They do reach the editor: pdftotext ends each page with a form feed, Word's text
copies carry vertical tabs for manual line breaks, and a paste from a web page may bring anything.
Each is replaced by a space of the same length, so every offset the plan holds stays true, and
the plan is parsed again from that text; the writer's own text is never changed.
"""

from __future__ import annotations

import re
from dataclasses import replace

from desktop.plan.model import Plan

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def printable(plan: Plan) -> Plan:
    """``plan`` itself when its text can go into a Word document, else a copy that can."""
    if not _NOT_XML.search(plan.text):
        return plan
    from desktop.plan.parse import parse

    cleaned = parse(_NOT_XML.sub(" ", plan.text), plan.metadata)
    return replace(cleaned, metadata=plan.metadata)
