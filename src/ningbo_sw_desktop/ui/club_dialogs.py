"""The clubs page's forms: found a club, enrol a member (existing or new client), add an activity.

Each form keeps what was typed, saves through the op runner and shows core's refusals
beside the fields they concern; enrolling a new client passes the duplicate check first,
as intake does, so one person never gets two records.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.clubs import add_activity, add_club, add_member
from ..core.errors import ValidationError
from ..core.persons import find_duplicates
from ..core.search import search
from . import lookups
from .duplicates_dialog import DuplicatesDialog, go_on_unless_duplicate
from .forms import FormBinder, TagChecks, confirm_discard
from .widgets import EnumCombo, ErrorLabel, RecordCombo, Retranslating, fit_to_screen


class ClubFormDialog(Retranslating, QDialog):
    """A small form: named fields with error lines, Save and Cancel, the write off the GUI thread."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = FormBinder(self)
        self.general_error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.saved_value = None
        self._saving = False
        self._confirm_box: QMessageBox | None = None

    def add_rows(self, layout: QFormLayout, widgets: dict[str, QWidget]) -> None:
        for name, widget in widgets.items():
            self.form.add_row(layout, name, widget)

    def run(self, op) -> None:
        """Write ``op(db)``; on success close, on refusal show each problem beside its field.

        One write at a time: a double-click or a second Enter while it is on its way would
        otherwise enrol (or register) the same person twice.
        """
        if self._saving:
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.general_error.show_problem(None)
        self.ctx.ops.write(op, success=self._saved, failure=self._failed, parent=self)

    def _saved(self, changes) -> None:
        self.saved_value = changes.value
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self._saving = False
        self.save_button.setEnabled(True)
        if not isinstance(exc, ValidationError):
            return False
        problems = {self.field_for(name): str(e.text) for name, e in exc.by_field().items()}
        self.form.show_errors({k: v for k, v in problems.items() if k in self.form.widgets}, everything=True)
        rest = [f"{e}" for name, e in exc.by_field().items() if self.field_for(name) not in self.form.widgets]
        self.general_error.show_problem("\n".join(rest) or None)
        return True

    def field_for(self, error_field: str) -> str:
        """The form field where core's error about ``error_field`` is shown."""
        return error_field

    def reject(self) -> None:
        """Esc, Cancel or the close box: ask before throwing typed text away; nothing typed, close at once."""
        if self._saving:
            return  # the save is on its way; its answer closes the form (or shows why not)
        if self.form.touched:
            self._confirm_box = confirm_discard(self, super().reject)
        else:
            super().reject()

    def retranslate(self) -> None:
        # the context is spelled out: subclasses run this, and lupdate files it under ClubFormDialog
        self.save_button.setText(QCoreApplication.translate("ClubFormDialog", "Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("ClubFormDialog", "Cancel"))


class NewClubDialog(ClubFormDialog):
    """Found a club in a community; ``saved_value`` is its id."""

    def __init__(self, ctx, community_id: str | None = None, parent=None):
        super().__init__(ctx, parent)
        community = RecordCombo(blank="choose")
        community.set_records(lookups.communities(ctx.db))
        community.set_id(community_id)
        layout = QFormLayout(self)
        self.add_rows(layout, {"club_name": QLineEdit(), "community_id": community, "description": QLineEdit(),
                               "founded_on": QLineEdit(placeholderText="2023-03-01")})
        layout.addRow(self.general_error)
        layout.addRow(self.buttons)
        fit_to_screen(self, 460, 240)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("New club"))
        self.form.set_label_texts({"club_name": self.tr("Club name *"), "community_id": self.tr("Community *"),
                                   "description": self.tr("Description"), "founded_on": self.tr("Founded on")})

    def save(self) -> None:
        values = self.form.values()
        values["name"] = values.pop("club_name")
        self.run(lambda db: add_club(db, values))


class AddMemberDialog(ClubFormDialog):
    """Enrol an existing client found by search, or register a new one after the duplicate check."""

    PERSON_FIELDS = ("name", "id_number", "gender", "birth_date", "phone")

    def __init__(self, ctx, club: dict, parent=None):
        super().__init__(ctx, parent)
        self.club = club
        self.duplicates_dialog: DuplicatesDialog | None = None
        self.tabs = QTabWidget()
        existing = QWidget()
        self.search_box, self.results = QLineEdit(), QListWidget()
        self.search_box.setObjectName("memberSearch")
        inner = QVBoxLayout(existing)
        inner.addWidget(self.search_box)
        inner.addWidget(self.results)
        new = QWidget()
        self.add_rows(QFormLayout(new), {"name": QLineEdit(), "id_number": QLineEdit(maxLength=22),
                                         "gender": EnumCombo("gender", blank="choose"),
                                         "birth_date": QLineEdit(placeholderText="1948-05-10"), "phone": QLineEdit()})
        self.tabs.addTab(existing, "")
        self.tabs.addTab(new, "")
        membership = QFormLayout()
        self.add_rows(membership, {"role": EnumCombo("role"), "joined_on": QLineEdit(datetime.date.today().isoformat()),
                                   "tags": TagChecks()})
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(membership)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.search_box.textChanged.connect(self._search)
        self.search_box.installEventFilter(self)  # Enter there must not enrol the first match (Save is the default)
        self.results.itemDoubleClicked.connect(lambda _item: self.save())
        fit_to_screen(self, 540, 480)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Add a member to %1").replace("%1", self.club["name"]))
        self.tabs.setTabText(0, self.tr("Existing client"))
        self.tabs.setTabText(1, self.tr("New client"))
        self.search_box.setPlaceholderText(self.tr("Name, pinyin initials, ID number or its last digits, phone"))
        self.form.set_label_texts({
            "name": self.tr("Name *"), "id_number": self.tr("Resident ID number"), "gender": self.tr("Gender"),
            "birth_date": self.tr("Birth date"), "phone": self.tr("Phone"), "role": self.tr("Role"),
            "joined_on": self.tr("Joined on"), "tags": self.tr("Tags")})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the search box enrols nobody: it goes to the results, where the clerk picks the person."""
        if (watched is self.search_box and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            if self.results.count():
                self.results.setFocus(Qt.FocusReason.OtherFocusReason)
                if self.results.currentRow() < 0:
                    self.results.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    def _search(self, text: str) -> None:
        self.results.clear()
        for hit in search(self.ctx.db, text, limit=30) if text.strip() else []:
            if hit.kind == "person":
                item = QListWidgetItem(f"{hit.title}　{hit.subtitle}")
                item.setData(Qt.ItemDataRole.UserRole, hit.id)
                self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def member_values(self) -> dict:
        values = self.form.values(["role", "joined_on", "tags"])
        return {**values, "joined_on": values["joined_on"] or None}

    def save(self) -> None:
        if self.tabs.currentIndex() == 0:
            item = self.results.currentItem()
            if item is None:
                self.general_error.show_problem(self.tr("Search for the client and select them in the list."))
                return
            self._enrol(item.data(Qt.ItemDataRole.UserRole))
            return
        duplicates = find_duplicates(self.ctx.db, self.person_values())
        self.duplicates_dialog = go_on_unless_duplicate(self, duplicates, self._enrol)

    def person_values(self) -> dict:
        """The new client's facts, the blank ones left out."""
        return {k: v for k, v in self.form.values(self.PERSON_FIELDS).items() if v not in (None, "")}

    def _enrol(self, person_id: str | None) -> None:
        club_id, member, person = self.club["id"], self.member_values(), None if person_id else self.person_values()
        self.run(lambda db: add_member(db, club_id, member, person=person_id, person_values=person))


class NewActivityDialog(ClubFormDialog):
    """Plan or record an activity of the club, or of its whole community; ``saved_value`` is its id."""

    def __init__(self, ctx, club: dict, parent=None):
        super().__init__(ctx, parent)
        self.club = club
        day = QDateEdit(QDate.currentDate(), calendarPopup=True, displayFormat="yyyy-MM-dd")
        worker = RecordCombo(blank="choose")
        worker.set_records(lookups.workers(ctx.db))
        worker.set_id(ctx.prefs.worker_id)
        notes = QPlainTextEdit()
        notes.setTabChangesFocus(True)
        notes.setMaximumHeight(80)
        self.community_wide = QCheckBox()
        layout = QFormLayout(self)
        self.add_rows(layout, {"title": QLineEdit(), "activity_kind": EnumCombo("activity_kind", blank="choose"),
                               "date": day, "place": QLineEdit(), "worker_id": worker, "notes": notes})
        layout.addRow(self.community_wide)
        layout.addRow(self.general_error)
        layout.addRow(self.buttons)
        fit_to_screen(self, 480, 380)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("New activity of %1").replace("%1", self.club["name"]))
        self.form.set_label_texts({"title": self.tr("Title *"), "activity_kind": self.tr("Activity kind *"),
                                   "date": self.tr("Date *"), "place": self.tr("Place"),
                                   "worker_id": self.tr("Social worker"), "notes": self.tr("Notes")})
        self.community_wide.setText(self.tr("Open to the whole community (%1)").replace("%1", self.club["community"] or ""))

    def field_for(self, error_field: str) -> str:
        return "activity_kind" if error_field == "kind" else error_field

    def save(self) -> None:
        values = self.form.values()
        values["kind"] = values.pop("activity_kind")
        if self.community_wide.isChecked():
            values["community_id"] = self.club["community_id"]
        else:
            values["club_id"] = self.club["id"]
        self.run(lambda db: add_activity(db, values))
