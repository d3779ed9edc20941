"""What the official layout must not carry, found before export (GB/T 9704 and GBT9704.md).

These are ordinary findings of the checks engine, picked by code, so the export, the GUI's export
dialog and ``plandesk check`` agree on them and share their fixes. The writer accepts the fixes or
not; the export itself never rewrites the text.
"""

from __future__ import annotations

from checks.finding import Finding
from checks.rules.dates_written import LeadingZeroDate
from checks.rules.numbers_ranges import HyphenRange
from checks.rules.prompts import AppPrompt
from checks.rules.punctuation import DocumentNumberBrackets, HalfWidthPunctuation
from checks.rules.wording import Placeholder
from checks.run import run_checks
from desktop.plan.model import Plan

# Half-width punctuation, [2026] document numbers, hyphen and ASCII-tilde ranges (3-5所),
# leading-zero dates (01月), placeholders left for a name (XX区, ***), and the prompts the app
# itself inserted (（在此输入内容）): neither kind of placeholder may ever be printed.
# Imported one by one: the export does not load the other 70 rules (see checks/rules/__init__.py).
BLOCKER_RULES = (
    HalfWidthPunctuation,
    DocumentNumberBrackets,
    HyphenRange,
    LeadingZeroDate,
    Placeholder,
    AppPrompt,
)
ENGINE_BLOCKERS = tuple(rule.code for rule in BLOCKER_RULES)


def export_blockers(plan: Plan) -> list[Finding]:
    """The findings of the blocker rules on ``plan``, each with its certain fix."""
    return list(run_checks(plan, rules=BLOCKER_RULES))
