"""Peer statistics and their cache, the shipped peers, the CLI contract and jieba's laziness."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checks.themes import DEFAULT_PEERS, load_lexicon, peer_stats
from checks.themes.peers import cache_key

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def peers_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "peers"
    shutil.copytree(DEFAULT_PEERS, folder, ignore=shutil.ignore_patterns("README*"))
    return folder


def _mark_cache(cache: Path) -> None:
    """Stamp every cached file, so a later read shows whether it came from the cache."""
    for file in (cache / "peers").glob("*.json"):
        data = json.loads(file.read_text(encoding="utf-8"))
        data["folder"] = "from-cache"
        file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_peer_stats_are_cached_and_recomputed_when_the_folder_changes(
    peers_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = peer_stats(peers_copy, cache_dir=cache)
    assert len(first.peers) == 4
    _mark_cache(cache)
    assert peer_stats(peers_copy, cache_dir=cache).folder == "from-cache"

    changed = peers_copy / "2022_wuxi_huishan_district.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n41.加强语言文字工作。\n", encoding="utf-8")
    again = peer_stats(peers_copy, cache_dir=cache)
    assert again.folder == str(peers_copy)

    _mark_cache(cache)
    (peers_copy / "2023_changzhou_city_webpage.txt").unlink()
    fewer = peer_stats(peers_copy, cache_dir=cache)
    assert fewer.folder == str(peers_copy) and len(fewer.peers) == 3


def test_cache_key_depends_on_the_files_content_not_their_dates(peers_copy: Path) -> None:
    lexicon = load_lexicon()
    key = cache_key(peers_copy, lexicon)
    wujin = peers_copy / "2020_changzhou_wujin_district.txt"
    os.utime(wujin, ns=(1, 1))  # copied, synced or restored from a backup: same set, same key
    assert cache_key(peers_copy, lexicon) == key
    wujin.write_bytes(wujin.read_bytes() + b"\n")
    assert cache_key(peers_copy, lexicon) != key


def test_each_peer_reports_themes_and_headlines(tmp_path: Path) -> None:
    stats = peer_stats(cache_dir=tmp_path)
    huishan = next(p for p in stats.peers if p.file.startswith("2022_wuxi"))
    assert huishan.name == "无锡市惠山区教育局 2022年教育工作要点"  # what the writer is shown
    assert huishan.themes["double_reduction"]["status"] == "covered"
    assert any("双减" in h for h in huishan.themes["double_reduction"]["headlines"])
    assert all(len(p["peers"]) >= 2 for p in stats.phrases)


def test_a_docx_peer_is_read(peers_copy: Path, tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ("2024年教育工作要点", "一、加强党的建设", "1.加强基层党组织建设。", "2.加强校园安全工作。"):
        document.add_paragraph(line)
    document.save(str(peers_copy / "mine.docx"))
    stats = peer_stats(peers_copy, cache_dir=tmp_path / "c")
    mine = next(p for p in stats.peers if p.file == "mine.docx")
    assert mine.name == "2024年教育工作要点"  # no issuer named: the title alone
    assert mine.themes["safety"]["status"] == "covered"


def test_shipped_zhenjiang_peer_is_restored(corpus_text) -> None:
    text = (DEFAULT_PEERS / "2020_zhenjiang_city_webpage.txt").read_text(encoding="utf-8")
    # The spliced name is whatever the defaced page shows on its first line; it is not written here.
    spliced = corpus_text("zhenjiang").split("\n", 1)[0].strip()
    assert len(spliced) >= 4 and spliced not in text
    assert "镇江市教育局2020年工作要点" in text
    assert "融合教育资源中心" in text and "城镇学前教育资源供给" in text


def _cli(*args: str, env_cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PLANDESK_CACHE_DIR": str(env_cache), "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
    )


def test_cli_json_shape(corpus_path, tmp_path: Path) -> None:
    done = _cli("themes", str(corpus_path("huishan")), "--json", env_cache=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) >= {"themes", "suggestions"}
    first = data["themes"][0]
    assert set(first) >= {"id", "name", "required", "status", "mentions", "peers_covering", "peers_total"}
    assert first["status"] in {"covered", "weak", "missing"}
    assert all(set(m) >= {"line", "term"} for m in first["mentions"])
    five = next(t for t in data["themes"] if t["id"] == "five_educations")
    assert five["parts_missing"] == [] and len(five["parts"]) == 5
    # The draft is one of the shipped peers: it is not counted as its own peer.
    assert first["peers_total"] == 3


def test_cli_lines_are_the_files_own(corpus_path, tmp_path: Path) -> None:
    done = _cli("themes", str(corpus_path("zhenjiang")), "--json", env_cache=tmp_path)
    data = json.loads(done.stdout)
    raw = corpus_path("zhenjiang").read_text(encoding="utf-8").splitlines()
    safety = next(t for t in data["themes"] if t["id"] == "safety")
    for mention in safety["mentions"]:
        assert mention["term"] in raw[mention["line"] - 1]


def test_cli_exit_status(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("2024年教育工作要点\n一、加强党的建设\n1.加强基层党组织建设。\n", encoding="utf-8")
    # a missing required theme is reported, but it is a content choice, not an error
    done = _cli("themes", str(draft), env_cache=tmp_path)
    assert done.returncode == 0 and "✘" in done.stdout
    missing = _cli("themes", str(tmp_path / "nothing.txt"), env_cache=tmp_path)
    assert missing.returncode == 2 and "nothing.txt" in missing.stderr
    bad_peers = _cli("themes", str(draft), "--peers", str(tmp_path / "nope"), env_cache=tmp_path)
    assert bad_peers.returncode == 2 and "范本" in bad_peers.stderr


def test_outline_and_checks_without_t_never_import_jieba(corpus_path) -> None:
    code = (
        "import sys, io, contextlib\n"
        "from desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['outline', {str(corpus_path('wujin'))!r}])\n"
        "from checks.run import run_checks\n"
        "from checks.config import CheckConfig\n"
        "from checks.rules import themes\n"
        "from desktop.plan.parse import parse\n"
        "run_checks(parse('2024年教育工作要点\\n一、安全\\n'), CheckConfig().merged(ignore=['T']))\n"
        "assert 'jieba' not in sys.modules, 'jieba imported'\n"
        "run_checks(parse('2024年教育工作要点\\n一、加强校园安全工作\\n'), CheckConfig(), rules=themes.RULES[:1])\n"
        "assert 'jieba' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
