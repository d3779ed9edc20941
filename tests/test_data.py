"""desktop.data: one place that finds resources/ and templates/, and YAML errors that name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from desktop import data
from desktop.data import load_yaml, parse_yaml, resource_path, template_path
from desktop.plan.errors import InputError

REPO = Path(__file__).resolve().parent.parent


def test_a_checkout_reads_its_top_level_folders() -> None:
    assert data.RESOURCES == REPO / "resources" and data.TEMPLATES == REPO / "templates"
    assert resource_path("wording", "typos.yaml") == REPO / "resources" / "wording" / "typos.yaml"
    assert template_path("official.docx").is_file()
    assert template_path("skeletons").is_dir()


def test_a_bundled_copy_wins_over_the_folders_beside_the_package(tmp_path, monkeypatch) -> None:
    """An installed package must read its own copy, never a ``resources`` folder beside site-packages."""
    bundled = tmp_path / "_data"
    monkeypatch.setattr(data, "_BUNDLED", bundled)
    assert data.data_root() == data._CHECKOUT
    (bundled / "resources").mkdir(parents=True)
    assert data.data_root() == bundled


def test_every_reader_resolves_through_desktop_data() -> None:
    from checks.config import DEFAULTS_PATH
    from checks.rules.numbers_data import NUMBERS_PATH
    from checks.rules.wordlists import WORDING_DIR
    from checks.themes.lexicon import LEXICON_PATH
    from checks.themes.peers import DEFAULT_PEERS
    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE
    from desktop.plan.knowledge.calendar import CALENDAR_PATH
    from desktop.plan.knowledge.tokens import USERDICT_PATH

    for path in (DEFAULTS_PATH, NUMBERS_PATH, LEXICON_PATH, CALENDAR_PATH, USERDICT_PATH):
        assert path.parent == data.RESOURCES and path.is_file(), path
    assert resource_path("wording") == WORDING_DIR and resource_path("peers") == DEFAULT_PEERS
    assert template_path("official.docx") == DEFAULT_TEMPLATE


# A module that builds a path from its own file, or names a data folder as a string, finds the data
# by itself: in a wheel that path does not exist. Only desktop/data.py may.
_OWN_RESOLUTION = re.compile(r"__file__|[\"'](?:resources|templates)[\"']")


def test_no_other_module_finds_the_data_folders_itself() -> None:
    offenders = [
        path.relative_to(REPO).as_posix()
        for top in ("desktop", "checks")
        for path in (REPO / top).rglob("*.py")
        if path != REPO / "desktop" / "data.py" and _OWN_RESOLUTION.search(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, f"use desktop.data.resource_path/template_path instead: {offenders}"


def test_load_yaml_reads_a_path_or_a_name_under_resources(tmp_path) -> None:
    assert "congresses" in load_yaml("calendar.yaml", what="届次日历")
    assert load_yaml("wording/typos.yaml", what="词表") == load_yaml(
        resource_path("wording", "typos.yaml"), what="词表"
    )
    empty = tmp_path / "empty.yaml"
    empty.write_text("", encoding="utf-8")
    assert load_yaml(empty, what="词表") is None


def test_load_yaml_uses_libyaml_when_it_is_built_in() -> None:
    assert data._SAFE_LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@pytest.mark.parametrize(
    ("content", "line"),
    [
        ("a: 1\nb:\n  - x\n - y\n", "第 4 行第 2 列"),  # indentation
        ("a: 1\n\tb: 2\n", "第 2 行第 1 列"),  # a tab
        ("a: 1\nb: [2, 3\nc: 4\n", "第 3 行第 2 列附近有错（第 2 行开始的括号"),  # a bracket left open
        ('a: 1\nb: "open\nc: 2\n', "第 2 行开始的括号或引号"),  # a quote left open
    ],
)
@pytest.mark.parametrize("loader", ["libyaml", "python"])
def test_malformed_yaml_names_the_file_and_the_line(tmp_path, monkeypatch, content, line, loader) -> None:
    if loader == "python":  # where libyaml is not built in
        monkeypatch.setattr(data, "_SAFE_LOADER", yaml.SafeLoader)
    path = tmp_path / "my_list.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_yaml(path, what="词表")
    message = raised.value.message
    assert "“my_list.yaml”" in message and "词表" in message and "不是有效的 YAML" in message
    assert line in message, message
    assert raised.value.path == path


@pytest.mark.parametrize(
    ("content", "says"),
    [(None, "找不到主题词表"), (b"a: \xff\xfe\n", "UTF-8")],
)
def test_a_missing_or_undecodable_file_is_an_input_error(tmp_path, content: bytes | None, says: str) -> None:
    path = tmp_path / "themes.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(InputError) as raised:
        load_yaml(path, what="主题词表")
    assert "“themes.yaml”" in raised.value.message and says in raised.value.message


def test_parse_yaml_names_the_file_it_was_read_from() -> None:
    with pytest.raises(
        InputError, match=re.escape("“x.yaml”：配置文件不是有效的 YAML：读到文件末尾（第 1 行）")
    ):
        parse_yaml("select: [S\n", path="x.yaml", what="配置文件")


def test_a_broken_shipped_file_reaches_the_writer_as_an_input_error(tmp_path) -> None:
    from desktop.plan.knowledge.calendar import load_calendar

    path = tmp_path / "calendar.yaml"
    path.write_text("congresses:\n  - {number: 20, name: 二十大\n", encoding="utf-8")
    with pytest.raises(
        InputError, match=re.escape("“calendar.yaml”：届次日历不是有效的 YAML：读到文件末尾（第 2 行）")
    ):
        load_calendar(path)
