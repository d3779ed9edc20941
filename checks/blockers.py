"""What the official layout must not carry, found before export (GB/T 9704 and GBT9704.md).

These are ordinary findings of the checks engine, picked by code, so the export, the GUI's export
dialog and ``plandesk check`` agree on them and share their fixes. The writer accepts the fixes or
not; the export itself never rewrites the text.
"""

from __future__ import annotations

from checks.finding import Finding
from checks.rules import rule_by_code
from checks.run import run_checks
from desktop.plan.model import Plan

# Half-width punctuation, [2026] document numbers, hyphen and ASCII-tilde ranges (3-5所),
# leading-zero dates (01月), placeholders left for a name (XX区, ***), and the prompts the app
# itself inserted (（在此输入内容）): neither kind of placeholder may ever be printed.
ENGINE_BLOCKERS = ("P002", "P004", "N005", "D008", "W005", "W012")


def export_blockers(plan: Plan) -> list[Finding]:
    """The findings of the blocker rules on ``plan``, each with its certain fix."""
    rules = [r for r in (rule_by_code(c) for c in ENGINE_BLOCKERS) if r is not None]
    return list(run_checks(plan, rules=rules))
