"""Rosters through Excel/WPS and CSV: our own export comes back unchanged; messy sheets are caught row by row."""

from __future__ import annotations

import datetime

import openpyxl
import pytest

from ningbo_sw_desktop.core import clubs, roster_io
from ningbo_sw_desktop.core.demo import make_id_number
from ningbo_sw_desktop.core.errors import UserError
from ningbo_sw_desktop.core.persons import add_person

WANG_ID = make_id_number("330203", datetime.date(1950, 3, 1), 0, "female")
LI_ID = make_id_number("330203", datetime.date(1946, 8, 8), 1, "male")
NEW_ID = make_id_number("330203", datetime.date(1952, 12, 5), 2, "female")
BAD_ID = NEW_ID[:-1] + ("0" if NEW_ID[-1] != "0" else "1")
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.fixture
def club(office_db):
    """A club with two members: 王秀英 (leader, phone on file) and 李根宝."""
    club_id = clubs.add_club(office_db, {"name": "柳庄夕阳红俱乐部", "community_id": "柳庄社区"}).value
    for values, role in (({"name": "王秀英", "id_number": WANG_ID, "phone": "13800000001"}, "leader"),
                         ({"name": "李根宝", "id_number": LI_ID}, "member")):
        person = add_person(office_db, {**values, "community_id": "柳庄社区"}).value
        clubs.add_member(office_db, club_id, {"role": role, "joined_on": "2024-01-15", "tags": ["elderly"]}, person=person)
    return club_id


def write_xlsx(path, rows: list[list]) -> None:
    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    wb.save(path)


def rejected(preview) -> dict[int, str]:
    """Sheet row number -> the reasons, joined."""
    return {r.row: " ".join(str(e) for e in r.errors) for r in preview.rejected}


def audit_count(db) -> int:
    return db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def test_the_export_is_a_sheet_offices_can_work_in(office_db, club, tmp_path):
    path = tmp_path / "roster.xlsx"
    assert roster_io.export_roster(office_db, club, path) == 2
    ws = openpyxl.load_workbook(path).active
    assert "柳庄夕阳红俱乐部花名册" in ws["A1"].value and "A1:I1" in {str(r) for r in ws.merged_cells.ranges}
    assert [c.value for c in ws[2]][:5] == ["姓名", "性别", "出生日期", "居民身份证号码", "联系电话"]
    assert ws.freeze_panes == "A3"
    assert ws.column_dimensions["J"].hidden and ws.column_dimensions["D"].width >= 20
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert lists['"男,女"'].startswith("B3") and lists['"成员,负责人,志愿者"'].startswith("F3")
    assert ws["D3"].number_format == "@" and isinstance(ws["D3"].value, str)  # ID numbers stay text
    assert {ws["A3"].value, ws["A4"].value} == {"王秀英", "李根宝"}


def test_importing_our_own_export_changes_nothing(db, tmp_path):
    from ningbo_sw_desktop.core.demo import load_demo

    load_demo(db, persons=60)
    club = clubs.list_clubs(db)[0]
    path = tmp_path / "roster.xlsx"
    roster_io.export_roster(db, club["id"], path)
    preview = roster_io.preview_import(db, club["name"], path)
    assert (len(preview.of("add")), len(preview.of("update")), preview.rejected) == (0, 0, [])
    assert len(preview.of("unchanged")) == club["members"]
    before = audit_count(db)
    changes = roster_io.apply_import(db, preview)
    assert not changes and audit_count(db) == before


def test_an_english_export_round_trips_too(office_db, club, tmp_path):
    from ningbo_sw_desktop.core.i18n import set_language

    set_language("en")
    path = tmp_path / "roster-en.xlsx"
    roster_io.export_roster(office_db, club, path)
    assert openpyxl.load_workbook(path).active["B2"].value == "Gender"
    preview = roster_io.preview_import(office_db, club, path)
    assert len(preview.of("unchanged")) == 2 and not preview.rejected


def test_edits_in_the_sheet_become_updates_and_additions(office_db, club, tmp_path):
    path = tmp_path / "roster.xlsx"
    roster_io.export_roster(office_db, club, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    li_row = 3 if ws["A3"].value == "李根宝" else 4
    ws[f"E{li_row}"], ws[f"F{li_row}"] = "0574-87654321", "志愿者"
    ws.append(["赵桂英", "女", "1952-12-05", NEW_ID, "13900000002", "成员", None, None, "独居"])
    wb.save(path)
    preview = roster_io.preview_import(office_db, club, path)
    assert [(p.row, p.name, p.fields) for p in preview.of("update")] == [(li_row, "李根宝", ["phone", "role"])]
    assert [(p.row, p.name) for p in preview.of("add")] == [(5, "赵桂英")]
    assert office_db.execute("SELECT COUNT(*) FROM persons WHERE name = '赵桂英'").fetchone()[0] == 0  # preview only
    done = roster_io.apply_import(office_db, preview).value
    members = {m["name"]: m for m in clubs.roster(office_db, club)}
    assert members["李根宝"]["role"] == "volunteer" and members["李根宝"]["phone"] == "0574-87654321"
    assert members["赵桂英"]["tags"] == ["living_alone"] and members["赵桂英"]["joined_on"] == datetime.date.today().isoformat()
    assert done.applied and len(roster_io.preview_import(office_db, club, path).of("unchanged")) == 3


def test_a_messy_sheet_is_read_and_each_problem_is_named_with_its_row(office_db, club, tmp_path):
    path = tmp_path / "messy.xlsx"
    write_xlsx(path, [
        ["柳庄社区老年俱乐部成员名单"],  # title rows above the header
        ["制表：社区居委会", None, "2026年11月"],
        ["序号", " 姓 名 ", "性别", "出生年月", "身份证号", "手机号码", "角色", "入会时间"],
        [1, " 王秀英 ", "F", None, WANG_ID.translate(FULL_WIDTH), "１３８０００００００１", "负责人", datetime.datetime(2024, 1, 15)],
        [2, "李 根宝", "male", None, LI_ID, None, "成员", 45306],  # Excel serial day 45306 = 2024-01-15
        [3, "赵桂英", "女", "1952年12月5日", NEW_ID, None, None, "2025/3/8"],
        [4, "孙阿婆", "女", 19480102, BAD_ID, None, "成员", None],
        [5, "钱大爷", "未知", "1941-02-30", None, None, "会长", "2024.05.06"],
        [6, "周小妹", "女", "1947-07-07", 330203194707070000, None, None, None],
        [None, None, None, None, None, None, None, None],  # blank rows are skipped
        [7, "王秀英", "女", None, WANG_ID, None, None, None],  # the same person twice
    ])
    preview = roster_io.preview_import(office_db, "柳庄夕阳红俱乐部", path)
    assert preview.header_row == 3 and preview.ignored_columns == ["序号"]
    assert [p.row for p in preview.of("unchanged")] == [4, 5]
    assert [(p.row, p.new_person["birth_date"], p.member_values["joined_on"]) for p in preview.of("add")] == [
        (6, "1952-12-05", "2025-03-08")]
    problems = rejected(preview)
    assert sorted(problems) == [7, 8, 9, 11]
    assert "居民身份证号码" in problems[7] and "校验位" in problems[7]
    assert "性别" in problems[8] and "未知" in problems[8] and "出生日期" in problems[8] and "角色" in problems[8]
    assert "存成了数字" in problems[9]
    assert "第 4 行" in problems[11]


def test_a_sheet_with_bad_rows_imports_nothing_unless_asked_to_skip_them(office_db, club, tmp_path):
    path = tmp_path / "some-bad.xlsx"
    write_xlsx(path, [["姓名", "性别", "出生日期", "身份证号码"], ["赵桂英", "女", None, NEW_ID], ["孙阿婆", "女", None, BAD_ID]])
    preview = roster_io.preview_import(office_db, club, path)
    before = audit_count(office_db)
    with pytest.raises(UserError) as err:
        roster_io.apply_import(office_db, preview)
    assert "1 行有问题" in str(err.value) and audit_count(office_db) == before
    done = roster_io.apply_import(office_db, preview, skip_bad_rows=True).value
    assert [p.name for p in done.of("add")] == ["赵桂英"] and [r.row for r in done.rejected] == [3]
    assert "赵桂英" in {m["name"] for m in clubs.roster(office_db, club)}


def test_a_gb18030_csv_from_wps_is_read_with_its_problems_on_their_lines(office_db, club, tmp_path):
    path = tmp_path / "名单.csv"
    lines = ["花名册,,,,", "姓名,性别,出生日期,居民身份证号码,角色",
             f"赵桂英,女,1952/12/5,{NEW_ID},志愿者", "孙阿婆,M,1948-01-02,,成员", f"钱大爷,男,1941-01-01,{BAD_ID},成员",
             "鑫淼,FEMALE,1949年10月1日,,"]
    path.write_bytes("\r\n".join(lines).encode("gb18030"))
    preview = roster_io.preview_import(office_db, club, path)
    assert preview.header_row == 2
    assert [(p.row, p.name) for p in preview.of("add")] == [(3, "赵桂英"), (4, "孙阿婆"), (6, "鑫淼")]
    assert list(rejected(preview)) == [5]
    assert preview.of("add")[1].new_person["gender"] == "male"


def test_a_utf8_csv_with_bom_and_english_headers(office_db, club, tmp_path):
    path = tmp_path / "roster.csv"
    text = f"Name,Gender,Date of birth,ID number,Phone\n王秀英,F,,{WANG_ID},13800000009\n"
    path.write_bytes(text.encode("utf-8-sig"))
    preview = roster_io.preview_import(office_db, club, path)
    assert [(p.row, p.person_changes) for p in preview.of("update")] == [(2, {"phone": "13800000009"})]


def test_facts_that_disagree_with_the_client_record_are_rejected_not_overwritten(office_db, club, tmp_path):
    path = tmp_path / "wrong.xlsx"
    write_xlsx(path, [["姓名", "身份证号码", "出生日期"], ["王秀兰", WANG_ID, None], ["李根宝", None, "1946-08-09"]])
    preview = roster_io.preview_import(office_db, club, path)
    problems = rejected(preview)
    assert "档案中为 王秀英" in problems[2]
    assert "出生日期" in problems[3]  # matched by name in the roster; its birth date disagrees


def test_a_sorted_sheet_whose_hidden_ids_were_left_behind_still_matches_by_id_number(office_db, club, tmp_path):
    path = tmp_path / "roster.xlsx"
    roster_io.export_roster(office_db, club, path)
    wb = openpyxl.load_workbook(path)
    ws = wb.active
    ws["J3"], ws["J4"] = ws["J4"].value, ws["J3"].value  # the id column no longer lines up
    wb.save(path)
    preview = roster_io.preview_import(office_db, club, path)
    assert len(preview.of("unchanged")) == 2 and not preview.rejected


def test_files_that_are_not_rosters_are_refused_with_advice(office_db, club, tmp_path):
    (tmp_path / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match="xlsx"):
        roster_io.preview_import(office_db, club, tmp_path / "old.xls")
    write_xlsx(tmp_path / "notes.xlsx", [["会议记录"], ["今天天气很好"]])
    with pytest.raises(UserError, match="表头"):
        roster_io.preview_import(office_db, club, tmp_path / "notes.xlsx")
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError, match="损坏"):
        roster_io.preview_import(office_db, club, tmp_path / "broken.xlsx")


def test_a_roster_is_never_written_over_a_file_of_another_kind(office_db, club, tmp_path):
    target = tmp_path / "office.db"
    target.write_bytes(b"SQLite format 3\x00" + bytes(64))
    with pytest.raises(UserError) as refused:
        roster_io.export_roster(office_db, club, target)
    assert "不是 Excel" in str(refused.value) and target.read_bytes().startswith(b"SQLite")
    sheet = tmp_path / "roster.xlsx"
    roster_io.export_roster(office_db, club, sheet)
    assert roster_io.export_roster(office_db, club, sheet) == 2  # an earlier export is replaced as before


def test_a_join_date_before_the_club_was_founded_is_a_bad_row(office_db, tmp_path):
    """As when typed: nobody joins a club before its founding day (the sheet is checked the same way)."""
    club_id = clubs.add_club(office_db, {"name": "书画社", "community_id": "柳庄社区", "founded_on": "2026-03-01"}).value
    path = tmp_path / "early.xlsx"
    write_xlsx(path, [["姓名", "性别", "出生日期", "身份证号码", "入会日期"], ["赵桂英", "女", None, NEW_ID, "2020-01-01"]])
    preview = roster_io.preview_import(office_db, club_id, path)
    assert list(rejected(preview)) == [2] and "2026-03-01" in rejected(preview)[2]
