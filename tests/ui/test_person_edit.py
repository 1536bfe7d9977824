"""A social worker corrects a client's facts from the case detail; the form checks as they type."""

from __future__ import annotations

import datetime
import json

from PySide6.QtCore import Qt
from ui_helpers import closed, over_window, settle, type_text, wait_idle

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.demo import make_id_number
from ningbo_sw_desktop.core.persons import update_person
from ningbo_sw_desktop.ui.case_detail import CaseDetailDialog
from ningbo_sw_desktop.ui.person_edit_dialog import PersonEditDialog

ZHANG_BIRTH = datetime.date(1948, 5, 10)
ZHANG_ID = make_id_number("330203", ZHANG_BIRTH, 7, "male")
LI_ID = make_id_number("330203", ZHANG_BIRTH, 8, "male")  # same birthday and gender, another man
OLD_PHONE = "13805741234"


def community_id(db, name: str = "柳庄社区") -> str:
    return db.execute("SELECT id FROM areas WHERE name = ?", [name]).fetchone()[0]


def new_client(db, name: str, id_number: str, phone: str = OLD_PHONE) -> tuple[str, str]:
    """(case id, person id) of a client registered at intake."""
    changes = open_case(db, {"domain": "social_welfare", "risk": "low", "problem": "亲情探访"},
                        person_values={"name": name, "id_number": id_number, "phone": phone,
                                       "address": "柳汀街88号3幢201室", "community_id": community_id(db)})
    return changes.first("cases"), changes.first("persons")


def person(db, person_id: str) -> dict:
    cur = db.execute("SELECT * FROM persons WHERE id = ?", [person_id])
    return dict(zip([c[0] for c in cur.description], cur.fetchone()))


def person_updates(db, person_id: str) -> list[list[str]]:
    """The fields of each audited update of a client, oldest first."""
    return [json.loads(r[0]) for r in db.execute(
        "SELECT detail FROM audit WHERE action = 'update' AND table_name = 'persons' AND record_id = ? ORDER BY seq",
        [person_id])]


def open_detail(qtbot, ctx, case_id: str) -> CaseDetailDialog:
    detail = CaseDetailDialog(ctx, case_id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    return detail


def open_editor(qtbot, detail: CaseDetailDialog) -> PersonEditDialog:
    """Click 编辑服务对象… in the case detail, as the worker does."""
    assert detail.edit_person_button.text() == "编辑服务对象…"
    qtbot.mouseClick(detail.edit_person_button, Qt.MouseButton.LeftButton)
    dialog = detail.person_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def retype(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def test_a_new_phone_number_is_saved_and_the_case_detail_shows_it(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    detail = open_detail(qtbot, ctx, case_id)
    dialog = open_editor(qtbot, detail)
    w = dialog.form.widgets
    assert w["name"].text() == "张三"
    assert w["id_number"].text() == ZHANG_ID
    assert w["phone"].text() == OLD_PHONE
    assert not dialog.save_button.isEnabled(), "nothing changed yet"

    retype(qtbot, w["phone"], "0574-87654321")
    assert dialog.changed_values() == {"phone": "0574-87654321"}
    assert dialog.save_button.isEnabled(), dialog.problems()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    wait_idle(qtbot, ctx)

    row = person(ctx.db, person_id)
    assert row["phone"] == "0574-87654321"
    assert (row["name"], row["id_number"], row["address"]) == ("张三", ZHANG_ID, "柳汀街88号3幢201室")
    assert person_updates(ctx.db, person_id) == [["phone"]]
    qtbot.waitUntil(lambda: detail.fact_values["phone"].text() == "0574-87654321")


def test_a_moved_client_gets_the_new_address_with_chinese_typed_by_the_input_method(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    detail = open_detail(qtbot, ctx, case_id)
    dialog = open_editor(qtbot, detail)
    retype(qtbot, dialog.form.widgets["address"], "灵桥路12弄5号")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: closed(dialog))
    wait_idle(qtbot, ctx)
    assert person(ctx.db, person_id)["address"] == "灵桥路12弄5号"
    assert person_updates(ctx.db, person_id) == [["address"]]
    qtbot.waitUntil(lambda: detail.fact_values["address"].text() == "灵桥路12弄5号")


def test_an_invalid_phone_keeps_save_disabled_and_nothing_is_written(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    before = person(ctx.db, person_id)
    dialog = open_editor(qtbot, open_detail(qtbot, ctx, case_id))
    w = dialog.form.widgets

    retype(qtbot, w["phone"], "8765432")
    error = dialog.form.errors["phone"]
    assert error.isVisible()
    assert "缺少区号" in error.text()
    assert not dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.save()  # even when asked directly, an invalid form is not written
    wait_idle(qtbot, ctx)
    assert person(ctx.db, person_id) == before
    assert person_updates(ctx.db, person_id) == []

    retype(qtbot, w["phone"], "0574-87654321")
    assert not error.isVisible()
    assert dialog.save_button.isEnabled()


def test_a_wrong_check_digit_or_a_birth_date_the_id_disagrees_with_is_shown_as_typed(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    dialog = open_editor(qtbot, open_detail(qtbot, ctx, case_id))
    w = dialog.form.widgets

    wrong = ZHANG_ID[:17] + ("0" if ZHANG_ID[17] != "0" else "1")
    retype(qtbot, w["id_number"], wrong)
    assert f"校验位错误，应为 {ZHANG_ID[17]}" in dialog.form.errors["id_number"].text()
    assert not dialog.save_button.isEnabled()
    retype(qtbot, w["id_number"], ZHANG_ID)
    assert not dialog.form.errors["id_number"].isVisible()

    retype(qtbot, w["birth_date"], "1950-01-01")
    assert "出生日期与身份证号码不符" in dialog.form.errors["birth_date"].text()
    assert not dialog.save_button.isEnabled()
    dialog.save()
    wait_idle(qtbot, ctx)
    assert person(ctx.db, person_id)["birth_date"] == "1948-05-10"


def test_an_id_number_registered_to_another_client_is_refused_beside_the_field(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    new_client(ctx.db, "李四", LI_ID, phone="13905740000")
    before = person(ctx.db, person_id)
    dialog = open_editor(qtbot, open_detail(qtbot, ctx, case_id))
    w = dialog.form.widgets

    retype(qtbot, w["id_number"], LI_ID)
    assert dialog.save_button.isEnabled(), dialog.problems()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    error = dialog.form.errors["id_number"]
    qtbot.waitUntil(error.isVisible)
    wait_idle(qtbot, ctx)
    assert "该号码已登记为服务对象 李四（柳庄社区）" in error.text()
    assert dialog.isVisible()
    assert not dialog.save_button.isEnabled(), "the same refused number cannot be sent again"
    assert person(ctx.db, person_id) == before
    assert person_updates(ctx.db, person_id) == []

    retype(qtbot, w["id_number"], ZHANG_ID)
    assert not error.isVisible()


def test_a_record_changed_after_the_form_opened_is_not_overwritten(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    detail = open_detail(qtbot, ctx, case_id)
    dialog = open_editor(qtbot, detail)
    retype(qtbot, dialog.form.widgets["phone"], "0574-87654321")

    update_person(ctx.db, person_id, {"address": "灵桥路12弄5号"})  # another desk, or a sync bundle

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.notice.isVisible)
    wait_idle(qtbot, ctx)
    assert "该记录在您打开后已被修改，请重新打开后再保存。" in dialog.notice.text()
    assert dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    row = person(ctx.db, person_id)
    assert (row["phone"], row["address"]) == (OLD_PHONE, "灵桥路12弄5号")
    assert person_updates(ctx.db, person_id) == [["address"]]


def test_cancelling_with_changes_asks_first(qtbot, ctx):
    case_id, person_id = new_client(ctx.db, "张三", ZHANG_ID)
    dialog = open_editor(qtbot, open_detail(qtbot, ctx, case_id))
    retype(qtbot, dialog.form.widgets["name"], "张叁")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()
    box = dialog._confirm_box
    qtbot.waitUntil(box.isVisible)
    box.button(box.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: closed(dialog))
    wait_idle(qtbot, ctx)
    assert person(ctx.db, person_id)["name"] == "张三"


def test_screenshot_of_the_dialog_over_the_case_detail(qtbot, demo_ctx, artifacts):
    db = demo_ctx.db
    case_id = db.execute("SELECT c.id FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.status = 'open'"
                         " AND p.id_number IS NOT NULL AND p.phone IS NOT NULL ORDER BY c.case_no LIMIT 1").fetchone()[0]
    detail = open_detail(qtbot, demo_ctx, case_id)
    detail.resize(1180, 720)
    wait_idle(qtbot, demo_ctx)
    settle()
    detail_shot = detail.grab()
    dialog = open_editor(qtbot, detail)
    retype(qtbot, dialog.form.widgets["phone"], "87654321")
    retype(qtbot, dialog.form.widgets["address"], "灵桥路12弄5号")
    assert dialog.form.errors["phone"].isVisible()
    settle()
    picture = over_window(detail_shot, dialog)
    picture.save(str(artifacts / "person_edit.png"))
    assert dialog.width() <= detail_shot.width() and dialog.height() <= detail_shot.height()
    for label in dialog.form.labels.values():  # no label cut off
        assert label.width() >= label.sizeHint().width(), label.text()
    dialog.done(0)
    wait_idle(qtbot, demo_ctx)
