"""转派: a case goes to another worker from its detail window; a supervisor may also move it to another office."""

from __future__ import annotations

from PySide6.QtCore import Qt
from ui_helpers import choose, closed, settle, wait_idle

from ningbo_sw_desktop.core.cases import get_case, known_offices
from ningbo_sw_desktop.core.workers import add_worker
from ningbo_sw_desktop.sync.keys import set_device_role
from ningbo_sw_desktop.ui.case_detail import CaseDetailDialog
from ningbo_sw_desktop.ui.reassign_dialog import ReassignDialog


def open_case(db) -> dict:
    case_id = db.execute("SELECT id FROM cases WHERE status = 'open' AND deleted = 0 AND office_code = 'HS-NM'"
                         " ORDER BY case_no LIMIT 1").fetchone()[0]
    return get_case(db, case_id)


def worker_of(db, office: str, *, besides: str | None = None) -> dict:
    row = db.execute("SELECT id, name FROM workers WHERE deleted = 0 AND office_code = ? AND id IS NOT ?"
                     " ORDER BY name LIMIT 1", [office, besides]).fetchone()
    return {"id": row[0], "name": row[1]}


def open_reassign(qtbot, ctx, case: dict) -> tuple[CaseDetailDialog, ReassignDialog]:
    detail = CaseDetailDialog(ctx, case["id"])
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    assert detail.reassign_button.text() == "转派…" and detail.reassign_button.isEnabled()
    qtbot.mouseClick(detail.reassign_button, Qt.MouseButton.LeftButton)
    dialog = detail.reassign_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitExposed(dialog)
    return detail, dialog


def case_updates(db, case_id: str) -> int:
    return db.execute("SELECT COUNT(*) FROM audit WHERE action = 'update' AND table_name = 'cases' AND record_id = ?",
                      [case_id]).fetchone()[0]


def test_an_office_hands_a_case_to_another_of_its_workers(qtbot, demo_ctx, artifacts):
    case = open_case(demo_ctx.db)
    detail, dialog = open_reassign(qtbot, demo_ctx, case)
    assert dialog.office is None and "office_code" not in dialog.form.widgets, "only a supervisor moves offices"
    assert dialog.windowTitle() == f"转派个案 {case['case_no']}" and dialog.save_button.text() == "转派"
    assert dialog.worker.record_id() == case["worker_id"]
    assert not dialog.save_button.isEnabled(), "nothing changed yet"
    other = worker_of(demo_ctx.db, "HS-NM", besides=case["worker_id"])
    choose(dialog.worker, other["id"])
    assert dialog.save_button.isEnabled()
    settle()
    dialog.grab().save(str(artifacts / "reassign_dialog.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.save_button.isEnabled(), "Save is off while the write is on its way"
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, demo_ctx)
    stored = get_case(demo_ctx.db, case["id"])
    assert (stored["worker_id"], stored["office_code"]) == (other["id"], "HS-NM")
    assert detail.fact_values["worker"].text() == other["name"], "the detail shows the new worker"


def test_a_supervisor_moves_a_case_to_another_office_and_one_of_its_workers(qtbot, demo_ctx, artifacts):
    set_device_role(demo_ctx.db, "supervisor")
    add_worker(demo_ctx.db, {"name": "郑晓燕", "gender": "female", "office_code": "JB-CC"})
    assert "JB-CC" in known_offices(demo_ctx.db)
    case = open_case(demo_ctx.db)
    _detail, dialog = open_reassign(qtbot, demo_ctx, case)
    assert dialog.office is not None and dialog.office.isVisibleTo(dialog)
    assert dialog.office.record_id() == "HS-NM", "the case's own office is chosen at first"
    assert dialog.form.labels["office_code"].text() == "办公点"
    choose(dialog.office, "JB-CC")
    assert dialog.worker.record_id() is None, "the old office's worker does not follow the case"
    assert not dialog.save_button.isEnabled()
    newcomer = worker_of(demo_ctx.db, "JB-CC")
    index = dialog.worker.findData(newcomer["id"])
    assert dialog.worker.itemText(index) == newcomer["name"], "the chosen office's workers are listed unmarked"
    choose(dialog.worker, newcomer["id"])
    settle()
    dialog.grab().save(str(artifacts / "reassign_dialog_supervisor.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog), timeout=10_000)
    wait_idle(qtbot, demo_ctx)
    stored = get_case(demo_ctx.db, case["id"])
    assert (stored["office_code"], stored["worker_id"]) == ("JB-CC", newcomer["id"])


def test_a_worker_of_another_office_is_refused_beside_the_worker_picker(qtbot, demo_ctx, artifacts):
    case = open_case(demo_ctx.db)
    detail, dialog = open_reassign(qtbot, demo_ctx, case)
    stranger = worker_of(demo_ctx.db, "JB-CC")
    index = dialog.worker.findData(stranger["id"])
    assert dialog.worker.itemText(index) == f"{stranger['name']}（办公点 JB-CC）"
    choose(dialog.worker, stranger["id"])
    before = case_updates(demo_ctx.db, case["id"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.form.errors["worker_id"]
    qtbot.waitUntil(lambda: error.isVisible(), timeout=10_000)
    wait_idle(qtbot, demo_ctx)
    assert error.text() == f"社工 {stranger['name']} 属于办公点 JB-CC，不是 HS-NM"
    assert dialog.isVisible() and not dialog.save_button.isEnabled()
    settle()
    dialog.grab().save(str(artifacts / "reassign_refused.png"))
    detail.grab().save(str(artifacts / "reassign_case_detail.png"))
    assert get_case(demo_ctx.db, case["id"])["worker_id"] == case["worker_id"]
    assert case_updates(demo_ctx.db, case["id"]) == before, "nothing written"


def test_a_closed_case_cannot_be_reassigned(qtbot, demo_ctx):
    case_id = demo_ctx.db.execute("SELECT id FROM cases WHERE status = 'closed' AND deleted = 0 LIMIT 1").fetchone()[0]
    detail = CaseDetailDialog(demo_ctx, case_id)
    qtbot.addWidget(detail)
    assert not detail.reassign_button.isEnabled()
    assert detail.reassign() is None
