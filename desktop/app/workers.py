"""Work that runs off the GUI thread: parsing and checking a snapshot of the draft.

The editor asks for an analysis of a snapshot of its text, tagged with a generation number. At
most one analysis runs at a time; a newer request waiting behind it replaces any older waiting
one, and a result whose generation is no longer the latest is dropped, so the panels only ever
show what belongs to the text on screen and the GUI thread never waits.

Each snapshot is analysed in two stages, each a task of its own. The first parses (the outline
is sent on at once) and runs every rule that needs no word segmentation; the second runs the
theme rules and the themes report on the same parsed plan. The GUI starts the second stage only
after it has shown the first, so a freshly opened plan is painted, outline and problems included,
before jieba's dictionary is loaded; and nothing is parsed or checked twice for one snapshot.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from checks.config import CheckConfig
    from checks.finding import Finding
    from desktop.plan.model import Metadata, Plan

logger = logging.getLogger(__name__)

OUTLINE, CHECKS, COMPLETE = "outline", "checks", "complete"
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
    stage: str = COMPLETE  # OUTLINE (parsed only), CHECKS (no theme rules yet) or COMPLETE
    config: Any = field(default=None, compare=False, repr=False)  # the CheckConfig used

    @property
    def complete(self) -> bool:
        return self.stage == COMPLETE


def _counts(findings: tuple[Finding, ...]) -> dict[str, int]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return counts


def _split_rules(config: CheckConfig | None) -> tuple[list[Any], list[Any]]:
    """The enabled rules without word segmentation, and the theme rules."""
    from checks.config import CheckConfig
    from checks.run import enabled_rules

    rules = enabled_rules(config or CheckConfig.defaults())
    themed = [r for r in rules if r.needs_segmentation]
    return [r for r in rules if not r.needs_segmentation], themed


def analyse_first(
    generation: int,
    text: str,
    overrides: Metadata | None,
    config: ConfigSource = None,
    with_themes: bool = True,
    on_outline: Callable[[Analysis], None] | None = None,
) -> Analysis:
    """Stage one: parse, hand the outline to ``on_outline``, run the rules that need no jieba.

    Without themes every rule runs here and the result is complete. Never raises.
    """
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

        plain, themed = _split_rules(config)
        findings = tuple(run_checks(plan, config, plain if with_themes else plain + themed))
    except ImportError:
        pass
    except Exception:
        logger.exception("checks failed")
        error = "检查出错，部分结果可能缺失"
    stage = CHECKS if with_themes else COMPLETE
    seconds = time.perf_counter() - started
    return Analysis(generation, text, plan, findings, None, error, seconds, _counts(findings), stage, config)


def analyse_themes(first: Analysis) -> Analysis:
    """Stage two on the plan of stage one: the theme rules and the themes report. Never raises."""
    started = time.perf_counter()
    plan = first.plan
    if plan is None:
        return replace(first, stage=COMPLETE)
    findings, error, config = first.findings, first.error, first.config
    try:
        from checks.run import run_checks

        _, themed = _split_rules(config)
        if themed:
            extra = run_checks(plan, config, themed)
            findings = tuple(
                sorted(findings + tuple(extra), key=lambda f: (f.span.start, f.span.end, f.code))
            )
    except ImportError:
        pass
    except Exception:
        logger.exception("theme checks failed")
        error = error or "检查出错，部分结果可能缺失"
    themes = _themes_report(plan, config)
    seconds = first.seconds + time.perf_counter() - started
    return replace(
        first,
        findings=findings,
        themes=themes,
        error=error,
        seconds=seconds,
        counts=_counts(findings),
        stage=COMPLETE,
    )


def analyse(
    generation: int,
    text: str,
    overrides: Metadata | None,
    with_themes: bool = True,
    config: ConfigSource = None,
) -> Analysis:
    """Both stages at once, in the calling thread (the command line, tests, benchmarks)."""
    first = analyse_first(generation, text, overrides, config, with_themes)
    return analyse_themes(first) if with_themes and first.plan is not None else first


def _themes_report(plan: Plan, config: Any) -> Any:
    """The theme coverage of ``plan`` — the very report the T rules used; None when unavailable."""
    try:
        from checks.rules.themes import report_for
    except ImportError:
        return None
    try:
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


class _Task(QRunnable):
    """One stage of one snapshot; the result is queued back to the runner's (GUI) thread."""

    def __init__(self, runner: AnalysisRunner, job: _Job, first: Analysis | None = None) -> None:
        super().__init__()
        self._runner, self._job, self._first = runner, job, first

    def run(self) -> None:
        job, runner = self._job, self._runner
        if self._first is None:
            outline = runner.outline_ready.emit if runner.early_outline else None
            result = analyse_first(
                job.generation, job.text, job.overrides, job.config, runner.with_themes, outline
            )
        else:
            result = analyse_themes(self._first)
        # Emitting a signal of a GUI-thread object from here is delivered as a queued call.
        runner._task_done.emit((job, result))


class AnalysisRunner(QObject):
    """Runs the two stages in a thread pool; emits results only for the latest generation.

    ``finished`` carries the stage-one result (``stage == CHECKS``) and then the complete one;
    ``outline_ready`` the parse alone, before any rule has run.
    """

    finished = Signal(object)  # Analysis
    outline_ready = Signal(object)  # early outline-only Analysis (queued from the worker)
    busy_changed = Signal(bool)
    _task_done = Signal(object)

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
        self._task_done.connect(self._on_task_done)
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

    def _on_task_done(self, done: tuple[_Job, Analysis]) -> None:
        job, result = done
        latest = result.generation == self._generation
        if latest:
            self.latest = result
            self.finished.emit(result)
        if self._waiting is not None:
            job, self._waiting = self._waiting, None
            self._pool.start(_Task(self, job))
        elif latest and not result.complete and result.plan is not None:
            # After the slots above have updated the panels, once the event loop has painted them.
            QTimer.singleShot(0, lambda: self._second_stage(job, result))
        else:
            self._set_busy(False)

    def _second_stage(self, job: _Job, first: Analysis) -> None:
        if self._waiting is not None:  # typed meanwhile: the new snapshot goes first
            job, self._waiting = self._waiting, None
            self._pool.start(_Task(self, job))
        elif first.generation == self._generation:
            self._pool.start(_Task(self, job, first))
        else:
            self._set_busy(False)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until the pool is empty (for shutdown and the screenshot path, never while typing)."""
        return self._pool.waitForDone(msecs)
