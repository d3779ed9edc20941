"""The shipped peers' statistics ship precomputed, and stay what computing them gives.

Computing them costs most of a second on a writer's first check; a stale shipped file would
silently give themes that the peers no longer support, so it must match a fresh computation.
"""

from __future__ import annotations

import json
from dataclasses import replace

from checks.themes import load_lexicon
from checks.themes.peers import (
    DEFAULT_PEERS,
    SHIPPED_STATS,
    cache_key,
    compute_peer_stats,
    peer_stats,
    shipped_stats,
)


def test_shipped_statistics_are_current() -> None:
    lexicon = load_lexicon()
    key = cache_key(DEFAULT_PEERS, lexicon)
    shipped = shipped_stats(key, DEFAULT_PEERS)
    assert shipped is not None, "resources/peers_stats.json is stale: run python -m checks.themes.peers"
    fresh = replace(compute_peer_stats(DEFAULT_PEERS, lexicon), folder=str(DEFAULT_PEERS))
    assert shipped.to_dict() == json.loads(json.dumps(fresh.to_dict(), ensure_ascii=False))


def test_first_check_on_a_new_machine_reads_the_shipped_statistics(tmp_path, monkeypatch) -> None:
    import checks.themes.peers as peers

    monkeypatch.setattr(
        peers, "compute_peer_stats", lambda *_: (_ for _ in ()).throw(AssertionError("computed"))
    )
    stats = peer_stats(DEFAULT_PEERS, load_lexicon(), tmp_path / "empty-cache")
    assert stats.folder == str(DEFAULT_PEERS) and len(stats.peers) >= 4


def test_other_peers_do_not_get_the_shipped_statistics(tmp_path) -> None:
    folder = tmp_path / "peers"
    folder.mkdir()
    one = sorted(DEFAULT_PEERS.glob("*.txt"))[0]
    (folder / one.name).write_bytes(one.read_bytes())
    assert shipped_stats(cache_key(folder, load_lexicon()), folder) is None
    assert json.loads(SHIPPED_STATS.read_text(encoding="utf-8"))["stats"]["folder"] == ""
