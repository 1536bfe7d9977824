"""The window a worker keeps open all day: pages, shortcuts, language, what it remembers."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from ui_helpers import choose, count, type_text, wait_idle

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.ui import registry
from ningbo_sw_desktop.ui.case_detail import CaseDetailDialog
from ningbo_sw_desktop.ui.intake_dialog import IntakeDialog
from ningbo_sw_desktop.ui.main_window import MainWindow
from ningbo_sw_desktop.ui.prefs import Prefs


@pytest.fixture
def only_built_in_pages():
    """Pages and printer as in this version's own window, whatever other tests registered."""
    pages, printer = dict(registry.PAGES), registry.case_printer()
    registry.PAGES.clear()
    registry.register_case_printer(None)
    yield
    registry.PAGES.clear()
    registry.PAGES.update(pages)
    registry.register_case_printer(printer)


def nav_texts(window) -> list[str]:
    return [window.nav.item(row).text() for row in range(window.nav.count())]


def test_navigation_shows_the_glossary_words_and_placeholders_say_later(qtbot, only_built_in_pages, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert nav_texts(window) == ["今日", "个案", "走访", "俱乐部", "同步", "报表", "设置"]
    for name in ("clubs", "sync", "reports"):
        assert "后续版本" in window.show_page(name).message.text()


def test_switching_language_changes_the_labels_on_the_spot(qtbot, window, ctx):
    cases = window.show_page("cases")
    settings = window.show_page("settings")
    assert cases.model.headerData(0, Qt.Orientation.Horizontal) == "个案编号"
    choose(settings.language, "en")
    qtbot.waitUntil(lambda: cases.risk.itemText(cases.risk.findData("urgent")) == "Urgent")
    assert nav_texts(window) == ["Today", "Cases", "Visits", "Clubs", "Sync", "Reports", "Settings"]
    assert cases.model.headerData(0, Qt.Orientation.Horizontal) == "Case number"
    assert cases.search.placeholderText().startswith("Search:")
    assert settings.language_label.text() == "Language"
    assert Prefs().language == "en"

    choose(settings.language, "zh")
    qtbot.waitUntil(lambda: cases.risk.itemText(cases.risk.findData("urgent")) == "紧急")
    assert nav_texts(window)[1] == "个案"
    assert Prefs().language == "zh"


def test_size_and_last_page_are_remembered(qtbot, ctx):
    first = MainWindow(ctx)
    qtbot.addWidget(first)
    first.show()
    first.resize(760, 560)  # inside the offscreen screen (800×600), where restoreGeometry keeps it
    first.show_page("visits")
    first.close()
    wait_idle(qtbot, ctx)

    second = MainWindow(ctx)
    qtbot.addWidget(second)
    second.show()
    assert second.current_name() == "visits"
    assert (second.width(), second.height()) == (760, 560)
    wait_idle(qtbot, ctx)


def test_shortcuts_open_intake_and_settings(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, IntakeDialog) and w.isVisible()]
    assert len(dialogs) == 1
    dialogs[0].reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    assert window.current_name() == "settings"


def test_print_waits_for_the_printing_feature(qtbot, only_built_in_pages, window, ctx):
    community = ctx.db.execute("SELECT id FROM areas WHERE name = '柳庄社区'").fetchone()[0]
    case_id = open_case(ctx.db, {"domain": "social_welfare", "risk": "low", "problem": "亲情探访"},
                        person_values={"name": "张三", "birth_date": "1948-05-10", "gender": "male",
                                       "community_id": community}).first("cases")
    detail = window.case_actions.open_case(case_id)
    assert isinstance(detail, CaseDetailDialog)
    assert not detail.print_button.isEnabled()
    assert detail.print_button.toolTip() == "打印功能将在后续版本提供"

    printed = []
    registry.register_case_printer(lambda _ctx, case, _parent: printed.append(case))
    detail.reload()
    assert detail.print_button.isEnabled()
    qtbot.mouseClick(detail.print_button, Qt.MouseButton.LeftButton)
    assert printed == [case_id]


def test_closing_a_case_needs_a_reason(qtbot, window, ctx):
    community = ctx.db.execute("SELECT id FROM areas WHERE name = '柳庄社区'").fetchone()[0]
    case_id = open_case(ctx.db, {"domain": "social_welfare", "risk": "low", "problem": "亲情探访"},
                        person_values={"name": "张三", "birth_date": "1948-05-10", "gender": "male",
                                       "community_id": community}).first("cases")
    detail = window.case_actions.open_case(case_id)
    dialog = window.case_actions.close_case(case_id)
    assert not dialog.save_button.isEnabled()
    type_text(qtbot, dialog.form.widgets["close_reason"], "服务目标已达成")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.db.execute("SELECT status FROM cases").fetchone()[0] == "closed")
    qtbot.waitUntil(lambda: detail.fact_values["status"].text() == "已结案")
    assert not detail.log_button.isEnabled()


class FakeClubsPage(QWidget):
    @staticmethod
    def title() -> str:
        return "俱乐部!"

    def __init__(self, ctx, parent=None):
        super().__init__(parent)


def test_a_later_feature_replaces_its_placeholder(qtbot, ctx, only_built_in_pages):
    registry.register_page("clubs", FakeClubsPage)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert nav_texts(window)[3] == "俱乐部!"
    assert isinstance(window.show_page("clubs"), FakeClubsPage)
    assert nav_texts(window)[-1] == "设置"
    wait_idle(qtbot, ctx)


def test_first_run_asks_for_the_office(qtbot, ui_font, ui_translations, tmp_path):
    from ui_helpers import make_context

    from ningbo_sw_desktop.core.db import connect
    from ningbo_sw_desktop.core.office import office
    from ningbo_sw_desktop.ui.first_run import FirstRunDialog

    database = connect(tmp_path / "new.db")
    ctx = make_context(database, tmp_path / "new.db", ui_translations)
    try:
        dialog = FirstRunDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        type_text(qtbot, dialog.form.widgets["office_code"], "X")
        type_text(qtbot, dialog.form.widgets["office_name"], "云麓湾社区社工站")
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.form.errors["office_code"].isVisible())
        dialog.form.widgets["office_code"].clear()
        type_text(qtbot, dialog.form.widgets["office_code"], "jb-yl")
        with qtbot.waitSignal(dialog.accepted, timeout=5_000):
            qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
        assert office(database)["code"] == "JB-YL"
        assert count(database, "cases") == 0
    finally:
        ctx.ops.shutdown()
        database.close()


def test_editing_a_case_writes_only_what_changed(qtbot, window, ctx):
    community = ctx.db.execute("SELECT id FROM areas WHERE name = '柳庄社区'").fetchone()[0]
    case_id = open_case(ctx.db, {"domain": "social_welfare", "risk": "low", "problem": "亲情探访"},
                        person_values={"name": "张三", "birth_date": "1948-05-10", "gender": "male",
                                       "community_id": community}).first("cases")
    detail = window.case_actions.open_case(case_id)
    dialog = window.case_actions.edit_case(case_id)
    assert not dialog.save_button.isEnabled(), "nothing changed yet"
    choose(dialog.form.widgets["risk"], "high")
    type_text(qtbot, dialog.form.widgets["plan"], "每周电话回访一次")
    assert dialog.changed_values() == {"risk": "high", "plan": "每周电话回访一次"}
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ctx.db.execute("SELECT risk FROM cases").fetchone()[0] == "high")
    qtbot.waitUntil(lambda: detail.fact_values["risk"].text() == "高")
    assert ctx.db.execute("SELECT plan, problem FROM cases").fetchone() == ("每周电话回访一次", "亲情探访")


LAZY_CHILD = """
import sys
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.office import init_office
from ningbo_sw_desktop.ui.app import application, build_context
from ningbo_sw_desktop.ui.main_window import MainWindow
from ningbo_sw_desktop.ui.registry import load_extensions
db = connect(sys.argv[1]); init_office(db, "HS-NM", "南门街道社工站"); db.close()
app = application()
ctx = build_context(sys.argv[1], app)
load_extensions()
window = MainWindow(ctx)
window.show()
app.processEvents()
print("at start:", "ningbo_sw_desktop.sync" in sys.modules)
page = window.show_page("sync")
print("shown:", type(page).__name__, "ningbo_sw_desktop.sync" in sys.modules)
ctx.ops.shutdown()
"""


def test_the_sync_package_is_loaded_with_the_sync_page_not_with_the_window(tmp_path):
    """A fresh process: the window opens without the sync package, which comes with the Sync page."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NINGBO_SW_DATA": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "HOME": str(tmp_path)}  # its own settings: opens on Today
    done = subprocess.run([sys.executable, "-c", LAZY_CHILD, str(tmp_path / "office.db")], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "at start: False" in done.stdout and "shown: SyncPage True" in done.stdout


def test_a_lazy_page_whose_module_is_broken_leaves_its_placeholder(qtbot, ctx, only_built_in_pages, caplog):
    registry.register_page("sync", registry.lazy_page("sync", "no_such_module", "SyncPage"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert nav_texts(window)[4] == "同步"
    assert "后续版本" in window.show_page("sync").message.text()
    assert "could not load no_such_module" in caplog.text
    wait_idle(qtbot, ctx)
