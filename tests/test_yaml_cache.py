"""Parsed YAML kept across runs: the same values as PyYAML gives, without importing it, or no cache."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from desktop import yaml_cache
from desktop.data import RESOURCES, parse_yaml
from desktop.plan.errors import InputError

REPO = Path(__file__).resolve().parent.parent

# Every shipped YAML file through load_yaml: its value as JSON, and whether PyYAML was imported.
READ_ALL = """
import json, sys
from desktop.data import RESOURCES, load_yaml
values = {str(p.relative_to(RESOURCES)): load_yaml(p, what="x") for p in sorted(RESOURCES.rglob("*.yaml"))}
print(json.dumps([values, "yaml" in sys.modules], ensure_ascii=False, default=str))
"""


def _read_all(cache: Path, **env: str) -> tuple[dict, bool]:
    out = subprocess.run(
        [sys.executable, "-c", READ_ALL],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "PLANDESK_CACHE_DIR": str(cache), **env},
        timeout=120,
        check=True,
    )
    values, imported = json.loads(out.stdout)
    return values, imported


@pytest.fixture
def fresh_state(tmp_path, monkeypatch):
    """This process's cache pointed at an empty folder, and put back afterwards."""
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("PLANDESK_NO_YAML_CACHE", raising=False)
    saved = dict(yaml_cache._state)
    yaml_cache._state.clear()
    yield tmp_path
    yaml_cache._state.clear()
    yaml_cache._state.update(saved)


def test_a_second_run_reads_every_shipped_file_without_pyyaml_and_gets_the_same(tmp_path) -> None:
    first, imported = _read_all(tmp_path)
    assert imported and len(first) >= 15
    expected = {name: yaml.safe_load((RESOURCES / name).read_text(encoding="utf-8")) for name in first}
    assert first == json.loads(json.dumps(expected, ensure_ascii=False, default=str))
    written = yaml_cache.cache_file(tmp_path).stat().st_mtime_ns
    second, imported = _read_all(tmp_path)
    assert second == first and not imported
    assert yaml_cache.cache_file(tmp_path).stat().st_mtime_ns == written, "the second run parsed a file again"
    without, imported = _read_all(tmp_path / "off", PLANDESK_NO_YAML_CACHE="1")
    assert without == first and imported
    assert not (tmp_path / "off").exists()


def test_each_read_is_a_fresh_copy(fresh_state) -> None:
    text = "names: [党建, 安全]\n"
    first = parse_yaml(text, path="a.yaml", what="词表")
    first["names"].append("改动")
    assert parse_yaml(text, path="a.yaml", what="词表") == {"names": ["党建", "安全"]}


def test_a_broken_file_is_never_kept_and_a_changed_file_is_read_afresh(fresh_state) -> None:
    for _ in range(2):
        with pytest.raises(InputError, match="不是有效的 YAML"):
            parse_yaml("names: [党建\n", path="a.yaml", what="词表")
    assert parse_yaml("names: [党建]\n", path="a.yaml", what="词表") == {"names": ["党建"]}
    assert parse_yaml("names: [安全]\n", path="a.yaml", what="词表") == {"names": ["安全"]}
    yaml_cache.save()
    _form, table = marshal.loads(yaml_cache.cache_file(fresh_state).read_bytes())
    assert set(table) == {"names: [党建]\n", "names: [安全]\n"}


def test_a_value_marshal_cannot_hold_is_parsed_each_time(fresh_state) -> None:
    assert parse_yaml("day: 2027-03-01\n", path="a.yaml", what="配置文件") == {"day": date(2027, 3, 1)}
    assert not yaml_cache._state["table"]


def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(fresh_state) -> None:
    path = yaml_cache.cache_file(fresh_state)
    for damage in (
        b"\x00not marshal",
        marshal.dumps(("another", {})),
        marshal.dumps((1, {"x: 1\n": b"\xff"})),
    ):
        path.write_bytes(damage)
        yaml_cache._state.clear()
        assert parse_yaml("x: 1\n", path="a.yaml", what="配置文件") == {"x": 1}
        yaml_cache.save()
        form, table = marshal.loads(path.read_bytes())
        assert form == yaml_cache.HEADER and {text: marshal.loads(blob) for text, blob in table.items()} == {
            "x: 1\n": {"x": 1}
        }


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path, monkeypatch, fresh_state) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(blocker))
    assert parse_yaml("x: [1, 2]\n", path="a.yaml", what="配置文件") == {"x": [1, 2]}
    yaml_cache.save()  # must not raise
    assert blocker.read_text(encoding="utf-8") == ""
