"""Saving what a form holds while the user types, and offering it back after a crash."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.drafts import Draft, discard_draft, load_drafts, save_draft

log = logging.getLogger(__name__)
SAVE_DELAY_MS = 500


def new_form_name(kind: str) -> str:
    """A draft name unique to one open form, e.g. ``intake-3f2a9c1b``."""
    return f"{kind}-{uuid.uuid4().hex[:8]}"


class DraftKeeper(QObject):
    """Writes ``collect()`` to the drafts folder half a second after the last keystroke."""

    saved = Signal(str)

    def __init__(self, folder: Path, form_name: str, collect: Callable[[], dict], parent=None):
        super().__init__(parent)
        self.folder, self.form_name, self._collect = Path(folder), form_name, collect
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)
        self.discarded = False

    def schedule(self) -> None:
        """Note a change; the draft is written once typing pauses."""
        if not self.discarded:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.discarded:
            return
        try:
            path = save_draft(self.folder, self.form_name, self._collect())
        except OSError:
            log.exception("could not save the draft %s", self.form_name)
            return
        self.saved.emit(str(path))

    def discard(self) -> None:
        """The form was saved or the user chose to throw it away: no draft remains."""
        self._timer.stop()
        self.discarded = True
        discard_draft(self.folder, self.form_name)


class Drafts(QObject):
    """Translation context of the question below: ``Drafts.tr(text, "", n)`` is what lupdate reads as plural forms."""


def ask_to_restore(parent: QWidget | None, drafts: list[Draft]) -> bool:
    """Ask whether to reopen forms left unsaved when the app last stopped."""
    text = Drafts.tr("The app stopped last time while %n form(s) were not saved. Reopen them with what was typed?",
                     "", len(drafts))
    answer = QMessageBox.question(parent, QCoreApplication.translate("Drafts", "Restore unsaved forms"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    return answer == QMessageBox.StandardButton.Yes


def pending_drafts(folder: Path) -> list[Draft]:
    """Drafts left on disk (by a crash: a clean close leaves none)."""
    return load_drafts(folder)


def discard_all(folder: Path, drafts: list[Draft]) -> None:
    for draft in drafts:
        discard_draft(folder, draft.form_name)
