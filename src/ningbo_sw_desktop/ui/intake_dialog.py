"""个案接案 Intake: register a client (or reuse one) and open their case in one form."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..core.cases import open_case
from ..core.errors import ValidationError
from ..core.persons import find_duplicates
from ..core.validation import parse_date, validate_case, validate_person
from . import lookups
from .drafted_dialog import DraftedFormDialog
from .duplicates_dialog import DuplicatesDialog, go_on_unless_duplicate
from .forms import TagChecks, chain_tab_order
from .widgets import EnumCombo, RecordCombo, fit_to_screen

PERSON_FIELDS = ("name", "id_number", "gender", "birth_date", "phone", "community_id", "address", "relief_status", "tags")
CASE_FIELDS = ("domain", "risk", "problem", "referral_source", "program_id", "worker_id", "intake_date", "goals", "plan")


class IntakeDialog(DraftedFormDialog):
    """Checks as the user types (with core's rules), warns of duplicates, saves off the GUI thread."""

    case_opened = Signal(str)

    def __init__(self, ctx, parent=None, *, form_name: str | None = None):
        super().__init__(ctx, "intake", form_name, parent)
        self.duplicates_dialog: DuplicatesDialog | None = None
        self._build()
        self._fill_defaults()
        self.form.edited.connect(self._on_edit)
        self.retranslate()
        self.validate()

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        date_edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        date_edit.setMaximumDate(QDate.currentDate())
        person_widgets = {
            "name": QLineEdit(), "id_number": QLineEdit(maxLength=22), "gender": EnumCombo("gender", blank="choose"),
            "birth_date": QLineEdit(), "phone": QLineEdit(),
            "community_id": RecordCombo(blank="choose"), "address": QLineEdit(),
            "relief_status": EnumCombo("relief_status"), "tags": TagChecks()}
        case_widgets = {
            "domain": EnumCombo("domain", blank="choose"), "risk": EnumCombo("risk", blank="choose"),
            "problem": QPlainTextEdit(), "referral_source": EnumCombo("referral_source", blank="choose"),
            "program_id": RecordCombo(blank="choose"), "worker_id": RecordCombo(blank="choose"),
            "intake_date": date_edit, "goals": QPlainTextEdit(), "plan": QPlainTextEdit()}
        for name in ("problem", "goals", "plan"):
            case_widgets[name].setTabChangesFocus(True)
            case_widgets[name].setMinimumHeight(60)
        self.person_box, self.case_box = QGroupBox(), QGroupBox()
        for box, widgets in ((self.person_box, person_widgets), (self.case_box, case_widgets)):
            form = QFormLayout(box)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            for name, widget in widgets.items():
                self.form.add_row(form, name, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        columns = QHBoxLayout()
        columns.addWidget(self.person_box, 1)
        columns.addWidget(self.case_box, 1)
        self.required_note = QLabel()
        self.required_note.setStyleSheet("color: #555;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.required_note)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        order = [self.form.widgets[name] for name in PERSON_FIELDS[:-1]]
        order += list(self.form.widgets["tags"].boxes.values())
        order += [self.form.widgets[name] for name in CASE_FIELDS] + [self.save_button,
                                                                      self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        chain_tab_order(order)
        fit_to_screen(self, 980, 660)

    def _fill_defaults(self) -> None:
        self.form.widgets["community_id"].set_records(lookups.communities(self.ctx.db))
        self.form.widgets["program_id"].set_records(lookups.programs(self.ctx.db))
        self.form.widgets["worker_id"].set_records(lookups.workers(self.ctx.db))
        self.form.fill({"worker_id": self.ctx.prefs.worker_id, "relief_status": "none",
                        "intake_date": datetime.date.today().isoformat()})

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New case (intake)"))
        self.person_box.setTitle(self.tr("Client"))
        self.case_box.setTitle(self.tr("Case"))
        self.form.set_label_texts({
            "name": self.tr("Name *"), "id_number": self.tr("Resident ID number"), "gender": self.tr("Gender (*)"),
            "birth_date": self.tr("Birth date (*)"), "phone": self.tr("Phone"), "community_id": self.tr("Community *"),
            "address": self.tr("Address"), "relief_status": self.tr("Relief status"), "tags": self.tr("Tags"),
            "domain": self.tr("Service domain *"), "risk": self.tr("Risk level *"),
            "problem": self.tr("Presenting problem *"), "referral_source": self.tr("Referral source"),
            "program_id": self.tr("Program"), "worker_id": self.tr("Social worker"),
            "intake_date": self.tr("Intake date"), "goals": self.tr("Service goals"), "plan": self.tr("Service plan")})
        self.form.widgets["birth_date"].setPlaceholderText(self.tr("e.g. 1948-05-10; may stay blank when the ID number is given"))
        derived = self.tr("Filled from the ID number when left blank")
        for name in ("gender", "birth_date"):  # required, unless a valid ID number gives them
            self.form.widgets[name].setToolTip(derived)
            self.form.labels[name].setToolTip(derived)
        self.required_note.setText(self.tr("* required    (*) required unless the resident ID number is given"))
        self.save_button.setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.validate()

    # --- values and checks --------------------------------------------------------------------

    def person_values(self) -> dict:
        return self.form.values(PERSON_FIELDS)

    def case_values(self) -> dict:
        return self.form.values(CASE_FIELDS)

    def draft_values(self) -> dict:
        return {"form": "intake", **self.form.values()}

    def problems(self) -> dict[str, str]:
        """Every field's problem, in the user's language, from core's own checks."""
        found: dict[str, str] = {}
        birth = None
        try:
            birth = validate_person(self.person_values()).get("birth_date")
        except ValidationError as exc:
            found.update(exc.messages())
            if "birth_date" not in found:
                birth = _date_or_none(self.form.values(["birth_date"])["birth_date"])
        try:
            validate_case({**self.case_values(), "person_id": "pending"},
                          birth_date=parse_date(birth) if birth else None)
        except ValidationError as exc:
            found.update({name: text for name, text in exc.messages().items() if name not in found})
        return found

    # --- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        """Check for duplicates first; then open the case for a new or an existing client."""
        if not self._ready_to_save():
            return
        duplicates = find_duplicates(self.ctx.db, self.person_values())
        self.duplicates_dialog = go_on_unless_duplicate(self, duplicates, self._open_case)

    def _open_case(self, person_id: str | None) -> None:
        case_values, person_values = self.case_values(), None if person_id else self.person_values()
        self._write(lambda db: open_case(db, case_values, person_id=person_id, person_values=person_values))

    def _saved(self, changes) -> None:
        case_id = changes.first("cases")
        self._finish()
        if case_id:
            self.case_opened.emit(case_id)


def _date_or_none(text: str | None) -> str | None:
    try:
        return parse_date(text).isoformat() if text and text.strip() else None
    except ValueError:
        return None
