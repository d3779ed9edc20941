"""Draw PlanDesk's icon: a red rounded square with a white “要”, as PNGs and a Windows .ico.

Qt draws it (offscreen, no display needed), so making the icon needs nothing beyond the app's own
dependencies. The results are committed in ``packaging/icons/``; run this again only to change the
design:

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/make_icon.py

Drawing “要” needs a Simplified Chinese font (Noto Serif/Sans CJK SC, or Source Han); without one
the script stops rather than draw a box. The .ico holds PNG images (readable since Windows Vista),
written here by hand because Qt's ICO writer stores a single size.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QGuiApplication, QImage, QLinearGradient, QPainter

ICONS = Path(__file__).resolve().parent / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# A serif “要” reads as 公文 at large sizes; its thin strokes vanish below 48 px, where a bold sans holds.
SERIF = ("Noto Serif CJK SC", "Source Han Serif SC")
SANS = ("Noto Sans CJK SC", "Source Han Sans SC")
SMALL = 48
GLYPH = "要"


def cjk_family(preferred: tuple[str, ...]) -> str:
    """The first installed Simplified Chinese font of ``preferred``, else of any of ours."""
    installed = set(QFontDatabase.families())
    for family in (*preferred, *SERIF, *SANS):
        if family in installed:
            return family
    sys.exit(f"make_icon: no Chinese font found (install fonts-noto-cjk); tried {', '.join(SERIF + SANS)}")


def draw(size: int) -> QImage:
    """The icon at ``size`` pixels: a rounded square (a margin of 1/16) in 公文 red, “要” in white."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    margin = size / 16 if size >= 32 else 0.5
    square = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(square.topLeft(), square.bottomLeft())
    gradient.setColorAt(0.0, QColor("#d7372b"))
    gradient.setColorAt(1.0, QColor("#a8180f"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    radius = square.width() * 0.2
    painter.drawRoundedRect(square, radius, radius)
    font = QFont(cjk_family(SERIF if size >= SMALL else SANS))
    font.setWeight(QFont.Weight.Bold)
    font.setPixelSize(round(square.height() * 0.72))
    painter.setFont(font)
    painter.setPen(QColor("#ffffff"))
    painter.drawText(square, Qt.AlignmentFlag.AlignCenter, GLYPH)
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def write_ico(path: Path, images: dict[int, bytes]) -> None:
    """An ICO file of PNG images: ICONDIR, one ICONDIRENTRY per size, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    path.write_bytes(header + entries + blobs)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (fonts need it)
    ICONS.mkdir(exist_ok=True)
    rendered = {size: png_bytes(draw(size)) for size in sorted(set(PNG_SIZES) | set(ICO_SIZES))}
    for size in PNG_SIZES:
        (ICONS / f"plandesk-{size}.png").write_bytes(rendered[size])
    write_ico(ICONS / "plandesk.ico", {size: rendered[size] for size in ICO_SIZES})
    print(f"make_icon: {len(PNG_SIZES)} PNGs and plandesk.ico in {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
