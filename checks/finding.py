"""What a check reports: a :class:`Finding` with its :class:`Severity` and, when certain, a :class:`Fix`.

This module depends on nothing but the plan model, so the GUI, the command line and the export
can all speak of findings without loading a single rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from desktop.plan.model import Span


class Severity(str, Enum):
    """How much a finding matters. ``rank`` orders them: error > warning > info.

    ``error``: the text is certainly wrong. ``warning``: probably wrong, the writer should look.
    ``info``: a matter of style or a content suggestion.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @property
    def label(self) -> str:
        """The Chinese name shown to the writer."""
        return _SEVERITY_LABEL[self]


_SEVERITY_RANK = {Severity.ERROR: 3, Severity.WARNING: 2, Severity.INFO: 1}
_SEVERITY_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}

PARTIAL = "部分修复："


@dataclass(frozen=True, slots=True)
class Fix:
    """Replacement text for a span of the plan's text; only offered when the correction is certain.

    A finding's fixes together (``Finding.all_fixes``) remove its cause: after they are applied,
    checking again reports nothing there. Where a rule can only mend part of the cause, the
    description says so, starting with ``PARTIAL`` (部分修复：…), so the writer is not surprised
    when the finding comes back.
    """

    span: Span
    replacement: str
    description: str = ""

    @property
    def partial(self) -> bool:
        """This fix mends only part of its finding's cause (its label says so)."""
        return self.description.startswith(PARTIAL)

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.span.start,
            "end": self.span.end,
            "replacement": self.replacement,
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by one rule, pointing back into the plan's text."""

    code: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int
    end_line: int
    end_column: int
    excerpt: str
    fix: Fix | None = None
    fixes: tuple[Fix, ...] = ()
    basis: str = ""

    def all_fixes(self) -> tuple[Fix, ...]:
        """Every fix of the finding in text order: what “应用修复” applies, all in one step.

        ``fix`` is the correction at the finding's own place and ``fixes`` the other places of the
        same cause (the rest of a renumbered run, every space of a paragraph); applying only
        ``fix`` would move the problem, not remove it.
        """
        found = ((self.fix,) if self.fix else ()) + self.fixes
        return tuple(sorted(found, key=lambda f: (f.span.start, f.span.end)))

    def to_dict(self) -> dict[str, object]:
        """The JSON form fixed by DESIGN.md (``fix`` is null when no fix is offered)."""
        fixes = self.all_fixes()
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "excerpt": self.excerpt,
            "fix": [f.to_dict() for f in fixes] if fixes else None,
            "basis": self.basis,
            "start": self.span.start,
            "end": self.span.end,
        }


def apply_fixes(text: str, fixes: Iterable[Fix]) -> str:
    """``text`` with non-overlapping fixes applied (later overlapping ones are skipped)."""
    result: list[str] = []
    cursor = 0
    for fix in sorted(fixes, key=lambda f: (f.span.start, f.span.end)):
        if fix.span.start < cursor:
            continue
        result.append(text[cursor : fix.span.start])
        result.append(fix.replacement)
        cursor = fix.span.end
    result.append(text[cursor:])
    return "".join(result)
