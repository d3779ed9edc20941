"""jieba's dictionary as a file that is read only where the text looks.

jieba builds its prefix dictionary (``Tokenizer.FREQ``: every word of ``dict.txt`` with its
frequency, and every prefix of a word with frequency 0) before it segments a single word: about
half a million entries, 0.7–0.9 s and ~70 MB, holding the GIL. Segmenting a run of text only ever
looks up strings that start inside the run, so the store here holds the same entries in buckets by
their first two characters, and :class:`LazyTokenizer` (jieba's own Tokenizer, algorithm untouched)
loads, before each block is segmented, just the buckets of the block's characters and character
pairs. A plan's themes touch a few thousand of the 262,144 buckets, a whole plan some 6,000 (a
tenth of the entries); the rest is never read.

The store (``resources/jieba_dict.bin``) is derived from jieba's ``dict.txt`` alone, shipped, and
rebuilt by ``python -m desktop.plan.knowledge.dictionary``; PlanDesk's user dictionary is added at
load time by jieba's own ``load_userdict``, so editing it needs no rebuild. When the installed
jieba's ``dict.txt`` is not the one the shipped store was built from, a store is built from it once
in the user's cache folder.

Format (little-endian): ``MAGIC``, version, bucket count (u32), total frequency (u64), size of the
``dict.txt`` it was built from (u64), that file's SHA-256 (32 bytes); two tables of bucket count + 1
u32: where each bucket's keys start in the key area (bytes) and how many entries come before it;
the key area (each bucket's keys in UTF-8, joined by newlines); the frequencies (u32, entry order).
A batch of buckets is then read with one decode, one split and one dict update.
"""

from __future__ import annotations

import hashlib
import importlib
import io
import logging
import mmap
import os
import struct
import sys
import tempfile
import threading
import types
from array import array
from math import log
from operator import add
from pathlib import Path

from desktop.data import resource_path, user_cache_dir

logger = logging.getLogger(__name__)

STORE_NAME = "jieba_dict.bin"
MAGIC = b"PDJD"
VERSION = 1
BUCKETS = 1 << 18
_HEADER = struct.Struct("<4sIIQQ32s")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")  # jieba.re_eng


def import_jieba():
    """jieba, imported without ``pkg_resources`` and with its HMM module deferred.

    jieba's ``_compat`` imports ``pkg_resources`` (~80 ms of setuptools) only to open its own
    ``dict.txt``, and falls back to a plain ``open`` when the import fails: blocking it for the
    length of jieba's import takes the fallback. (Nothing else in PlanDesk imports it.)
    ``jieba.finalseg`` (the HMM for unknown words, ~10 ms of tables) is imported by jieba's
    ``__init__`` but used only when segmenting with ``HMM=True``, which only the peer statistics do:
    a stand-in takes its place until jieba first calls into it.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    blocked = "pkg_resources" not in sys.modules
    if blocked:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # makes `import` raise ImportError
    sys.modules.setdefault("jieba.finalseg", _DeferredModule("jieba.finalseg"))
    try:
        import jieba
    finally:
        if blocked and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    jieba.setLogLevel(logging.WARNING)  # its start-up chatter is not for the writer
    return jieba


class _DeferredModule(types.ModuleType):
    """A module that imports itself on first use: the real one replaces it in ``sys.modules`` and
    in its package (``jieba.finalseg`` is the package's own global ``finalseg``)."""

    _lock = threading.Lock()

    def __getattr__(self, name: str) -> object:
        with self._lock:
            if sys.modules.get(self.__name__) is self:
                del sys.modules[self.__name__]
            real = importlib.import_module(self.__name__)
        return getattr(real, name)


jieba = import_jieba()


def bucket_of(prefix: str) -> int:
    """The bucket of the entries that start with ``prefix`` (one or two characters)."""
    return (ord(prefix[0]) * 40503 + ord(prefix[-1]) * (len(prefix) - 1)) % BUCKETS


def jieba_dict_path() -> Path:
    """The ``dict.txt`` of the installed jieba (absent in a frozen app that ships only the store)."""
    return Path(jieba.__spec__.origin).resolve().parent / jieba.DEFAULT_DICT_NAME  # jieba's, not ours


def build_store(dict_path: Path, out: Path) -> None:
    """Write the store of ``dict_path`` to ``out`` (whole or not at all); jieba computes the entries."""
    data = dict_path.read_bytes()
    with dict_path.open("rb") as handle:
        freq, total = jieba.Tokenizer.gen_pfdict(handle)
    buckets: list[dict[str, int]] = [{} for _ in range(BUCKETS)]
    for word, count in freq.items():
        buckets[bucket_of(word[:2])][word] = count
    key_starts, entries_before, keys, counts = array("I", [0]), array("I", [0]), [], array("I")
    for entries in buckets:
        blob = "\n".join(entries).encode("utf-8")
        keys.append(blob)
        counts.extend(entries.values())
        key_starts.append(key_starts[-1] + len(blob))
        entries_before.append(len(counts))
    for table in (key_starts, entries_before, counts):
        if sys.byteorder == "big":
            table.byteswap()
    header = _HEADER.pack(MAGIC, VERSION, BUCKETS, total, len(data), hashlib.sha256(data).digest())
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".tmp-", suffix=".bin")
    try:
        with os.fdopen(fd, "wb") as handle:
            for part in (header, key_starts.tobytes(), entries_before.tobytes(), *keys, counts.tobytes()):
                handle.write(part)
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would follow the shipped file into a wheel
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_header(path: Path) -> tuple[int, int, bytes] | None:
    """(total frequency, size and SHA-256 of the source ``dict.txt``) of a store; None if unusable."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(_HEADER.size)
    except OSError:
        return None
    if len(raw) != _HEADER.size:
        return None
    magic, version, buckets, total, size, digest = _HEADER.unpack(raw)
    if magic != MAGIC or version != VERSION or buckets != BUCKETS:
        return None
    return total, size, digest


def store_path() -> Path:
    """The store for the installed jieba: the shipped one, else one built once in the cache folder."""
    source = jieba_dict_path()
    try:
        size = source.stat().st_size
    except OSError:
        size = None  # no dict.txt to compare with (a frozen app): the shipped store is the dictionary
    shipped = resource_path(STORE_NAME)
    header = read_header(shipped)
    if header is not None and size in (None, header[1]):
        return shipped
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    cached = user_cache_dir() / "jieba" / f"{digest[:32]}-v{VERSION}.bin"
    header = read_header(cached)
    if header is None or header[1] != size:
        logger.info("building the dictionary store for %s in %s", source, cached)
        build_store(source, cached)
    return cached


class LazyTokenizer(jieba.Tokenizer):
    """jieba's Tokenizer whose ``FREQ`` is filled from the store, bucket by bucket, as text needs it.

    Every path by which jieba (and ``jieba.posseg``) reads ``FREQ`` goes through :meth:`get_DAG`
    for the block of text it segments, or through :meth:`add_word` / :meth:`suggest_freq`: those
    first load the buckets of every string the block can look up (each starts with one of its
    characters or character pairs), so ``FREQ`` answers exactly as jieba's full table would.
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        with path.open("rb") as handle:
            self._map = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        _magic, _version, _buckets, self.total, _size, _digest = _HEADER.unpack_from(self._map)
        table = (BUCKETS + 1) * 4
        self._key_starts = _u32(self._map, _HEADER.size, table)
        self._entries_before = _u32(self._map, _HEADER.size + table, table)
        self._keys_at = _HEADER.size + 2 * table
        self._counts_at = self._keys_at + self._key_starts[-1]
        self.store = path
        self.initialized = True  # nothing for jieba's initialize() to load
        self._loaded = bytearray(BUCKETS)
        self._seen: set[str] = set()

    def _ensure(self, text: str) -> None:
        """Load the buckets of every string of ``text``'s characters that jieba may look up."""
        grams = set(map(add, text, text[1:]))
        grams.update(text)
        grams -= self._seen
        if not grams:
            return
        with self.lock:
            loaded = self._loaded
            wanted = {(ord(g[0]) * 40503 + ord(g[-1]) * (len(g) - 1)) % BUCKETS for g in grams}  # bucket_of
            wanted = [index for index in wanted if not loaded[index]]
            for index in wanted:
                loaded[index] = 1
            self._load(wanted)
            self._seen |= grams

    def _load(self, buckets: list[int]) -> None:
        """Add the entries of ``buckets`` to ``FREQ``, with one decode, split and update."""
        store, key_starts, before = self._map, self._key_starts, self._entries_before
        keys_at, counts_at = self._keys_at, self._counts_at
        buckets = [i for i in buckets if before[i] != before[i + 1]]
        if not buckets:
            return
        keys = b"\n".join([store[keys_at + key_starts[i] : keys_at + key_starts[i + 1]] for i in buckets])
        counts = b"".join([store[counts_at + 4 * before[i] : counts_at + 4 * before[i + 1]] for i in buckets])
        counts = _u32(counts, 0, len(counts))
        # A plain update: add_word loads a word's buckets before it writes, so no entry of the
        # user dictionary is ever overwritten by a bucket loaded later.
        self.FREQ.update(zip(keys.decode("utf-8").split("\n"), counts, strict=True))

    def get_DAG(self, sentence: str) -> dict[int, list[int]]:
        self._ensure(sentence)
        return super().get_DAG(sentence)

    def _Tokenizer__cut_DAG_NO_HMM(self, sentence: str) -> list[str]:
        """jieba's segmentation without the HMM (``cut(text, HMM=False)``: the themes, the comparison
        and the export's title breaks), twice as fast and word for word the same.

        jieba builds a dict of every word's possible ends (``get_DAG``), then picks the most probable
        route from the right (``calc``: a ``max`` over a generator of tuples per character), then
        walks it, gluing single ASCII letters and digits together. This does the first two in one
        pass from the right with the same arithmetic, ``log(freq) - log(total) + best(rest)``, and
        the same tie-break (``max`` of (value, end) takes the later end), then the same walk. The
        tokenizer tests compare it with plain jieba on every corpus plan and on random text.
        """
        self._ensure(sentence)
        get = self.FREQ.get
        n = len(sentence)
        logtotal = log(self.total)
        best = [0.0] * (n + 1)  # the most probable route's value from each position
        ends = list(range(n))  # where the first word of that route ends (inclusive)
        for k in range(n - 1, -1, -1):
            value = None
            i, fragment = k, sentence[k]
            while i < n:
                count = get(fragment)
                if count is None:
                    break  # no word starts with this fragment
                if count:  # a word, not only a prefix of one
                    candidate = log(count) - logtotal + best[i + 1]
                    if value is None or candidate >= value:
                        value, ends[k] = candidate, i
                i += 1
                fragment = sentence[k : i + 1]
            if value is None:  # no word starts here: the character alone
                value = log(get(sentence[k]) or 1) - logtotal + best[k + 1]
            best[k] = value
        words: list[str] = []
        x, glued = 0, ""
        while x < n:
            y = ends[x] + 1
            word = sentence[x:y]
            if y - x == 1 and word in _ASCII_ALNUM:
                glued += word
            else:
                if glued:
                    words.append(glued)
                    glued = ""
                words.append(word)
            x = y
        if glued:
            words.append(glued)
        return words

    def add_word(self, word: str, freq: int | None = None, tag: str | None = None) -> None:
        self._ensure(jieba.strdecode(word))
        super().add_word(word, freq, tag)

    def suggest_freq(self, segment, tune: bool = False) -> int:
        whole = segment if isinstance(segment, str) else "".join(segment)
        self._ensure(whole)
        return super().suggest_freq(segment, tune)

    def load_userdict(self, f) -> None:
        """jieba's own, after loading the buckets of all its words in one batch (not word by word)."""
        if isinstance(f, (str, os.PathLike)):
            name, data = str(f), Path(f).read_bytes()
        else:
            name, data = getattr(f, "name", repr(f)), f.read()
        if isinstance(data, str):
            data = data.encode("utf-8")
        buffer = io.BytesIO(data)
        buffer.name = name  # jieba names the file in its error messages
        self._ensure(data.decode("utf-8", "replace"))
        super().load_userdict(buffer)


def _u32(raw: bytes | mmap.mmap, start: int, size: int) -> memoryview | array:
    """``size`` bytes of little-endian u32s from ``start``: a view where the machine is little-endian
    (nothing copied, only the pages read are loaded), else a swapped copy."""
    if sys.byteorder == "little":
        return memoryview(raw)[start : start + size].cast("I")
    values = array("I")
    values.frombytes(raw[start : start + size])
    values.byteswap()
    return values


def main() -> None:
    """Rebuild the shipped store from the installed jieba's ``dict.txt``."""
    out = resource_path(STORE_NAME)
    build_store(jieba_dict_path(), out)
    print(f"{out}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
