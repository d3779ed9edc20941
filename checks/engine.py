"""The rule engine: findings, the shared per-run context, the rule base class and ``run_checks``.

Every rule reads one :class:`Context` built once per run, so expensive views of the plan (its body
paragraphs, its quantitative targets) are computed once and shared. Rules are pure: they read the
context and yield :class:`Finding` objects; the engine applies the configuration afterwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, ClassVar, TypeVar

from desktop.plan.model import Paragraph, Plan, Span, Target

if TYPE_CHECKING:
    from checks.config import CheckConfig

EXCERPT_WIDTH = 60
T = TypeVar("T")


class Severity(str, Enum):
    """How much a finding matters. ``rank`` orders them: error > warning > info."""

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


@dataclass(frozen=True, slots=True)
class Fix:
    """Replacement text for a span of the plan's text; only offered when the correction is certain."""

    span: Span
    replacement: str
    description: str = ""

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
        """The single fix and the fix-all together, in text order."""
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


class Rule:
    """Base of every rule: class attributes describe it, ``check`` yields its findings.

    Subclasses set ``code``, ``name``, ``title``, ``severity``, ``basis``, ``bad`` and ``good`` and
    write a docstring (one-line description, then why). ``check`` must not mutate the context.
    """

    code: ClassVar[str] = ""
    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    severity: ClassVar[Severity] = Severity.WARNING
    basis: ClassVar[str] = "实务"
    bad: ClassVar[str] = ""
    good: ClassVar[str] = ""

    def check(self, ctx: Context) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError
        yield

    @classmethod
    def description(cls) -> str:
        """The first line of the docstring: what the rule catches."""
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else cls.title


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

    def option(self, rule: type[Rule] | Rule, key: str, default: object) -> object:
        """``options["<code>.<key>"]``, falling back to ``default``."""
        return self.options.get(f"{rule.code}.{key}", default)

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


def rule_enabled(code: str, select: Sequence[str], ignore: Sequence[str]) -> bool:
    """Ruff-style selection: a code is on when a selector is a prefix of it and no ignore is.

    An empty ``select`` selects everything; the longer matching prefix wins, so
    ``--select S --ignore S005`` and ``--ignore S --select S001`` both do what they say.
    """
    if select:
        chosen = max((len(s) for s in select if code.startswith(s)), default=None)
        if chosen is None:
            return False
    else:
        chosen = 0
    ignored = max((len(s) for s in ignore if code.startswith(s)), default=None)
    return ignored is None or chosen > ignored


def enabled_rules(config: CheckConfig, rules: Sequence[type[Rule]] | None = None) -> list[type[Rule]]:
    """The rules of ``rules`` (default: every registered rule) that ``config`` turns on."""
    if rules is None:
        from checks.rules import ALL_RULES

        rules = ALL_RULES
    return [r for r in rules if rule_enabled(r.code, config.select, config.ignore)]


def run_checks(
    plan: Plan,
    config: CheckConfig | None = None,
    rules: Sequence[type[Rule]] | None = None,
) -> list[Finding]:
    """Run the enabled rules on ``plan`` and return their findings sorted by position.

    Severity overrides from the configuration are applied here, and W (wording) findings on a
    word from the writer's own word list are dropped, so no rule needs to know about either.
    """
    from checks.config import CheckConfig

    config = config or CheckConfig.defaults()
    ctx = Context(plan, year=config.year, options=config.options, user_words=config.user_words)
    found: list[Finding] = []
    for rule_class in enabled_rules(config, rules):
        override = config.severity.get(rule_class.code)
        for finding in rule_class().check(ctx):
            if finding.code.startswith("W") and _silenced(ctx, finding.span):
                continue
            if override is not None and override is not finding.severity:
                finding = dataclasses.replace(finding, severity=override)
            found.append(finding)
    found.sort(key=lambda f: (f.span.start, f.span.end, f.code))
    return found


def _silenced(ctx: Context, span: Span) -> bool:
    """True when the span lies inside an occurrence of one of the writer's own words."""
    if not ctx.user_words:
        return False
    text = ctx.text
    piece = span.slice(text)
    for word in ctx.user_words:
        if piece == word:
            return True
        if len(word) < len(span):
            continue
        lo = max(0, span.end - len(word))
        pos = text.find(word, lo, span.start + len(word))
        while pos != -1 and pos <= span.start:
            if pos + len(word) >= span.end:
                return True
            pos = text.find(word, pos + 1, span.start + len(word))
    return False


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
