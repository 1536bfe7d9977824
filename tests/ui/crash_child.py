"""Child process for the crash test: open intake, type, wait for the draft, then wait to be killed.

Run as ``python crash_child.py DB_PATH SETTINGS_DIR``; prints ``DRAFT-SAVED`` once the
draft file holds what was typed. The test then kills it with SIGKILL (no clean exit).
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QInputMethodEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ningbo_sw_desktop.core.drafts import load_drafts  # noqa: E402
from ningbo_sw_desktop.ui.app import application, build_context  # noqa: E402
from ningbo_sw_desktop.ui.main_window import MainWindow  # noqa: E402

TYPED = {"name": "赵桂英", "phone": "13805741234", "address": "柳汀街 88 号 3 幢 201 室"}


def commit(widget, text: str) -> None:
    """Type Chinese as a Pinyin input method commits it; ASCII as key presses."""
    for char in text:
        if char.isascii():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)


def main(db_path: str, settings_dir: str) -> None:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = application()
    ctx = build_context(db_path, app)
    window = MainWindow(ctx)
    window.show()
    dialog = window.case_actions.new_case()
    for field, text in TYPED.items():
        commit(dialog.form.widgets[field], text)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        app.processEvents()
        drafts = load_drafts(ctx.drafts_folder)
        if drafts and drafts[0].values.get("address") == TYPED["address"]:
            print("DRAFT-SAVED", flush=True)
            break
        time.sleep(0.02)
    while True:  # keep running, as a worker's window does, until the power goes
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
