"""The writer's peer set: the themes learn from it when it has entries, else from the shipped peers;
``plandesk refs`` manages it and ``plandesk themes --peers DIR`` still wins over both."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checks.themes import DEFAULT_PEERS, peer_stats, themes_report
from checks.themes.peers import default_folder
from desktop.plan.read.loader import load_plan
from desktop.plan.references.library import Library

REPO = Path(__file__).resolve().parents[2]
WRITERS_PEERS = (
    "2024_anhui_wuhu_city.txt",
    "2025_zhejiang_ningbo_city.txt",
    "2023_shanghai_minhang_district.txt",
)


@pytest.fixture
def library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Library:
    monkeypatch.setenv("PLANDESK_DATA_DIR", str(tmp_path / "data"))
    return Library.default()


def test_themes_learn_from_the_writers_peers(library: Library, corpus_path) -> None:
    assert default_folder() == DEFAULT_PEERS  # an empty library: the shipped peers
    entries = [
        library.add(corpus_path(name), "peer", name=f"范本{i}") for i, name in enumerate(WRITERS_PEERS)
    ]
    library.add(corpus_path("huishan"), "superior")  # a superior plan is not a peer
    assert default_folder() == library.role_folder("peer")
    stats = peer_stats()
    assert sorted(p.file for p in stats.peers) == ["范本0.txt", "范本1.txt", "范本2.txt"]
    assert stats.note == ""  # three peers of the kind: the writer's set alone
    _source, plan = load_plan(corpus_path("2024_hubei_shiyan_fangxian_county.txt"))
    report = themes_report(plan, stats)
    assert report.peers_total == 3
    named = {s["peer"] for row in report.rows for s in row.peer_sentences}
    assert named == {p.name for p in stats.peers}
    assert "芜湖市教育局 2024年工作要点" in named  # the plan's own name, not the file's
    for entry in entries:
        library.remove(entry.id)
    assert default_folder() == DEFAULT_PEERS
    assert {p.file for p in peer_stats().peers} == {p.name for p in DEFAULT_PEERS.glob("*.txt")}


def _cli(*args: str, data: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PLANDESK_DATA_DIR": str(data),
        "PLANDESK_CACHE_DIR": str(cache),
        "PYTHONPATH": str(REPO),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_refs_command_and_themes_follow_the_library(corpus_path, tmp_path: Path) -> None:
    data, cache = tmp_path / "data", tmp_path / "cache"
    draft = str(corpus_path("2024_hubei_shiyan_fangxian_county.txt"))
    added = _cli(
        "refs",
        "add",
        *(str(corpus_path(n)) for n in WRITERS_PEERS[:2]),
        "--role",
        "范本",
        "--json",
        data=data,
        cache=cache,
    )
    assert added.returncode == 0, added.stderr
    ids = [e["id"] for e in json.loads(added.stdout)["entries"]]
    listed = _cli("refs", data=data, cache=cache)
    assert listed.stdout.count("范本") == 2 and "芜湖市" in listed.stdout

    mine = json.loads(_cli("themes", draft, "--json", data=data, cache=cache).stdout)
    # Two of the writer's peers are too few for "most peers": the four shipped ones join them.
    assert mine["peers_total"] == 6
    assert mine["peers_folder"].split(os.pathsep) == [str(data / "references" / "peer"), str(DEFAULT_PEERS)]
    files = {s["file"] for t in mine["themes"] for s in t["peer_sentences"]}
    assert {"2024_anhui_wuhu_city.txt", "2025_zhejiang_ningbo_city.txt"} <= files
    assert files - {"2024_anhui_wuhu_city.txt", "2025_zhejiang_ningbo_city.txt"} <= {
        p.name for p in DEFAULT_PEERS.glob("*.txt")
    }
    given = json.loads(
        _cli("themes", draft, "--json", "--peers", str(DEFAULT_PEERS), data=data, cache=cache).stdout
    )
    assert given["peers_total"] == 4

    bad = tmp_path / "照片.txt"
    bad.write_bytes(bytes(range(256)) * 20)
    refused = _cli("refs", "add", str(bad), "--role", "peer", data=data, cache=cache)
    assert refused.returncode == 2 and "照片.txt" in refused.stderr
    assert _cli("refs", "remove", "0000", data=data, cache=cache).returncode == 2
    assert _cli("refs", "remove", *ids, data=data, cache=cache).returncode == 0
    assert "空" in _cli("refs", data=data, cache=cache).stdout


def test_a_writer_without_a_library_gets_the_shipped_peers_without_the_library_code(tmp_path: Path) -> None:
    """Most writers keep no peers; their first check must not import the library to learn that."""
    script = (
        "import sys; from checks.themes.peers import DEFAULT_PEERS, default_folder; "
        "print(default_folder() == DEFAULT_PEERS, 'desktop.plan.references.library' in sys.modules)"
    )
    env = {**os.environ, "PLANDESK_DATA_DIR": str(tmp_path / "data"), "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, env=env)
    assert out.stdout.split() == ["True", "False"], out.stderr
