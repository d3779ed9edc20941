"""对标上级要点: each task of the superior body's plan, and the draft items that answer it.

``align_plans(superior, draft)`` is pure and has no Qt in it; ``plandesk align`` prints its result
and the GUI's 对标上级要点 view shows it. Tasks and items are defined in ``tasks``. Both sides'
texts go through the synonym table (``vocabulary``) and are then scored with the comparison's
similarity (TF-IDF cosine of the one jieba tokenizer's words, found through the rare-word index),
so a city's 县域普通高中振兴 meets a county's 县中提升.

Unlike last year's plan against this year's, the pairing is not one to one: a county answers two
city tasks in one item and one task in two. A task's matches are the draft items scoring at least
``PARTIAL`` and close to the best one (at most ``MAX_MATCHES``, best first); it is *answered*
when the best reaches ``ANSWERED``, *partial* below that, *unanswered* when nothing reaches
``PARTIAL``. A task's headline counts more than its body: it names the work, the body lists the
means, and two levels differ most in the means. The thresholds were set on the measured pair
(``tests/references/data``; see ``docs/architecture.md``): tasks with no answer there scored at
most 0.11, answered ones mostly 0.15–0.45.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.plan.compare.model import Unit
from desktop.plan.compare.similarity import Similarity
from desktop.plan.model import Plan
from desktop.plan.references.targets_check import TargetCheck, check_targets
from desktop.plan.references.tasks import Task, draft_items, superior_tasks
from desktop.plan.references.vocabulary import Vocabulary, vocabulary

ANSWERED = 0.25
PARTIAL = 0.12
MAX_MATCHES = 3
# A further match is listed only when it comes close to the task's best one.
_SECOND_SHARE = 0.8
# The headline says what the task is; the body lists the means. Counted this many times in all.
_HEADLINE_WEIGHT = 3
STATUSES = ("unanswered", "partial", "answered", "not_applicable")
STATUS_LABELS = {
    "answered": "已对应",
    "partial": "部分对应",
    "unanswered": "未对应",
    "not_applicable": "不适用",
}


@dataclass(frozen=True, slots=True)
class Match:
    """A draft item that answers a task, and how strongly (0..1)."""

    item: Task
    similarity: float


@dataclass(frozen=True, slots=True)
class TaskAnswer:
    """One superior task: its status, the draft items that answer it, its targets checked."""

    task: Task
    status: str  # one of STATUSES
    matches: tuple[Match, ...]
    targets: tuple[TargetCheck, ...] = ()

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Alignment:
    """The result of ``align_plans``: tasks with the unanswered first, then partial, answered, 不适用."""

    superior: Plan
    draft: Plan
    answers: tuple[TaskAnswer, ...]
    items: tuple[Task, ...]  # the draft's candidate items
    # Rates set under framing headings (总体目标 …), with the item that sets each.
    context_targets: tuple[tuple[Task, TargetCheck], ...] = field(default=())

    def target_checks(self) -> list[tuple[Task, TargetCheck]]:
        """Every rate checked, with the superior item that requires it, in the superior's order."""
        found = [(a.task, c) for a in self.answers for c in a.targets] + list(self.context_targets)
        return sorted(found, key=lambda e: e[1].required.value_span.start)

    def summary(self) -> dict[str, int]:
        """Counts per status, and the targets the draft sets lower than required or leaves out."""
        counts = {status: 0 for status in STATUSES}
        for answer in self.answers:
            counts[answer.status] += 1
        checks = [c for _task, c in self.target_checks()]
        return {
            "tasks": len(self.answers),
            **counts,
            "targets_checked": len(checks),
            "targets_short": sum(1 for c in checks if c.verdict == "short"),
            "targets_missing": sum(1 for c in checks if c.verdict == "missing"),
        }

    def summary_line(self) -> str:
        """上级任务 n 项：未对应 n，部分对应 n，已对应 n，不适用 n: the header of the report and the view."""
        s = self.summary()
        line = (
            f"上级任务 {s['tasks']} 项：未对应 {s['unanswered']}，部分对应 {s['partial']}，"
            f"已对应 {s['answered']}，不适用 {s['not_applicable']}"
        )
        if s["targets_short"]:
            line += f"；指标未达上级要求 {s['targets_short']} 项"
        return line


def _weighted(task: Task) -> str:
    return "\n".join([task.headline] * (_HEADLINE_WEIGHT - 1) + [task.text])


def _units(tasks: list[Task], vocab: Vocabulary) -> tuple[Unit, ...]:
    return tuple(
        Unit(k, task.node, task.path, None, False, vocab.normalise(_weighted(task)))  # type: ignore[arg-type]
        for k, task in enumerate(tasks)
    )


def align_plans(
    superior: Plan, draft: Plan, not_applicable: frozenset[str] | set[str] = frozenset()
) -> Alignment:
    """Answer each task of ``superior`` from the items of ``draft``; ``not_applicable`` holds the
    paths of tasks the writer marked 不适用 (they keep their matches but are listed last)."""
    vocab = vocabulary()
    everything = superior_tasks(superior, vocab.context_headings)
    tasks = [t for t in everything if not t.context]
    items = draft_items(draft)
    similarity = Similarity(_units(tasks, vocab), _units(items, vocab))
    scores: dict[int, list[tuple[int, float]]] = {}
    for i, j, value in similarity.pairs_above(PARTIAL):
        scores.setdefault(i, []).append((j, value))
    answers: list[TaskAnswer] = []
    for i, task in enumerate(tasks):
        found = sorted(scores.get(i, ()), key=lambda e: (-e[1], e[0]))
        found = [(j, v) for j, v in found if v >= _SECOND_SHARE * found[0][1]]
        matches = tuple(Match(items[j], round(v, 3)) for j, v in found[:MAX_MATCHES])
        if task.path in not_applicable:
            status = "not_applicable"
        elif matches and matches[0].similarity >= ANSWERED:
            status = "answered"
        elif matches:
            status = "partial"
        else:
            status = "unanswered"
        targets = check_targets(superior, draft, task, [m.item for m in matches])
        answers.append(TaskAnswer(task, status, matches, tuple(targets)))
    context = tuple((t, c) for t in everything if t.context for c in check_targets(superior, draft, t, []))
    order = {status: k for k, status in enumerate(STATUSES)}
    answers.sort(key=lambda a: order[a.status])  # stable: document order within a status
    return Alignment(superior, draft, tuple(answers), tuple(items), context)
