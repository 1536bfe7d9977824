"""One language at a time, in the glossary's words: Chinese with no English left over, English counts without "(s)"."""

from __future__ import annotations

import datetime
import re

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressDialog,
    QPushButton,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from ui_helpers import choose, settle, show_window, wait_idle

from ningbo_sw_desktop.core.cases import CaseFilter, case_ids
from ningbo_sw_desktop.core.clubs import list_activities, list_clubs
from ningbo_sw_desktop.ui import printing, registry, reports_page
from ningbo_sw_desktop.ui.about_dialog import AboutDialog
from ningbo_sw_desktop.ui.case_detail import CaseDetailDialog
from ningbo_sw_desktop.ui.printing import show_print_preview
from ningbo_sw_desktop.ui.today_page import overdue_text

CLUB = "新宁波人老年俱乐部"

# Latin words a Chinese interface rightly keeps. Only words of three letters or more are looked
# at, so two-letter ones (ID, KB, MB, zs) never need listing. Kept small on purpose: every entry
# is a word that must not be translated, and anything else in Latin letters is a forgotten string.
KEEP_LATIN = {
    "PDF", "CSV", "USB", "WPS", "Excel",  # formats and products Chinese users know by these names
    "xlsx", "csv", "pdf", "nbsync",  # file extensions, in file filters and in the sync page's hint
    "Ctrl", "Shift",  # key names as printed on the keyboard, in shortcut hints
    "age",  # the name of the encryption format whose public keys the sync page shows ("age 公钥")
    "English",  # the language chooser names each language in that language
}


def _is_data(token: str) -> bool:
    """Case numbers, keys, versions and paths: never translated, so never counted."""
    return any(ch.isdigit() for ch in token) or "/" in token or "\\" in token


def _words(text: str) -> list[str]:
    plain = re.sub(r"&\w+;", " ", re.sub(r"<[^>]*>", " ", text))  # rich text: the words, not the markup
    return [word for token in plain.split() if not _is_data(token)
            for word in re.findall(r"[A-Za-z]{3,}", token) if word not in KEEP_LATIN]


def _header_texts(view) -> list[str]:
    header = view.horizontalHeader() if isinstance(view, QTableView) else view.header()
    model = view.model()
    if model is None:
        return []
    return [str(model.headerData(i, Qt.Orientation.Horizontal, role) or "")
            for i in range(header.count()) for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)]


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """Every word the interface itself puts on screen under ``root``, as (where, text).

    Labels, buttons, group boxes, tab texts, column headers, placeholders, combo items, list
    items, tool tips, window titles and actions. Left out as data: table cells, and labels the
    user can select with the mouse, which this app uses for values to copy (paths, keys,
    fingerprints, a case's facts).
    """
    found: list[tuple[str, str]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        name = type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")
        texts = [widget.windowTitle(), widget.toolTip()]
        if isinstance(widget, QLabel) and not (widget.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse):
            texts.append(widget.text())
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
            texts += [widget.tabToolTip(i) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QListWidget):
            texts += [widget.item(i).text() for i in range(widget.count())]
        if isinstance(widget, (QTableView, QTreeView)):
            texts += _header_texts(widget)
        for action in widget.actions():
            texts += [action.text(), action.toolTip()]
        found += [(name, text) for text in texts if text]
    return found


def english_words(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of every text under ``root`` holding a Latin word that should have been translated."""
    return sorted({(where, text) for where, text in shown_texts(root) if _words(text)})


def visit_every_page(qtbot, window) -> None:
    """Show each page and each of its tabs, as a worker clicking through would."""
    for name in window.classes:
        page = window.show_page(name)
        wait_idle(qtbot, window.ctx)
        for tabs in page.findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                wait_idle(qtbot, window.ctx)


@pytest.fixture
def all_pages():
    """Every page of the installed app (clubs, reports, sync), whatever other tests registered."""
    from ningbo_sw_desktop.ui import clubs_page, sync_page

    pages, printer = dict(registry.PAGES), registry.case_printer()
    registry.register_page("clubs", clubs_page.ClubsPage)
    registry.register_page("reports", reports_page.ReportsPage)
    registry.register_page("sync", sync_page.SyncPage)
    registry.register_case_printer(reports_page.print_case)
    yield
    registry.PAGES.clear()
    registry.PAGES.update(pages)
    registry.register_case_printer(printer)


@pytest.fixture
def windows(qtbot, demo_ctx):
    """Keeps the windows a test opens over ``demo_ctx`` and deletes them afterwards.

    A window left alive after a failed test would still hear the next test's language switch,
    and answer it from a closed database.
    """
    made: list[QWidget] = []
    yield made.append
    wait_idle(qtbot, demo_ctx)
    for widget in reversed(made):
        if shiboken6.isValid(widget):
            widget.close()
            shiboken6.delete(widget)


def back_to_chinese(ctx) -> None:
    """Chinese again for the other tests, answered by the open widgets now, while the database is still open."""
    ctx.translations.apply("zh")
    QApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)


@pytest.fixture
def english(demo_ctx):
    """Start in English (as a worker who chose it last time)."""
    demo_ctx.prefs.language = "en"
    demo_ctx.translations.apply("en")
    yield demo_ctx
    back_to_chinese(demo_ctx)


def test_the_word_filter_finds_english_and_lets_data_and_kept_words_pass():
    assert _words("搜索个案（Ctrl+F）") == [] and _words("导入导出 Excel/WPS 花名册") == []
    assert _words("/tmp/pytest-of-root/demo.db") == [] and _words("HS-NM-2026-0042 age1ks05pun") == []
    assert _words("<b>个案</b>&nbsp;摘要") == []
    assert _words("Full ID number…") == ["Full", "number"]
    assert _words("正在生成 Preparing…") == ["Preparing"]


def test_every_page_switched_to_chinese_keeps_no_english_and_back_in_english_no_count_says_s(
        qtbot, all_pages, english, windows, demo_ctx):
    window = show_window(qtbot, demo_ctx)
    windows(window)
    visit_every_page(qtbot, window)  # every page made, and filled, in English first
    assert window.nav.item(0).text() == "Today"
    settings = window.show_page("settings")

    choose(settings.language, "zh")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "今日" and settings.language_label.text() == "界面语言")
    visit_every_page(qtbot, window)
    assert english_words(window) == []
    case_id = case_ids(demo_ctx.db, CaseFilter(), sort="case_no")[0]
    detail = CaseDetailDialog(demo_ctx, case_id, window)
    qtbot.addWidget(detail)
    assert english_words(detail) == []
    about = AboutDialog(window)
    qtbot.addWidget(about)
    assert english_words(about) == []

    choose(settings.language, "en")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Today" and settings.language_label.text() == "Language")
    visit_every_page(qtbot, window)
    counts = [(where, text) for where, text in shown_texts(window) if "(s)" in text]
    assert counts == []


def newest_progress(parent: QWidget) -> QProgressDialog:
    """The progress dialog a print command has just opened over ``parent`` (children keep their order)."""
    return parent.findChildren(QProgressDialog, options=Qt.FindChildOption.FindDirectChildrenOnly)[-1]


def stop_builds(qtbot) -> None:
    """Cancel the document builds still running, and wait until each has come back to the GUI thread."""
    for task in list(printing._running):
        task.abort()
    qtbot.waitUntil(lambda: not any(task.running for task in printing._running), timeout=30_000)


def test_printing_speaks_chinese_from_the_progress_to_the_full_id_question(qtbot, windows, demo_ctx, monkeypatch,
                                                                          artifacts):
    opened = []

    def show(parent, data, title):
        dialog = show_print_preview(parent, data, title)
        opened.append(dialog)
        return dialog

    monkeypatch.setattr(reports_page, "show_print_preview", show)
    parent = QWidget()
    qtbot.addWidget(parent)
    windows(parent)
    parent.resize(1000, 1100)
    parent.show()
    try:
        check_the_words_of_printing(qtbot, demo_ctx, parent, opened, artifacts)
    finally:  # before pytest-qt closes the parent, whatever failed
        stop_builds(qtbot)
        for dialog in opened:
            if shiboken6.isValid(dialog):
                dialog.close()


def check_the_words_of_printing(qtbot, ctx, parent: QWidget, opened: list, artifacts) -> None:
    ids = case_ids(ctx.db, CaseFilter(), sort="case_no")
    reports_page.print_case(ctx, ids[0], parent)
    progress = newest_progress(parent)
    assert (progress.windowTitle(), progress.labelText()) == ("打印预览", "正在生成个案摘要…")
    assert english_words(progress) == []
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    preview = opened[0]
    full_id = next(b for b in preview.findChildren(QPushButton) if "ID" in b.text() or "身份证" in b.text())
    assert full_id.text() == "完整居民身份证号码…"
    assert full_id.toolTip() == "因公务需要打印完整的居民身份证号码；此操作将记入审计日志。"
    assert english_words(preview) == []
    qtbot.waitUntil(lambda: bool(preview.rendered_pages()), timeout=5000)
    settle()
    preview.grab().save(str(artifacts / "print_preview_full_id_zh.png"))

    asked = {}

    def answer() -> None:  # runs inside the question's own event loop
        questions = [d for d in preview.findChildren(QInputDialog) if d.isVisible()]
        try:
            asked.update(title=questions[0].windowTitle(), label=questions[0].labelText(),
                         english=english_words(questions[0]))
            questions[0].grab().save(str(artifacts / "print_full_id_purpose_zh.png"))
        finally:
            for question in questions:
                question.reject()

    QTimer.singleShot(0, answer)
    qtbot.mouseClick(full_id, Qt.MouseButton.LeftButton)
    assert asked == {"title": "完整居民身份证号码", "label": "公务用途（将记入审计日志）：", "english": []}
    assert full_id.isEnabled()  # no purpose given: nothing printed in full
    preview.close()

    club_id = next(c["id"] for c in list_clubs(ctx.db) if c["name"] == CLUB)
    activity_id = list_activities(ctx.db, club_id)[0]["id"]
    today = datetime.date.today()
    commands = [
        (lambda: reports_page.print_cases(ctx, ids, parent), f"正在生成 {len(ids)} 份个案摘要…"),
        (lambda: reports_page.print_roster(ctx, club_id, parent), "正在生成花名册…"),
        (lambda: reports_page.print_signin(ctx, activity_id, parent), "正在生成签到表…"),
        (lambda: reports_page.print_statistics(ctx, today.replace(month=1, day=1), today, parent), "正在生成统计报表…"),
    ]
    for command, label in commands:
        command()
        progress = newest_progress(parent)
        cancel = progress.findChild(QPushButton).text()
        assert (progress.windowTitle(), progress.labelText(), cancel) == ("打印预览", label, "取消")
        stop_builds(qtbot)  # the words are what is tested here, not the documents


def test_english_counts_read_1_case_and_243_cases(qtbot, english, windows, demo_ctx, artifacts):
    total = len(case_ids(demo_ctx.db, CaseFilter()))
    assert total > 1
    window = show_window(qtbot, demo_ctx)
    windows(window)
    cases = window.show_page("cases")
    qtbot.waitUntil(lambda: cases.count_label.text() == f"{total} cases", timeout=10_000)
    settle()
    window.grab().save(str(artifacts / "cases_page_en_count.png"))

    case_no = demo_ctx.db.execute("SELECT case_no FROM cases WHERE deleted = 0 ORDER BY case_no LIMIT 1").fetchone()[0]
    cases.search.setText(case_no)
    qtbot.waitUntil(lambda: cases.count_label.text() == "1 case", timeout=10_000)
    settle()
    window.grab().save(str(artifacts / "cases_page_en_one_case.png"))

    today = window.show_page("today")
    wait_idle(qtbot, demo_ctx)
    due = [today.due.data(today.due.index(row, 4)) for row in range(today.due.rowCount())]
    assert due and all(re.fullmatch(r"Due today|1 day overdue|\d+ days overdue", text) for text in due), due
    assert (overdue_text({"days_overdue": 1}), overdue_text({"days_overdue": 24})) == ("1 day overdue", "24 days overdue")
    visits = window.show_page("visits")
    qtbot.waitUntil(lambda: re.fullmatch(r"\d+ visits", visits.count_label.text()) is not None, timeout=10_000)


def buddy_text(page: QWidget, field: QWidget) -> str:
    """The label standing for ``field`` (its buddy), as the worker reads it beside the field."""
    return next(label.text() for label in page.findChildren(QLabel) if label.buddy() is field)


def headers(view) -> list[str]:
    return [view.model().headerData(i, Qt.Orientation.Horizontal) for i in range(view.model().columnCount())]


def test_filters_columns_and_the_case_facts_use_the_glossary_words(qtbot, windows, demo_ctx):
    window = show_window(qtbot, demo_ctx)
    windows(window)
    assert window.windowTitle().startswith("宁波社工桌面")
    today = window.show_page("today")
    assert "风险等级" in headers(today.due_table) and "风险等级" in headers(today.risk_table)
    assert "风险" not in headers(today.due_table) + headers(today.risk_table)
    cases = window.show_page("cases")
    assert buddy_text(cases, cases.risk) == "风险等级" and buddy_text(cases, cases.domain) == "服务领域"
    detail = CaseDetailDialog(demo_ctx, case_ids(demo_ctx.db, CaseFilter(), sort="case_no")[0], window)
    qtbot.addWidget(detail)
    assert detail.fact_labels["id_number"].text() == "居民身份证号码"

    demo_ctx.translations.apply("en")
    try:
        qtbot.waitUntil(lambda: window.nav.item(1).text() == "Cases")
        visits = window.show_page("visits")
        for page, field, column in ((cases, cases.domain, "Service domain"), (cases, cases.worker, "Social worker"),
                                    (cases, cases.risk, "Risk level"), (visits, visits.worker, "Social worker")):
            assert buddy_text(page, field) == column and column in headers(page.table)
        assert detail.fact_labels["id_number"].text() == "Resident ID number"
    finally:
        back_to_chinese(demo_ctx)


def test_a_finished_actions_message_is_not_left_in_the_old_language(qtbot, all_pages, windows, demo_ctx, tmp_path):
    window = show_window(qtbot, demo_ctx)
    windows(window)
    clubs = window.show_page("clubs")
    clubs.select_club(CLUB)
    clubs.export_to(tmp_path / "花名册.xlsx")
    qtbot.waitUntil(lambda: clubs.status.text().startswith("已将"), timeout=10_000)
    settings = window.show_page("settings")
    box = settings.backup_box
    qtbot.mouseClick(box.back_up_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: box.status.text().startswith("已备份到"), timeout=10_000)
    try:
        choose(settings.language, "en")
        qtbot.waitUntil(lambda: box.title() == "Backups")
        assert (clubs.status.text(), box.status.text()) == ("", "")
        assert box.table.rowCount() == 1  # the backup itself is still listed, in English
        clubs.export_to(tmp_path / "roster.xlsx")
        qtbot.waitUntil(lambda: clubs.status.text().startswith("Exported "), timeout=10_000)
    finally:
        back_to_chinese(demo_ctx)
    wait_idle(qtbot, demo_ctx)
