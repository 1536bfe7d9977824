"""A worker logs a visit and plans a follow-up for today; Today shows it at once."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, QDateTime, Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import choose, count, type_text, wait_idle

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.ui.visit_dialog import VisitDialog


def add_case(db, name: str = "张三") -> str:
    community = db.execute("SELECT id FROM areas WHERE name = '柳庄社区'").fetchone()[0]
    changes = open_case(db, {"domain": "social_welfare", "risk": "high", "problem": "独居老人，需要定期探访"},
                        person_values={"name": name, "birth_date": "1948-05-10", "gender": "male",
                                       "community_id": community})
    return changes.first("cases")


def open_visit_dialog(qtbot, window, case_row: int = 0) -> VisitDialog:
    """Select the case in the Cases list and press Ctrl+L, as a worker does."""
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: page.model.rowCount() > case_row and not window.ctx.ops.busy)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    rect = page.table.visualRect(page.model.index(case_row, 0))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(page.table, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, VisitDialog) and w.isVisible()]
    assert len(dialogs) == 1
    return dialogs[0]


def test_a_follow_up_due_today_appears_on_today(qtbot, window, ctx):
    worker_id = ctx.db.execute("SELECT id FROM workers WHERE name = '陈丽华'").fetchone()[0]
    ctx.prefs.worker_id = worker_id
    case_id = add_case(ctx.db)
    today_page = window.page("today")

    dialog = open_visit_dialog(qtbot, window)
    assert dialog.form.values(["worker_id"])["worker_id"] == worker_id
    choose(dialog.form.widgets["kind"], "phone")
    type_text(qtbot, dialog.form.widgets["notes"], "电话回访：老人血压平稳，约定今天下午再次确认用药情况。")
    qtbot.mouseClick(dialog.follow_check, Qt.MouseButton.LeftButton)
    dialog.form.widgets["next_follow_up"].setDate(QDate.currentDate())
    assert dialog.save_button.isEnabled(), dialog.problems()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: any(r["case_id"] == case_id for r in today_page.due.rows))
    wait_idle(qtbot, ctx)
    visit = ctx.db.execute("SELECT kind, worker_id, next_follow_up, notes FROM visits WHERE case_id = ?",
                           [case_id]).fetchone()
    assert visit[:3] == ("phone", worker_id, datetime.date.today().isoformat())
    assert visit[3].startswith("电话回访")
    row = next(r for r in today_page.due.rows if r["case_id"] == case_id)
    assert today_page.due.data(today_page.due.index(today_page.due.rows.index(row), 4)) == "今天到期"

    # Enter on the follow-up opens its case.
    window.show_page("today")
    today_page.due_table.setFocus()
    today_page.due_table.selectRow(today_page.due.rows.index(row))
    qtbot.keyClick(today_page.due_table, Qt.Key.Key_Return)
    detail = window.case_actions._details.get(case_id)
    assert detail is not None and detail.isVisible()
    detail.close()

    # The next visit form starts with the kind used last.
    second = open_visit_dialog(qtbot, window)
    assert second.form.values(["kind"])["kind"] == "phone"
    second.reject()


def test_notes_are_required_and_a_closed_case_takes_no_visits(qtbot, window, ctx):
    add_case(ctx.db)
    dialog = open_visit_dialog(qtbot, window)
    assert not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.form.widgets["notes"], "x")
    assert dialog.save_button.isEnabled()
    dialog.form.widgets["notes"].clear()
    assert "必填" in dialog.form.errors["notes"].text()
    assert count(ctx.db, "visits") == 0


def test_a_visit_in_the_future_or_a_follow_up_before_it_is_shown_and_not_written(qtbot, window, ctx):
    add_case(ctx.db)
    dialog = open_visit_dialog(qtbot, window)
    type_text(qtbot, dialog.form.widgets["notes"], "x")
    dialog.form.widgets["at"].setDateTime(QDateTime.currentDateTime().addDays(2))
    assert "不能晚于现在" in dialog.form.errors["at"].text()
    assert not dialog.save_button.isEnabled()
    dialog.form.widgets["at"].setDateTime(QDateTime.currentDateTime())
    qtbot.mouseClick(dialog.follow_check, Qt.MouseButton.LeftButton)
    dialog.form.widgets["next_follow_up"].setDate(QDate.currentDate().addDays(-30))
    assert "早于走访日期" in dialog.form.errors["next_follow_up"].text()
    dialog.save()
    wait_idle(qtbot, ctx)
    assert dialog.isVisible()
    assert count(ctx.db, "visits") == 0
    dialog.done(0)


def test_the_visits_page_filters_by_kind(qtbot, window, ctx):
    from ningbo_sw_desktop.core.visits import log_visit

    case_id = add_case(ctx.db)
    now = datetime.datetime.now().replace(microsecond=0)
    log_visit(ctx.db, {"case_id": case_id, "at": now - datetime.timedelta(hours=2), "kind": "home", "notes": "入户"})
    log_visit(ctx.db, {"case_id": case_id, "at": now - datetime.timedelta(hours=1), "kind": "phone", "notes": "电话"})
    page = window.show_page("visits")
    qtbot.waitUntil(lambda: page.model.total() == 2)
    assert page.model.row_dict(0)["kind"] == "phone", "newest first"
    choose(page.kind, "home")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.row_dict(0)["notes"] == "入户"
