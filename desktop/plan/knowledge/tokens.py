"""The one word tokenizer: jieba's algorithm and dictionary plus PlanDesk's user dictionary.

It sits in the core because the themes checklist (``checks.themes``), the peer statistics, the
comparison (``desktop.plan.compare``) and the export's title breaks all segment text with the same
dictionary, and the core may not import from ``checks``.

jieba's own start (its whole prefix dictionary, 0.7–0.9 s) is avoided: the tokenizer reads its
dictionary from a store bucket by bucket as the text needs it (``dictionary.py``), so building it
costs a few milliseconds and segmenting a plan's theme mentions a few more. Even so nothing imports
jieba at module import time: ``plandesk outline`` and ``plandesk check --ignore T`` never load it.
The GUI calls :func:`tokenizer` from a worker thread; the lock makes the first call build it once.

Segmentation here answers one question for the coverage code: does a term found in the text start
at a word boundary? jieba segments each run of Han characters, letters and digits independently,
so segmenting just the run around a match gives the same words as segmenting the whole text.
"""

from __future__ import annotations

import bisect
import logging
import re
import threading
from collections import ChainMap
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
_last_runs: tuple[str, list[int], list[int]] | None = None  # see _runs_of


def tokenizer() -> jieba.Tokenizer:
    """The shared jieba tokenizer with PlanDesk's user dictionary, built on first use."""
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from desktop.plan.knowledge.dictionary import LazyTokenizer, store_path

                built = LazyTokenizer(store_path())
                if USERDICT_PATH.exists():
                    built.load_userdict(str(USERDICT_PATH))
                _tokenizer = built
    return _tokenizer


@lru_cache(maxsize=1)
def keyword_extractor():
    """jieba's TF-IDF keyword extractor, segmenting and tagging with the shared tokenizer.

    Only the peer statistics use it, and they are cached on disk. One per process: jieba hands the
    user dictionary's tags to the first tagger built on a tokenizer only, so a second would tag 双减
    ``x``.
    """
    shared = tokenizer()  # imports jieba first, the way that keeps pkg_resources out
    import jieba.analyse
    import jieba.posseg

    # Importing them builds jieba's default tagger and extractor, reading dict.txt's word tags and
    # the IDF table (0.8 s, 60 MB): this one shares those tables instead of reading both again.
    # Built field by field: POSTokenizer forwards unknown attributes, which defeats copy.copy.
    tagger = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
    tagger.tokenizer = shared
    # The user dictionary's tags go into the first map, the default tagger's table stays as it is.
    tagger.word_tag_tab = ChainMap({}, jieba.posseg.dt.word_tag_tab)
    extractor = jieba.analyse.TFIDF.__new__(jieba.analyse.TFIDF)
    extractor.__dict__.update(jieba.analyse.default_tfidf.__dict__)
    extractor.tokenizer = shared
    extractor.postokenizer = tagger
    return extractor


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


def _runs_of(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of ``text``'s runs, for the last text asked about.

    Callers ask about many offsets of one text in a row (the themes look at every match of every
    term); finding a run by walking back character by character cost more than the matching."""
    global _last_runs
    cached = _last_runs
    if cached is not None and cached[0] is text:
        return cached[1], cached[2]
    starts: list[int] = []
    ends: list[int] = []
    for match in RUN.finditer(text):
        starts.append(match.start())
        ends.append(match.end())
    _last_runs = (text, starts, ends)
    return starts, ends


def word_around(text: str, offset: int) -> tuple[int, str] | None:
    """The word of ``text`` that holds ``offset``, as (start offset in text, word); None off-run."""
    starts, ends = _runs_of(text)
    i = bisect.bisect_right(starts, offset) - 1
    if i < 0 or ends[i] <= offset:
        return None
    start = starts[i]
    for word_start, word in run_words(text[start : ends[i]]):
        if start + word_start <= offset < start + word_start + len(word):
            return start + word_start, word
    return None  # pragma: no cover - the run's words cover it
