"""What the file's name told about the plan survives into the editor, which re-parses text alone."""

from __future__ import annotations

from desktop.plan.parse import parse
from desktop.plan.read.loader import editing_metadata, load_plan, load_source

BODY = "一、加强党的建设\n1.深入学习贯彻党的二十大精神。\n二、保障校园安全\n2.健全安全管理体系。\n"


def test_year_from_the_file_name_travels_as_metadata(tmp_path) -> None:
    path = tmp_path / "某某区教育局2025年工作要点.txt"
    path.write_text(BODY, encoding="utf-8")
    source = load_source(path)
    assert parse(source.text, source.metadata).metadata.year is None  # the text alone has no year
    metadata = editing_metadata(source)
    assert metadata.year == 2025
    assert parse(source.text, metadata).metadata.year == load_plan(path)[1].metadata.year == 2025


def test_text_that_names_its_year_keeps_metadata_as_stored(tmp_path) -> None:
    path = tmp_path / "2019年要点.txt"
    path.write_text("某某区2025年教育工作要点\n" + BODY, encoding="utf-8")
    source = load_source(path)
    assert editing_metadata(source) == source.metadata
