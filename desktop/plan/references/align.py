"""对标上级要点: each task of the superior body's plan, and the draft items that answer it.

``align_plans(superior, draft)`` is pure and has no Qt in it; ``plandesk align`` prints its result
and the GUI's 对标上级要点 view shows it. Tasks and items are defined in ``tasks``. Both sides'
texts go through the synonym table (``vocabulary``) and are then scored with the comparison's
similarity (TF-IDF cosine of the one jieba tokenizer's words, found through the rare-word index),
so a city's 县域普通高中振兴 meets a county's 县中提升.

Unlike last year's plan against this year's, the pairing is not one to one: a county answers two
city tasks in one item and one task in two. A task's matches are the draft items scoring at least
``PARTIAL`` and close to the best one (at most ``MAX_MATCHES``, best first); it is *answered*
when the best reaches ``ANSWERED`` and shares more than one rare content word with the task (two
plans' common words, 全面加强管理…水平, make a high similarity that answers nothing), *partial*
below that, *unanswered* when nothing reaches
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
# An answered task also shares more than one rare content word with its best item: similarity
# alone calls 0.35 "answered" when the two share only common words of plans (教育, 领导, 机制).
# Rare: two characters or more, not a generic word of plans, in at most this share of all the
# tasks and items (and at least _RARE_UNITS of them, for short plans).
MIN_RARE_SHARED = 2
_RARE_SHARE = 0.1
_RARE_UNITS = 3
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

    @property
    def year_gap(self) -> int | None:
        """The draft's year minus the superior plan's (0: the same year, as it should be); None
        when either plan names no year. A 2027 draft answering a 2023 plan answers old tasks."""
        if self.superior.year is None or self.draft.year is None:
            return None
        return self.draft.year - self.superior.year

    def year_warning(self) -> str:
        """The sentence the report and the view show when the two plans are of different years."""
        gap = self.year_gap
        if not gap:
            return ""
        return (
            f"注意：上级要点是 {self.superior.year} 年的，草稿是 {self.draft.year} 年的，"
            f"相差 {abs(gap)} 年；对标应使用上级同一年度（{self.draft.year} 年）的要点。"
        )

    def targets_note(self) -> str:
        """What to say when no rate is short or missing: that the superior sets none is not the
        same news as that the draft meets them all. "" when some rate needs the writer."""
        checks = [c for _task, c in self.target_checks()]
        if not checks:
            return "上级要点中没有可核对的比率指标。"
        if all(c.verdict == "met" for c in checks):
            return f"上级要求的 {len(checks)} 项比率，草稿均已写明且不低于要求。"
        return ""

    def summary(self) -> dict[str, int | None]:
        """Counts per status, the targets the draft sets lower than required or leaves out, and
        the years apart (``year_gap``: draft minus superior, None when a year is unknown)."""
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
            "year_gap": self.year_gap,
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


class _RareWords:
    """Which content words of the two plans are rare, and which of them a task and an item share."""

    def __init__(self, units: tuple[Unit, ...], generic: frozenset[str]) -> None:
        from desktop.plan.compare.similarity import text_words

        self._words = [{w for w in text_words(u.text) if len(w) >= 2 and w not in generic} for u in units]
        df: dict[str, int] = {}
        for held in self._words:
            for word in held:
                df[word] = df.get(word, 0) + 1
        limit = max(_RARE_UNITS, int(_RARE_SHARE * len(units)))
        self._rare = {w for w, n in df.items() if n <= limit}

    def shared(self, i: int, j: int) -> set[str]:
        """The rare words unit ``i`` and unit ``j`` (indices into the units given) both hold."""
        return self._words[i] & self._words[j] & self._rare


def align_plans(
    superior: Plan, draft: Plan, not_applicable: frozenset[str] | set[str] = frozenset()
) -> Alignment:
    """Answer each task of ``superior`` from the items of ``draft``; ``not_applicable`` holds the
    paths of tasks the writer marked 不适用 (they keep their matches but are listed last)."""
    vocab = vocabulary()
    everything = superior_tasks(superior, vocab.context_headings)
    tasks = [t for t in everything if not t.context]
    items = draft_items(draft)
    task_units, item_units = _units(tasks, vocab), _units(items, vocab)
    similarity = Similarity(task_units, item_units)
    rare = _RareWords(task_units + item_units, vocab.generic)
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
        elif (
            matches
            and matches[0].similarity >= ANSWERED
            and len(rare.shared(i, len(tasks) + found[0][0])) >= MIN_RARE_SHARED
        ):
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
