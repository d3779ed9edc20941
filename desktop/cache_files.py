"""The file of a cache kept between runs (compiled regexes, parsed YAML, dataclass code).

Each is one marshalled ``(header, table)`` in the user's cache folder. The header says what wrote it
(the interpreter, the format), so a cache of another one reads as empty. It is read once, at the
first use, and written at exit when the run added to it: whole or not at all, and never an error. A
half-written cache would be read as damaged and thrown away; an unwritable cache folder (a
read-only profile, a full disk) must cost the next run its head start, never this run its exit.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


def write_whole(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` through a temporary file renamed over it; False when it cannot."""
    import tempfile

    partial = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(partial, path)
        return True
    except OSError:
        if partial is not None:
            Path(partial).unlink(missing_ok=True)
        return False


def read_table(path: Path, header: object) -> dict[Any, Any]:
    """The table kept in ``path`` under ``header``; empty when there is none, it is damaged, or it
    was written under another header."""
    try:
        kept, table = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return table if kept == header and isinstance(table, dict) else {}


def save_table(state: dict[str, Any], header: object, limit: int) -> None:
    """Write ``state``'s table ("path", "table", "used", "dirty") under ``header`` if this run
    added to it (see :func:`_to_save`)."""
    table = _to_save(state, limit)
    if table is not None:
        write_whole(state["path"], marshal.dumps((header, table)))


def _to_save(state: dict[str, Any], limit: int) -> dict[Any, Any] | None:
    """What to write of a cache's ``state`` ("table", "used", "dirty"), marked written; None when
    this run added nothing. Past ``limit`` entries only those this run used are kept: a cache keyed
    on texts that have since changed would otherwise grow for ever."""
    if not state.get("dirty"):
        return None
    table: dict[Any, Any] = state["table"]
    if len(table) > limit:
        table = {key: value for key, value in table.items() if key in state["used"]}
    state["dirty"] = False
    return table
