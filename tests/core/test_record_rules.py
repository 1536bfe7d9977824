"""Rules a reviewer found missing: dates that follow a case's or club's life, attendance marked
only once an activity has come, follow-ups only of members, one-line names, and an ID number's
own error without noise.

Rules that need another record (the case, the club, the membership) live in the local write
functions; a record's own fields (a visit before 1990, control characters) in the validators.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ningbo_sw_desktop.core import clubs
from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.demo import make_id_number
from ningbo_sw_desktop.core.errors import ValidationError
from ningbo_sw_desktop.core.i18n import set_language
from ningbo_sw_desktop.core.persons import add_person, update_person
from ningbo_sw_desktop.core.validation import (
    Checker,
    id_check_digit,
    validate_area,
    validate_case,
    validate_person,
    validate_visit,
    validate_worker,
)
from ningbo_sw_desktop.core.visits import list_visits, log_visit, update_visit
from ningbo_sw_desktop.core.workers import add_worker

TODAY = dt.date.today()
CASE = {"domain": "社会福利", "risk": "low", "problem": "独居老人"}
LI = {"name": "李秀英", "gender": "女", "birth_date": "1944-03-08", "community_id": "柳庄社区"}


def count(db, table: str) -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def person(db, name: str, seq: int, *, born=dt.date(1950, 3, 1), gender="female") -> str:
    return add_person(db, {"name": name, "gender": gender, "birth_date": born, "community_id": "柳庄社区",
                           "id_number": make_id_number("330203", born, seq, gender)}).value


def refused(excinfo) -> dict[str, str]:
    """field -> Chinese message of a refused write."""
    return {e.field: e.text.zh for e in excinfo.value.errors}


# --- 1. a club absentee follow-up is only for the club's members ----------------------------------


@pytest.fixture
def club(office_db):
    """柳庄书画社, founded 2024-03-01, with 王秀英 a member since 2024-04-01."""
    club_id = clubs.add_club(office_db, {"name": "柳庄书画社", "community_id": "柳庄社区",
                                         "founded_on": "2024-03-01"}).value
    clubs.add_member(office_db, club_id, {"joined_on": "2024-04-01"}, person=person(office_db, "王秀英", 1))
    return club_id


def test_a_club_follow_up_of_someone_never_a_member_is_refused_and_nothing_is_written(office_db, club):
    stranger = person(office_db, "赵大爷", 2, gender="male")
    with pytest.raises(ValidationError) as err:
        clubs.log_absentee_visit(office_db, "柳庄书画社", stranger)
    assert refused(err) == {"person_id": "赵大爷从未加入柳庄书画社，不能为其记录俱乐部缺勤回访"}
    assert "never been a member of 柳庄书画社" in err.value.errors[0].text.en
    assert count(office_db, "visits") == 0


def test_a_club_follow_up_of_a_member_or_a_former_member_is_logged(office_db, club):
    wang = clubs.roster(office_db, club)[0]["person_id"]
    clubs.log_absentee_visit(office_db, "柳庄书画社", wang)
    clubs.leave_club(office_db, club, wang, left_on=TODAY)
    clubs.log_absentee_visit(office_db, "柳庄书画社", wang, kind="home")  # she left: asking why is the point
    assert [v["kind"] for v in list_visits(office_db)] and count(office_db, "visits") == 2


# --- 2. dates that follow a case's and a club's life ----------------------------------------------


def test_a_visit_before_its_cases_intake_day_is_refused_naming_both_days(office_db):
    case_no = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values=LI).value
    with pytest.raises(ValidationError) as err:
        log_visit(office_db, {"case_id": case_no, "kind": "home", "at": "2025-01-01T09:00", "notes": "入户"})
    assert refused(err) == {"at": f"走访日期 2025-01-01 早于个案 {case_no} 的接案日期 2025-06-01，请核对走访时间"}
    assert err.value.errors[0].text.en == (f"the visit (2025-01-01) is before case {case_no} was opened (2025-06-01);"
                                           " please check the visit time")
    assert count(office_db, "visits") == 0
    log_visit(office_db, {"case_id": case_no, "kind": "home", "at": "2025-06-01T08:00", "notes": "接案当天入户"})
    assert count(office_db, "visits") == 1


def test_the_intake_day_is_reported_with_the_visits_other_problems(office_db):
    case_no = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values=LI).value
    with pytest.raises(ValidationError) as err:
        log_visit(office_db, {"case_id": case_no, "kind": "fly", "at": "2025-05-01T09:00", "notes": " "})
    assert set(refused(err)) == {"kind", "notes", "at"}


def test_a_visit_of_a_client_without_a_case_has_no_intake_bound(office_db):
    client = person(office_db, "孙桂英", 3)
    open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_id=client)
    log_visit(office_db, {"person_id": client, "kind": "phone", "at": "2024-05-01T09:00", "notes": "社区走访时了解"})
    assert count(office_db, "visits") == 1


def test_a_visit_before_1990_is_a_typo_whatever_it_belongs_to(office_db):
    client = person(office_db, "孙桂英", 3)
    for visit in ({"person_id": client}, {"case_id": open_case(office_db, {**CASE, "intake_date": "1989-06-01"},
                                                               person_id=client).value}):
        with pytest.raises(ValidationError) as err:
            log_visit(office_db, {**visit, "kind": "home", "at": "1900-01-01T09:00", "notes": "入户"})
        assert refused(err) == {"at": "早于 1990-01-01，应是年份写错了，请核对"}
    assert count(office_db, "visits") == 0
    clean = validate_visit({"person_id": "p1", "kind": "home", "at": "1990-01-01T00:00", "notes": "入户"})
    assert clean["at"] == "1990-01-01T00:00:00"


def test_a_visit_correction_cannot_move_it_before_its_cases_intake(office_db):
    early = open_case(office_db, {**CASE, "intake_date": "2025-01-01"}, person_values=LI).value
    late = open_case(office_db, {**CASE, "intake_date": "2025-06-01"}, person_values={**LI, "name": "王阿婆"}).value
    visit_id = log_visit(office_db, {"case_id": late, "kind": "home", "at": "2025-06-10T09:00", "notes": "入户"}).value
    with pytest.raises(ValidationError) as err:
        update_visit(office_db, visit_id, {"at": "2025-05-31T09:00"})
    assert "接案日期 2025-06-01" in refused(err)["at"]
    other = log_visit(office_db, {"case_id": early, "kind": "home", "at": "2025-02-10T09:00", "notes": "入户"}).value
    with pytest.raises(ValidationError) as err:  # moved to a case opened after it happened
        update_visit(office_db, other, {"case_id": late})
    assert "接案日期 2025-06-01" in refused(err)["at"]
    with pytest.raises(ValidationError):
        update_visit(office_db, other, {"at": "1899-12-31T09:00"})
    stored = {v["id"]: (v["case_no"], v["at"]) for v in list_visits(office_db)}
    assert stored == {visit_id: (late, "2025-06-10T09:00:00"), other: (early, "2025-02-10T09:00:00")}
    update_visit(office_db, other, {"case_id": early, "notes": "入户，补记"})  # its own case: fine
    update_visit(office_db, visit_id, {"at": "2025-06-01T07:30"})  # on the intake day: fine


def test_the_per_record_visit_check_that_sync_uses_knows_no_case():
    values = {"case_id": "c1", "kind": "home", "at": "2025-01-01T09:00:00", "notes": "入户"}
    assert validate_visit(values)["at"] == "2025-01-01T09:00:00"  # the case may arrive in a later bundle
    with pytest.raises(ValidationError):
        validate_visit(values, case_intake=dt.date(2025, 6, 1))


def test_nobody_joins_a_club_before_it_was_founded(office_db, club):
    newcomer = person(office_db, "周德明", 4, gender="male")
    with pytest.raises(ValidationError) as err:
        clubs.add_member(office_db, "柳庄书画社", {"joined_on": "2020-01-01"}, person=newcomer)
    assert refused(err) == {"joined_on": "入会日期 2020-01-01 早于俱乐部的成立日期 2024-03-01，请核对"}
    with pytest.raises(ValidationError) as err:  # a former member whose join day is unknown
        clubs.add_member(office_db, "柳庄书画社", {"left_on": "2023-12-31"}, person=newcomer)
    assert refused(err) == {"left_on": "退出日期 2023-12-31 早于俱乐部的成立日期 2024-03-01，请核对"}
    before = count(office_db, "club_members")
    with pytest.raises(ValidationError) as err:  # nor registered in the same step
        clubs.add_member(office_db, "柳庄书画社", {"joined_on": "2020-01-01"},
                         person_values={"name": "钱阿姨", "gender": "女", "birth_date": "1950-01-01"})
    assert set(refused(err)) == {"joined_on"}
    assert count(office_db, "club_members") == before and count(office_db, "persons") == 2
    member = clubs.add_member(office_db, "柳庄书画社", {"joined_on": "2024-03-01"}, person=newcomer).value
    with pytest.raises(ValidationError) as err:
        clubs.update_member(office_db, member, {"joined_on": "2024-02-29"})
    assert "成立日期 2024-03-01" in refused(err)["joined_on"]


def test_a_club_without_a_founding_day_takes_any_join_day(office_db):
    clubs.add_club(office_db, {"name": "柳庄太极队", "community_id": "柳庄社区"})
    clubs.add_member(office_db, "柳庄太极队", {"joined_on": "2010-05-01"}, person=person(office_db, "吴大伯", 5, gender="male"))
    assert clubs.roster(office_db, "柳庄太极队")[0]["joined_on"] == "2010-05-01"


def test_no_club_activity_before_the_club_was_founded(office_db, club):
    activity = {"club_id": "柳庄书画社", "title": "书法交流", "kind": "recreation", "date": "2020-11-01"}
    with pytest.raises(ValidationError) as err:
        clubs.add_activity(office_db, activity)
    assert refused(err) == {"date": "活动日期 2020-11-01 早于柳庄书画社的成立日期 2024-03-01，请核对"}
    assert "before 柳庄书画社 was founded (2024-03-01)" in err.value.errors[0].text.en
    assert count(office_db, "activities") == 0
    clubs.add_activity(office_db, {**activity, "club_id": None, "community_id": "柳庄社区"})  # community-wide: no club
    clubs.add_activity(office_db, {**activity, "date": "2024-03-01"})
    assert count(office_db, "activities") == 2


def test_present_or_absent_waits_for_the_activitys_day_but_excused_may_be_sent_ahead(office_db, club):
    today = dt.date(2026, 11, 29)
    wang = clubs.roster(office_db, club)[0]["person_id"]
    planned = clubs.add_activity(office_db, {"club_id": club, "title": "圣诞联欢", "kind": "recreation",
                                             "date": "2026-12-25"}).value
    for status in ("present", "到", "absent"):
        with pytest.raises(ValidationError) as err:
            clubs.mark_attendance(office_db, planned, wang, status, today=today)
        assert refused(err) == {"attendance": "活动日期 2026-12-25 还没到（今天是 2026-11-29）：活动前只能登记“请假”，"
                                              "“到”和“缺”请在活动当天或之后登记"}
    guest = person(office_db, "访客甲", 6)
    with pytest.raises(ValidationError):  # all or nothing
        clubs.mark_many(office_db, planned, {guest: "excused", wang: "present"}, today=today)
    assert count(office_db, "attendance") == 0
    clubs.mark_attendance(office_db, planned, wang, "请假", today=today)  # she sent word she cannot come
    clubs.mark_attendance(office_db, planned, wang, "present", today=dt.date(2026, 12, 25))  # on the day
    assert [r["status"] for r in office_db.query("SELECT status FROM attendance")] == ["present"]


def test_attendance_for_an_activity_after_the_real_today_is_refused(office_db, club):
    wang = clubs.roster(office_db, club)[0]["person_id"]
    tomorrow = clubs.add_activity(office_db, {"club_id": club, "title": "出游", "kind": "trip",
                                              "date": TODAY + dt.timedelta(days=1)}).value
    with pytest.raises(ValidationError):
        clubs.mark_attendance(office_db, tomorrow, wang, "absent")
    held = clubs.add_activity(office_db, {"club_id": club, "title": "讲座", "kind": "lecture", "date": TODAY}).value
    clubs.mark_attendance(office_db, held, wang, "present")
    assert count(office_db, "attendance") == 1


# --- 3. one-line text has no control characters ----------------------------------------------------


def test_a_name_with_a_tab_or_line_break_is_refused_as_the_cli_typed_it(office_db):
    with pytest.raises(ValidationError) as err:
        open_case(office_db, CASE, person_values={**LI, "name": "张\t三\n"})
    assert refused(err) == {"name": "不能包含制表符（Tab），请删除后重新填写"}
    with pytest.raises(ValidationError) as err:
        open_case(office_db, CASE, person_values={**LI, "name": "张\n三"})
    assert refused(err) == {"name": "只能填写一行，不能包含换行，请删除换行"}
    assert count(office_db, "persons") == count(office_db, "cases") == 0
    open_case(office_db, CASE, person_values={**LI, "name": " 张三\n"})  # blank ends are trimmed, as always
    assert office_db.execute("SELECT name FROM persons").fetchone()[0] == "张三"


@pytest.mark.parametrize("bad", ["\t", "\n", "\r", "\x00", "\x07", "\x1b", "\x7f", "\x85", "\u2028", "\u2029"])
@pytest.mark.parametrize("field", ["name", "address", "registered_address", "disability_cert_no", "community_id"])
def test_one_line_person_fields_refuse_every_control_character(field, bad):
    values = {"name": "王阿婆", "gender": "女", "birth_date": "1950-06-15", "community_id": "c1", field: f"甲{bad}乙"}
    with pytest.raises(ValidationError) as err:
        validate_person(values)
    assert list(refused(err)) == [field]


@pytest.mark.parametrize(("text", "words"), [
    ("a\tb", ("制表符", "tab")), ("a\nb", ("换行", "line break")), ("a\u2028b", ("换行", "line break")),
    ("a\x07b", ("U+0007", "U+0007")), ("a\x9bb", ("U+009B", "U+009B")),
])
def test_the_message_says_which_kind_of_character_to_remove(text, words):
    c = Checker({"title": text})
    c.required("title")
    [error] = c.errors
    assert words[0] in error.text.zh and words[1] in error.text.en and c.cleaned.get("title") is None


def test_other_one_line_fields_of_every_record_refuse_control_characters(office_db):
    with pytest.raises(ValidationError) as err:
        add_worker(office_db, {"name": "陈\t丽华", "cert_no": "SG\n2018"})
    assert set(refused(err)) == {"name", "cert_no"}
    with pytest.raises(ValidationError) as err:
        validate_worker({"name": "陈丽华", "office_code": "HS\tNM"})
    assert set(refused(err)) == {"office_code"}
    with pytest.raises(ValidationError) as err:
        validate_area({"name": "柳庄\n社区", "level": "community", "parent_id": "a1", "code": "3302\t03"})
    assert set(refused(err)) == {"name", "code"}
    with pytest.raises(ValidationError) as err:
        clubs.add_club(office_db, {"name": "书画\t社", "community_id": "柳庄社区"})
    assert set(refused(err)) == {"club_name"}
    club_id = clubs.add_club(office_db, {"name": "书画社", "community_id": "柳庄社区"}).value
    with pytest.raises(ValidationError) as err:
        clubs.add_activity(office_db, {"club_id": club_id, "title": "书法\n交流", "kind": "recreation",
                                       "date": TODAY, "place": "活动室\t三楼"})
    assert set(refused(err)) == {"title", "place"}
    with pytest.raises(ValidationError) as err:
        validate_visit({"person_id": "p1", "kind": "home", "at": "2025-06-01T09:00", "notes": "入户",
                        "outcome": "好转\n稳定", "worker_id": "w\t1"})
    assert set(refused(err)) == {"outcome", "worker_id"}
    with pytest.raises(ValidationError) as err:  # a case number only ever comes from a bundle
        validate_case({"person_id": "p1", "domain": "social_welfare", "risk": "low", "problem": "独居",
                       "intake_date": "2025-01-02", "case_no": "HS-NM-2025-\t0001", "office_code": "HS\nNM"})
    assert set(refused(err)) == {"case_no", "office_code"}
    assert count(office_db, "workers") == 6 and count(office_db, "activities") == 0


def test_a_valid_case_number_is_checked_but_never_changed_by_an_edit():
    clean = validate_case({"case_no": "HS-NM-2025-0001", "office_code": "HS-NM", "plan": "每月入户"}, partial=True)
    assert clean == {"plan": "每月入户"}


def test_multi_line_fields_keep_line_breaks_but_no_other_control_character(office_db):
    case_no = open_case(office_db, {**CASE, "problem": "独居老人\n子女在外地", "goals": "一、建立支持网络\r\n二、定期探访",
                                    "plan": "每月入户\r一次"}, person_values={**LI, "notes": "耳背\n说话要大声"}).value
    case = office_db.execute("SELECT problem, goals, plan FROM cases").fetchone()
    assert tuple(case) == ("独居老人\n子女在外地", "一、建立支持网络\n二、定期探访", "每月入户\n一次")  # Windows line ends as \n
    assert office_db.execute("SELECT notes FROM persons").fetchone()[0] == "耳背\n说话要大声"
    log_visit(office_db, {"case_id": case_no, "kind": "home", "at": dt.datetime.now() - dt.timedelta(hours=1),
                          "notes": "入户了解近况\n情况稳定"})
    for bad in ("入户\t了解", "入户\x00了解", "入户\u2028了解"):
        with pytest.raises(ValidationError) as err:
            log_visit(office_db, {"case_id": case_no, "kind": "home", "at": dt.datetime.now(), "notes": bad})
        assert list(refused(err)) == ["notes"]
    with pytest.raises(ValidationError) as err:
        clubs.add_club(office_db, {"name": "书画社", "community_id": "柳庄社区", "description": "每周三\n下午\t活动"})
    assert refused(err) == {"description": "不能包含制表符（Tab），请删除后重新填写"}
    assert clubs.add_club(office_db, {"name": "书画社", "community_id": "柳庄社区", "description": "每周三\n下午活动"}).value
    assert count(office_db, "visits") == 1


def test_messages_about_characters_follow_the_language():
    set_language("en")
    with pytest.raises(ValidationError) as err:
        validate_person({"name": "张\t三", "gender": "女", "birth_date": "1950-06-15", "community_id": "c1"})
    assert str(err.value) == "Name: cannot contain a tab; please remove it"


# --- 4. a wrong ID number is reported alone --------------------------------------------------------


def _id(born: str, seq: str, *, wrong: bool = False) -> str:
    body = f"330203{born}{seq}"
    right = id_check_digit(body)
    return body + (("0" if right != "0" else "1") if wrong else right)


@pytest.mark.parametrize("number", [_id("19480510", "011", wrong=True), "33020319480510", "330203194813010110",
                                    "33020319480510011a"])
def test_a_wrong_id_number_is_the_only_problem_shown(number):
    with pytest.raises(ValidationError) as err:
        validate_person({"name": "张三", "id_number": number, "community_id": "c1"})
    assert list(refused(err)) == ["id_number"]


def test_gender_and_birth_date_typed_wrong_are_still_reported_with_a_wrong_id_number():
    values = {"name": "张三", "id_number": _id("19480510", "011", wrong=True), "community_id": "c1",
              "gender": "x", "birth_date": "1948-02-30"}
    with pytest.raises(ValidationError) as err:
        validate_person(values)
    assert set(refused(err)) == {"id_number", "gender", "birth_date"}


def test_without_an_id_number_gender_and_birth_date_are_still_required(office_db):
    with pytest.raises(ValidationError) as err:
        validate_person({"name": "张三", "community_id": "c1", "id_number": " "})
    assert set(refused(err)) == {"gender", "birth_date"}
    client = person(office_db, "孙桂英", 3)
    with pytest.raises(ValidationError) as err:  # an edit: the stored facts are kept, only the number is wrong
        update_person(office_db, client, {"id_number": _id("19500301", "003", wrong=True)})
    assert list(refused(err)) == ["id_number"]
