"""Starting this year's draft from last year's plan."""

from __future__ import annotations

from desktop.plan.model import Metadata
from desktop.plan.next_year import next_year_draft
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_source


def test_title_year_moves_on_and_nothing_else_changes(corpus_path):
    source = load_source(corpus_path("huishan"))
    text, _ = next_year_draft(source.text, source.metadata)
    assert parse(text).metadata.title == "无锡市惠山区2023年教育工作要点"
    # The notice and the body still say 2022: that is for the checks and the comparison to show.
    assert text.replace("无锡市惠山区2023年教育工作要点", "无锡市惠山区2022年教育工作要点", 1) == source.text


def test_stored_year_moves_on_and_text_without_title_is_kept():
    text, metadata = next_year_draft(
        "一、党建\n1.学习2026年文件。\n", Metadata(year=2026, issuer="某区教育局")
    )
    assert text == "一、党建\n1.学习2026年文件。\n"
    assert metadata == Metadata(year=2027, issuer="某区教育局")
