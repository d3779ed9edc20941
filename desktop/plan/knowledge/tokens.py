"""jieba, loaded once and only when words are first needed (themes, the comparison).

It sits in the core because both the themes checklist (``checks.themes``) and the comparison
(``desktop.plan.compare``) segment text with the same dictionary, and the core may not import
from ``checks``.

Loading jieba's dictionary takes about half a second, so nothing imports jieba at module import
time: ``plandesk outline`` and ``plandesk check --ignore T`` never pay for it. The GUI calls
:func:`tokenizer` from a worker thread; the lock makes the first call build it exactly once.

Segmentation here answers one question for the coverage code: does a term found in the text start
at a word boundary? jieba segments each run of Han characters, letters and digits independently,
so segmenting just the run around a match gives the same words as segmenting the whole text.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

from desktop.data import resource_path

if TYPE_CHECKING:
    import jieba

logger = logging.getLogger(__name__)

USERDICT_PATH = resource_path("jieba_userdict.txt")
"""Domain terms (双减, 五育并举, 县管校聘 …) jieba must keep whole."""

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None

# jieba's own notion of a segmentable run (jieba.re_han_default).
RUN = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&\._%\-]+")


def tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer with PlanDesk's user dictionary, built on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba

                jieba.setLogLevel(logging.WARNING)
                built = jieba.Tokenizer()
                built.initialize()
                if USERDICT_PATH.exists():
                    built.load_userdict(str(USERDICT_PATH))
                _tokenizer = built
    return _tokenizer


def is_loaded() -> bool:
    """Whether jieba has been loaded in this process (tests use it to prove laziness)."""
    return _tokenizer is not None


def cut(text: str) -> list[str]:
    """The words of ``text`` (precise mode, no HMM: unknown words stay as single characters)."""
    return list(tokenizer().cut(text, HMM=False))


@lru_cache(maxsize=8192)
def run_words(run: str) -> tuple[tuple[int, str], ...]:
    """The words of one run with their start offsets inside it."""
    out: list[tuple[int, str]] = []
    pos = 0
    for word in tokenizer().cut(run, HMM=False):
        out.append((pos, word))
        pos += len(word)
    return tuple(out)


def word_around(text: str, offset: int) -> tuple[int, str] | None:
    """The word of ``text`` that holds ``offset``, as (start offset in text, word); None off-run."""
    start = offset
    while start > 0 and RUN.fullmatch(text[start - 1]):
        start -= 1
    match = RUN.match(text, start)
    if match is None or match.end() <= offset:
        return None
    for word_start, word in run_words(match.group()):
        if start + word_start <= offset < start + word_start + len(word):
            return start + word_start, word
    return None  # pragma: no cover - the run's words cover it
