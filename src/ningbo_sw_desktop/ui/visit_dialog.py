"""走访记录 Visit log: one contact with a client, typed right after it happened."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
)

from ..core.errors import ValidationError
from ..core.validation import validate_visit
from ..core.visits import log_visit
from . import lookups
from .drafted_dialog import DraftedFormDialog
from .forms import chain_tab_order
from .widgets import EnumCombo, RecordCombo, fit_to_screen

FIELDS = ("at", "kind", "worker_id", "duration_min", "notes", "outcome", "next_follow_up")


class VisitDialog(DraftedFormDialog):
    """Defaults to now, the current worker and the last kind used; notes may be any length."""

    visit_logged = Signal(str)

    def __init__(self, ctx, case: dict, parent=None, *, form_name: str | None = None):
        super().__init__(ctx, "visit", form_name, parent)
        self.case = case
        self._build()
        self.form.edited.connect(self._on_edit)
        self.retranslate()
        self.validate()

    def _build(self) -> None:
        self.case_label = QLabel(f"<b>{self.case['case_no']}</b>　{self.case.get('person_name') or ''}")
        at = QDateTimeEdit(QDateTime.currentDateTime(), calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        duration = QSpinBox(minimum=0, maximum=1440, singleStep=5, specialValueText="—")
        follow_date = QDateEdit(QDate.currentDate().addDays(14), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.follow_check = QCheckBox()
        widgets = {"at": at, "kind": EnumCombo("kind"), "worker_id": RecordCombo(blank="choose"),
                   "duration_min": duration, "notes": QPlainTextEdit(), "outcome": QLineEdit(),
                   "next_follow_up": follow_date}
        widgets["notes"].setTabChangesFocus(True)
        widgets["notes"].setMinimumHeight(160)
        form = QFormLayout()
        form.addRow(self.case_label)
        self.form.add("follow_up_on", self.follow_check)
        for name, widget in widgets.items():
            self.form.add_row(form, name, widget, lead=self.follow_check if name == "next_follow_up" else None)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.form.widgets["worker_id"].set_records(lookups.workers(self.ctx.db))
        self.form.fill({"worker_id": self.ctx.prefs.worker_id or self.case.get("worker_id"),
                        "kind": self.ctx.prefs.last_visit_kind})
        follow_date.setEnabled(False)
        self.follow_check.toggled.connect(follow_date.setEnabled)
        order = [at, widgets["kind"], widgets["worker_id"], duration, widgets["notes"], widgets["outcome"],
                 self.follow_check, follow_date, self.save_button, self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        chain_tab_order(order)
        widgets["notes"].setFocus()
        fit_to_screen(self, 620, 560)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Log a visit"))
        self.form.set_label_texts({
            "at": self.tr("Time *"), "kind": self.tr("Visit kind *"), "worker_id": self.tr("Social worker"),
            "duration_min": self.tr("Duration (minutes)"), "notes": self.tr("Notes *"), "outcome": self.tr("Outcome"),
            "next_follow_up": self.tr("Next follow-up")})
        self.follow_check.setText(self.tr("Plan a follow-up on"))
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.validate()

    def visit_values(self) -> dict:
        """What core's ``log_visit`` takes; the follow-up date only when its box is ticked."""
        values = self.form.values(FIELDS)
        if not self.follow_check.isChecked():
            values["next_follow_up"] = None
        return {"case_id": self.case["id"], **values}

    def draft_values(self) -> dict:
        return {"form": "visit", "case_id": self.case["id"], **self.form.values()}

    def problems(self) -> dict[str, str]:
        try:
            validate_visit(self.visit_values())
        except ValidationError as exc:
            return exc.messages()
        return {}

    def save(self) -> None:
        if not self._ready_to_save():
            return
        values = self.visit_values()
        self._write(lambda db: log_visit(db, values))

    def _saved(self, changes) -> None:
        self.ctx.prefs.last_visit_kind = self.form.values(["kind"])["kind"]
        self._finish()
        self.visit_logged.emit(changes.value or "")
