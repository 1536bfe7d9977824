"""First start of a new installation: the office code (used in case numbers) and its name."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from ..core.errors import ValidationError
from ..core.office import init_office
from .forms import FormBinder
from .widgets import Retranslating, fit_to_screen


class FirstRunDialog(Retranslating, QDialog):
    """Asks once; core's ``init_office`` checks the code's form and saves both."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = FormBinder(self)
        self.intro = QLabel(wordWrap=True)
        rows = QFormLayout()
        self.form.add_row(rows, "office_code", QLineEdit(placeholderText="HS-NM"))
        self.form.add_row(rows, "office_name", QLineEdit(placeholderText="南门街道社工站"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(rows)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 520, 260)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this office"))
        self.intro.setText(self.tr("Welcome. Before the first case, give this office its code and name. The code "
                                   "starts every case number (e.g. HS-NM-2026-0001) and cannot change once cases exist."))
        self.form.set_label_texts({"office_code": self.tr("Office code"), "office_name": self.tr("Office name")})

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
