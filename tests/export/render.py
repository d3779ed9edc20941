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
    return render_many([docx], outdir)[0]


def render_many(docxs: list[Path], outdir: Path) -> list[Path]:
    """Convert every file in one soffice run (starting LibreOffice costs more than a page)."""
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
                *(str(d) for d in docxs),
            ],
            env=env,
            check=False,
            capture_output=True,
            timeout=180 + 10 * len(docxs),
        )
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [Path(outdir) / (Path(d).stem + ".pdf") for d in docxs]
    for docx, pdf in zip(docxs, pdfs, strict=True):
        if not pdf.is_file():
            raise RuntimeError(f"LibreOffice produced no PDF for {docx}")
    return pdfs


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


TEXT_TOP_MM, TEXT_BOTTOM_MM = 37.0, 262.0  # the 版心 of the official template


def banji_top(page) -> float | None:
    """The y (pt) of the 版记's top rule: the first rule in the lower half of the page."""
    low = [r for r in horizontal_rules(page) if r[2] > page.rect.height / 2]
    return low[0][2] if low else None


def body_pages(pdf) -> list[list[Line]]:
    """Per page, the lines of the text block: above the page number and above the 版记."""
    pages = []
    for page in pdf:
        limit = TEXT_BOTTOM_MM * MM
        top_rule = banji_top(page)
        if top_rule is not None:
            limit = min(limit, top_rule)
        pages.append([line for line in page_lines(page) if line.top < limit])
    return pages


@dataclass
class Placed:
    """A paragraph of the .docx found in the render: its lines as (page index, line index)."""

    style: str
    text: str
    lines: list[tuple[int, int]]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def place(paragraphs: list[tuple[str, str]], pages: list[list[Line]]) -> list[Placed]:
    """Find each (style, text) paragraph, in order, as consecutive rendered lines; paragraphs not
    found (empty ones, text the renderer changed) are left out."""
    stream = [(p, i, _squeeze(line.text)) for p, lines in enumerate(pages) for i, line in enumerate(lines)]
    placed, k = [], 0
    for style, text in paragraphs:
        want = _squeeze(text)
        if not want:
            continue
        j = k
        while j < len(stream) and not (stream[j][2] and want.startswith(stream[j][2])):
            j += 1
        got, lines, m = "", [], j
        while m < len(stream) and len(got) < len(want) and want.startswith(got + stream[m][2]):
            got += stream[m][2]
            lines.append(stream[m][:2])
            m += 1
        if lines and got == want:
            placed.append(Placed(style, want, lines))
            k = m
    return placed


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
