"""The word lists of the W rules: ``resources/wording/*.yaml`` read once, and literal matching.

Shared by ``wording`` and ``wording_spliced``, which would otherwise import each other.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import yaml

WORDING_DIR = Path(__file__).resolve().parents[2] / "resources" / "wording"
HAN = "\u4e00-\u9fff"  # a character class body: f"[{HAN}]"


@cache
def load_list(name: str) -> dict[str, Any]:
    """``resources/wording/<name>.yaml``, read once per process."""
    return yaml.safe_load((WORDING_DIR / f"{name}.yaml").read_text(encoding="utf-8")) or {}


def alternation(words: list[str]) -> re.Pattern[str]:
    """One regex for many literal words, longest first so 习近平中国… wins over shorter entries."""
    return re.compile("|".join(map(re.escape, sorted(set(words), key=len, reverse=True))))


def excepted(text: str, start: int, wrong: str, exceptions: list[str]) -> bool:
    """True when the match at ``start`` is part of one of ``exceptions`` (预防犯罪 holds 防犯)."""
    for word in exceptions:
        k = word.find(wrong)
        while k != -1:
            if text.startswith(word, start - k) and start - k >= 0:
                return True
            k = word.find(wrong, k + 1)
    return False
