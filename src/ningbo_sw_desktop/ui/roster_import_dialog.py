"""花名册导入 Roster import: every row's outcome shown before anything is written, then confirm.

Rows with problems are listed with their row number in the sheet and the reason, so the
clerk can fix the sheet in Excel or WPS and import again — or, knowingly, import the good
rows only.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout

from ..core.errors import field_label
from ..core.roster_io import ImportPreview, apply_import, preview_import
from .widgets import Column, RecordTableModel, Retranslating, fit_to_screen, make_table

OUTCOME_COLORS = {"rejected": "#b3261e", "add": "#1b5e20", "update": "#0d47a1"}


def outcome_rows(preview: ImportPreview) -> list[dict]:
    """One line per sheet row — problems first, then additions, updates, unchanged — each in sheet order."""
    rows = [{"row": p.row, "name": p.name, "outcome": p.action,
             "details": ", ".join(field_label(f) for f in p.fields) if p.action == "update" else ""}
            for p in preview.planned]
    rows += [{"row": r.row, "name": r.name, "outcome": "rejected", "details": "；".join(str(e) for e in r.errors)}
             for r in preview.rejected]
    order = {"rejected": 0, "add": 1, "update": 2, "unchanged": 3}
    return sorted(rows, key=lambda r: (order[r["outcome"]], r["row"]))


def outcome_text(row: dict) -> str:
    words = {"add": QT_TRANSLATE_NOOP("RosterImport", "Add"), "update": QT_TRANSLATE_NOOP("RosterImport", "Update"),
             "unchanged": QT_TRANSLATE_NOOP("RosterImport", "Unchanged"),
             "rejected": QT_TRANSLATE_NOOP("RosterImport", "Problem")}
    return QCoreApplication.translate("RosterImport", words[row["outcome"]])


class OutcomeModel(RecordTableModel):
    """The preview table, with problems in red."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            color = OUTCOME_COLORS.get(self.rows[index.row()]["outcome"])
            return QColor(color) if color else None
        return super().data(index, role)


class RosterImportDialog(Retranslating, QDialog):
    """Reads and plans the sheet off the GUI thread, shows the plan, writes only on confirmation."""

    def __init__(self, ctx, club: dict, path: str | Path, parent=None):
        super().__init__(parent)
        self.ctx, self.club, self.path = ctx, club, Path(path)
        self.preview: ImportPreview | None = None
        self.result: ImportPreview | None = None
        self.summary = QLabel(wordWrap=True)
        self.summary.setObjectName("importSummary")
        self.model = OutcomeModel([
            Column("row", QT_TRANSLATE_NOOP("Columns", "Sheet row")), Column("name", QT_TRANSLATE_NOOP("Columns", "Name")),
            Column("outcome", QT_TRANSLATE_NOOP("Columns", "Import result"), outcome_text),
            Column("details", QT_TRANSLATE_NOOP("Columns", "Details"))], self)
        self.table = make_table(self.model)
        self.skip_bad = QCheckBox()
        self.skip_bad.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        self.skip_bad.toggled.connect(lambda _on: self._update_button())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.skip_bad)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 900, 560)
        self.retranslate()
        club_id, path = club["id"], self.path
        ctx.ops.read(lambda db: preview_import(db, club_id, path), done=self.show_preview,
                     failure=self._read_failed, parent=self)

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(outcome_rows(preview))
        self.table.resizeColumnsToContents()
        self.skip_bad.setVisible(bool(preview.rejected))
        self.retranslate()

    def _read_failed(self, _exc: BaseException) -> bool:
        self.reject()  # the message box (shown by the op runner) says why the file could not be read
        return False

    def _counts(self) -> tuple[int, int, int, int]:
        p = self.preview
        return (len(p.of("add")), len(p.of("update")), len(p.of("unchanged")), len(p.rejected)) if p else (0, 0, 0, 0)

    def _update_button(self) -> None:
        added, updated, _, rejected = self._counts()
        allowed = bool(added or updated) and (not rejected or self.skip_bad.isChecked())
        self.import_button.setEnabled(allowed and self.result is None)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import roster into %1").replace("%1", self.club["name"]))
        self.import_button.setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.skip_bad.setText(self.tr("Import the good rows only; skip the rows with problems"))
        if self.preview is None:
            self.summary.setText(self.tr("Reading %1 ...").replace("%1", self.path.name))
        else:
            added, updated, unchanged, rejected = self._counts()
            text = (self.tr("%1: %2 to add, %3 to update, %4 unchanged, %5 with problems. Nothing has been written yet.")
                    .replace("%1", self.path.name).replace("%2", str(added)).replace("%3", str(updated))
                    .replace("%4", str(unchanged)).replace("%5", str(rejected)))
            if rejected:
                text += " " + self.tr("Fix the rows with problems in the sheet and import again, or import the good "
                                      "rows only.")
            self.summary.setText(text)
        self.model.retranslate()
        self._update_button()

    def apply(self) -> None:
        """Write the import in one transaction (it is planned again there, against the saved data)."""
        if self.preview is None or not self.import_button.isEnabled():
            return
        preview, skip = self.preview, self.skip_bad.isChecked()
        self.import_button.setEnabled(False)
        self.ctx.ops.write(lambda db: apply_import(db, preview, skip_bad_rows=skip), success=self._applied,
                           failure=self._apply_failed, parent=self)

    def _applied(self, changes) -> None:
        self.result = changes.value
        self.accept()

    def _apply_failed(self, _exc: BaseException) -> bool:
        self._update_button()
        return False
