"""The native draft file (``.plan.yaml``), atomic saving, and crash-recovery files.

A draft is YAML with a format marker, the metadata the writer edited, other draft settings (such
as last year's plan for the comparison) and the text. YAML keeps it readable and diff-able; only
``yaml.safe_load`` ever reads it. Every write goes to a temporary file in the same folder that is
flushed to disk and then renamed over the target, so a crash or a full disk never leaves a
half-written draft: the old file or the new one is there, whole.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from desktop.plan.errors import InputError
from desktop.plan.model import Metadata
from desktop.plan.read.loader import Source

TYPE_CHECKING = False
if TYPE_CHECKING:
    import yaml

logger = logging.getLogger(__name__)

FORMAT_KEY = "plandesk"
FORMAT_VERSION = 1
SUFFIX = ".plan.yaml"


@lru_cache(maxsize=1)
def _dumper() -> type[yaml.SafeDumper]:
    """PyYAML's safe dumper writing multi-line strings as literal blocks, so the draft's text stays
    readable. Built on the first save, not at import: the window imports this module to offer
    recovery copies and would otherwise pay some 5 ms for PyYAML before its first paint."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    def present_str(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
        # YAML reads NEL and the Unicode line separators as line breaks in any style but quoted.
        quoted = any(ch in "\x85\u2028\u2029" for ch in value)
        style = '"' if quoted else ("|" if "\n" in value else None)
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, present_str)
    return Dumper


def dump_draft(text: str, metadata: Metadata, extra: dict[str, object] | None = None) -> str:
    """The YAML document of a draft."""
    document: dict[str, object] = {FORMAT_KEY: FORMAT_VERSION, "metadata": metadata.to_dict()}
    for key, value in (extra or {}).items():
        if key not in (FORMAT_KEY, "metadata", "text"):
            document[key] = value
    document["text"] = text
    import yaml

    return yaml.dump(document, Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=1 << 20)


def save_draft(
    path: Path | str, text: str, metadata: Metadata, extra: dict[str, object] | None = None
) -> None:
    """Save a draft atomically. Raises InputError (with a Chinese message) when it cannot."""
    write_atomic(Path(path), dump_draft(text, metadata, extra).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a flushed temporary file renamed over it."""
    folder = path.parent
    import tempfile

    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise InputError(path, f"无法在该文件夹中保存（{error.strerror or error}）。") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise InputError(path, f"保存失败（{error.strerror or error}），原文件未被改动。") from None


def load_draft(path: Path | str) -> Source:
    """Read a ``.plan.yaml`` draft. Raises InputError for a malformed or foreign file."""
    from desktop.plan.read.textio import decode_text

    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError.unreadable(path, error) from None
    raw, _ = decode_text(data, path)
    return parse_draft(raw, path)


def parse_draft(raw: str, path: Path | None = None) -> Source:
    """A draft's YAML text → Source (kind "plan")."""
    import yaml

    try:
        document = yaml.safe_load(raw)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"第 {mark.line + 1} 行附近" if mark is not None else ""
        raise InputError(path, f"草稿文件格式已损坏{where}，无法读取。可尝试从自动恢复文件找回。") from None
    if not isinstance(document, dict) or FORMAT_KEY not in document:
        raise InputError(path, "这不是要点编写助手的草稿文件（.plan.yaml）。")
    version = document.get(FORMAT_KEY)
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise InputError(path, f"草稿文件的格式版本（{version}）比本程序新，请升级要点编写助手后再打开。")
    text = document.get("text", "")
    if not isinstance(text, str):
        raise InputError(path, "草稿文件中的正文（text）不是文字。")
    metadata_raw = document.get("metadata") or {}
    if not isinstance(metadata_raw, dict):
        raise InputError(path, "草稿文件中的文件信息（metadata）格式不正确。")
    extra = {k: v for k, v in document.items() if k not in (FORMAT_KEY, "metadata", "text")}
    text = text.replace("\r\n", "\n")
    return Source(
        path=path,
        kind="plan",
        text=text,
        origin=text_origin(raw, text),
        metadata=Metadata.from_dict(metadata_raw),
        extra=extra,
    )


def text_origin(raw: str, text: str) -> tuple[int, ...]:
    """The file line of each line of a draft's ``text``: after the front matter, one for one.

    ``dump_draft`` writes the text last, as a literal block (``text: |``), so text line i sits on
    file line (line of ``text:``) + i and ``plandesk check`` can name the line the writer sees in
    the file. A text written otherwise (quoted, by hand) gets no map: lines count from the text.
    """
    lines = raw.split("\n")
    key = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].startswith("text:")), None)
    if key is None:
        return ()
    value = lines[key][len("text:") :].strip()
    count = text.count("\n") + 1
    if value.startswith("|"):
        first = key + 2  # 1-based line after the ``text: |`` line
        return tuple(range(first, first + count)) if len(lines) - key - 1 >= count - 1 else ()
    if value and count == 1 and not value.startswith(("'", '"')):
        return (key + 1,)
    return ()


# ---------------------------------------------------------------------------------------------
# Recovery


@dataclass(frozen=True)
class Recovery:
    """An autosaved copy of unsaved work, found at start-up after a crash."""

    draft_id: str
    path: Path  # the recovery file
    source_path: str  # the file the work belongs to ("" for a new, never-saved draft)
    saved_at: float  # time.time() of the autosave
    source: Source


class RecoveryStore:
    """Autosave files in one folder (the app passes the user's data dir; tests pass tmp_path).

    Each open draft has an id; ``write`` replaces that draft's recovery file atomically, ``discard``
    removes it after a normal save or close. Whatever is still there at start-up is work a crash
    interrupted, and ``pending`` offers it back.
    """

    def __init__(self, folder: Path | str) -> None:
        self.folder = Path(folder)

    def path_for(self, draft_id: str) -> Path:
        safe = "".join(ch for ch in draft_id if ch.isalnum() or ch in "-_") or "draft"
        return self.folder / f"{safe}{SUFFIX}"

    def write(
        self,
        draft_id: str,
        text: str,
        metadata: Metadata,
        source_path: str = "",
        extra: dict[str, object] | None = None,
    ) -> Path:
        info = {"recovery": json.dumps({"id": draft_id, "source": source_path, "saved_at": time.time()})}
        path = self.path_for(draft_id)
        write_atomic(path, dump_draft(text, metadata, {**(extra or {}), **info}).encode("utf-8"))
        return path

    def discard(self, draft_id: str) -> None:
        """Remove a recovery copy. A copy that cannot be removed (on Windows, a virus scanner or
        another instance holding it open) is left for the next start, never an error: the draft
        it protected has already been saved."""
        try:
            self.path_for(draft_id).unlink()
        except FileNotFoundError:
            pass
        except OSError as error:
            logger.warning("cannot remove recovery copy %s: %s", self.path_for(draft_id), error)

    def pending(self) -> list[Recovery]:
        """Recovery files left behind, newest first; unreadable ones are skipped, not fatal."""
        found: list[Recovery] = []
        if not self.folder.is_dir():
            return found
        for path in self.folder.glob(f"*{SUFFIX}"):
            try:
                source = load_draft(path)
                info = json.loads(str(source.extra.get("recovery", "{}")))
            except (InputError, ValueError):
                continue
            extra = {k: v for k, v in source.extra.items() if k != "recovery"}
            source = Source(path=None, kind="plan", text=source.text, metadata=source.metadata, extra=extra)
            found.append(
                Recovery(
                    draft_id=str(info.get("id", path.stem)),
                    path=path,
                    source_path=str(info.get("source", "")),
                    saved_at=float(info.get("saved_at", 0.0)),
                    source=source,
                )
            )
        return sorted(found, key=lambda r: r.saved_at, reverse=True)
