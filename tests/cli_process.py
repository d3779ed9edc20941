"""``plandesk check --json`` on a corpus plan as a process of its own, with a cache folder of the test's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def check_process(plan: Path, cache: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "check", "--json", str(plan)],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PLANDESK_CACHE_DIR": str(cache), **env},
        timeout=120,
    )
