"""A club leader prints the roster and the sign-in sheet; the marked sheet is typed back by row key."""

from __future__ import annotations

import pytest
from pdf_helpers import compact, pdf_pages_text, pdf_text

from ningbo_sw_desktop.core.clubs import attendance_sheet, list_activities, list_clubs, roster
from ningbo_sw_desktop.core.errors import UserError
from ningbo_sw_desktop.reports import build_roster, build_signin_sheet, match_row_key
from ningbo_sw_desktop.reports.queries import row_key, row_keys


def newcomers_club(db) -> dict:
    return next(c for c in list_clubs(db) if c["name"] == "新宁波人老年俱乐部")


def test_the_roster_lists_current_members_with_their_keys(demo_db):
    club = newcomers_club(demo_db)
    members = roster(demo_db, club["id"])
    assert members
    text = compact(pdf_text(build_roster(demo_db, club["name"])))
    for words in ("新宁波人老年俱乐部花名册", "云麓湾社区", f"成员{len(members)}人", "行码", "联系电话", "入会日期",
                  "内部资料注意保密"):
        assert words in text, words
    keys = row_keys([m["person_id"] for m in members])
    for member in members:
        assert member["name"] in text and keys[member["person_id"]] in text
    entry = next(demo_db.query("SELECT * FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1"))
    assert (entry["table_name"], entry["record_id"]) == ("clubs", club["id"])


def test_a_member_who_left_is_not_on_the_roster(demo_db):
    club = newcomers_club(demo_db)
    gone = roster(demo_db, club["id"])[0]
    demo_db.execute("UPDATE club_members SET left_on = '2024-06-01' WHERE id = ?", [gone["member_id"]])
    assert gone["person_id"] not in {m["person_id"] for m in roster(demo_db, club["id"])}


def test_the_signin_sheet_has_a_row_per_member_and_blank_rows_but_no_phones(demo_db):
    club = newcomers_club(demo_db)
    activity = list_activities(demo_db, club["id"])[0]
    people = attendance_sheet(demo_db, activity["id"])["rows"]
    pages = pdf_pages_text(build_signin_sheet(demo_db, activity["id"], walk_in_rows=4))
    text = compact("".join(pages))
    for words in ("签到表", activity["title"], activity["date"], activity["place"], "签名", "行码",
                  f"应到{len(people)}人", "记录人"):
        assert words in text, words
    for person in people:
        assert person["name"] in text
        assert row_key(person["person_id"]) in text
        if person["phone"]:
            assert person["phone"] not in text  # the sheet goes round the room
    assert str(len(people) + 4) in text  # numbered blank rows for walk-ins
    assert all("签名" in page for page in pages)  # header row repeated


def test_a_key_typed_from_a_marked_sheet_finds_the_member(demo_db):
    club = newcomers_club(demo_db)
    activity = list_activities(demo_db, club["id"])[0]
    person = attendance_sheet(demo_db, activity["id"])["rows"][0]
    typed = row_key(person["person_id"]).lower().replace("0", "o").replace("1", "l")
    assert match_row_key(demo_db, activity["id"], typed)["person_id"] == person["person_id"]
    assert match_row_key(demo_db, activity["id"], "????") is None


def test_row_keys_grow_only_when_two_would_clash():
    ids = [f"person-{i}" for i in range(3000)]
    keys = row_keys(ids)
    assert len(set(keys.values())) == len(ids)
    assert len(row_keys(ids[:40])[ids[0]]) == 4


def test_a_community_wide_signin_sheet_names_the_community_once(demo_db):
    from ningbo_sw_desktop.core.clubs import add_activity

    community = demo_db.execute("SELECT name FROM areas WHERE level = 'community' ORDER BY name LIMIT 1").fetchone()[0]
    activity_id = add_activity(demo_db, {"community_id": community, "title": "社区义诊", "kind": "health_check",
                                         "date": "2026-11-20", "place": "社区活动室"}).value
    text = compact(pdf_text(build_signin_sheet(demo_db, activity_id)))
    assert text.count(community) == 1, text
    assert "俱乐部" not in text


def test_a_pdf_that_cannot_be_written_leaves_no_partial_file(tmp_path):
    from ningbo_sw_desktop.reports import write_pdf

    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("x")  # a non-empty folder where the PDF should go
    with pytest.raises(UserError):  # said plainly (it was a bare OSError), and nothing replaced
        write_pdf(b"%PDF-1.4", target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(UserError):  # the folder cannot be made: the write fails half-way
        write_pdf(b"%PDF-1.4", blocker / "out.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "taken"]


def test_an_existing_file_that_is_not_a_pdf_is_never_replaced(tmp_path):
    from ningbo_sw_desktop.reports import write_pdf

    database = tmp_path / "office.db"
    database.write_bytes(b"SQLite format 3\x00" + bytes(100))
    with pytest.raises(UserError) as refused:
        write_pdf(b"%PDF-1.4 new", database)
    assert "不是 PDF" in str(refused.value) and database.read_bytes().startswith(b"SQLite")
    old_pdf = tmp_path / "old.pdf"
    old_pdf.write_bytes(b"%PDF-1.4 old")
    write_pdf(b"%PDF-1.4 new", old_pdf)  # a PDF is replaced, as Save as asks first
    assert old_pdf.read_bytes() == b"%PDF-1.4 new"
