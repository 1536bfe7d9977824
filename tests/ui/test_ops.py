"""Work runs off the GUI thread; successes are announced once, refusals are shown in Chinese."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import wait_idle

from ningbo_sw_desktop.core.changes import Changes
from ningbo_sw_desktop.core.errors import UserError
from ningbo_sw_desktop.core.i18n import Text
from ningbo_sw_desktop.core.office import init_office


def test_a_write_runs_on_the_worker_and_is_announced_once(qtbot, ctx):
    announced, threads = [], []
    ctx.ops.changes_applied.connect(announced.append)

    def op(db):
        threads.append(threading.get_ident())
        return init_office(db, "HS-NM", "南门街道社工站（新）")

    results = []
    ctx.ops.write(op, success=results.append)
    qtbot.waitUntil(lambda: len(results) == 1)
    assert threads[0] != threading.get_ident()
    assert announced == results and isinstance(results[0], Changes)
    assert ctx.db.execute("SELECT value FROM meta WHERE key = 'office_name'").fetchone()[0] == "南门街道社工站（新）"


def test_a_refusal_is_shown_in_the_users_language_without_blocking(qtbot, ctx):
    def refuse(_db):
        raise UserError(Text("个案已结案，不能再添加走访记录", "the case is closed"))

    ctx.ops.write(refuse)
    wait_idle(qtbot, ctx)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == ["个案已结案，不能再添加走访记录"]
    boxes[0].close()


def test_an_unexpected_error_is_logged_with_details(qtbot, ctx, caplog):
    ctx.ops.read(lambda _db: 1 / 0)
    wait_idle(qtbot, ctx)
    assert "ZeroDivisionError" in caplog.text
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert len(boxes) == 1 and "ZeroDivisionError" in boxes[0].detailedText()
    boxes[0].close()


def test_a_handled_failure_shows_no_box(qtbot, ctx):
    seen = []
    ctx.ops.read(lambda _db: 1 / 0, failure=lambda exc: seen.append(exc) or True)
    wait_idle(qtbot, ctx)
    assert isinstance(seen[0], ZeroDivisionError)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_the_audit_log_names_the_worker_chosen_in_settings(qtbot, ctx):
    from ningbo_sw_desktop.core.persons import add_person

    worker_id, name = ctx.db.execute("SELECT id, name FROM workers ORDER BY name LIMIT 1").fetchone()
    ctx.prefs.worker_id = worker_id
    results = []
    ctx.ops.write(lambda db: add_person(db, {"name": "王阿婆", "gender": "女", "birth_date": "1940-02-02",
                                             "community_id": "柳庄社区"}), success=results.append)
    qtbot.waitUntil(lambda: len(results) == 1)
    actor = ctx.db.execute("SELECT actor FROM audit WHERE record_id = ?", [results[0].value]).fetchone()[0]
    assert actor == name
