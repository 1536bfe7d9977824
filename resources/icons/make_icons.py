"""Draw the application icon (a white house with 社 on a teal rounded square) at every size the installers need.

Run from anywhere with the project's venv: ``.venv/bin/python resources/icons/make_icons.py``.
It writes ``ningbo-sw-<N>.png`` for N in SIZES and ``ningbo-sw.ico`` (Windows) next to itself.
Each size is drawn on its own so small icons stay crisp; 16 and 32 px drop the house and
show the character alone, which is what stays legible at that size.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt  # noqa: E402
from PySide6.QtGui import (  # noqa: E402
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)

HERE = Path(__file__).resolve().parent
FONT = HERE.parent / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
TEAL_LIGHT, TEAL_DARK = QColor("#19a7a1"), QColor("#0b6f6e")
CORAL = QColor("#f26b5b")
GLYPH = "社"


def font_family() -> str:
    """Register the bundled WenQuanYi font so the glyph looks the same on every machine."""
    font_id = QFontDatabase.addApplicationFont(str(FONT))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise SystemExit(f"cannot load {FONT}")
    return families[0]


def glyph_path(family: str, box: QRectF, *, weight: QFont.Weight = QFont.Weight.Bold) -> QPainterPath:
    """The character as an outline, scaled to fill ``box`` (outlines centre exactly, text does not)."""
    font = QFont(family)
    font.setPixelSize(200)
    font.setWeight(weight)
    path = QPainterPath()
    path.addText(QPointF(0, 0), font, GLYPH)
    bounds = path.boundingRect()
    scale = min(box.width() / bounds.width(), box.height() / bounds.height())
    path.translate(-bounds.center())
    transform = QTransform()
    transform.translate(box.center().x(), box.center().y())
    transform.scale(scale, scale)
    return transform.map(path)


def background(painter: QPainter, size: int) -> None:
    """The teal rounded square every variant stands on."""
    margin = size * 0.04
    rect = QRectF(margin, margin, size - 2 * margin, size - 2 * margin)
    gradient = QLinearGradient(rect.topLeft(), rect.bottomRight())
    gradient.setColorAt(0.0, TEAL_LIGHT)
    gradient.setColorAt(1.0, TEAL_DARK)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(gradient)
    radius = rect.width() * 0.22
    painter.drawRoundedRect(rect, radius, radius)


def house_path(size: int) -> tuple[QPainterPath, QRectF, QPointF]:
    """A house silhouette; returns it, the wall area where 社 goes and the gable's centre for the heart."""
    s = size
    left, right = s * 0.22, s * 0.78
    eave, apex, bottom = s * 0.44, s * 0.16, s * 0.82
    overhang = s * 0.07
    path = QPainterPath()
    path.moveTo(s * 0.5, apex)
    path.lineTo(right + overhang, eave)
    path.lineTo(right, eave)
    path.lineTo(right, bottom)
    path.lineTo(left, bottom)
    path.lineTo(left, eave)
    path.lineTo(left - overhang, eave)
    path.closeSubpath()
    wall = QRectF(left + s * 0.07, eave + s * 0.035, (right - left) - s * 0.14, bottom - eave - s * 0.08)
    gable = QPointF(s * 0.5, apex + (eave - apex) * 0.58)
    return path, wall, gable


def heart_path(centre: QPointF, width: float) -> QPainterPath:
    """A small heart: care, in the gable of the house."""
    w, h = width, width * 0.9
    x, y = centre.x() - w / 2, centre.y() - h / 2
    path = QPainterPath()
    path.moveTo(x + w / 2, y + h)
    path.cubicTo(x - w * 0.1, y + h * 0.55, x + w * 0.05, y - h * 0.1, x + w / 2, y + h * 0.28)
    path.cubicTo(x + w * 0.95, y - h * 0.1, x + w * 1.1, y + h * 0.55, x + w / 2, y + h)
    return path


def fill_bold(painter: QPainter, path: QPainterPath, colour: QColor, stroke: float) -> None:
    """Fill an outline and trace it once more: the font has no bold, and thin strokes vanish when small."""
    painter.setBrush(colour)
    painter.setPen(QPen(colour, stroke, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)


def draw(size: int, family: str) -> QImage:
    """One icon, drawn at its final size."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    background(painter, size)
    if size <= 32:
        pad = size * 0.17
        fill_bold(painter, glyph_path(family, QRectF(pad, pad, size - 2 * pad, size - 2 * pad)), QColor("white"),
                  size * 0.03)
    else:
        house, wall, gable = house_path(size)
        painter.setBrush(QColor("white"))
        painter.drawPath(house)
        fill_bold(painter, glyph_path(family, wall), TEAL_DARK, size * 0.014)
        painter.setBrush(CORAL)
        painter.drawPath(heart_path(gable, size * 0.11))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    """The image as PNG data (for files and for the large entries of the .ico)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def dib_bytes(image: QImage) -> bytes:
    """A 32-bit BMP entry with its AND mask: what old Windows shells and Inno Setup read best at small sizes."""
    size = image.width()
    argb = image.convertToFormat(QImage.Format.Format_ARGB32)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    rows, mask_rows = [], []
    mask_stride = ((size + 31) // 32) * 4
    for y in range(size - 1, -1, -1):  # bottom-up
        row, bits = bytearray(), bytearray(mask_stride)
        for x in range(size):
            pixel = argb.pixel(x, y)
            row += struct.pack("<I", pixel)  # 0xAARRGGBB stored little-endian = B, G, R, A
            if (pixel >> 24) == 0:
                bits[x // 8] |= 0x80 >> (x % 8)
        rows.append(bytes(row))
        mask_rows.append(bytes(bits))
    return header + b"".join(rows) + b"".join(mask_rows)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A multi-size .ico: BMP entries up to 48 px, PNG above (Windows Vista and later read both)."""
    entries = [(size, dib_bytes(img) if size <= 48 else png_bytes(img)) for size, img in sorted(images.items())]
    offset = 6 + 16 * len(entries)
    directory, blobs = bytearray(struct.pack("<HHH", 0, 1, len(entries))), bytearray()
    for size, blob in entries:
        dim = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset + len(blobs))
        blobs += blob
    return bytes(directory + blobs)


def main(out: Path = HERE) -> list[Path]:
    """Write every PNG size and the .ico; returns the files written."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # fonts and painting need one
    family = font_family()
    images = {size: draw(size, family) for size in SIZES}
    written = []
    for size, image in images.items():
        path = out / f"ningbo-sw-{size}.png"
        path.write_bytes(png_bytes(image))
        written.append(path)
    ico = out / "ningbo-sw.ico"
    ico.write_bytes(ico_bytes({s: images[s] for s in ICO_SIZES}))
    written.append(ico)
    app.processEvents()
    return written


if __name__ == "__main__":
    for written_path in main():
        print(written_path.relative_to(HERE.parent.parent))
