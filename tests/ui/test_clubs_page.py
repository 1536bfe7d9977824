"""A worker runs Yunlu Bay's 60-member newcomer club from the Clubs page: sign-in by keyboard and mouse, roster, follow-up."""

from __future__ import annotations

import datetime

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import count, show_window, type_text, wait_idle

from ningbo_sw_desktop.core.clubs import add_activity, attendance_id, roster
from ningbo_sw_desktop.core.demo import make_id_number
from ningbo_sw_desktop.ui.clubs_page import ClubsPage

CLUB = "新宁波人老年俱乐部"
MEMBERS = 60


@pytest.fixture
def page(qtbot, demo_ctx):
    widget = ClubsPage(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1130, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select_club(CLUB)
    yield widget
    wait_idle(qtbot, demo_ctx)


def new_activity(qtbot, page) -> str:
    """Add today's activity through the form, as the worker does before the sign-in."""
    dialog = page.new_activity()
    type_text(qtbot, dialog.form.widgets["title"], "冬至包饺子")
    dialog.form.widgets["activity_kind"].set_code("recreation")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.saved_value is not None)
    wait_idle(qtbot, page.ctx)
    page.tabs.setCurrentIndex(1)
    assert page.current_activity()["id"] == dialog.saved_value  # newest first, and chosen
    return dialog.saved_value


def saved_marks(db, activity_id: str) -> dict[str, str]:
    return {r["person_id"]: r["status"] for r in db.query(
        "SELECT person_id, status FROM attendance WHERE activity_id = ? AND deleted = 0", [activity_id])}


def test_the_sign_in_is_taken_by_keyboard_and_the_cursor_moves_down(qtbot, page):
    activity = new_activity(qtbot, page)
    grid = page.grid
    people = [r["person_id"] for r in grid.model.rows]
    assert len(people) == MEMBERS == len(roster(page.ctx.db, CLUB)) and grid.model.totals()["unmarked"] == MEMBERS
    grid.view.setFocus()
    grid.view.setCurrentIndex(grid.model.index(0, 1))
    for key in (Qt.Key.Key_1, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_P, Qt.Key.Key_A, Qt.Key.Key_E):
        qtbot.keyClick(grid.view, key)
    assert grid.view.currentIndex().row() == 7
    assert grid.model.totals() == {"present": 3, "absent": 2, "excused": 2, "unmarked": MEMBERS - 7, "total": MEMBERS}
    assert f"{MEMBERS - 7}" in grid.totals_label.text() and f"{MEMBERS}" in grid.totals_label.text()
    expected = dict(zip(people, ["present", "present", "absent", "excused", "present", "absent", "excused"], strict=False))
    qtbot.waitUntil(lambda: saved_marks(page.ctx.db, activity) == expected, timeout=5000)
    qtbot.keyClick(grid.view, Qt.Key.Key_Up)
    qtbot.keyClick(grid.view, Qt.Key.Key_2)  # the seventh member sent no word after all: absent, not excused
    qtbot.waitUntil(lambda: saved_marks(page.ctx.db, activity)[people[6]] == "absent", timeout=5000)
    assert len(saved_marks(page.ctx.db, activity)) == 7  # re-marking changed the same row
    assert page.ctx.db.execute("SELECT id FROM attendance WHERE person_id = ? AND activity_id = ?",
                               [people[6], activity]).fetchone()[0] == attendance_id(activity, people[6])
    qtbot.mouseClick(grid.rest_present, Qt.MouseButton.LeftButton)
    grid.flush()
    wait_idle(qtbot, page.ctx)
    assert grid.model.totals() == {"present": MEMBERS - 4, "absent": 3, "excused": 1, "unmarked": 0, "total": MEMBERS}
    assert sorted(saved_marks(page.ctx.db, activity).values()).count("present") == MEMBERS - 4
    assert page.activities_model.rows[0]["present"] == MEMBERS - 4  # the list's count follows the saved marks


def test_the_mouse_marks_several_selected_members_at_once(qtbot, page):
    activity = new_activity(qtbot, page)
    grid = page.grid
    for row, modifier in ((2, Qt.KeyboardModifier.NoModifier), (4, Qt.KeyboardModifier.ControlModifier),
                          (5, Qt.KeyboardModifier.ControlModifier)):
        rect = grid.view.visualRect(grid.model.index(row, 1))
        qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    qtbot.mouseClick(grid.buttons["excused"], Qt.MouseButton.LeftButton)
    people = [r["person_id"] for r in grid.model.rows]
    qtbot.waitUntil(lambda: saved_marks(page.ctx.db, activity) == {people[i]: "excused" for i in (2, 4, 5)}, timeout=5000)
    rect = grid.view.visualRect(grid.model.index(2, 5))
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's first press
    qtbot.mouseDClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # excused → present
    qtbot.waitUntil(lambda: saved_marks(page.ctx.db, activity)[people[2]] == "present", timeout=5000)


def test_the_attendance_grid_screenshot(qtbot, demo_ctx, artifacts):
    window = show_window(qtbot, demo_ctx)
    page = window.show_page("clubs")
    assert isinstance(page, ClubsPage)
    page.select_club(CLUB)
    page.tabs.setCurrentIndex(1)
    page.grid.view.setFocus()
    page.grid.view.selectRow(3)
    qtbot.wait(50)
    image = window.grab().toImage()
    assert (image.width(), image.height()) == (1280, 800)
    path = artifacts / "clubs_page.png"
    assert image.save(str(path))  # looked at by a person, then copied to docs/screenshots/clubs.png
    wait_idle(qtbot, demo_ctx)


def test_members_join_from_search_or_as_new_clients_after_the_duplicate_check(qtbot, page):
    db = page.ctx.db
    outsider = db.execute("SELECT p.name FROM persons p WHERE p.community_id = (SELECT community_id FROM clubs"
                          " WHERE name = ?) AND p.id NOT IN (SELECT person_id FROM club_members)", [CLUB]).fetchone()
    outsider = outsider[0] if outsider else db.execute("SELECT name FROM persons WHERE id NOT IN"
                                                       " (SELECT person_id FROM club_members) LIMIT 1").fetchone()[0]
    dialog = page.add_member()
    type_text(qtbot, dialog.search_box, outsider)
    assert dialog.results.count() >= 1
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outsider in {m["name"] for m in page.roster_model.rows}, timeout=5000)

    known = db.execute("SELECT name, birth_date FROM persons WHERE id NOT IN (SELECT person_id FROM club_members)"
                       " AND birth_date IS NOT NULL LIMIT 1").fetchone()
    before = count(db, "persons")
    dialog = page.add_member()
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.form.widgets["name"], known[0])
    dialog.form.widgets["gender"].set_code("female")
    type_text(qtbot, dialog.form.widgets["birth_date"], known[1])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicates_dialog is not None and dialog.duplicates_dialog.isVisible())
    qtbot.mouseClick(dialog.duplicates_dialog.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: known[0] in {m["name"] for m in page.roster_model.rows}, timeout=5000)
    assert count(db, "persons") == before  # the existing client was enrolled, not registered twice

    number = make_id_number("330203", datetime.date(1944, 2, 2), 333, "male")
    dialog = page.add_member()
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.form.widgets["name"], "范根宝")
    type_text(qtbot, dialog.form.widgets["id_number"], number[:-1] + "0" if number[-1] != "0" else number[:-1] + "1")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.form.errors["id_number"].isVisible(), timeout=5000)
    assert "校验位" in dialog.form.errors["id_number"].text() and dialog.isVisible()
    dialog.form.widgets["id_number"].setText(number)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "范根宝" in {m["name"] for m in page.roster_model.rows}, timeout=5000)


def test_a_new_client_saved_twice_in_a_row_is_registered_and_enrolled_once(qtbot, page):
    db = page.ctx.db
    before = count(db, "persons")
    dialog = page.add_member()
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.form.widgets["name"], "柴阿芬")
    dialog.form.widgets["gender"].set_code("female")
    type_text(qtbot, dialog.form.widgets["birth_date"], "1941-07-07")
    dialog.save()
    dialog.save()  # Enter pressed twice before the first write came back
    qtbot.waitUntil(lambda: "柴阿芬" in {m["name"] for m in page.roster_model.rows}, timeout=5000)
    wait_idle(qtbot, page.ctx)
    assert count(db, "persons") == before + 1
    assert db.execute("SELECT COUNT(*) FROM persons WHERE name = '柴阿芬'").fetchone()[0] == 1


def test_leaving_the_club_keeps_the_history(qtbot, page):
    page.roster_table.selectRow(0)
    member = page.selected_member()
    box = page.leave_selected()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: member["person_id"] not in {m["person_id"] for m in page.roster_model.rows}, timeout=5000)
    page.show_left.setChecked(True)
    left = [m for m in page.roster_model.rows if m["person_id"] == member["person_id"]]
    assert left[0]["left_on"] == datetime.date.today().isoformat()


def test_a_roster_goes_to_excel_and_comes_back_with_its_problems_shown_first(qtbot, page, tmp_path):
    path = tmp_path / "花名册.xlsx"
    page.export_to(path)
    qtbot.waitUntil(path.exists, timeout=5000)
    wait_idle(qtbot, page.ctx)
    wb = openpyxl.load_workbook(path)
    wb.active.append(["钱桂英", "女", "1950-06-06", None, None, "成员"])
    wb.active.append(["孙大爷", "男", "1950-13-06", None, None, "会长"])
    wb.save(path)
    members = len(roster(page.ctx.db, CLUB))
    dialog = page.import_from(path)
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=5000)
    outcomes = {r["row"]: r["outcome"] for r in dialog.model.rows}
    assert outcomes[members + 3] == "add" and outcomes[members + 4] == "rejected"
    assert list(outcomes.values()).count("unchanged") == members
    assert dialog.model.rows[0]["row"] == members + 4  # problems are listed first
    assert "1950-13-06" in dialog.model.rows[0]["details"] and "会长" in dialog.model.rows[0]["details"]
    assert not dialog.import_button.isEnabled() and dialog.skip_bad.isVisible()
    dialog.skip_bad.setChecked(True)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "钱桂英" in {m["name"] for m in page.roster_model.rows}, timeout=5000)
    assert "1" in page.status.text()


def test_absentees_are_followed_up_with_one_click(qtbot, page):
    db = page.ctx.db
    club_id = page.club["id"]
    add_activity(db, {"club_id": club_id, "title": "健步走", "kind": "recreation", "date": datetime.date.today()})
    page.tabs.setCurrentIndex(2)
    page.last_n.setValue(1)  # nobody is marked at the newest activity: everyone missed it
    assert len(page.absentee_model.rows) == MEMBERS
    page.absentee_table.selectRow(0)
    person = page.absentee_model.rows[0]["person_id"]
    visits = count(db, "visits")
    page.ctx.prefs.worker_id = "w-of-another-database"  # Settings chose a worker the open file does not have
    qtbot.mouseClick(page.log_visit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count(db, "visits") == visits + 1, timeout=5000)
    assert db.execute("SELECT person_id, kind, worker_id FROM visits ORDER BY created_at DESC, id DESC LIMIT 1"
                      ).fetchone() == (person, "phone", None)
    qtbot.waitUntil(lambda: page.absentee_model.rows[0]["last_visit"] is not None, timeout=5000)


def test_an_empty_absentee_list_says_why_log_visit_is_greyed_out(qtbot, page, artifacts):
    page.tabs.setCurrentIndex(2)
    hint = page.absentee_hint
    page.last_n.setValue(2)  # one member missed both of the last two activities
    assert page.absentee_model.rows and page.log_visit_button.isEnabled() and not hint.isVisible()
    page.last_n.setValue(5)  # nobody missed all five
    assert not page.absentee_model.rows and not page.log_visit_button.isEnabled()
    assert hint.isVisible() and hint.text() == "没有成员连续缺席最近 5 次活动，暂无需回访。"
    assert page.absentee_table.viewport().rect().contains(hint.geometry())
    page.grab().save(str(artifacts / "clubs_absentees_none.png"))
    without_club = page.community.findText("公园社区")  # a community with no club yet
    page.community.setCurrentIndex(without_club)
    assert page.club is None and not page.log_visit_button.isEnabled()
    assert hint.isVisible() and "选择俱乐部" in hint.text()
    page.select_club(CLUB)
    page.last_n.setValue(1)
    assert page.absentee_model.rows and not hint.isVisible()
