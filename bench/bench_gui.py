"""GUI timings: cold start, keystroke-to-repaint while a 10× plan is checked, opening a .docx.

Run from the repository root: ``python -m bench.bench_gui`` (offscreen unless a display is set).
Targets from issue 7: cold start to a shown, populated window ≤ 1.0 s (the sample plan); opening
the largest corpus plan as .docx ≤ 0.5 s; keystrokes stay responsive while a 10× document is being
checked.

Cold start marks, from launching Python: ``painted`` is when the event loop is back after the
outline was put on screen (a paint has had its chance: nothing holds the GUI thread or the GIL);
``problems`` when the findings are shown; ``populated`` when everything is (themes and theme rules
included). Since the analysis runs in one pass, ``problems`` and ``populated`` are the same
moment: what is left between ``painted`` and them is the checks and the themes of the plan, which
the window starts once the outline is painted.

The budget of issue 13 is a ratio to a bare QMainWindow process. Each cold start is paired with a
floor process run just before it and the ratio taken pair by pair, as ``bench_processes`` does.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.common import CORPUS, LARGEST, REPO, large_plan_text

SAMPLE = REPO / "resources" / "samples" / "sample_plan_2027.txt"

COLD_START = textwrap.dedent(
    """
    import sys, time
    from desktop import code_cache, regex_cache
    regex_cache.install()  # as desktop.cli.main does for the app
    code_cache.install()
    from PySide6.QtCore import QTimer  # noqa: TID251 - the GUI bench drives Qt
    from PySide6.QtWidgets import QApplication  # noqa: TID251 - the GUI bench drives Qt
    app = QApplication([])
    from desktop.app.main_window import MainWindow
    from desktop.app.settings import AppSettings
    window = MainWindow(AppSettings(sys.argv[1]))
    marks = set()
    def mark(name):
        if name not in marks:
            marks.add(name)
            print(name, time.perf_counter(), flush=True)
    def outline():
        mark("outline")
        QTimer.singleShot(0, lambda: mark("painted"))
    window.outline_shown.connect(outline)
    window.problems_shown.connect(lambda _result: mark("problems"))
    def done(_result):
        print("populated", time.perf_counter(), flush=True)
        app.quit()
    window.analysis_shown.connect(done)
    window.show()
    window.files.open_path(sys.argv[2])
    app.exec()
    """
)


def _installed_env(folder: str) -> dict[str, str]:
    """The child runs as an installed app does: compiled bytecode (in a private pycache prefix,
    warmed by the first run; this sandbox sets PYTHONDONTWRITEBYTECODE, which would time the
    compiler instead) and data folders of its own."""
    env = dict(os.environ, PYTHONPATH=str(REPO), PLANDESK_DATA_DIR=str(Path(folder) / "data"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "plandesk-bench-pycache")
    return env


def _floor_once(env: dict[str, str]) -> float:
    """Seconds of one floor process: import PySide6 and make a QMainWindow (as bench_processes)."""
    from bench.bench_processes import QT_WINDOW

    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", QT_WINDOW], env=env, capture_output=True, check=True)
    return time.perf_counter() - started


def _cold_once(plan: Path, folder: str) -> dict[str, float]:
    """Seconds from launching Python to each mark of one cold start (see the module docstring)."""
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", COLD_START, folder, str(plan)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=_installed_env(folder),
    )
    if "populated" not in out.stdout:
        raise SystemExit(out.stderr[-2000:])
    # perf_counter is the system-wide monotonic clock on Linux, shared with the child.
    marks = dict(line.split() for line in out.stdout.splitlines() if line.count(" ") == 1)
    return {name: float(value) - started for name, value in marks.items()}


def cold_start(plan: Path, runs: int = 9) -> dict[str, float]:
    """Median seconds from launching Python to each mark, and ``ratio``: the median, pair by pair,
    of ``populated`` over a floor process run just before it. Pairing keeps the ratio meaningful
    when the machine's speed drifts (on a shared two-core machine it does, by tens of percent within
    a minute). One untimed pair first writes the bytecode."""
    found: dict[str, list[float]] = {}
    for run in range(runs + 1):
        with tempfile.TemporaryDirectory() as folder:
            floor = _floor_once(_installed_env(folder))
            marks = _cold_once(plan, folder)
        if run == 0:
            continue
        marks["floor"] = floor
        marks["ratio"] = marks["populated"] / floor
        for name, value in marks.items():
            found.setdefault(name, []).append(value)
    return {name: statistics.median(values) for name, values in found.items()}


def make_docx(text: str, path: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def in_process() -> None:
    from PySide6.QtCore import Qt  # noqa: TID251 - the GUI bench drives Qt
    from PySide6.QtTest import QTest  # noqa: TID251 - the GUI bench drives Qt
    from PySide6.QtWidgets import QApplication  # noqa: TID251 - the GUI bench drives Qt

    from desktop.app.main_window import MainWindow
    from desktop.app.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(AppSettings(folder))
        window.show()
        app.processEvents()

        # Opening the largest corpus plan as a .docx: the file read and the text on screen.
        source = make_docx((CORPUS / LARGEST).read_text(encoding="utf-8"), Path(folder) / "largest.docx")
        opens, populated = [], []
        shown: list[object] = []

        def on_shown(result: object) -> None:  # a Python function: PySide6 crashes disconnecting list.append
            shown.append(result)

        window.analysis_shown.connect(on_shown)
        for _ in range(7):
            shown.clear()
            started = time.perf_counter()
            window.files.open_path(source)
            opens.append(time.perf_counter() - started)
            while not shown:
                app.processEvents()
            populated.append(time.perf_counter() - started)
        window.analysis_shown.disconnect(on_shown)
        print(
            f"open largest .docx: median {statistics.median(opens) * 1000:.0f} ms to text on screen, "
            f"{statistics.median(populated) * 1000:.0f} ms to outline+problems shown"
        )

        # Keystrokes while a 10× document is being checked in the worker.
        window.editor.load_text(large_plan_text(10))
        window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
        window.editor.setFocus()
        delays, during = [], 0
        for _ in range(60):
            if not window.runner.busy:
                window.recheck()
            started = time.perf_counter()
            QTest.keyClick(window.editor, Qt.Key.Key_A)
            window.editor.viewport().repaint()
            delays.append(time.perf_counter() - started)
            during += window.runner.busy
            app.processEvents()
            time.sleep(0.02)
        window.editor.document().setModified(False)
        window.runner.wait_idle()
        delays.sort()
        print(
            f"keystroke-to-repaint on a 10× plan ({len(window.editor.toPlainText())} chars, "
            f"{during}/60 keystrokes while a check ran): median {statistics.median(delays) * 1000:.1f} ms, "
            f"p95 {delays[int(len(delays) * 0.95)] * 1000:.1f} ms, max {delays[-1] * 1000:.1f} ms"
        )
        window.close()


def main() -> None:
    for plan in (SAMPLE, CORPUS / LARGEST):
        marks = cold_start(plan)
        print(
            f"cold start ({plan.name}): median "
            + ", ".join(f"{name} {marks[name] * 1000:.0f} ms" for name in ("painted", "populated"))
            + f"; bare QMainWindow process (the floor) {marks['floor'] * 1000:.0f} ms; populated = "
            f"{marks['ratio']:.2f}× the floor, median of paired runs (budget ≤ 0.5 s and ≤ 3×)"
        )
    in_process()


if __name__ == "__main__":
    main()
