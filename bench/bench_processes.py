"""Whole ``plandesk`` processes on the largest corpus plan, next to the floors and the budgets.

What a writer waits for is the whole process: interpreter start, imports, data files, the work and
the exit. Each command runs ``--runs`` times (interleaved, so a burst of load on the machine hits
every command alike) and its median wall time is printed beside two floors: a bare
``python -c pass`` and a bare Qt window process (``import PySide6``, a QMainWindow, offscreen).

Budgets (issue "Instant"): ``check``, ``themes``, ``compare`` and ``export`` within 0.3 s and within
10× ``python -c pass``; ``outline`` within 0.1 s; the peak memory of ``check`` within 50 MB. Peak
memory is each child's own maximum resident set, read from its resource usage when it is reaped
(``os.wait4``, the per-child form of ``resource.getrusage(RUSAGE_CHILDREN)``).

The children run as an installed PlanDesk does: with compiled bytecode (in a private
``PYTHONPYCACHEPREFIX``, so the checkout is not written to, warmed by one run) and a warm cache
folder (peer statistics, compiled regexes; a last line times ``check`` with an empty one, as on a
machine's first run). ``--source`` measures them compiling every module from source instead
(``PYTHONDONTWRITEBYTECODE=1``, as this sandbox's environment sets), which is what a checkout run
without ``__pycache__`` pays. Run: ``python -m bench.bench_processes [--runs N] [--source]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.common import CORPUS, LARGEST, REPO, next_year_edit

PASS = "pass"
QT_WINDOW = "from PySide6.QtWidgets import QApplication, QMainWindow\napp = QApplication([])\nQMainWindow()\n"
BUDGET_S = 0.3
BUDGET_PASS_TIMES = 10
OUTLINE_BUDGET_S = 0.1
CHECK_PEAK_MB = 50


def _run_once(args: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak resident MB) of one child process."""
    started = time.perf_counter()
    pid = os.posix_spawn(args[0], args, env, file_actions=_QUIET)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # check exits 1 when it finds an error
        raise SystemExit(f"failed ({os.waitstatus_to_exitcode(status)}): {' '.join(args)}")
    return elapsed, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


_QUIET = [
    (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
    (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9, help="runs of each command (median reported)")
    parser.add_argument(
        "--source", action="store_true", help="no bytecode: every module compiled from source"
    )
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        largest = CORPUS / LARGEST
        edited = folder / "edited.txt"
        edited.write_text(next_year_edit(largest.read_text(encoding="utf-8")), encoding="utf-8")
        out = folder / "out.docx"
        plandesk = [sys.executable, "-m", "desktop.cli"]
        commands: list[tuple[str, list[str]]] = [
            ("python -c pass", [sys.executable, "-c", PASS]),
            ("Qt window (import PySide6, QMainWindow)", [sys.executable, "-c", QT_WINDOW]),
            ("outline", [*plandesk, "outline", str(largest)]),
            ("check", [*plandesk, "check", str(largest)]),
            ("check --ignore T", [*plandesk, "check", "--ignore", "T", str(largest)]),
            ("themes", [*plandesk, "themes", str(largest)]),
            ("compare (an edited copy → the plan)", [*plandesk, "compare", str(edited), str(largest)]),
            ("export", [*plandesk, "export", str(largest), "-o", str(out), "--force"]),
        ]
        env = dict(os.environ, PYTHONPATH=str(REPO), PLANDESK_CACHE_DIR=str(folder / "cache"))
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        if options.source:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            env.pop("PYTHONPYCACHEPREFIX", None)
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "plandesk-bench-pycache")
        for _name, args in commands:  # warm: bytecode written, peer statistics cached, page cache full
            _run_once(args, env)
        walls: dict[str, list[float]] = {name: [] for name, _ in commands}
        peaks: dict[str, float] = {name: 0.0 for name, _ in commands}
        for _ in range(options.runs):
            for name, args in commands:
                wall, peak = _run_once(args, env)
                walls[name].append(wall)
                peaks[name] = max(peaks[name], peak)
        # The first run on a machine: no cache folder yet (peer statistics, compiled regexes).
        check = dict(commands)["check"]
        first = [
            _run_once(check, {**env, "PLANDESK_CACHE_DIR": str(folder / f"first-{k}")}) for k in range(3)
        ]

    median = {name: statistics.median(values) for name, values in walls.items()}
    floor = median["python -c pass"]
    mode = "every module compiled from source" if options.source else "bytecode compiled, caches warm"
    print(f"whole processes, {LARGEST} ({options.runs} runs each, medians; {mode})")
    print(f"{'command':<42} {'median':>9} {'× pass':>7} {'peak':>8}  budget")
    for name, _ in commands:
        seconds = median[name]
        budget, verdict = _budget(name, seconds, floor, peaks[name])
        print(
            f"{name:<42} {seconds * 1000:7.0f} ms {seconds / floor:6.1f}× {peaks[name]:5.0f} MB  {budget}{verdict}"
        )
    seconds = statistics.median(wall for wall, _ in first)
    peak = max(peak for _, peak in first)
    name = "check, first run (empty cache folder)"
    print(f"{name:<42} {seconds * 1000:7.0f} ms {seconds / floor:6.1f}× {peak:5.0f} MB  (once per machine)")


def _budget(name: str, seconds: float, floor: float, peak_mb: float) -> tuple[str, str]:
    """The budget line of one command and whether it is met."""
    if name == "outline":
        return f"≤ {OUTLINE_BUDGET_S * 1000:.0f} ms", _verdict(seconds <= OUTLINE_BUDGET_S)
    if name.split()[0] in ("check", "themes", "compare", "export") and name != "check --ignore T":
        limit = min(BUDGET_S, BUDGET_PASS_TIMES * floor)
        text = f"≤ {BUDGET_S * 1000:.0f} ms and ≤ {BUDGET_PASS_TIMES}× pass ({limit * 1000:.0f} ms)"
        ok = seconds <= limit
        if name == "check":
            text += f", peak ≤ {CHECK_PEAK_MB} MB"
            ok = ok and peak_mb <= CHECK_PEAK_MB
        return text, _verdict(ok)
    return "floor" if "pass" in name or "Qt" in name else "", ""


def _verdict(ok: bool) -> str:
    return "  ok" if ok else "  OVER"


if __name__ == "__main__":
    main()
