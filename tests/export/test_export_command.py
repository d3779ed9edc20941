"""``plandesk export``: never overwrites the input, refuses an existing output, writes atomically."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx

from tests.export.conftest import DATA

REPO = Path(__file__).resolve().parents[2]


def plandesk(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "desktop.cli", *args], cwd=REPO, capture_output=True, text=True, timeout=120
    )


def draft(tmp_path: Path) -> Path:
    path = tmp_path / "要点.txt"
    shutil.copyfile(DATA / "hand_built.txt", path)
    return path


def test_exports_a_docx(tmp_path):
    out = tmp_path / "要点.docx"
    result = plandesk("export", str(draft(tmp_path)), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "已导出" in result.stdout
    assert docx.Document(str(out)).paragraphs[0].text == "某某区2026年教育工作要点"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_refuses_an_existing_output_unless_forced(tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    result = plandesk("export", str(draft(tmp_path)), "-o", str(out))
    assert result.returncode == 2
    assert "已存在" in result.stderr and "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert plandesk("export", str(draft(tmp_path)), "-o", str(out), "--force").returncode == 0
    assert out.read_bytes()[:2] == b"PK"


def test_never_overwrites_the_input(tmp_path):
    source = tmp_path / "plan.docx"
    assert plandesk("export", str(draft(tmp_path)), "-o", str(source)).returncode == 0
    before = source.read_bytes()
    result = plandesk("export", str(source), "-o", str(source), "--force")
    assert result.returncode == 2
    assert "输入文件" in result.stderr
    assert source.read_bytes() == before


def test_unusable_input_and_template_exit_2_with_chinese_message(tmp_path):
    missing = plandesk("export", str(tmp_path / "无此文件.txt"), "-o", str(tmp_path / "o.docx"))
    assert missing.returncode == 2 and "无此文件.txt" in missing.stderr and "Traceback" not in missing.stderr
    bad = tmp_path / "坏模板.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = plandesk("export", str(draft(tmp_path)), "-o", str(tmp_path / "o.docx"), "--template", str(bad))
    assert result.returncode == 2 and "坏模板.docx" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "o.docx").exists()
    wrong = plandesk("export", str(draft(tmp_path)), "-o", str(tmp_path / "o.pdf"))
    assert wrong.returncode == 2 and ".docx" in wrong.stderr


def test_template_without_the_named_styles_is_refused(tmp_path):
    plain = tmp_path / "plain.docx"
    docx.Document().save(plain)
    result = plandesk(
        "export", str(draft(tmp_path)), "-o", str(tmp_path / "o.docx"), "--template", str(plain)
    )
    assert result.returncode == 2 and "模板缺少样式" in result.stderr


def test_tasks_option_writes_the_task_table(tmp_path):
    out = tmp_path / "分解表.docx"
    result = plandesk("export", str(draft(tmp_path)), "-o", str(out), "--tasks")
    assert result.returncode == 0, result.stderr
    table = docx.Document(str(out)).tables[0]
    assert table.rows[0].cells[0].text == "序号" and len(table.rows) == 7


def test_a_profile_beside_a_template_changes_fonts_without_code(tmp_path):
    from desktop.plan.export.docx_writer import DEFAULT_TEMPLATE

    template = tmp_path / "本局.docx"
    shutil.copyfile(DEFAULT_TEMPLATE, template)
    profile = DEFAULT_TEMPLATE.with_suffix(".yaml").read_text(encoding="utf-8")
    (tmp_path / "本局.yaml").write_text(
        profile.replace("[仿宋_GB2312, 仿宋, FangSong]", "[仿宋, FangSong]"), "utf-8"
    )
    out = tmp_path / "o.docx"
    assert (
        plandesk("export", str(draft(tmp_path)), "-o", str(out), "--template", str(template)).returncode == 0
    )
    styles = docx.Document(str(out)).styles
    fonts = styles["正文"].element.rPr.rFonts
    assert fonts.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia") == "仿宋"
