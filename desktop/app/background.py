"""The one place that runs work off the GUI thread.

Every background job of the app (analysis, comparison, export) goes through a ``Jobs`` object, so
the rules that keep a Qt app from crashing on its way out are written once:

- Each job owns its own signals object. The worker emits only on it, and it is connected with the
  job's *receiver* as the context object, so when the receiver (a window, a panel) is deleted Qt
  drops the connection and the result goes nowhere instead of into a deleted object. The worker
  never touches the receiver, the ``Jobs`` object or the thread pool.
- The signals object is released by reference counting only after the emitting thread let go of
  it, never with ``deleteLater`` while a worker may still be inside ``emit``.
- The queue is ours, not the pool's: a job submitted on a named *lane* replaces the job waiting on
  that lane (the newest snapshot of the text is the only one worth analysing), and at most one job
  of a lane runs at a time. ``cancel`` drops waiting jobs; ``shutdown`` drops them and waits for
  the running ones, bounded, so closing a window never hangs on a long job.
- ``done`` and ``failed`` run in the GUI thread. A job dropped by ``cancel`` or ``shutdown`` calls
  neither. Stale results (an older generation of the same text) are the caller's to drop: ``submit``
  returns the job id, which only grows.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from PySide6.QtCore import SIGNAL, QCoreApplication, QEventLoop, QObject, QRunnable, QThreadPool, Signal

logger = logging.getLogger(__name__)

T = TypeVar("T")


class _JobSignals(QObject):
    """The signals of one job; created in the GUI thread, emitted once from the worker."""

    finished = Signal(object)  # (ok, result or traceback text)


_FINISHED = SIGNAL("finished(PyObject)")


@dataclass(eq=False)
class _Job:
    job_id: int
    lane: str
    work: Callable[[], Any]
    dropped: bool = False  # shut down, or superseded (``latest``), after it started: deliver nothing


class _Runnable(QRunnable):
    """Runs one job's work in a pool thread and emits its outcome on the job's own signals."""

    def __init__(self, work: Callable[[], Any], signals: _JobSignals) -> None:
        super().__init__()
        self._work = work
        self._signals = signals  # the worker's own reference, held until the emit has returned

    def run(self) -> None:
        try:
            outcome: tuple[bool, Any] = (True, self._work())
        except BaseException:  # a failing job is reported, never allowed to end the thread silently
            outcome = (False, traceback.format_exc())
        signals, self._signals, self._work = self._signals, None, None  # type: ignore[assignment]
        signals.finished.emit(outcome)
        # ``signals`` is released here, after the emit: whichever thread drops the last reference
        # deletes it, and no thread is then still emitting on it.


class Jobs(QObject):
    """The one background-work helper. One instance per window (``window.jobs``).

    ``threads`` is how many jobs may run at once; at most one per named lane. The lane ``""``
    has no replacement: its jobs simply queue. A ``reserved`` lane (the analysis, which the
    writer waits on at every pause in typing) is started before any other and keeps one thread
    to itself, so a long PDF export plus a comparison can never hold the checks back.
    """

    busyChanged = Signal(bool)

    def __init__(
        self, parent: QObject | None = None, threads: int = 1, reserved: tuple[str, ...] = ()
    ) -> None:
        super().__init__(parent)
        self._reserved = frozenset(reserved)
        self._pool = QThreadPool(self)
        self._threads = max(1, threads)
        self._pool.setMaxThreadCount(self._threads)
        self._next_id = 0
        self._waiting: list[_Job] = []
        self._running: dict[int, _Job] = {}
        # The GUI thread's reference to each job's signals, dropped once its outcome is delivered
        # (or it is dropped unstarted); kept apart from the job so nothing forms a reference cycle.
        self._signals: dict[int, _JobSignals] = {}
        self._closed = False
        self._busy = False

    def submit(
        self,
        work: Callable[[], T],
        receiver: QObject,
        done: Callable[[T], None],
        failed: Callable[[str], None] | None = None,
        *,
        lane: str = "",
        latest: bool = False,
    ) -> int:
        """Run ``work()`` off the GUI thread; ``done(result)`` or ``failed(traceback_text)`` then
        runs in the GUI thread, only if ``receiver`` still exists. On a named lane the job replaces
        the one waiting there; with ``latest`` a job still running there is superseded too, its
        result never delivered (a window that shows one result: only the newest request's).
        Returns the job id (increasing). After ``shutdown`` nothing runs."""
        self._next_id += 1
        job = _Job(self._next_id, lane, work)
        if self._closed:
            logger.debug("job %d submitted after shutdown: not run", job.job_id)
            return job.job_id
        signals = _JobSignals()
        self._signals[job.job_id] = signals
        # The receiver is the connection's context: Qt disconnects it when the receiver dies.
        QObject.connect(signals, _FINISHED, receiver, _deliverer(job, done, failed))
        # Bookkeeping, after the delivery; this object is its context.
        QObject.connect(signals, _FINISHED, self, partial(self._on_finished, job.job_id))
        if lane:
            self._drop_waiting(lambda waiting: waiting.lane == lane)
            if latest:
                for running in self._running.values():
                    if running.lane == lane:
                        running.dropped = True
        self._waiting.append(job)
        self._pump()
        return job.job_id

    def cancel(self, lane: str = "") -> None:
        """Drop the waiting jobs of ``lane`` (all waiting jobs when ``lane`` is empty). A job
        already running finishes, and its result is still delivered."""
        self._drop_waiting(lambda job: not lane or job.lane == lane)
        self._update_busy()

    def busy(self) -> bool:
        """Whether any job is waiting, running, or finished but not yet delivered."""
        return bool(self._waiting or self._running)

    def wait_idle(self, msecs: int = -1) -> bool:
        """Process events until every job has been delivered (tests and close, never while the
        writer types). Returns whether that happened within ``msecs`` (-1: no limit)."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        while self.busy():
            remaining = -1 if deadline is None else int((deadline - time.monotonic()) * 1000)
            if deadline is not None and remaining <= 0:
                return False
            self._pool.waitForDone(50 if remaining < 0 else min(50, remaining))
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        return True

    def shutdown(self, msecs: int = 5000) -> bool:
        """Drop waiting jobs, refuse new ones, and wait up to ``msecs`` for the running ones,
        whose results are then not delivered. Returns whether every running job has finished."""
        self._closed = True
        self._drop_waiting(lambda _job: True)
        for job in self._running.values():
            job.dropped = True
        finished = self._pool.waitForDone(msecs)
        if finished:
            self._running.clear()  # their outcomes, still queued, are dropped on delivery
        else:
            logger.warning("%d background job(s) still running at shutdown", len(self._running))
        self._update_busy()
        return finished

    def _pump(self) -> None:
        """Start waiting jobs while threads are free, keeping each named lane to one job."""
        while len(self._running) < self._threads:
            running_lanes = {job.lane for job in self._running.values() if job.lane}
            others = sum(1 for job in self._running.values() if job.lane not in self._reserved)
            # With reserved lanes, other work may fill every thread but one.
            limit = self._threads - 1 if self._reserved and self._threads > 1 else self._threads
            startable = [
                w
                for w in self._waiting
                if (not w.lane or w.lane not in running_lanes)
                and (w.lane in self._reserved or others < limit)
            ]
            job = next((w for w in startable if w.lane in self._reserved), None) or next(
                iter(startable), None
            )
            if job is None:
                break
            self._waiting.remove(job)
            self._running[job.job_id] = job
            self._pool.start(_Runnable(job.work, self._signals[job.job_id]))
        self._update_busy()

    def _drop_waiting(self, matches: Callable[[_Job], bool]) -> None:
        kept = []
        for job in self._waiting:
            if matches(job):
                self._signals.pop(job.job_id, None)  # never emitted: deleted here, in the GUI thread
            else:
                kept.append(job)
        self._waiting = kept

    def _on_finished(self, job_id: int, _outcome: object) -> None:
        """A job's outcome has been delivered (or dropped): free its slot and start the next."""
        self._running.pop(job_id, None)
        self._signals.pop(job_id, None)
        if self._closed:
            self._update_busy()
        else:
            self._pump()

    def _update_busy(self) -> None:
        busy = self.busy()
        if busy != self._busy:
            self._busy = busy
            self.busyChanged.emit(busy)


def _deliverer(
    job: _Job, done: Callable[[Any], None], failed: Callable[[str], None] | None
) -> Callable[[tuple[bool, Any]], None]:
    """The GUI-thread end of one job: hand the outcome to ``done`` or ``failed``."""

    def deliver(outcome: tuple[bool, Any]) -> None:
        if job.dropped:
            return
        ok, value = outcome
        if ok:
            done(value)
        elif failed is not None:
            failed(value)
        else:
            logger.error("background job %d failed:\n%s", job.job_id, value)

    return deliver
