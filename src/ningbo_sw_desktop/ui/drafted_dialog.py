"""What the intake and visit forms share: checks as you type, a draft kept, no text lost on Esc.

A subclass calls ``__init__`` with its draft kind, then builds its fields into ``self.form``
and ``self.save_button``, connects ``self.form.edited`` to ``_on_edit`` and provides
``problems()`` and ``draft_values()``; its ``save`` starts with ``_ready_to_save()`` and
writes through ``_write``, whose success handler ends with ``_finish()``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox

from ..core.errors import ValidationError
from .drafts_ui import DraftKeeper, new_form_name
from .forms import FormBinder, confirm_discard
from .widgets import Retranslating


class DraftedFormDialog(Retranslating, QDialog):
    """A form whose typed text survives a crash and is never thrown away without asking."""

    def __init__(self, ctx, kind: str, form_name: str | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._saving = False
        self._confirm_box: QMessageBox | None = None
        self.form = FormBinder(self)
        self.drafts = DraftKeeper(ctx.drafts_folder, form_name or new_form_name(kind), self.draft_values, self)

    def problems(self) -> dict[str, str]:
        """Field -> message for everything wrong now (the subclass runs core's validation)."""
        raise NotImplementedError

    def draft_values(self) -> dict:
        """What the draft on disk holds (the subclass adds its form kind)."""
        raise NotImplementedError

    def validate(self, *, everything: bool = False) -> bool:
        """Show the problems beside their fields (``everything``: untouched ones too); Save only when none."""
        problems = self.problems()
        self.form.show_errors(problems, everything=everything)
        self.save_button.setEnabled(not problems and not self._saving)
        return not problems

    def restore(self, values: dict) -> None:
        """Refill the form from a draft; the fields count as typed, so their problems show."""
        self.form.fill(values, as_typed=True)
        self.validate()

    def _on_edit(self, _name: str) -> None:
        self.validate()
        self.drafts.schedule()

    # --- saving ------------------------------------------------------------------------------------

    def _ready_to_save(self) -> bool:
        """No save on its way and nothing wrong; otherwise every problem shows, typed there or not."""
        return self.validate(everything=True) and not self._saving

    def _write(self, op) -> None:
        """Write ``op(db)`` off the GUI thread; ``_saved`` or ``_failed`` gets the answer."""
        self._saving = True
        self.save_button.setEnabled(False)
        self.ctx.ops.write(op, success=self._saved, failure=self._failed, parent=self)

    def _saved(self, changes) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        """The write went through: no draft remains and the form closes."""
        self.drafts.discard()
        self._saving = False
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        """A refused write: its field messages go beside the fields (True = shown here)."""
        self._saving = False
        self.validate()
        if isinstance(exc, ValidationError) and set(exc.by_field()) <= set(self.form.widgets):
            self.form.show_errors(exc.messages(), everything=True)
            return True
        return False

    # --- leaving -----------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc, Cancel or the close box: ask before throwing typed text away."""
        if self._saving:
            return  # the save is on its way; its answer closes the form
        if not self.form.touched:
            self.drafts.discard()
            super().reject()
            return
        self._confirm_box = confirm_discard(self, self._discard_confirmed)

    def _discard_confirmed(self) -> None:
        self.drafts.discard()
        super().reject()
