"""走访 Visits: every visit log of the office, filtered by date range, worker and kind."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Signal
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ..core.visits import visit_ids
from . import lookups
from .paged_model import VisitListModel
from .widgets import EnumCombo, RecordCombo, fit_columns, make_table

DEFAULT_DAYS = 30


class VisitsPage(QWidget):
    """Newest first, in pages; a double-click opens the visit's case."""

    case_activated = Signal(str)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Visits")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._fitted = False
        self.model = VisitListModel(ctx.db, self)
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-DEFAULT_DAYS), calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.date_to = QDateEdit(today, calendarPopup=True, displayFormat="yyyy-MM-dd")
        self.worker = RecordCombo(blank="all")
        self.kind = EnumCombo("kind", blank="all")
        self.count_label = QLabel()
        self.table = make_table(self.model)
        self._labels = [QLabel() for _ in range(4)]
        filters = QHBoxLayout()
        for label, widget in zip(self._labels, (self.date_from, self.date_to, self.worker, self.kind), strict=True):
            label.setBuddy(widget)
            filters.addWidget(label)
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        for widget in (self.date_from, self.date_to):
            widget.dateChanged.connect(lambda _date: self.reload())
        for combo in (self.worker, self.kind):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.table.activated.connect(self._activate)
        ctx.ops.changes_applied.connect(self._on_changes)
        self.worker.set_records(lookups.workers(ctx.db))
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        for label, text in zip(self._labels, (self.tr("From"), self.tr("To"), self.tr("Social worker"), self.tr("Visit kind")),
                               strict=True):
            label.setText(text)
        self.count_label.setText(self.tr("%n visit(s)", "", self.model.total()))
        self.model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Query the ids off the GUI thread; an answer to an older query is dropped."""
        self._generation += 1
        generation = self._generation
        criteria = {"date_from": self.date_from.date().toPython(), "date_to": self.date_to.date().toPython(),
                    "worker_id": self.worker.record_id(), "kind": self.kind.code()}
        self.ctx.ops.read(lambda db: visit_ids(db, **criteria),
                          done=lambda ids: self._show(generation, ids, keep_loaded), parent=self)

    refresh = reload

    def _show(self, generation: int, ids: list[str], keep_loaded: bool) -> None:
        if generation == self._generation:
            self.model.set_ids(ids, keep_loaded=keep_loaded)
            if not self._fitted and ids:
                fit_columns(self.table)
                self._fitted = True
            self.retranslate()

    def _on_changes(self, changes) -> None:
        if "workers" in changes.tables:
            self.worker.set_records(lookups.workers(self.ctx.db))
        if changes.tables & {"visits", "cases", "persons", "workers"}:
            self.reload(keep_loaded=True)

    def _activate(self, index) -> None:
        row = self.model.row_dict(index.row())
        if row and row.get("case_id"):
            self.case_activated.emit(row["case_id"])

    def selected_case_id(self) -> str | None:
        row = self.model.row_dict(self.table.currentIndex().row())
        return row.get("case_id") if row else None
