"""The per-run :class:`Context` every rule reads: the plan, its text, shared derived views.

Expensive views of the plan (its body paragraphs, its quantitative targets) are computed once per
run and shared by all rules; ``ctx.finding`` turns a span into a positioned finding.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cached_property
from typing import TypeVar

from checks.finding import Finding, Fix
from checks.rule import Rule
from desktop.plan.model import Paragraph, Plan, Span, Target

EXCERPT_WIDTH = 60
T = TypeVar("T")


class Context:
    """Everything a rule may read, built once per run; derived views are lazy and cached."""

    def __init__(
        self,
        plan: Plan,
        year: int | None = None,
        options: dict[str, object] | None = None,
        user_words: Iterable[str] = (),
    ) -> None:
        self.plan = plan
        self.text = plan.text
        self.year = year if year is not None else plan.metadata.year
        self.options: dict[str, object] = dict(options or {})
        self.user_words = frozenset(w for w in user_words if w)
        self._memo: dict[str, object] = {}

    def memo(self, key: str, compute: Callable[[], T]) -> T:
        """A value several rules share (e.g. the renumbered markers), computed on first use."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]  # type: ignore[return-value]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        return self.plan.body_paragraphs()

    @cached_property
    def targets(self) -> list[Target]:
        from desktop.plan.targets import extract_targets

        return extract_targets(self.plan)

    def option(self, rule: type[Rule] | Rule, key: str) -> object:
        """The value of the rule's declared option ``key`` (``options["<code>.<key>"]`` or its default)."""
        declared = rule.option_named(key)
        if declared is None:
            raise KeyError(f"{rule.code} declares no option {key!r}")
        value = self.options.get(f"{rule.code}.{key}", declared.default)
        return declared.coerce(value)

    def finding(
        self,
        rule: type[Rule] | Rule,
        span: Span,
        message: str,
        fix: Fix | None = None,
        **kw: object,
    ) -> Finding:
        """A finding of ``rule`` at ``span`` with positions and excerpt filled in."""
        lines = self.plan.lines
        end = max(span.end - 1, span.start)
        values: dict[str, object] = {
            "code": rule.code,
            "severity": rule.severity,
            "message": message,
            "span": span,
            "line": lines.line_of(span.start),
            "column": lines.column_of(span.start),
            "end_line": lines.line_of(end),
            "end_column": lines.column_of(end) + (1 if span.end > span.start else 0),
            "excerpt": self.excerpt(span),
            "fix": fix,
            "basis": rule.basis,
        }
        values.update(kw)
        return Finding(**values)  # type: ignore[arg-type]

    def excerpt(self, span: Span, width: int = EXCERPT_WIDTH) -> str:
        """The text of the span's line(s), trimmed to about ``width`` characters around the span."""
        text = self.text
        line_start = text.rfind("\n", 0, span.start) + 1
        line_end = text.find("\n", span.end)
        if line_end == -1:
            line_end = len(text)
        if line_end - line_start <= width:
            return text[line_start:line_end].strip()
        inner = min(len(span), width)
        margin = (width - inner) // 2
        start = max(line_start, span.start - margin)
        end = min(line_end, start + max(width, inner))
        start = max(line_start, min(start, end - width))
        piece = text[start:end].replace("\n", " ")
        return ("…" if start > line_start else "") + piece.strip() + ("…" if end < line_end else "")
