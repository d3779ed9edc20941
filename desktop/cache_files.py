"""Writing a file of the user's cache folder: whole or not at all, and never an error.

The caches kept between runs (compiled regexes, parsed YAML, dataclass code) are written at exit.
A half-written cache would be read as damaged and thrown away; an unwritable cache folder (a
read-only profile, a full disk) must cost the next run its head start, never this run its exit.
"""

from __future__ import annotations

import os
from pathlib import Path


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
