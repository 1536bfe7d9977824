"""The single write path: stamps per field, audit entries, tombstones, all-or-nothing."""

from __future__ import annotations

import json

import pytest

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.clock import parse_stamp
from ningbo_sw_desktop.core.errors import StaleEdit, ValidationError
from ningbo_sw_desktop.core.persons import add_person, get_person, update_person
from ningbo_sw_desktop.core.records import delete_record
from ningbo_sw_desktop.core.validation import id_check_digit
from ningbo_sw_desktop.core.writing import writing

ZHANG_ID = "33020319480510001" + id_check_digit("33020319480510001")
WRONG_ID = ZHANG_ID[:17] + ("0" if ZHANG_ID[17] != "0" else "1")
ZHANG = {"name": "张三", "id_number": ZHANG_ID, "phone": "13805741234", "community_id": "柳庄社区"}


def _row(db, table, record_id):
    return next(db.query(f"SELECT * FROM {table} WHERE id = ?", [record_id]))


def test_a_new_record_gets_an_id_a_stamp_and_an_audit_entry(office_db):
    person_id = add_person(office_db, ZHANG, actor="陈丽华").value
    row = _row(office_db, "persons", person_id)
    assert len(person_id) == 36 and person_id[14] == "7"  # UUIDv7
    stamps = json.loads(row["stamps"])
    assert stamps == {"*": [row["hlc"], ""]}
    assert parse_stamp(row["hlc"])[2] == row["origin"]
    assert row["birth_date"] == "1948-05-10" and row["gender"] == "male"  # derived from the ID number
    assert (row["name_pinyin"], row["name_initials"], row["id_tail"]) == ("zhang san", "zs", ZHANG_ID[-6:])
    audit = list(office_db.query("SELECT actor, action FROM audit WHERE record_id = ?", [person_id]))
    assert audit == [{"actor": "陈丽华", "action": "create"}]


def test_an_edit_stamps_only_the_changed_fields_with_their_base(office_db):
    person_id = add_person(office_db, ZHANG).value
    created = _row(office_db, "persons", person_id)["hlc"]
    update_person(office_db, person_id, {"phone": "13905749999", "name": "张三"})
    row = _row(office_db, "persons", person_id)
    stamps = json.loads(row["stamps"])
    assert set(stamps) == {"*", "phone"}
    assert stamps["phone"][1] == created and stamps["phone"][0] == row["hlc"] > created
    assert row["phone"] == "13905749999"
    detail = next(office_db.query("SELECT detail FROM audit WHERE action = 'update'"))["detail"]
    assert json.loads(detail) == ["phone"]


def test_stamps_always_increase_even_within_one_millisecond(office_db):
    with writing(office_db) as (clock, _):
        stamps = [clock.tick() for _ in range(2000)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 2000


def test_a_rejected_write_changes_nothing(office_db):
    before = office_db.execute("SELECT COUNT(*) FROM persons").fetchone()[0], office_db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(ValidationError) as err:
        open_case(office_db, {"domain": "social_welfare", "risk": "high", "problem": "独居"},
                  person_values={**ZHANG, "id_number": WRONG_ID})
    assert "id_number" in err.value.by_field()
    after = office_db.execute("SELECT COUNT(*) FROM persons").fetchone()[0], office_db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    assert before == after


def test_a_failure_half_way_rolls_back_the_whole_write(office_db):
    with pytest.raises(RuntimeError):
        with writing(office_db) as (clock, changes):
            from ningbo_sw_desktop.core.records import insert_record

            insert_record(office_db, clock, changes, "programs", {"name": "临时项目", "domain": "social_welfare"})
            raise RuntimeError("power cut")
    assert office_db.execute("SELECT COUNT(*) FROM programs WHERE name = '临时项目'").fetchone()[0] == 0


def test_a_deleted_person_is_a_tombstone_without_personal_data(office_db):
    person_id = add_person(office_db, ZHANG).value
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "persons", person_id)
    row = _row(office_db, "persons", person_id)
    assert row["deleted"] == 1
    assert row["name"] is None and row["id_number"] is None and row["phone"] is None and row["name_pinyin"] is None
    assert "deleted" in json.loads(row["stamps"])


def test_an_edit_based_on_a_stale_form_is_refused(office_db):
    person_id = add_person(office_db, ZHANG).value
    seen = get_person(office_db, person_id)["hlc"]
    update_person(office_db, person_id, {"phone": "13905749999"})
    with pytest.raises(StaleEdit):
        update_person(office_db, person_id, {"phone": "13705740000"}, seen_hlc=seen)
    assert get_person(office_db, person_id)["phone"] == "13905749999"


def test_a_deleted_client_cannot_be_edited_back_to_life(office_db):
    from ningbo_sw_desktop.core.errors import NotFound

    person_id = add_person(office_db, ZHANG).value
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "persons", person_id)
    with pytest.raises(NotFound):
        update_person(office_db, person_id, {"phone": "13905749999"})
    assert _row(office_db, "persons", person_id)["phone"] is None


def test_a_case_whose_client_was_deleted_can_still_be_closed(office_db):
    from ningbo_sw_desktop.core.cases import close_case, get_case

    case_no = open_case(office_db, {"domain": "social_welfare", "risk": "low", "problem": "独居"},
                        person_values=ZHANG).value
    person_id = get_case(office_db, case_no)["person_id"]
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "persons", person_id)
    close_case(office_db, case_no, "服务对象已迁出")
    assert get_case(office_db, case_no)["status"] == "closed"
