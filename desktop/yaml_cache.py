"""Parsed YAML kept from one run to the next, the way Python keeps bytecode.

A check reads some fifteen YAML files (word lists, themes, calendar, configuration): about 30 ms,
13 ms of it importing PyYAML, against about 20 ms for the rules themselves. A parsed document
depends only on its text, so :func:`parsed` keeps it, marshalled, in one file in the user's cache
folder, keyed by the exact text. A changed file is always parsed afresh. A file that does not parse
is never kept, so an old cache cannot hide a broken file. A value marshal cannot hold (a date) is
not kept either. Each lookup unmarshals a fresh copy, so a caller that changes what it got changes
nothing else.

The cache is written at exit, and only when this run added to it, whole or not at all. A cache
that cannot be read or written costs only the time it would have saved. The file name carries the
interpreter's tag, because marshal's format belongs to one Python version.
"""

from __future__ import annotations

import atexit
import marshal
import os
import sys
import threading
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing: the outline reads through here
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

HEADER = 1  # this file's format (marshal's own belongs to the interpreter: see the file name)
_MAX_ENTRIES = 64  # past this, the next save keeps only the texts that run read
# The window's worker and its GUI thread both read data files; reentrant because a lookup that
# switches folders (tests) saves the previous folder's cache while holding it.
_lock = threading.RLock()
_state: dict[str, Any] = {}  # "path", "table" (text → marshalled value), "used", "dirty"


def cache_file(folder: Path) -> Path:
    return folder / f"yaml-{sys.implementation.cache_tag}.marshal"


def parsed(text: str, parse: Callable[[str], Any]) -> Any:
    """The value of the YAML document ``text``: kept from an earlier run, else ``parse(text)``."""
    if os.environ.get("PLANDESK_NO_YAML_CACHE") == "1":
        return parse(text)
    from desktop.data import user_cache_dir

    path = cache_file(user_cache_dir())
    with _lock:
        table = _table(path)
        blob = table.get(text)
        if blob is not None:
            try:
                value = marshal.loads(blob)
            except (ValueError, EOFError, TypeError):  # a damaged entry: parse afresh
                del table[text]
            else:
                _state["used"].add(text)
                return value
    value = parse(text)  # raises for a broken file, which is then never kept
    try:
        blob = marshal.dumps(value)
    except ValueError:  # a date, say: parsed each time
        return value
    with _lock:
        if _state.get("path") == path:
            _state["table"][text] = blob
            _state["used"].add(text)
            _state["dirty"] = True
    return value


def _table(path: Path) -> dict[str, bytes]:
    """The cache of ``path``, read on first use (another folder's, kept by this run, saved first)."""
    if _state.get("path") == path:
        return _state["table"]
    if _state:
        save()
    else:
        atexit.register(save)
    from desktop.cache_files import read_table

    table: dict[str, bytes] = read_table(path, HEADER)
    _state.update(path=path, table=table, used=set(), dirty=False)
    return table


def save() -> None:
    """Write the cache if this run parsed anything new (whole or not at all)."""
    from desktop.cache_files import save_table

    with _lock:
        save_table(_state, HEADER, _MAX_ENTRIES)
