"""What a draft reads from the peers' statistics: the peers of its kind (never itself), how
many cover a theme, and what each wrote about it.

Kept apart from :mod:`checks.themes.peers`, which computes and caches the statistics: these run
on every check of the draft, on statistics already in memory, and read no file.
"""

from __future__ import annotations

import hashlib

from checks.themes.coverage import Status
from checks.themes.lexicon import DEFAULT_KIND
from checks.themes.peers import PeerPlan, PeerStats, peer_name
from desktop.plan.model import Plan


def peer_sentences(
    stats: PeerStats, theme_id: str, exclude_digest: str = "", kind: str = DEFAULT_KIND
) -> list[dict[str, object]]:
    """What the peers of ``kind`` wrote about the theme: {"peer", "file", "line", "text"} each."""
    out: list[dict[str, object]] = []
    for peer in same_kind(stats, kind, exclude_digest):
        info = peer.themes.get(theme_id) or {}
        for sentence in info.get("sentences", []):  # type: ignore[union-attr]
            out.append({"peer": peer.name, "file": peer.file, **sentence})  # type: ignore[dict-item]
    return out


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
                headlines.append(f"{peer.name}：{head}")
    return covering, len(counted), headlines


def same_kind(stats: PeerStats, kind: str, exclude_digest: str = "") -> list[PeerPlan]:
    """The peers of ``kind``, leaving out the draft itself: ``exclude_digest`` is its text's
    digest, optionally followed by a line with its name (:func:`own_identity`). The name catches
    the draft once edited (a peer's copy fixed for punctuation is still that peer, and must not
    be counted as one, nor quoted to itself)."""
    digest, _, name = exclude_digest.partition("\n")
    return [p for p in stats.peers if p.kind == kind and p.digest != digest and not (name and p.name == name)]


def own_identity(plan: Plan) -> str:
    """What :func:`same_kind` leaves out for ``plan``: its digest, and its name when the plan
    gives one (issuer, year and title; a nameless text is known by its digest alone)."""
    return hashlib.sha256(plan.text.encode("utf-8")).hexdigest() + "\n" + peer_name(plan, "")
