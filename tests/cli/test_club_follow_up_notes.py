"""`club follow-up`: notes left out give the standard note; notes given blank are refused, nothing written."""

from __future__ import annotations

import datetime

import pytest

from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import make_id_number

NUMBER = make_id_number("330203", datetime.date(1947, 4, 4), 77, "female")
CLUB = "柳庄夕阳红俱乐部"


@pytest.fixture
def run(cli, db_path):
    """An office with one club and one member, 孙桂英."""
    from ningbo_sw_desktop.core.demo import seed_reference_data

    db = connect(db_path)
    seed_reference_data(db)
    db.close()
    cli("club", "add", "--name", CLUB, "--community", "柳庄社区")
    cli("member", "add", "--club", CLUB, "--name", "孙桂英", "--id-number", NUMBER)
    return cli


def visit_notes(db_path) -> list[str]:
    db = connect(db_path)
    try:
        return [r[0] for r in db.execute("SELECT notes FROM visits ORDER BY created_at")]
    finally:
        db.close()


@pytest.mark.parametrize("blank", ["", "   ", "\u3000"])
def test_blank_notes_given_explicitly_are_refused(run, db_path, blank):
    result = run("club", "follow-up", "--club", CLUB, "--person", NUMBER, "--notes", blank, ok=False)
    assert result.exit_code == 2
    assert "记录内容" in result.stderr and "默认" in result.stderr
    assert visit_notes(db_path) == []
    english = run("--lang", "en", "club", "follow-up", "--club", CLUB, "--person", NUMBER, "--notes", blank, ok=False)
    assert english.exit_code == 2 and "blank" in english.stderr and "default" in english.stderr


def test_notes_left_out_give_the_standard_note_and_given_notes_are_kept(run, db_path):
    run("club", "follow-up", "--club", CLUB, "--person", NUMBER)
    run("club", "follow-up", "--club", CLUB, "--person", NUMBER, "--notes", "电话回访，身体不适，下周再约")
    default, given = visit_notes(db_path)
    assert default.startswith("俱乐部缺勤回访") and CLUB in default
    assert given == "电话回访，身体不适，下周再约"


def test_the_help_says_what_leaving_the_notes_out_means(run):
    text = " ".join(run("club", "follow-up", "--help").stdout.split())
    assert "leave the option out" in text and "blank is refused" in text
