"""The themes checklist of a draft: its coverage next to the peers', and what peers say that it doesn't.

A theme is on the checklist when it is required (themes.yaml) or *expected*: covered by at least
``expected_share`` of the peers. Peer counts leave out a peer whose text is the draft's own, so a
bureau checking one of the shipped peer plans is not told that it agrees with itself.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass

from checks.themes.coverage import Status, ThemeCoverage, coverage
from checks.themes.lexicon import Lexicon, load_lexicon
from checks.themes.peers import PeerStats, body_text, peer_covering
from desktop.plan.model import Plan


@dataclass(frozen=True)
class ThemeRow:
    coverage: ThemeCoverage
    expected: bool
    peers_covering: int
    peers_total: int
    peer_headlines: tuple[str, ...]

    @property
    def required(self) -> bool:
        return self.coverage.theme.required

    @property
    def on_checklist(self) -> bool:
        return self.required or self.expected

    @property
    def status(self) -> Status:
        return self.coverage.status


@dataclass(frozen=True)
class ThemesReport:
    rows: tuple[ThemeRow, ...]
    suggestions: tuple[dict[str, object], ...]
    peers_total: int


def themes_report(
    plan: Plan,
    peers: PeerStats | None = None,
    lexicon: Lexicon | None = None,
    expected_share: float | None = None,
) -> ThemesReport:
    """Coverage of every theme, the expected flags from ``peers``, and the peers' phrases."""
    lexicon = lexicon or load_lexicon()
    share = lexicon.settings.expected_share if expected_share is None else expected_share
    own_digest = hashlib.sha256(plan.text.encode("utf-8")).hexdigest()
    rows = []
    total = 0
    for cov in coverage(plan, lexicon):
        if peers is not None:
            covering, total, heads = peer_covering(peers, cov.theme.id, own_digest)
        else:
            covering, total, heads = 0, 0, []
        expected = not cov.theme.required and total > 0 and covering >= share * total
        rows.append(ThemeRow(cov, expected, covering, total, tuple(heads)))
    rows.sort(key=lambda r: (not r.required, not r.expected))  # stable: lexicon order within groups
    found = suggestions(plan, peers, lexicon, own_digest) if peers is not None else []
    return ThemesReport(tuple(rows), tuple(found), total)


def suggestions(
    plan: Plan, peers: PeerStats, lexicon: Lexicon, own_digest: str = ""
) -> list[dict[str, object]]:
    """Phrases most peers use and the draft never does, ranked by how many peers use them."""
    others = {p.name for p in peers.peers if p.digest != own_digest}
    if len(others) < 2:
        return []
    text = body_text(plan)
    need = lexicon.settings.suggestion_share * len(others)
    out: list[dict[str, object]] = []
    for item in peers.phrases:
        phrase = str(item["phrase"])
        users = [u for u in item["peers"] if u in others]  # type: ignore[union-attr]
        if len(users) < max(need, 2) or phrase in text:
            continue
        out.append({"phrase": phrase, "peers": users, "peers_count": len(users), "weight": item["weight"]})
        if len(out) >= lexicon.settings.suggestion_limit:
            break
    return out


def report_to_dict(
    report: ThemesReport, line_of: Callable[[int], int] = lambda line: line
) -> dict[str, object]:
    """The JSON form of DESIGN.md; ``line_of`` maps a line of plan.text to the file's own line."""
    themes = []
    for row in report.rows:
        cov = row.coverage
        item: dict[str, object] = {
            "id": cov.theme.id,
            "name": cov.theme.name,
            "required": row.required,
            "expected": row.expected,
            "checklist": row.on_checklist,
            "status": cov.status.value,
            "mentions": [
                {"line": line_of(m.line), "term": m.term, "headline": m.in_headline}
                | ({"part": m.part} if m.part else {})
                for m in cov.mentions
            ],
            "headlines": list(cov.headlines),
            "peers_covering": row.peers_covering,
            "peers_total": row.peers_total,
            "peer_headlines": list(row.peer_headlines),
        }
        if cov.parts:
            item["parts"] = [{"id": p.id, "name": p.name, "status": p.status.value} for p in cov.parts]
            item["parts_missing"] = list(cov.parts_missing)
            item["parts_weak"] = list(cov.parts_weak)
        themes.append(item)
    return {"themes": themes, "suggestions": list(report.suggestions), "peers_total": report.peers_total}
