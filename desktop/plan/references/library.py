"""The writer's reference library: plans kept as 范本 (peers) or 上级要点 (the superior's plan).

A writer adds a .docx, a .txt or text copied out of a PDF or a web page; the library keeps a copy
of it (the bytes as given, so a peer's sentence can be shown with the line of *its* file), and an
index of what each entry is (issuer, year, kind of plan, title) so listing them reads one small
file. Each role has its own folder (``peer/``, ``superior/``): the themes' peer statistics take a
folder, and the writer's peer folder is then just another one.

Reading and cleaning a .docx costs tens of milliseconds, so the cleaned text of each stored file
is cached in the user's cache folder under the hash of its bytes: opening the app reads JSON, and
a file replaced by hand simply misses the cache. The files are the truth: an index that is lost
or damaged is rebuilt from them.

Core code, no Qt: ``plandesk refs``, the themes and the GUI all call this.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

from desktop.plan.errors import InputError
from desktop.plan.model import Plan
from desktop.plan.read.loader import Source
from desktop.plan.references import library_folder, role_folder
from desktop.plan.references.text_cache import load_cached, store_cached, write_atomically

logger = logging.getLogger(__name__)

ROLES = ("peer", "superior")
ROLE_LABELS = {"peer": "范本", "superior": "上级要点"}
INDEX_NAME = "library.json"
INDEX_VERSION = 1
PASTED = "粘贴的文字"
_YEARS = re.compile(r"\d{4}\s*(?:[-—～至]\s*\d{4}\s*)?(?:年度|学年度?|年)?(?:(?:春季|秋季|第[一二])学期)?")
# The bodies that issue education plans, longest first: 重庆市教育委员会 is a body, 重庆市 a place.
_BODY = r"(?:教育委员会|教育和体育局|教育体育局|教育科技局|教育局|教育厅|教体局|教委|教育工委)"
_BODY_IN_TITLE = re.compile(rf"(.{{2,30}}?{_BODY})")
_BODY_AT_END = re.compile(rf"{_BODY}$")
_NO_ONE = ("全", "教育", "教体", "工作", "学校", "学期")  # how a title that names no body begins
_ISSUER_IN_TITLE = re.compile(r"(.{2,30}?)(?:关于|教育|教体|工作|第[一二]学期)")
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')  # not allowed in a Windows file name


@dataclass(frozen=True)
class Entry:
    """One plan in the library, as the list shows it."""

    id: str  # the first 12 hex digits of the stored file's sha256
    role: str  # "peer" or "superior"
    issuer: str  # 发文机关, as the plan names itself ("" when it does not)
    year: int | None
    kind: str  # a PlanKind value, or "" when not recognised
    title: str
    added: str  # ISO date and time, local
    source_name: str  # the file the writer added, or 粘贴的文字
    file: str = ""  # the stored copy's name inside the role's folder
    digest: str = ""  # sha256 of the stored copy

    @property
    def name(self) -> str:
        """What the writer sees: the plan's own name (issuer, year, title: 无锡市惠山区教育局
        2022年教育工作要点), the stored file's name only when the plan names nothing."""
        return display_name(self.issuer, self.year, self.title) or (Path(self.file).stem if self.file else "")

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)


class Library:
    """The reference library in ``folder`` (created on the first ``add``)."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._lock = threading.RLock()
        self._sources: dict[str, Source] = {}  # digest → cleaned text, this process
        self._plans: dict[str, Plan] = {}  # cleaned text → its plan

    @classmethod
    def default(cls) -> Library:
        """The writer's library in the app's data folder ($PLANDESK_DATA_DIR in tests)."""
        return cls(library_folder())

    # -- listing ------------------------------------------------------------------------------

    def entries(self, role: str | None = None) -> list[Entry]:
        """The entries (of ``role`` when given), oldest first; entries whose file is gone are left out."""
        if role is not None:
            _check_role(role)
        with self._lock:
            found = self._read_index()
        kept = [e for e in found if (role is None or e.role == role) and self.path(e).is_file()]
        return sorted(kept, key=lambda e: (e.added, e.file))

    def get(self, entry_id: str) -> Entry:
        """The entry with ``entry_id``; KeyError when there is none."""
        for entry in self.entries():
            if entry.id == entry_id:
                return entry
        raise KeyError(entry_id)

    def role_folder(self, role: str) -> Path:
        """The folder holding the role's stored files (the peer statistics read it as a folder)."""
        _check_role(role)
        return role_folder(role, self.folder)

    def path(self, entry: Entry) -> Path:
        """The stored copy of ``entry``."""
        return role_folder(entry.role, self.folder) / entry.file

    def content_key(self, role: str) -> str:
        """A hash of the role's entries' contents: what a cache of anything learned from them keys on."""
        digests = sorted(e.digest for e in self.entries(role))
        return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()

    # -- adding and removing ------------------------------------------------------------------

    def add(self, source: Path | str, role: str, name: str | None = None) -> Entry:
        """Keep a copy of a file (a :class:`~pathlib.Path`) or of pasted text (a ``str``) as ``role``.

        The text must read as a plan: an empty file, a binary one, or a paste of nothing but web
        page furniture raises :class:`InputError` naming it, and nothing is stored. The same content
        added twice raises too, naming the entry that holds it.
        """
        from desktop.plan.read.loader import load_source

        _check_role(role)
        if isinstance(source, Path):
            read = load_source(source)  # InputError names the file
            if read.kind == "plan":
                raise InputError(source, "草稿文件（.plan.yaml）不能作为参考资料，请先导出为 .docx 或 .txt。")
            data = source.read_bytes()
            suffix = ".docx" if read.kind == "docx" else ".txt"
            source_name = source.name
            fallback = _stem(source.name)
        else:
            data = source.replace("\r\n", "\n").encode("utf-8")
            read = _read_pasted(source, name or PASTED)
            suffix, source_name, fallback = ".txt", PASTED, ""
        digest = hashlib.sha256(data).hexdigest()
        plan = _parse(read)
        with self._lock:
            entries = self._read_index()
            for held in entries:
                if held.digest == digest:
                    raise InputError(
                        name or source_name, f"资料库中已有这份资料（{held.role_label}“{held.name}”）。"
                    )
            meta = plan.metadata
            label = _safe_name(name or fallback or meta.title or PASTED)
            file = _unique_file(self.folder / role, label, suffix)
            entry = Entry(
                id=digest[:12],
                role=role,
                issuer=meta.issuer or issuer_in_title(meta.title, plan.text),
                year=meta.year,
                kind=meta.kind,
                title=meta.title,
                added=datetime.now().isoformat(timespec="seconds"),
                source_name=source_name,
                file=file,
                digest=digest,
            )
            try:
                write_atomically(self.folder / role / file, data)
                self._write_index([*entries, entry])
            except OSError as error:
                (self.folder / role / file).unlink(missing_ok=True)
                raise InputError(self.folder, f"无法写入参考资料库（{error.strerror or error}）。") from None
        self._sources[digest] = read
        self._plans[read.text] = plan
        store_cached(digest, read)
        return entry

    def remove(self, entry_id: str) -> None:
        """Drop the entry and its stored copy; KeyError when there is no such entry.

        The copy goes first: on Windows it cannot be deleted while Word or WPS holds it open, and
        the peers are read from the folder, so an entry gone from the index but not from the disk
        would still count as a peer. Then an InputError names the file, and nothing changed."""
        with self._lock:
            entries = self._read_index()
            gone = [e for e in entries if e.id == entry_id]
            if not gone:
                raise KeyError(entry_id)
            for entry in gone:
                try:
                    self.path(entry).unlink(missing_ok=True)
                except OSError as error:
                    raise InputError(
                        self.path(entry),
                        f"无法删除（{error.strerror or error}）：文件是否正在 Word 或 WPS 中打开？",
                    ) from None
            self._write_index([e for e in entries if e.id != entry_id])

    # -- reading ------------------------------------------------------------------------------

    def source(self, entry: Entry) -> Source:
        """The entry's cleaned text and the map from its lines to the stored file's lines."""
        path = self.path(entry)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()  # the file as it is now
        except OSError as error:
            raise InputError.unreadable(path, error) from None
        held = self._sources.get(digest)
        if held is None:
            held = load_cached(digest, path)
            if held is None:
                from desktop.plan.read.loader import load_source

                held = load_source(path)
                store_cached(digest, held)
            self._sources[digest] = held
        return held

    def text(self, entry: Entry) -> str:
        """The entry's cleaned text (what the parser reads)."""
        return self.source(entry).text

    def plan(self, entry: Entry) -> Plan:
        """The entry parsed (memoised in this process)."""
        source = self.source(entry)
        held = self._plans.get(source.text)
        if held is None:
            held = self._plans[source.text] = _parse(source)
        return held

    # -- the index ----------------------------------------------------------------------------

    def _read_index(self) -> list[Entry]:
        index = self.folder / INDEX_NAME
        try:
            data = json.loads(index.read_text(encoding="utf-8"))
            return [Entry(**row) for row in data["entries"]]
        except FileNotFoundError:
            if not any((self.folder / role).is_dir() for role in ROLES):
                return []
        except (OSError, ValueError, KeyError, TypeError) as error:
            logger.warning("reference index %s unreadable (%s): rebuilt from the files", index, error)
        entries = self._rebuild()
        self._write_index(entries)
        return entries

    def _rebuild(self) -> list[Entry]:
        """Entries for the files in the role folders (the index was lost): each is read again."""
        from desktop.plan.read.loader import load_source

        entries: list[Entry] = []
        for role in ROLES:
            folder = self.folder / role
            if not folder.is_dir():
                continue
            for path in sorted(folder.iterdir()):
                if not path.is_file() or path.name.startswith((".", "~$")):
                    continue
                try:
                    read = load_source(path)
                except InputError as error:
                    logger.warning("reference %s skipped: %s", path, error)
                    continue
                digest = hashlib.sha256(path.read_bytes()).hexdigest()
                parsed = _parse(read)
                meta = parsed.metadata
                added = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
                entries.append(
                    Entry(
                        id=digest[:12],
                        role=role,
                        issuer=meta.issuer or issuer_in_title(meta.title, parsed.text),
                        year=meta.year,
                        kind=meta.kind,
                        title=meta.title,
                        added=added,
                        source_name=path.name,
                        file=path.name,
                        digest=digest,
                    )
                )
        return entries

    def _write_index(self, entries: list[Entry]) -> None:
        payload = {"version": INDEX_VERSION, "entries": [asdict(e) for e in entries]}
        text = json.dumps(payload, ensure_ascii=False, indent=1)
        write_atomically(self.folder / INDEX_NAME, text.encode("utf-8"))


def role_label(role: str) -> str:
    """范本 or 上级要点."""
    return ROLE_LABELS.get(role, role)


def issuer_in_title(title: str, text: str = "") -> str:
    """The body a title names, for a plan whose text carries no issuer line: most copies found on
    the web lost the 发文机关 but kept the title. A body is kept whole (重庆市教育委员会关于印发… →
    重庆市教育委员会, not 重庆市); a title naming only a place (2020年常州市武进区教育工作意见 →
    常州市武进区) gets the place's body when ``text`` names it (重庆市教育委员会, 重庆市教委), else
    the place."""
    bare = _YEARS.sub("", title).strip()
    body = _BODY_IN_TITLE.match(bare)
    if body is not None and not body.group(1).startswith(_NO_ONE):
        return body.group(1).strip()
    match = _ISSUER_IN_TITLE.match(bare)
    # 全市教育工作要点, 2024年教育工作要点: the title names no one (教育 is the topic, not a body)
    if match is None or match.group(1).startswith(_NO_ONE):
        return ""
    place = match.group(1).strip()
    named = re.search(re.escape(place) + _BODY, text) if text else None
    return named.group() if named else place


def display_name(issuer: str, year: int | None, title: str) -> str:
    """The plan's own name for a list: issuer, then the title without the issuer's place in it, with
    the year when the title has none (无锡市惠山区教育局 2022年教育工作要点). "" when the plan names
    neither issuer nor title: the caller falls back to the file's name."""
    if not issuer and not title:
        return ""
    rest = title
    place = _BODY_AT_END.sub("", issuer)
    for name in (issuer, place):
        if name and name in rest:
            rest = rest.replace(name, "", 1).strip()
            break
    if year and str(year) not in rest:
        rest = f"{year}年{rest}" if rest else f"{year}年"
    return f"{issuer} {rest}".strip() if issuer else rest


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise ValueError(f"role must be one of {ROLES}, not {role!r}")


def _read_pasted(text: str, label: str) -> Source:
    """Pasted text cleaned the way a .txt file is (web and PDF debris removed)."""
    from desktop.plan.read.textio import clean_text

    cleaned = clean_text(text.replace("\r\n", "\n"))
    if not cleaned.text.strip():
        raise InputError(label, "粘贴的内容中只有空白或网页杂项，没有正文内容。")
    return Source(
        path=None, kind="txt", text=cleaned.text, origin=cleaned.origin, file_names=cleaned.file_names
    )


def _parse(source: Source) -> Plan:
    from desktop.plan.parse import parse

    return parse(source.text, source.metadata, source.file_names)


def _stem(file_name: str) -> str:
    return Path(file_name).stem


def _safe_name(label: str) -> str:
    """A file name Windows accepts, short enough to show in a list."""
    cleaned = _UNSAFE.sub(" ", label).strip(" .")
    return (cleaned or PASTED)[:60].rstrip(" .")


def _unique_file(folder: Path, label: str, suffix: str) -> str:
    name, number = f"{label}{suffix}", 2
    while (folder / name).exists():
        name, number = f"{label}（{number}）{suffix}", number + 1
    return name
