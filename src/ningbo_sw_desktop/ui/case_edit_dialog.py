"""Editing a case's facts, goals and plan, and closing it with a reason."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QVBoxLayout

from ..core.cases import close_case, update_case
from ..core.errors import ValidationError
from ..core.validation import validate_case
from . import lookups
from .forms import EditsStoredRecord, FormBinder
from .widgets import EnumCombo, RecordCombo, Retranslating, fit_to_screen

EDIT_FIELDS = ("domain", "risk", "problem", "referral_source", "program_id", "worker_id", "goals", "plan")


def _form_dialog(dialog: QDialog, form: FormBinder, widgets: dict) -> QDialogButtonBox:
    """Lay out fields with their error lines and Save/Cancel under them."""
    layout = QVBoxLayout(dialog)
    rows = QFormLayout()
    for name, widget in widgets.items():
        form.add_row(rows, name, widget)
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    layout.addLayout(rows)
    layout.addWidget(buttons)
    return buttons


class _CaseWriteDialog(Retranslating, QDialog):
    """Save stays off while a write is on its way, so typing meanwhile cannot send it twice."""

    _saving = False

    def _write(self, op) -> None:
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.ops.write(op, success=lambda _changes: self.accept(), failure=self._failed, parent=self)

    def _failed(self, _exc: BaseException) -> bool:
        """Refused: Save comes back with the fields' state; the message box says why."""
        self._saving = False
        self.validate()
        return False


class CaseEditDialog(EditsStoredRecord, _CaseWriteDialog):
    """Only the fields the user changed are written, with the stamp they saw (no lost updates)."""

    FIELDS = EDIT_FIELDS

    def __init__(self, ctx, case: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.form = FormBinder(self)
        widgets = {"domain": EnumCombo("domain"), "risk": EnumCombo("risk"), "problem": QPlainTextEdit(),
                   "referral_source": EnumCombo("referral_source", blank="choose"),
                   "program_id": RecordCombo(blank="choose"), "worker_id": RecordCombo(blank="choose"),
                   "goals": QPlainTextEdit(), "plan": QPlainTextEdit()}
        self.buttons = _form_dialog(self, self.form, widgets)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        widgets["program_id"].set_records(lookups.programs(ctx.db))
        widgets["worker_id"].set_records(lookups.workers(ctx.db))
        self.form.fill({name: case.get(name) for name in EDIT_FIELDS})
        self.original = self.form.values(EDIT_FIELDS)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.edited.connect(lambda _name: self.validate())
        fit_to_screen(self, 640, 600)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit case %1").replace("%1", self.case["case_no"]))
        self.form.set_label_texts({
            "domain": self.tr("Service domain"), "risk": self.tr("Risk level"), "problem": self.tr("Presenting problem"),
            "referral_source": self.tr("Referral source"), "program_id": self.tr("Program"),
            "worker_id": self.tr("Social worker"), "goals": self.tr("Service goals"), "plan": self.tr("Service plan")})
        self.validate()

    def validate(self) -> bool:
        birth = (self.case.get("person") or {}).get("birth_date")
        try:
            validate_case(self.changed_values(), partial=True,
                          birth_date=datetime.date.fromisoformat(birth) if birth else None)
            problems = {}
        except ValidationError as exc:
            problems = exc.messages()
        self.form.show_errors(problems, everything=True)
        self.save_button.setEnabled(not problems and bool(self.changed_values()) and not self._saving)
        return not problems

    def save(self) -> None:
        if self._saving or not self.validate():
            return
        values, case_id, seen = self.changed_values(), self.case["id"], self.case.get("hlc")
        self._write(lambda db: update_case(db, case_id, values, seen_hlc=seen))


class CloseCaseDialog(_CaseWriteDialog):
    """Closing needs a reason (结案原因); the day defaults to today."""

    def __init__(self, ctx, case: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.form = FormBinder(self)
        closed_on = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        closed_on.setMaximumDate(QDate.currentDate())
        self.buttons = _form_dialog(self, self.form, {"close_reason": QPlainTextEdit(), "closed_on": closed_on})
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.edited.connect(lambda _name: self.validate())
        fit_to_screen(self, 480, 300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Close case %1").replace("%1", self.case["case_no"]))
        self.form.set_label_texts({"close_reason": self.tr("Closing reason *"), "closed_on": self.tr("Closing date")})
        self.save_button.setText(self.tr("Close case"))
        self.validate()

    def validate(self) -> bool:
        values = self.form.values()
        try:
            validate_case({"status": "closed", "intake_date": self.case["intake_date"], **values}, partial=True)
            problems = {}
        except ValidationError as exc:
            problems = exc.messages()
        self.form.show_errors(problems)
        self.save_button.setEnabled(not problems and not self._saving)
        return not problems

    def save(self) -> None:
        if self._saving or not self.validate():
            return
        values, case_no = self.form.values(), self.case["case_no"]
        self._write(lambda db: close_case(db, case_no, values["close_reason"].strip(), closed_on=values["closed_on"]))
