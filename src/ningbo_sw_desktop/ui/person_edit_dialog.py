"""Correcting a client's (服务对象) facts: a new phone or address after a move, a typo in the name.

Opened from the case detail. Only the fields the user changed are written, with the stamp
the client's record had when the dialog opened, so an edit made meanwhile (at this desk or
by a sync bundle) is never silently overwritten.
"""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
)

from ..core.errors import StaleEdit, ValidationError
from ..core.persons import get_person, update_person
from ..core.validation import validate_person
from . import lookups
from .forms import EditsStoredRecord, FormBinder, TagChecks
from .widgets import EnumCombo, ErrorLabel, RecordCombo, Retranslating, fit_to_screen

PERSON_FIELDS = ("name", "id_number", "gender", "birth_date", "phone", "community_id", "address", "relief_status", "tags")
# The ID number encodes the birth date and gender: when one of them changes, all three are checked together.
IDENTITY_FIELDS = ("id_number", "gender", "birth_date")


def _tags(raw) -> list[str]:
    """Stored tags (JSON text) as a list of codes."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw) if raw.strip() else []
        except ValueError:
            return []
    return list(raw or [])


class PersonEditDialog(EditsStoredRecord, Retranslating, QDialog):
    """Checks as the user types (core's rules); a refused write is shown beside its field."""

    FIELDS = PERSON_FIELDS

    def __init__(self, ctx, person_id: str, parent=None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person_id
        self.person = get_person(ctx.db, person_id)
        self.seen_hlc = self.person.get("hlc")
        self.refused: dict[str, str] = {}  # problems the write came back with, until the field is edited
        self.stale: StaleEdit | None = None  # the refusal of a write, when the record changed meanwhile
        self._saving = False
        self._confirm_box: QMessageBox | None = None
        self.form = FormBinder(self)
        self._build()
        self.form.widgets["community_id"].set_records(lookups.communities(ctx.db))
        self.form.fill({**{name: self.person.get(name) for name in PERSON_FIELDS},
                        "tags": _tags(self.person.get("tags"))})
        self.original = self.form.values(PERSON_FIELDS)
        self.form.edited.connect(self._on_edit)
        self.retranslate()
        fit_to_screen(self, 600, self.sizeHint().height())  # as tall as the form: no empty band above the buttons

    def _build(self) -> None:
        widgets = {"name": QLineEdit(), "id_number": QLineEdit(maxLength=22), "gender": EnumCombo("gender", blank="choose"),
                   "birth_date": QLineEdit(), "phone": QLineEdit(), "community_id": RecordCombo(blank="choose"),
                   "address": QLineEdit(), "relief_status": EnumCombo("relief_status"), "tags": TagChecks()}
        self.notice = ErrorLabel()
        self.notice.setObjectName("staleNotice")
        rows = QFormLayout()
        rows.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, widget in widgets.items():
            self.form.add_row(rows, name, widget)
        self.required_note = QLabel()
        self.required_note.setStyleSheet("color: #555;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addLayout(rows)
        layout.addStretch(1)
        layout.addWidget(self.required_note)
        layout.addWidget(self.buttons)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit client %1").replace("%1", self.person.get("name") or ""))
        self.form.set_label_texts({
            "name": self.tr("Name *"), "id_number": self.tr("Resident ID number"), "gender": self.tr("Gender (*)"),
            "birth_date": self.tr("Birth date (*)"), "phone": self.tr("Phone"), "community_id": self.tr("Community *"),
            "address": self.tr("Address"), "relief_status": self.tr("Relief status"), "tags": self.tr("Tags")})
        self.form.widgets["birth_date"].setPlaceholderText(self.tr("e.g. 1948-05-10; may stay blank when the ID number is given"))
        derived = self.tr("Filled from the ID number when left blank")
        for name in ("gender", "birth_date"):  # required, unless a valid ID number gives them
            self.form.widgets[name].setToolTip(derived)
            self.form.labels[name].setToolTip(derived)
        self.required_note.setText(self.tr("* required    (*) required unless the resident ID number is given. "
                                           "Only the fields you change are saved."))
        self.save_button.setText(self.tr("Save"))
        self.cancel_button.setText(self.tr("Cancel"))
        if self.stale:
            self.notice.show_problem(str(self.stale.text))
        self.validate()

    # --- values and checks ----------------------------------------------------------------------

    def problems(self) -> dict[str, str]:
        """Each changed field's problem in the user's language, from core's own checks."""
        changed = self.changed_values()
        checked = dict(changed)
        if any(name in changed for name in IDENTITY_FIELDS):
            checked.update(self.form.values(IDENTITY_FIELDS))
        found: dict[str, str] = {}
        if checked:
            try:
                validate_person(checked, partial=True)
            except ValidationError as exc:
                found = exc.messages()
        for name, text in self.refused.items():
            found.setdefault(name, text)
        return found

    def validate(self) -> bool:
        problems = self.problems()
        self.form.show_errors(problems, everything=True)
        can_save = not problems and bool(self.changed_values()) and self.stale is None and not self._saving
        self.save_button.setEnabled(can_save)
        return not problems

    def _on_edit(self, name: str) -> None:
        self.refused.pop(name, None)
        if name in IDENTITY_FIELDS:  # a taken ID number, or a date it disagreed with, may be fixed now
            for other in IDENTITY_FIELDS:
                self.refused.pop(other, None)
        self.validate()

    # --- saving ------------------------------------------------------------------------------------

    def save(self) -> None:
        if self._saving or self.stale is not None or not self.validate():
            return
        values, person_id, seen = self.changed_values(), self.person_id, self.seen_hlc
        if not values:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.ops.write(lambda db: update_person(db, person_id, values, seen_hlc=seen),
                           success=self._saved, failure=self._failed, parent=self)

    def _saved(self, _changes) -> None:
        self._saving = False
        super().accept()

    def _failed(self, exc: BaseException) -> bool:
        """Field problems go beside their fields, a stale record above the form; anything else to a box."""
        self._saving = False
        handled = False
        if isinstance(exc, StaleEdit):
            self.stale = exc
            self.notice.show_problem(str(exc.text))
            handled = True
        elif isinstance(exc, ValidationError) and set(exc.by_field()) <= set(self.form.widgets):
            self.refused = exc.messages()
            handled = True
        self.validate()
        return handled
