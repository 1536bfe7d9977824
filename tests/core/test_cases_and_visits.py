"""Intake, case numbers, closing, visits and follow-ups — as a worker does them."""

from __future__ import annotations

import contextlib
import datetime

import pytest

from ningbo_sw_desktop.core.cases import (
    CaseFilter,
    close_case,
    get_case,
    list_cases,
    next_case_no,
    open_case,
    update_case,
)
from ningbo_sw_desktop.core.errors import UserError, ValidationError
from ningbo_sw_desktop.core.persons import find_duplicates
from ningbo_sw_desktop.core.stats import statistics
from ningbo_sw_desktop.core.visits import due_follow_ups, list_visits, log_visit, update_visit

CASE = {"domain": "社会福利", "risk": "high", "problem": "独居老人，子女在外地"}
LI = {"name": "李秀英", "gender": "女", "birth_date": "1944-03-08", "phone": "0574-87654321", "community_id": "柳庄社区"}


def test_intake_opens_a_case_numbered_by_office_and_year(office_db):
    first = open_case(office_db, CASE, person_values=LI)
    second = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values={**LI, "name": "王阿婆"})
    year = datetime.date.today().year
    assert first.value == f"HS-NM-{year}-0001"
    assert second.value == "HS-NM-2025-0001"
    case = get_case(office_db, first.value)
    assert case["domain"] == "social_welfare" and case["status"] == "open" and case["person"]["name"] == "李秀英"
    assert case["community"] == "柳庄社区"
    assert get_case(office_db, f" hs-nm-{year}-0001 ")["id"] == case["id"]  # typed off a paper file
    assert get_case(office_db, case["id"].upper())["id"] == case["id"]


def test_case_numbers_continue_past_9999(office_db):
    office_db.execute("UPDATE meta SET value = value WHERE key = 'office_code'")
    open_case(office_db, CASE, person_values=LI)
    office_db.execute("UPDATE cases SET case_no = 'HS-NM-2026-9999'")
    assert next_case_no(office_db, "HS-NM", 2026) == "HS-NM-2026-10000"


def test_possible_duplicates_are_found_before_a_second_record(office_db):
    open_case(office_db, CASE, person_values=LI)
    by_birth = find_duplicates(office_db, {"name": "李秀英", "birth_date": "1944-03-08"})
    by_phone = find_duplicates(office_db, {"name": "李秀英", "phone": "057487654321"})
    assert [d["reason"] for d in by_birth] == ["name_birth_date"]
    assert [d["reason"] for d in by_phone] == ["name_phone"]
    assert find_duplicates(office_db, {"name": "李秀英", "birth_date": "1950-01-01"}) == []


def test_an_unknown_community_is_refused_naming_close_matches(office_db):
    with pytest.raises(ValidationError) as err:
        open_case(office_db, CASE, person_values={**LI, "community_id": "柳庄"})
    message = str(err.value)
    assert "柳庄社区" in message
    assert office_db.execute("SELECT COUNT(*) FROM cases").fetchone()[0] == 0


def test_intake_before_birth_is_refused(office_db):
    with pytest.raises(ValidationError) as err:
        open_case(office_db, {**CASE, "intake_date": "1940-01-01"}, person_values=LI)
    assert "intake_date" in err.value.by_field()


def test_a_visit_in_the_future_is_refused(office_db):
    case_no = open_case(office_db, CASE, person_values=LI).value
    tomorrow = datetime.datetime.now() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as err:
        log_visit(office_db, {"case_id": case_no, "kind": "home", "at": tomorrow, "notes": "入户"})
    assert "at" in err.value.by_field()
    assert list_visits(office_db) == []


def test_a_follow_up_due_today_is_listed_until_the_next_visit(office_db):
    today = datetime.date.today()
    case_no = open_case(office_db, {**CASE, "intake_date": today - datetime.timedelta(days=30)}, person_values=LI).value
    log_visit(office_db, {"case_id": case_no, "kind": "入户", "at": today - datetime.timedelta(days=7),
                          "notes": "入户了解近况", "next_follow_up": today - datetime.timedelta(days=2)})
    due = due_follow_ups(office_db, today)
    assert [(d["case_no"], d["days_overdue"]) for d in due] == [(case_no, 2)]
    log_visit(office_db, {"case_id": case_no, "kind": "phone", "at": datetime.datetime.now() - datetime.timedelta(minutes=1),
                          "notes": "电话回访"})
    assert due_follow_ups(office_db, today) == []


def test_closing_a_case_records_reason_and_refuses_new_visits(office_db):
    case_no = open_case(office_db, CASE, person_values=LI).value
    close_case(office_db, case_no, "服务目标已达成")
    case = get_case(office_db, case_no)
    assert case["status"] == "closed" and case["close_reason"] == "服务目标已达成"
    assert case["closed_on"] == datetime.date.today().isoformat()
    with pytest.raises(ValidationError):
        log_visit(office_db, {"case_id": case_no, "kind": "home", "at": datetime.datetime.now(), "notes": "x"})
    assert [c["case_no"] for c in list_cases(office_db, CaseFilter(status="closed"))] == [case_no]


def test_statistics_count_cases_visits_and_workers_per_10000(office_db):
    case_no = open_case(office_db, CASE, person_values=LI).value
    log_visit(office_db, {"case_id": case_no, "kind": "home", "at": datetime.datetime.now() - datetime.timedelta(hours=1), "notes": "入户"})
    figures = statistics(office_db)
    population = office_db.execute("SELECT SUM(population) FROM areas WHERE level = 'community'").fetchone()[0]
    assert figures["workers"] == 6
    assert figures["workers_per_10000"] == round(6 * 10_000 / population, 2)
    assert figures["cases_by_domain"]["social_welfare"]["open"] == 1
    assert figures["visits_by_kind"]["home"] == 1 and figures["people_served"] == 1
    last_year = statistics(office_db, "2000-01-01", "2000-12-31")
    assert last_year["visits"] == 0 and last_year["people_served"] == 0


@contextlib.contextmanager
def refused(english: str):
    """The write is refused with a message (in both languages) whose English says ``english``."""
    with pytest.raises(UserError) as caught:
        yield
    assert english in caught.value.text.en and caught.value.text.zh


def _unchanged(db) -> tuple:
    """What a refused write must leave as it was: every case and visit row, and the audit log."""
    return (db.execute("SELECT * FROM cases ORDER BY id").fetchall(), db.execute("SELECT * FROM visits ORDER BY id").fetchall(),
            db.execute("SELECT COUNT(*) FROM audit").fetchone())


def test_an_edit_of_one_closing_field_is_checked_with_the_stored_others(office_db):
    case_no = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values=LI).value
    before = _unchanged(office_db)
    with refused("open case has no closing date"):
        update_case(office_db, case_no, {"closed_on": "2025-07-01"})
    with refused("before the intake date"):
        update_case(office_db, case_no, {"status": "closed", "close_reason": "迁出", "closed_on": "2025-05-01"})
    assert _unchanged(office_db) == before
    close_case(office_db, case_no, "服务目标已达成", closed_on="2025-08-01")
    with refused("before the intake date"):
        update_case(office_db, case_no, {"closed_on": "2025-05-31"})
    closed = _unchanged(office_db)
    with refused("closing date is before the intake date"):
        update_case(office_db, case_no, {"intake_date": "2025-08-02"})
    with pytest.raises(ValidationError):
        update_case(office_db, case_no, {"close_reason": " "})
    assert _unchanged(office_db) == closed
    changed = update_case(office_db, case_no, {"plan": "结案后电话回访一次"})
    assert changed.updated == {"cases": [get_case(office_db, case_no)["id"]]}
    audit = office_db.execute("SELECT detail FROM audit WHERE action = 'update' ORDER BY seq DESC LIMIT 1").fetchone()[0]
    assert audit == '["plan"]'  # the stored closing fields it was checked with are not rewritten


def test_a_visit_correction_is_checked_like_a_new_visit(office_db):
    case_no = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values=LI).value
    visit_id = log_visit(office_db, {"case_id": case_no, "kind": "home", "at": "2025-06-10 09:00", "notes": "入户",
                                     "next_follow_up": "2025-06-20"}).value
    before = _unchanged(office_db)
    with refused("next follow-up is before the visit"):
        update_visit(office_db, visit_id, {"next_follow_up": "2025-06-01"})
    with refused("next follow-up is before the visit"):
        update_visit(office_db, visit_id, {"at": "2025-06-25 09:00"})
    with refused("No case"):
        update_visit(office_db, visit_id, {"case_id": "HS-NM-2025-9999"})
    assert _unchanged(office_db) == before
    update_visit(office_db, visit_id, {"at": "2025-06-11 10:00"})
    visit = list_visits(office_db, case_id=get_case(office_db, case_no)["id"])[0]
    assert (visit["at"], visit["next_follow_up"]) == ("2025-06-11T10:00:00", "2025-06-20")


def test_a_community_typed_as_a_number_is_refused_in_words(office_db):
    from ningbo_sw_desktop.core.persons import add_person

    with refused("there is no “5”"):
        add_person(office_db, {**LI, "community_id": 5})


def test_a_new_id_number_is_checked_against_the_stored_birth_date_and_gender(office_db):
    from ningbo_sw_desktop.core.demo import make_id_number
    from ningbo_sw_desktop.core.persons import add_person, get_person, update_person

    person_id = add_person(office_db, LI).value
    before = _unchanged(office_db), get_person(office_db, person_id)
    with refused("birth date does not match the ID number"):
        update_person(office_db, person_id, {"id_number": make_id_number("330203", datetime.date(1930, 1, 1), 7, "female")})
    assert (_unchanged(office_db), get_person(office_db, person_id)) == before
    update_person(office_db, person_id, {"id_number": make_id_number("330203", datetime.date(1944, 3, 8), 7, "female")})
    assert get_person(office_db, person_id)["birth_date"] == "1944-03-08"


def _worker_ids(db) -> tuple[str, str]:
    """Two live workers; the second is then deleted (as another office may do) and must no longer be named."""
    from ningbo_sw_desktop.core.records import delete_record
    from ningbo_sw_desktop.core.writing import writing

    kept, gone = (r[0] for r in db.execute("SELECT id FROM workers ORDER BY name LIMIT 2"))
    with writing(db) as (clock, changes):
        delete_record(db, clock, changes, "workers", gone)
    return kept, gone


def test_a_visit_naming_no_live_worker_or_client_is_refused_and_nothing_is_written(office_db):
    case_no = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values=LI).value
    kept, gone = _worker_ids(office_db)
    visit = {"case_id": case_no, "kind": "home", "at": "2025-06-10 09:00", "notes": "入户"}
    before = _unchanged(office_db)
    with pytest.raises(ValidationError) as err:
        log_visit(office_db, {**visit, "worker_id": "w-typo"})
    assert err.value.by_field()["worker_id"].text.zh == "找不到这个社工（编号 w-typo）"
    assert err.value.by_field()["worker_id"].text.en == "no such worker (id w-typo)"
    with refused("this worker was deleted"):
        log_visit(office_db, {**visit, "worker_id": gone})
    with refused("no such client (id p-typo)"):
        log_visit(office_db, {**{k: v for k, v in visit.items() if k != "case_id"}, "person_id": "p-typo"})
    assert _unchanged(office_db) == before
    visit_id = log_visit(office_db, {**visit, "worker_id": kept}).value
    before = _unchanged(office_db)
    with refused("no such worker (id w-typo)"):
        update_visit(office_db, visit_id, {"worker_id": "w-typo"})
    assert _unchanged(office_db) == before
    update_visit(office_db, visit_id, {"worker_id": None, "notes": "入户，社工待定"})
    assert list_visits(office_db)[0]["worker_id"] is None


def test_a_case_naming_no_live_client_worker_or_program_is_refused_and_nothing_is_written(office_db):
    kept, gone = _worker_ids(office_db)
    program = office_db.execute("SELECT id FROM programs ORDER BY name LIMIT 1").fetchone()[0]
    persons = office_db.execute("SELECT COUNT(*) FROM persons").fetchone()
    before = _unchanged(office_db)
    with pytest.raises(ValidationError) as err:
        open_case(office_db, {**CASE, "worker_id": gone, "program_id": "g-typo"}, person_values=LI)
    assert set(err.value.by_field()) == {"worker_id", "program_id"}
    assert "服务项目：找不到这个服务项目（编号 g-typo）" in err.value.text.zh
    with refused("no such client (id p-typo)"):
        open_case(office_db, CASE, person_id="p-typo")
    assert (_unchanged(office_db), office_db.execute("SELECT COUNT(*) FROM persons").fetchone()) == (before, persons)
    case_no = open_case(office_db, {**CASE, "worker_id": kept, "program_id": program}, person_values=LI).value
    before = _unchanged(office_db)
    with refused("this worker was deleted"):
        update_case(office_db, case_no, {"worker_id": gone})
    with refused("no such program (id g-typo)"):
        update_case(office_db, case_no, {"program_id": "g-typo"})
    assert _unchanged(office_db) == before
    case = get_case(office_db, case_no)
    assert (case["worker_id"], case["program_id"]) == (kept, program)


def test_visit_lists_filter_by_whole_days_given_as_dates_datetimes_or_text(office_db):
    case_no = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values=LI).value
    for at in ("2025-06-09 23:00", "2025-06-10 09:00", "2025-06-11 18:00", "2025-06-12 08:00"):
        log_visit(office_db, {"case_id": case_no, "kind": "home", "at": at, "notes": "入户"})
    ranges = [(datetime.date(2025, 6, 10), datetime.date(2025, 6, 11)),
              (datetime.datetime(2025, 6, 10, 12, 0), datetime.datetime(2025, 6, 11, 9, 0)),
              ("2025-06-10", "2025-06-11T09:00")]
    for date_from, date_to in ranges:
        shown = [v["at"] for v in list_visits(office_db, date_from=date_from, date_to=date_to)]
        assert shown == ["2025-06-11T18:00:00", "2025-06-10T09:00:00"], (date_from, date_to)
    for bad in ({"date_from": "2025/06/10"}, {"date_to": "2025/06/11"}):
        with pytest.raises(ValueError):
            list_visits(office_db, **bad)


def test_a_visit_of_a_closed_case_can_be_corrected_even_when_its_case_is_sent_again(office_db):
    """A form that sends every field gives the visit's own case again: that is a correction, not a new visit."""
    case_no = open_case(office_db, {**CASE, "intake_date": "2026-01-05"}, person_values=LI).value
    visit = log_visit(office_db, {"case_id": case_no, "kind": "home", "at": "2026-02-01 09:00", "notes": "入户"}).value
    close_case(office_db, case_no, "服务目标已达成")
    update_visit(office_db, visit, {"case_id": case_no, "notes": "入户，已评估"})
    assert [v["notes"] for v in list_visits(office_db, case_id=get_case(office_db, case_no)["id"])] == ["入户，已评估"]
    other = open_case(office_db, {**CASE, "intake_date": "2026-01-05"}, person_values={**LI, "name": "王阿婆"}).value
    close_case(office_db, other, "已迁居外地")
    with pytest.raises(ValidationError):  # moving it to another closed case is still adding a visit there
        update_visit(office_db, visit, {"case_id": other})
