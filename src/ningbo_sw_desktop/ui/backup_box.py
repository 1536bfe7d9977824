"""备份 Backups on the Settings page: the list, back up now, restore a chosen backup; the day's automatic one.

Backing up only reads the database, so it never holds up a save;
a restore is a write (every screen redraws when it is done). What a backup is, and why a
restore keeps this device's sync numbers, is in ``core.backup``.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.backup import Backup, auto_backup, backup_folder, list_backups, make_backup, restore_backup
from ..core.db import connect

log = logging.getLogger(__name__)


def start_auto_backup(ctx) -> threading.Thread:
    """The day's automatic backup, in the background, once the window is up.

    On a thread and connection of its own: a supervisor's city-wide database takes some
    seconds to copy, and searches on the reader thread must not wait behind it.
    """
    path = ctx.db_path

    def work() -> None:
        db = connect(path, migrate=False)
        try:
            auto_backup(db, path)
        except Exception:  # noqa: BLE001 - a failed automatic backup must not disturb the user; it is logged
            log.exception("automatic backup failed")
        finally:
            db.close()

    thread = threading.Thread(target=work, name="auto-backup", daemon=True)
    thread.start()
    return thread


class BackupBox(QGroupBox):
    """The backups of the open database, newest first, with what can be done with them."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.backups: list[Backup] = []
        self.dialog: QMessageBox | None = None
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(160)
        self.hint, self.status = QLabel(wordWrap=True), QLabel(wordWrap=True)
        self.hint.setStyleSheet("color: #555;")
        self.back_up_button, self.restore_button, self.folder_button = QPushButton(), QPushButton(), QPushButton()
        buttons = QHBoxLayout()
        for button in (self.back_up_button, self.restore_button, self.folder_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(backup_folder(self.ctx.db_path)))))
        self.table.itemSelectionChanged.connect(self._enable)
        self.retranslate()

    def retranslate(self) -> None:
        # "Backed up to …" belongs to a finished action and is not said again in the new language; the list shows it.
        self.status.clear()
        self.setTitle(self.tr("Backups"))
        self.hint.setText(self.tr("A backup is made automatically once a day (the last 7 are kept), and before every "
                                  "restore and upgrade. Backups hold the clients' personal data, unencrypted: keep "
                                  "them on this computer."))
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Kind"), self.tr("Size"), self.tr("File")])
        self.back_up_button.setText(self.tr("Back up now"))
        self.restore_button.setText(self.tr("Restore selected…"))
        self.folder_button.setText(self.tr("Open backup folder"))
        if self.isVisible():  # the Kind words; a hidden box is listed when shown (no folder listing at start)
            self.refresh()

    def showEvent(self, event) -> None:  # the automatic backup may have been made since
        self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.backups = list_backups(self.ctx.db_path)
        self.table.setRowCount(len(self.backups))
        for row, item in enumerate(self.backups):
            size = f"{item.size / 1_048_576:.1f} MB" if item.size >= 1_048_576 else f"{item.size // 1024} KB"
            texts = (item.made_at.strftime("%Y-%m-%d %H:%M:%S"), self._kind(item.reason), size, item.path.name)
            for column, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(item.path))
                if column == 2:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._enable()

    def _kind(self, reason: str) -> str:
        kinds = {"auto": self.tr("Automatic"), "manual": self.tr("Made by hand"),
                 "before-restore": self.tr("Before a restore")}
        return kinds.get(reason, self.tr("Before an upgrade"))

    def _enable(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def back_up_now(self) -> None:
        path = self.ctx.db_path
        self.back_up_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))

        def done(made: Backup) -> None:
            self.back_up_button.setEnabled(True)
            self.status.setText(self.tr("Backed up to %1").replace("%1", str(made.path)))
            self.refresh()

        def failed(_exc) -> bool:
            self.back_up_button.setEnabled(True)
            self.status.setText("")
            return False  # the message box says what went wrong

        self.ctx.ops.read(lambda db: make_backup(db, path, "manual"), done=done, failure=failed, parent=self)

    def restore_selected(self) -> QMessageBox | None:
        """Ask, then replace the current data with the chosen backup's."""
        chosen = self.selected()
        if chosen is None:
            return None
        when = chosen.made_at.strftime("%Y-%m-%d %H:%M")
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore a backup"),
                          self.tr("Replace all current data with the backup of %1? Everything entered since then "
                                  "disappears from this computer. The current data is first saved as a backup, so "
                                  "this can be undone.").replace("%1", when),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Restore"))
        box.finished.connect(lambda _r: self._restore(chosen) if box.clickedButton() is yes else None)
        box.open()
        self.dialog = box
        return box

    def _restore(self, chosen: Backup) -> None:
        path, source = self.ctx.db_path, chosen.path
        self.status.setText(self.tr("Restoring…"))

        def done(changes) -> None:
            self.status.setText(self.tr("Restored the backup of %1. The data as it was is saved as %2.")
                                .replace("%1", chosen.made_at.strftime("%Y-%m-%d %H:%M"))
                                .replace("%2", changes.value.path.name))
            self.refresh()

        self.ctx.ops.write(lambda db: restore_backup(db, path, source), success=done,
                           failure=lambda _exc: self.status.setText("") or False, parent=self)
