"""签到 Attendance grid: sixty members marked in a minute from the keyboard, or with the mouse.

Keys 1/P mark present, 2/A absent, 3/E excused, and the cursor moves to the next member;
the buttons mark every selected row, a double-click on a row steps its mark. Marks show at
once and are written in one transaction a moment after the last key press (``flush``), so
fast marking is a handful of writes, not sixty; a failed write reloads what was saved.
"""

from __future__ import annotations

import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core import enums
from ..core.clubs import attendance_sheet, mark_many
from ..reports.words import age_on as years_on
from .widgets import Retranslating

Index = QModelIndex | QPersistentModelIndex
STATUSES = ("present", "absent", "excused")
KEYS = {Qt.Key.Key_1: "present", Qt.Key.Key_P: "present", Qt.Key.Key_2: "absent", Qt.Key.Key_A: "absent",
        Qt.Key.Key_3: "excused", Qt.Key.Key_E: "excused"}
COLORS = {"present": "#d8efd8", "absent": "#f6d5d3", "excused": "#fbeec4"}
WRITE_DELAY_MS = 400


def age_on(birth: str | None, day: str | None) -> str:
    """Age in whole years on ``day`` (today when None) as a table shows it: blank when the birth date is unknown."""
    years = years_on(birth, datetime.date.fromisoformat(day) if day else datetime.date.today())
    return "" if years is None else str(years)


class AttendanceModel(QAbstractTableModel):
    """The people on an activity's sheet and their marks, as the grid shows them."""

    COLUMNS = (QT_TRANSLATE_NOOP("AttendanceModel", "No."), QT_TRANSLATE_NOOP("AttendanceModel", "Name"),
               QT_TRANSLATE_NOOP("AttendanceModel", "Gender"), QT_TRANSLATE_NOOP("AttendanceModel", "Age"),
               QT_TRANSLATE_NOOP("AttendanceModel", "Role"), QT_TRANSLATE_NOOP("AttendanceModel", "Attendance"))
    STATUS_COLUMN = 5

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.day: str | None = None

    def set_sheet(self, rows: list[dict], day: str | None) -> None:
        """Show a sheet; the same people in the same order only update their marks (the cursor stays)."""
        if [r["person_id"] for r in rows] == [r["person_id"] for r in self.rows] and rows:
            for mine, theirs in zip(self.rows, rows, strict=True):
                mine["status"] = theirs["status"]
            self.day = day
            self._changed(0, len(rows) - 1)
            return
        self.beginResetModel()
        self.rows, self.day = [dict(r) for r in rows], day
        self.endResetModel()

    def set_status(self, rows: list[int], status: str) -> dict[str, str]:
        """Mark rows; returns {person_id: status} of the marks that changed."""
        changed = {}
        for row in rows:
            if self.rows[row]["status"] != status:
                self.rows[row]["status"] = status
                changed[self.rows[row]["person_id"]] = status
        for row in rows:
            self._changed(row, row)
        return changed

    def _changed(self, first: int, last: int) -> None:
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.COLUMNS) - 1))

    def totals(self) -> dict[str, int]:
        counts = {s: sum(1 for r in self.rows if r["status"] == s) for s in STATUSES}
        return {**counts, "unmarked": sum(1 for r in self.rows if r["status"] is None), "total": len(self.rows)}

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [str(index.row() + 1), row["name"], enums.label("gender", row.get("gender")),
                    age_on(row.get("birth_date"), self.day), enums.label("role", row.get("role")) or self.tr("Guest"),
                    enums.label("attendance", row["status"]) if row["status"] else "—"][column]
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATUS_COLUMN and row["status"]:
            return QColor(COLORS[row["status"]])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3, self.STATUS_COLUMN):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return QCoreApplication.translate("AttendanceModel", self.COLUMNS[section])
        return None

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self._changed(0, len(self.rows) - 1)


class AttendanceView(QTableView):
    """A table that takes the marking keys before its own type-to-search sees them."""

    mark_requested = Signal(str)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = KEYS.get(Qt.Key(event.key()))
        if status and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            self.mark_requested.emit(status)
            return
        super().keyPressEvent(event)

    def step_down(self) -> None:
        """Move the cursor to the next member, as after ticking a paper sheet."""
        current = self.currentIndex()
        row = current.row() + 1 if current.isValid() else 0
        if row < self.model().rowCount():
            self.setCurrentIndex(self.model().index(row, current.column() if current.isValid() else 1))


class AttendanceGrid(Retranslating, QWidget):
    """One activity's sign-in: marks, totals, and the keys written beside the grid."""

    saved = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.activity: dict | None = None
        self.club_id: str | None = None  # whose members a community-wide activity's sheet lists
        self.pending: dict[str, str] = {}
        self._pending_activity: str | None = None
        self.model = AttendanceModel(self)
        self.view = AttendanceView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setObjectName("attendanceGrid")
        self.heading, self.totals_label, self.keys_label = QLabel(), QLabel(), QLabel(wordWrap=True)
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.totals_label.setObjectName("attendanceTotals")
        self.totals_label.setStyleSheet("font-size: 11pt; font-weight: bold;")
        self.keys_label.setStyleSheet("color: #555;")
        self.buttons = {status: QPushButton() for status in STATUSES}
        self.rest_present = QPushButton()
        self.timer = QTimer(self, singleShot=True, interval=WRITE_DELAY_MS)
        bar = QHBoxLayout()
        for status, button in self.buttons.items():
            button.clicked.connect(lambda _checked=False, status=status: self.mark_selected(status, step=False))
            bar.addWidget(button)
        bar.addWidget(self.rest_present)
        bar.addStretch(1)
        self.heading.setWordWrap(True)
        self.totals_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.totals_label)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.keys_label)
        self.view.mark_requested.connect(lambda status: self.mark_selected(status, step=True))
        self.view.doubleClicked.connect(self._step_mark)
        self.rest_present.clicked.connect(self.mark_rest_present)
        self.timer.timeout.connect(self.flush)
        self.retranslate()

    # --- loading ------------------------------------------------------------------------------

    def load(self, activity_id: str | None) -> None:
        """Show an activity's sheet (marks not yet written are written first)."""
        if self.activity and activity_id != self.activity["id"]:
            self.flush()
        if not activity_id:
            self.activity = None
            self.model.set_sheet([], None)
        else:
            sheet = attendance_sheet(self.ctx.db, activity_id, club=self.club_id)
            self.activity = sheet["activity"]
            rows = [{**r, "status": self.pending.get(r["person_id"], r["status"])} for r in sheet["rows"]]
            self.model.set_sheet(rows, self.activity["date"])
            if not self.view.currentIndex().isValid() and rows:
                self.view.setCurrentIndex(self.model.index(0, 1))
        self.retranslate()

    def reload(self) -> None:
        """Read the marks again (someone else may have written some), keeping the cursor."""
        self.load(self.activity["id"] if self.activity else None)

    # --- marking --------------------------------------------------------------------------------

    def mark_selected(self, status: str, *, step: bool) -> None:
        """Mark the selected members (or the current one); from the keyboard, go on to the next."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}) or (
            [self.view.currentIndex().row()] if self.view.currentIndex().isValid() else [])
        if step:
            rows = [self.view.currentIndex().row()] if self.view.currentIndex().isValid() else []
        if not rows or not self.activity:
            return
        self._queue(self.model.set_status(rows, status))
        if step:
            self.view.step_down()

    def mark_rest_present(self) -> None:
        """Everyone not yet marked came (the quick way when only a few were missing)."""
        rows = [i for i, r in enumerate(self.model.rows) if r["status"] is None]
        if rows and self.activity:
            self._queue(self.model.set_status(rows, "present"))

    def _step_mark(self, index: QModelIndex) -> None:
        status = self.model.rows[index.row()]["status"]
        following = STATUSES[(STATUSES.index(status) + 1) % 3] if status in STATUSES else "present"
        self._queue(self.model.set_status([index.row()], following))

    def _queue(self, marks: dict[str, str]) -> None:
        if not marks:
            return
        self.pending.update(marks)
        self._pending_activity = self.activity["id"]
        self.timer.start()
        self._show_totals()

    def flush(self) -> None:
        """Write the marks made so far, in one transaction, off the GUI thread."""
        self.timer.stop()
        if not self.pending or not self._pending_activity:
            return
        marks, activity_id, self.pending = dict(self.pending), self._pending_activity, {}
        self.ctx.ops.write(lambda db: mark_many(db, activity_id, marks), success=lambda _c: self.saved.emit(),
                           failure=self._failed, parent=self)

    def _failed(self, _exc: BaseException) -> bool:
        self.reload()  # show what is really saved; the message box says what went wrong
        return False

    # --- words ------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        a = self.activity
        self.heading.setText(f"{a['date']}  {a['title']}" + (f"（{a['place']}）" if a.get("place") else "") if a
                             else self.tr("Choose an activity on the left to take attendance"))
        for status, key in zip(STATUSES, ("1", "2", "3"), strict=True):
            self.buttons[status].setText(f"{enums.label('attendance', status)} ({key})")
            self.buttons[status].setEnabled(a is not None)
        self.rest_present.setText(self.tr("Everyone else present"))
        self.rest_present.setEnabled(a is not None)
        self._show_totals()
        self.keys_label.setText(self.tr("Keys: 1 or P present, 2 or A absent, 3 or E excused; the cursor then moves "
                                        "down. Shift/Ctrl+click to select several and use the buttons; double-click "
                                        "steps a mark."))
        self.model.retranslate()

    def _show_totals(self) -> None:
        t = self.model.totals()
        self.totals_label.setText(self.tr("Present %1 · Absent %2 · Excused %3 · Not marked %4 · %5 in all")
                                  .replace("%1", str(t["present"])).replace("%2", str(t["absent"]))
                                  .replace("%3", str(t["excused"])).replace("%4", str(t["unmarked"]))
                                  .replace("%5", str(t["total"])))

    def hideEvent(self, event) -> None:
        self.flush()
        super().hideEvent(event)
