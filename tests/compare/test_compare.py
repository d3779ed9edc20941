"""Comparison on hand-written plans and across bureaus; the ``plandesk compare`` command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from desktop.plan.compare import ChangeKind, compare_plans
from desktop.plan.parse import parse
from desktop.plan.read.loader import load_plan
from tests.conftest import REPO

OLD = """2023年某区教育工作要点
2023年是全面贯彻落实党的二十大精神的开局之年。
一、办好人民满意的教育
1.扩大学前教育资源。新增幼儿园学位2100个，学前三年毛入园率达99%以上。
2.推进中小学建设。新建中小学8所，改扩建学校3所。
3.加强师德师风建设。以庆祝第39个教师节为契机，选树一批师德典型。
二、保障安全
4.维护校园安全稳定。开展安全隐患排查整治，确保全年不发生重大安全责任事故。
"""

NEW = """2024年某区教育工作要点
2023年是全面贯彻落实党的二十大精神的开局之年。
一、办好人民满意的教育
1.推进中小学建设。新建中小学10所，改扩建学校3所。
2.扩大学前教育资源。新增幼儿园学位2400个，学前三年毛入园率达99%以上。
3.加强师德师风建设。以庆祝第39个教师节为契机，选树一批师德典型。
二、保障安全
4.维护校园安全稳定。开展安全隐患排查整治，确保全年不发生重大安全责任事故。
5.加强校园食品安全管理。落实校长陪餐制度，食堂“明厨亮灶”覆盖率达100%。
"""


def test_hand_built_pairs_and_targets():
    result = compare_plans(parse(OLD), parse(NEW))
    got = [(p.old.path, p.new.path, p.kind) for p in result.pairs]
    assert ("一、/2.", "一、/1.", ChangeKind.EDITED) in got  # a target changed, renumbered
    assert ("一、/1.", "一、/2.", ChangeKind.MOVED) in got  # swapped: one of the two moved
    assert ("一、/3.", "一、/3.", ChangeKind.UNCHANGED) in got
    assert [u.path for u in result.added] == ["二、/5."]
    assert result.removed == ()
    changes = [(t.kind, t.subject, t.old and t.old.text, t.new and t.new.text) for t in result.target_changes]
    assert changes == [
        ("changed", "新建中小学", "8所", "10所"),
        ("changed", "新增幼儿园学位", "2100个", "2400个"),
        ("new", "覆盖率", None, "100%"),
    ]


def test_carried_over_ordinal_and_stage():
    result = compare_plans(parse(OLD), parse(NEW))
    found = [(c.line, c.term) for c in result.carried_over]
    assert found == [(2, "2023年"), (6, "第39个教师节")]
    assert "第40个教师节" in result.carried_over[1].reason


def test_stage_phrase_without_year_is_carried_over():
    old = "2021年某县教育工作意见\n今年是“十四五”开局之年，要开好局、起好步。\n一、总体任务\n1.抓好开局。\n"
    new = old.replace("2021年某县", "2022年某县").replace("1.抓好开局。", "1.抓好落实。")
    found = [c.term for c in compare_plans(parse(old), parse(new)).carried_over]
    assert found == ["开局之年"]


def test_same_year_has_nothing_carried_over():
    assert compare_plans(parse(OLD), parse(OLD)).carried_over == ()


def test_identical_plan_is_all_unchanged():
    result = compare_plans(parse(NEW), parse(NEW))
    assert {p.kind for p in result.pairs} == {ChangeKind.UNCHANGED}
    assert len(result.pairs) == sum(1 for _ in parse(NEW).walk())
    assert result.target_changes == ()


def test_two_bureaus_are_mostly_unmatched(corpus_path):
    _, old = load_plan(corpus_path("huishan"))
    _, new = load_plan(corpus_path("changzhou"))
    result = compare_plans(old, new)
    assert all(p.similarity >= result.threshold for p in result.pairs)
    old_items, new_items = len(old.items()), len(new.items())
    paired_items = sum(1 for p in result.pairs if not p.old.is_section)
    assert paired_items <= 0.25 * min(old_items, new_items)
    assert len([u for u in result.removed if not u.is_section]) >= 0.75 * old_items


def test_lower_threshold_pairs_more_but_never_below_it(corpus_path):
    _, old = load_plan(corpus_path("wujin"))
    _, new = load_plan(corpus_path("zhenjiang"))
    strict, loose = compare_plans(old, new), compare_plans(old, new, threshold=0.2)
    assert len(loose.pairs) > len(strict.pairs)
    assert min(p.similarity for p in loose.pairs) >= 0.2


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", "compare", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


@pytest.fixture()
def plan_files(tmp_path):
    old, new = tmp_path / "2023.txt", tmp_path / "2024.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_cli_json_shape(plan_files):
    old, new = plan_files
    done = _cli(str(old), str(new), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert {"pairs", "added", "removed", "target_changes"} <= data.keys()
    assert {"old", "new", "similarity"} <= data["pairs"][0].keys()
    assert {p["old"]: p["new"] for p in data["pairs"]}["一、/2."] == "一、/1."
    assert data["added"][0]["path"] == "二、/5." and data["added"][0]["line"] == 9
    change = data["target_changes"][1]
    assert {k: change[k] for k in ("subject", "old", "new", "old_line", "new_line")} == {
        "subject": "新增幼儿园学位",
        "old": "2100个",
        "new": "2400个",
        "old_line": 4,
        "new_line": 5,
    }
    assert data["summary"]["targets_changed"] == 2


def test_cli_text_summary(plan_files):
    old, new = plan_files
    done = _cli(str(old), str(new))
    assert done.returncode == 0
    assert "未改 4，修改 1，移动 1，新增 1，删除 0，指标变化 2" in done.stdout
    assert "新增幼儿园学位 2100个 → 2400个" in done.stdout


def test_cli_bad_input(tmp_path, plan_files):
    old, _ = plan_files
    missing = _cli(str(old), str(tmp_path / "没有.txt"))
    assert missing.returncode == 2 and "没有.txt" in missing.stderr and "Traceback" not in missing.stderr
    flat = tmp_path / "flat.txt"
    flat.write_text("只有一段文字，没有任何编号。\n", encoding="utf-8")
    done = _cli(str(flat), str(old))
    assert done.returncode == 2 and "flat.txt" in done.stderr and "标题或条目" in done.stderr
