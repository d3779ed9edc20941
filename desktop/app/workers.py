"""Work that runs off the GUI thread: parsing and checking a snapshot of the draft.

The editor asks for an analysis of a snapshot of its text, tagged with a generation number. At
most one analysis runs at a time; a newer request waiting behind it replaces any older waiting
one, and a result whose generation is no longer the latest is dropped, so the panels only ever
show what belongs to the text on screen and the GUI thread never waits.
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
    from checks.engine import Finding
    from desktop.plan.model import Metadata, Plan

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Analysis:
    """Everything derived from one snapshot of the text."""

    generation: int
    text: str
    plan: Plan | None
    findings: tuple[Finding, ...] = ()
    themes: Any = None  # the themes report, when checks.themes is available
    error: str = ""  # a short Chinese message when the core failed on this text
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)
    complete: bool = True  # False for the early outline-only result sent before the checks run


def analyse(
    generation: int,
    text: str,
    overrides: Metadata | None,
    with_themes: bool = True,
    on_outline: Callable[[Analysis], None] | None = None,
) -> Analysis:
    """Parse ``text`` and run the checks (and themes) on it. Never raises.

    ``on_outline`` receives an early outline-only result, so a freshly opened plan shows its
    outline before the slower checks and themes (jieba's first load) are done.
    """
    started = time.perf_counter()
    try:
        from desktop.plan.parse import parse

        plan = parse(text, overrides)
    except Exception:  # the core must not take the window down with it
        logger.exception("parse failed")
        return Analysis(generation, text, None, error="解析失败：" + traceback.format_exc(limit=1))
    if on_outline is not None:
        on_outline(Analysis(generation, text, plan, complete=False))
    findings: tuple[Finding, ...] = ()
    error = ""
    try:
        from checks.engine import run_checks

        findings = tuple(run_checks(plan))
    except ImportError:
        pass
    except Exception:
        logger.exception("checks failed")
        error = "检查出错，部分结果可能缺失"
    themes = None
    if with_themes:
        themes = _themes_report(plan)
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in findings:
        counts[finding.severity.value] = counts.get(finding.severity.value, 0) + 1
    return Analysis(generation, text, plan, findings, themes, error, time.perf_counter() - started, counts)


_PEERS: Any = None


def _themes_report(plan: Plan) -> Any:
    """The theme coverage of ``plan`` against the shipped peers; None when themes are unavailable."""
    global _PEERS
    try:
        from checks.themes import peer_stats, themes_report
    except ImportError:
        return None
    try:
        if _PEERS is None:  # computed (or read from its disk cache) once per process
            try:
                _PEERS = peer_stats()
            except Exception:
                logger.exception("peer statistics unavailable")
                _PEERS = False
        return themes_report(plan, _PEERS or None)
    except Exception:
        logger.exception("themes failed")
        return None


class _AnalysisTask(QRunnable):
    def __init__(self, runner: AnalysisRunner, generation: int, text: str, overrides: Metadata | None):
        super().__init__()
        self._runner = runner
        self._args = (generation, text, overrides)

    def run(self) -> None:
        generation, text, overrides = self._args
        outline = self._runner.outline_ready.emit if self._runner.early_outline else None
        result = analyse(generation, text, overrides, self._runner.with_themes, outline)
        # Emitting a signal of a GUI-thread object from here is delivered as a queued call.
        self._runner._task_done.emit(result)


class AnalysisRunner(QObject):
    """Runs :func:`analyse` in a thread pool; emits ``finished`` only for the latest generation."""

    finished = Signal(object)  # Analysis
    outline_ready = Signal(object)  # early outline-only Analysis (queued from the worker)
    busy_changed = Signal(bool)
    _task_done = Signal(object)

    def __init__(self, parent: QObject | None = None, with_themes: bool = True) -> None:
        super().__init__(parent)
        self.with_themes = with_themes
        self.early_outline = True
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._generation = 0
        self._running = False
        self._waiting: tuple[int, str, Metadata | None] | None = None
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
        job = (self._generation, text, overrides)
        if self._running:
            self._waiting = job
        else:
            self._start(job)
        return self._generation

    def _start(self, job: tuple[int, str, Metadata | None]) -> None:
        if not self._running:
            self._running = True
            self.busy_changed.emit(True)
        self._pool.start(_AnalysisTask(self, *job))

    def _on_task_done(self, result: Analysis) -> None:
        if self._waiting is not None:
            job, self._waiting = self._waiting, None
            self._pool.start(_AnalysisTask(self, *job))
        else:
            self._running = False
            self.busy_changed.emit(False)
        if result.generation == self._generation:
            self.latest = result
            self.finished.emit(result)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until the pool is empty (for shutdown and the screenshot path, never while typing)."""
        return self._pool.waitForDone(msecs)
