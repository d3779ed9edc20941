"""Jobs: results reach living receivers in the GUI thread, lanes keep only the newest waiting job,
and closing is bounded (real threads, real Qt objects, no window needed)."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QObject, QThread

from desktop.app.background import Jobs

pytestmark = pytest.mark.gui


class Receiver(QObject):
    """Collects what the jobs deliver, noting the thread each delivery ran in."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []
        self.failures: list[str] = []
        self.threads: list[QThread] = []

    def done(self, value: object) -> None:
        self.threads.append(QThread.currentThread())
        self.results.append(value)

    def failed(self, text: str) -> None:
        self.failures.append(text)


@pytest.fixture
def jobs(qapp):
    jobs = Jobs()
    yield jobs
    jobs.shutdown(10_000)


def _blocker() -> tuple[threading.Event, threading.Event, object]:
    """A job that says when it started and then waits for the test to release it."""
    started, release = threading.Event(), threading.Event()

    def work() -> str:
        started.set()
        assert release.wait(10)
        return "first"

    return started, release, work


def test_done_runs_in_the_gui_thread_with_the_result(jobs) -> None:
    receiver = Receiver()
    job_id = jobs.submit(lambda: sum(range(10)), receiver, receiver.done, receiver.failed)
    assert jobs.wait_idle(10_000)
    assert receiver.results == [45] and receiver.failures == []
    assert receiver.threads == [QThread.currentThread()]
    assert job_id >= 1 and jobs.submit(int, receiver, receiver.done) > job_id


def test_a_failing_job_reports_its_traceback(jobs) -> None:
    receiver = Receiver()
    jobs.submit(lambda: 1 / 0, receiver, receiver.done, receiver.failed)
    assert jobs.wait_idle(10_000)
    assert receiver.results == [] and "ZeroDivisionError" in receiver.failures[0]


def test_a_failure_without_a_handler_is_logged(jobs, caplog) -> None:
    receiver = Receiver()
    jobs.submit(lambda: {}["missing"], receiver, receiver.done)
    assert jobs.wait_idle(10_000)
    assert "KeyError" in caplog.text and receiver.results == []


def test_a_lane_keeps_only_the_newest_waiting_job(jobs) -> None:
    receiver = Receiver()
    started, release, work = _blocker()
    jobs.submit(work, receiver, receiver.done, lane="analysis")
    assert started.wait(10)
    for n in range(5):  # each replaces the one waiting before it
        jobs.submit(lambda n=n: n, receiver, receiver.done, lane="analysis")
    jobs.submit(lambda: "other lane", receiver, receiver.done, lane="compare")
    release.set()
    assert jobs.wait_idle(10_000)
    assert receiver.results[0] == "first"
    assert sorted(receiver.results[1:], key=str) == [4, "other lane"]


def test_a_lane_runs_one_job_at_a_time_even_with_free_threads(qapp) -> None:
    jobs = Jobs(threads=2)
    receiver = Receiver()
    started, release, work = _blocker()
    second_started = threading.Event()
    jobs.submit(work, receiver, receiver.done, lane="analysis")
    jobs.submit(second_started.set, receiver, receiver.done, lane="analysis")
    other = threading.Event()
    jobs.submit(other.set, receiver, receiver.done, lane="export")
    assert started.wait(10) and other.wait(10)  # another lane runs alongside
    assert not second_started.is_set()
    release.set()
    assert jobs.wait_idle(10_000) and second_started.is_set()
    jobs.shutdown()


def test_cancel_drops_waiting_jobs_only(jobs) -> None:
    receiver = Receiver()
    started, release, work = _blocker()
    jobs.submit(work, receiver, receiver.done, lane="a")
    assert started.wait(10)
    jobs.submit(lambda: "waiting a", receiver, receiver.done, lane="a")
    jobs.submit(lambda: "waiting b", receiver, receiver.done, lane="b")
    jobs.cancel("a")
    release.set()
    assert jobs.wait_idle(10_000)
    assert receiver.results == ["first", "waiting b"]


def test_a_deleted_receiver_gets_nothing_and_nothing_crashes(jobs) -> None:
    survivor, doomed = Receiver(), Receiver()
    delivered_to_doomed: list[object] = []
    started, release, work = _blocker()
    jobs.submit(work, doomed, delivered_to_doomed.append)
    assert started.wait(10)
    for n in range(20):
        jobs.submit(lambda n=n: n, doomed, delivered_to_doomed.append)
        jobs.submit(lambda n=n: n, survivor, survivor.done)
    shiboken6.delete(doomed)  # the window closed while its jobs were in flight
    release.set()
    assert jobs.wait_idle(10_000)
    assert delivered_to_doomed == [] and survivor.results == list(range(20))


def test_busy_is_announced_when_work_starts_and_when_the_last_result_is_in(jobs) -> None:
    receiver = Receiver()
    states: list[bool] = []
    jobs.busyChanged.connect(states.append)
    jobs.submit(lambda: 1, receiver, receiver.done)
    jobs.submit(lambda: 2, receiver, receiver.done)
    assert jobs.busy()
    assert jobs.wait_idle(10_000)
    assert states == [True, False] and not jobs.busy() and receiver.results == [1, 2]


def test_shutdown_is_bounded_and_delivers_nothing_afterwards(qapp) -> None:
    jobs = Jobs()
    receiver = Receiver()
    started, release, work = _blocker()
    jobs.submit(work, receiver, receiver.done)
    jobs.submit(lambda: "never started", receiver, receiver.done)
    assert started.wait(10)
    assert jobs.shutdown(50) is False  # the running job is still waiting for us
    release.set()
    assert jobs.shutdown(10_000) is True
    jobs.submit(lambda: "after shutdown", receiver, receiver.done)
    qapp.processEvents()
    assert receiver.results == [] and not jobs.busy()


def test_many_jobs_and_dying_receivers_in_a_tight_loop(jobs, qapp) -> None:
    keep = Receiver()
    for round_ in range(50):
        short_lived = Receiver()
        for n in range(10):
            jobs.submit(lambda n=n: n, short_lived, short_lived.done, lane=f"lane{n % 3}")
            jobs.submit(lambda n=n: n, keep, keep.done)
        if round_ % 2:
            shiboken6.delete(short_lived)
        qapp.processEvents()
    assert jobs.wait_idle(30_000)
    assert len(keep.results) == 500


def test_the_analysis_shows_only_the_latest_snapshot_and_skips_stale_checks(qapp) -> None:
    from desktop.app.workers import AnalysisRunner

    jobs = Jobs()
    runner = AnalysisRunner(jobs, with_themes=False)
    outlines, results, busy = [], [], []
    runner.outline_ready.connect(outlines.append)
    runner.finished.connect(results.append)
    runner.busy_changed.connect(busy.append)
    texts = [f"一、加强党建\n1.抓学习。\n{n}.抓落实。\n" for n in range(2, 8)]
    generations = [runner.request(text) for text in texts]
    assert runner.wait_idle(30_000)
    (result,) = results
    assert result.generation == generations[-1] and result.text == texts[-1] and result.complete
    assert [o.generation for o in outlines] == [generations[-1]]  # no stale outline, no stale check
    assert busy == [True, False] and runner.latest is result
    jobs.shutdown()


def test_waiting_for_the_analysis_spans_the_gap_before_the_checks_start(qapp) -> None:
    """The checks are queued from a zero timer once the outline is shown, so for a moment no job
    is waiting; a slow outline (a long plan's first paint) must not end the wait early."""
    import time

    from desktop.app.workers import AnalysisRunner

    jobs = Jobs(threads=2, reserved=("analysis",))
    runner = AnalysisRunner(jobs, with_themes=False)
    results: list[object] = []
    runner.finished.connect(results.append)
    runner.outline_ready.connect(lambda _outline: time.sleep(0.08))
    runner.request("一、加强党建\n1.抓学习。\n2.抓落实。\n")
    assert runner.wait_idle(30_000)
    assert len(results) == 1 and not runner.busy
    jobs.shutdown()


def test_the_checks_are_queued_after_the_outline_is_painted(qapp) -> None:
    """A paint the outline asked for runs before the checks start; run beside it, both would take
    turns on the interpreter lock and the first window would fill later."""
    from PySide6.QtCore import QTimer

    from desktop.app.workers import AnalysisRunner

    jobs = Jobs(threads=2, reserved=("analysis",))
    runner = AnalysisRunner(jobs, with_themes=False)
    order: list[str] = []
    submit = jobs.submit

    def recorded(*args, **kwargs):
        order.append("check queued")
        return submit(*args, **kwargs)

    def outline_shown(_outline) -> None:
        jobs.submit = recorded  # from here on, a submission is the check's
        QTimer.singleShot(0, lambda: order.append("outline painted"))  # as a paint is posted

    runner.outline_ready.connect(outline_shown)
    runner.request("一、加强党建\n1.抓学习。\n2.抓落实。\n")
    assert runner.wait_idle(30_000)
    assert order == ["outline painted", "check queued"]
    jobs.shutdown()


def test_a_stopped_analysis_delivers_nothing_and_starts_no_check(qapp) -> None:
    """Closing the window stops the runner: a parse in flight and a check not yet started are dropped."""
    from desktop.app.workers import AnalysisRunner

    jobs = Jobs(threads=2, reserved=("analysis",))
    runner = AnalysisRunner(jobs, with_themes=False)
    outlines: list[object] = []
    results: list[object] = []
    runner.outline_ready.connect(outlines.append)
    runner.outline_ready.connect(lambda _outline: runner.stop())  # the check's timer is pending now
    runner.finished.connect(results.append)
    runner.request("一、加强党建\n1.抓学习。\n2.抓落实。\n")
    assert runner.wait_idle(30_000) and jobs.wait_idle(30_000)
    qapp.processEvents()
    assert jobs.wait_idle(30_000)
    assert len(outlines) == 1 and results == [] and not runner.busy
    jobs.shutdown()


def test_a_reserved_lane_always_has_a_thread(qapp) -> None:
    """A PDF export and a comparison at once must not hold the checks back."""
    jobs = Jobs(threads=2, reserved=("analysis",))
    receiver = Receiver()
    started, release, work = _blocker()
    compare_started = threading.Event()
    jobs.submit(work, receiver, receiver.done, lane="export")
    jobs.submit(compare_started.set, receiver, receiver.done, lane="compare")
    assert started.wait(10)
    analysis = threading.Event()
    jobs.submit(analysis.set, receiver, receiver.done, lane="analysis")
    assert analysis.wait(10)  # the second thread was kept for it
    assert not compare_started.is_set()  # the comparison waits for the export's thread
    release.set()
    assert jobs.wait_idle(10_000) and compare_started.is_set()
    jobs.shutdown()


def test_latest_supersedes_the_running_job_of_its_lane(jobs) -> None:
    """A window that shows one result shows the newest request's, never an older one's late."""
    receiver = Receiver()
    started, release, work = _blocker()
    jobs.submit(work, receiver, receiver.done, lane="compare", latest=True)  # returns "first"
    assert started.wait(10)
    jobs.submit(lambda: "new", receiver, receiver.done, lane="compare", latest=True)
    release.set()
    assert jobs.wait_idle(10_000)
    assert receiver.results == ["new"]
