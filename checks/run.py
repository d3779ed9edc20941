"""Running the checks: which rules are on, severity overrides, the writer's word list.

The import direction is finding → rule → context → rules (the registry) → config → run: a rule
never sees the configuration, the engine applies it afterwards.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from checks import rules as registry
from checks.config import CheckConfig
from checks.context import Context
from checks.finding import Finding
from checks.rule import Rule
from desktop.plan.model import Plan, Span


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
    return [
        r
        for r in (registry.ALL_RULES if rules is None else rules)
        if rule_enabled(r.code, config.select, config.ignore)
    ]


def run_checks(
    plan: Plan,
    config: CheckConfig | None = None,
    rules: Sequence[type[Rule]] | None = None,
) -> list[Finding]:
    """Run the enabled rules on ``plan`` and return their findings sorted by position.

    Severity overrides from the configuration are applied here, and findings of rules that the
    writer's word list silences are dropped on a listed word, so no rule needs to know about either.
    """
    config = config or CheckConfig.defaults()
    ctx = Context(plan, year=config.year, options=config.options, user_words=config.user_words)
    found: list[Finding] = []
    for rule_class in enabled_rules(config, rules):
        override = config.severity.get(rule_class.code)
        for finding in rule_class().check(ctx):
            if rule_class.silenced_by_user_words and _silenced(ctx, finding.span):
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
