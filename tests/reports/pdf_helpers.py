"""Reading our PDFs back as a person or a checker would: text per page, fonts, images of pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

SUBSET = re.compile(r"^/?[A-Z]{6}\+")
STANDARD_14 = {"Helvetica", "Helvetica-Bold", "Courier", "Courier-Bold", "Times-Roman", "Symbol", "ZapfDingbats"}


def pdf_pages_text(data: bytes) -> list[str]:
    """The text of each page, as a reader of the PDF would copy it."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages_text(data))


def compact(text: str) -> str:
    """Text without whitespace, so words broken over lines still match."""
    return re.sub(r"\s+", "", text)


def page_fonts(data: bytes) -> list[dict]:
    """Each font used on any page: its name, whether a TrueType program is embedded."""
    from pypdf import PdfReader

    fonts: dict[str, dict] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in (page.get("/Resources", {}).get("/Font", {}) or {}).values():
            font = font.get_object()
            name = str(font.get("/BaseFont", ""))
            descriptor = font.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[name] = {"name": name.lstrip("/"), "embedded": "/FontFile2" in descriptor,
                           "subtype": str(font.get("/Subtype"))}
    return list(fonts.values())


def render_pngs(data: bytes, folder: Path, stem: str, *, dpi: int = 60) -> list[Path]:
    """Pages as PNG files made by poppler's pdftoppm (what a person looks at)."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{stem}-*.png"):
        old.unlink()
    pdf = folder / f"{stem}.pdf"
    pdf.write_bytes(data)
    subprocess.run([shutil.which("pdftoppm"), "-r", str(dpi), "-png", str(pdf), str(folder / stem)], check=True,
                   timeout=120)
    return sorted(folder.glob(f"{stem}-*.png"))
