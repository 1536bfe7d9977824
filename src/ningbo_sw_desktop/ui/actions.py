"""Opening the case dialogs and wiring their signals, in one place for every screen and shortcut."""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from ..core.cases import get_case
from ..core.drafts import Draft
from ..core.errors import UserError
from .case_detail import CaseDetailDialog
from .case_edit_dialog import CaseEditDialog, CloseCaseDialog
from .intake_dialog import IntakeDialog
from .ops import show_error
from .registry import case_printer
from .visit_dialog import VisitDialog

log = logging.getLogger(__name__)


class CaseActions(QObject):
    """New case, open case, log visit, edit, close, print: each opens its dialog over ``window``."""

    def __init__(self, ctx, window: QWidget):
        super().__init__(window)
        self.ctx, self.window = ctx, window
        self._details: dict[str, CaseDetailDialog] = {}

    def new_case(self, *, form_name: str | None = None, values: dict | None = None) -> IntakeDialog:
        dialog = IntakeDialog(self.ctx, self.window, form_name=form_name)
        if values:
            dialog.restore(values)
        dialog.case_opened.connect(self.open_case)
        self._show(dialog)
        return dialog

    def open_case(self, case_id: str) -> CaseDetailDialog | None:
        """Show a case's detail (bringing it forward when already open)."""
        detail = self._details.get(case_id)
        if detail is not None and shiboken6.isValid(detail):
            detail.show()
            detail.raise_()
            detail.activateWindow()
            return detail
        try:
            detail = CaseDetailDialog(self.ctx, case_id, self.window)
        except UserError as exc:
            show_error(self.window, exc)
            return None
        detail.log_visit_requested.connect(self.log_visit)
        detail.edit_requested.connect(self.edit_case)
        detail.close_requested.connect(self.close_case)
        detail.print_requested.connect(self.print_case)
        detail.finished.connect(lambda _result, case_id=case_id: self._details.pop(case_id, None))
        self._details[case_id] = detail
        self._show(detail)
        return detail

    def log_visit(self, case_id: str, *, form_name: str | None = None, values: dict | None = None) -> VisitDialog | None:
        case = self._case(case_id)
        if case is None:
            return None
        if case["status"] != "open":
            QMessageBox.information(self.window, self.tr("Case closed"),
                                    self.tr("Case %1 is closed; no visits can be added.").replace("%1", case["case_no"]))
            return None
        dialog = VisitDialog(self.ctx, case, self._owner(case_id), form_name=form_name)
        if values:
            dialog.restore(values)
        self._show(dialog)
        return dialog

    def edit_case(self, case_id: str) -> QDialog | None:
        case = self._case(case_id)
        return self._show(CaseEditDialog(self.ctx, case, self._owner(case_id))) if case else None

    def close_case(self, case_id: str) -> QDialog | None:
        case = self._case(case_id)
        return self._show(CloseCaseDialog(self.ctx, case, self._owner(case_id))) if case else None

    def print_case(self, case_id: str) -> None:
        """Hand the case to the printing feature once it is installed (``register_case_printer``)."""
        printer = case_printer()
        if printer is not None:
            printer(self.ctx, case_id, self._owner(case_id))

    def restore(self, drafts: list[Draft]) -> list[QDialog]:
        """Reopen each draft's form with what was typed; the draft stays until saved or discarded."""
        opened: list[QDialog] = []
        for draft in drafts:
            kind = draft.values.get("form")
            if kind == "intake":
                opened.append(self.new_case(form_name=draft.form_name, values=draft.values))
            elif kind == "visit" and draft.values.get("case_id"):
                dialog = self.log_visit(draft.values["case_id"], form_name=draft.form_name, values=draft.values)
                if dialog is not None:
                    opened.append(dialog)
            else:
                log.warning("draft %s of unknown form %r left as is", draft.form_name, kind)
        return opened

    def _case(self, case_id: str) -> dict | None:
        try:
            return get_case(self.ctx.db, case_id)
        except UserError as exc:
            show_error(self.window, exc)
            return None

    def _owner(self, case_id: str) -> QWidget:
        """Dialogs about a case sit over its detail window when that is open."""
        detail = self._details.get(case_id)
        return detail if detail is not None and shiboken6.isValid(detail) and detail.isVisible() else self.window

    @staticmethod
    def _show(dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog
