"""同步 Sync: carry the office's work to the supervisor (and back) on a USB stick, and settle what collided.

Four tabs: exchange (export a sync bundle for a trusted device; import one by button or by
dropping ``.nbsync`` files on the page), conflicts (冲突) to decide, records waiting or
quarantined, and devices (this one's keys to send to a supervisor, the trusted ones).
Bundles are inspected, imported and exported on a worker thread behind Cancel; whatever
an import changed is announced once through ``changes_applied`` so other pages redraw.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import UserError
from ..sync import (
    BundleRefused,
    export_bundle,
    identity,
    import_bundle,
    inspect_bundle,
    list_conflicts,
    list_quarantine,
    sync_status,
    waiting_records,
)
from .conflict_review import AttentionLists, ConflictReview
from .ops import show_error
from .printing import emit
from .registry import register_page
from .sync_devices import DevicesPanel, usb_sticks
from .sync_dialogs import (
    ask_trust,
    export_report_html,
    import_report_html,
    note_html,
    refusal_html,
    role_word,
    run_job,
    who,
)

SUFFIX = ".nbsync"
LIST_LIMIT = 500


def read_snapshot(db) -> dict:
    """Everything the page shows, read in one go on the reader thread."""
    names = {r[0]: r[1] for r in db.execute(
        "SELECT id, name FROM workers UNION ALL SELECT id, name FROM areas UNION ALL SELECT id, name FROM programs")}
    return {"me": identity(db), "status": sync_status(db), "conflicts": list_conflicts(db), "names": names,
            "waiting": [asdict(w) for w in waiting_records(db, limit=LIST_LIMIT)],
            "quarantine": list_quarantine(db)[:LIST_LIMIT]}


def bundle_paths(urls) -> list[str]:
    """The local ``.nbsync`` files among dropped URLs."""
    return [u.toLocalFile() for u in urls if u.isLocalFile() and u.toLocalFile().lower().endswith(SUFFIX)]


class SyncPage(QWidget):
    """Export, import, conflicts, waiting and quarantined records, devices: one tab each."""

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Sync")

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: dict | None = None
        self.task = None
        self.queue: list[str] = []
        self.results: list[str] = []
        self.message_box: QMessageBox | None = None
        self._reading = self._read_again = False
        self._then = None
        self.setAcceptDrops(True)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_exchange(), "")
        self.review = ConflictReview(ctx, self)
        self.lists = AttentionLists(ctx, self)
        self.devices = DevicesPanel(ctx, self)
        for tab in (self.review, self.lists, self.devices):
            self.tabs.addTab(tab, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        ctx.ops.changes_applied.connect(lambda _changes: self.refresh())
        self.devices.trusted.connect(self.refresh)
        self.retranslate()
        self.refresh()

    def _build_exchange(self) -> QWidget:
        self.export_box, self.import_box = QGroupBox(), QGroupBox()
        self.recipient = QComboBox()
        self.recipient.setObjectName("exportRecipient")
        self.recipient.setMinimumWidth(260)
        self.folder = QLineEdit(str(self._settings().value("sync/folder", "") or ""))
        self.folder.setObjectName("exportFolder")
        self.folder.textChanged.connect(self.folder.setToolTip)
        self.folder.setToolTip(self.folder.text())
        self.choose_button, self.stick_button = QPushButton(), QPushButton()
        self.stick_menu = QMenu(self)
        self.stick_menu.aboutToShow.connect(self._fill_sticks)
        self.stick_button.setMenu(self.stick_menu)
        self.full = QCheckBox()
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportButton")
        self.recipient_label, self.folder_label = QLabel(), QLabel()
        folder_row = QHBoxLayout()
        for widget in (self.folder, self.choose_button, self.stick_button):
            folder_row.addWidget(widget)
        form = QFormLayout(self.export_box)
        form.addRow(self.recipient_label, self.recipient)
        form.addRow(self.folder_label, folder_row)
        form.addRow(self.full)
        form.addRow(self.export_button)
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.drop_hint = QLabel()
        self.drop_hint.setWordWrap(True)
        self.drop_hint.setStyleSheet("border: 2px dashed #9aa; border-radius: 6px; padding: 18px; color: #444;")
        box = QVBoxLayout(self.import_box)
        box.addWidget(self.import_button)
        box.addWidget(self.drop_hint)
        left = QVBoxLayout()
        for group in (self.export_box, self.import_box):
            group.setMaximumWidth(520)
            left.addWidget(group)
        left.addStretch(1)
        self.result_label = QLabel()
        self.result = QTextBrowser()
        self.result.setObjectName("syncResult")
        self.result.setOpenLinks(False)
        right = QVBoxLayout()
        right.addWidget(self.result_label)
        right.addWidget(self.result, 1)
        page = QWidget()
        row = QHBoxLayout(page)
        row.addLayout(left, 0)
        row.addLayout(right, 1)
        self.choose_button.clicked.connect(self.choose_folder)
        self.export_button.clicked.connect(self.export)
        self.import_button.clicked.connect(self.choose_bundles)
        return page

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.export_box.setTitle(self.tr("Send: export a sync bundle"))
        self.recipient_label.setText(self.tr("For"))
        self.folder_label.setText(self.tr("Save to"))
        self.folder.setPlaceholderText(self.tr("A folder, or the USB stick"))
        self.choose_button.setText(self.tr("Choose…"))
        self.stick_button.setText(self.tr("USB stick"))
        self.full.setText(self.tr("Full bundle (everything, not only what the recipient has not received)"))
        self.export_button.setText(self.tr("Export sync bundle"))
        self.import_box.setTitle(self.tr("Receive: import a sync bundle"))
        self.import_button.setText(self.tr("Import sync bundle…"))
        self.drop_hint.setText(self.tr("Or drag .nbsync files from the USB stick onto this page. Each bundle is "
                                       "checked before anything is changed; conflicts never stop an import."))
        self.result_label.setText(self.tr("Result"))
        self._show_counts()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _settings(self):
        """Where the export folder is remembered (the app's settings file)."""
        return self.ctx.prefs.settings

    # --- reading ------------------------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        """Whether a bundle job or a read is still running (tests wait on this)."""
        return self.task is not None or self._reading or bool(self.queue)

    def refresh(self) -> None:
        """Read peers, conflicts and lists again off the GUI thread (one read at a time)."""
        if self._reading:
            self._read_again = True
            return
        self._reading = True
        self.ctx.ops.read(read_snapshot, done=self._show_snapshot, failure=self._read_failed, parent=self)

    def _read_failed(self, _exc) -> bool:
        self._reading = False
        return False

    def _show_snapshot(self, snapshot: dict) -> None:
        self._reading = False
        if self._read_again:
            self._read_again = False
            self.refresh()
        self.snapshot = snapshot
        chosen = self.recipient.currentData() or self._settings().value("sync/recipient", "")
        self.recipient.clear()
        for peer in snapshot["status"]["peers"]:
            code = " ".join(x for x in (peer["office_code"], peer["office_name"]) if x and x != peer["name"])
            role = role_word(peer["role"])
            extra = "，".join(x for x in (code, role) if x)
            self.recipient.addItem(f"{peer['name']}（{extra}）" if extra else peer["name"], peer["name"])
        index = self.recipient.findData(chosen)
        self.recipient.setCurrentIndex(max(index, 0))
        self.export_button.setEnabled(self.recipient.count() > 0)
        self.review.set_conflicts(snapshot["conflicts"], snapshot["names"], snapshot["me"]["device_id"])
        self.lists.set_lists(snapshot["waiting"], snapshot["quarantine"])
        self.devices.show_devices(snapshot["me"], snapshot["status"]["peers"])
        self._show_counts()

    def _show_counts(self) -> None:
        self.tabs.setTabText(0, self.tr("Send and receive"))
        conflicts = self.review.field_count()
        self.tabs.setTabText(1, self.tr("Conflicts (%n)", "", conflicts) if conflicts else self.tr("Conflicts"))
        waiting = len(self.lists.waiting_model.rows) + len(self.lists.quarantine_model.rows)
        self.tabs.setTabText(2, self.tr("Waiting and quarantine (%n)", "", waiting) if waiting
                             else self.tr("Waiting and quarantine"))
        self.tabs.setTabText(3, self.tr("Devices"))
        if not self.recipient.count():
            self.recipient.setPlaceholderText(self.tr("No trusted device yet: add one on the Devices tab"))

    # --- export ---------------------------------------------------------------------------------------------

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save sync bundles to"), self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _fill_sticks(self) -> None:
        self.stick_menu.clear()
        sticks = usb_sticks()
        for label, root in sticks:
            self.stick_menu.addAction(label, lambda r=root: self.folder.setText(r))
        if not sticks:
            self.stick_menu.addAction(self.tr("No USB stick found: plug one in, or choose a folder")).setEnabled(False)

    def export(self) -> None:
        """Write a bundle for the chosen trusted device into the chosen folder."""
        recipient, folder, full = self.recipient.currentData(), self.folder.text().strip(), self.full.isChecked()
        if not recipient or self.task is not None:
            return
        if not folder or not Path(folder).is_dir():
            self.choose_folder()
            folder = self.folder.text().strip()
            if not folder or not Path(folder).is_dir():
                return
        self._settings().setValue("sync/folder", folder)
        self._settings().setValue("sync/recipient", recipient)
        self.results = []
        self.task = run_job(self, self.ctx.db_path, self.tr("Writing the sync bundle…"),
                            lambda db, progress, abort: export_bundle(db, recipient, folder, full=full,
                                                                      progress=progress, abort=abort),
                            done=lambda report: self._add_result(export_report_html(report)),
                            failed=lambda exc: self._failed(exc, ""), cancelled=self._cancelled,
                            finished=self._job_finished)

    # --- import ---------------------------------------------------------------------------------------------

    def choose_bundles(self) -> None:
        start = self._settings().value("sync/folder", "") or ""
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Import sync bundles"), str(start),
                                                      self.tr("Sync bundles (*.nbsync)"))
        if paths:
            self.import_files(paths)

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasUrls() and bundle_paths(event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = bundle_paths(event.mimeData().urls())
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    def import_files(self, paths: list[str]) -> None:
        """Inspect and import bundles one after another; results collect in the panel."""
        if self.task is None and not self.queue:
            self.results = []
        self.queue += [str(p) for p in paths]
        self.tabs.setCurrentIndex(0)
        self._next()

    def _next(self) -> None:
        if self.task is not None or not self.queue:
            return
        path = self.queue.pop(0)
        self.task = run_job(self, self.ctx.db_path, self.tr("Checking %1…").replace("%1", Path(path).name),
                            lambda db, progress, abort: inspect_bundle(db, path),
                            done=lambda inspected: self._inspected(path, inspected),
                            failed=lambda exc: self._failed(exc, path), cancelled=self._cancelled,
                            finished=self._job_finished)

    def _inspected(self, path: str, inspected) -> None:
        trust_new = False
        if not inspected.trusted and not inspected.already_imported:
            if not ask_trust(self, inspected):
                origin = inspected.origin
                sender = who(origin.get("office_code"), origin.get("office_name"), origin.get("device_id"))
                self._add_result(note_html(self.tr("Not imported: %1").replace("%1", Path(path).name),
                                           self.tr("You did not trust %1; nothing was changed.").replace("%1", sender)))
                return
            trust_new = True
        self._then = lambda: self._import(path, trust_new)

    def _import(self, path: str, trust_new: bool) -> None:
        self.task = run_job(self, self.ctx.db_path, self.tr("Importing %1…").replace("%1", Path(path).name),
                            lambda db, progress, abort: import_bundle(db, path, trust_new=trust_new,
                                                                      progress=progress, abort=abort),
                            done=lambda report: self._imported(path, report),
                            failed=lambda exc: self._failed(exc, path), cancelled=self._cancelled,
                            finished=self._job_finished)

    def _imported(self, path: str, report) -> None:
        self._add_result(import_report_html(report, Path(path).name))
        if report.changes:
            emit(self.ctx.ops.changes_applied, report.changes)

    def _job_finished(self) -> None:
        """A job ended: run what it asked for next (the import after the inspection), then the queue."""
        self.task = None
        then, self._then = self._then, None
        if then is not None:
            then()
        else:
            self.refresh()
            self._next()

    # --- outcomes -----------------------------------------------------------------------------------------

    def _add_result(self, section: str) -> None:
        self.results.append(section)
        self.result.setHtml("<hr>".join(reversed(self.results)))

    def _failed(self, exc: BaseException, path: str) -> None:
        if isinstance(exc, BundleRefused):
            self._add_result(refusal_html(str(exc.text), Path(path).name))
            self._warn(self.tr("Sync bundle refused"), str(exc.text) + "\n\n" + self.tr("Nothing in the database was "
                                                                                        "changed."))
        elif isinstance(exc, UserError):
            self._add_result(note_html(self.tr("Could not finish"), str(exc.text)))
            self.message_box = show_error(self, exc)
        else:
            self.message_box = show_error(self, exc)

    def _warn(self, title: str, text: str) -> None:
        """A non-blocking warning over the page (it closes itself when dismissed)."""
        if self.message_box is not None and shiboken6.isValid(self.message_box):
            self.message_box.close()
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("syncWarning")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.message_box = box

    def _cancelled(self) -> None:
        self.queue.clear()
        self._add_result(note_html(self.tr("Cancelled"), self.tr("Stopped at your request; nothing was changed.")))


register_page("sync", SyncPage)
