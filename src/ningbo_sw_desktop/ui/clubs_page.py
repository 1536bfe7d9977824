"""俱乐部 Clubs: a community's elderly clubs — roster, activities and sign-in, absentee follow-up.

Everything a club needs on one page: pick the club at the top; the tabs below hold its
roster (with Excel/WPS export and import), its activities with the attendance grid, and
the members who stopped coming, each one click away from a logged follow-up visit.
Lists are short (a club has tens of members), so they are read on the GUI thread.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core import enums
from ..core.clubs import absentees, leave_club, list_activities, list_clubs, log_absentee_visit, roster
from ..core.roster_io import export_roster
from . import lookups
from .attendance_grid import AttendanceGrid, age_on
from .club_dialogs import AddMemberDialog, NewActivityDialog, NewClubDialog
from .registry import register_page
from .roster_import_dialog import RosterImportDialog
from .widgets import Column, EmptyHint, EnumCombo, RecordCombo, RecordTableModel, fit_columns, make_table, short_time

WATCHED = {"clubs", "club_members", "persons", "activities", "attendance", "visits", "areas"}


def _tags(row: dict) -> str:
    return "、".join(enums.label("tag", t) for t in row.get("tags") or [])


def _activity_title(row: dict) -> str:
    wide = QCoreApplication.translate("ClubsPage", " (community-wide)") if not row.get("club_id") else ""
    return f"{row['title']}{wide}"


class ClubsPage(QWidget):
    """The club chosen at the top; its roster, activities and absentees in three tabs."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Clubs")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.club: dict | None = None
        self.dialog = None
        self._build_top()
        self._build_roster()
        self._build_activities()
        self._build_absentees()
        self.tabs = QTabWidget()
        for tab in (self.roster_tab, self.activities_tab, self.absentees_tab):
            self.tabs.addTab(tab, "")
        self.status = QLabel()
        self.status.setObjectName("clubsStatus")
        layout = QVBoxLayout(self)
        layout.addLayout(self.top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        ctx.ops.changes_applied.connect(self._on_changes)
        self.community.set_records(lookups.communities(ctx.db))
        self.retranslate()
        self.reload_clubs()

    # --- building -----------------------------------------------------------------------------

    def _build_top(self) -> None:
        self.community, self.club_combo, self.new_club_button = RecordCombo(blank="all"), QComboBox(), QPushButton()
        self.club_combo.setMinimumWidth(220)
        self.community_label, self.club_label, self.club_facts = QLabel(), QLabel(), QLabel()
        self.community_label.setBuddy(self.community)
        self.club_label.setBuddy(self.club_combo)
        self.top = QHBoxLayout()
        for widget in (self.community_label, self.community, self.club_label, self.club_combo, self.new_club_button):
            self.top.addWidget(widget)
        self.top.addStretch(1)
        self.top.addWidget(self.club_facts)
        self.community.currentIndexChanged.connect(lambda _i: self.reload_clubs())
        self.club_combo.currentIndexChanged.connect(lambda _i: self._club_chosen())
        self.new_club_button.clicked.connect(self.new_club)

    def _build_roster(self) -> None:
        self.roster_model = RecordTableModel([
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("gender", QT_TRANSLATE_NOOP("Columns", "Gender"), lambda r: enums.label("gender", r["gender"])),
            Column("age", QT_TRANSLATE_NOOP("Columns", "Age"), lambda r: age_on(r["birth_date"], None)),
            Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
            Column("role", QT_TRANSLATE_NOOP("Columns", "Role"), lambda r: enums.label("role", r["role"])),
            Column("joined_on", QT_TRANSLATE_NOOP("Columns", "Joined on")),
            Column("left_on", QT_TRANSLATE_NOOP("Columns", "Left on")),
            Column("tags", QT_TRANSLATE_NOOP("Columns", "Tags"), _tags)], self)
        self.roster_table = make_table(self.roster_model)
        self.add_member_button, self.leave_button = QPushButton(), QPushButton()
        self.export_button, self.import_button = QPushButton(), QPushButton()
        self.show_left, self.roster_count = QCheckBox(), QLabel()
        bar = QHBoxLayout()
        for widget in (self.add_member_button, self.leave_button, self.export_button, self.import_button, self.show_left):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.roster_count)
        self.roster_tab = QWidget()
        layout = QVBoxLayout(self.roster_tab)
        layout.addLayout(bar)
        layout.addWidget(self.roster_table, 1)
        self.add_member_button.clicked.connect(self.add_member)
        self.leave_button.clicked.connect(self.leave_selected)
        self.export_button.clicked.connect(self._choose_export_file)
        self.import_button.clicked.connect(self._choose_import_file)
        self.show_left.toggled.connect(lambda _on: self.reload_roster())

    def _build_activities(self) -> None:
        self.activities_model = RecordTableModel([
            Column("date", QT_TRANSLATE_NOOP("Columns", "Date")),
            Column("title", QT_TRANSLATE_NOOP("Columns", "Activity"), _activity_title),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Activity kind"), lambda r: enums.label("activity_kind", r["kind"])),
            Column("present", QT_TRANSLATE_NOOP("Columns", "Present"))], self)
        self.activities_table = make_table(self.activities_model)
        self.new_activity_button = QPushButton()
        self.grid = AttendanceGrid(self.ctx)
        left = QWidget()
        left.setMinimumWidth(380)  # date, title, kind and the count of those present, none cut off
        inner = QVBoxLayout(left)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.new_activity_button, 0, Qt.AlignmentFlag.AlignLeft)
        inner.addWidget(self.activities_table, 1)
        self.activities_tab = QSplitter()
        self.activities_tab.addWidget(left)
        self.activities_tab.addWidget(self.grid)
        self.activities_tab.setStretchFactor(0, 2)
        self.activities_tab.setStretchFactor(1, 3)
        self.activities_tab.setSizes([440, 690])
        self.new_activity_button.clicked.connect(self.new_activity)
        self.activities_table.selectionModel().currentRowChanged.connect(lambda _now, _before: self._activity_chosen())

    def _build_absentees(self) -> None:
        self.absentee_model = RecordTableModel([
            Column("name", QT_TRANSLATE_NOOP("Columns", "Name")), Column("phone", QT_TRANSLATE_NOOP("Columns", "Phone")),
            Column("role", QT_TRANSLATE_NOOP("Columns", "Role"), lambda r: enums.label("role", r["role"])),
            Column("last_present", QT_TRANSLATE_NOOP("Columns", "Last came")),
            Column("last_visit", QT_TRANSLATE_NOOP("Columns", "Last visit"), lambda r: short_time(r["last_visit"]))], self)
        self.absentee_table = make_table(self.absentee_model)
        self.absentee_hint = EmptyHint(self.absentee_table)
        self.last_n = QSpinBox(minimum=1, maximum=20, value=3)
        self.last_n_before, self.last_n_after = QLabel(), QLabel()
        self.last_n_before.setBuddy(self.last_n)
        self.visit_kind, self.log_visit_button = EnumCombo("kind"), QPushButton()
        self.visit_kind.set_code("phone")
        bar = QHBoxLayout()
        for widget in (self.last_n_before, self.last_n, self.last_n_after):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.visit_kind)
        bar.addWidget(self.log_visit_button)
        self.absentees_tab = QWidget()
        layout = QVBoxLayout(self.absentees_tab)
        layout.addLayout(bar)
        layout.addWidget(self.absentee_table, 1)
        self.last_n.valueChanged.connect(lambda _n: self.reload_absentees())
        self.log_visit_button.clicked.connect(self.log_visit)
        self.absentee_table.activated.connect(lambda _index: self.log_visit())

    # --- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        """F5: read everything again."""
        self.community.set_records(lookups.communities(self.ctx.db))
        self.reload_clubs()

    def reload_clubs(self) -> None:
        keep = self.club["id"] if self.club else None
        clubs = list_clubs(self.ctx.db, self.community.record_id())
        self.club_combo.blockSignals(True)
        self.club_combo.clear()
        for c in clubs:
            self.club_combo.addItem(c["name"], c["id"])
        index = self.club_combo.findData(keep)
        self.club_combo.setCurrentIndex(index if index >= 0 else (0 if clubs else -1))
        self.club_combo.blockSignals(False)
        self._club_chosen()

    def select_club(self, name_or_id: str) -> None:
        """Show a club (by name or id), whatever community filter was chosen."""
        self.community.set_id(None)
        index = max(self.club_combo.findData(name_or_id), self.club_combo.findText(name_or_id))
        self.club_combo.setCurrentIndex(index)

    def _club_chosen(self) -> None:
        club_id = self.club_combo.currentData()
        clubs = {c["id"]: c for c in list_clubs(self.ctx.db)}
        self.club = clubs.get(club_id)
        for widget in (self.add_member_button, self.leave_button, self.export_button, self.import_button,
                       self.new_activity_button, self.log_visit_button):
            widget.setEnabled(self.club is not None)
        self.reload_roster()
        self.reload_activities()
        self.reload_absentees()
        self._show_facts()

    def reload_roster(self) -> None:
        rows = roster(self.ctx.db, self.club["id"], include_left=self.show_left.isChecked()) if self.club else []
        self.roster_model.set_rows(rows)
        fit_columns(self.roster_table)
        self._show_facts()

    def reload_activities(self) -> None:
        current = self.current_activity()
        rows = list_activities(self.ctx.db, self.club["id"], community_wide=True) if self.club else []
        self.activities_model.set_rows(rows)
        fit_columns(self.activities_table)
        ids = [r["id"] for r in rows]
        keep = current["id"] if current and current["id"] in ids else (ids[0] if ids else None)
        if keep:
            self.activities_table.selectRow(ids.index(keep))
        self._activity_chosen()

    def select_activity(self, activity_id: str) -> None:
        """Show an activity's sign-in (e.g. the one just added)."""
        ids = [r["id"] for r in self.activities_model.rows]
        if activity_id in ids:
            self.tabs.setCurrentWidget(self.activities_tab)
            self.activities_table.selectRow(ids.index(activity_id))

    def current_activity(self) -> dict | None:
        index = self.activities_table.currentIndex()
        return self.activities_model.rows[index.row()] if index.isValid() and index.row() < len(self.activities_model.rows) else None

    def _activity_chosen(self) -> None:
        activity = self.current_activity()
        self.grid.club_id = self.club["id"] if self.club else None
        self.grid.load(activity["id"] if activity else None)

    def reload_absentees(self) -> None:
        rows = absentees(self.ctx.db, self.club["id"], self.last_n.value()) if self.club else []
        self.absentee_model.set_rows(rows)
        fit_columns(self.absentee_table)
        self.log_visit_button.setEnabled(bool(rows))
        self._show_absentee_count()

    def _absentee_hint(self) -> str:
        """Why no one is listed (and Log visit is greyed out)."""
        if not self.club:
            return self.tr("Choose a club at the top to see who stopped coming.")
        if not self.activities_model.rows:
            return self.tr("This club has no activities yet; members who miss them will be listed here.")
        return self.tr("No member missed each of the last %n activities: no one to follow up.", "", self.last_n.value())

    def _on_changes(self, changes) -> None:
        tables = changes.tables & WATCHED
        if tables & {"clubs", "areas"}:
            self.reload_clubs()
            return
        if tables & {"club_members", "persons"}:
            self.reload_roster()
        if tables & {"activities", "attendance", "club_members", "persons"}:
            self.reload_activities()
        if tables:
            self.reload_absentees()

    # --- actions -------------------------------------------------------------------------------------

    def new_club(self) -> NewClubDialog:
        self.dialog = NewClubDialog(self.ctx, self.community.record_id(), self)
        self.dialog.accepted.connect(lambda: self.select_club(self.dialog.saved_value))
        self.dialog.open()
        return self.dialog

    def add_member(self) -> AddMemberDialog | None:
        if not self.club:
            return None
        self.dialog = AddMemberDialog(self.ctx, self.club, self)
        self.dialog.open()
        return self.dialog

    def new_activity(self) -> NewActivityDialog | None:
        if not self.club:
            return None
        self.dialog = NewActivityDialog(self.ctx, self.club, self)
        self.dialog.accepted.connect(lambda: self.select_activity(self.dialog.saved_value))
        self.dialog.open()
        return self.dialog

    def selected_member(self) -> dict | None:
        index = self.roster_table.currentIndex()
        return self.roster_model.rows[index.row()] if index.isValid() else None

    def leave_selected(self) -> QMessageBox | None:
        """Ask, then end the selected member's stay today (the history is kept)."""
        member = self.selected_member()
        if not member or not self.club or member.get("left_on"):
            self._say(self.tr("Select a current member in the roster first."))
            return None
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave club"),
                          self.tr("%1 leaves %2 today. The membership stays in the club's history.")
                          .replace("%1", member["name"]).replace("%2", self.club["name"]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Leave club"))
        club_id, person_id = self.club["id"], member["person_id"]
        box.finished.connect(lambda _r: self.ctx.ops.write(lambda db: leave_club(db, club_id, person_id), parent=self)
                             if box.clickedButton() is yes else None)
        box.open()
        self.dialog = box
        return box

    def log_visit(self) -> None:
        """One click: log a follow-up visit of the selected absentee (phone unless another kind is chosen)."""
        index = self.absentee_table.currentIndex()
        row = self.absentee_model.rows[index.row() if index.isValid() else 0] if self.absentee_model.rows else None
        if not row or not self.club:
            return
        club_id, person_id, kind = self.club["id"], row["person_id"], self.visit_kind.code()
        # Settings may still name a worker deleted since, or one of another database file: log it unassigned then.
        worker = self.ctx.prefs.worker_id if self.ctx.prefs.worker_id in dict(lookups.workers(self.ctx.db)) else None
        self.ctx.ops.write(lambda db: log_absentee_visit(db, club_id, person_id, kind=kind, worker_id=worker),
                           success=lambda _c: self._say(self.tr("Follow-up visit logged for %1.").replace("%1", row["name"])),
                           parent=self)

    def _choose_export_file(self) -> None:
        if not self.club:
            return
        suggested = str(Path.home() / f"{self.club['name']}-{datetime.date.today():%Y%m%d}.xlsx")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export roster"), suggested, self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def export_to(self, path: str | Path) -> None:
        """Write the roster as .xlsx off the GUI thread (opens in Excel and WPS)."""
        club_id, include_left = self.club["id"], self.show_left.isChecked()
        self.ctx.ops.read(lambda db: export_roster(db, club_id, path, include_left=include_left),
                          done=lambda n: self._say(self.tr("Exported %1 members to %2").replace("%1", str(n))
                                                   .replace("%2", str(path))), parent=self)

    def _choose_import_file(self) -> None:
        if not self.club:
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import roster"), str(Path.home()),
                                              self.tr("Rosters (*.xlsx *.csv)"))
        if path:
            self.import_from(path)

    def import_from(self, path: str | Path) -> RosterImportDialog:
        """Show what importing the sheet would do; it is written only if the user confirms."""
        self.dialog = RosterImportDialog(self.ctx, self.club, path, self)
        self.dialog.accepted.connect(lambda: self._imported(self.dialog.result))
        self.dialog.open()
        return self.dialog

    def _imported(self, result) -> None:
        if result is not None:
            self._say(self.tr("Roster imported: %1 added, %2 updated.").replace("%1", str(len(result.of("add"))))
                      .replace("%2", str(len(result.of("update")))))

    def _say(self, text: str) -> None:
        self.status.setText(text)

    # --- words -------------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.status.clear()  # a finished action's message, in the words of the language it was said in
        self.community_label.setText(self.tr("Community"))
        self.club_label.setText(self.tr("Club"))
        self.new_club_button.setText(self.tr("New club…"))
        for i, text in enumerate((self.tr("Roster"), self.tr("Activities and attendance"), self.tr("Absentee follow-up"))):
            self.tabs.setTabText(i, text)
        self.add_member_button.setText(self.tr("Add member…"))
        self.leave_button.setText(self.tr("Leave club"))
        self.export_button.setText(self.tr("Export roster…"))
        self.import_button.setText(self.tr("Import roster…"))
        self.show_left.setText(self.tr("Show members who left"))
        self.new_activity_button.setText(self.tr("New activity…"))
        self.last_n_before.setText(self.tr("Members who missed each of the last"))
        self.last_n_after.setText(self.tr("activities (excused absences do not count)"))
        self.log_visit_button.setText(self.tr("Log visit"))
        self.log_visit_button.setToolTip(self.tr("Log a follow-up visit of the selected member now"))
        for model in (self.roster_model, self.activities_model, self.absentee_model):
            model.retranslate()
        self._show_facts()
        self._show_absentee_count()

    def _show_facts(self) -> None:
        if not self.club:
            self.club_facts.setText(self.tr("No club yet: found one with “New club…”."))
            self.roster_count.setText("")
            return
        current = sum(1 for r in self.roster_model.rows if r.get("active", True))
        self.club_facts.setText(f"{self.club['community'] or ''} · " + self.tr("%n member(s)", "", current))
        self.roster_count.setText(self.tr("%n member(s)", "", current))

    def _show_absentee_count(self) -> None:
        self.absentees_tab.setToolTip(self.tr("%n member(s) to follow up", "", len(self.absentee_model.rows)))
        self.absentee_hint.set_hint(self._absentee_hint())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


register_page("clubs", ClubsPage)
