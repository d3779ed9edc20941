"""Work that runs off the GUI thread: parsing and checking a snapshot of the draft.

The editor asks for an analysis of a snapshot of its text, tagged with a generation number. At
most one analysis runs at a time; a newer request waiting behind it replaces any older waiting
one, and a result whose generation is no longer the latest is dropped, so the panels only ever
show what belongs to the text on screen and the GUI thread never waits.

Each snapshot is analysed in one pass: it is parsed (the outline is sent on at once), then every
enabled rule runs and the themes report is taken from the theme rules' own computation, so the
outline, the problems and the themes of a freshly opened plan arrive together. (Segmentation used
to cost a second to start, and the themes came in a second stage after the problems; it now
costs milliseconds: see ``desktop/plan/knowledge/dictionary.py``.) Nothing is parsed or checked
twice for one snapshot.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

if TYPE_CHECKING:
    from checks.finding import Finding
    from desktop.plan.model import Metadata, Plan

logger = logging.getLogger(__name__)

OUTLINE, COMPLETE = "outline", "complete"
ConfigSource = Any  # CheckConfig, a callable Plan -> CheckConfig (read in the worker), or None


@dataclass(frozen=True)
class Analysis:
    """Everything derived from one snapshot of the text (so far: see ``stage``)."""

    generation: int
    text: str
    plan: Plan | None
    findings: tuple[Finding, ...] = ()
    themes: Any = None  # the themes report, when checks.themes is available
    error: str = ""  # a short Chinese message when the core failed on this text
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    stage: str = COMPLETE  # OUTLINE (parsed only, sent ahead of the rest) or COMPLETE
    config: Any = field(default=None, compare=False, repr=False)  # the CheckConfig used

    @property
    def complete(self) -> bool:
        return self.stage == COMPLETE


def _counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return counts


def analyse(
    generation: int,
    text: str,
    overrides: Metadata | None,
    with_themes: bool = True,
    config: ConfigSource = None,
    on_outline: Callable[[Analysis], None] | None = None,
) -> Analysis:
    """Parse, hand the outline to ``on_outline``, run every enabled rule, and (``with_themes``)
    take the themes report the theme rules computed. Never raises: a failing part is logged, its
    panel left empty and ``error`` says so."""
    started = time.perf_counter()
    try:
        from desktop.plan.parse import parse

        plan = parse(text, overrides)
    except Exception:  # the core must not take the window down with it
        logger.exception("parse failed")
        return Analysis(generation, text, None, error="解析失败：" + traceback.format_exc(limit=1))
    if on_outline is not None:
        on_outline(Analysis(generation, text, plan, stage=OUTLINE))
    findings: tuple[Finding, ...] = ()
    error = ""
    try:
        config = config(plan) if callable(config) else config
    except Exception:
        logger.exception("check configuration failed")
        config = None
    try:
        from checks.run import run_checks

        findings = tuple(run_checks(plan, config))
    except Exception:  # a broken rule module included: say so, never show "no problems"
        logger.exception("checks failed")
        error = "检查出错，部分结果可能缺失"
    themes = _themes_report(plan, config) if with_themes else None
    seconds = time.perf_counter() - started
    return Analysis(
        generation, text, plan, findings, themes, error, seconds, _counts(findings), COMPLETE, config
    )


def _themes_report(plan: Plan, config: Any) -> Any:
    """The theme coverage of ``plan`` — the very report the T rules used; None when unavailable."""
    try:
        from checks.rules.themes import report_for

        return report_for(plan, getattr(config, "options", None))
    except Exception:
        logger.exception("themes failed")
        return None


@dataclass(frozen=True)
class _Job:
    generation: int
    text: str
    overrides: Metadata | None
    config: ConfigSource


class _TaskSignals(QObject):
    """The signals of one task, owned by the task, living in the GUI thread.

    The worker emits only on these: connected to the runner (a receiver), Qt drops the connection
    when the runner is deleted, so a task that outlives its window emits into nothing instead of
    into a deleted object ("Signal source has been deleted").
    """

    outline = Signal(object)
    done = Signal(object)


class _Task(QRunnable):
    """The analysis of one snapshot; the result is queued back to the runner's (GUI) thread."""

    def __init__(self, runner: AnalysisRunner, job: _Job) -> None:
        super().__init__()
        self._job = job
        # Read in the GUI thread, now: the worker never touches the runner itself.
        self._with_themes = runner.with_themes
        self._early_outline = runner.early_outline
        self.signals = _TaskSignals()
        self.signals.outline.connect(runner.outline_ready)
        self.signals.done.connect(runner._on_task_done)
        runner._live_signals.add(self.signals)  # kept until the runner has the result

    def run(self) -> None:
        job, signals = self._job, self.signals
        outline = signals.outline.emit if self._early_outline else None
        result = analyse(job.generation, job.text, job.overrides, self._with_themes, job.config, outline)
        # A queued call into the GUI thread; nothing at all when the runner is gone.
        signals.done.emit((job, result, signals))


class AnalysisRunner(QObject):
    """Runs analyses in a thread pool, one at a time; emits results only for the latest generation.

    ``finished`` carries the complete result; ``outline_ready`` the parse alone, before any rule
    has run.
    """

    finished = Signal(object)  # Analysis
    outline_ready = Signal(object)  # early outline-only Analysis (queued from the worker)
    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, with_themes: bool = True) -> None:
        super().__init__(parent)
        self.with_themes = with_themes
        self.early_outline = True
        # The check configuration, or how to choose it for a parsed plan (None: shipped defaults).
        self.config: ConfigSource = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._running = False
        self._waiting: _Job | None = None
        self._live_signals: set[_TaskSignals] = set()
        self.latest: Analysis | None = None

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._running

    def request(self, text: str, overrides: Metadata | None = None) -> int:
        """Analyse this snapshot soon; returns its generation number."""
        self._generation += 1
        job = _Job(self._generation, text, overrides, self.config)
        if self._running:
            self._waiting = job
        else:
            self._set_busy(True)
            self._pool.start(_Task(self, job))
        return self._generation

    def _set_busy(self, busy: bool) -> None:
        if busy != self._running:
            self._running = busy
            self.busy_changed.emit(busy)

    def _on_task_done(self, done: tuple[_Job, Analysis, _TaskSignals]) -> None:
        _job, result, signals = done
        self._live_signals.discard(signals)
        if result.generation == self._generation:
            self.latest = result
            self.finished.emit(result)
        if self._waiting is not None:
            job, self._waiting = self._waiting, None
            self._pool.start(_Task(self, job))
        else:
            self._set_busy(False)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until the pool is empty (for shutdown and the screenshot path, never while typing)."""
        return self._pool.waitForDone(msecs)
