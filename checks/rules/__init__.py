"""The registry: every rule of every family, as one plain tuple in a stable order.

The families are imported on first use of ``ALL_RULES`` (PEP 562), not when a single family
module is imported: ``plandesk export`` needs a handful of blocker rules and should not pay the
~90 ms of importing all 77 (the themes family alone loads the lexicon).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from checks.rule import Rule

    ALL_RULES: tuple[type[Rule], ...]


def _all_rules() -> tuple[type[Rule], ...]:
    from checks.rules import dates, numbering, numbers, punctuation, structure, themes, wording

    return (
        numbering.RULES
        + structure.RULES
        + punctuation.RULES
        + numbers.RULES
        + dates.RULES
        + wording.RULES
        + themes.RULES
    )


def __getattr__(name: str) -> object:
    if name == "ALL_RULES":
        rules = _all_rules()
        globals()["ALL_RULES"] = rules  # computed once; later reads find it directly
        return rules
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def rule_by_code(code: str) -> type[Rule] | None:
    """The rule registered under ``code`` (case-insensitive), or None."""
    from checks import rules

    code = code.upper()
    return next((r for r in rules.ALL_RULES if r.code == code), None)
