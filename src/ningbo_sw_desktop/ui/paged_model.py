"""List models that hold all matching ids at once and load each page of rows when scrolled to.

Ids come from one query (filtered, searched and sorted in SQL); rows come 100 at a time
through ``canFetchMore``/``fetchMore``, so a list of a hundred thousand cases or a
million visits opens at once (Anki's browser does the same).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ..core import enums
from ..core.cases import SORT_COLUMNS, case_rows
from ..core.visits import visit_rows
from .widgets import Column, short_time

Index = QModelIndex | QPersistentModelIndex
RISK_COLORS = {"urgent": "#b3261e", "high": "#c25e00"}


class PagedTableModel(QAbstractTableModel):
    """Ids first, rows in pages of ``PAGE_SIZE`` read by ``rows_fn(db, ids)``."""

    PAGE_SIZE = 100

    def __init__(self, db, rows_fn: Callable[[object, list[str]], list[dict]], columns: list[Column], parent=None):
        super().__init__(parent)
        self._db, self._rows_fn, self.columns = db, rows_fn, columns
        self._ids: list[str] = []
        self._rows: list[dict] = []

    def set_ids(self, ids: list[str], *, keep_loaded: bool = False) -> None:
        """Show a new result; the first page (or as many rows as were loaded) comes at once."""
        wanted = max(self.PAGE_SIZE, len(self._rows) if keep_loaded else 0)
        self.beginResetModel()
        self._ids = list(ids)
        self._rows = self._rows_fn(self._db, self._ids[:wanted])
        self.endResetModel()

    def total(self) -> int:
        """How many records match, loaded or not."""
        return len(self._ids)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        first = len(self._rows)
        rows = self._rows_fn(self._db, self._ids[first:first + self.PAGE_SIZE])
        if not rows:
            return
        # beginInsertRows takes an INCLUSIVE last row: first + n - 1 (Qt's example is off by one).
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def row_dict(self, row: int) -> dict | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.key == "risk" and row.get("risk") in RISK_COLORS:
            return QColor(RISK_COLORS[row["risk"]])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        return None

    def tooltip(self, row: dict, column: Column) -> str | None:
        return column.text(row) or None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()  # the tooltip: the whole title of a narrowed column
        return None

    def retranslate(self) -> None:
        """Headers and enum words are worked out when shown; tell the views to ask again."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.columns) - 1))


def case_columns() -> list[Column]:
    """The columns of a case list, in the social worker's words."""
    return [
        Column("case_no", QT_TRANSLATE_NOOP("Columns", "Case number")),
        Column("person_name", QT_TRANSLATE_NOOP("Columns", "Client")),
        Column("community", QT_TRANSLATE_NOOP("Columns", "Community")),
        Column("domain", QT_TRANSLATE_NOOP("Columns", "Service domain"), lambda r: enums.label("domain", r["domain"])),
        Column("risk", QT_TRANSLATE_NOOP("Columns", "Risk level"), lambda r: enums.label("risk", r["risk"])),
        Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), lambda r: enums.label("status", r["status"])),
        Column("intake_date", QT_TRANSLATE_NOOP("Columns", "Intake date")),
        Column("worker", QT_TRANSLATE_NOOP("Columns", "Social worker")),
        Column("last_visit", QT_TRANSLATE_NOOP("Columns", "Last visit"), lambda r: short_time(r.get("last_visit"))),
    ]


class CaseListModel(PagedTableModel):
    """The case list; clicking a header asks the page to query again, sorted in SQL."""

    sort_requested = Signal(str, bool)

    def __init__(self, db, parent=None):
        super().__init__(db, case_rows, case_columns(), parent)

    def case_id(self, row: int) -> str | None:
        found = self.row_dict(row)
        return found["id"] if found else None

    def tooltip(self, row: dict, column: Column) -> str | None:
        return row.get("problem") if column.key in ("case_no", "person_name") else super().tooltip(row, column)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(self.columns) and self.columns[column].key in SORT_COLUMNS:
            self.sort_requested.emit(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)


def visit_columns() -> list[Column]:
    """The columns of a visit list."""
    return [
        Column("at", QT_TRANSLATE_NOOP("Columns", "Time"), lambda r: short_time(r["at"])),
        Column("kind", QT_TRANSLATE_NOOP("Columns", "Visit kind"), lambda r: enums.label("kind", r["kind"])),
        Column("case_no", QT_TRANSLATE_NOOP("Columns", "Case number")),
        Column("person_name", QT_TRANSLATE_NOOP("Columns", "Client")),
        Column("worker", QT_TRANSLATE_NOOP("Columns", "Social worker")),
        Column("duration_min", QT_TRANSLATE_NOOP("Columns", "Minutes")),
        Column("next_follow_up", QT_TRANSLATE_NOOP("Columns", "Next follow-up")),
        Column("notes", QT_TRANSLATE_NOOP("Columns", "Notes"), lambda r: " ".join((r.get("notes") or "").split())[:80]),
    ]


class VisitListModel(PagedTableModel):
    """The visit list, newest first."""

    def __init__(self, db, parent=None):
        super().__init__(db, visit_rows, visit_columns(), parent)

    def tooltip(self, row: dict, column: Column) -> str | None:
        return row.get("notes") if column.key == "notes" else super().tooltip(row, column)
