"""Compare last year's plan with this year's draft: aligned nodes, changes, targets, stale text.

``compare_plans(old, new)`` is pure and has no Qt in it; the CLI prints its result and the GUI's
Compare view shows it. See ``align`` for how nodes are paired and ``changes`` for targets and
carried-over text.
"""

from __future__ import annotations

from desktop.plan.compare.align import DEFAULT_THRESHOLD, align, build_rows, char_diff, plan_units
from desktop.plan.compare.changes import carried_over, target_changes
from desktop.plan.compare.model import (
    CarriedOver,
    ChangeKind,
    Comparison,
    DiffOp,
    Pair,
    Row,
    TargetChange,
    Unit,
)
from desktop.plan.model import Plan

__all__ = [
    "DEFAULT_THRESHOLD",
    "CarriedOver",
    "ChangeKind",
    "Comparison",
    "DiffOp",
    "Pair",
    "Row",
    "TargetChange",
    "Unit",
    "char_diff",
    "compare_plans",
]


def compare_plans(old: Plan, new: Plan, threshold: float = DEFAULT_THRESHOLD) -> Comparison:
    """Align ``old`` (last year's plan) with ``new`` (the draft) and list what changed."""
    old_units, new_units = plan_units(old), plan_units(new)
    pairs, added, removed = align(old_units, new_units, threshold)
    rows = build_rows(pairs, added, removed)
    return Comparison(
        old_plan=old,
        new_plan=new,
        old_units=old_units,
        new_units=new_units,
        pairs=tuple(pairs),
        added=tuple(added),
        removed=tuple(removed),
        target_changes=tuple(target_changes(old, new, old_units, new_units, pairs, rows)),
        carried_over=tuple(carried_over(old, new)),
        threshold=threshold,
        rows=tuple(rows),
    )
