"""The analysis of a snapshot of the draft (parse, then checks and themes), run as window jobs.

The editor asks for an analysis of a snapshot of its text, tagged with a generation number. The
work runs on the window's ``Jobs`` (``desktop/app/background.py``) in the ``analysis`` lane: at
most one analysis runs at a time, a newer request replaces any older waiting one, and a result
whose generation is no longer the latest is dropped, so the panels only ever show what belongs to
the text on screen and the GUI thread never waits.

Each snapshot is analysed in two jobs: the parse (its outline is shown at once), then every
enabled rule and the themes report taken from the theme rules' own computation. The second job is
queued only while the snapshot is still the latest, so text typed during a parse costs no stale
checking; nothing is parsed or checked twice for one snapshot.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QTimer, Signal

if TYPE_CHECKING:
    from checks.finding import Finding
    from desktop.app.background import Jobs
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
    outline = parse_snapshot(generation, text, overrides)
    if outline.plan is None:
        return outline
    if on_outline is not None:
        on_outline(outline)
    return check_snapshot(outline, with_themes, config)


def parse_snapshot(generation: int, text: str, overrides: Metadata | None) -> Analysis:
    """The first stage: the parsed plan (stage OUTLINE), or a COMPLETE result saying it failed."""
    started = time.perf_counter()
    try:
        from desktop.plan.parse import parse

        plan = parse(text, overrides)
    except Exception:  # the core must not take the window down with it
        logger.exception("parse failed")
        return Analysis(generation, text, None, error="解析失败：" + traceback.format_exc(limit=1))
    return Analysis(generation, text, plan, stage=OUTLINE, seconds=time.perf_counter() - started)


def check_snapshot(outline: Analysis, with_themes: bool = True, config: ConfigSource = None) -> Analysis:
    """The second stage: every enabled rule and (``with_themes``) the themes, for a parsed plan."""
    started = time.perf_counter()
    plan = outline.plan
    assert plan is not None
    if not outline.text.strip():
        # An empty window has nothing to check: "0 字, every theme missing" would be noise, and
        # the panels say what to do instead.
        return replace(outline, stage=COMPLETE, counts=_counts(()), seconds=time.perf_counter() - started)
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
    seconds = outline.seconds + time.perf_counter() - started
    return replace(
        outline,
        findings=findings,
        themes=themes,
        error=error,
        seconds=seconds,
        counts=_counts(findings),
        stage=COMPLETE,
        config=config,
    )


def _themes_report(plan: Plan, config: Any) -> Any:
    """The theme coverage of ``plan`` — the very report the T rules used; None when unavailable."""
    try:
        from checks.rules.themes import report_for

        return report_for(plan, getattr(config, "options", None))
    except Exception:
        logger.exception("themes failed")
        return None


class AnalysisRunner(QObject):
    """Analyses snapshots on the window's jobs; emits results only for the latest generation.

    ``finished`` carries the complete result; ``outline_ready`` the parse alone, before any rule
    has run. ``busy`` is true from a request until the latest snapshot's result is in.
    """

    LANE = "analysis"

    finished = Signal(object)  # Analysis
    outline_ready = Signal(object)  # outline-only Analysis of the latest snapshot
    busy_changed = Signal(bool)

    def __init__(self, jobs: Jobs, parent: QObject | None = None, with_themes: bool = True) -> None:
        super().__init__(parent)
        self.jobs = jobs
        self.with_themes = with_themes
        # The check configuration, or how to choose it for a parsed plan (None: shipped defaults).
        self.config: ConfigSource = None
        self._generation = 0
        self._busy = False
        self.latest: Analysis | None = None

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def busy(self) -> bool:
        return self._busy

    def request(self, text: str, overrides: Metadata | None = None) -> int:
        """Analyse this snapshot soon; returns its generation number."""
        self._generation += 1
        generation = self._generation
        self.jobs.submit(
            lambda: parse_snapshot(generation, text, overrides),
            self,
            self._parsed,
            lambda trace: self._failed(generation, text, trace),
            lane=self.LANE,
        )
        self._set_busy(True)
        return generation

    def wait_idle(self, msecs: int = -1) -> bool:
        """Block until the latest snapshot's result is in (tests, shutdown, the screenshot path).

        The jobs can be idle while the result is not in: between the parse and the checks, whose
        job is queued from a zero timer (see ``_parsed``). So the wait goes on until ``busy`` is
        off, not only until the jobs are idle."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        while True:
            remaining = -1 if deadline is None else int((deadline - time.monotonic()) * 1000)
            if deadline is not None and remaining <= 0:
                return not self._busy
            if not self.jobs.wait_idle(remaining):
                return False
            if not self._busy:
                return True
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)

    def stop(self) -> None:
        """Forget every snapshot asked for (the window is closing): a result or a check still to
        start is dropped, and ``busy`` goes off."""
        self._generation += 1
        self.jobs.cancel(self.LANE)
        self._set_busy(False)

    def _parsed(self, outline: Analysis) -> None:
        if outline.generation != self._generation:
            return  # a newer snapshot is already queued behind this one
        if outline.complete:  # the parse failed: nothing to check
            self._deliver(outline)
            return
        self.outline_ready.emit(outline)
        # The checks start once the outline is painted (a zero timer runs after the paint events
        # the outline posted). Run beside the paint, they would share the interpreter lock with it:
        # the worker's Python would hold up each of the paint's Python calls by a switch interval,
        # and the first window would fill some 40 ms later than paint and checks one after another.
        QTimer.singleShot(0, self, lambda: self._check(outline))

    def _check(self, outline: Analysis) -> None:
        if outline.generation != self._generation:
            return  # typed over while the outline was painted; the newer snapshot's parse is queued
        with_themes, config = self.with_themes, self.config  # read here, in the GUI thread
        self.jobs.submit(
            lambda: check_snapshot(outline, with_themes, config),
            self,
            self._deliver,
            lambda trace: self._failed(outline.generation, outline.text, trace),
            lane=self.LANE,
        )

    def _deliver(self, result: Analysis) -> None:
        if result.generation == self._generation:
            self.latest = result
            self._set_busy(False)
            self.finished.emit(result)

    def _failed(self, generation: int, text: str, trace: str) -> None:
        logger.error("analysis failed:\n%s", trace)
        self._deliver(Analysis(generation, text, None, error="分析出错：" + trace.strip().splitlines()[-1]))

    def _set_busy(self, busy: bool) -> None:
        if busy != self._busy:
            self._busy = busy
            self.busy_changed.emit(busy)
