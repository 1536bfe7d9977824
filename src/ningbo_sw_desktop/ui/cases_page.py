"""个案 Cases: every case of the office, searched as you type and filtered, in pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.cases import CaseFilter, case_ids
from . import lookups
from .paged_model import CaseListModel
from .widgets import EmptyHint, EnumCombo, RecordCombo, fit_columns, make_table

SEARCH_DELAY_MS = 250
WATCHED_TABLES = {"cases", "persons", "visits", "areas", "workers"}
FILTER_LEAST_CHARS = 9  # a filter picker gives way down to about this many characters


class CasesPage(QWidget):
    """Search box and filters over a paged case table; searching runs off the GUI thread."""

    case_activated = Signal(str)
    result_shown = Signal(int)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Cases")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._generation = 0
        self._fitted = False
        self._sort: tuple[str, bool] | None = None
        self._shown_filter: CaseFilter | None = None  # what the list shows now (the hint names it when empty)
        self._asked_filter: CaseFilter | None = None
        self.model = CaseListModel(ctx.db, self)
        self._build()
        self._connect()
        self.retranslate()
        self.reload_choices()
        self.reload()

    def _build(self) -> None:
        self.search = QLineEdit(clearButtonEnabled=True)
        self.status = EnumCombo("status", blank="all")
        self.domain = EnumCombo("domain", blank="all")
        self.risk = EnumCombo("risk", blank="all")
        self.community = RecordCombo(blank="all")
        self.worker = RecordCombo(blank="all")
        self.count_label = QLabel()
        self.table = make_table(self.model)
        self.empty_hint = EmptyHint(self.table)
        header = self.table.horizontalHeader()
        self.table.setSortingEnabled(True)
        header.setSortIndicatorShown(False)
        self._labels = {name: QLabel() for name in ("status", "domain", "risk", "community", "worker")}
        filters = QHBoxLayout()
        for name in ("status", "domain", "risk", "community", "worker"):
            # on a 1024-px screen the English row is crowded: a long choice ("Rehabilitation of the
            # disabled") is then cut with "…" rather than the window growing past the screen
            getattr(self, name).let_shrink(FILTER_LEAST_CHARS)
            self._labels[name].setBuddy(getattr(self, name))
            filters.addWidget(self._labels[name])
            filters.addWidget(getattr(self, name))
        filters.addStretch(1)
        filters.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search_timer.timeout.connect(lambda: self.reload())
        self.search.returnPressed.connect(self._search_now)
        for combo in (self.status, self.domain, self.risk, self.community, self.worker):
            combo.currentIndexChanged.connect(lambda _index: self.reload())
        self.model.sort_requested.connect(self._sort_by)
        self.table.activated.connect(self._activate)
        self.ctx.ops.changes_applied.connect(self._on_changes)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr(
            "Search: name, pinyin initials (zs for 张三), last digits of the ID number, phone or case number  (Ctrl+F)"))
        words = {"status": self.tr("Status"), "domain": self.tr("Service domain"), "risk": self.tr("Risk level"),
                 "community": self.tr("Community"), "worker": self.tr("Social worker")}
        for name, text in words.items():
            self._labels[name].setText(text)
        self.model.retranslate()
        self._show_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reload_choices(self) -> None:
        """Refill the community and worker pickers (after reference data changed)."""
        self.community.set_records(lookups.communities(self.ctx.db))
        self.worker.set_records(lookups.workers(self.ctx.db))

    def current_filter(self) -> CaseFilter:
        return CaseFilter(search=self.search.text().strip(), status=self.status.code(), domain=self.domain.code(),
                          risk=self.risk.code(), community_id=self.community.record_id(),
                          worker_id=self.worker.record_id())

    def reload(self, *, keep_loaded: bool = False) -> None:
        """Query the ids off the GUI thread; an answer to an older query is dropped."""
        self.search_timer.stop()
        self._generation += 1
        generation, filt = self._generation, self.current_filter()
        self._asked_filter = filt
        sort, descending = self._sort or (None, False)

        def query(db):
            return case_ids(db, filt, sort=sort, descending=descending)

        self.ctx.ops.read(query, done=lambda ids: self._show(generation, ids, keep_loaded), parent=self)

    refresh = reload

    def _show(self, generation: int, ids: list[str], keep_loaded: bool) -> None:
        if generation != self._generation:
            return  # the user typed on; a newer answer is coming
        self._shown_filter = self._asked_filter
        self.model.set_ids(ids, keep_loaded=keep_loaded)
        if not self._fitted and ids:
            fit_columns(self.table)
            self._fitted = True
        self._show_count()
        self.result_shown.emit(len(ids))

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("%n case(s)", "", self.model.total()))
        self.empty_hint.set_hint(self.empty_text() if self.model.total() == 0 else None)

    def empty_text(self) -> str | None:
        """Why the list is empty and what to try, in the words of the search box."""
        filt = self._shown_filter
        if filt is None:
            return None  # the first answer has not come back yet
        filtered = any((filt.status, filt.domain, filt.risk, filt.community_id, filt.worker_id))
        if filt.search:
            shown = filt.search if len(filt.search) <= 30 else filt.search[:29] + "…"
            text = self.tr("No case matches “%1”. Try pinyin initials, the last digits of the ID number, "
                           "or the phone number.").replace("%1", shown)
            return text + (" " + self.tr("The filters above narrow the list too.") if filtered else "")
        if filtered:
            return self.tr("No case matches the filters above.")
        return self.tr("No cases yet. Open the first one with “New case” (Ctrl+N).")

    def _search_now(self) -> None:
        if self.search_timer.isActive():
            self.reload()

    def _sort_by(self, key: str, descending: bool) -> None:
        self._sort = (key, descending)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        self.reload()

    def _on_changes(self, changes) -> None:
        if changes.tables & {"areas", "workers"}:
            self.reload_choices()
        if changes.tables & WATCHED_TABLES:
            self.reload(keep_loaded=True)

    def _activate(self, index) -> None:
        case_id = self.model.case_id(index.row())
        if case_id:
            self.case_activated.emit(case_id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def selected_case_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None
