"""Child process for the small-screen test: open the main window and every form on the screen Qt was given.

Run as ``python small_screen_child.py DB_PATH SETTINGS_DIR PICTURES_DIR`` with ``QT_QPA_PLATFORM`` naming an
offscreen screen (``offscreen:configfile=...``); the screen of a test process cannot be changed
once Qt has started, so the test starts this one. Prints one JSON line: the screen's available
area and, for each window, its geometry and its visible buttons' (all in screen coordinates) —
last the main window again on the Cases page in English, with its filter row; a picture of
each window goes to PICTURES_DIR.
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from ningbo_sw_desktop.core.cases import CaseFilter, case_ids, get_case
from ningbo_sw_desktop.core.clubs import list_clubs
from ningbo_sw_desktop.reports import build_case_batch
from ningbo_sw_desktop.ui.about_dialog import AboutDialog
from ningbo_sw_desktop.ui.app import application, build_context
from ningbo_sw_desktop.ui.case_detail import CaseDetailDialog
from ningbo_sw_desktop.ui.case_edit_dialog import CaseEditDialog, CloseCaseDialog
from ningbo_sw_desktop.ui.club_dialogs import AddMemberDialog, NewActivityDialog, NewClubDialog
from ningbo_sw_desktop.ui.intake_dialog import IntakeDialog
from ningbo_sw_desktop.ui.main_window import MainWindow
from ningbo_sw_desktop.ui.person_edit_dialog import PersonEditDialog
from ningbo_sw_desktop.ui.printing import PrintPreviewDialog
from ningbo_sw_desktop.ui.visit_dialog import VisitDialog


def rect(widget: QWidget) -> list[int]:
    """A widget's rectangle on the screen: x, y, width, height."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    return [top_left.x(), top_left.y(), widget.width(), widget.height()]


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


def main(db_path: str, settings_dir: str, pictures: str) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    app = application()
    ctx = build_context(db_path, app)
    window = MainWindow(ctx)
    window.show()
    settle(app)
    case_id = case_ids(ctx.db, CaseFilter(status="open"), sort="case_no")[0]
    case = get_case(ctx.db, case_id)
    club = list_clubs(ctx.db)[0]
    makers = {
        "intake": lambda: IntakeDialog(ctx, window),
        "case_detail": lambda: CaseDetailDialog(ctx, case_id, window),
        "case_edit": lambda: CaseEditDialog(ctx, case, window),
        "case_close": lambda: CloseCaseDialog(ctx, case, window),
        "visit": lambda: VisitDialog(ctx, case, window),
        "person_edit": lambda: PersonEditDialog(ctx, case["person_id"], window),
        "about": lambda: AboutDialog(window),
        "print_preview": lambda: PrintPreviewDialog(build_case_batch(ctx.db, [case_id]), case["case_no"], window),
        "new_club": lambda: NewClubDialog(ctx, None, window),
        "add_member": lambda: AddMemberDialog(ctx, club, window),
        "new_activity": lambda: NewActivityDialog(ctx, club, window),
    }
    shown = {"main_window": window}
    for name, make in makers.items():
        dialog = make()
        dialog.show()
        settle(app)
        shown[name] = dialog
    report = {"screen": rect_of(window.screen().availableGeometry()), "windows": {}}
    for name, widget in shown.items():
        report["windows"][name] = describe(widget)
        widget.grab().save(f"{pictures}/small_screen_{name}.png")
    for dialog in shown.values():
        if dialog is not window:
            dialog.close()
    # the Cases page in English, switched to as a worker does it: its filter row has the longest words
    settings = window.show_page("settings")
    settings.language.setCurrentIndex(settings.language.findData("en"))
    cases = window.show_page("cases")
    deadline = time.monotonic() + 10
    while (ctx.ops.busy or cases.model.rowCount() == 0) and time.monotonic() < deadline:
        settle(app)
    settle(app)
    report["windows"]["main_window_cases_en"] = {
        **describe(window), "filters": [rect(w) for w in (cases.status, cases.domain, cases.risk, cases.community,
                                                          cases.worker, cases.count_label)]}
    window.grab().save(f"{pictures}/small_screen_main_window_cases_en.png")
    print(json.dumps(report), flush=True)
    ctx.ops.shutdown()


def describe(widget: QWidget) -> dict:
    """A window's geometry and its visible buttons' rectangles."""
    buttons = [rect(b) for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    return {"geometry": rect_of(widget.geometry()), "buttons": buttons}


def rect_of(r) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
