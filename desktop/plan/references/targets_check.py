"""The rates a superior plan requires (巩固率保持在96%以上), checked against the draft's figures.

Only rates are checked: a city's counts (新建学校12所) are shared out among its counties, so a
county writing 3所 is not short of anything, but a rate the city requires holds for every county.
A required rate is looked for first in the draft items that answer its task, then anywhere in the
draft (a county often puts its rates in 主要目标), on a subject that names the same thing
(义务教育巩固率 and 九年义务教育巩固率). A rate written with 以下/以内/不超过/不高于 is a ceiling,
any other a floor; a draft range (95%～97%) is judged by its weaker end.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from desktop.plan.model import Plan, Target
from desktop.plan.references.tasks import Task
from desktop.plan.targets import extract_targets

_CEILING = frozenset({"以下", "以内", "不超过", "不高于", "不多于", "低于"})
_SUBJECT_SIMILAR = 60.0  # rapidfuzz ratio of two subjects that name the same rate
_NOUN_TAIL = 3  # characters that name the rate itself: 巩固率, 毛入园率 (入园率)


@dataclass(frozen=True, slots=True)
class TargetCheck:
    """A rate the superior requires, the draft's figure for it, and the verdict."""

    required: Target
    found: Target | None
    verdict: str  # "met", "short" (below a floor, above a ceiling) or "missing"

    @property
    def note(self) -> str:
        """The Chinese sentence the report and the view show."""
        need = written(self.required)
        if self.found is None:
            return f"上级要求{need}，草稿未写明这一指标"
        have = written(self.found)
        if self.verdict == "short":
            side = "高于" if _is_ceiling(self.required) else "低于"
            return f"草稿{have}，{side}上级要求的{need}"
        return f"草稿{have}，符合上级要求的{need}"


def written(target: Target) -> str:
    """Subject, qualifier and figure as a reader says them: 择校生比例不超过5%, 巩固率96%以上."""
    qualifier = target.qualifier if target.qualifier and target.qualifier not in target.text else ""
    return f"{target.subject}{qualifier}{target.text}"


def _is_ceiling(target: Target) -> bool:
    return target.qualifier in _CEILING


@lru_cache(maxsize=8)
def _rates(plan: Plan) -> tuple[Target, ...]:
    """The plan's rate targets; cached per plan (a frozen Plan hashes by identity of its text)."""
    return tuple(t for t in extract_targets(plan) if t.unit == "%")


def _same_subject(a: str, b: str) -> bool:
    from rapidfuzz import fuzz

    if not a or not b:
        return False
    if a in b or b in a:
        return True
    if a[-_NOUN_TAIL:] != b[-_NOUN_TAIL:]:
        return False
    return fuzz.ratio(a, b) >= _SUBJECT_SIMILAR


def _inside(target: Target, task: Task) -> bool:
    return task.start <= target.value_span.start < task.span_end


def check_targets(superior: Plan, draft: Plan, task: Task, answers: list[Task]) -> list[TargetCheck]:
    """Each rate written in ``task`` against the draft's figure, from ``answers`` first."""
    required = [t for t in _rates(superior) if _inside(t, task)]
    if not required:
        return []
    rates = _rates(draft)
    checks = []
    for need in required:
        near = [t for t in rates if any(_inside(t, item) for item in answers)]
        found = next((t for t in near if _same_subject(need.subject, t.subject)), None)
        if found is None:
            found = next((t for t in rates if _same_subject(need.subject, t.subject)), None)
        if found is None:
            checks.append(TargetCheck(need, None, "missing"))
            continue
        if _is_ceiling(need):
            worst = found.value_high if found.value_high is not None else found.value
            short = worst > need.value
        else:
            short = found.value < need.value
        checks.append(TargetCheck(need, found, "short" if short else "met"))
    return checks
