"""今日 Today: who is due for a follow-up, what was done lately, which open cases are most at risk."""

from __future__ import annotations

import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..core import enums
from ..core.cases import CaseFilter, case_ids, case_rows, open_cases_by_risk
from ..core.visits import due_follow_ups, list_visits
from .widgets import Column, RecordTableModel, elide, fit_columns, make_table, short_time

RECENT_VISITS = 30
RISK_CASES = 100
WATCHED_TABLES = {"cases", "visits", "persons"}


def today_data(db, today: datetime.date) -> dict:
    """Everything the Today page shows, read in one go off the GUI thread."""
    ids = case_ids(db, CaseFilter(status="open"), sort="risk", limit=RISK_CASES)
    return {"due": due_follow_ups(db, today), "recent": list_visits(db, limit=RECENT_VISITS),
            "risk_counts": open_cases_by_risk(db), "risk_cases": case_rows(db, ids)}


def overdue_text(row: dict) -> str:
    """"Due today" or "3 days overdue"."""
    days = row.get("days_overdue") or 0
    if days <= 0:
        return TodayPage.tr("Due today")
    return TodayPage.tr("%n day(s) overdue", "", days)  # Class.tr: lupdate keeps the plural forms only for tr()


class TodayPage(QWidget):
    """Three short lists; Enter or a double-click on any row opens its case."""

    case_activated = Signal(str)
    loaded = Signal()

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Today")

    def __init__(self, ctx, parent=None, *, today: datetime.date | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self._fixed_today = today
        self._generation = 0
        self._counts: dict[str, int] = {}
        self.due = RecordTableModel([
            Column("case_no", QT_TRANSLATE_NOOP("Columns", "Case number")), Column("person_name", QT_TRANSLATE_NOOP("Columns", "Client")),
            Column("risk", QT_TRANSLATE_NOOP("Columns", "Risk level"), lambda r: enums.label("risk", r["risk"])),
            Column("next_follow_up", QT_TRANSLATE_NOOP("Columns", "Follow-up date")), Column("days_overdue", QT_TRANSLATE_NOOP("Columns", "Due"), overdue_text),
            Column("worker", QT_TRANSLATE_NOOP("Columns", "Social worker"))], self)
        self.risk_cases = RecordTableModel([
            Column("case_no", QT_TRANSLATE_NOOP("Columns", "Case number")), Column("person_name", QT_TRANSLATE_NOOP("Columns", "Client")),
            Column("risk", QT_TRANSLATE_NOOP("Columns", "Risk level"), lambda r: enums.label("risk", r["risk"])),
            Column("domain", QT_TRANSLATE_NOOP("Columns", "Service domain"), lambda r: enums.label("domain", r["domain"])),
            Column("last_visit", QT_TRANSLATE_NOOP("Columns", "Last visit"), lambda r: short_time(r.get("last_visit")))], self)
        self.recent = RecordTableModel([
            Column("at", QT_TRANSLATE_NOOP("Columns", "Time"), lambda r: short_time(r["at"])),
            Column("kind", QT_TRANSLATE_NOOP("Columns", "Visit kind"), lambda r: enums.label("kind", r["kind"])),
            Column("case_no", QT_TRANSLATE_NOOP("Columns", "Case number")), Column("person_name", QT_TRANSLATE_NOOP("Columns", "Client")),
            Column("worker", QT_TRANSLATE_NOOP("Columns", "Social worker")),
            Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), lambda r: " ".join((r.get("notes") or "").split()))], self)
        self._build()
        self.ctx.ops.changes_applied.connect(self._on_changes)
        self.retranslate()
        self.refresh()

    def _build(self) -> None:
        self.heading = QLabel()
        self.heading.setObjectName("pageHeading")
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.due_box, self.risk_box, self.recent_box = QGroupBox(), QGroupBox(), QGroupBox()
        self.risk_summary = QLabel()
        self.due_table, self.risk_table, self.recent_table = (make_table(m) for m in (self.due, self.risk_cases, self.recent))
        # narrowed, a case number and a date keep their end: …2026-0051, …11-05
        elide(self.due_table, 0, 3, mode=Qt.TextElideMode.ElideLeft)
        elide(self.risk_table, 0, mode=Qt.TextElideMode.ElideLeft)
        for table, model in ((self.due_table, self.due), (self.risk_table, self.risk_cases), (self.recent_table, self.recent)):
            table.activated.connect(lambda index, model=model: self._activate(model, index.row()))
        for box, widgets in ((self.due_box, [self.due_table]), (self.risk_box, [self.risk_summary, self.risk_table]),
                             (self.recent_box, [self.recent_table])):
            inner = QVBoxLayout(box)
            for widget in widgets:
                inner.addWidget(widget)
        self.grid = grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0, 1, 2)
        grid.addWidget(self.due_box, 1, 0)
        grid.addWidget(self.risk_box, 1, 1)
        grid.addWidget(self.recent_box, 2, 0, 1, 2)
        grid.setRowStretch(1, 3)
        grid.setRowStretch(2, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def today(self) -> datetime.date:
        return self._fixed_today or datetime.date.today()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Today, %1").replace("%1", QLocale().toString(self.today(), QLocale.FormatType.LongFormat)))
        self.due_box.setTitle(self.tr("Follow-ups due today and overdue (%1)").replace("%1", str(len(self.due.rows))))
        self.risk_box.setTitle(self.tr("Open cases by risk level"))
        self.recent_box.setTitle(self.tr("Recent visits"))
        parts = [f"{enums.label('risk', code)} {self._counts.get(code, 0)}" for code in reversed(enums.codes("risk"))]
        self.risk_summary.setText("   ".join(parts))
        for model in (self.due, self.risk_cases, self.recent):
            model.retranslate()
        self._fit_tables()

    def _fit_tables(self) -> None:
        """Columns as wide as their words (in this language); the two lists side by side share the width by need."""
        # on a narrow screen the long or repeated texts give way, never who is due, how late, whose, or the last visit
        due = fit_columns(self.due_table, give_way=(3, 0))  # follow-up date (the Due column says it too), case number
        risk = fit_columns(self.risk_table, give_way=(3, 0))  # service domain, case number
        fit_columns(self.recent_table, give_way=(5,))  # notes
        self.grid.setColumnStretch(0, due.least_width())
        self.grid.setColumnStretch(1, risk.least_width())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Read the three lists off the GUI thread; only the newest answer is shown."""
        self._generation += 1
        generation, today = self._generation, self.today()
        self.ctx.ops.read(lambda db: today_data(db, today), done=lambda data: self._show(generation, data), parent=self)

    def _show(self, generation: int, data: dict) -> None:
        if generation != self._generation:
            return
        self.due.set_rows(data["due"])
        self.risk_cases.set_rows(data["risk_cases"])
        self.recent.set_rows(data["recent"])
        self._counts = data["risk_counts"]
        self.retranslate()  # the words, and the columns fitted to them
        self.loaded.emit()

    def _on_changes(self, changes) -> None:
        if changes.tables & WATCHED_TABLES:
            self.refresh()

    def _activate(self, model: RecordTableModel, row: int) -> None:
        record = model.rows[row] if 0 <= row < len(model.rows) else {}
        case_id = record.get("case_id") or (record.get("id") if model is self.risk_cases else None)
        if case_id:
            self.case_activated.emit(case_id)

    def selected_case_id(self) -> str | None:
        for table, model in ((self.due_table, self.due), (self.risk_table, self.risk_cases), (self.recent_table, self.recent)):
            if table.hasFocus() and table.currentIndex().isValid():
                record = model.rows[table.currentIndex().row()]
                return record.get("case_id") or record.get("id")
        return None
