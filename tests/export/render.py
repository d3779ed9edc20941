"""Render an export with LibreOffice and measure the PDF with PyMuPDF (the measurements GB/T 9704—2012 prescribes).

Used by the render tests and by ``python -m tests.export.render FILE.docx OUT.png`` to make
docs/export-page.png. LibreOffice runs with a private profile per call and FONTCONFIG_FILE
pointing at fonts.conf beside this file, so the 公文 fonts get metric stand-ins.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

FONTS_CONF = Path(__file__).with_name("fonts.conf")
MM = 72 / 25.4  # points per millimetre


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def render_pdf(docx: Path, outdir: Path) -> Path:
    """Convert ``docx`` to PDF in ``outdir``; soffice exits 0 even on failure, so check the file."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("soffice not found")
    profile = tempfile.mkdtemp(prefix="lo-profile-")
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=profile)
    try:
        subprocess.run(
            [
                exe,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                str(docx),
            ],
            env=env,
            check=False,
            capture_output=True,
            timeout=180,
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdf = Path(outdir) / (Path(docx).stem + ".pdf")
    if not pdf.is_file():
        raise RuntimeError(f"LibreOffice produced no PDF for {docx}")
    return pdf


@dataclass
class Line:
    """One baseline of glyphs on a page (coordinates in points from the top-left corner)."""

    baseline: float
    chars: list[tuple[str, float, float, float, float]]  # (c, x0, y0, x1, y1)

    @property
    def text(self) -> str:
        return "".join(c for c, *_ in self.chars)

    @property
    def x0(self) -> float:
        return min(x0 for _, x0, _, _, _ in self.chars)

    @property
    def x1(self) -> float:
        return max(x1 for _, _, _, x1, _ in self.chars)

    @property
    def top(self) -> float:
        return min(y0 for _, _, y0, _, _ in self.chars)


def page_lines(page) -> list[Line]:
    """Visible characters grouped by baseline (within 1 pt), top to bottom, left to right."""
    raw = page.get_text("rawdict")
    chars = []
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    if ch["c"].strip():
                        x0, y0, x1, y1 = ch["bbox"]
                        chars.append((ch["origin"][1], ch["c"], x0, y0, x1, y1))
    chars.sort(key=lambda c: (round(c[0], 0), c[2]))
    lines: list[Line] = []
    for base, c, x0, y0, x1, y1 in chars:
        if lines and abs(lines[-1].baseline - base) < 1.0:
            lines[-1].chars.append((c, x0, y0, x1, y1))
        else:
            lines.append(Line(base, [(c, x0, y0, x1, y1)]))
    for line in lines:
        line.chars.sort(key=lambda c: c[1])
    return lines


def horizontal_rules(page) -> list[tuple[float, float, float, float]]:
    """Horizontal strokes and thin filled rectangles as (x0, x1, y, thickness) in points."""
    rules = []
    for drawing in page.get_drawings():
        for item in drawing["items"]:
            if item[0] == "l":
                p1, p2 = item[1], item[2]
                if abs(p1.y - p2.y) < 0.1:
                    rules.append((min(p1.x, p2.x), max(p1.x, p2.x), p1.y, drawing.get("width") or 0))
            elif item[0] == "re":
                rect = item[1]
                if rect.height < 2 and rect.width > 50:
                    rules.append((rect.x0, rect.x1, (rect.y0 + rect.y1) / 2, rect.height))
    return sorted(rules, key=lambda r: r[2])


def main(argv: list[str]) -> int:
    """``render FILE.docx OUT.png [PAGE]``: render one page (1-based) to a PNG with pdftoppm."""
    docx, png = Path(argv[0]), Path(argv[1])
    page = int(argv[2]) if len(argv) > 2 else 1
    with tempfile.TemporaryDirectory() as tmp:
        pdf = render_pdf(docx, Path(tmp))
        stem = Path(tmp) / "page"
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                "100",
                "-png",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
        shutil.copyfile(stem.with_suffix(".png"), png)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
