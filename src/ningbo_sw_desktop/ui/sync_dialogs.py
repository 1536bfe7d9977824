"""What the sync page says and asks: long jobs behind Cancel, the trust question, reports in the user's words.

Bundles can be large, so inspecting, importing and exporting run on a worker thread with
its own connection (printing's ``BuildTask``) behind a progress dialog whose Cancel the
sync functions honour. Reports are written as HTML for one read-only panel, with tables
and fields named as a social worker names them (GLOSSARY.md), never as database tables.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import enums
from ..core.errors import TABLE_LABELS, field_label, table_label
from ..sync import Cancelled as SyncCancelled
from ..sync import ExportReport, ImportReport, InspectReport
from .printing import BuildTask, start_behind_progress
from .widgets import fit_to_screen


class SyncWords(QObject):
    """The "SyncWords" translation context for counts: lupdate keeps plural forms only for ``tr(text, "", n)``."""


def translate(context: str, text: str) -> str:
    """Qt's translation of ``text`` (a spelling lupdate finds, unlike a one-argument helper)."""
    return QCoreApplication.translate(context, text)


def table_word(table: str) -> str:
    """"Cases", "Visit logs" ... for a table's row in a report (core's words, as the CLI says them)."""
    return table_label(table)


def record_word(table: str) -> str:
    """"Case", "Client" ... before a record's number or name."""
    return table_label(table, one=True)


def field_word(name: str, table: str | None = None) -> str:
    """A field's label (of ``table``, when it matters) in the current language."""
    return field_label(name, table=table)


def value_text(table: str, name: str, value, names: dict[str, str] | None = None) -> str:
    """A stored value as the user reads it (core's words), "(empty)" for nothing."""
    if value is None or value == "":
        return translate("SyncWords", "(empty)")
    return enums.value_words(table, name, value, names)


def who(office_code: str | None, office_name: str | None, device: str | None = None) -> str:
    """An office as people know it: code and name, or the device id when the office is unknown."""
    return " ".join(x for x in (office_code, office_name) if x) or (device or "?")


def role_word(role: str | None) -> str:
    """办公点 / 督导."""
    if role == "supervisor":
        return translate("SyncWords", "Supervisor")
    if role == "office":
        return translate("SyncWords", "Office")
    return ""


# --- long jobs -----------------------------------------------------------------------------------------

def run_job(parent: QWidget, db_path, label: str, job: Callable, *, done: Callable, failed: Callable,
            cancelled: Callable, finished: Callable) -> BuildTask:
    """Run ``job(db, progress, abort)`` on a worker thread behind a progress dialog with Cancel."""
    from ..reports import Cancelled as TaskCancelled

    def cancellable(db, progress, abort):
        try:
            return job(db, progress, abort)
        except SyncCancelled:
            raise TaskCancelled() from None

    def alive(callback: Callable) -> Callable:
        return lambda *args: callback(*args) if shiboken6.isValid(parent) else None

    def connect(task: BuildTask) -> None:
        task.built.connect(alive(done))
        task.failed.connect(alive(failed))
        task.cancelled.connect(alive(cancelled))
        task.finished.connect(alive(finished))  # after the progress dialog has gone

    return start_behind_progress(parent, db_path, label, cancellable, translate("SyncWords", "Cancel"), connect,
                                 title=translate("SyncWords", "Sync"))


# --- questions -----------------------------------------------------------------------------------------


def fingerprint_lines(grouped: str) -> str:
    """A grouped fingerprint on two lines of eight groups, easier to read aloud."""
    groups = grouped.split()
    return " ".join(groups[:8]) + "\n" + " ".join(groups[8:])


def ask_trust(parent: QWidget, inspected: InspectReport) -> bool:
    """Ask whether to trust the unknown device that signed a bundle; the fingerprint is for comparing aloud."""
    origin = inspected.origin
    sender = who(origin.get("office_code"), origin.get("office_name"), origin.get("device_id"))
    role = role_word(origin.get("role"))
    text = QCoreApplication.translate(
        "SyncWords", "This bundle comes from a device this computer does not trust yet:\n\n%1\n\nFingerprint:\n%2\n\n"
                     "Phone the sender or meet them, and compare this fingerprint with the one on their Sync page "
                     "(This device). Trust the device and import its bundle only if every group matches.")
    text = text.replace("%1", f"{sender}（{role}）" if role else sender)
    text = text.replace("%2", fingerprint_lines(inspected.origin_fingerprint_grouped))
    answer = QMessageBox.question(parent, translate("SyncWords", "Trust a new device?"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


class CombinedValueDialog(QDialog):
    """An editor for the value that settles a conflict, prefilled with both versions joined."""

    def __init__(self, title: str, value: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Combined value"))
        fit_to_screen(self, 560, 360)
        self.explain = QLabel(self.tr("%1\nEdit the text into the one value to keep; it replaces the competing values "
                                      "at every office after the next sync.").replace("%1", title))
        self.explain.setWordWrap(True)
        self.editor = QPlainTextEdit(value)
        self.editor.setObjectName("combinedEditor")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save combined value"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.editor.toPlainText().strip()


# --- reports as HTML ------------------------------------------------------------------------------------

_CELL = "padding: 2px 12px 2px 0; border-bottom: 1px solid #ddd;"


def _fill(text: str, *values) -> str:
    """Qt-style ``%1``, ``%2`` ... placeholders filled in."""
    for n, value in enumerate(values, 1):
        text = text.replace(f"%{n}", str(value))
    return text


def _h(text: str, colour: str = "") -> str:
    style = f" style='color: {colour};'" if colour else ""
    return f"<h3{style}>{html.escape(text)}</h3>"


def _p(text: str, bold: bool = False) -> str:
    body = html.escape(text).replace("\n", "<br>")
    return f"<p><b>{body}</b></p>" if bold else f"<p>{body}</p>"


def _counts_table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th align='left' style='{_CELL}'>{html.escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td style='{_CELL}'>{html.escape(str(c))}</td>" for c in row) + "</tr>"
                   for row in rows)
    return f"<table cellspacing='0'><tr>{head}</tr>{body}</table>"


def _ordered(tables) -> list[str]:
    order = list(TABLE_LABELS)
    return sorted(tables, key=lambda t: order.index(t) if t in order else len(order))


def import_report_html(report: ImportReport, file_name: str) -> str:
    """What an import did, table by table, and what needs someone's look."""
    origin = report.origin
    sender = who(origin.get("office_code"), origin.get("office_name"), origin.get("device_id"))
    parts = [_h(_fill(translate("SyncWords", "Imported %1"), file_name)),
             _p(_fill(translate("SyncWords", "From: %1 · bundle no. %2"), sender, report.sequence)),
             _p(str(report.summary()), bold=True)]
    if report.trusted_now:
        parts.append(_p(translate("SyncWords", "This device is now trusted; its next bundles import without asking.")))
    if report.already_imported:
        return "".join(parts)
    tables = _ordered(set(report.new) | set(report.updated) | set(report.unchanged))
    if tables:
        rows = [[table_word(t), report.new.get(t, 0), report.updated.get(t, 0), report.unchanged.get(t, 0)]
                for t in tables]
        parts.append(_counts_table([translate("SyncWords", "Records"), translate("SyncWords", "New"),
                                    translate("SyncWords", "Updated"), translate("SyncWords", "Unchanged")], rows))
    notes = []
    conflicts, quarantined, waiting = len(report.conflicts), len(report.quarantined), len(report.waiting)
    if conflicts:
        notes.append(SyncWords.tr("%n field(s) changed at two offices: decide them on the Conflicts tab.", "",
                                  conflicts))
    if quarantined:
        notes.append(SyncWords.tr("%n record(s) kept aside (quarantined), not applied: see Waiting and quarantine.",
                                  "", quarantined))
    if waiting:
        notes.append(SyncWords.tr("%n record(s) wait for the record they belong to (e.g. a visit for its case).", "",
                                  waiting))
    if report.possible_duplicates:
        notes.append(SyncWords.tr("%n new client(s) have the resident ID number of a client already here: check "
                                  "them on the Cases page (search the ID number).", "", len(report.possible_duplicates)))
    if report.missing_sequences:
        notes.append(_fill(translate("SyncWords", "Bundles from this sender that never arrived: no. %1. Nothing is "
                                                  "lost: their next bundle carries everything not yet received."),
                           ", ".join(str(n) for n in report.missing_sequences)))
    if not notes:
        notes.append(translate("SyncWords", "Nothing needs a look."))
    parts.append("<ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    return "".join(parts)


def export_report_html(report: ExportReport) -> str:
    """Where the bundle was written and what it holds."""
    parts = [_h(translate("SyncWords", "Sync bundle written")),
             _p(_fill(translate("SyncWords", "File: %1"), Path(report.path))),
             _p(_fill(translate("SyncWords", "For: %1 · bundle no. %2 · %3 KB"), report.recipient, report.sequence,
                      f"{report.size / 1024:.1f}"))]
    if report.counts:
        rows = [[table_word(t), report.counts[t]] for t in _ordered(report.counts)]
        parts.append(_counts_table([translate("SyncWords", "Records"), translate("SyncWords", "In the bundle")], rows))
    else:
        parts.append(_p(translate("SyncWords", "No changes since the last bundle; it still tells the recipient what "
                                               "this device has received.")))
    parts.append(_p(translate("SyncWords", "Take the file to the recipient (USB stick) and import it there.")))
    return "".join(parts)


def refusal_html(reason_text: str, file_name: str) -> str:
    """A refused bundle: why, and that nothing was changed."""
    return (_h(_fill(translate("SyncWords", "Not imported: %1"), file_name), "#b3261e") + _p(reason_text)
            + _p(translate("SyncWords", "Nothing in the database was changed."), bold=True))


def note_html(title: str, text: str) -> str:
    """A plain note in the result panel (cancelled, trust declined)."""
    return _h(title) + _p(text)
