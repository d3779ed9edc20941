"""The registry: every rule of every family, as one plain tuple in a stable order."""

from __future__ import annotations

from checks.rule import Rule
from checks.rules import dates, numbering, numbers, punctuation, structure, themes, wording

ALL_RULES: tuple[type[Rule], ...] = (
    numbering.RULES
    + structure.RULES
    + punctuation.RULES
    + numbers.RULES
    + dates.RULES
    + wording.RULES
    + themes.RULES
)


def rule_by_code(code: str) -> type[Rule] | None:
    """The rule registered under ``code`` (case-insensitive), or None."""
    code = code.upper()
    return next((r for r in ALL_RULES if r.code == code), None)
