"""A draft that is one of the peers is never its own peer, even once edited."""

from __future__ import annotations

from checks.themes import load_lexicon, peer_stats, themes_report
from checks.themes.peers import DEFAULT_PEERS
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source


def test_an_edited_copy_of_a_peer_is_not_counted_or_quoted_to_itself() -> None:
    path = next(DEFAULT_PEERS.glob("2022_wuxi_huishan_district.txt"))
    text = load_source(path).text
    stats = peer_stats(DEFAULT_PEERS, load_lexicon())
    as_is = themes_report(parse(text), stats)
    edited = themes_report(parse(text.replace(",", "，")), stats)  # P002's fix-all, say
    total = len([p for p in stats.peers if p.kind == "bureau"])
    assert {r.peers_total for r in as_is.rows} == {total - 1}
    assert {r.peers_total for r in edited.rows} == {total - 1}
    quoted = {s["peer"] for r in edited.rows for s in r.peer_sentences}
    assert not any("惠山" in name for name in quoted)
