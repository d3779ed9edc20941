"""Peer plans: which themes each covers (and under which headlines), and the phrases they share.

Reading and parsing a folder of peer plans and running jieba's keyword extraction over them costs
a second or more, so the result is cached on disk. The cache key is the folder's file names, sizes
and modification times plus the lexicon's hash: editing, adding or removing a peer file, or
changing themes.yaml or the user dictionary, recomputes; anything else reads the cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checks.themes.coverage import Status, coverage
from checks.themes.lexicon import DEFAULT_KIND, Lexicon, kind_of, load_lexicon
from desktop.data import resource_path, user_cache_dir
from desktop.plan.errors import InputError
from desktop.plan.model import ParagraphRole, Plan

logger = logging.getLogger(__name__)

DEFAULT_PEERS = resource_path("peers")
PEER_SUFFIXES = (".txt", ".docx")
STATS_VERSION = 2  # bump when the cached JSON's shape or the way it is computed changes
KEYWORDS_PER_PEER = 80
# Parts of speech kept as key phrases: nouns, verbal nouns and named things. Place and person
# names (ns, nr) are left out (they say who wrote a plan, not what it covers), and so are idioms
# and verbs (贯彻落实), which every plan says in its own way.
KEYWORD_POS = ("n", "vn", "nz", "nt")


@dataclass(frozen=True)
class PeerPlan:
    name: str  # file name
    digest: str  # sha256 of the cleaned text: lets a draft that is itself a peer be left out
    themes: dict[str, dict[str, object]]  # id → {"status", "headlines", "parts": {id: status}}
    kind: str = DEFAULT_KIND  # whose checklist it was measured by: only peers of a kind are compared


@dataclass(frozen=True)
class PeerStats:
    folder: str
    peers: tuple[PeerPlan, ...]
    phrases: tuple[dict[str, object], ...]  # {"phrase", "peers": [names], "weight"}
    skipped: tuple[dict[str, str], ...] = ()  # {"file", "problem"}: files that could not be read

    def to_dict(self) -> dict[str, object]:
        return {
            "version": STATS_VERSION,
            "folder": self.folder,
            "peers": [
                {"name": p.name, "digest": p.digest, "themes": p.themes, "kind": p.kind} for p in self.peers
            ],
            "phrases": list(self.phrases),
            "skipped": list(self.skipped),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> PeerStats:
        peers = tuple(
            PeerPlan(name=p["name"], digest=p["digest"], themes=p["themes"], kind=p["kind"])  # type: ignore[index]
            for p in data["peers"]  # type: ignore[union-attr]
        )
        return cls(
            folder=str(data["folder"]),
            peers=peers,
            phrases=tuple(data["phrases"]),  # type: ignore[arg-type]
            skipped=tuple(data.get("skipped", ())),  # type: ignore[arg-type]
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
    """The hash of what the statistics depend on: the files' names, sizes, mtimes and the lexicon."""
    parts = [f"v{STATS_VERSION}", lexicon.digest]
    for path in peer_files(folder):
        stat = path.stat()
        parts.append(f"{path.name}\0{stat.st_size}\0{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def peer_stats(
    folder: Path | str | None = None,
    lexicon: Lexicon | None = None,
    cache_dir: Path | None = None,
) -> PeerStats:
    """Statistics of the peer plans in ``folder`` (default: the shipped peers), cached on disk."""
    folder = Path(folder) if folder is not None else DEFAULT_PEERS
    if not folder.is_dir():
        raise InputError(folder, "范本文件夹不存在，或不是文件夹。")
    lexicon = lexicon or load_lexicon()
    cache_dir = cache_dir if cache_dir is not None else default_cache_dir()
    key = cache_key(folder, lexicon)
    cache_file = cache_dir / "peers" / f"{key[:32]}.json"
    try:
        return PeerStats.from_dict(json.loads(cache_file.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # no cache yet, or an unreadable one: compute afresh
    stats = compute_peer_stats(folder, lexicon)
    _write_atomically(cache_file, json.dumps(stats.to_dict(), ensure_ascii=False))
    return stats


def compute_peer_stats(folder: Path, lexicon: Lexicon) -> PeerStats:
    """Read, parse and measure every peer plan in ``folder`` (no cache)."""
    from desktop.plan.read.loader import load_plan

    peers: list[PeerPlan] = []
    texts: list[tuple[str, str]] = []
    skipped: list[dict[str, str]] = []
    for path in peer_files(folder):
        try:
            _source, plan = load_plan(path)
        except InputError as error:
            skipped.append({"file": path.name, "problem": error.message})
            continue
        themes = {}
        kind, _certain = kind_of(plan)
        for cov in coverage(plan, lexicon):
            themes[cov.theme.id] = {
                "status": cov.status.value,
                "headlines": list(cov.headlines),
                "parts": {p.id: p.status.value for p in cov.parts},
            }
        digest = hashlib.sha256(plan.text.encode("utf-8")).hexdigest()
        peers.append(PeerPlan(name=path.name, digest=digest, themes=themes, kind=kind))
        texts.append((path.name, body_text(plan)))
    return PeerStats(str(folder), tuple(peers), tuple(_shared_phrases(texts, lexicon)), tuple(skipped))


def body_text(plan: Plan) -> str:
    """The plan's own words: without the issuing notice, the title and closing lines."""
    kept = {ParagraphRole.NOTICE, ParagraphRole.TITLE, ParagraphRole.CLOSING, ParagraphRole.BLANK}
    return "\n".join(p.span.slice(plan.text) for p in plan.paragraphs if p.role not in kept)


def _shared_phrases(texts: list[tuple[str, str]], lexicon: Lexicon) -> list[dict[str, object]]:
    """Key phrases (jieba TF-IDF) of each peer, kept when at least two peers use them."""
    if len(texts) < 2:
        return []
    from checks.themes.coverage import domain_words
    from desktop.plan.knowledge.tokens import keyword_extractor

    extractor = keyword_extractor()

    domain = domain_words(lexicon)
    weights: dict[str, float] = {}
    for _name, text in texts:
        tags = extractor.extract_tags(text, topK=KEYWORDS_PER_PEER, withWeight=True, allowPOS=KEYWORD_POS)
        for word, weight in tags:
            # Two-character words are mostly generic (交流, 监测) unless they are domain terms (双减).
            if (len(word) >= 3 or word in domain) and not any(ch.isdigit() for ch in word):
                weights[word] = weights.get(word, 0.0) + weight
    phrases = []
    for word, weight in weights.items():
        users = [name for name, text in texts if word in text]
        if len(users) >= 2:
            phrases.append({"phrase": word, "peers": users, "weight": round(weight, 4)})
    phrases.sort(key=lambda p: (-len(p["peers"]), -p["weight"], p["phrase"]))  # type: ignore[arg-type]
    return phrases


def peer_covering(
    stats: PeerStats, theme_id: str, exclude_digest: str = "", kind: str = DEFAULT_KIND
) -> tuple[int, int, list[str]]:
    """(peers covering the theme, peers counted, headlines they cover it under).

    Only peers of the draft's ``kind`` are counted: a kindergarten's plan is not measured against
    what bureaus write, nor a bureau's against schools'.
    """
    counted = same_kind(stats, kind, exclude_digest)
    covering = 0
    headlines: list[str] = []
    for peer in counted:
        info = peer.themes.get(theme_id)
        if info and info.get("status") == Status.COVERED.value:
            covering += 1
            for head in info.get("headlines", [])[:2]:  # type: ignore[union-attr]
                headlines.append(f"{Path(peer.name).stem}：{head}")
    return covering, len(counted), headlines


def same_kind(stats: PeerStats, kind: str, exclude_digest: str = "") -> list[PeerPlan]:
    """The peers of ``kind``, leaving out the one whose text is the draft's own."""
    return [p for p in stats.peers if p.kind == kind and p.digest != exclude_digest]


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
