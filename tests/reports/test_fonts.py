"""Chinese prints on any office PC: the bundled font is embedded as a subset, and fallbacks hold."""

from __future__ import annotations

import logging

import pytest
from pdf_helpers import STANDARD_14, SUBSET, page_fonts, pdf_text

from ningbo_sw_desktop.reports import build_case_summary, fonts


@pytest.fixture
def fresh_fonts(monkeypatch):
    """Each test chooses the font anew and leaves the normal choice behind."""
    monkeypatch.delenv(fonts.ENV_VAR, raising=False)
    fonts.reset_fonts()
    yield fonts
    fonts.reset_fonts()


def test_the_bundled_wenquanyi_is_chosen_and_embedded(fresh_fonts):
    choice = fresh_fonts.choose_font()
    assert (choice.source, choice.embedded) == ("bundled", True)
    assert choice.path.endswith("wqy-microhei.ttc")


def test_every_font_in_a_case_summary_is_an_embedded_subset(demo_db, long_case):
    used = page_fonts(build_case_summary(demo_db, long_case))
    cjk = [f for f in used if f["name"] not in STANDARD_14]
    assert cjk, used
    for font in cjk:
        assert font["embedded"], font  # FontFile2: the TrueType program travels with the PDF
        assert SUBSET.match(font["name"]), font  # ABCDEF+Name: only the glyphs used


def test_a_configured_face_of_a_collection_is_used(fresh_fonts, monkeypatch):
    bundled = fresh_fonts.choose_font().path
    fresh_fonts.reset_fonts()
    monkeypatch.setenv(fresh_fonts.ENV_VAR, bundled + "#1")  # the Mono face
    choice = fresh_fonts.choose_font()
    assert (choice.source, choice.path) == ("configured", bundled + "#1")


def test_an_unusable_configured_font_falls_back_to_the_bundled_one(fresh_fonts, tmp_path, caplog):
    broken = tmp_path / "broken.ttf"
    broken.write_bytes(b"not a font")
    with caplog.at_level(logging.WARNING):
        choice = fresh_fonts.choose_font(broken)
    assert choice.source == "bundled"
    assert "cannot be used" in caplog.text


def test_without_any_truetype_font_the_cid_font_is_used_with_a_warning(fresh_fonts, monkeypatch, db, caplog):
    monkeypatch.setattr(fresh_fonts, "_candidates", lambda configured: [])
    with caplog.at_level(logging.WARNING):
        choice = fresh_fonts.choose_font()
    assert (choice.name, choice.embedded) == ("STSong-Light", False)
    assert "not embedded" in caplog.text
    from ningbo_sw_desktop.reports.layout import render, styles, text

    data = render([text("内部资料 注意保密 Latin 123", styles(choice.name)["body"])], title="t", header=("南门", "x"))
    assert "STSong-Light" in {f["name"].split("-UniGB")[0] for f in page_fonts(data)}
    assert "Latin" in pdf_text(data)


def test_reports_never_import_qt():
    """The documents build in the CLI and on a headless server as well as in the window."""
    import subprocess
    import sys

    code = ("import sys, ningbo_sw_desktop.reports, ningbo_sw_desktop.cli.printing; "
            "sys.exit(any(m.startswith('PySide6') for m in sys.modules))")
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0
