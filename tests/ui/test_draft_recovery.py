"""A worker is typing an intake when the computer dies; the next start gives the text back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

from crash_child import TYPED
from PySide6.QtCore import Qt
from ui_helpers import choose, count, type_text, wait_idle

from ningbo_sw_desktop.core.drafts import load_drafts
from ningbo_sw_desktop.ui.app import offer_drafts
from ningbo_sw_desktop.ui.intake_dialog import IntakeDialog
from ningbo_sw_desktop.ui.main_window import MainWindow

CHILD = Path(__file__).with_name("crash_child.py")


def run_until_draft_then_kill(db_path: Path, settings_dir: Path) -> None:
    """Start the child app, wait for its draft on disk, then SIGKILL it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen([sys.executable, str(CHILD), str(db_path), str(settings_dir)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(child.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout=60)
    try:
        assert lines and lines[0].strip() == "DRAFT-SAVED", "the child never wrote its draft"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert child.returncode == -signal.SIGKILL


def test_a_draft_survives_a_crash_and_is_restored(qtbot, ctx, db_path, _isolated_settings):
    ctx.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    run_until_draft_then_kill(db_path, _isolated_settings)
    [draft] = load_drafts(ctx.drafts_folder)
    assert draft.values["name"] == TYPED["name"]

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    asked = []
    [dialog] = offer_drafts(ctx, window.case_actions, window, ask=lambda _parent, drafts: asked.append(drafts) or True)
    assert len(asked[0]) == 1
    assert isinstance(dialog, IntakeDialog)
    for field, text in TYPED.items():
        assert dialog.form.widgets[field].text() == text

    # The worker finishes the form; saving removes the draft.
    community = ctx.db.execute("SELECT id FROM areas WHERE name = '柳庄社区'").fetchone()[0]
    w = dialog.form.widgets
    type_text(qtbot, w["birth_date"], "1946-08-15")
    choose(w["gender"], "female")
    choose(w["community_id"], community)
    choose(w["domain"], "social_welfare")
    choose(w["risk"], "low")
    type_text(qtbot, w["problem"], "独居，子女在外地")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count(ctx.db, "cases") == 1)
    wait_idle(qtbot, ctx)
    assert load_drafts(ctx.drafts_folder) == []
    assert ctx.db.execute("SELECT name, phone FROM persons").fetchone() == (TYPED["name"], TYPED["phone"])


def test_declining_the_offer_throws_the_drafts_away(qtbot, ctx):
    from ningbo_sw_desktop.core.drafts import save_draft

    save_draft(ctx.drafts_folder, "intake-0000", {"form": "intake", "name": "张三"})
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert offer_drafts(ctx, window.case_actions, window, ask=lambda *_: False) == []
    assert load_drafts(ctx.drafts_folder) == []
    wait_idle(qtbot, ctx)
