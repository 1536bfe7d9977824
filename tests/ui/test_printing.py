"""The clerk previews a document inside the app, zooms, saves it as PDF and prints it."""

from __future__ import annotations

import datetime
import io
import time

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog

from ningbo_sw_desktop.core.cases import CaseFilter, case_ids
from ningbo_sw_desktop.reports import build_case_batch
from ningbo_sw_desktop.reports.layout import page_count
from ningbo_sw_desktop.ui import printing, reports_page
from ningbo_sw_desktop.ui.printing import PrintPreviewDialog, run_build, show_print_preview
from ningbo_sw_desktop.ui.registry import PAGES, case_printer


@pytest.fixture
def batch_pdf(demo_ctx) -> bytes:
    ids = case_ids(demo_ctx.db, CaseFilter(status="open"), sort="case_no")[:12]
    return build_case_batch(demo_ctx.db, ids)


def open_preview(qtbot, data: bytes) -> PrintPreviewDialog:
    dialog = PrintPreviewDialog(data, "个案摘要")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: bool(dialog.rendered_pages()), timeout=5000)
    return dialog


def captured_previews(monkeypatch) -> list[PrintPreviewDialog]:
    """Previews the page opens, kept for the test to look at."""
    opened: list[PrintPreviewDialog] = []

    def show(parent, data, title):
        dialog = show_print_preview(parent, data, title)
        opened.append(dialog)
        return dialog

    monkeypatch.setattr(reports_page, "show_print_preview", show)
    return opened


def test_the_preview_shows_every_page_and_draws_only_those_in_view(qtbot, batch_pdf, artifacts):
    dialog = open_preview(qtbot, batch_pdf)
    assert dialog.page_count() == page_count(batch_pdf) >= 12
    assert str(dialog.page_count()) in dialog.pages_label.text()
    assert 0 in dialog.rendered_pages() and dialog.page_count() - 1 not in dialog.rendered_pages()
    assert not dialog.labels[0].pixmap().isNull()
    dialog.grab().save(str(artifacts / "print_preview.png"))
    dialog.scroll.verticalScrollBar().setValue(dialog.scroll.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: dialog.page_count() - 1 in dialog.rendered_pages(), timeout=5000)


def test_zoom_resizes_the_pages(qtbot, batch_pdf):
    dialog = open_preview(qtbot, batch_pdf)
    width = dialog.labels[0].width()
    dialog.step_zoom(1)
    assert dialog.zoom == 1.25 and dialog.labels[0].width() == pytest.approx(width * 1.25, abs=2)
    assert dialog.zoom_box.currentText() == "125%"
    qtbot.waitUntil(lambda: bool(dialog.rendered_pages()), timeout=5000)


def test_save_writes_the_same_pdf(qtbot, batch_pdf, tmp_path, monkeypatch):
    dialog = open_preview(qtbot, batch_pdf)
    target = tmp_path / "saved"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    saved = dialog.save_document()
    assert saved == tmp_path / "saved.pdf" and saved.read_bytes() == batch_pdf


def test_saving_where_it_cannot_be_written_says_so_and_keeps_the_preview_open(qtbot, batch_pdf, tmp_path, monkeypatch,
                                                                            artifacts):
    from PySide6.QtWidgets import QMessageBox

    dialog = open_preview(qtbot, batch_pdf)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(blocker / "case.pdf"), "PDF"))
    assert dialog.save_document() is None and dialog.isVisible()
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "无法保存到" in box.text() and blocker.read_text() == "not a folder"
    box.grab().save(str(artifacts / "print_save_refused.png"))
    box.close()


def test_printing_sends_every_page_to_the_printer(qtbot, batch_pdf, tmp_path):
    dialog = open_preview(qtbot, batch_pdf)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    assert dialog.print_to(printer, 2, 3) == 2
    assert len(PdfReader(io.BytesIO((tmp_path / "printed.pdf").read_bytes())).pages) == 2


def test_show_print_preview_opens_without_blocking(qtbot, batch_pdf):
    dialog = show_print_preview(None, batch_pdf, "个案摘要")
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.windowTitle() == "个案摘要"
    dialog.close()


def test_a_long_build_can_be_cancelled(qtbot, demo_ctx):
    def job(db, progress, abort):
        from ningbo_sw_desktop.reports import Cancelled

        for step in range(1000):
            if abort():
                raise Cancelled()
            progress(step, 1000)
            time.sleep(0.005)
        return b""

    built = []
    task = run_build(None, demo_ctx.db_path, "…", job, built.append)
    with qtbot.waitSignal(task.progressed, timeout=5000):
        pass
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        task.abort()
    assert not built


def test_a_failed_build_is_shown_to_the_user(qtbot, demo_ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(printing, "show_error", lambda parent, exc: shown.append(exc))

    def job(db, progress, abort):
        from ningbo_sw_desktop.reports import build_roster

        return build_roster(db, "没有这个俱乐部")

    task = run_build(None, demo_ctx.db_path, "…", job, lambda data: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert "没有这个俱乐部" in str(shown[0])


def test_the_reports_page_prints_statistics_rosters_signin_sheets_and_batches(qtbot, demo_ctx, monkeypatch, artifacts):
    opened = captured_previews(monkeypatch)
    page = reports_page.ReportsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.grab().save(str(artifacts / "reports_page.png"))
    assert PAGES["reports"] is reports_page.ReportsPage
    assert page.club.count() == 3 and page.activity.count() == 5
    page.preset.setCurrentIndex(page.PRESETS.index("last_year"))
    assert page.date_from.date().toPython() == datetime.date(datetime.date.today().year - 1, 1, 1)
    for button, words in ((page.stats_button, "服务统计报告"), (page.roster_button, "花名册"),
                          (page.signin_button, "签到表")):
        before = len(opened)
        button.click()
        qtbot.waitUntil(lambda before=before: len(opened) > before, timeout=10_000)
        assert words in opened[-1].windowTitle() and opened[-1].page_count() >= 1
        opened[-1].close()
    page.status.set_code("closed")
    assert "34" in page.case_count.text()
    page.cases_button.click()
    qtbot.waitUntil(lambda: len(opened) == 4, timeout=20_000)
    assert opened[-1].page_count() >= 34
    opened[-1].close()


def test_the_reports_page_reads_again_only_what_it_shows_and_not_while_hidden(qtbot, demo_ctx, monkeypatch):
    from ningbo_sw_desktop.core.changes import Changes

    reads = []
    monkeypatch.setattr(reports_page, "list_clubs", lambda db: reads.append(1) or [])
    page = reports_page.ReportsPage(demo_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert len(reads) == 1
    demo_ctx.ops.changes_applied.emit(Changes(updated={"visits": []}))  # not on this page
    assert len(reads) == 1
    demo_ctx.ops.changes_applied.emit(Changes(updated={"clubs": []}))
    assert len(reads) == 2
    page.hide()
    for _ in range(3):
        demo_ctx.ops.changes_applied.emit(Changes(updated={"cases": []}))
    assert len(reads) == 2, "a hidden page waits until it is shown"
    page.show()
    assert len(reads) == 3


def test_the_case_printer_offers_the_full_id_for_an_official_purpose(qtbot, demo_ctx, monkeypatch):
    opened = captured_previews(monkeypatch)
    printer = case_printer()
    assert printer is reports_page.print_case
    case_no = next(demo_ctx.db.query("SELECT c.case_no FROM cases c JOIN persons p ON p.id = c.person_id"
                                     " WHERE p.id_number IS NOT NULL LIMIT 1"))["case_no"]
    case_id = demo_ctx.db.execute("SELECT id FROM cases WHERE case_no = ?", [case_no]).fetchone()[0]
    printer(demo_ctx, case_id, None)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    dialog = opened[0]
    before = dialog.pdf_bytes
    button = next(b for b in dialog.findChildren(type(dialog.print_button)) if "ID" in b.text() or "身份证" in b.text())
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("法院调查函", True))
    button.click()
    qtbot.waitUntil(lambda: dialog.pdf_bytes != before, timeout=10_000)
    assert not button.isEnabled()
    actions = [r[0] for r in demo_ctx.db.execute("SELECT action FROM audit WHERE record_id = ? AND action LIKE 'print%'"
                                                 " ORDER BY seq", [case_id])]
    assert actions == ["print", "print_full_id"]
    dialog.close()


def test_presets_give_the_right_periods():
    today = datetime.date(2026, 2, 14)
    assert reports_page.period("month", today) == (datetime.date(2026, 2, 1), today)
    assert reports_page.period("last_month", today) == (datetime.date(2026, 1, 1), datetime.date(2026, 1, 31))
    assert reports_page.period("quarter", today) == (datetime.date(2026, 1, 1), today)
    assert reports_page.period("last_year", today) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))


def test_builds_do_not_wear_out_true(qtbot, demo_ctx):
    """PySide6 6.12's emit drops a reference to True each time; ours are given back."""
    import sys

    def job(db, progress, abort):
        for step in range(300):
            progress(step, 300)
            time.sleep(0.001)
        return b"%PDF"

    before = sys.getrefcount(True)
    task = run_build(None, demo_ctx.db_path, "…", job, lambda data: None)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    assert sys.getrefcount(True) >= before - 2


def test_an_end_date_before_the_start_is_shown_and_the_statistics_wait_until_it_is_fixed(qtbot, demo_ctx, monkeypatch,
                                                                                        artifacts):
    from PySide6.QtWidgets import QDateTimeEdit

    opened = captured_previews(monkeypatch)
    page = reports_page.ReportsPage(demo_ctx)
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    page.preset.setCurrentIndex(page.PRESETS.index("year"))
    year = datetime.date.today().year
    page.date_to.setSelectedSection(QDateTimeEdit.Section.YearSection)  # as clicking on the year does
    qtbot.keyClicks(page.date_to, str(year - 1))  # the clerk slips by one year
    assert page.date_to.date().year() == year - 1
    assert page.period_error.isVisible() and page.period_error.text() == "结束日期早于开始日期，请核对统计期间。"
    assert not page.stats_button.isEnabled()
    page.grab().save(str(artifacts / "reports_page_period_refused.png"))
    assert page.print_statistics() is None and opened == []
    try:
        demo_ctx.translations.apply("en")
        qtbot.waitUntil(lambda: page.stats_box.title() == "Statistics report")  # LanguageChange is posted
        assert page.period_error.text() == "The end date is before the start date; please check the period."
    finally:
        demo_ctx.translations.apply("zh")
    qtbot.waitUntil(lambda: page.stats_box.title() == "统计报表")
    page.date_to.setSelectedSection(QDateTimeEdit.Section.YearSection)
    qtbot.keyClicks(page.date_to, str(year))
    assert not page.period_error.isVisible() and page.stats_button.isEnabled()
    page.stats_button.click()
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    assert f"{datetime.date(year, 1, 1)} – {datetime.date.today()}" in opened[0].windowTitle()
    opened[0].close()


def _slow_job(steps: int = 40, pause: float = 0.02, fail: bool = False):
    """A build that reports progress for a while (long enough for its progress dialog to show)."""

    def job(db, progress, abort):
        from ningbo_sw_desktop.reports import Cancelled

        for step in range(steps):
            if abort():
                raise Cancelled()
            progress(step, steps)
            time.sleep(pause)
        if fail:
            raise RuntimeError("the build broke")
        return b"%PDF"

    return job


def _progress_dialogs(parent):
    from PySide6.QtWidgets import QProgressDialog

    return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]


@pytest.mark.parametrize("slot_error_reaches_emit", [False, True], ids=["reported-by-qt", "raised-from-emit"])
def test_a_slot_that_breaks_on_the_document_still_closes_the_progress_and_ends_the_task(
        qtbot, demo_ctx, monkeypatch, slot_error_reaches_emit):
    """The progress dialog goes and the task ends; the slot's error is reported as any unexpected error."""
    import sys

    from PySide6.QtWidgets import QWidget

    if slot_error_reaches_emit:  # as Qt for Python does where a slot's exception comes back out of emit()
        real_emit = printing.emit

        def emit_raising(signal, *args):
            caught = []
            hook, sys.excepthook = sys.excepthook, lambda kind, value, tb: caught.append(value)
            try:
                real_emit(signal, *args)
            finally:
                sys.excepthook = hook
            if caught:
                raise caught[0]

        monkeypatch.setattr(printing, "emit", emit_raising)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()

    def on_built(data):
        raise ValueError("the preview could not be opened")

    with qtbot.captureExceptions() as exceptions:
        task = run_build(parent, demo_ctx.db_path, "…", _slow_job(steps=30, pause=0.03), on_built)
        qtbot.waitUntil(lambda: bool(_progress_dialogs(parent)), timeout=5000)
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass
        qtbot.waitUntil(lambda: not _progress_dialogs(parent), timeout=2000)
    assert not task.running and task not in printing._running
    assert [str(exc) for _kind, exc, _tb in exceptions] == ["the preview could not be opened"]


@pytest.mark.parametrize("outcome", ["built", "failed"])
def test_closing_the_window_while_a_document_builds_leaves_nothing_broken(qtbot, demo_ctx, monkeypatch, outcome):
    """Late progress and the end of the build pass a deleted window by; a failure is still said."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    shown = []
    monkeypatch.setattr(printing, "show_error", lambda parent, exc: shown.append((parent, str(exc))))
    parent = QWidget()
    parent.show()
    qtbot.waitExposed(parent)
    built = []
    task = run_build(parent, demo_ctx.db_path, "…", _slow_job(fail=outcome == "failed"), built.append)
    with qtbot.waitSignal(task.progressed, timeout=5000):
        pass
    shiboken6.delete(parent)  # the window (and the progress dialog it owns) is closed and deleted mid-build
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    qtbot.wait(50)  # the deferred deletes
    assert task not in printing._running
    assert built == []  # nothing opens over a window that is gone
    assert shown == ([(None, "the build broke")] if outcome == "failed" else [])
