"""Peer plans: which themes each covers (under which headlines, in which sentences), and the
specific phrases they share.

The peers are the writer's own 范本 (the reference library's peer entries) when there are any,
else the plans shipped in ``resources/peers``; a folder given by name (``--peers DIR``, option
``T003.peers``) wins over both. "Most peers cover it" needs enough peers to mean anything: while
the writer's set holds fewer than ``MIN_PEERS`` of a kind the shipped peers have, the shipped
peers of that kind are used together with the writer's (``PeerStats.note`` says so, and
``folder`` names both folders, joined by ``os.pathsep``).

Each peer is named by the plan itself (issuer, year, title: 无锡市惠山区教育局 2022年教育工作要点),
its file name (``file``) only when the plan names nothing: writers see these names, not pinyin.

Reading and parsing a folder of peer plans and finding their phrases costs a second or more, so
the result is cached on disk, keyed on what it depends on: each file's name and *content* (a
sha256 of its bytes) plus the lexicon's hash. Adding, removing or changing a peer, or changing
themes.yaml or the user dictionary, recomputes; anything else reads the cache. Within a process
the statistics last read are kept in memory (the themes are recomputed at every pause in typing).

The statistics of the shipped peers are shipped too (``resources/peers_stats.json``, under the
same key), so a writer's first check on a new machine does not pay for computing them; a test
keeps the shipped file current (``python -m checks.themes.peers`` rewrites it).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from checks.themes.coverage import coverage
from checks.themes.lexicon import DEFAULT_KIND, Lexicon, kind_of, load_lexicon
from desktop.data import resource_path, user_cache_dir
from desktop.plan.errors import InputError
from desktop.plan.model import ParagraphRole, Plan, PlanKind

logger = logging.getLogger(__name__)

DEFAULT_PEERS = resource_path("peers")
SHIPPED_STATS = resource_path("peers_stats.json")  # the shipped peers' statistics, precomputed
PHRASE_LISTS = resource_path("theme_phrases.yaml")  # the specific phrases' word lists
PEER_SUFFIXES = (".txt", ".docx")
STATS_VERSION = 4  # bump when the cached JSON's shape or the way it is computed changes
# A phrase peers write under many themes at once says little about any (教育治理体系); a measure
# belongs to a few (集团化办学: 均衡, 双减, 乡村).
MAX_THEMES_PER_PHRASE = 5
# Fewer peers of a kind than this cannot say what "most peers" do: 1 of 1 is not a majority.
MIN_PEERS = 3


@dataclass(frozen=True)
class PeerPlan:
    name: str  # the plan's own name (issuer, year, title), the file's stem when it names nothing
    digest: str  # sha256 of the cleaned text: lets a draft that is itself a peer be left out
    # id → {"status", "headlines", "parts": {id: status}, "sentences": [{"line", "text"}]}
    themes: dict[str, dict[str, object]]
    kind: str = DEFAULT_KIND  # whose checklist it was measured by: only peers of a kind are compared
    file: str = ""  # the file's name in its folder


@dataclass(frozen=True)
class PeerStats:
    folder: str
    peers: tuple[PeerPlan, ...]
    phrases: tuple[dict[str, object], ...]  # {"phrase", "peers": [names], "weight", "themes": [ids]}
    skipped: tuple[dict[str, str], ...] = ()  # {"file", "problem"}: files that could not be read
    note: str = ""  # how the set was made, when not simply one folder (the shipped peers added)
    joined_kinds: tuple[str, ...] = ()  # the kinds whose shipped peers joined the writer's

    def to_dict(self) -> dict[str, object]:
        return {
            "version": STATS_VERSION,
            "folder": self.folder,
            "peers": [
                {"name": p.name, "file": p.file, "digest": p.digest, "themes": p.themes, "kind": p.kind}
                for p in self.peers
            ],
            "phrases": list(self.phrases),
            "skipped": list(self.skipped),
            "note": self.note,
            "joined_kinds": list(self.joined_kinds),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PeerStats:
        peers = tuple(
            PeerPlan(name=p["name"], digest=p["digest"], themes=p["themes"], kind=p["kind"], file=p["file"])  # type: ignore[index]
            for p in data["peers"]  # type: ignore[union-attr]
        )
        return cls(
            folder=str(data["folder"]),
            peers=peers,
            phrases=tuple(data["phrases"]),  # type: ignore[arg-type]
            skipped=tuple(data.get("skipped", ())),  # type: ignore[arg-type]
            note=str(data.get("note", "")),
            joined_kinds=tuple(data.get("joined_kinds", ())),  # type: ignore[arg-type]
        )


def default_cache_dir() -> Path:
    """Where peer statistics are cached: $PLANDESK_CACHE_DIR, else the platform's user cache dir."""
    return user_cache_dir()


def peer_files(folder: Path) -> list[Path]:
    """The peer plans in ``folder`` (not recursive), in name order; Word lock files are skipped."""
    return sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in PEER_SUFFIXES and not p.name.startswith(("~$", "."))
    )


def cache_key(folder: Path, lexicon: Lexicon) -> str:
    """The hash of what the statistics depend on: the files' names and contents, the lexicon and
    the phrases' word lists."""
    return files_key(peer_files(folder), lexicon)


def files_key(files: list[Path], lexicon: Lexicon) -> str:
    """``cache_key`` of a list of peer files (the writer's and the shipped ones together)."""
    parts = [f"v{STATS_VERSION}", lexicon.digest, _content_digest(PHRASE_LISTS)]
    for path in files:
        parts.append(f"{path.name}\0{_content_digest(path)}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


_digests: dict[tuple[str, int, int], str] = {}  # (path, size, mtime) → sha256: read each file once
_memory: dict[str, tuple[tuple[int, int], PeerStats]] = {}  # cache file → (its stat, the stats read)


def _content_digest(path: Path) -> str:
    stat = path.stat()
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    digest = _digests.get(key)
    if digest is None:
        digest = _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digest


def default_folder() -> Path:
    """The writer's peer set when the reference library holds any peer, else the shipped peers."""
    from desktop.plan.references import may_hold

    if not may_hold("peer"):
        return DEFAULT_PEERS
    from desktop.plan.references.library import Library

    try:
        library = Library.default()
        if library.entries("peer"):
            return library.role_folder("peer")
    except (OSError, InputError) as error:  # an unreadable library costs the writer's set, not the themes
        logger.warning("reference library unreadable, using the shipped peers: %s", error)
    return DEFAULT_PEERS


def peer_stats(
    folder: Path | str | None = None,
    lexicon: Lexicon | None = None,
    cache_dir: Path | None = None,
) -> PeerStats:
    """Statistics of the peer plans in ``folder``, cached on disk. Without a folder: the writer's
    peers (:func:`default_folder`), with the shipped peers of any kind the writer has fewer than
    ``MIN_PEERS`` of."""
    lexicon = lexicon or load_lexicon()
    cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
    if folder is None:
        chosen = default_folder()
        stats = _folder_stats(chosen, lexicon, cache_dir)
        if chosen == DEFAULT_PEERS:
            return stats
        return _with_shipped(stats, chosen, lexicon, cache_dir)
    return _folder_stats(Path(folder), lexicon, cache_dir)


def _folder_stats(folder: Path, lexicon: Lexicon, cache_dir: Path) -> PeerStats:
    if not folder.is_dir():
        raise InputError(folder, "范本文件夹不存在，或不是文件夹。")
    key = cache_key(folder, lexicon)
    return _cached(key, cache_dir, lambda: shipped_stats(key, folder) or compute_peer_stats(folder, lexicon))


def _with_shipped(writers: PeerStats, folder: Path, lexicon: Lexicon, cache_dir: Path) -> PeerStats:
    """The writer's peers, and the shipped peers of each kind the writer has fewer than
    ``MIN_PEERS`` of (a peer already in the writer's set is not counted twice)."""
    shipped = _folder_stats(DEFAULT_PEERS, lexicon, cache_dir)
    held = {p.digest for p in writers.peers}
    kinds = {p.kind for p in shipped.peers}
    short = {k for k in kinds if sum(1 for p in writers.peers if p.kind == k) < MIN_PEERS}
    added = [p for p in shipped.peers if p.kind in short and p.digest not in held]
    if not added:
        return writers
    files = peer_files(folder) + [DEFAULT_PEERS / p.file for p in added]
    key = files_key(files, lexicon)
    label = os.pathsep.join([str(folder), str(DEFAULT_PEERS)])
    joined = tuple(sorted({p.kind for p in added}))
    kinds = "、".join(PlanKind(k).label for k in joined)
    note = f"参考资料库中{kinds}的范本不足 {MIN_PEERS} 篇，已与内置范本 {len(added)} 篇合用"
    return _cached(
        key, cache_dir, lambda: replace(compute_files(files, lexicon, label), note=note, joined_kinds=joined)
    )


def joining_note(kinds: list[str]) -> str:
    """What the themes do with a writer's peer set whose plans are of ``kinds`` (one per peer, ""
    when unrecognised): the sentence the reference library shows, "" when the set is used alone
    (or is empty: the shipped peers are the default and the library says so)."""
    if not kinds:
        return ""
    shipped = _shipped_kinds()
    short = sorted(k for k in set(shipped) if kinds.count(k) < MIN_PEERS)
    if not short:
        return ""
    labels = "、".join(PlanKind(k).label for k in short)
    count = sum(shipped.count(k) for k in short)
    return (
        f"{labels}的范本不足 {MIN_PEERS} 篇：“主题”的范本比较暂把它们与内置的 {count} 份范本合用"
        f"（“多数范本”至少要有 {MIN_PEERS} 篇同类范本才说得上）。"
    )


def _shipped_kinds() -> list[str]:
    """The kinds of the shipped peers, one per peer (from the shipped statistics, no parsing)."""
    try:
        data = json.loads(SHIPPED_STATS.read_text(encoding="utf-8"))
        return [str(p["kind"]) for p in data["stats"]["peers"]]
    except (OSError, ValueError, KeyError, TypeError):
        return [DEFAULT_KIND] * len(peer_files(DEFAULT_PEERS))


def _cached(key: str, cache_dir: Path, compute: Callable[[], PeerStats]) -> PeerStats:
    """The statistics cached under ``key``, else ``compute()`` stored there."""
    cache_file = cache_dir / "peers" / f"{key[:32]}.json"
    try:
        stat = cache_file.stat()
        held = _memory.get(str(cache_file))
        if held is not None and held[0] == (stat.st_size, stat.st_mtime_ns):
            return held[1]
        stats = PeerStats.from_dict(json.loads(cache_file.read_text(encoding="utf-8")))
        _memory[str(cache_file)] = ((stat.st_size, stat.st_mtime_ns), stats)
        return stats
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache yet, or an unreadable one: compute afresh
    stats = compute()
    _write_atomically(cache_file, json.dumps(stats.to_dict(), ensure_ascii=False))
    return stats


def shipped_stats(key: str, folder: Path) -> PeerStats | None:
    """The precomputed statistics shipped with the app, when they were made under ``key`` (the
    same peers, lexicon and word lists, wherever the peers now live: ``folder``)."""
    try:
        shipped = json.loads(SHIPPED_STATS.read_text(encoding="utf-8"))
        if shipped.get("key") == key:
            return replace(PeerStats.from_dict(shipped["stats"]), folder=str(folder))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        pass  # not shipped (a source checkout being edited) or damaged: compute instead
    return None


def write_shipped_stats() -> Path:
    """Compute the shipped peers' statistics and store them beside the peers, with their key."""
    lexicon = load_lexicon()
    data = {
        "key": cache_key(DEFAULT_PEERS, lexicon),
        "stats": replace(compute_peer_stats(DEFAULT_PEERS, lexicon), folder="").to_dict(),
    }
    SHIPPED_STATS.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return SHIPPED_STATS


def compute_peer_stats(folder: Path, lexicon: Lexicon) -> PeerStats:
    """Read, parse and measure every peer plan in ``folder`` (no cache)."""
    return compute_files(peer_files(folder), lexicon, str(folder))


def peer_name(plan: Plan, file_name: str) -> str:
    """The plan's own name (issuer, year, title), the file's stem when the plan names nothing."""
    from desktop.plan.references.library import display_name, issuer_in_title

    meta = plan.metadata
    issuer = meta.issuer or issuer_in_title(meta.title, plan.text)
    return display_name(issuer, meta.year, meta.title) or Path(file_name).stem


def compute_files(files: list[Path], lexicon: Lexicon, folder: str) -> PeerStats:
    """Read, parse and measure the peer plans ``files`` (no cache); ``folder`` names where they are."""
    from checks.themes.peer_sentences import SentenceIndex, phrases_with_themes, theme_sentences
    from desktop.plan.read.loader import load_plan

    peers: list[PeerPlan] = []
    found: list[tuple[str, dict[str, set[str]]]] = []
    skipped: list[dict[str, str]] = []
    names: set[str] = set()
    for path in files:
        try:
            source, plan = load_plan(path)
        except InputError as error:
            skipped.append({"file": path.name, "problem": error.message})
            continue
        kind, _certain = kind_of(plan)
        covs = coverage(plan, lexicon)
        sentences, spans = theme_sentences(covs, SentenceIndex(plan.text), source.source_line)
        themes = {}
        for cov in covs:
            themes[cov.theme.id] = {
                "status": cov.status.value,
                "headlines": list(cov.headlines),
                "parts": {p.id: p.status.value for p in cov.parts},
                "sentences": sentences.get(cov.theme.id, []),
            }
        digest = hashlib.sha256(plan.text.encode("utf-8")).hexdigest()
        name = peer_name(plan, path.name)
        if name in names:  # two copies of one plan, or two plans with one title: told apart by file
            name = f"{name}（{path.stem}）"
        names.add(name)
        peers.append(PeerPlan(name=name, digest=digest, themes=themes, kind=kind, file=path.name))
        found.append((name, phrases_with_themes(_own_words(plan), spans)))
    return PeerStats(folder, tuple(peers), tuple(_shared_phrases(found)), tuple(skipped))


def body_text(plan: Plan) -> str:
    """The plan's own words: without the issuing notice, the title and closing lines."""
    kept = {ParagraphRole.NOTICE, ParagraphRole.TITLE, ParagraphRole.CLOSING, ParagraphRole.BLANK}
    return "\n".join(p.span.slice(plan.text) for p in plan.paragraphs if p.role not in kept)


def _own_words(plan: Plan) -> str:
    """The plan's text with the notice, title and closing lines blanked (offsets kept)."""
    kept = {ParagraphRole.NOTICE, ParagraphRole.TITLE, ParagraphRole.CLOSING}
    text = list(plan.text)
    for paragraph in plan.paragraphs:
        if paragraph.role in kept:
            for i in range(paragraph.span.start, paragraph.span.end):
                if text[i] != "\n":
                    text[i] = " "
    return "".join(text)


def _shared_phrases(found: list[tuple[str, dict[str, set[str]]]]) -> list[dict[str, object]]:
    """The specific phrases at least two peers name, with the themes they were named under."""
    users: dict[str, list[str]] = {}
    themes: dict[str, set[str]] = {}
    for name, phrases in found:
        for phrase, under in phrases.items():
            users.setdefault(phrase, []).append(name)
            themes.setdefault(phrase, set()).update(under)
    shared = [
        {"phrase": phrase, "peers": names, "weight": len(names), "themes": sorted(themes[phrase])}
        for phrase, names in users.items()
        if len(names) >= 2 and len(themes[phrase]) <= MAX_THEMES_PER_PHRASE
    ]
    shared.sort(key=lambda p: (-len(p["peers"]), -len(str(p["phrase"])), str(p["phrase"])))  # type: ignore[arg-type]
    return shared


def _write_atomically(path: Path, content: str) -> None:
    """Write the cache file whole or not at all; a cache that cannot be written is only logged."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(content)
        os.replace(tmp, path)
    except OSError as error:
        logger.warning("cannot write peer cache %s: %s", path, error)


if __name__ == "__main__":
    print(f"wrote {write_shipped_stats()}")
