"""The Reports page and the print commands the rest of the window calls.

An office clerk picks a period and prints the statistics, picks a club and prints its
roster or an activity's sign-in sheet, or prints the summaries of many cases at once.
Every document is built off the GUI thread and opens in the in-app preview.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import reports  # its builders load ReportLab on first use, not when the window opens
from ..core.cases import CaseFilter, case_ids
from ..core.clubs import list_activities, list_clubs
from ..reports.words import w
from .printing import PrintPreviewDialog, run_build, show_print_preview
from .registry import register_case_printer, register_page
from .widgets import EnumCombo, ErrorLabel

WATCHED = {"cases", "clubs", "activities", "areas"}  # what the club, activity and case-count choices show


class Printing(QObject):
    """The translation context of the print commands below.

    ``Printing.tr("...")`` is a spelling lupdate extracts (a helper taking the text as a
    variable is invisible to it) and, given a count, keeps the plural forms.
    """


def actor_of(ctx) -> str | None:
    """Who is printing, for the audit log: the chosen worker's name, else the computer's user."""
    from . import lookups

    return dict(lookups.workers(ctx.db)).get(ctx.prefs.worker_id) or None


def _preview(parent, title: str):
    """A callback that opens the preview of a finished build."""
    return lambda data: show_print_preview(parent, data, title)


def print_case(ctx, case_id: str, parent: QWidget | None = None) -> None:
    """Preview one case summary (ID masked), with a button to reprint it with the full ID."""
    from ..core.cases import get_case

    case_no, actor = get_case(ctx.db, case_id)["case_no"], actor_of(ctx)
    title = f"{w('case_summary')} {case_no}"

    def opened(data: bytes) -> None:
        dialog = show_print_preview(parent, data, title)
        add_full_id_button(ctx, dialog, case_id, actor)

    run_build(parent, ctx.db_path, Printing.tr("Preparing the case summary…"),
              lambda db, progress, abort: reports.build_case_summary(db, case_id, actor=actor), opened)


def add_full_id_button(ctx, dialog: PrintPreviewDialog, case_id: str, actor: str | None) -> QPushButton:
    """"Full ID number…": asks the official purpose, then shows the document rebuilt (audited)."""
    button = QPushButton(Printing.tr("Full ID number…"))
    button.setToolTip(Printing.tr("Print the full resident ID number for an official purpose; this is recorded."))

    def ask() -> None:
        purpose, ok = QInputDialog.getText(dialog, Printing.tr("Full ID number"),
                                           Printing.tr("Official purpose (recorded in the audit log):"))
        if ok and purpose.strip():
            run_build(dialog, ctx.db_path, Printing.tr("Preparing the case summary…"),
                      lambda db, progress, abort: reports.build_case_summary(db, case_id, full_id=True,
                                                                     purpose=purpose.strip(), actor=actor),
                      lambda data: (dialog.set_pdf(data), button.setEnabled(False)))

    button.clicked.connect(ask)
    dialog.toolbar.insertWidget(dialog.toolbar.count() - 3, button)
    return button


def print_cases(ctx, ids: list[str], parent: QWidget | None = None):
    """Summaries of many cases in one document, with progress and Cancel."""
    actor = actor_of(ctx)
    return run_build(parent, ctx.db_path, Printing.tr("Preparing %n case summary(s)…", "", len(ids)),
                     lambda db, progress, abort: reports.build_case_batch(db, ids, progress=progress, abort=abort, actor=actor),
                     _preview(parent, w("case_summary")))


def print_roster(ctx, club_id: str, parent: QWidget | None = None):
    actor = actor_of(ctx)
    return run_build(parent, ctx.db_path, Printing.tr("Preparing the roster…"),
                     lambda db, progress, abort: reports.build_roster(db, club_id, actor=actor), _preview(parent, w("roster")))


def print_signin(ctx, activity_id: str, parent: QWidget | None = None):
    actor = actor_of(ctx)
    return run_build(parent, ctx.db_path, Printing.tr("Preparing the sign-in sheet…"),
                     lambda db, progress, abort: reports.build_signin_sheet(db, activity_id, actor=actor),
                     _preview(parent, w("signin")))


def print_statistics(ctx, date_from: datetime.date, date_to: datetime.date, parent: QWidget | None = None):
    actor = actor_of(ctx)
    return run_build(parent, ctx.db_path, Printing.tr("Preparing the statistics…"),
                     lambda db, progress, abort: reports.build_statistics(db, date_from, date_to, actor=actor),
                     _preview(parent, f"{w('statistics')} {date_from} – {date_to}"))


def period(preset: str, today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """First and last day of "month", "last_month", "quarter", "year" or "last_year"."""
    if preset == "month":
        return today.replace(day=1), today
    if preset == "last_month":
        last = today.replace(day=1) - datetime.timedelta(days=1)
        return last.replace(day=1), last
    if preset == "quarter":
        return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today
    if preset == "last_year":
        return datetime.date(today.year - 1, 1, 1), datetime.date(today.year - 1, 12, 31)
    return today.replace(month=1, day=1), today


class ReportsPage(QWidget):
    """Statistics for a period, club rosters and sign-in sheets, case summaries in bulk."""

    PRESETS = ("month", "last_month", "quarter", "year", "last_year")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._matching = 0
        self._stale = False
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.stats_box, self.clubs_box, self.cases_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.preset = QComboBox()
        self.date_from, self.date_to = QDateEdit(calendarPopup=True), QDateEdit(calendarPopup=True)
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
        self.period_error = ErrorLabel()
        self.stats_button = QPushButton()
        self.club = QComboBox()
        self.activity = QComboBox()
        self.roster_button, self.signin_button = QPushButton(), QPushButton()
        self.status = EnumCombo("status", blank="all")
        self.domain = EnumCombo("domain", blank="all")
        self.case_count = QLabel()
        self.cases_button = QPushButton()
        self._layout()
        self.preset.currentIndexChanged.connect(self._apply_preset)
        self.date_from.dateChanged.connect(self._check_period)
        self.date_to.dateChanged.connect(self._check_period)
        self.stats_button.clicked.connect(self.print_statistics)
        self.club.currentIndexChanged.connect(self._load_activities)
        self.roster_button.clicked.connect(self.print_roster)
        self.signin_button.clicked.connect(self.print_signin)
        self.status.currentIndexChanged.connect(self._count_cases)
        self.domain.currentIndexChanged.connect(self._count_cases)
        self.cases_button.clicked.connect(self.print_cases)
        ctx.ops.changes_applied.connect(self._on_changes)
        self.retranslate()
        self._apply_preset()
        self.refresh()

    def _layout(self) -> None:
        stats = QFormLayout(self.stats_box)
        self.preset_label, self.from_label, self.to_label = QLabel(), QLabel(), QLabel()
        stats.addRow(self.preset_label, self.preset)
        dates = QHBoxLayout()
        for widget in (self.from_label, self.date_from, self.to_label, self.date_to):
            dates.addWidget(widget)
        dates.addStretch(1)
        stats.addRow(dates)
        stats.addRow(self.period_error)
        stats.addRow(self.stats_button)
        clubs = QFormLayout(self.clubs_box)
        self.club_label, self.activity_label = QLabel(), QLabel()
        clubs.addRow(self.club_label, self.club)
        clubs.addRow(self.roster_button)
        clubs.addRow(self.activity_label, self.activity)
        clubs.addRow(self.signin_button)
        cases = QFormLayout(self.cases_box)
        self.status_label, self.domain_label = QLabel(), QLabel()
        cases.addRow(self.status_label, self.status)
        cases.addRow(self.domain_label, self.domain)
        cases.addRow(self.case_count)
        cases.addRow(self.cases_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for box in (self.stats_box, self.clubs_box, self.cases_box):
            box.setMaximumWidth(640)
            layout.addWidget(box)
        layout.addStretch(1)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Reports")

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.stats_box.setTitle(self.tr("Statistics report"))
        self.preset_label.setText(self.tr("Period"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        names = [self.tr("This month"), self.tr("Last month"), self.tr("This quarter"), self.tr("This year"),
                 self.tr("Last year")]
        current = max(0, self.preset.currentIndex())
        self.preset.blockSignals(True)
        self.preset.clear()
        self.preset.addItems(names)
        self.preset.setCurrentIndex(current)
        self.preset.blockSignals(False)
        self.stats_button.setText(self.tr("Preview statistics…"))
        self._check_period()
        self.clubs_box.setTitle(self.tr("Clubs"))
        self.club_label.setText(self.tr("Club"))
        self.activity_label.setText(self.tr("Activity"))
        self.roster_button.setText(self.tr("Preview roster…"))
        self.signin_button.setText(self.tr("Preview sign-in sheet…"))
        self.cases_box.setTitle(self.tr("Case summaries"))
        self.status_label.setText(self.tr("Case status"))
        self.domain_label.setText(self.tr("Service domain"))
        self.cases_button.setText(self.tr("Preview case summaries…"))
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)

    # --- reading --------------------------------------------------------------------------------

    def _on_changes(self, changes) -> None:
        """Read again what the changes touched; while hidden, only once the page is shown again."""
        if changes.tables & WATCHED:
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True

    def refresh(self) -> None:
        """Read clubs, activities and the case count again (short reads on the GUI thread)."""
        self._stale = False
        chosen = self.club.currentData()
        self.club.blockSignals(True)
        self.club.clear()
        for club in list_clubs(self.ctx.db):
            self.club.addItem(f"{club['name']}（{club['community'] or ''}）", club["id"])
        index = self.club.findData(chosen)
        self.club.setCurrentIndex(index if index >= 0 else 0)
        self.club.blockSignals(False)
        self._load_activities()
        self._count_cases()

    def _load_activities(self) -> None:
        club_id = self.club.currentData()
        self.activity.clear()
        for act in list_activities(self.ctx.db, club_id) if club_id else []:
            self.activity.addItem(f"{act['date']}  {act['title']}", act["id"])
        self.roster_button.setEnabled(bool(club_id))
        self.signin_button.setEnabled(self.activity.count() > 0)

    def _filter(self) -> CaseFilter:
        return CaseFilter(status=self.status.code() or None, domain=self.domain.code() or None)

    def _count_cases(self) -> None:
        self._matching = len(case_ids(self.ctx.db, self._filter()))
        self._show_count()

    def _show_count(self) -> None:
        self.case_count.setText(self.tr("%n case(s) match", "", self._matching))
        self.cases_button.setEnabled(self._matching > 0)

    def _apply_preset(self, *_args) -> None:
        start, end = period(self.PRESETS[max(0, self.preset.currentIndex())], datetime.date.today())
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def _check_period(self, *_args) -> bool:
        """An end before the start is shown beside the dates and the report waits until it is fixed.

        Swapping them silently printed a period the clerk never chose; a minimum on the end
        date would move it just as silently whenever the start was set past it.
        """
        wrong = self.date_to.date() < self.date_from.date()
        self.period_error.show_problem(self.tr("The end date is before the start date; please check the period.")
                                       if wrong else None)
        self.stats_button.setEnabled(not wrong)
        return not wrong

    # --- printing --------------------------------------------------------------------------------

    def print_statistics(self):
        if not self._check_period():
            return None
        return print_statistics(self.ctx, self.date_from.date().toPython(), self.date_to.date().toPython(), self)

    def print_roster(self):
        return print_roster(self.ctx, self.club.currentData(), self) if self.club.currentData() else None

    def print_signin(self):
        return print_signin(self.ctx, self.activity.currentData(), self) if self.activity.currentData() else None

    def print_cases(self):
        ids = case_ids(self.ctx.db, self._filter(), sort="case_no")
        return print_cases(self.ctx, ids, self) if ids else None


register_page("reports", ReportsPage)
register_case_printer(print_case)
