"""A "most peers" claim needs enough peers: a writer's library of one 范本 must not make every theme
that one plan covers a theme "most peers" cover (民办教育 1/1). Below ``MIN_PEERS`` of a kind the
shipped peers of that kind join the writer's (and say so); with none to join, T003 stays silent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from checks.config import CheckConfig
from checks.rules.themes import ExpectedThemeMissing, report_for
from checks.run import run_checks
from checks.themes import DEFAULT_PEERS, peer_stats
from checks.themes.peers import MIN_PEERS
from desktop.plan.parse import parse
from desktop.plan.references.library import Library

BUREAU_DRAFT = ExpectedThemeMissing.bad  # a bureau's plan that covers almost nothing
KINDERGARTEN_DRAFT = "2024年某某幼儿园工作计划\n一、加强党的建设\n1.加强基层党组织建设。"
# One kindergarten's plan, with themes the draft leaves out (师德师风, 心理健康, 教育信息化)
KINDERGARTEN_PEER = """2024年某某中心幼儿园工作计划
一、加强党的建设
1.加强党支部建设，落实三会一课制度。
二、加强教师队伍建设
2.加强师德师风建设，开展师德师风专题教育，落实教师专业发展培训。
三、关注幼儿心理健康
3.加强幼儿心理健康教育，开展心理健康教育专题活动，关注每一名幼儿的心理健康。
四、推进教育信息化
4.推进教育信息化建设，用好智慧教育平台，提升教师信息化应用能力。
"""
CITY = "2024_anhui_wuhu_city.txt"


@pytest.fixture
def library(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Library:
    monkeypatch.setenv("PLANDESK_DATA_DIR", str(tmp_path / "data"))
    return Library.default()


def _t003(text: str) -> list[str]:
    return [f.message for f in run_checks(parse(text), CheckConfig(), rules=[ExpectedThemeMissing])]


def test_one_writers_peer_is_used_with_the_shipped_ones(library: Library, corpus_path) -> None:
    assert MIN_PEERS >= 3
    library.add(corpus_path(CITY), "peer")
    stats = peer_stats()
    shipped = {p.name for p in DEFAULT_PEERS.glob("*.txt")}
    assert len(stats.peers) == 1 + len(shipped)
    assert {p.file for p in stats.peers} == {library.entries("peer")[0].file} | shipped
    assert "内置范本" in stats.note
    assert stats.folder.split(os.pathsep) == [str(library.role_folder("peer")), str(DEFAULT_PEERS)]
    report = report_for(parse(BUREAU_DRAFT))
    assert report.peers_total == 1 + len(shipped)
    messages = _t003(BUREAU_DRAFT)
    assert len(messages) == 1
    assert f"/{1 + len(shipped)}）" in messages[0] and "（1/1）" not in messages[0]
    assert "内置范本" in messages[0]  # the message says where its peers came from


def test_three_writers_peers_are_used_alone(library: Library) -> None:
    for path in sorted(DEFAULT_PEERS.glob("*.txt"))[:3]:  # whole plans, copied into the library
        library.add(path, "peer", name=f"范本{path.stem[:4]}")
    stats = peer_stats()
    assert sorted(p.file for p in stats.peers) == sorted(e.file for e in library.entries("peer"))
    assert stats.note == "" and stats.folder == str(library.role_folder("peer"))
    assert report_for(parse(BUREAU_DRAFT)).peers_total == 3
    messages = _t003(BUREAU_DRAFT)
    assert len(messages) == 1 and "/3）" in messages[0] and "内置范本" not in messages[0]


def test_one_peer_of_a_kind_the_shipped_set_lacks_says_nothing(library: Library, tmp_path: Path) -> None:
    peer = tmp_path / "中心幼儿园.txt"
    peer.write_text(KINDERGARTEN_PEER, encoding="utf-8")
    library.add(peer, "peer")
    report = report_for(parse(KINDERGARTEN_DRAFT))
    assert report.kind == "kindergarten" and report.peers_total == 1
    assert [
        r.coverage.theme.name for r in report.rows if r.peers_covering == 1 and r.status.value == "missing"
    ]
    assert _t003(KINDERGARTEN_DRAFT) == []  # 1 of 1 is not "most peers"
