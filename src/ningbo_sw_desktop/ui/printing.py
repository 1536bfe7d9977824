"""Preview, print and save the office's documents inside the app, with no PDF viewer installed.

Pages are drawn by PDFium (pypdfium2) into images, only those in view, so a batch of a
thousand cases opens at once; printing draws each page at printer resolution through
QPrinter. Builds run on a worker thread with its own connection and a Cancel button.
"""

from __future__ import annotations

import ctypes
import re
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRect, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPixmap, QShortcut
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.db import connect
from ..core.errors import UserError
from .ops import show_error
from .widgets import fit_to_screen

if TYPE_CHECKING:  # PDFium is loaded with the first preview, not when the window opens
    import pypdfium2 as pdfium

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0)
SCREEN_DPI = 96
PRINT_DPI_CAP = 300
CACHE_PAGES = 24


def render_page(document: pdfium.PdfDocument, index: int, dpi: float) -> QImage:
    """One page as an image at ``dpi`` (white paper, no alpha)."""
    bitmap = document[index].render(scale=dpi / 72, prefer_bgrx=True)
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32)
    return image.copy()  # detach from PDFium's buffer before it is freed


class PrintPreviewDialog(QDialog):
    """Scrollable pages with zoom, Print (Ctrl+P) and Save as PDF (Ctrl+S)."""

    def __init__(self, pdf_bytes: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = title
        self.setWindowTitle(title)
        fit_to_screen(self, 900, 1000)  # an A4 page's width, as tall as the screen allows
        self.zoom = 1.0
        self._pixmaps: dict[int, QPixmap] = {}
        self.toolbar = QHBoxLayout()
        self.zoom_box = QComboBox()
        for factor in ZOOMS:
            self.zoom_box.addItem(f"{int(factor * 100)}%", factor)
        self.zoom_box.setCurrentIndex(ZOOMS.index(1.0))
        self.zoom_box.currentIndexChanged.connect(lambda i: self.set_zoom(self.zoom_box.itemData(i)))
        self.zoom_out_button, self.zoom_in_button = QPushButton("−"), QPushButton("+")
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        self.pages_label = QLabel()
        self.print_button, self.save_button, self.close_button = QPushButton(), QPushButton(), QPushButton()
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_document)
        self.close_button.clicked.connect(self.reject)
        for widget in (self.zoom_out_button, self.zoom_box, self.zoom_in_button, self.pages_label):
            self.toolbar.addWidget(widget)
        self.toolbar.addStretch(1)
        for widget in (self.print_button, self.save_button, self.close_button):
            self.toolbar.addWidget(widget)
        self.sheet = QWidget()
        self.sheet.setStyleSheet("background: #8a8f99;")
        self.sheet_layout = QVBoxLayout(self.sheet)
        self.sheet_layout.setSpacing(12)
        self.sheet_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll = QScrollArea()
        self.scroll.setWidget(self.sheet)
        self.scroll.setWidgetResizable(True)
        self.scroll.verticalScrollBar().valueChanged.connect(self._schedule_render)
        layout = QVBoxLayout(self)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.scroll, 1)
        self._timer = QTimer(self, singleShot=True, interval=30, timeout=self._render_visible)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.save_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn), self, activated=lambda: self.step_zoom(1))
        QShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut), self, activated=lambda: self.step_zoom(-1))
        self.labels: list[QLabel] = []
        self.document: pdfium.PdfDocument | None = None
        self.retranslate()
        self.set_pdf(pdf_bytes)

    def retranslate(self) -> None:
        self.print_button.setText(self.tr("Print…"))
        self.save_button.setText(self.tr("Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+-)"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.pages_label.setText(self.tr("%n page(s)", "", self.page_count()) if self.labels else "")

    # --- the document ------------------------------------------------------------------------

    def set_pdf(self, pdf_bytes: bytes) -> None:
        """Show another document in the same window (e.g. rebuilt with the full ID number)."""
        if self.document is not None:
            self.document.close()
        import pypdfium2 as pdfium

        self.pdf_bytes = bytes(pdf_bytes)
        self.document = pdfium.PdfDocument(self.pdf_bytes)
        self.page_sizes = [self.document[i].get_size() for i in range(len(self.document))]
        for label in self.labels:
            label.deleteLater()
        self.labels = []
        for _ in self.page_sizes:
            label = QLabel()
            label.setStyleSheet("background: white;")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.sheet_layout.addWidget(label)
            self.labels.append(label)
        self.retranslate()
        self.set_zoom(self.zoom)

    def page_count(self) -> int:
        return len(self.page_sizes)

    def rendered_pages(self) -> list[int]:
        """Pages drawn so far at the current zoom (the rest wait until scrolled to)."""
        return sorted(self._pixmaps)

    # --- zoom and lazy drawing ----------------------------------------------------------------

    def set_zoom(self, factor: float) -> None:
        self.zoom = float(factor)
        self._pixmaps.clear()
        for label, (width, height) in zip(self.labels, self.page_sizes, strict=True):
            label.clear()
            label.setFixedSize(round(width / 72 * SCREEN_DPI * self.zoom), round(height / 72 * SCREEN_DPI * self.zoom))
        index = self.zoom_box.findData(self.zoom)
        if index >= 0 and index != self.zoom_box.currentIndex():
            self.zoom_box.setCurrentIndex(index)
        self._schedule_render()

    def step_zoom(self, step: int) -> None:
        current = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.set_zoom(ZOOMS[max(0, min(len(ZOOMS) - 1, current + step))])

    def _schedule_render(self, *_args) -> None:
        self._timer.start()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._schedule_render()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._schedule_render()

    def _render_visible(self) -> None:
        """Draw the pages in (or next to) the viewport; forget the ones far away."""
        top = self.scroll.verticalScrollBar().value()
        height = self.scroll.viewport().height()
        wanted = [i for i, label in enumerate(self.labels)
                  if label.y() + label.height() >= top - height and label.y() <= top + 2 * height]
        if not wanted and self.labels:
            wanted = [0]
        ratio = self.devicePixelRatioF()
        for index in wanted:
            if index not in self._pixmaps:
                pixmap = QPixmap.fromImage(render_page(self.document, index, SCREEN_DPI * self.zoom * ratio))
                pixmap.setDevicePixelRatio(ratio)
                self._pixmaps[index] = pixmap
                self.labels[index].setPixmap(pixmap)
        for index in sorted(self._pixmaps, key=lambda i: -abs(i - wanted[0]))[:max(0, len(self._pixmaps) - CACHE_PAGES)]:
            del self._pixmaps[index]
            self.labels[index].clear()

    # --- print and save ---------------------------------------------------------------------------

    def print_document(self) -> None:
        """Ask for the printer and the pages, then print them."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count())
        dialog.setWindowTitle(self.tr("Print"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer, *_chosen_range(printer, self.page_count()))

    def print_to(self, printer: QPrinter, first: int = 1, last: int | None = None) -> int:
        """Draw pages ``first``..``last`` (1-based, inclusive) on ``printer``; returns pages printed."""
        last = min(last or self.page_count(), self.page_count())
        printer.setFullPage(True)
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, last - first + 1, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(800)
        painter = QPainter()
        if not painter.begin(printer):
            show_error(self, RuntimeError(self.tr("The printer could not be opened.")))
            return 0
        printed = 0
        try:
            dpi = min(printer.resolution(), PRINT_DPI_CAP)
            for index in range(first - 1, last):
                if progress.wasCanceled():
                    break
                if printed:
                    printer.newPage()
                image = render_page(self.document, index, dpi)
                painter.drawImage(_fit(painter.viewport(), image.width(), image.height()), image)
                printed += 1
                progress.setValue(printed)
        finally:
            painter.end()
            progress.close()
        return printed

    def save_document(self) -> Path | None:
        """Ask where to save the PDF and write it there."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder or ".") / (safe_file_name(self.title) + ".pdf"))
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), suggested, self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        try:
            return self.save_to(path if path.lower().endswith(".pdf") else path + ".pdf")
        except UserError as exc:  # a folder that cannot be written, a file that is not a PDF: said, nothing lost
            show_error(self, exc)
            return None

    def save_to(self, path: str | Path) -> Path:
        from ..reports.layout import write_pdf

        return write_pdf(self.pdf_bytes, path)

    def done(self, result: int) -> None:
        if self.document is not None:
            self.document.close()
            self.document = None
        super().done(result)


def _chosen_range(printer: QPrinter, count: int) -> tuple[int, int]:
    """The page range chosen in the print dialog, or all pages."""
    ranges = printer.pageRanges().toRangeList() if hasattr(printer, "pageRanges") else []
    if printer.printRange() == QPrinter.PrintRange.PageRange and ranges:
        return max(1, ranges[0].from_), min(count, ranges[-1].to)
    return 1, count


def _fit(area: QRect, width: int, height: int) -> QRect:
    """The largest rectangle of the image's shape centred in ``area``."""
    scale = min(area.width() / width, area.height() / height)
    w, h = round(width * scale), round(height * scale)
    return QRect(area.x() + (area.width() - w) // 2, area.y() + (area.height() - h) // 2, w, h)


def safe_file_name(title: str) -> str:
    """A file name from a document title (characters Windows refuses removed)."""
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_") or "document"


def show_print_preview(parent: QWidget | None, pdf_bytes: bytes, title: str) -> PrintPreviewDialog:
    """Open the preview over ``parent`` without blocking; the dialog deletes itself when closed."""
    dialog = PrintPreviewDialog(pdf_bytes, title, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def emit(signal, *args) -> None:
    """Emit a signal without wearing out ``True``.

    PySide6 6.12 on CPython 3.11 returns ``True`` from ``SignalInstance.emit`` without a new
    reference, so each emit takes one from ``True`` until the interpreter aborts
    ("deallocating True or False"). Giving one back per emit is harmless where the bug is
    fixed, and ``True`` is immortal from CPython 3.12 on.
    """
    signal.emit(*args)
    if _GIVE_BACK_TRUE:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))


_GIVE_BACK_TRUE = sys.version_info < (3, 12)


class BuildTask(QObject):
    """Runs ``job(db, progress, abort)`` on a worker thread with its own connection.

    Its public signals are emitted on the GUI thread (the worker's go through queued relays);
    progress is passed on at most every 50 ms.
    """

    progressed = Signal(int, int)
    built = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()
    _worker_progress = Signal(int, int)
    _worker_done = Signal(str, object)

    def __init__(self, db_path: str | Path, job: Callable, parent: QObject | None = None):
        super().__init__(parent)
        self.db_path, self.job = Path(db_path), job
        self._abort = threading.Event()
        self._thread = threading.Thread(target=self._run, name="ningbo-print", daemon=True)
        self._worker_progress.connect(self._relay_progress)
        self._worker_done.connect(self._relay_done)
        self._last_report = 0.0
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def abort(self) -> None:
        self._abort.set()

    def _report(self, done: int, total: int) -> None:
        """Worker side: pass progress on, but not more often than the eye can follow."""
        now = time.monotonic()
        if done >= total or now - self._last_report >= 0.05:
            self._last_report = now
            emit(self._worker_progress, done, total)

    def _run(self) -> None:
        from ..reports import Cancelled

        db = None
        try:
            db = connect(self.db_path)
            data = self.job(db, self._report, self._abort.is_set)
        except Cancelled:
            emit(self._worker_done, "cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - carried back and shown on the GUI thread
            emit(self._worker_done, "failed", exc)
        else:
            emit(self._worker_done, "built", data)
        finally:
            if db is not None:
                db.close()

    def _relay_progress(self, done: int, total: int) -> None:
        emit(self.progressed, done, total)

    def _relay_done(self, outcome: str, value) -> None:
        """Pass the outcome on, then ``finished`` whatever the outcome's slots did.

        A slot that raises must not leave the task running with its progress dialog open: its
        error goes to the app's usual reporting (``sys.excepthook``: logged and shown), and
        ``finished`` still follows.
        """
        self.running = False
        try:
            if outcome == "cancelled":
                emit(self.cancelled)
            else:
                emit(getattr(self, outcome), value)
        except Exception:  # noqa: BLE001 - reported like any other unexpected error, then finished
            sys.excepthook(*sys.exc_info())
        finally:
            emit(self.finished)


_running: set[BuildTask] = set()


def start_behind_progress(parent: QWidget | None, db_path: str | Path, label: str, job: Callable, cancel: str,
                          connect: Callable[[BuildTask], None], title: str = "") -> BuildTask:
    """Run ``job(db, progress, abort)`` on a ``BuildTask`` behind a window-modal progress dialog with Cancel.

    ``connect(task)`` hooks the caller's slots before the job starts; the dialog goes when the task finishes.
    """
    progress = QProgressDialog(label, cancel, 0, 0, parent)
    if title:
        progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    task = BuildTask(db_path, job)
    _running.add(task)

    # The progress dialog belongs to ``parent``: closing the window (or dialog) while the job runs
    # deletes it, and the job's late progress and end must then pass it by.
    def step(done: int, total: int) -> None:
        if shiboken6.isValid(progress):
            progress.setMaximum(max(total, 1))
            progress.setValue(done)

    def finish() -> None:
        try:
            if shiboken6.isValid(progress):
                progress.close()
                progress.deleteLater()
        finally:
            _running.discard(task)
            task.deleteLater()

    task.progressed.connect(step)
    progress.canceled.connect(task.abort)
    task.finished.connect(finish)
    connect(task)
    task.start()
    return task


def run_build(parent: QWidget | None, db_path: str | Path, label: str, job: Callable,
              on_built: Callable[[bytes], None]) -> BuildTask:
    """Build a document off the GUI thread behind a progress dialog (titled "Print preview") with Cancel."""

    def alive() -> bool:
        return parent is None or shiboken6.isValid(parent)

    def connect(task: BuildTask) -> None:
        # a document built after its window was closed has nowhere to go; a failure is still said
        task.built.connect(lambda data: on_built(data) if alive() else None)
        task.failed.connect(lambda exc: show_error(parent if alive() else None, exc))

    return start_behind_progress(parent, db_path, label, job, QCoreApplication.translate("Printing", "Cancel"), connect,
                                 title=QCoreApplication.translate("Printing", "Print preview"))
