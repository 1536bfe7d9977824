"""Possible duplicates shown before a second record of the same client is made (DESIGN.md)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout

from ..core import enums
from ..core.persons import DUPLICATE_REASONS
from ..reports.words import mask_id_number
from .widgets import Column, RecordTableModel, Retranslating, fit_to_screen, make_table


class DuplicatesDialog(Retranslating, QDialog):
    """Lists matching clients with the reason; the user reuses one or registers a new one."""

    use_existing = Signal(str)
    create_new = Signal()

    def __init__(self, duplicates: list[dict], parent=None):
        super().__init__(parent)
        self.model = RecordTableModel([
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("gender", QT_TRANSLATE_NOOP("Columns", "Gender"), lambda r: enums.label("gender", r.get("gender"))),
            Column("birth_date", QT_TRANSLATE_NOOP("Columns", "Birth date")),
            Column("id_number", QT_TRANSLATE_NOOP("Columns", "Resident ID number"), lambda r: mask_id_number(r.get("id_number"))),
            Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
            Column("community", QT_TRANSLATE_NOOP("Columns", "Community")),
            Column("reason", QT_TRANSLATE_NOOP("Columns", "Why it may be the same person"),
                   lambda r: str(DUPLICATE_REASONS.get(r["reason"], r["reason"])))], self)
        self.model.set_rows(duplicates)
        self.intro = QLabel(wordWrap=True)
        self.table = make_table(self.model)
        self.table.selectRow(0)
        self.table.resizeColumnsToContents()
        self.table.activated.connect(lambda _index: self._use())
        self.buttons = QDialogButtonBox()
        self.use_button = QPushButton(default=True)
        self.new_button = QPushButton()
        self.back_button = QPushButton()
        self.buttons.addButton(self.use_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.new_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.use_button.clicked.connect(self._use)
        self.new_button.clicked.connect(self._new)
        self.back_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 820, 300)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Possible duplicate client"))
        self.intro.setText(self.tr("This client may already be registered. Open the case for the existing client, "
                                   "or register a new client if it is a different person."))
        self.use_button.setText(self.tr("Use the selected client"))
        self.new_button.setText(self.tr("Register a new client"))
        self.back_button.setText(self.tr("Back to the form"))
        self.model.retranslate()

    def _use(self) -> None:
        index = self.table.currentIndex()
        row = index.row() if index.isValid() else 0
        person_id = self.model.rows[row]["id"]
        self.accept()
        self.use_existing.emit(person_id)

    def _new(self) -> None:
        self.accept()
        self.create_new.emit()


def go_on_unless_duplicate(parent, duplicates: list[dict], proceed: Callable[[str | None], None]) -> DuplicatesDialog | None:
    """Register the client at once when nobody matches; else let the user pick one (its id) or a new record (None).

    Returns the dialog shown, if any (it is opened without blocking).
    """
    if not duplicates:
        proceed(None)
        return None
    dialog = DuplicatesDialog(duplicates, parent)
    dialog.use_existing.connect(proceed)
    dialog.create_new.connect(lambda: proceed(None))
    dialog.open()
    return dialog
