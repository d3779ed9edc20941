"""PDF of an exported .docx through LibreOffice, when it is installed.

The PDF is the same document rendered by LibreOffice (``soffice --headless --convert-to pdf``),
not a second layout: what the writer checked in the .docx is what the PDF shows. LibreOffice runs
with a private, throw-away profile so that a LibreOffice the writer has open does not swallow the
conversion, and the PDF is written beside its final name and renamed like the .docx.
soffice exits 0 even when it fails, so success is the PDF existing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from desktop.plan.errors import InputError

NOT_INSTALLED = "没有找到 LibreOffice（soffice），无法导出 PDF。请安装 LibreOffice 后重试，或在 Word/WPS 中打开导出的 .docx 另存为 PDF。"


def find_soffice() -> str | None:
    """The soffice executable: on PATH, or where the Windows installer puts it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if sys.platform == "win32":
        for base in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if base:
                candidate = Path(base) / "LibreOffice" / "program" / "soffice.exe"
                if candidate.is_file():
                    return str(candidate)
    return None


def convert_to_pdf(docx: Path, out: Path, timeout: float = 180) -> Path:
    """Render ``docx`` to ``out`` (.pdf); an InputError in Chinese when it cannot be done."""
    exe = find_soffice()
    if exe is None:
        raise InputError(out, NOT_INSTALLED)
    docx, out = Path(docx), Path(out)
    with tempfile.TemporaryDirectory(prefix="plandesk-pdf-") as tmp:
        profile = Path(tmp) / "profile"
        outdir = Path(tmp) / "out"
        outdir.mkdir()
        command = [
            exe,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(docx),
        ]
        try:
            subprocess.run(command, check=False, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise InputError(out, f"LibreOffice 在 {int(timeout)} 秒内没有完成转换") from None
        except OSError as exc:
            raise InputError(out, f"无法启动 LibreOffice（{exc.strerror or exc}）") from None
        produced = outdir / (docx.stem + ".pdf")
        if not produced.is_file():
            raise InputError(out, "LibreOffice 没有生成 PDF（文件可能被占用，或 LibreOffice 无法打开它）")
        staged: Path | None = None
        try:
            # A staging file of its own (two windows may export the same name), removed on failure
            # (on Windows the target may be open in a PDF reader).
            fd, name = tempfile.mkstemp(prefix=f"{out.stem}.", suffix=".pdf.tmp", dir=out.parent)
            os.close(fd)
            staged = Path(name)
            shutil.copyfile(produced, staged)
            os.replace(staged, out)
        except OSError as exc:
            if staged is not None:
                staged.unlink(missing_ok=True)
            raise InputError(
                out, f"无法写入（{exc.strerror or type(exc).__name__}；文件是否正在 PDF 阅读器中打开？）"
            ) from None
    return out
