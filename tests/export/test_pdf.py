"""PDF export through LibreOffice: the CLI's --pdf, and a clear message when it is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.plan.export.pdf import NOT_INSTALLED, find_soffice

DATA = Path(__file__).with_name("data")


@pytest.mark.render
@pytest.mark.skipif(find_soffice() is None, reason="没有安装 LibreOffice（soffice），无法导出 PDF")
def test_cli_writes_the_pdf_beside_the_docx(tmp_path, capsys):
    import pymupdf

    from desktop.cli import main

    out = tmp_path / "要点.docx"
    assert main(["export", str(DATA / "hand_built.txt"), "-o", str(out), "--pdf"]) == 0
    pdf = out.with_suffix(".pdf")
    assert pdf.is_file() and "已导出 PDF" in capsys.readouterr().out
    document = pymupdf.open(pdf)
    assert document.page_count >= 1
    assert "一、" in document[0].get_text()
    assert not list(tmp_path.glob(".*"))  # no staging file left behind


def test_without_libreoffice_the_docx_is_kept_and_the_message_says_why(tmp_path, monkeypatch, capsys):
    from desktop.cli import main

    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.delenv("PROGRAMFILES", raising=False)
    assert find_soffice() is None
    out = tmp_path / "要点.docx"
    assert main(["export", str(DATA / "hand_built.txt"), "-o", str(out), "--pdf"]) != 0
    assert out.is_file() and not out.with_suffix(".pdf").exists()
    assert NOT_INSTALLED in capsys.readouterr().err


def test_an_existing_pdf_is_not_overwritten_without_force(tmp_path, capsys):
    from desktop.cli import main

    out = tmp_path / "要点.docx"
    out.with_suffix(".pdf").write_bytes(b"%PDF-1.4 mine")
    assert main(["export", str(DATA / "hand_built.txt"), "-o", str(out), "--pdf"]) != 0
    assert out.with_suffix(".pdf").read_bytes() == b"%PDF-1.4 mine" and not out.exists()
    assert "--force" in capsys.readouterr().err
