"""One place decides the font every document uses, so Chinese prints on any office PC.

Order: a configured TrueType path (argument or ``NINGBO_SW_PDF_FONT``), the bundled
WenQuanYi Micro Hei, a TrueType CJK font of the system, else ReportLab's built-in CID font
``STSong-Light`` (not embedded: many viewers then show blanks, so we warn). TrueType fonts
are embedded as subsets by ReportLab; WenQuanYi also carries Latin letters and digits.
"""

from __future__ import annotations

import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

from ..core.paths import resource_path

log = logging.getLogger(__name__)

ENV_VAR = "NINGBO_SW_PDF_FONT"
CID_FALLBACK = "STSong-Light"
FONT_NAME = "NingboCJK"

# TrueType (glyf outline) CJK fonts commonly found on office machines; OpenType/CFF
# fonts such as Noto Sans CJK cannot be embedded by ReportLab and are skipped.
SYSTEM_CANDIDATES = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
]


@dataclass(frozen=True)
class FontChoice:
    """The font documents are set in and where it came from (shown in About / diagnostics)."""

    name: str
    source: str  # "configured", "bundled", "system" or "cid"
    path: str | None
    embedded: bool


_lock = threading.Lock()
_chosen: dict[str | None, FontChoice] = {}


def _split_index(spec: str) -> tuple[str, int]:
    """``path.ttc#1`` selects face 1 of a collection; plain paths take face 0."""
    path, sep, index = spec.rpartition("#")
    if sep and index.isdigit():
        return path, int(index)
    return spec, 0


def _load_truetype(spec: str, name: str) -> TTFont | None:
    """Load a TrueType font (TTC faces by index) that has Chinese glyphs, or None."""
    path, index = _split_index(spec)
    if not Path(path).is_file():
        return None
    try:
        font = TTFont(name, path, subfontIndex=index)
    except Exception as exc:  # TTFError for CFF outlines, bad files, missing faces
        log.info("font %s not usable: %s", spec, exc)
        return None
    if ord("中") not in font.face.charToGlyph or ord("A") not in font.face.charToGlyph:
        log.info("font %s lacks Chinese or Latin glyphs", spec)
        return None
    return font


def _candidates(configured: str | None) -> list[tuple[str, str]]:
    """(source, path spec) pairs in the order of preference."""
    found: list[tuple[str, str]] = []
    for spec in (configured, os.environ.get(ENV_VAR)):
        if spec:
            found.append(("configured", spec))
    found.append(("bundled", str(resource_path("fonts", "wqy-microhei.ttc"))))
    found += [("system", path) for path in SYSTEM_CANDIDATES]
    return found


def choose_font(path: str | os.PathLike | None = None) -> FontChoice:
    """Register (once per process) and return the font for documents.

    ``path`` overrides the environment; ``file.ttc#1`` picks a face of a collection.
    """
    key = str(path) if path else os.environ.get(ENV_VAR) or None
    with _lock:
        if key in _chosen:
            return _chosen[key]
        choice = _register(str(path) if path else None, len(_chosen))
        _chosen[key] = choice
        return choice


def _register(configured: str | None, serial: int) -> FontChoice:
    """Try each candidate; fall back to the CID font with a warning."""
    name = FONT_NAME if serial == 0 else f"{FONT_NAME}{serial}"
    for source, spec in _candidates(configured):
        font = _load_truetype(spec, name)
        if font is None:
            if source == "configured":
                log.warning("configured PDF font %s cannot be used; trying the others", spec)
            continue
        pdfmetrics.registerFont(font)
        pdfmetrics.registerFontFamily(name, normal=name, bold=name, italic=name, boldItalic=name)
        return FontChoice(name, source, spec, True)
    log.warning("no TrueType Chinese font found; using %s, which is not embedded and may print as blanks",
                CID_FALLBACK)
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    return FontChoice(CID_FALLBACK, "cid", None, False)


def font_name(path: str | os.PathLike | None = None) -> str:
    """The registered name to pass to ReportLab styles and charts."""
    return choose_font(path).name


def reset_fonts() -> None:
    """Forget the choice (tests switch fonts with the environment variable)."""
    with _lock:
        _chosen.clear()
        _widths.clear()


_widths: dict[tuple[str, float], dict[str, float]] = {}


def _char_widths(word: str, font: str, size: float) -> list[float]:
    """Widths of each character, remembered per font and size."""
    table = _widths.get((font, size))
    if table is None:
        table = _widths[(font, size)] = {}
    try:
        return [table[ch] for ch in word]
    except KeyError:
        for ch in word:
            if ch not in table:
                table[ch] = pdfmetrics.stringWidth(ch, font, size)
        return [table[ch] for ch in word]


def _install_width_cache() -> None:
    """Chinese lines are broken a character at a time, and ReportLab measures every character
    afresh on every wrap (half the time of a case summary); the widths never change."""
    from reportlab.lib import textsplit

    textsplit.getCharWidths = _char_widths


_install_width_cache()
