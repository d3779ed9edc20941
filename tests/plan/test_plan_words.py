"""resources/plan_words.yaml: the words of the outline, targets, task table and comparison, as data.

A maintainer who breaks the file is told which file and which key, in Chinese; a good file is read
once, and the parsed file is kept in the cache folder so ``plandesk outline`` need not import PyYAML.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from desktop import yaml_cache
from desktop.plan import plan_words
from desktop.plan.errors import InputError
from desktop.plan.export.task_table import WIDTHS
from desktop.plan.plan_words import LENGTHS, PLAN_WORDS_PATH, SCHEMA, load_plan_words

REPO = Path(__file__).resolve().parents[2]


def shipped() -> dict:
    return yaml.safe_load(PLAN_WORDS_PATH.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "plan_words.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def load_fresh(path: Path):
    """Read ``path`` past the per-process memo (the parsed-YAML cache still applies)."""
    return load_plan_words.__wrapped__(path)


def test_the_shipped_file_holds_every_key_the_program_reads() -> None:
    words = load_fresh(PLAN_WORDS_PATH)
    assert {section: tuple(keys) for section, keys in words.items()} == SCHEMA
    assert "总体目标" in words["roles"]["names"] and "工作措施" in words["blocks"]["names"]
    assert words["targets"]["units"][:2] == ("平方米", "人次") and "%" in words["targets"]["units"]
    assert len(words["task_table"]["headers"]) == len(WIDTHS) == LENGTHS[("task_table", "headers")]


def _missing_section(data: dict) -> None:
    del data["targets"]


def _missing_key(data: dict) -> None:
    del data["roles"]["names"]


def _not_a_list(data: dict) -> None:
    data["blocks"]["names"] = "目标任务"


def _empty_list(data: dict) -> None:
    data["carried_over"]["extra_stages"] = []


def _number_entry(data: dict) -> None:
    data["targets"]["units"].append(12)


def _long_single_character(data: dict) -> None:
    data["targets"]["noun_stops"].append("以及")


def _misspelt_key(data: dict) -> None:
    data["task_table"]["deadlines"] = data["task_table"].pop("deadline")


def _section_not_a_mapping(data: dict) -> None:
    data["roles"] = ["总体要求"]


def _seven_headers(data: dict) -> None:
    data["task_table"]["headers"].append("备注")


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (_missing_section, "缺少“targets”一节"),
        (_missing_key, "缺少“roles.names”"),
        (_not_a_list, "“blocks.names”应为至少一项的列表"),
        (_empty_list, "“carried_over.extra_stages”应为至少一项的列表"),
        (_number_entry, "“targets.units”第 39 项“12”不是词语"),
        (_long_single_character, "“targets.noun_stops”第 7 项“以及”应为单个字"),
        (_misspelt_key, "未知的键“task_table.deadlines”"),
        (_section_not_a_mapping, "缺少“roles”一节，或它不是“键: 列表”的映射"),
        (_seven_headers, "“task_table.headers”应恰有 6 项，现有 7 项"),
    ],
)
def test_a_malformed_file_names_the_file_and_the_key(tmp_path, damage, says: str) -> None:
    data = shipped()
    damage(data)
    path = write(tmp_path, data)
    with pytest.raises(InputError) as raised:
        load_fresh(path)
    message = raised.value.message
    assert message.startswith("无法使用“plan_words.yaml”：要点词表"), message
    assert says in message, message
    assert raised.value.path == path


def test_a_file_that_is_not_a_mapping_or_not_yaml_is_an_input_error(tmp_path) -> None:
    path = write(tmp_path, ["总体要求"])
    with pytest.raises(InputError, match=re.escape("“plan_words.yaml”：要点词表应为“节: 键: 列表”的映射")):
        load_fresh(path)
    path.write_text("roles:\n  names: [总体要求\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape("“plan_words.yaml”：要点词表不是有效的 YAML")):
        load_fresh(path)


def test_the_words_follow_the_files_exact_text(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(tmp_path / "cache"))
    data = shipped()
    path = write(tmp_path, data)
    first = load_fresh(path)
    assert load_fresh(path) == first
    data["roles"]["names"].append("年度任务")
    write(tmp_path, data)
    assert "年度任务" in load_fresh(path)["roles"]["names"]  # a changed file is read afresh
    path.write_text("roles: [", encoding="utf-8")
    with pytest.raises(InputError):
        load_fresh(path)  # a broken file is never hidden by an old cache


def test_a_cache_that_cannot_be_written_costs_nothing_but_time(tmp_path, monkeypatch) -> None:
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("PLANDESK_CACHE_DIR", str(blocker))
    assert load_fresh(write(tmp_path, shipped()))["blocks"] == load_fresh(PLAN_WORDS_PATH)["blocks"]
    yaml_cache.save()  # what the process does at exit: nothing written, nothing raised
    assert blocker.read_text(encoding="utf-8") == ""


def test_the_outline_reads_the_words_without_pyyaml_once_they_are_cached(tmp_path) -> None:
    """Importing PyYAML costs some 10 ms, more than the outline spends on a plan."""
    script = (
        "import sys; from desktop.plan.parse import parse; "
        "plan = parse('2024年工作要点\\n一、总体要求\\n目标任务：建成3所学校。\\n'); "
        "print(len(plan.items()), 'yaml' in sys.modules)"
    )
    env = {**os.environ, "PLANDESK_CACHE_DIR": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", script], cwd=REPO, env=env, capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][1] == "True" and runs[1] == [runs[0][0], "False"]


def test_words_reads_the_shipped_file() -> None:
    assert plan_words.words("task_table", "lead") == load_fresh(PLAN_WORDS_PATH)["task_table"]["lead"]
