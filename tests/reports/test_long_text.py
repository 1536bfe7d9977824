"""Text as long as the app accepts is printed whole, inside its own row, and never stops the print.

A club member's name may have 40 characters (``NAME_MAX``); notes, addresses and activity
titles up to ``TEXT_MAX``, places up to 200. Each row grows with what it holds (a sign-in
row never below the room a signature needs), and a row too tall for any page flows on to
the next. The checks read the PDFs back as poppler does (``pdftotext -bbox``) — no word
printed over another, each name inside its row — and render pages to
tests/artifacts/reports/long_*.png for a person to look at.
"""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_helpers import compact, pdf_text, render_pngs

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.clubs import add_activity, add_member, list_clubs, roster
from ningbo_sw_desktop.core.validation import NAME_MAX, TEXT_MAX
from ningbo_sw_desktop.core.visits import log_visit
from ningbo_sw_desktop.reports import build_case_summary, build_roster, build_signin_sheet
from ningbo_sw_desktop.reports.layout import MARGIN_X
from ningbo_sw_desktop.reports.rosters import ROSTER_ROW_H, SIGN_ROW_H

pytestmark = pytest.mark.skipif(shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftoppm, pdftotext) not installed")

LONG_NAME = ("欧阳" + "慕容司马上官诸葛东方皇甫尉迟公孙长孙宇文轩辕令狐钟离闾丘" * 2)[:NAME_MAX]
SENTENCE = "居民反映楼道照明损坏、老人夜间出行不便，社工联系物业并跟进维修进度。"
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
SEQ_COLUMN_END = MARGIN_X + 10 * 72 / 25.4  # the 序号 column is the first 10 mm of the table
PT = 72 / 25.4  # points per millimetre


def words_per_page(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Every word poppler finds, with its box (points from the top left), page by page."""
    out = subprocess.run([shutil.which("pdftotext"), "-bbox", str(pdf), "-"], check=True, capture_output=True,
                         timeout=120).stdout.decode()
    return [[(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in WORD.findall(page)]
            for page in out.split("<page ")[1:]]


def poppler_text(pdf: Path) -> str:
    """The document's text as poppler reads it, without whitespace (faster than pypdf on dozens of pages)."""
    return compact(subprocess.run([shutil.which("pdftotext"), str(pdf), "-"], check=True, capture_output=True,
                                  timeout=120).stdout.decode())


def overprinted(page: list[tuple]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap: one printed over the other."""
    clashes = []
    for i, (ax0, ay0, ax1, ay1, a) in enumerate(page):
        for bx0, by0, bx1, by1, b in page[i + 1:]:
            if min(ax1, bx1) - max(ax0, bx0) > 0.5 and min(ay1, by1) - max(ay0, by0) > 0.5:
                clashes.append((a, b))
    return clashes


def seq_rows(page: list[tuple]) -> list[tuple[int, float]]:
    """(number, vertical centre) of each table row, from the 序号 column (centred in its row)."""
    return sorted(((int(t), (y0 + y1) / 2) for x0, y0, x1, y1, t in page if t.isdigit() and x1 < SEQ_COLUMN_END),
                  key=lambda r: r[1])


def name_inside_its_row(pages: list[list[tuple]], min_row_h: float) -> None:
    """The long name is printed whole in one row, between the rules of its neighbours' rows."""
    for page in pages:
        lines = [w for w in page if w[4] and w[4] in LONG_NAME and len(w[4]) > 1 and w[0] < 200]
        if not lines:
            continue
        assert "".join(w[4] for w in sorted(lines, key=lambda w: w[1])) == LONG_NAME
        assert len({round(w[1]) for w in lines}) == len(lines) >= 4  # wrapped: one line under another
        top, bottom = min(w[1] for w in lines), max(w[3] for w in lines)
        rows = seq_rows(page)
        above = [y for _, y in rows if y < top]
        below = [y for _, y in rows if y > bottom]
        assert above and below, "the name's row has neighbours on the same page"
        assert above[-1] + min_row_h / 2 <= top and bottom <= below[0] - min_row_h / 2, (above[-1], top, bottom, below[0])
        return
    raise AssertionError("the long name is not on any page")


def rows_keep_their_height(pages: list[list[tuple]], min_row_h: float) -> int:
    """Consecutive rows are at least the minimum height apart; returns how many rows were seen."""
    seen = 0
    for page in pages:
        rows = seq_rows(page)
        seen += len(rows)
        for (n1, y1), (n2, y2) in zip(rows, rows[1:], strict=False):
            assert n2 == n1 + 1 and y2 - y1 >= min_row_h - 0.5, (n1, y1, n2, y2)
    return seen


@pytest.fixture
def long_named_member(demo_db):
    """The newcomers' club with a member whose name has the most characters a name may have."""
    club = next(c for c in list_clubs(demo_db) if c["name"] == "新宁波人老年俱乐部")
    add_member(demo_db, club["id"], person_values={"name": LONG_NAME, "gender": "女", "birth_date": "1946-05-04"})
    assert LONG_NAME in {m["name"] for m in roster(demo_db, club["id"])}
    return club


def test_a_forty_character_name_wraps_inside_its_roster_row(demo_db, long_named_member, artifacts):
    club = long_named_member
    data = build_roster(demo_db, club["id"])
    pngs = render_pngs(data, artifacts / "reports", "long_name_roster", dpi=70)
    pages = words_per_page(artifacts / "reports" / "long_name_roster.pdf")
    assert pngs and len(pngs) == len(pages)
    assert LONG_NAME in compact(pdf_text(data))
    for page in pages:
        assert overprinted(page) == []
    name_inside_its_row(pages, ROSTER_ROW_H)
    assert rows_keep_their_height(pages, ROSTER_ROW_H) == len(roster(demo_db, club["id"]))
    ordinary = [b[1] - a[1] for page in pages for a, b in zip(seq_rows(page), seq_rows(page)[1:], strict=False)]
    assert sorted(ordinary)[len(ordinary) // 2] == pytest.approx(ROSTER_ROW_H, abs=0.5)  # most rows look as before


def test_a_forty_character_name_wraps_inside_its_signin_row_and_every_row_keeps_room_to_sign(
        demo_db, long_named_member, artifacts):
    club = long_named_member
    activity = add_activity(demo_db, {"club_id": club["id"], "title": "冬至包饺子", "kind": "recreation",
                                      "date": datetime.date.today().isoformat(), "place": "社区文化家园"}).value
    data = build_signin_sheet(demo_db, activity)
    pngs = render_pngs(data, artifacts / "reports", "long_name_signin", dpi=70)
    pages = words_per_page(artifacts / "reports" / "long_name_signin.pdf")
    assert len(pages) >= 2 and len(pngs) == len(pages)  # the rows go on over a page break, header repeated
    assert all("签名" in "".join(w[4] for w in page) for page in pages)
    for page in pages:
        assert overprinted(page) == []
    name_inside_its_row(pages, SIGN_ROW_H)
    members = len(roster(demo_db, club["id"]))
    assert rows_keep_their_height(pages, SIGN_ROW_H) == members + 6  # walk-in rows too, on every page


def test_text_of_the_longest_allowed_length_flows_over_pages_instead_of_stopping_the_print(demo_db, artifacts):
    """A note, an address and a title of TEXT_MAX characters: ReportLab refused such a row ("too large")."""
    community = "柳庄社区"
    note = (SENTENCE * (TEXT_MAX // len(SENTENCE) + 1))[:TEXT_MAX - 4] + "（完）"
    note = note[:TEXT_MAX // 2] + "\n" + note[TEXT_MAX // 2 + 1:]  # a line break, as notes have
    assert len(note) == TEXT_MAX - 1
    intake = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    case_no = open_case(demo_db, {"domain": "社会福利", "risk": "low", "problem": SENTENCE * 3, "intake_date": intake},
                        person_values={"name": LONG_NAME, "gender": "女", "birth_date": "1946-05-04",
                                       "community_id": community, "address": "海曙区" + SENTENCE * 60}).value
    log_visit(demo_db, {"case_id": case_no, "kind": "home", "notes": note, "worker_id": None,
                        "at": datetime.datetime.now() - datetime.timedelta(hours=2)})
    log_visit(demo_db, {"case_id": case_no, "kind": "phone", "notes": "电话回访，情况稳定。",
                        "at": datetime.datetime.now() - datetime.timedelta(hours=1)})
    folder = artifacts / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "long_text_case.pdf").write_bytes(build_case_summary(demo_db, case_no))
    text = poppler_text(folder / "long_text_case.pdf")
    assert note.replace("\n", "")[-200:] in text and "电话回访，情况稳定。" in text and "签字确认" in text
    pages = words_per_page(folder / "long_text_case.pdf")
    assert len(pages) >= 10
    for page in pages:
        assert overprinted(page) == []
    _render_some(folder / "long_text_case.pdf", [1, 2, len(pages)])

    club = list_clubs(demo_db)[0]
    activity = add_activity(demo_db, {"club_id": club["id"], "kind": "lecture", "date": "2026-11-20",
                                      "title": (SENTENCE * 700)[:TEXT_MAX], "place": ("社区文化家园三楼" * 30)[:200]}).value
    (folder / "long_text_signin.pdf").write_bytes(build_signin_sheet(demo_db, activity))
    assert "社区文化家园三楼" * 3 in poppler_text(folder / "long_text_signin.pdf")
    pages = words_per_page(folder / "long_text_signin.pdf")
    for page in pages:
        assert overprinted(page) == []
    _render_some(folder / "long_text_signin.pdf", [len(pages) - 2, len(pages) - 1, len(pages)])


def _render_some(pdf: Path, numbers: list[int]) -> None:
    """Chosen pages as PNG (a document of dozens of pages need not be drawn whole)."""
    for old in pdf.parent.glob(f"{pdf.stem}-*.png"):
        old.unlink()
    for n in sorted(set(numbers)):
        subprocess.run([shutil.which("pdftoppm"), "-png", "-r", "70", "-f", str(n), "-l", str(n), str(pdf),
                        str(pdf.with_suffix(""))], check=True, timeout=120)
    assert len(list(pdf.parent.glob(f"{pdf.stem}-*.png"))) == len(set(numbers))
