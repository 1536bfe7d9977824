"""The club forms: Enter in the member search enrols nobody, and Esc never throws typed text away unasked."""

from __future__ import annotations

import pytest
import test_clubs_page
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from ui_helpers import closed, count, over_window, type_text, wait_idle

from ningbo_sw_desktop.core.clubs import roster

CLUB = test_clubs_page.CLUB
page = test_clubs_page.page  # the Clubs page on the demo database, the club chosen (a fixture)


def members(page) -> set[str]:
    return {m["person_id"] for m in roster(page.ctx.db, page.club["id"])}


def focused(qtbot, dialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)


def open_boxes() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_enter_in_the_member_search_goes_to_the_results_and_enrols_only_the_one_chosen(qtbot, page, artifacts):
    before = members(page)
    dialog = page.add_member()
    focused(qtbot, dialog)
    dialog.search_box.setFocus()
    type_text(qtbot, dialog.search_box, "王")
    assert dialog.results.count() >= 2
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Return)  # the clerk ends the search with Enter
    qtbot.wait(200)
    wait_idle(qtbot, page.ctx)
    assert members(page) == before and dialog.isVisible()  # nobody enrolled (nor tried: no error shown)
    assert not dialog.general_error.isVisible() and not dialog._saving
    assert QApplication.focusWidget() is dialog.results  # the clerk now picks from the results
    dialog.grab().save(str(artifacts / "add_member_after_enter.png"))

    outsiders = [i for i in range(dialog.results.count())
                 if dialog.results.item(i).data(Qt.ItemDataRole.UserRole) not in before]
    chosen = outsiders[-1]  # someone not in the club yet
    qtbot.keyClick(dialog.results, Qt.Key.Key_Down)  # looking through the list
    item = dialog.results.item(chosen)
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.results.visualItemRect(item).center())
    assert dialog.results.currentRow() == chosen
    person_id = item.data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(dialog.results, Qt.Key.Key_Return)  # Enter on the chosen one saves
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    wait_idle(qtbot, page.ctx)
    assert members(page) == before | {person_id}
    assert page.ctx.db.execute("SELECT COUNT(*) FROM club_members WHERE club_id = ? AND person_id = ? AND deleted = 0",
                               [page.club["id"], person_id]).fetchone()[0] == 1


FORMS = {  # each club form, and a field the worker types into
    "new_club": ("new_club", "club_name", "夕阳红合唱团"),
    "add_member": ("add_member", "name", "范根宝"),
    "new_activity": ("new_activity", "title", "冬至包饺子"),
}


@pytest.mark.parametrize("form", FORMS)
def test_esc_on_a_typed_club_form_asks_before_throwing_the_text_away(qtbot, page, form, artifacts):
    opener, field, text = FORMS[form]
    dialog = getattr(page, opener)()
    focused(qtbot, dialog)
    if form == "add_member":
        dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.form.widgets[field], text)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(open_boxes()) == 1)
    [box] = open_boxes()  # 放弃已填写的内容？
    assert dialog.isVisible()
    over_window(dialog.grab(), box).save(str(artifacts / f"club_form_esc_{form}.png"))
    box.button(QMessageBox.StandardButton.Cancel).click()  # no: back to the form, the text still there
    qtbot.waitUntil(lambda: not box.isVisible())
    assert dialog.isVisible() and dialog.form.values([field])[field] == text

    focused(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: len(open_boxes()) == 1)
    open_boxes()[0].button(QMessageBox.StandardButton.Discard).click()  # yes, throw it away
    qtbot.waitUntil(lambda: closed(dialog))


@pytest.mark.parametrize("form", FORMS)
def test_esc_on_an_untouched_club_form_closes_it_at_once(qtbot, page, form):
    dialog = getattr(page, FORMS[form][0])()
    focused(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert open_boxes() == []  # nothing to lose, nothing asked


def test_esc_while_a_club_is_being_saved_does_nothing_and_the_club_is_saved(qtbot, page):
    clubs = count(page.ctx.db, "clubs")
    dialog = page.new_club()
    focused(qtbot, dialog)
    type_text(qtbot, dialog.form.widgets["club_name"], "夕阳红合唱团")
    dialog.form.widgets["community_id"].set_id(page.club["community_id"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the write is on its way
    assert open_boxes() == [] and dialog.isVisible()
    qtbot.waitUntil(lambda: closed(dialog), timeout=5000)
    wait_idle(qtbot, page.ctx)
    assert dialog.result() == dialog.DialogCode.Accepted and dialog.saved_value
    assert count(page.ctx.db, "clubs") == clubs + 1
