"""A social worker registers a client and opens a case; the form checks as they type."""

from __future__ import annotations

import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import choose, closed, count, type_text, wait_idle

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.demo import make_id_number
from ningbo_sw_desktop.ui.intake_dialog import IntakeDialog

ZHANG_BIRTH = datetime.date(1948, 5, 10)
ZHANG_ID = make_id_number("330203", ZHANG_BIRTH, 7, "male")


def community_id(db, name: str = "柳庄社区") -> str:
    return db.execute("SELECT id FROM areas WHERE name = ?", [name]).fetchone()[0]


def open_dialog(qtbot, ctx) -> IntakeDialog:
    dialog = IntakeDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def fill_case_facts(qtbot, dialog: IntakeDialog, ctx) -> None:
    """The case half of the form, as a worker fills it after the client's details."""
    w = dialog.form.widgets
    choose(w["community_id"], community_id(ctx.db))
    choose(w["domain"], "social_relief")
    choose(w["risk"], "medium")
    type_text(qtbot, w["problem"], "独居老人，行动不便，申请居家养老服务")


def test_a_duplicate_is_shown_and_the_existing_client_is_reused(qtbot, ctx):
    open_case(ctx.db, {"domain": "social_welfare", "risk": "low", "problem": "亲情探访"},
              person_values={"name": "张三", "id_number": ZHANG_ID, "community_id": community_id(ctx.db)})
    dialog = open_dialog(qtbot, ctx)
    w = dialog.form.widgets
    type_text(qtbot, w["name"], "张三")
    type_text(qtbot, w["id_number"], ZHANG_ID)
    fill_case_facts(qtbot, dialog, ctx)
    assert dialog.save_button.isEnabled(), dialog.problems()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicates_dialog is not None and dialog.duplicates_dialog.isVisible())
    duplicates = dialog.duplicates_dialog
    assert duplicates.model.rows[0]["name"] == "张三"
    assert "身份证号码相同" in duplicates.model.data(duplicates.model.index(0, 6))
    qtbot.mouseClick(duplicates.use_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: count(ctx.db, "cases") == 2)
    wait_idle(qtbot, ctx)
    assert count(ctx.db, "persons") == 1
    person_ids = {r[0] for r in ctx.db.execute("SELECT person_id FROM cases")}
    assert len(person_ids) == 1


def test_registering_a_new_client_anyway_makes_a_second_person(qtbot, ctx):
    open_case(ctx.db, {"domain": "social_welfare", "risk": "low", "problem": "亲情探访"},
              person_values={"name": "张三", "birth_date": "1948-05-10", "gender": "male",
                             "community_id": community_id(ctx.db)})
    dialog = open_dialog(qtbot, ctx)
    w = dialog.form.widgets
    type_text(qtbot, w["name"], "张三")
    type_text(qtbot, w["birth_date"], "1948-05-10")
    choose(w["gender"], "male")
    fill_case_facts(qtbot, dialog, ctx)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.duplicates_dialog is not None and dialog.duplicates_dialog.isVisible())
    qtbot.mouseClick(dialog.duplicates_dialog.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: count(ctx.db, "persons") == 2)
    assert count(ctx.db, "cases") == 2


def test_a_wrong_check_digit_is_shown_and_nothing_can_be_saved(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    w = dialog.form.widgets
    type_text(qtbot, w["name"], "李秀英")
    fill_case_facts(qtbot, dialog, ctx)
    wrong = ZHANG_ID[:17] + ("0" if ZHANG_ID[17] != "0" else "1")
    type_text(qtbot, w["id_number"], wrong)

    error = dialog.form.errors["id_number"]
    assert error.isVisible()
    assert f"校验位错误，应为 {ZHANG_ID[17]}" in error.text()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, ctx)
    assert count(ctx.db, "persons") == 0
    assert count(ctx.db, "cases") == 0

    w["id_number"].clear()
    type_text(qtbot, w["id_number"], ZHANG_ID)
    assert not error.isVisible()
    assert dialog.save_button.isEnabled()


def test_birth_date_and_phone_are_checked_as_typed(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    w = dialog.form.widgets
    type_text(qtbot, w["id_number"], ZHANG_ID)
    type_text(qtbot, w["birth_date"], "1950-01-01")
    assert "出生日期与身份证号码不符" in dialog.form.errors["birth_date"].text()
    type_text(qtbot, w["phone"], "8765432")
    assert "缺少区号" in dialog.form.errors["phone"].text()
    assert not dialog.save_button.isEnabled()
    assert not dialog.form.errors["problem"].isVisible(), "untouched fields are not scolded"


def test_a_new_client_and_case_are_saved_and_the_case_opens(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    w = dialog.form.widgets
    type_text(qtbot, w["name"], "王阿婆")
    type_text(qtbot, w["id_number"], make_id_number("330203", datetime.date(1940, 2, 3), 9, "female"))
    fill_case_facts(qtbot, dialog, ctx)
    with qtbot.waitSignal(dialog.case_opened, timeout=10_000) as opened:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    row = ctx.db.execute("SELECT c.case_no, p.name, p.birth_date, p.gender FROM cases c JOIN persons p"
                         " ON p.id = c.person_id WHERE c.id = ?", [opened.args[0]]).fetchone()
    assert row == (f"HS-NM-{datetime.date.today().year}-0001", "王阿婆", "1940-02-03", "female")


def test_tab_order_follows_the_form(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    w = dialog.form.widgets
    w["name"].setFocus()
    visited = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget().objectName())
    assert visited == ["id_number", "gender", "birth_date", "phone"]


def test_cancelling_a_typed_form_asks_first(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    type_text(qtbot, dialog.form.widgets["name"], "张三")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    box = dialog._confirm_box
    qtbot.waitUntil(box.isVisible)
    box.button(box.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: closed(dialog))


def test_a_blank_name_a_future_birth_date_and_empty_required_fields_are_shown_and_nothing_is_written(qtbot, ctx):
    dialog = open_dialog(qtbot, ctx)
    w = dialog.form.widgets
    type_text(qtbot, w["name"], "   ")
    choose(w["gender"], "male")
    type_text(qtbot, w["birth_date"], (datetime.date.today() + datetime.timedelta(days=3)).isoformat())
    assert "必填" in dialog.form.errors["name"].text()
    assert "不能晚于今天" in dialog.form.errors["birth_date"].text()
    assert not dialog.form.errors["problem"].isVisible(), "untouched fields are not scolded while typing"
    assert not dialog.save_button.isEnabled()

    dialog.save()  # asked directly (as Enter might): every problem shows, touched or not, and nothing is written
    wait_idle(qtbot, ctx)
    shown = {name for name, error in dialog.form.errors.items() if error.isVisible()}
    assert {"name", "birth_date", "community_id", "domain", "risk", "problem"} <= shown
    assert (count(ctx.db, "persons"), count(ctx.db, "cases")) == (0, 0)


def test_english_field_errors_start_with_a_capital_and_chinese_ones_are_unchanged(qtbot, ctx, artifacts):
    try:
        ctx.translations.apply("en")
        dialog = open_dialog(qtbot, ctx)
        type_text(qtbot, dialog.form.widgets["name"], "   ")
        type_text(qtbot, dialog.form.widgets["phone"], "1380574")
        name_error, phone_error = dialog.form.errors["name"], dialog.form.errors["phone"]
        assert name_error.isVisible() and name_error.text().startswith("Is required")  # not "is required; …"
        assert phone_error.isVisible() and phone_error.text()[0].isupper()
        dialog.grab().save(str(artifacts / "intake_errors_en.png"))
        dialog.close()
    finally:
        ctx.translations.apply("zh")
    dialog = open_dialog(qtbot, ctx)
    type_text(qtbot, dialog.form.widgets["name"], "   ")
    assert dialog.form.errors["name"].text().startswith("必填")


def test_gender_and_birth_date_are_marked_as_needed_unless_the_id_number_is_given(qtbot, ctx, artifacts):
    dialog = open_dialog(qtbot, ctx)
    labels = dialog.form.labels
    assert labels["name"].text() == "姓名 *"
    assert labels["gender"].text() == "性别 (*)" and labels["birth_date"].text() == "出生日期 (*)"
    assert dialog.required_note.text() == "* 为必填项　　(*) 未填居民身份证号码时必填"
    assert "身份证" in labels["gender"].toolTip() and "身份证" in dialog.form.widgets["gender"].toolTip()
    dialog.grab().save(str(artifacts / "intake_marks.png"))
    dialog.save()  # nothing typed: every problem shows, gender and birth date among them
    assert dialog.form.errors["gender"].isVisible() and dialog.form.errors["birth_date"].isVisible()
    type_text(qtbot, dialog.form.widgets["id_number"], ZHANG_ID)  # a valid number gives both
    assert not dialog.form.errors["gender"].isVisible() and not dialog.form.errors["birth_date"].isVisible()
    try:
        ctx.translations.apply("en")
        qtbot.waitUntil(lambda: dialog.form.labels["gender"].text() == "Gender (*)")
        assert labels["birth_date"].text() == "Birth date (*)"
        assert dialog.required_note.text() == "* required    (*) required unless the resident ID number is given"
    finally:
        ctx.translations.apply("zh")
