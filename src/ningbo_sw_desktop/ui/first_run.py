"""First start of a new installation: the office code (used in case numbers) and its name."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..core.errors import ValidationError
from ..core.office import init_office
from .forms import FormBinder


class FirstRunDialog(QDialog):
    """Asks once; core's ``init_office`` checks the code's form and saves both."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = FormBinder(self)
        self.intro = QLabel(wordWrap=True)
        rows = QFormLayout()
        for name, widget in (("office_code", QLineEdit(placeholderText="HS-NM")),
                             ("office_name", QLineEdit(placeholderText="南门街道社工站"))):
            label, field, error = self.form.add(name, widget)
            column = QWidget()
            inner = QVBoxLayout(column)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(field)
            inner.addWidget(error)
            rows.addRow(label, column)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(rows)
        layout.addWidget(self.buttons)
        self.resize(520, 260)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this office"))
        self.intro.setText(self.tr("Welcome. Before the first case, give this office its code and name. The code "
                                   "starts every case number (e.g. HS-NM-2026-0001) and cannot change once cases exist."))
        self.form.set_label_texts({"office_code": self.tr("Office code"), "office_name": self.tr("Office name")})

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def save(self) -> None:
        values = self.form.values()
        self.buttons.setEnabled(False)
        self.ctx.ops.write(lambda db: init_office(db, values["office_code"], values["office_name"]),
                           success=lambda _changes: self.accept(), failure=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> bool:
        self.buttons.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.form.show_errors(exc.messages(), everything=True)
            return True
        return False
