"""Pictures of the main screens with the demo office, for a person to look at (and the README)."""

from __future__ import annotations

import datetime

from PySide6.QtGui import QPixmap
from ui_helpers import choose, over_window, settle, show_window, type_text, wait_idle

from ningbo_sw_desktop.core.demo import make_id_number

SIZE = (1280, 800)


def test_screenshots_of_the_main_screens(qtbot, demo_ctx, artifacts):
    worker = demo_ctx.db.execute("SELECT id FROM workers WHERE name = '陈丽华'").fetchone()[0]
    demo_ctx.prefs.worker_id = worker
    window = show_window(qtbot, demo_ctx, SIZE)

    today = window.show_page("today")
    qtbot.waitUntil(lambda: len(today.due.rows) > 0)
    wait_idle(qtbot, demo_ctx)
    settle()
    window.grab().save(str(artifacts / "today.png"))

    cases = window.show_page("cases")
    qtbot.waitUntil(lambda: cases.model.rowCount() == 100)
    wait_idle(qtbot, demo_ctx)
    cases.table.selectRow(2)
    settle()
    window_shot = window.grab()
    window_shot.save(str(artifacts / "cases.png"))

    intake = window.case_actions.new_case()
    w = intake.form.widgets
    type_text(qtbot, w["name"], "赵桂英")
    good = make_id_number("330203", datetime.date(1946, 8, 15), 21, "female")
    type_text(qtbot, w["id_number"], good[:17] + ("1" if good[17] != "1" else "2"))
    type_text(qtbot, w["phone"], "13805741234")
    choose(w["community_id"], demo_ctx.db.execute("SELECT id FROM areas WHERE name = '柳庄社区'").fetchone()[0])
    type_text(qtbot, w["address"], "柳汀街88号3幢201室")
    w["tags"].boxes["elderly"].setChecked(True)
    w["tags"].boxes["living_alone"].setChecked(True)
    choose(w["domain"], "social_welfare")
    choose(w["risk"], "medium")
    type_text(qtbot, w["problem"], "独居老人，子女在外地工作，近期跌倒一次，日常生活需要协助。")
    over_window(window_shot, intake).save(str(artifacts / "intake.png"))
    intake.drafts.discard()
    intake.form.touched.clear()
    intake.reject()

    case_id = demo_ctx.db.execute(
        "SELECT c.id FROM cases c JOIN visits v ON v.case_id = c.id WHERE c.status = 'open'"
        " GROUP BY c.id ORDER BY COUNT(*) DESC, c.case_no LIMIT 1").fetchone()[0]
    detail = window.case_actions.open_case(case_id)
    qtbot.waitExposed(detail)
    over_window(window_shot, detail).save(str(artifacts / "case_detail.png"))
    for name in ("today", "cases", "intake", "case_detail"):
        image = QPixmap(str(artifacts / f"{name}.png"))
        assert (image.width(), image.height()) == SIZE, name
    wait_idle(qtbot, demo_ctx)
