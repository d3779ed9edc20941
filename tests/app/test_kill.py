"""Kill the app at random moments while it types, autosaves and saves; the work must survive.

A real app process (``tests/app/kill_child.py``: the real window, autosave every second, 保存
every 1.7 s, a new line typed every 40 ms) is killed outright (SIGKILL; TerminateProcess on
Windows) at a random moment, then started again on the same draft, three times. After each kill:
the draft file reads back whole, its lines in order; and the newer of the file and the recovery
copy holds every line the app had typed when its last autosave or save before the kill returned
(the child logs each), so what a kill costs is what was typed since the last autosave. No
wall-clock margin is asserted: on a loaded machine the timer may fire late, and that is not a
lost word. At the end the real window reopens the draft and is offered exactly that text.
"""

from __future__ import annotations

import itertools
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.app.recovery_offer import RESTORE, same_file
from desktop.plan.model import Metadata
from desktop.plan.read.store import RecoveryStore, load_draft, save_draft
from tests.app.kill_child import AUTOSAVE_SECONDS, HEADER, line_numbers

pytestmark = pytest.mark.gui
REPO = Path(__file__).resolve().parents[2]
ROUNDS = 3


def _newest_recovery(folder: Path, draft: Path):
    found = [r for r in RecoveryStore(folder).pending() if r.source_path and same_file(r.source_path, draft)]
    return found[0] if found else None


def _contiguous(text: str) -> int:
    """How many typed lines ``text`` holds; fails unless they are 1..n in order after the header."""
    assert text.startswith(HEADER)
    numbers = line_numbers(text)
    assert numbers == list(range(1, len(numbers) + 1)), numbers[:20]
    return len(numbers)


def _run_and_kill(draft: Path, progress: Path, rng: random.Random) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO), QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.app.kill_child", str(draft), str(progress)],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not progress.exists() or "ready" not in progress.read_text(encoding="utf-8"):
            assert process.poll() is None, "the app exited before it was ready"
            assert time.monotonic() < deadline, "the app did not start"
            time.sleep(0.05)
        time.sleep(rng.uniform(3.5, 6.0))  # several autosaves and saves in, so the check has teeth
    finally:
        process.kill()  # SIGKILL on Linux and macOS, TerminateProcess on Windows: no cleanup at all
        process.wait()


def _last(progress: Path, event: str) -> tuple[int, list[float]]:
    """The number logged by the last ``event`` line (0: none), and the times of them all."""
    last, times = 0, []
    for line in progress.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if parts[0] == event:
            last = max(last, int(parts[1]))
            times.append(float(parts[2]))
    return last, times


def test_killed_at_random_moments_never_corrupts_or_loses_more_than_the_autosave(
    window, tmp_path, app_settings
):
    seed = random.randrange(1 << 30)
    print(f"kill seed {seed}")
    rng = random.Random(seed)
    draft = tmp_path / "要点.plan.yaml"
    save_draft(draft, HEADER, Metadata())
    for round_ in range(ROUNDS):
        progress = tmp_path / f"progress{round_}.txt"
        _run_and_kill(draft, progress, rng)
        saved = _contiguous(load_draft(draft).text)  # never half written
        recovery = _newest_recovery(app_settings.recovery_dir, draft)
        recovered = _contiguous(recovery.source.text) if recovery is not None else 0
        must_have, kept_times = _last(progress, "kept")
        typed, _ = _last(progress, "typed")
        gaps = [b - a for a, b in itertools.pairwise(kept_times)]
        print(
            f"round {round_}: typed {typed}, file {saved} lines, recovery {recovered}, kept {must_have}; "
            f"longest gap between autosaves {max(gaps, default=0):.2f} s (interval {AUTOSAVE_SECONDS} s)"
        )
        assert max(saved, recovered) >= must_have, (round_, saved, recovered, must_have)
        assert must_have > 0 and typed > 0, "nothing was typed or kept before the kill"

    offers = []
    window.files.recovery_chooser = lambda offer: offers.append(offer) or RESTORE
    assert window.files.open_path(draft)
    text = window.editor.toPlainText()
    assert _contiguous(text) == max(saved, recovered)
    assert bool(offers) == (recovered > saved)
