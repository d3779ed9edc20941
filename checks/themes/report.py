"""The themes checklist of a draft: its coverage next to the peers', and what peers say that it doesn't.

The checklist is that of the draft's kind of plan (a kindergarten's is not a bureau's), with the
names of the time it was written. A theme is on it when it is required for that kind
(themes.yaml) or *expected*: covered by at least ``expected_share`` of the peers of the same kind.
Peer counts leave out a peer whose text is the draft's own, so a bureau checking one of the
shipped peer plans is not told that it agrees with itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checks.themes.coverage import Status, ThemeCoverage, coverage
from checks.themes.lexicon import Lexicon, checklist, kind_of
from checks.themes.peer_lookup import own_identity, peer_covering, peer_sentences, same_kind
from checks.themes.peers import MIN_PEERS, PeerStats, body_text
from checks.themes.phrases import is_said
from desktop.plan.model import Plan, PlanKind


@dataclass(frozen=True)
class ThemeRow:
    coverage: ThemeCoverage
    expected: bool
    peers_covering: int
    peers_total: int
    peer_headlines: tuple[str, ...]
    # What the peers of the draft's kind wrote about it: {"peer", "file", "line", "text"}.
    peer_sentences: tuple[dict[str, object], ...] = ()
    # The specific phrases peers name under this theme and the draft does not (see ``suggestions``).
    suggestions: tuple[str, ...] = ()

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
    kind: str = PlanKind.BUREAU.value  # whose checklist this is (a PlanKind value)
    kind_certain: bool = False  # False when the plan's kind was assumed, not recognised or set

    @property
    def kind_label(self) -> str:
        return PlanKind(self.kind).label


def themes_report(
    plan: Plan,
    peers: PeerStats | None = None,
    lexicon: Lexicon | None = None,
    expected_share: float | None = None,
    year: int | None = None,
) -> ThemesReport:
    """Coverage of every theme of the plan's checklist, the expected flags from ``peers`` of the
    same kind, and their phrases; ``year`` overrides the plan's own year."""
    lexicon = checklist(plan, lexicon, year)
    certain = kind_of(plan)[1]
    share = lexicon.settings.expected_share if expected_share is None else expected_share
    own_digest = own_identity(plan)  # the draft itself, even edited, is never its own peer
    rows = []
    total = len(same_kind(peers, lexicon.kind, own_digest)) if peers is not None else 0
    found = suggestions(plan, peers, lexicon, own_digest) if peers is not None else []
    for cov in coverage(plan, lexicon):
        sentences: list[dict[str, object]] = []
        if peers is not None:
            covering, total, heads = peer_covering(peers, cov.theme.id, own_digest, lexicon.kind)
            sentences = peer_sentences(peers, cov.theme.id, own_digest, lexicon.kind)
        else:
            covering, total, heads = 0, 0, []
        # "Most peers cover it" needs enough peers to be a claim (T003's rule too).
        expected = not cov.theme.required and total >= MIN_PEERS and covering >= share * total
        mine = tuple(str(s["phrase"]) for s in found if cov.theme.id in s.get("themes", ()))  # type: ignore[operator]
        rows.append(ThemeRow(cov, expected, covering, total, tuple(heads), tuple(sentences), mine))
    rows.sort(key=lambda r: (not r.required, not r.expected))  # stable: lexicon order within groups
    return ThemesReport(tuple(rows), tuple(found), total, lexicon.kind, certain)


def suggestions(
    plan: Plan, peers: PeerStats, lexicon: Lexicon, own_digest: str = ""
) -> list[dict[str, object]]:
    """Specific phrases (programmes, measures) most peers of the draft's kind name and the draft
    never does, most used first; each with the themes it was named under."""
    others = {p.name for p in same_kind(peers, lexicon.kind or kind_of(plan)[0], own_digest)}
    if len(others) < 2:
        return []
    text = body_text(plan)
    need = lexicon.settings.suggestion_share * len(others)
    out: list[dict[str, object]] = []
    for item in peers.phrases:
        phrase = str(item["phrase"])
        users = [u for u in item["peers"] if u in others]  # type: ignore[union-attr]
        if len(users) < max(need, 2) or is_said(phrase, text):
            continue
        out.append(
            {
                "phrase": phrase,
                "peers": users,
                "peers_count": len(users),
                "weight": item["weight"],
                "themes": list(item.get("themes", [])),  # type: ignore[call-overload]
            }
        )
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
            "peer_sentences": [dict(sentence) for sentence in row.peer_sentences],
            "suggestions": list(row.suggestions),
        }
        if cov.parts:
            item["parts"] = [{"id": p.id, "name": p.name, "status": p.status.value} for p in cov.parts]
            item["parts_missing"] = list(cov.parts_missing)
            item["parts_weak"] = list(cov.parts_weak)
        themes.append(item)
    return {
        "themes": themes,
        "suggestions": list(report.suggestions),
        "peers_total": report.peers_total,
        "kind": report.kind,
        "kind_label": report.kind_label,
        "kind_certain": report.kind_certain,
    }
