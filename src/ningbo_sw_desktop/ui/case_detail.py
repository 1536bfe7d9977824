"""个案详情 Case detail: the facts, goals and plan, and every visit, newest first."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core import enums
from ..core.cases import get_case
from ..core.errors import UserError
from ..reports.words import mask_id_number
from .attendance_grid import age_on
from .ops import show_error
from .person_edit_dialog import PersonEditDialog
from .reassign_dialog import ReassignDialog
from .registry import case_printer
from .widgets import Column, RecordTableModel, fit_columns, fit_to_screen, make_table, short_time

FACTS = ("person_name", "gender_age", "id_number", "phone", "community", "address", "domain", "risk", "program",
         "referral_source", "intake_date", "worker", "status", "closed")


class CaseDetailDialog(QDialog):
    """Opened from any list; stays open beside the main window while the worker works."""

    log_visit_requested = Signal(str)
    edit_requested = Signal(str)
    close_requested = Signal(str)
    print_requested = Signal(str)

    def __init__(self, ctx, case_id: str, parent=None):
        super().__init__(parent)
        self.ctx, self.case_id = ctx, case_id
        self.case: dict = {}
        self.person_dialog: PersonEditDialog | None = None
        self.reassign_dialog: ReassignDialog | None = None
        self.visits = RecordTableModel([
            Column("at", QT_TRANSLATE_NOOP("Columns", "Time"), lambda r: short_time(r["at"])),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Visit kind"), lambda r: enums.label("kind", r["kind"])),
            Column("worker", QT_TRANSLATE_NOOP("Columns", "Social worker")),
            Column("duration_min", QT_TRANSLATE_NOOP("Columns", "Minutes")),
            Column("next_follow_up", QT_TRANSLATE_NOOP("Columns", "Next follow-up")),
            Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), lambda r: " ".join((r.get("notes") or "").split()))],
            self)
        self._build()
        self.ctx.ops.changes_applied.connect(self._on_changes)
        self.reload()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.facts_box, self.plan_box, self.visits_box = QGroupBox(), QGroupBox(), QGroupBox()
        facts = QGridLayout(self.facts_box)
        self.fact_labels = {name: QLabel() for name in FACTS}
        self.fact_values = {name: QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse,
                                         wordWrap=True) for name in FACTS}
        for i, name in enumerate(FACTS):
            row, col = i // 2, (i % 2) * 2
            self.fact_labels[name].setStyleSheet("color: #555;")
            facts.addWidget(self.fact_labels[name], row, col, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(self.fact_values[name], row, col + 1, Qt.AlignmentFlag.AlignTop)
        facts.setColumnStretch(1, 1)
        facts.setColumnStretch(3, 1)
        self.plan_text = QTextBrowser()
        QVBoxLayout(self.plan_box).addWidget(self.plan_text)
        self.visit_table = make_table(self.visits)
        self.visit_notes = QTextBrowser()
        self.visit_notes.setMaximumHeight(110)
        self.visit_table.selectionModel().currentRowChanged.connect(lambda index, _old: self._show_notes(index.row()))
        visits_layout = QVBoxLayout(self.visits_box)
        visits_layout.addWidget(self.visit_table, 3)
        visits_layout.addWidget(self.visit_notes, 1)
        self.log_button, self.edit_button, self.close_button, self.print_button = (QPushButton() for _ in range(4))
        self.edit_person_button = QPushButton()
        self.edit_person_button.clicked.connect(self.edit_person)
        self.reassign_button = QPushButton()
        self.reassign_button.clicked.connect(self.reassign)
        self.log_button.clicked.connect(lambda: self.log_visit_requested.emit(self.case_id))
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.case_id))
        self.close_button.clicked.connect(lambda: self.close_requested.emit(self.case_id))
        self.print_button.clicked.connect(self.request_print)
        QShortcut(QKeySequence("Ctrl+L"), self, activated=self.log_button.click)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.request_print)
        buttons = QHBoxLayout()
        for button in (self.log_button, self.edit_button, self.edit_person_button, self.reassign_button, self.close_button,
                       self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.facts_box)
        left_layout.addWidget(self.plan_box, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.visits_box)
        splitter.setSizes([520, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(splitter, 1)
        fit_to_screen(self, 1180, 720)

    def reload(self) -> None:
        """Read the case again (short read on the GUI connection) and redraw."""
        self.case = get_case(self.ctx.db, self.case_id, with_visits=True)
        self.visits.set_rows(self.case["visits"])
        fit_columns(self.visit_table)
        if self.case["visits"]:
            self.visit_table.selectRow(0)
        self.retranslate()

    refresh = reload

    def retranslate(self) -> None:
        c = self.case
        person = c.get("person") or {}
        self.setWindowTitle(self.tr("Case %1").replace("%1", c.get("case_no", "")))
        self.heading.setText(f"{c.get('case_no', '')}　{c.get('person_name') or ''}")
        labels = {"person_name": self.tr("Client"), "gender_age": self.tr("Gender / age"),
                  "id_number": self.tr("Resident ID number"), "phone": self.tr("Phone"), "community": self.tr("Community"),
                  "address": self.tr("Address"), "domain": self.tr("Service domain"), "risk": self.tr("Risk level"),
                  "program": self.tr("Program"), "referral_source": self.tr("Referral source"),
                  "intake_date": self.tr("Intake date"), "worker": self.tr("Social worker"),
                  "status": self.tr("Case status"), "closed": self.tr("Closed")}
        age = age_on(c.get("birth_date"), None)
        values = {"person_name": c.get("person_name"), "id_number": mask_id_number(c.get("id_number")),
                  "gender_age": " / ".join(filter(None, [enums.label("gender", c.get("gender")),
                                                         self.tr("%1 years").replace("%1", age) if age else ""])),
                  "phone": c.get("phone"), "community": c.get("community"), "address": person.get("address"),
                  "domain": enums.label("domain", c.get("domain")), "risk": enums.label("risk", c.get("risk")),
                  "program": c.get("program"), "referral_source": enums.label("referral_source", c.get("referral_source")),
                  "intake_date": c.get("intake_date"), "worker": c.get("worker"),
                  "status": enums.label("status", c.get("status")),
                  "closed": " ".join(filter(None, [c.get("closed_on"), c.get("close_reason")]))}
        for name in FACTS:
            self.fact_labels[name].setText(labels[name])
            self.fact_values[name].setText(values[name] or "—")
        self.facts_box.setTitle(self.tr("Case facts"))
        self.plan_box.setTitle(self.tr("Problem, goals and plan"))
        self.visits_box.setTitle(self.tr("Visits, newest first (%1)").replace("%1", str(len(self.visits.rows))))
        self.plan_text.setHtml(self._plan_html())
        self._buttons_retranslate()
        self.visits.retranslate()

    def _plan_html(self) -> str:
        import html

        parts = [(self.tr("Presenting problem"), self.case.get("problem")), (self.tr("Service goals"), self.case.get("goals")),
                 (self.tr("Service plan"), self.case.get("plan"))]
        return "".join(f"<p><b>{html.escape(title)}</b><br>{html.escape(text or '—').replace(chr(10), '<br>')}</p>"
                       for title, text in parts)

    def _buttons_retranslate(self) -> None:
        is_open = self.case.get("status") == "open"
        self.log_button.setText(self.tr("Log visit (Ctrl+L)"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_person_button.setText(self.tr("Edit client…"))
        self.reassign_button.setText(self.tr("Reassign…"))
        self.close_button.setText(self.tr("Close case"))
        self.print_button.setText(self.tr("Print (Ctrl+P)"))
        self.log_button.setEnabled(is_open)
        self.edit_button.setEnabled(is_open)
        self.close_button.setEnabled(is_open)
        self.reassign_button.setEnabled(is_open)
        person = self.case.get("person") or {}
        self.edit_person_button.setEnabled(bool(person) and not person.get("deleted"))  # closed cases too
        can_print = case_printer() is not None
        self.print_button.setEnabled(can_print)
        self.print_button.setToolTip("" if can_print else print_unavailable_text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self.case:
            self.retranslate()
        super().changeEvent(event)

    def _show_notes(self, row: int) -> None:
        visit = self.visits.rows[row] if 0 <= row < len(self.visits.rows) else None
        self.visit_notes.setPlainText((visit or {}).get("notes") or "")

    def request_print(self) -> None:
        if case_printer() is not None:
            self.print_requested.emit(self.case_id)

    def edit_person(self) -> PersonEditDialog | None:
        """Correct the client's facts in a dialog over this one (brought forward when already open)."""
        def make() -> PersonEditDialog | None:
            person_id = self.case.get("person_id")
            if not person_id:
                return None
            try:
                return PersonEditDialog(self.ctx, person_id, self)
            except UserError as exc:  # the client was deleted meanwhile
                show_error(self, exc)
                return None

        return self._over_this("person_dialog", make)

    def reassign(self) -> ReassignDialog | None:
        """Hand the open case to another worker (or, on a supervisor's computer, office) in a dialog over this one."""
        return self._over_this("reassign_dialog", lambda: ReassignDialog(self.ctx, self.case, self)
                               if self.case.get("status") == "open" else None)

    def _over_this(self, attr: str, make):
        """The dialog kept in ``attr`` brought forward while open, else a new one from ``make()`` (None: none)."""
        dialog = getattr(self, attr)
        if dialog is None or not shiboken6.isValid(dialog) or not dialog.isVisible():
            dialog = make()
            if dialog is None:
                return None
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            setattr(self, attr, dialog)
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _on_changes(self, changes) -> None:
        if changes.tables & {"cases", "visits", "persons"}:
            self.reload()

    def selected_case_id(self) -> str:
        return self.case_id


def print_unavailable_text() -> str:
    """Why Print is greyed out until the printing work is installed."""
    return QCoreApplication.translate("CaseDetailDialog", "Printing will be available in a later version")
