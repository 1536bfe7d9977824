"""冲突 Conflicts and what else an import set aside: the supervisor's queue, waiting and quarantined records.

Records on the left, grouped with their fields (个案 HS-NM-2026-0042 · 风险等级); on the
right every version of the chosen field — value, office, device, time, bundle — and the
decisions. Each decision is ``resolve_conflict`` run on the writer thread: a new change
that closes the conflict here and, after the next sync, at every office. Below them in
importance, the records waiting for a parent and the quarantined ones, with "release".
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..sync import FieldConflict, RecordConflicts, Version, release_quarantine, resolve_conflict
from ..sync.conflicts import NOTE_FIELDS
from . import lookups
from .sync_dialogs import CombinedValueDialog, field_word, record_word, value_text, who
from .widgets import Column, RecordTableModel, elide, fit_columns, make_table, short_time

KEY = Qt.ItemDataRole.UserRole


class ConflictReview(QWidget):
    """The open conflicts, one field at a time; a decision refreshes the queue through ``changes_applied``."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.records: list[RecordConflicts] = []
        self.names: dict[str, str] = {}
        self.my_device = ""
        self.dialog: CombinedValueDialog | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("conflictQueue")
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(260)
        self.tree.setStyleSheet("QTreeWidget::item { padding: 4px 2px; }")
        self.tree.currentItemChanged.connect(lambda *_: self._show_current())
        self.heading = QLabel()
        self.heading.setObjectName("conflictHeading")
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold;")
        self.heading.setWordWrap(True)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setStyleSheet("color: #444;")
        self.versions = QTableWidget(0, 6)
        self.versions.setObjectName("conflictVersions")
        self.versions.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.versions.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.versions.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.versions.verticalHeader().hide()
        self.versions.verticalHeader().setMinimumSectionSize(28)
        self.versions.setWordWrap(True)
        elide(self.versions, 0, 2, 3, 4, 5)  # only the value wraps; the rest keep to one line
        header = self.versions.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        # the value is what the supervisor compares: it takes the room, and its rows grow to show all of it
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self._rows_timer = QTimer(self, singleShot=True, interval=0, timeout=self._fit_rows)
        header.sectionResized.connect(lambda column, _old, _new: self._rows_timer.start() if column == 1 else None)
        self.keep_button, self.other_button = QPushButton(), QPushButton()
        self.combined_button, self.both_button = QPushButton(), QPushButton()
        self.keep_button.clicked.connect(self.keep)
        self.other_button.clicked.connect(self.use_other)
        self.combined_button.clicked.connect(self.edit_combined)
        self.both_button.clicked.connect(self.keep_both)
        self.empty = QLabel()
        self.empty.setObjectName("noConflicts")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("font-size: 12pt; color: #444;")
        self._layout()
        self.retranslate()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.keep_button, self.other_button, self.combined_button, self.both_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.detail = QWidget()
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(8, 0, 0, 0)
        detail.addWidget(self.heading)
        detail.addWidget(self.explain)
        detail.addWidget(self.versions)
        detail.addLayout(buttons)
        detail.addStretch(1)
        self.splitter = QSplitter()
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 800])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(self.splitter, 1)

    def retranslate(self) -> None:
        self.versions.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Value"), self.tr("Office"),
                                                 self.tr("Device"), self.tr("Changed at"), self.tr("Bundle")])
        for column in range(self.versions.columnCount()):  # a narrowed column's whole title
            self.versions.horizontalHeaderItem(column).setToolTip(self.versions.horizontalHeaderItem(column).text())
        self.keep_button.setText(self.tr("Keep current value"))
        self.keep_button.setToolTip(self.tr("The current value stays; the other versions are closed."))
        self.other_button.setText(self.tr("Use the other value"))
        self.other_button.setToolTip(self.tr("Replace the current value with the version selected in the list."))
        self.combined_button.setText(self.tr("Edit combined value…"))
        self.combined_button.setToolTip(self.tr("Type the one value to keep, starting from both versions."))
        self.both_button.setText(self.tr("Keep both"))
        self.both_button.setToolTip(self.tr("For notes: keep both texts one after the other, each labelled."))
        self.explain.setText(self.tr("Two offices changed this field without seeing each other's change. Until you "
                                     "decide, the current value is the one every office shows. Your decision "
                                     "reaches the offices with the next sync bundle."))
        self.empty.setText(self.tr("No conflicts to review. When two offices change the same field of a record, "
                                   "it appears here after the import."))
        self.set_conflicts(self.records, self.names)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the queue -----------------------------------------------------------------------------------

    def field_count(self) -> int:
        return sum(len(r.fields) for r in self.records)

    def set_conflicts(self, records: list[RecordConflicts], names: dict[str, str], my_device: str = "") -> None:
        """Show a new queue, keeping the chosen field when it is still open (else the first one)."""
        kept = self.current_key()
        self.records, self.names, self.my_device = list(records), dict(names), my_device or self.my_device
        self.tree.blockSignals(True)
        self.tree.clear()
        chosen = None
        for record in self.records:
            top = QTreeWidgetItem([f"{record_word(record.table)} {record.title}"])
            top.setData(0, KEY, (record.table, record.record_id, None))
            bold = QFont(top.font(0))
            bold.setBold(True)
            top.setFont(0, bold)
            self.tree.addTopLevelItem(top)
            for fc in record.fields:
                count = len(fc.competing) + 1
                child = QTreeWidgetItem([self.tr("%1 · %n version(s)", "", count).replace("%1", field_word(fc.field, record.table))])
                child.setData(0, KEY, (record.table, record.record_id, fc.field))
                top.addChild(child)
                if chosen is None or (record.table, record.record_id, fc.field) == kept:
                    chosen = child
        self.tree.expandAll()
        self.tree.blockSignals(False)
        self.empty.setVisible(not self.records)
        self.splitter.setVisible(bool(self.records))
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._show_current()

    def current_key(self) -> tuple | None:
        item = self.tree.currentItem()
        return item.data(0, KEY) if item is not None else None

    def current(self) -> tuple[RecordConflicts, FieldConflict] | None:
        """The record and field chosen in the queue (a record row stands for its first field)."""
        key = self.current_key()
        if key is None:
            return None
        for record in self.records:
            if (record.table, record.record_id) == key[:2]:
                fields = [f for f in record.fields if key[2] in (None, f.field)]
                return (record, fields[0]) if fields else None
        return None

    def select(self, table: str, record_id: str, name: str) -> None:
        """Choose a field in the queue (as a click would)."""
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            for j in range(top.childCount()):
                if top.child(j).data(0, KEY) == (table, record_id, name):
                    self.tree.setCurrentItem(top.child(j))
                    return
        raise KeyError((table, record_id, name))

    def _show_current(self) -> None:
        found = self.current()
        self.versions.setRowCount(0)
        for button in (self.keep_button, self.other_button, self.combined_button, self.both_button):
            button.setEnabled(found is not None)
        if found is None:
            self.heading.clear()
            return
        record, fc = found
        self.heading.setText(f"{record_word(record.table)} {record.title} · {field_word(fc.field, record.table)}")
        rows = [(self.tr("Current"), fc.winner)] + [(self.tr("Other"), v) for v in fc.competing]
        self.versions.setRowCount(len(rows))
        for row, (kind, version) in enumerate(rows):
            cells = [kind, value_text(record.table, fc.field, version.value, self.names),
                     who(version.office_code, version.office_name), version.device_id, version.at,
                     self._bundle_text(version)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip((version.bundle_id or "") if column == 5 else text)
                if row == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.versions.setItem(row, column, item)
        # on a narrow screen the device, bundle, time and office give way (their tooltips hold them whole)
        fit_columns(self.versions, give_way=(3, 5, 4, 2), stretch_least=200)
        self._fit_rows()
        self.versions.selectRow(1)
        self.both_button.setEnabled(fc.text and fc.field in NOTE_FIELDS)

    def _fit_rows(self) -> None:
        """Rows as tall as their values wrapped at the value column's width now; the list as tall as its rows."""
        self.versions.resizeRowsToContents()
        height = self.versions.horizontalHeader().height() + 2 * self.versions.frameWidth() + sum(
            self.versions.rowHeight(r) for r in range(self.versions.rowCount()))
        self.versions.setFixedHeight(min(height + 2, 420))

    def _bundle_text(self, version: Version) -> str:
        """The bundle that brought a version (its id's tail), or that it was typed here."""
        if version.bundle_id:
            return "…" + version.bundle_id[-8:]
        return self.tr("typed on this device") if version.device_id == self.my_device else "—"

    def chosen_version(self) -> Version | None:
        """The competing version selected in the list (the first one when the current row is selected)."""
        found = self.current()
        if found is None:
            return None
        competing = found[1].competing
        row = self.versions.currentRow()
        return competing[row - 1] if 1 <= row <= len(competing) else competing[0]

    # --- decisions -------------------------------------------------------------------------------------

    def keep(self) -> None:
        """保留当前值: the current value stays, stamped anew so the offices hear of the decision."""
        version = self.chosen_version()
        if version:
            self._resolve(version, "keep")

    def use_other(self) -> None:
        """采用另一值: the selected competing value becomes the record's value."""
        version = self.chosen_version()
        if version:
            self._resolve(version, "other")

    def keep_both(self) -> None:
        """两者都保留: for notes, both texts one after the other."""
        version = self.chosen_version()
        if version:
            self._resolve(version, "keep_both")

    def edit_combined(self) -> CombinedValueDialog | None:
        """合并编辑: an editor prefilled with the suggested combined value; saving settles the field."""
        found, version = self.current(), self.chosen_version()
        if found is None or version is None:
            return None
        record, fc = found
        start = fc.combined if fc.field in NOTE_FIELDS else value_text(record.table, fc.field, version.value)
        self.dialog = CombinedValueDialog(self.heading.text(), start, self)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(lambda result, d=self.dialog, v=version: self._combined_done(d, v, result))
        self.dialog.open()
        return self.dialog

    def _combined_done(self, dialog: CombinedValueDialog, version: Version, result: int) -> None:
        if result == QDialog.DialogCode.Accepted and dialog.value():
            self._resolve(version, "combined", dialog.value())
        self.dialog = None

    def _resolve(self, version: Version, choice: str, value: str | None = None) -> None:
        actor = dict(lookups.workers(self.ctx.db)).get(self.ctx.prefs.worker_id) or None
        conflict_id = version.conflict_id
        for button in (self.keep_button, self.other_button, self.combined_button, self.both_button):
            button.setEnabled(False)  # back on when the refreshed queue arrives
        self.ctx.ops.write(lambda db: resolve_conflict(db, conflict_id, choice, value=value, actor=actor),
                           failure=lambda _exc: self._show_current(), parent=self)


class AttentionLists(QWidget):
    """Records an import could not place: waiting for their parent, or kept aside (quarantined)."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.waiting_model = RecordTableModel([
            Column("table", QT_TRANSLATE_NOOP("Columns", "Record"), lambda r: record_word(r["table"])),
            Column("record_id", QT_TRANSLATE_NOOP("Columns", "Record id")),
            Column("parent", QT_TRANSLATE_NOOP("Columns", "Waiting for"),
                   lambda r: f"{record_word(r['parent_table'])} {r['parent_id']}"),
            Column("field", QT_TRANSLATE_NOOP("Columns", "Through field"), lambda r: field_word(r["field"]))], self)
        self.quarantine_model = RecordTableModel([
            Column("received_at", QT_TRANSLATE_NOOP("Columns", "Received"), lambda r: short_time(r["received_at"])),
            Column("table", QT_TRANSLATE_NOOP("Columns", "Record"), lambda r: record_word(r["table"])),
            Column("record_id", QT_TRANSLATE_NOOP("Columns", "Record id")),
            Column("reason", QT_TRANSLATE_NOOP("Columns", "Why"), lambda r: (r["detail"] or {}).get("message", r["reason"]))],
            self)
        self.waiting_table, self.quarantine_table = make_table(self.waiting_model), make_table(self.quarantine_model)
        self.waiting_table.setObjectName("waitingList")
        self.quarantine_table.setObjectName("quarantineList")
        self.waiting_box, self.quarantine_box = QGroupBox(), QGroupBox()
        self.waiting_note, self.quarantine_note, self.release_result = QLabel(), QLabel(), QLabel()
        for label in (self.waiting_note, self.quarantine_note):
            label.setWordWrap(True)
            label.setStyleSheet("color: #444;")
        self.release_button = QPushButton()
        self.release_button.clicked.connect(self.release)
        box = QVBoxLayout(self.waiting_box)
        box.addWidget(self.waiting_note)
        box.addWidget(self.waiting_table)
        box = QVBoxLayout(self.quarantine_box)
        box.addWidget(self.quarantine_note)
        box.addWidget(self.quarantine_table)
        bar = QHBoxLayout()
        bar.addWidget(self.release_button)
        bar.addWidget(self.release_result, 1)
        box.addLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.waiting_box, 1)
        layout.addWidget(self.quarantine_box, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.release_result.clear()  # "%n record(s) applied." was said in the language before the switch
        self.waiting_box.setTitle(self.tr("Waiting records"))
        self.waiting_note.setText(self.tr("These arrived before the record they belong to (for example a visit "
                                          "before its case). They are kept, and fall into place when it arrives."))
        self.quarantine_box.setTitle(self.tr("Quarantined records"))
        self.quarantine_note.setText(self.tr("Kept aside, not applied: changed on a PC whose clock runs ahead, or "
                                             "holding a value this app refuses. Release applies those that now pass."))
        self.release_button.setText(self.tr("Release quarantined records"))
        self.waiting_model.retranslate()
        self.quarantine_model.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_lists(self, waiting: list[dict], quarantined: list[dict]) -> None:
        self.waiting_model.set_rows(waiting)
        self.quarantine_model.set_rows(quarantined)
        self.release_button.setEnabled(bool(quarantined))
        for view in (self.waiting_table, self.quarantine_table):
            fit_columns(view)

    def release(self) -> None:
        """Apply the quarantined records that pass now (e.g. the sender's clock has been caught up with)."""
        def run(db):
            report = release_quarantine(db)
            report.changes.value = report.totals
            return report.changes

        self.release_button.setEnabled(False)
        self.ctx.ops.write(run, success=self._released, parent=self)

    def _released(self, changes) -> None:
        totals = changes.value or {}
        self.release_result.setText(self.tr("%n record(s) applied.", "", totals.get("new", 0) + totals.get("updated", 0)))
