"""转派 Reassigning an open case to another social worker, and on a supervisor's computer to another office."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout

from ..core.cases import known_offices, reassign_case
from ..core.errors import ValidationError
from ..core.office import device_role
from ..core.workers import list_workers
from .case_edit_dialog import _CaseWriteDialog
from .forms import FormBinder
from .widgets import ErrorLabel, RecordCombo, fit_to_screen


class ReassignDialog(_CaseWriteDialog):
    """Pick the worker (and, for a supervisor, the office) that takes the case; core checks the rest.

    Workers of the chosen office are listed first; the others follow, marked with their office,
    so a choice core refuses is explained beside the worker picker rather than hidden.
    """

    def __init__(self, ctx, case: dict, parent=None):
        super().__init__(parent)
        self.ctx, self.case = ctx, case
        self.supervisor = device_role(ctx.db) == "supervisor"
        self.workers = list_workers(ctx.db)
        self.form = FormBinder(self)
        layout = QVBoxLayout(self)
        rows = QFormLayout()
        self.office: RecordCombo | None = None
        if self.supervisor:
            self.office = RecordCombo()
            offices = sorted(known_offices(ctx.db) | ({case["office_code"]} if case.get("office_code") else set()))
            self.office.set_records([(code, code) for code in offices])
            self.office.set_id(case.get("office_code"))
            self.form.add_row(rows, "office_code", self.office)
        self.worker = RecordCombo(blank="choose")
        self.form.add_row(rows, "worker_id", self.worker)
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        layout.addWidget(self.hint)
        layout.addLayout(rows)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._fill_workers()
        self.form.fill({"worker_id": case.get("worker_id")})
        if self.office is not None:
            self.office.currentIndexChanged.connect(lambda _index: self._office_changed())
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.form.edited.connect(lambda _name: self.validate())
        fit_to_screen(self, 460, 180)
        self.retranslate()

    def target_office(self) -> str | None:
        return self.office.record_id() if self.office is not None else self.case.get("office_code")

    def _fill_workers(self) -> None:
        """The chosen office's workers (and those of no office) first, then the others with their office."""
        target = self.target_office()
        own = [w for w in self.workers if not w["office_code"] or not target or w["office_code"] == target]
        others = [w for w in self.workers if w not in own]
        self.worker.set_records([(w["id"], w["name"]) for w in own] + [(w["id"], w["name"]) for w in others])
        if own and others:
            self.worker.insertSeparator(self.worker.count() - len(others))
        self._mark_other_offices()

    def _mark_other_offices(self) -> None:
        """Workers of another office carry its code after their name, in the language shown now."""
        target = self.target_office()
        for i in range(self.worker.count()):
            worker = next((w for w in self.workers if w["id"] == self.worker.itemData(i)), None)
            if worker and worker["office_code"] and target and worker["office_code"] != target:
                self.worker.setItemText(i, self.tr("%1 (office %2)").replace("%1", worker["name"])
                                        .replace("%2", worker["office_code"]))

    def _office_changed(self) -> None:
        keep = self.worker.record_id()
        self._fill_workers()
        target = self.target_office()
        office = next((w["office_code"] for w in self.workers if w["id"] == keep), None)
        if office and target and office != target:
            self.worker.set_id(None)  # a worker of the old office cannot follow the case: choose again
        self.validate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Reassign case %1").replace("%1", self.case["case_no"]))
        labels = {"worker_id": self.tr("Social worker")}
        if self.office is not None:
            labels["office_code"] = self.tr("Office")
        self.form.set_label_texts(labels)
        self.hint.setText(
            self.tr("The case moves to the chosen office with its client and visits in the next sync bundle.")
            if self.supervisor else self.tr("Choose the social worker who takes the case over."))
        self.save_button.setText(self.tr("Reassign"))
        self._mark_other_offices()
        self.validate()

    def changed_values(self) -> dict:
        values = {}
        office = self.target_office()
        if office and office != self.case.get("office_code"):
            values["office_code"] = office
        worker = self.worker.record_id()
        if worker and worker != self.case.get("worker_id"):
            values["worker_id"] = worker
        return values

    def validate(self) -> bool:
        problems = {}
        if not self.worker.record_id():
            problems["worker_id"] = self.tr("choose the social worker who takes the case")
        self.form.show_errors(problems)
        self.save_button.setEnabled(not problems and bool(self.changed_values()) and not self._saving)
        return not problems

    def save(self) -> None:
        if self._saving or not self.validate() or not self.changed_values():
            return
        self.general_error.show_problem(None)
        case_no, office, worker = self.case["case_no"], self.target_office(), self.worker.record_id()
        self._write(lambda db: reassign_case(db, case_no, office_code=office, worker_id=worker))

    def _failed(self, exc: BaseException) -> bool:
        """Refused: each field's problem beside it, any other (a case closed meanwhile) under the form."""
        self._saving = False
        self.validate()
        if not isinstance(exc, ValidationError):
            return False
        problems = exc.messages()
        self.form.show_errors({k: v for k, v in problems.items() if k in self.form.widgets}, everything=True)
        self.general_error.show_problem("\n".join(v for k, v in problems.items() if k not in self.form.widgets) or None)
        self.save_button.setEnabled(False)  # the same choice would be refused again; a new one turns it on
        return True
