"""A place in the cleaned text is found again in the file: line and column (``Source.position``).

The command line prints ``file:line:col`` and the app shows 行/列; both must point at the very
character a finding names, in the file the writer has open, even where cleaning dropped an indent,
a page mark or a line break the copy put in the middle of a sentence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checks.config import CheckConfig
from checks.run import run_checks
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source
from desktop.plan.read.positions import file_position
from tests.corpus_files import materialise


def _char_at(path: Path, line: int, column: int) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    return lines[line - 1][column - 1 : column]


def test_indented_line_keeps_its_indent_in_the_column(tmp_path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(
        "2026年教育工作要点\n\n　　一、总体要求\n    坚持立德树人，落实“双减”。\n", encoding="utf-8"
    )
    source = load_source(path)
    line = source.text.split("\n").index("坚持立德树人，落实“双减”。") + 1
    assert source.position(line, 1) == (4, 5)
    assert source.position(line, 8) == (4, 12)
    assert _char_at(path, 4, 12) == "落"


def test_paragraph_broken_by_the_copy_points_at_the_later_file_line(tmp_path) -> None:
    body = "推进义务教育优质均衡发展，扩大优质教育资源覆盖面，深化集团化办学改革，"
    path = tmp_path / "plan.txt"
    path.write_text(f"一、重点任务\n{body}\n强化学校办学自主权，建立健全现代学校制度。\n", encoding="utf-8")
    source = load_source(path)
    joined = source.text.split("\n")
    line = next(n for n, text in enumerate(joined, start=1) if text.startswith("推进"))
    assert "强化" in joined[line - 1], "the copy's break is rejoined (the case this test is about)"
    column = joined[line - 1].index("强化") + 1
    assert source.position(line, column) == (3, 1)


def test_space_glued_between_latin_words_consumes_nothing() -> None:
    raw = ["推进 AI", "education 行动"]
    assert file_position(raw, "推进 AI education 行动", 1, 5) == (1, 5)
    assert file_position(raw, "推进 AI education 行动", 1, 7) == (2, 1)
    assert file_position(raw, "推进 AI education 行动", 1, 17) == (2, 11)


def test_unfollowable_text_falls_back_to_the_line_map() -> None:
    assert file_position(["完全不同的一行"], "另一段文字", 1, 2) is None


@pytest.fixture(scope="module")
def corpus_sources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    return [(path, load_source(path)) for path in sorted(materialise(folder).glob("*.txt"))]


def test_every_corpus_finding_points_at_its_character_in_the_file(corpus_sources) -> None:
    config = CheckConfig.defaults().merged(ignore=["T"])
    checked = missed = 0
    for path, source in corpus_sources:
        plan = parse(source.text, source.metadata, source.file_names)
        text_lines = source.text.split("\n")
        for finding in run_checks(plan, config):
            if finding.line > len(text_lines) or finding.column > len(text_lines[finding.line - 1]):
                continue  # a document-level finding or one at the end of a line
            want = text_lines[finding.line - 1][finding.column - 1]
            line, column = source.position(finding.line, finding.column)
            checked += 1
            got = _char_at(path, line, column)
            if got.replace("\u3000", " ").replace("\xa0", " ") != want:
                missed += 1
    assert checked > 100
    assert missed == 0, f"{missed} of {checked} findings point at another character"


def test_a_walk_past_the_files_end_gives_up_instead_of_failing() -> None:
    assert file_position(["ab"], "ab c", 1, 4) is None
