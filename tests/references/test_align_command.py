"""``plandesk align``: the JSON contract, the files' own lines, the remembered 不适用 marks, exits."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.plan.read.loader import load_source
from desktop.plan.references.remembered import NotApplicableStore

SUPERIOR = "2020_zhenjiang_city_webpage.txt"
DRAFT = "2020_changzhou_wujin_district.txt"


def run_json(capsys, *args: str) -> dict:
    assert main(["align", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def outline_lines(capsys, path) -> dict[str, int]:
    """headline → line, as ``plandesk outline --json`` reports them (the files' own lines)."""
    assert main(["outline", str(path), "--json"]) == 0
    found: dict[str, int] = {}

    def walk(nodes):
        for node in nodes:
            found.setdefault(node["headline"], node["line"])
            walk(node["children"])

    walk(json.loads(capsys.readouterr().out)["nodes"])
    return found


def test_json_contract_and_file_lines(capsys, corpus_path):
    superior, draft = corpus_path(SUPERIOR), corpus_path(DRAFT)
    data = run_json(capsys, str(superior), str(draft))
    assert set(data) == {"superior", "draft", "tasks", "targets", "summary"}
    assert data["superior"] == str(superior) and data["draft"] == str(draft)
    task = data["tasks"][0]
    assert set(task) == {"path", "headline", "line", "status", "matches"}
    assert data["tasks"][0]["status"] == "unanswered"  # unanswered first
    matched = next(t for t in data["tasks"] if t["matches"])
    assert set(matched["matches"][0]) == {"path", "headline", "line", "similarity"}
    assert 0 < matched["matches"][0]["similarity"] <= 1
    # The web page's furniture is cleaned away, so the text's lines are not the file's: the lines
    # given are the file's own, the same as the outline command's.
    superior_lines, draft_lines = outline_lines(capsys, superior), outline_lines(capsys, draft)
    assert load_source(superior).origin[0] != 1
    for entry in data["tasks"]:
        assert entry["line"] == superior_lines[entry["headline"]]
        for match in entry["matches"]:
            assert match["line"] == draft_lines[match["headline"]]
    summary = data["summary"]
    assert summary["tasks"] == len(data["tasks"]) == 31
    assert sum(summary[s] for s in ("unanswered", "partial", "answered", "not_applicable")) == 31
    rate = next(t for t in data["targets"] if t["subject"] == "学生体质健康合格率")
    assert rate["verdict"] == "missing" and rate["required"] == "95%以上"
    raw = superior.read_text(encoding="utf-8").splitlines()
    assert "95%以上" in raw[rate["required_line"] - 1]


def test_text_report_lists_unanswered_first_in_chinese(capsys, corpus_path):
    assert main(["align", str(corpus_path(SUPERIOR)), str(corpus_path(DRAFT))]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[1].startswith("上级任务 31 项：未对应")
    assert out.index("\n未对应（") < out.index("\n部分对应（") < out.index("\n已对应\n")
    assert "县管校聘" in out and "→ 三11  深化人事制度改革" in out
    assert "指标核对" in out


def test_marks_made_in_the_window_are_read_and_flags_add_more(capsys, corpus_path):
    superior, draft = corpus_path(SUPERIOR), corpus_path(DRAFT)
    text = load_source(superior).text
    NotApplicableStore().mark(text, "二13", True)  # what the view does when a task is marked 不适用
    data = run_json(capsys, str(superior), str(draft), "--not-applicable", "二15")
    marked = [t["path"] for t in data["tasks"] if t["status"] == "not_applicable"]
    assert marked == ["二13", "二15"]
    assert data["tasks"][-1]["status"] == "not_applicable"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["missing.txt", DRAFT], "missing.txt"),
        ([SUPERIOR, DRAFT, "--not-applicable", "九9"], "九9"),
    ],
)
def test_unusable_input_exits_2_with_the_file_named(capsys, corpus_path, tmp_path, args, said):
    paths = [str(corpus_path(a)) if a.endswith(".txt") and a != "missing.txt" else a for a in args]
    paths = [str(tmp_path / p) if p == "missing.txt" else p for p in paths]
    assert main(["align", *paths]) == 2
    assert said in capsys.readouterr().err


def test_a_text_without_items_is_refused(capsys, corpus_path, tmp_path):
    empty = tmp_path / "散文.txt"
    empty.write_text("今年要把教育办好。\n", encoding="utf-8")
    assert main(["align", str(empty), str(corpus_path(DRAFT))]) == 2
    assert "散文.txt" in capsys.readouterr().err
