"""The case list: searched as the worker types, filtered, sorted in SQL, loaded in pages."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from ui_helpers import choose, count, show_window, type_text, wait_idle

from ningbo_sw_desktop.core.cases import open_case


def community_id(db, name: str = "柳庄社区") -> str:
    return db.execute("SELECT id FROM areas WHERE name = ?", [name]).fetchone()[0]


def add_case(db, name: str, birth: str, gender: str, risk: str = "low") -> str:
    return open_case(db, {"domain": "social_welfare", "risk": risk, "problem": "独居，需要定期探访"},
                     person_values={"name": name, "birth_date": birth, "gender": gender,
                                    "community_id": community_id(db)}).value


def test_typing_zs_finds_zhang_san(qtbot, window, ctx):
    add_case(ctx.db, "张三", "1948-05-10", "male")
    add_case(ctx.db, "李秀英", "1944-03-02", "female")
    add_case(ctx.db, "王建国", "1950-07-08", "male")
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: page.model.total() == 3)

    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    with qtbot.waitSignal(page.result_shown, timeout=5_000):
        type_text(qtbot, page.search, "zs")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.row_dict(0)["person_name"] == "张三"

    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == 3)


def test_filters_narrow_the_list(qtbot, window, ctx):
    add_case(ctx.db, "张三", "1948-05-10", "male", risk="urgent")
    add_case(ctx.db, "李秀英", "1944-03-02", "female")
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: page.model.total() == 2)
    choose(page.risk, "urgent")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert page.model.row_dict(0)["person_name"] == "张三"
    assert "1" in page.count_label.text()


def test_scrolling_fetches_the_next_pages(qtbot, ui_font, demo_ctx):
    win = show_window(qtbot, demo_ctx)
    page = win.show_page("cases")
    total = count(demo_ctx.db, "cases")
    assert total > 200
    qtbot.waitUntil(lambda: page.model.total() == total)
    assert page.model.rowCount() == 100

    bar = page.table.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    first_page_end = bar.maximum()
    bar.setValue(first_page_end)
    qtbot.waitUntil(lambda: page.model.rowCount() == 200)
    qtbot.waitUntil(lambda: bar.maximum() > first_page_end)  # the view lays out the new rows
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: page.model.rowCount() == total)
    assert not page.model.canFetchMore()
    assert len({page.model.case_id(r) for r in range(total)}) == total
    wait_idle(qtbot, demo_ctx)


def test_clicking_a_header_sorts_in_sql(qtbot, window, ctx):
    for name, birth, gender in (("王建国", "1950-07-08", "male"), ("李秀英", "1944-03-02", "female"),
                                ("张三", "1948-05-10", "male")):
        add_case(ctx.db, name, birth, gender)
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: page.model.total() == 3)
    header = page.table.horizontalHeader()
    column = [c.key for c in page.model.columns].index("person_name")
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: [page.model.row_dict(r)["person_name"] for r in range(3)] == ["李秀英", "王建国", "张三"])


def test_double_click_opens_the_case(qtbot, window, ctx):
    case_no = add_case(ctx.db, "张三", "1948-05-10", "male")
    page = window.show_page("cases")
    qtbot.waitUntil(lambda: page.model.total() == 1)
    rect = page.table.visualRect(page.model.index(0, 1))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    detail = window.case_actions._details.get(page.model.case_id(0))
    assert detail is not None and detail.isVisible()
    assert case_no in detail.heading.text()


def test_an_empty_list_says_why_in_the_table_and_what_to_try(qtbot, window, ctx, artifacts):
    page = window.show_page("cases")
    wait_idle(qtbot, ctx)
    hint = page.empty_hint
    assert hint.isVisible() and "新建个案" in hint.text()  # a new office: how to open the first case
    add_case(ctx.db, "张三", "1948-05-10", "male")
    page.reload()
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert not hint.isVisible()

    type_text(qtbot, page.search, "wxy")
    qtbot.waitUntil(lambda: page.model.total() == 0 and page.search.text() == "wxy")
    wait_idle(qtbot, ctx)
    assert hint.isVisible()
    assert hint.text() == "没有符合“wxy”的个案。可试试拼音首字母、居民身份证号码后几位或联系电话。"
    viewport = page.table.viewport()
    assert hint.parent() is viewport and viewport.rect().contains(hint.geometry())  # in the table, not a corner
    window.grab().save(str(artifacts / "cases_no_result.png"))

    choose(page.risk, "urgent")
    qtbot.waitUntil(lambda: "筛选" in hint.text())  # the filters narrow it too, and it says so

    choose(page.risk, None)
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.total() == 1)
    assert not hint.isVisible()  # cleared when results come back
    choose(page.risk, "urgent")
    qtbot.waitUntil(lambda: page.model.total() == 0)
    assert hint.isVisible() and hint.text() == "没有符合上方筛选条件的个案。"
    choose(page.risk, None)
    qtbot.waitUntil(lambda: page.model.total() == 1)
    wait_idle(qtbot, ctx)
