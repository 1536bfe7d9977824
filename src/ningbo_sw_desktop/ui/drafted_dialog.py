"""What the intake and visit forms share: checks as you type, a draft kept, no text lost on Esc.

A subclass builds ``self.form`` (FormBinder), ``self.save_button`` and ``self.drafts``
(DraftKeeper), sets ``self._saving = False`` and provides ``problems()``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from ..core.errors import ValidationError
from .forms import confirm_discard


class DraftedFormDialog(QDialog):
    """A form whose typed text survives a crash and is never thrown away without asking."""

    def problems(self) -> dict[str, str]:
        """Field -> message for everything wrong now (the subclass runs core's validation)."""
        raise NotImplementedError

    def validate(self) -> bool:
        """Show the problems beside their fields; Save only when there are none."""
        problems = self.problems()
        self.form.show_errors(problems)
        self.save_button.setEnabled(not problems and not self._saving)
        return not problems

    def _on_edit(self, _name: str) -> None:
        self.validate()
        self.drafts.schedule()

    def _failed(self, exc: BaseException) -> bool:
        """A refused write: its field messages go beside the fields (True = shown here)."""
        self._saving = False
        self.validate()
        if isinstance(exc, ValidationError) and set(exc.by_field()) <= set(self.form.widgets):
            self.form.show_errors(exc.messages(), everything=True)
            return True
        return False

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
