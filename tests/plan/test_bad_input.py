"""Bad input: a clear Chinese message naming the file, or a correct result — never a traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document

from desktop.plan.errors import InputError
from desktop.plan.markers import format_marker
from desktop.plan.model import MarkerStyle
from desktop.plan.read.loader import load_plan, load_source

REPO = Path(__file__).resolve().parents[2]


def expect_error(path, fragment):
    with pytest.raises(InputError) as raised:
        load_source(path)
    message = raised.value.message
    assert path.name in message and fragment in message, message
    return message


def test_truncated_docx(tmp_path):
    good = tmp_path / "good.docx"
    document = Document()
    document.add_paragraph("一、加强党建")
    document.save(good)
    data = good.read_bytes()
    broken = tmp_path / "残缺.docx"
    broken.write_bytes(data[: len(data) // 2])
    expect_error(broken, "损坏")


def test_zip_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "压缩包.docx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("readme.txt", "hello")
    expect_error(path, "不是 Word 文档")


def test_old_doc_format_is_explained(tmp_path):
    path = tmp_path / "旧文档.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    expect_error(path, "另存为")
    renamed = tmp_path / "改名.docx"
    renamed.write_bytes(path.read_bytes())
    expect_error(renamed, "另存为")


def test_old_word_recognised_by_content_or_name(tmp_path):
    disguised = tmp_path / "其实是doc.txt"
    disguised.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000))
    expect_error(disguised, "另存为")
    rtf_named_doc = tmp_path / "富文本.doc"
    rtf_named_doc.write_bytes(b"{\\rtf1\\ansi hello}")
    expect_error(rtf_named_doc, "另存为")


def test_twenty_megabyte_text_is_refused_quickly(tmp_path):
    path = tmp_path / "巨大.txt"
    path.write_bytes(("一、加强党建。" * 100 + "\n").encode("utf-8") * 10000)
    assert path.stat().st_size > 20 * 1024 * 1024
    expect_error(path, "太大")


def test_missing_file_and_folder(tmp_path):
    expect_error(tmp_path / "没有.txt", "不存在")
    folder = tmp_path / "目录.txt"
    folder.mkdir()
    expect_error(folder, "文件夹")


def test_docx_renamed_txt_still_opens(tmp_path):
    document = Document()
    document.add_paragraph("2027年某区教育工作要点")
    document.add_paragraph("一、加强党建")
    path = tmp_path / "其实是docx.txt"
    document.save(path)
    source, plan = load_plan(path)
    assert source.kind == "docx"
    assert [n.marker_text for n in plan.nodes] == ["一、"]


def test_plan_with_two_thousand_items(tmp_path):
    lines = ["2027年某区教育工作要点"]
    for section in range(1, 41):
        lines.append(format_marker(MarkerStyle.CN_DUN, section) + "第" + str(section) + "部分")
        for item in range(1, 51):
            lines.append(f"{(section - 1) * 50 + item}.事项{item}。内容。")
    path = tmp_path / "很长.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    _, plan = load_plan(path)
    assert len(plan.nodes) == 40
    assert len(plan.items()) == 2000


def test_text_with_no_markers(tmp_path):
    path = tmp_path / "无编号.txt"
    path.write_text("今年要做好各项工作。\n请各单位认真落实。\n", encoding="utf-8")
    _, plan = load_plan(path)
    assert plan.nodes == ()


def test_cli_exit_2_with_message_and_no_traceback(tmp_path):
    path = tmp_path / "坏文件.txt"
    path.write_bytes(bytes(range(256)) * 10)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "outline", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
    )
    assert result.returncode == 2
    assert "坏文件.txt" in result.stderr and "Traceback" not in result.stderr
