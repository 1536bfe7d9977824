"""Backups on the Settings page: back up now, restore a chosen backup (every screen sees the old data), refusals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from ui_helpers import count, over_window, show_window, wait_idle

from ningbo_sw_desktop.core.backup import list_backups
from ningbo_sw_desktop.core.visits import log_visit


def test_back_up_now_then_restore_it_from_the_settings_page(qtbot, demo_ctx, artifacts):
    window = show_window(qtbot, demo_ctx)
    box = window.show_page("settings").backup_box
    assert box.table.rowCount() == 0 and not box.restore_button.isEnabled()

    qtbot.mouseClick(box.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.table.rowCount() == 1, timeout=10_000)
    assert box.table.item(0, 1).text() == "手动备份" and "备份到" in box.status.text()
    made = list_backups(demo_ctx.db_path)[0]

    db = demo_ctx.db
    visits_then = count(db, "visits")
    case_id = db.execute("SELECT id FROM cases WHERE deleted = 0 LIMIT 1").fetchone()[0]
    log_visit(db, {"case_id": case_id, "kind": "phone", "at": "2026-11-28T10:00", "notes": "备份后的电话回访"})
    assert count(db, "visits") == visits_then + 1

    box.table.selectRow(0)
    confirm = box.restore_selected()
    assert "撤销" in confirm.text()
    window.grab().save(str(artifacts / "settings_backups.png"))
    over_window(window.grab(), confirm).save(str(artifacts / "backup_restore_confirm.png"))
    qtbot.mouseClick(confirm.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, demo_ctx)
    qtbot.waitUntil(lambda: box.table.rowCount() == 2, timeout=10_000)

    assert count(db, "visits") == visits_then  # the GUI thread's own connection sees the restored data
    assert [b.reason for b in list_backups(demo_ctx.db_path)] == ["before-restore", "manual"]
    assert box.table.item(0, 1).text() == "恢复前" and made.path.exists()
    assert "已恢复" in box.status.text()
    window.grab().save(str(artifacts / "settings_backups_restored.png"))
    window.close()


def test_cancel_restores_nothing_and_a_damaged_backup_is_refused(qtbot, demo_ctx):
    from ningbo_sw_desktop.ui.settings_page import SettingsPage

    page = SettingsPage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    box = page.backup_box
    qtbot.mouseClick(box.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.table.rowCount() == 1, timeout=10_000)
    visits_then = count(demo_ctx.db, "visits")

    box.table.selectRow(0)
    qtbot.mouseClick(box.restore_selected().button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, demo_ctx)
    assert len(list_backups(demo_ctx.db_path)) == 1  # no restore, so no "before restore" copy either

    list_backups(demo_ctx.db_path)[0].path.write_bytes(b"damaged on the USB stick")
    box.refresh()
    box.table.selectRow(0)
    qtbot.mouseClick(box.restore_selected().button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    wait_idle(qtbot, demo_ctx)
    assert "不是本软件的数据库或备份" in str(demo_ctx.ops.last_error)
    assert count(demo_ctx.db, "visits") == visits_then and len(list_backups(demo_ctx.db_path)) == 1
    for dialog in page.findChildren(QMessageBox) + [w for w in box.children() if isinstance(w, QMessageBox)]:
        dialog.close()


def test_the_app_makes_the_days_automatic_backup_in_the_background_once(qtbot, demo_ctx):
    from ningbo_sw_desktop.ui.backup_box import start_auto_backup

    start_auto_backup(demo_ctx).join(30)
    start_auto_backup(demo_ctx).join(30)  # started again the same day: nothing more
    assert [b.reason for b in list_backups(demo_ctx.db_path)] == ["auto"]
