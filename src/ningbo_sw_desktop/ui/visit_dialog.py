"""走访记录 Visit log: one contact with a client, typed right after it happened."""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ValidationError
from ..core.validation import validate_visit
from ..core.visits import log_visit
from . import lookups
from .drafted_dialog import DraftedFormDialog
from .drafts_ui import DraftKeeper, new_form_name
from .forms import FormBinder
from .widgets import EnumCombo, RecordCombo

FIELDS = ("at", "kind", "worker_id", "duration_min", "notes", "outcome", "next_follow_up")


class VisitDialog(DraftedFormDialog):
    """Defaults to now, the current worker and the last kind used; notes may be any length."""

    visit_logged = Signal(str)

    def __init__(self, ctx, case: dict, parent=None, *, form_name: str | None = None):
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self._saving = False
        self._confirm_box: QMessageBox | None = None
        self.form = FormBinder(self)
        self.drafts = DraftKeeper(ctx.drafts_folder, form_name or new_form_name("visit"), self.draft_values, self)
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
            label, field, error = self.form.add(name, widget)
            column = QWidget()
            inner = QVBoxLayout(column)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.setSpacing(1)
            if name == "next_follow_up":
                row = QHBoxLayout()
                row.addWidget(self.follow_check)
                row.addWidget(field, 1)
                inner.addLayout(row)
            else:
                inner.addWidget(field)
            inner.addWidget(error)
            form.addRow(label, column)
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
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        widgets["notes"].setFocus()
        self.resize(620, 560)

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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def visit_values(self) -> dict:
        """What core's ``log_visit`` takes; the follow-up date only when its box is ticked."""
        values = self.form.values(FIELDS)
        if not self.follow_check.isChecked():
            values["next_follow_up"] = None
        return {"case_id": self.case["id"], **values}

    def draft_values(self) -> dict:
        return {"form": "visit", "case_id": self.case["id"], **self.form.values()}

    def restore(self, values: dict) -> None:
        self.form.fill({k: v for k, v in values.items() if k in self.form.widgets}, as_typed=True)
        self.validate()

    def problems(self) -> dict[str, str]:
        try:
            validate_visit(self.visit_values())
        except ValidationError as exc:
            return exc.messages()
        return {}

    def save(self) -> None:
        if self._saving or not self.validate():
            self.form.show_errors(self.problems(), everything=True)
            return
        values = self.visit_values()
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.ops.write(lambda db: log_visit(db, values), success=self._saved, failure=self._failed, parent=self)

    def _saved(self, changes) -> None:
        self.ctx.prefs.last_visit_kind = self.form.values(["kind"])["kind"]
        self.drafts.discard()
        self._saving = False
        super().accept()
        self.visit_logged.emit(changes.value or "")

