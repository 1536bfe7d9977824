"""Small building blocks shared by the forms and lists: enum pickers, error labels, tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QLabel, QTableView

from ..core import enums

Index = QModelIndex | QPersistentModelIndex


class Retranslating:
    """Mixin for a widget with ``retranslate()``: its words follow a switch of the interface language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def blank_label(kind: str) -> str:
    """The words of a picker's empty choice: 'all' in filters, 'not chosen' in forms."""
    if kind == "all":
        return QCoreApplication.translate("Common", "(all)")
    return QCoreApplication.translate("Common", "(not chosen)")


def short_time(value: str | None) -> str:
    """``2026-11-29T09:30:00`` as ``2026-11-29 09:30``."""
    return (value or "").replace("T", " ")[:16]


class EnumCombo(Retranslating, QComboBox):
    """A picker over one of core's closed lists; its words follow the interface language."""

    def __init__(self, kind: str, *, blank: str | None = None, parent=None):
        super().__init__(parent)
        self._kind, self._blank = kind, blank
        if blank:
            self.addItem("", None)
        for code in enums.codes(kind):
            self.addItem("", code)
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.count()):
            code = self.itemData(i)
            self.setItemText(i, blank_label(self._blank) if code is None else enums.label(self._kind, code))

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)


class RecordCombo(QComboBox):
    """A picker over records (workers, communities, programs) by id, with an optional blank."""

    def __init__(self, *, blank: str | None = None, parent=None):
        super().__init__(parent)
        self._blank = blank
        self.set_records([])

    def set_records(self, records: Sequence[tuple[str, str]]) -> None:
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        if self._blank:
            self.addItem(blank_label(self._blank), None)
        for record_id, name in records:
            self.addItem(name, record_id)
        self.blockSignals(False)
        self.set_id(keep)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._blank and self.count():
            self.setItemText(0, blank_label(self._blank))
        super().changeEvent(event)

    def record_id(self) -> str | None:
        return self.currentData()

    def set_id(self, record_id: str | None) -> None:
        index = self.findData(record_id) if record_id else -1
        self.setCurrentIndex(index if index >= 0 else 0)


class ErrorLabel(QLabel):
    """A field's problem shown beside it in red; hidden when there is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.setObjectName("fieldError")
        self.hide()

    def show_problem(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


@dataclass
class Column:
    """One column of a record table: its key, its header and how a row's value is written.

    ``title`` is an English source string marked with ``QT_TRANSLATE_NOOP("Columns", ...)``;
    it is translated each time the header is drawn, so a language switch shows at once.
    """

    key: str
    title: str
    format: Callable[[dict], str] | None = None

    def header(self) -> str:
        return QCoreApplication.translate("Columns", self.title)

    def text(self, row: dict) -> str:
        if self.format:
            return self.format(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


class RecordTableModel(QAbstractTableModel):
    """A short list of records (Today's lists, a case's visits) shown as a table."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.columns[index.column()].text(self.rows[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()
        return None

    def retranslate(self) -> None:
        """Headers and enum words are worked out when shown; tell the views to ask again."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))


def make_table(model, *, stretch_last: bool = True) -> QTableView:
    """A read-only, row-selecting table as every list in the app looks."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    return view


def fit_columns(view: QTableView, *, cap: int = 240) -> None:
    """Size every column but the last (which stretches) to its loaded contents, within a cap."""
    for column in range(view.model().columnCount() - 1):
        view.resizeColumnToContents(column)
        view.setColumnWidth(column, min(view.columnWidth(column) + 8, cap))
