"""A draft's text lines are named by the file's own lines (after its front matter), as the writer
sees them when opening the .plan.yaml in any text editor."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.plan.model import Metadata
from desktop.plan.read.loader import load_source
from desktop.plan.read.store import dump_draft, parse_draft, save_draft

TEXTS = [
    "2024年教育工作要点\n一、总体要求\n\n  缩进的一行\n（一）提高质量",
    " 以空格开头\n第二行\n",
    "只有一行",
]


@pytest.mark.parametrize("text", TEXTS)
def test_each_text_line_points_at_the_same_line_of_the_file(text: str) -> None:
    raw = dump_draft(text, Metadata(title="某某要点", year=2024), {"last_year": "旧.txt"})
    source = parse_draft(raw)
    file_lines = raw.split("\n")
    assert source.text == text
    for number, line in enumerate(text.split("\n"), start=1):
        if line:
            assert line in file_lines[source.source_line(number) - 1]
    assert source.source_line(1) > 10  # after the front matter, not the text's own numbering


def test_a_text_yaml_cannot_write_as_a_block_keeps_its_own_numbering() -> None:
    source = parse_draft(dump_draft("甲\u2028乙\n丙", Metadata()))
    assert source.origin == ()
    assert source.source_line(2) == 2


def test_check_reports_the_draft_file_line(tmp_path) -> None:
    path = tmp_path / "要点.plan.yaml"
    save_draft(path, "2024年教育工作要点\n一、总体要求\n（一）加强党建.\n", Metadata(year=2024))
    result = subprocess.run(
        [sys.executable, "-m", "desktop.cli", "check", "--json", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    rows = json.loads(result.stdout)["findings"]
    file_lines = path.read_text(encoding="utf-8").split("\n")
    source = load_source(path)
    assert rows
    for row in rows:
        # The line the CLI names holds the finding's own text line.
        text_line = next(i for i, o in enumerate(source.origin, start=1) if o == row["line"])
        assert source.text.split("\n")[text_line - 1] in file_lines[row["line"] - 1]
