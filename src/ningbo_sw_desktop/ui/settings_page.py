"""设置 Settings: language (applied on the spot), the current worker, this office's identity and backups."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ..core.office import office
from ..core.paths import data_dir
from . import lookups
from .backup_box import BackupBox
from .widgets import RecordCombo

LANGUAGE_NAMES = (("zh", "简体中文"), ("en", "English"))


class SettingsPage(QWidget):
    """Choices saved in QSettings the moment they are made."""

    language_changed = Signal(str)
    worker_changed = Signal(str)

    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Settings")

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(ctx.prefs.language)))
        self.worker = RecordCombo(blank="choose")
        self.worker.set_records(lookups.workers(ctx.db))
        self.worker.set_id(ctx.prefs.worker_id)
        self.you_box, self.office_box = QGroupBox(), QGroupBox()
        you = QFormLayout(self.you_box)
        you.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for combo in (self.language, self.worker):
            combo.setMinimumWidth(260)
        self.language_label, self.worker_label, self.worker_hint = QLabel(), QLabel(), QLabel(wordWrap=True)
        self.worker_hint.setStyleSheet("color: #555;")
        you.addRow(self.language_label, self.language)
        you.addRow(self.worker_label, self.worker)
        you.addRow("", self.worker_hint)
        info = QFormLayout(self.office_box)
        self.info_labels = {key: QLabel() for key in ("code", "name", "device", "database", "data")}
        self.info_values = {key: QLabel(textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
                            for key in self.info_labels}
        for key in self.info_labels:
            info.addRow(self.info_labels[key], self.info_values[key])
        self.backup_box = BackupBox(ctx)
        layout = QVBoxLayout(self)
        layout.addWidget(self.you_box)
        layout.addWidget(self.office_box)
        layout.addWidget(self.backup_box, 1)
        self.language.currentIndexChanged.connect(lambda _index: self._set_language())
        self.worker.currentIndexChanged.connect(lambda _index: self._set_worker())
        ctx.ops.changes_applied.connect(self._on_changes)
        self.retranslate()

    def retranslate(self) -> None:
        self.you_box.setTitle(self.tr("This computer"))
        self.office_box.setTitle(self.tr("Office (read only)"))
        self.language_label.setText(self.tr("Language"))
        self.worker_label.setText(self.tr("Current social worker"))
        self.worker_hint.setText(self.tr("New cases and visit logs are filled in with this worker."))
        texts = {"code": self.tr("Office code"), "name": self.tr("Office name"), "device": self.tr("Device id"),
                 "database": self.tr("Database file"), "data": self.tr("Data folder")}
        for key, text in texts.items():
            self.info_labels[key].setText(text)
        self.backup_box.retranslate()
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def refresh(self) -> None:
        facts = office(self.ctx.db)
        values = {"code": facts["code"], "name": facts["name"], "device": facts["device_id"],
                  "database": str(self.ctx.db_path), "data": str(data_dir())}
        for key, value in values.items():
            self.info_values[key].setText(value or "—")

    def _set_language(self) -> None:
        code = self.language.currentData()
        self.ctx.prefs.language = code
        if self.ctx.translations is not None:
            self.ctx.translations.apply(code)
        self.language_changed.emit(code)

    def _set_worker(self) -> None:
        self.ctx.prefs.worker_id = self.worker.record_id()
        self.worker_changed.emit(self.worker.record_id() or "")

    def _on_changes(self, changes) -> None:
        if "workers" in changes.tables:
            self.worker.set_records(lookups.workers(self.ctx.db))
