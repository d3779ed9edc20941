"""`plandesk outline` as a process: text for people, the JSON contract for programs, no Qt or jieba."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def plandesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args], capture_output=True, text=True, encoding="utf-8", cwd=REPO
    )


def test_outline_json_contract(corpus_path):
    result = plandesk("outline", str(corpus_path("zhenjiang")), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {"title", "year", "metadata", "nodes"} <= data.keys()
    assert data["year"] == 2020
    goals = next(n for n in data["nodes"] if n["headline"] == "总体目标")
    assert [c["number"] for c in goals["children"]] == [1, 2, 3, 4, 5]
    first_section = next(n for n in data["nodes"] if n["marker"] == "一、")
    assert set(first_section) >= {"level", "marker", "number", "headline", "line", "children"}
    # Lines are the file's own lines, so a user can find them in the file on disk.
    assert first_section["line"] == 39


def test_outline_text_for_people(corpus_path):
    result = plandesk("outline", str(corpus_path("changzhou")))
    assert result.returncode == 0, result.stderr
    assert "一、深入学习贯彻党的二十大精神" in result.stdout
    assert "计划类别：教育行政部门" in result.stdout  # who the plan is for decides its required themes
    assert "  1.深入学习好宣传好贯彻好党的二十大精神  [目标任务] [工作措施·3点]  （第16行）" in result.stdout


def test_outline_path_imports_neither_qt_nor_jieba(corpus_path):
    code = (
        "import sys, runpy\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('PySide6', 'jieba', 'docx'):\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import desktop.plan.parse, desktop.plan.renumber, desktop.plan.read.store, desktop.cli\n"
        f"sys.argv = ['plandesk', 'outline', {str(corpus_path('wujin'))!r}]\n"
        "runpy.run_module('desktop', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, encoding="utf-8", cwd=REPO
    )
    assert result.returncode == 0, result.stderr
    assert "六、夯实基础保障" in result.stdout
