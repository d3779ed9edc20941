"""`plandesk check` and `plandesk rules` run as real processes on real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def plandesk(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )


def write(tmp_path: Path, text: str, name: str = "plan.txt") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_check_reports_lines_grouped_by_severity(tmp_path: Path) -> None:
    path = write(tmp_path, "2024年教育工作要点\n\n一、加强党建\n1.抓学习,抓落实。\n2.抓班子。\n2.抓队伍。\n")
    result = plandesk("check", str(path), "--select", "S,P")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("错误")
    assert f"{path}:6:1: S002 " in result.stdout
    assert f"{path}:4:6: P002 " in result.stdout
    assert result.stdout.index("S002") < result.stdout.index("P002")  # errors before warnings
    assert lines[-1] == "共 2 个问题：错误 1，警告 1，提示 0"


def test_check_json_contract_and_clean_exit(tmp_path: Path) -> None:
    path = write(tmp_path, "2024年教育工作要点\n\n一、加强党建\n1.抓学习,抓落实。\n2.抓班子。\n")
    result = plandesk("check", str(path), "--json", "--select", "P", "--year", "2025")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == str(path) and data["year"] == 2025
    assert data["summary"] == {"error": 0, "warning": 1, "info": 0}
    (finding,) = data["findings"]
    for key in ("code", "severity", "message", "line", "column", "end_line", "end_column", "excerpt", "fix"):
        assert key in finding
    assert finding["code"] == "P002" and finding["line"] == 4
    assert finding["fix"][0]["replacement"] == "，"


def test_line_numbers_are_the_files_own(corpus_path) -> None:
    """The Changzhou page has clutter removed on import; the quote is on line 162 of the file."""
    path = corpus_path("changzhou")
    result = plandesk("check", str(path), "--select", "P001", "--json")
    data = json.loads(result.stdout)
    (finding,) = data["findings"]
    file_line = path.read_text(encoding="utf-8").splitlines()[finding["line"] - 1]
    assert "推进十四五”" in file_line
    assert result.returncode == 1


def test_ignore_and_config(tmp_path: Path) -> None:
    path = write(tmp_path, "一、加强党建\n1.抓学习,抓落实。\n")
    config = write(tmp_path, "severity: {P002: error}\n", "checks.yaml")
    assert plandesk("check", str(path), "--config", str(config), "--select", "P").returncode == 1
    assert plandesk("check", str(path), "--ignore", "P002", "--select", "P").stdout.strip() == "未发现问题"


def test_unusable_input_exits_2_with_chinese_message(tmp_path: Path) -> None:
    missing = plandesk("check", str(tmp_path / "nothing.txt"))
    assert missing.returncode == 2 and "nothing.txt" in missing.stderr and "Traceback" not in missing.stderr
    path = write(tmp_path, "一、加强党建\n")
    bad = write(tmp_path, "severity: [\n", "broken.yaml")
    result = plandesk("check", str(path), "--config", str(bad))
    assert result.returncode == 2 and "broken.yaml" in result.stderr and "Traceback" not in result.stderr


def test_rules_lists_every_rule() -> None:
    from checks.rules import ALL_RULES

    result = plandesk("rules")
    assert result.returncode == 0
    for rule in ALL_RULES:
        assert f"{rule.code}  {rule.severity.label}  {rule.title}" in result.stdout
    data = json.loads(plandesk("rules", "--json").stdout)
    assert [r["code"] for r in data["rules"]] == [r.code for r in ALL_RULES]


def test_check_process_stays_light(corpus_path) -> None:
    """No jieba and no Qt on the check path without themes: they cost start-up time it cannot afford.

    The theme rules (T) need jieba; ``--ignore T`` is the light path the budget is set for.
    """
    code = (
        "import sys, contextlib, io\n"
        "from desktop.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['check', {str(corpus_path('huishan'))!r}, '--ignore', 'T'])\n"
        "print(sorted(m for m in ('jieba', 'PySide6') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_check_gives_the_files_own_column_past_an_indent(tmp_path: Path) -> None:
    path = write(tmp_path, "2024年教育工作要点\n\n一、加强党建\n　　1.抓学习,抓落实。\n")
    result = plandesk("check", str(path), "--select", "P", "--json")
    rows = json.loads(result.stdout)["findings"]
    comma = next(row for row in rows if row["code"] == "P002")
    assert (comma["line"], comma["column"]) == (4, 8)  # the indent's two 全角 spaces count
    assert path.read_text(encoding="utf-8").split("\n")[3][7] == ","


def test_argparse_speaks_chinese_and_a_mistyped_command_is_named(tmp_path: Path) -> None:
    helped = plandesk("--help")
    assert "用法：" in helped.stdout and "显示本帮助并退出" in helped.stdout
    assert "usage:" not in helped.stdout and "show this help" not in helped.stdout
    missing = plandesk("export", str(write(tmp_path, "一、加强党建\n")))
    assert missing.returncode == 2 and "缺少必需的参数" in missing.stderr
    typo = plandesk("chek", "x.txt")
    assert typo.returncode == 2 and "“chek”" in typo.stderr and "“check”" in typo.stderr
