"""Binding form widgets to a dict of values: read, fill, watch for changes, show field errors.

Forms keep the raw typed text (as core expects it: core parses and checks), so the same
dict is validated by core, saved as a draft and restored after a crash.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QObject, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import enums
from .widgets import EnumCombo, ErrorLabel, RecordCombo, Retranslating


class TagChecks(Retranslating, QWidget):
    """The client's tags (老年人, 独居, ...) as check boxes."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, code in enumerate(enums.codes("tag")):
            box = QCheckBox()
            box.toggled.connect(lambda _on: self.changed.emit())
            grid.addWidget(box, i // 3, i % 3)
            self.boxes[code] = box
        self.retranslate()

    def retranslate(self) -> None:
        for code, box in self.boxes.items():
            box.setText(enums.label("tag", code))

    def value(self) -> list[str]:
        return [code for code, box in self.boxes.items() if box.isChecked()]

    def set_value(self, codes: Iterable[str] | None) -> None:
        for code, box in self.boxes.items():
            box.setChecked(code in set(codes or ()))


def widget_value(widget: QWidget):
    """What the user put in a widget, in the form core accepts."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, EnumCombo):
        return widget.code()
    if isinstance(widget, RecordCombo):
        return widget.record_id()
    if isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
        return widget.dateTime().toPython().replace(second=0, microsecond=0).isoformat(timespec="minutes")
    if isinstance(widget, QDateEdit):
        return widget.date().toPython().isoformat()
    if isinstance(widget, QSpinBox):
        return widget.value() if widget.value() != widget.minimum() else None
    if isinstance(widget, TagChecks):
        return widget.value()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(f"no value for {type(widget).__name__}")


def set_widget_value(widget: QWidget, value) -> None:
    """Put a value (e.g. from a draft) back into a widget."""
    if isinstance(widget, QLineEdit):
        widget.setText(value or "")
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    elif isinstance(widget, EnumCombo):
        widget.set_code(value)
    elif isinstance(widget, RecordCombo):
        widget.set_id(value)
    elif isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
        if value:
            widget.setDateTime(QDateTime(datetime.datetime.fromisoformat(str(value))))
    elif isinstance(widget, QDateEdit):
        if value:
            widget.setDate(QDate(datetime.date.fromisoformat(str(value)[:10])))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value) if value not in (None, "") else widget.minimum())
    elif isinstance(widget, TagChecks):
        widget.set_value(value)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))


def change_signal(widget: QWidget):
    """The signal a widget emits when the user changes it."""
    for name in ("textChanged", "changed", "currentIndexChanged", "dateTimeChanged", "dateChanged",
                 "valueChanged", "toggled"):
        if hasattr(widget, name):
            return getattr(widget, name)
    raise TypeError(f"no change signal on {type(widget).__name__}")


class FormBinder(QObject):
    """Named fields of one form, each with a label and an error line beside it."""

    edited = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.widgets: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.touched: set[str] = set()
        self._filling = False

    def add(self, name: str, widget: QWidget) -> tuple[QLabel, QWidget, ErrorLabel]:
        """Register a field; returns its label, widget and error line for the layout."""
        label, error = QLabel(), ErrorLabel()
        label.setBuddy(widget)
        widget.setObjectName(name)
        self.widgets[name], self.labels[name], self.errors[name] = widget, label, error
        change_signal(widget).connect(lambda *_args, name=name: self._on_edit(name))
        return label, widget, error

    def add_row(self, layout: QFormLayout, name: str, widget: QWidget, *, lead: QWidget | None = None) -> None:
        """Register a field and lay it out as one form row: label, then the field over its error line.

        ``lead`` (e.g. the check box that switches the field on) goes before the field, on its line.
        """
        label, field, error = self.add(name, widget)
        column = QWidget()
        inner = QVBoxLayout(column)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(1)
        if lead is None:
            inner.addWidget(field)
        else:
            line = QHBoxLayout()
            line.addWidget(lead)
            line.addWidget(field, 1)
            inner.addLayout(line)
        inner.addWidget(error)
        layout.addRow(label, column)

    def _on_edit(self, name: str) -> None:
        if not self._filling:
            self.touched.add(name)
            self.edited.emit(name)

    def values(self, names: Iterable[str] | None = None) -> dict:
        return {name: widget_value(self.widgets[name]) for name in (names or self.widgets)}

    def fill(self, values: dict, *, as_typed: bool = False) -> None:
        """Set fields from a dict; ``as_typed`` marks them as the user's (a restored draft)."""
        self._filling = True
        try:
            for name, value in values.items():
                if name in self.widgets:
                    set_widget_value(self.widgets[name], value)
                    if as_typed:
                        self.touched.add(name)
        finally:
            self._filling = False

    def set_label_texts(self, texts: dict[str, str]) -> None:
        for name, text in texts.items():
            self.labels[name].setText(text)

    def show_errors(self, problems: dict[str, str], *, everything: bool = False) -> None:
        """Show each field's problem once the user has been there (or it has a value)."""
        for name, error in self.errors.items():
            text = problems.get(name)
            shown = everything or name in self.touched or _has_value(widget_value(self.widgets[name]))
            error.show_problem(text if shown else None)


def _has_value(value) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], False)


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in zip(widgets, widgets[1:], strict=False):
        QWidget.setTabOrder(first, second)


def confirm_discard(parent: QWidget, on_discard) -> QMessageBox:
    """Ask (without blocking) before a form's typed text is thrown away; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("Forms", "Discard what you typed?"),
                      QCoreApplication.translate("Forms", "What you typed in this form will be lost."),
                      QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, parent)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    discard = box.button(QMessageBox.StandardButton.Discard)
    box.finished.connect(lambda _result: on_discard() if box.clickedButton() is discard else None)
    box.open()
    return box


class EditsStoredRecord:
    """Mixin for a dialog that edits a stored record: only what changed is sent, and leaving asks first.

    The dialog sets ``form`` (a FormBinder), ``FIELDS`` and ``original`` (the form's values
    as opened) and sets ``_saving`` while its write is on its way. Esc, Cancel or the close
    box then ask before typed changes are thrown away, and do nothing while a save is on its
    way (its answer closes the dialog, or brings the form back with the reason).
    """

    FIELDS: tuple[str, ...] = ()
    _saving = False

    def changed_values(self) -> dict:
        """What the user changed, as typed (core cleans it); the rest is never sent."""
        now = self.form.values(self.FIELDS)
        return {name: value for name, value in now.items() if value != self.original[name]}

    def reject(self) -> None:
        if self._saving:
            return
        if self.changed_values():
            self._confirm_box = confirm_discard(self, super().reject)
        else:
            super().reject()
