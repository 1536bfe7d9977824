"""Every document renders to images a person can check: tests/artifacts/reports/*.png.

Look at them after a layout change: Chinese drawn (no boxes or blanks), nothing
overlapping, nothing cut at the page edge.
"""

from __future__ import annotations

import datetime
import shutil

import pytest
from pdf_helpers import render_pngs

from ningbo_sw_desktop.core.clubs import list_activities, list_clubs
from ningbo_sw_desktop.reports import build_case_summary, build_roster, build_signin_sheet, build_statistics

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) not installed")


def documents(db, long_case: str) -> dict[str, bytes]:
    club = list_clubs(db)[0]
    today = datetime.date.today()
    return {
        "case_summary": build_case_summary(db, long_case),
        "roster": build_roster(db, club["id"]),
        "signin_sheet": build_signin_sheet(db, list_activities(db, club["id"])[0]["id"]),
        "statistics": build_statistics(db, today - datetime.timedelta(days=365), today),
    }


def ink_ratio(png) -> float:
    """Share of pixels that are not white: a page that failed to draw is (almost) blank."""
    from PIL import Image

    with Image.open(png) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
    return 1 - sum(histogram[245:]) / (grey.width * grey.height)


def test_every_page_of_every_document_renders(demo_db, long_case, artifacts):
    folder = artifacts / "reports"
    for name, data in documents(demo_db, long_case).items():
        pngs = render_pngs(data, folder, name)
        assert pngs, name
        for png in pngs:
            assert 0.005 < ink_ratio(png) < 0.5, png
