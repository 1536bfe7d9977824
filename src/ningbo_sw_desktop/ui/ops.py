"""Running core work off the GUI thread: one writer, one reader, each with its own connection.

Every write is a core ``verb_noun(db, ...) -> Changes``; it runs on the writer thread, and
on success the app announces it once through ``changes_applied`` so each screen decides
what to redraw (Anki's CollectionOp). Reads that can be slow on a big database (search,
long lists) go to the reader thread, so the window never freezes. SQLite connections are
used only on the thread that opened them.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ..core.changes import Changes
from ..core.db import connect
from ..core.errors import UserError
from ..core.records import acting_as

log = logging.getLogger(__name__)


@dataclass
class _Job:
    """One piece of work and where its result goes."""

    fn: Callable[[Any], Any]
    success: Callable[[Any], None] | None
    failure: Callable[[BaseException], bool | None] | None
    parent: QWidget | None
    is_write: bool


class Ops(QObject):
    """The one way the GUI runs core functions; results come back on the GUI thread."""

    changes_applied = Signal(object)
    busy_changed = Signal(bool)
    _finished = Signal(object, bool, object)

    def __init__(self, db_path: str | Path, parent: QObject | None = None):
        super().__init__(parent)
        self._db_path = Path(db_path)
        self._local = threading.local()
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="ningbo-writer")
        self._reader = ThreadPoolExecutor(1, thread_name_prefix="ningbo-reader")
        self._pending = 0
        self.last_error: BaseException | None = None
        # Who the audit log names for writes; the context sets it to the current worker's name.
        self.actor: Callable[[], str | None] = lambda: None
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        """Whether any job is still running or waiting (tests wait on this)."""
        return self._pending > 0

    def write(self, fn: Callable[[Any], Changes], *, success: Callable[[Changes], None] | None = None,
              failure: Callable[[BaseException], bool | None] | None = None, parent: QWidget | None = None) -> None:
        """Run ``fn(db)`` on the writer; then ``changes_applied`` and ``success(changes)``.

        ``failure(exc)`` may return True when it showed the problem itself (e.g. beside the
        fields); otherwise the error is shown in a message box over ``parent``.
        """
        actor = self.actor()  # read on the GUI thread, where the worker was chosen

        def attributed(db):
            with acting_as(actor):
                return fn(db)

        self._submit(self._writer, _Job(attributed, success, failure, parent, True))

    def read(self, fn: Callable[[Any], Any], *, done: Callable[[Any], None] | None = None,
             failure: Callable[[BaseException], bool | None] | None = None, parent: QWidget | None = None) -> None:
        """Run a slow read ``fn(db)`` on the reader thread and hand its result to ``done``."""
        self._submit(self._reader, _Job(fn, done, failure, parent, False))

    def shutdown(self) -> None:
        """Finish queued work and close both worker connections (on their own threads)."""
        for pool in (self._writer, self._reader):
            pool.submit(self._close_connection)
            pool.shutdown(wait=True)

    def _submit(self, pool: ThreadPoolExecutor, job: _Job) -> None:
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        pool.submit(self._execute, job)

    def _connection(self):
        """This worker thread's connection, opened on first use."""
        db = getattr(self._local, "db", None)
        if db is None:
            db = self._local.db = connect(self._db_path)
        return db

    def _close_connection(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None

    def _execute(self, job: _Job) -> None:
        """Worker side: run the job and post the outcome back to the GUI thread."""
        try:
            result = job.fn(self._connection())
        except BaseException as exc:  # noqa: BLE001 - every failure is carried back to the GUI
            exc.__traceback_text__ = traceback.format_exc()
            self._finished.emit(job, False, exc)
        else:
            self._finished.emit(job, True, result)

    def _deliver(self, job: _Job, ok: bool, result: Any) -> None:
        """GUI side: announce changes, then call the job's callbacks if their window still exists."""
        self._pending -= 1
        try:
            alive = job.parent is None or shiboken6.isValid(job.parent)
            if ok:
                if job.is_write and isinstance(result, Changes):
                    self.changes_applied.emit(result)
                if alive and job.success:
                    job.success(result)
            else:
                self.last_error = result
                handled = job.failure(result) if (alive and job.failure) else False
                if not handled:
                    show_error(job.parent if alive else None, result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)


def show_error(parent: QWidget | None, exc: BaseException) -> QMessageBox:
    """Tell the user what went wrong in their language, without blocking the window."""
    box = QMessageBox(parent)
    if isinstance(exc, UserError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QCoreApplication.translate("Ops", "Cannot do that"))
        box.setText(str(exc.text))
    else:
        details = getattr(exc, "__traceback_text__", "") or "".join(traceback.format_exception(exc))
        log.error("unexpected error in background work:\n%s", details)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Ops", "Unexpected error"))
        box.setText(QCoreApplication.translate(
            "Ops", "Something went wrong and it was not saved. What you typed is still in the form; "
                   "please try again, and tell your office admin if it happens again."))
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if parent is None:  # nothing owns a parentless box: keep it alive until it is closed
        _unowned_boxes.append(box)
        box.finished.connect(lambda _result: _unowned_boxes.remove(box) if box in _unowned_boxes else None)
    box.open()
    return box


_unowned_boxes: list[QMessageBox] = []
