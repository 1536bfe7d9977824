"""A worker edits a case's goals and closes it with a reason; Save cannot send the same write twice."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import closed, type_text, wait_idle

from ningbo_sw_desktop.core.cases import get_case
from ningbo_sw_desktop.ui.case_edit_dialog import CaseEditDialog, CloseCaseDialog


def open_case_id(db) -> str:
    return db.execute("SELECT id FROM cases WHERE status = 'open' AND deleted = 0 ORDER BY case_no LIMIT 1").fetchone()[0]


def case_updates(db, case_id: str) -> list[list[str]]:
    return [json.loads(r[0]) for r in db.execute(
        "SELECT detail FROM audit WHERE action = 'update' AND table_name = 'cases' AND record_id = ? ORDER BY seq",
        [case_id])]


def test_new_goals_are_saved_once_even_when_typing_goes_on_while_saving(qtbot, demo_ctx, artifacts):
    case_id = open_case_id(demo_ctx.db)
    dialog = CaseEditDialog(demo_ctx, get_case(demo_ctx.db, case_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.save_button.isEnabled(), "nothing changed yet"
    goals = dialog.form.widgets["goals"]
    goals.setFocus()
    goals.selectAll()
    type_text(qtbot, goals, "每周电话回访一次，建立邻里互助")
    assert dialog.save_button.isEnabled()
    dialog.grab().save(str(artifacts / "case_edit.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, goals, "。")  # still typing while the write is on its way
    assert not dialog.save_button.isEnabled()
    dialog.save()  # Enter pressed again: ignored
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, demo_ctx)
    assert get_case(demo_ctx.db, case_id)["goals"] == "每周电话回访一次，建立邻里互助"
    assert case_updates(demo_ctx.db, case_id) == [["goals"]]


def test_closing_needs_a_reason_and_then_closes_the_case(qtbot, demo_ctx, artifacts):
    case_id = open_case_id(demo_ctx.db)
    dialog = CloseCaseDialog(demo_ctx, get_case(demo_ctx.db, case_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    reason = dialog.form.widgets["close_reason"]
    type_text(qtbot, reason, "   ")
    assert not dialog.save_button.isEnabled()
    assert get_case(demo_ctx.db, case_id)["status"] == "open"
    reason.selectAll()
    type_text(qtbot, reason, "服务目标已达成")
    assert dialog.save_button.isEnabled()
    dialog.grab().save(str(artifacts / "case_close.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, demo_ctx)
    case = get_case(demo_ctx.db, case_id)
    assert (case["status"], case["close_reason"]) == ("closed", "服务目标已达成")


def test_esc_while_the_save_is_on_its_way_neither_asks_nor_loses_the_save(qtbot, demo_ctx, tmp_path):
    import sqlite3

    case_id = open_case_id(demo_ctx.db)
    dialog = CaseEditDialog(demo_ctx, get_case(demo_ctx.db, case_id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    plan = dialog.form.widgets["plan"]
    plan.setFocus()
    plan.selectAll()
    type_text(qtbot, plan, "联系社区卫生服务中心上门评估")
    other = sqlite3.connect(tmp_path / "demo.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock: the save waits behind it
    try:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        asked = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
        assert dialog.isVisible() and not asked
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(lambda: closed(dialog), timeout=15_000)
    wait_idle(qtbot, demo_ctx)
    assert get_case(demo_ctx.db, case_id)["plan"] == "联系社区卫生服务中心上门评估"
