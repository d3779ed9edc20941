"""Tasks the writer marked 不适用, remembered per superior plan for the GUI and ``plandesk align``.

A city's plan holds tasks no county can answer (在镇高校, a provincial project); once the writer
says so they should stay out of the way every time that plan is used, whichever copy of it is
opened and whether from the window or the command line. So the marks are kept in the user's data
folder (``desktop.data.user_data_dir``), keyed on the hash of the superior plan's cleaned text:
the same plan saved as .docx or pasted as text is the same key, and an edited plan starts afresh
(its paths may no longer mean the same tasks). The file is small JSON written atomically; a damaged
file is set aside (``.damaged``) rather than silently overwritten.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from desktop.data import user_data_dir

logger = logging.getLogger(__name__)
FILE_NAME = "not_applicable.json"


def plan_key(text: str) -> str:
    """The key of a superior plan: sha256 of its cleaned text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class NotApplicableStore:
    """The 不适用 marks: superior plan key → task paths (and the plan's title, for a reader)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder if folder is not None else user_data_dir() / "align") / FILE_NAME

    def paths(self, text: str) -> frozenset[str]:
        """The paths marked 不适用 in the superior plan whose cleaned text is ``text``."""
        entry = self._read().get(plan_key(text), {})
        return frozenset(p for p in entry.get("paths", ()) if isinstance(p, str))

    def mark(self, text: str, path: str, not_applicable: bool, title: str = "") -> frozenset[str]:
        """Mark (or unmark) task ``path``; returns the plan's marks afterwards."""
        data = self._read()
        key = plan_key(text)
        entry = data.get(key, {})
        marked = set(entry.get("paths", ()))
        if not_applicable:
            marked.add(path)
        else:
            marked.discard(path)
        if marked:
            data[key] = {"title": title or entry.get("title", ""), "paths": sorted(marked)}
        else:
            data.pop(key, None)
        self._write(data)
        return frozenset(marked)

    def _read(self) -> dict[str, dict]:
        try:
            raw = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as error:
            logger.warning("cannot read %s: %s", self.path, error)
            return {}
        try:
            data = json.loads(raw)
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except ValueError:
            damaged = self.path.with_suffix(".damaged")
            logger.warning("damaged %s, set aside as %s", self.path, damaged)
            os.replace(self.path, damaged)
            return {}
        return {k: v for k, v in data.items() if isinstance(v, dict)}

    def _write(self, data: dict[str, dict]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".na-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump(data, stream, ensure_ascii=False, indent=1)
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
