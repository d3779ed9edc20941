"""Writing a file of the user's cache folder: whole or not at all, and never an error.

The caches kept between runs (compiled regexes, parsed YAML, dataclass code) are written at exit.
A half-written cache would be read as damaged and thrown away; an unwritable cache folder (a
read-only profile, a full disk) must cost the next run its head start, never this run its exit.
"""

from __future__ import annotations

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


def to_save(state: dict[str, Any], limit: int) -> dict[Any, Any] | None:
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
