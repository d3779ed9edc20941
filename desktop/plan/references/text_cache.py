"""The cleaned text of each stored reference, cached in the user's cache folder.

Reading and cleaning a .docx costs tens of milliseconds and listing the library, or learning the
peers, reads every entry: the cleaned text and its line map are kept as JSON under the sha256 of
the stored file's bytes, so a file replaced by hand simply misses the cache. A cache that cannot be
read or written only costs time.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from desktop.data import user_cache_dir
from desktop.plan.read.loader import Source

logger = logging.getLogger(__name__)

CACHE_VERSION = 1  # bump when the cached Source's shape or the cleaning changes meaning


def _cache_file(digest: str) -> Path:
    return user_cache_dir() / "references" / f"{digest[:32]}.json"


def load_cached(digest: str, path: Path) -> Source | None:
    try:
        data = json.loads(_cache_file(digest).read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION:
            return None
        return Source(
            path=path,
            kind=str(data["kind"]),
            text=str(data["text"]),
            origin=tuple(int(n) for n in data["origin"]),
            encoding=str(data.get("encoding", "utf-8")),
            file_names=tuple(str(n) for n in data.get("file_names", ())),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def store_cached(digest: str, source: Source) -> None:
    payload = {
        "version": CACHE_VERSION,
        "kind": source.kind,
        "text": source.text,
        "origin": list(source.origin),
        "encoding": source.encoding,
        "file_names": list(source.file_names),
    }
    try:
        write_atomically(_cache_file(digest), json.dumps(payload, ensure_ascii=False).encode("utf-8"))
    except OSError as error:  # a cache that cannot be written only costs time
        logger.warning("cannot cache reference %s: %s", digest[:12], error)


def write_atomically(path: Path, data: bytes) -> None:
    """Write the file whole or not at all (a crash mid-write must not lose the index)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
