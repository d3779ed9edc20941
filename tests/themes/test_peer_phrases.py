"""Suggestions name programmes and measures, never generic words; each theme shows what peers wrote.

The peers here are real plans of the corpus (bureau plans of several provinces and years), read as
a writer's peer folder would be; the draft is another corpus plan.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checks.themes import load_lexicon, peer_stats, report_to_dict, themes_report
from checks.themes.phrases import generic_words, is_generic, measure_phrases
from desktop.plan.read.loader import load_plan

# Generic words of plans, written here rather than read from the data file, so that emptying the
# data file fails the test instead of passing it.
GENERIC = {
    "高质量",
    "高质量发展",
    "教育资源",
    "优质资源",
    "推进",
    "工作",
    "教育",
    "发展",
    "建设",
    "改革",
    "质量",
    "体系",
    "机制",
    "管理",
    "服务",
    "教育教学",
    "教师队伍",
    "教育事业",
    "教育现代化",
    "人民满意",
    "综合改革",
    "行动计划",
    "工程",
    "项目",
}
PEERS = (
    "2020_changzhou_wujin_district.txt",
    "2020_zhenjiang_city_webpage.txt",
    "2022_wuxi_huishan_district.txt",
    "2023_changzhou_city_webpage.txt",
    "2022_shandong_qingdao_xihaian_district.txt",
    "2023_shanghai_minhang_district.txt",
    "2023_fujian_xiamen_haicang_district.txt",
    "2024_anhui_wuhu_city.txt",
    "2025_zhejiang_ningbo_city.txt",
    "2022_hunan_changsha_city.txt",
)
DRAFT = "2024_hubei_shiyan_fangxian_county.txt"


@pytest.fixture(scope="module")
def peers_folder(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("peers")
    for name in PEERS:
        shutil.copy(corpus_dir / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def stats(peers_folder: Path, tmp_path_factory: pytest.TempPathFactory):
    return peer_stats(peers_folder, cache_dir=tmp_path_factory.mktemp("stats"))


@pytest.fixture(scope="module")
def drafted(corpus_dir: Path, stats):
    source, plan = load_plan(corpus_dir / DRAFT)
    return source, themes_report(plan, stats)


def test_the_generic_words_of_the_test_are_in_the_data() -> None:
    assert generic_words() >= GENERIC


def test_no_theme_is_offered_a_generic_word(stats, drafted) -> None:
    _source, report = drafted
    lexicon = load_lexicon()
    offered: dict[str, list[str]] = {theme.id: [] for theme in lexicon.themes}
    for item in stats.phrases:
        for theme in item["themes"]:
            offered[theme].append(str(item["phrase"]))
    for row in report.rows:
        offered[row.coverage.theme.id].extend(row.suggestions)
    for theme, phrases in offered.items():
        for phrase in phrases:
            assert phrase not in GENERIC, (theme, phrase)
            assert not is_generic(phrase), (theme, phrase)
            assert len(phrase) >= 4, (theme, phrase)
    assert sum(bool(p) for p in offered.values()) >= 5  # not vacuous: most themes get phrases
    assert report.suggestions and all(s["themes"] for s in report.suggestions)
    draft_text = report_to_dict(report)  # the draft never says what it is told it lacks
    assert all(s["phrase"] not in _source.text for s in draft_text["suggestions"])


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("实施县中振兴行动计划，推进县域普通高中多样化特色发展。", {"县中振兴行动计划"}),
        ("全面落实课后服务“5+2”模式，推进教育资源均衡配置，高质量推进各项工作。", {"课后服务“5+2”模式"}),
        (
            "深化大中小学思政课一体化共同体建设，推进集团化办学，实施“县管校聘”管理改革。",
            {"大中小学思政课一体化共同体建设", "集团化办学", "“县管校聘”管理改革"},
        ),
        ("建设高质量教育体系，加强教师队伍建设，推动教育事业高质量发展。", set()),
    ],
)
def test_phrases_of_unseen_text(text: str, wanted: set[str]) -> None:
    found = {phrase for _offset, phrase in measure_phrases(text)}
    assert found == wanted
    for offset, phrase in measure_phrases(text):
        assert text[offset : offset + len(phrase)] == phrase


def test_each_theme_shows_the_peers_sentences_with_their_file_lines(drafted, peers_folder: Path) -> None:
    _source, report = drafted
    with_sentences = [row for row in report.rows if row.peer_sentences]
    assert len(with_sentences) >= 10
    lines_of = {name: (peers_folder / name).read_text(encoding="utf-8").splitlines() for name in PEERS}
    for row in with_sentences:
        for sentence in row.peer_sentences:
            assert sentence["peer"] and not str(sentence["peer"]).isascii()  # the plan's name, not pinyin
            text = str(sentence["text"]).strip("…")
            assert text[:20] in lines_of[str(sentence["file"])][int(sentence["line"]) - 1]


def test_json_carries_sentences_and_theme_suggestions(drafted) -> None:
    source, report = drafted
    data = report_to_dict(report, source.source_line)
    row = next(t for t in data["themes"] if t["peer_sentences"])
    assert set(row["peer_sentences"][0]) == {"peer", "file", "line", "text"}
    assert all(isinstance(p, str) for t in data["themes"] for p in t["suggestions"])


@pytest.mark.parametrize(
    ("phrase", "text", "said"),
    [
        ("责任督学挂牌督导制度", "开展责任督学挂牌督导，压实督导责任。", True),  # the name without 制度
        ("县中振兴行动计划", "实施县中振兴行动计划。", True),
        ("县中振兴行动计划", "推进县域普通高中发展。", False),
        ("教育资源配置机制", "优化资源配置。", False),  # what is left is too short and generic
    ],
)
def test_a_phrase_is_said_when_its_name_is(phrase: str, text: str, said: bool) -> None:
    from checks.themes.phrases import is_said

    assert is_said(phrase, text) is said
