"""Data flows one way: the core (desktop/plan) imports neither the checks nor Qt."""

from __future__ import annotations

import re
from pathlib import Path

CORE = Path(__file__).resolve().parents[2] / "desktop" / "plan"
UPWARD = re.compile(r"^\s*(?:from|import)\s+(checks|desktop\.app|desktop\.commands|PySide6)\b", re.M)


def test_core_modules_import_nothing_above_them():
    offenders = {
        str(path.relative_to(CORE)): UPWARD.findall(path.read_text(encoding="utf-8"))
        for path in CORE.rglob("*.py")
    }
    assert {name: found for name, found in offenders.items() if found} == {}
