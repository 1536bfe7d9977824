"""A 1024×640 netbook and a language switched mid-morning: windows fit the screen, columns fit their words.

Offices run the app on old netbooks as well as laptops, and a worker may switch the interface
to English and back while the window stays open. Nothing may then hide behind the screen's
edge or a horizontal scrollbar, and no column may keep the width of the other language's words.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QStyle, QStyleOptionComboBox, QTableView
from ui_helpers import choose, settle, show_window, wait_idle

from ningbo_sw_desktop.sync import FieldConflict, RecordConflicts
from ningbo_sw_desktop.sync.conflicts import Version
from ningbo_sw_desktop.ui.clubs_page import ClubsPage
from ningbo_sw_desktop.ui.conflict_review import ConflictReview
from ningbo_sw_desktop.ui.widgets import fit_to_screen

CHILD = Path(__file__).with_name("small_screen_child.py")
NETBOOK = (1024, 640)
TITLE_BAR = 30  # drawn by the system above a window's own area
CLUB = "新宁波人老年俱乐部"


def natural(view: QTableView, column: int) -> int:
    """How wide a column must be to show its widest loaded text and its title whole."""
    return max(view.sizeHintForColumn(column), view.horizontalHeader().sectionSizeHint(column))


def whole(view: QTableView, columns) -> list[str]:
    """The titles of those columns that are cut (empty: all shown whole)."""
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in columns if view.columnWidth(c) < natural(view, c)]


def within_view(view: QTableView) -> bool:
    """Every column inside the view: no horizontal scrolling needed to reach any of them."""
    return sum(view.columnWidth(c) for c in range(view.model().columnCount())) <= view.viewport().width()


def not_wider_than_words(view: QTableView) -> list[str]:
    """Titles of the columns (but the stretching last one) left wider than their words need, with room to spare."""
    model = view.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount() - 1)
            if view.columnWidth(c) > natural(view, c) + 8]


def shows_its_text(combo) -> bool:
    """A picker's field is wide enough for the word chosen in it."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    return field.width() >= QFontMetrics(combo.font()).horizontalAdvance(combo.currentText())


def switch_language(qtbot, window, code: str, today) -> None:
    """Settings → Language, as the worker does it; waits until the pages have their new words."""
    settings = window.show_page("settings")
    choose(settings.language, code)
    heading = "Today" if code == "en" else "今日"
    qtbot.waitUntil(lambda: today.heading.text().startswith(heading))
    settle()


def test_todays_lists_keep_their_key_columns_on_a_1024_wide_screen(qtbot, demo_ctx, artifacts):
    window = show_window(qtbot, demo_ctx, NETBOOK)
    today = window.show_page("today")
    qtbot.waitUntil(lambda: len(today.due.rows) > 0)
    wait_idle(qtbot, demo_ctx)
    try:
        for language in ("zh", "en"):
            if language == "en":
                switch_language(qtbot, window, "en", today)
                window.show_page("today")
            settle()
            window.grab().save(str(artifacts / f"small_today_{language}.png"))
            # who is due, the risk, how late and whose; the client, risk and last visit of the open cases
            assert whole(today.due_table, (1, 2, 4, 5)) == [], language
            assert whole(today.risk_table, (1, 2, 4)) == [], language
            assert within_view(today.due_table) and within_view(today.risk_table), language
            assert within_view(today.recent_table), language
            header = today.due_table.horizontalHeader()
            assert header.textElideMode() == Qt.TextElideMode.ElideRight  # a narrowed title ends in "…"
    finally:
        switch_language(qtbot, window, "zh", today)
    wait_idle(qtbot, demo_ctx)


def test_columns_and_pickers_follow_a_live_language_switch_both_ways(qtbot, demo_ctx, artifacts):
    window = show_window(qtbot, demo_ctx, NETBOOK)
    today = window.show_page("today")
    qtbot.waitUntil(lambda: len(today.due.rows) > 0)
    cases = window.show_page("cases")
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0)
    clubs = window.show_page("clubs")
    assert isinstance(clubs, ClubsPage)
    clubs.select_club(CLUB)
    clubs.tabs.setCurrentIndex(2)  # the absentees' visit-kind picker, first shown in Chinese ("电话")
    settle()
    wait_idle(qtbot, demo_ctx)
    tables = {"cases": cases.table, "roster": clubs.roster_table, "activities": clubs.activities_table,
              "today-recent": today.recent_table}
    try:
        switch_language(qtbot, window, "en", today)
        for name, view in tables.items():
            columns = range(view.model().columnCount() - 1)  # the last one stretches into what is left
            assert whole(view, columns) == [], name  # not "Me…" for Medium, nor "ollow-up date"
        window.show_page("cases")
        settle()
        window.grab().save(str(artifacts / "small_cases_en_after_switch.png"))
        window.show_page("clubs")
        clubs.tabs.setCurrentIndex(2)
        settle()
        window.grab().save(str(artifacts / "small_clubs_absentees_en_after_switch.png"))
        assert clubs.visit_kind.currentText() == "Phone" and shows_its_text(clubs.visit_kind)  # not "Phon"

        switch_language(qtbot, window, "zh", today)
        for name, view in tables.items():
            assert not_wider_than_words(view) == [], name  # no column keeps the English width
            assert whole(view, range(view.model().columnCount() - 1)) == [], name
        assert shows_its_text(clubs.visit_kind)
        window.show_page("today")
        settle()
        window.grab().save(str(artifacts / "small_today_zh_after_switch.png"))
    finally:
        if demo_ctx.translations.language != "zh":
            switch_language(qtbot, window, "zh", today)
    wait_idle(qtbot, demo_ctx)


def test_a_window_is_never_made_larger_than_the_screen_it_opens_on(qtbot):
    netbook = QRect(0, 0, *NETBOOK)
    big, small = QDialog(), QDialog()
    qtbot.addWidget(big)
    qtbot.addWidget(small)
    fit_to_screen(big, 980, 660, available=netbook)  # the intake form's preferred size
    assert big.width() <= NETBOOK[0] and big.height() + TITLE_BAR <= NETBOOK[1]
    assert big.width() >= 900 and big.height() >= 540  # still as large as the screen allows
    fit_to_screen(small, 460, 240, available=netbook)
    assert (small.width(), small.height()) == (460, 240)  # what fits keeps its size
    fit_to_screen(small, 2000, 1200, available=QRect(0, 0, 1920, 1080))
    assert small.width() <= 1920 and small.height() + TITLE_BAR <= 1080


def test_every_form_opens_within_a_1024_by_640_screen(demo_db_file, tmp_path, artifacts):
    """The main window and each form on a real 1024×640 (offscreen) screen, in a process of its own."""
    db_path = tmp_path / "demo.db"
    shutil.copyfile(demo_db_file, db_path)
    config = tmp_path / "netbook.json"
    config.write_text(json.dumps({"screens": [{"name": "netbook", "x": 0, "y": 0, "width": NETBOOK[0],
                                               "height": NETBOOK[1], "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, str(CHILD), str(db_path), str(tmp_path / "settings"), str(artifacts)], env=env,
                          capture_output=True, text=True, timeout=180)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert done.returncode == 0 and lines, done.stderr[-2000:]
    report = json.loads(lines[-1])
    sx, sy, sw, sh = report["screen"]
    assert (sw, sh) == NETBOOK
    assert {"main_window", "intake", "case_detail", "case_edit", "about", "print_preview", "visit",
            "new_club", "add_member", "new_activity", "main_window_cases_en"} <= set(report["windows"])
    for name, window in report["windows"].items():
        x, y, w, h = window["geometry"]
        assert w <= sw and h + TITLE_BAR <= sh, f"{name} is {w}×{h} on a {sw}×{sh} screen"
        for bx, by, bw, bh in window["buttons"]:  # Save, Cancel, Print … all on the screen
            assert sx <= bx and bx + bw <= sx + sw and sy <= by and by + bh + TITLE_BAR <= sy + sh, name
    # "Service domain", "Risk level", "Social worker": the English filter row still fits, count and all
    x, _y, w, _h = report["windows"]["main_window_cases_en"]["geometry"]
    assert w <= NETBOOK[0], f"the Cases page in English makes the window {w} px wide"
    for fx, _fy, fw, _fh in report["windows"]["main_window_cases_en"]["filters"]:
        assert fw > 0 and sx <= fx and fx + fw <= min(sx + sw, x + w)


def version(value: str, office: str, name: str, device: str, bundle: str | None, conflict: str | None) -> Version:
    return Version(value=value, stamp="s", base="b", device_id=device, office_code=office, office_name=name,
                   at="2026-11-29 13:30", bundle_id=bundle, conflict_id=conflict)


def test_the_conflicting_values_get_the_room_and_their_rows_grow_to_show_them_whole(qtbot, ctx, artifacts):
    current = version("链接社区志愿者每周上门陪伴，协助老人购物、就医，并每月组织一次小组活动，减少独居带来的孤独感。",
                      "HS-O2", "第2社工站", "50db0ccff9890bd9", None, None)
    other = version("每周电话问候，了解老人身体和情绪变化；发现异常及时联系家属和社区医生，必要时上门探访。",
                    "HS-O1", "第1社工站", "beb6e320f4957851", "b-20261129-1234567890ecfc024b", "c-1")
    review = ConflictReview(ctx)
    qtbot.addWidget(review)
    review.set_conflicts([RecordConflicts("cases", "case-1", "DD-NB-2025-0001",
                                          [FieldConflict("goals", {}, current, [other], True)])], {})
    review.resize(855, 540)  # its room on the Sync page of a 1024×640 window
    review.show()
    qtbot.waitExposed(review)
    table = review.versions

    def rows_show_their_values() -> bool:
        return all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in range(table.rowCount()))

    qtbot.waitUntil(rows_show_their_values)
    settle()
    review.grab().save(str(artifacts / "small_conflict_review.png"))
    value_width = table.columnWidth(1)
    assert value_width >= 200 and all(value_width > table.columnWidth(c) for c in (0, 2, 3, 4, 5))
    assert within_view(table)
    line = QFontMetrics(table.font()).height()
    assert table.sizeHintForRow(0) >= 2 * line  # the value wraps onto more lines, all of them shown (above)
    assert table.item(1, 3).toolTip() == "beb6e320f4957851"  # a narrowed device id is whole in its tooltip

    def one_line_rows() -> bool:
        return all(table.sizeHintForRow(r) < 2 * line and table.rowHeight(r) <= max(28, table.sizeHintForRow(r))
                   for r in range(table.rowCount()))

    review.resize(1400, 540)  # a wider window: one line each again, no tall empty rows
    qtbot.waitUntil(one_line_rows)
    review.resize(855, 540)  # and narrower: the rows grow again
    qtbot.waitUntil(lambda: table.sizeHintForRow(0) >= 2 * line and rows_show_their_values())


def test_the_cases_filters_fit_a_1024_wide_window_in_english_and_keep_their_width_in_chinese(qtbot, demo_ctx, artifacts):
    window = show_window(qtbot, demo_ctx, NETBOOK)
    today = window.show_page("today")
    cases = window.show_page("cases")
    qtbot.waitUntil(lambda: cases.model.rowCount() > 0)
    wait_idle(qtbot, demo_ctx)
    pickers = (cases.status, cases.domain, cases.risk, cases.community, cases.worker)
    assert all(p.width() >= p.sizeHint().width() for p in pickers), "Chinese: every picker at its full width"
    try:
        switch_language(qtbot, window, "en", today)
        window.show_page("cases")
        choose(cases.domain, "disability_rehab")
        wait_idle(qtbot, demo_ctx)
        settle()
        window.grab().save(str(artifacts / "small_cases_en_long_domain.png"))
        assert window.width() <= NETBOOK[0] and window.minimumSizeHint().width() <= NETBOOK[0]
        assert cases.count_label.geometry().right() <= cases.width()
        # the long choice gives way, cut with "…", whole in its tooltip; the short ones stay whole
        assert cases.domain.is_cut() and cases.domain.toolTip() == "Rehabilitation of the disabled"
        assert all(shows_its_text(p) for p in pickers if p is not cases.domain)
        choose(cases.domain, None)
        settle()
        assert shows_its_text(cases.domain) and cases.domain.toolTip() == ""
    finally:
        switch_language(qtbot, window, "zh", today)
    wait_idle(qtbot, demo_ctx)
