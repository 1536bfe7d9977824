"""Elderly clubs as a worker runs them: rosters, activities, attendance, absentee follow-up."""

from __future__ import annotations

import datetime
import shutil

import pytest

from ningbo_sw_desktop.core import clubs
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import make_id_number
from ningbo_sw_desktop.core.errors import NotFound, ValidationError
from ningbo_sw_desktop.core.i18n import set_language
from ningbo_sw_desktop.core.ids import natural_id
from ningbo_sw_desktop.core.persons import add_person

TODAY = datetime.date.today()


def person(db, name: str, seq: int, *, born=datetime.date(1950, 3, 1), gender="female") -> str:
    """Register a client of 柳庄社区; returns the id."""
    return add_person(db, {"name": name, "gender": gender, "birth_date": born, "community_id": "柳庄社区",
                           "id_number": make_id_number("330203", born, seq, gender)}).value


@pytest.fixture
def club(office_db):
    """柳庄夕阳红 with three members who joined in 2024."""
    club_id = clubs.add_club(office_db, {"name": "柳庄夕阳红俱乐部", "community_id": "柳庄社区"}).value
    for n, name in enumerate(["王秀英", "李阿婆", "陈根宝"]):
        clubs.add_member(office_db, club_id, {"role": "leader" if n == 0 else "member", "joined_on": "2024-01-15"},
                         person=person(office_db, name, n))
    return club_id


def ids_by_name(db, club_id) -> dict[str, str]:
    return {m["name"]: m["person_id"] for m in clubs.roster(db, club_id)}


def test_a_club_is_found_by_name_or_id_and_lists_its_member_count(office_db, club):
    assert clubs.find_club(office_db, "柳庄夕阳红俱乐部")["id"] == club
    assert clubs.find_club(office_db, club)["community"] == "柳庄社区"
    assert [(c["name"], c["members"]) for c in clubs.list_clubs(office_db, "柳庄社区")] == [("柳庄夕阳红俱乐部", 3)]
    assert clubs.list_clubs(office_db, "苍水社区") == []
    with pytest.raises(NotFound):
        clubs.find_club(office_db, "不存在的俱乐部")


def test_a_club_needs_a_name_and_a_real_community_and_both_are_reported_at_once(office_db):
    with pytest.raises(ValidationError) as err:
        clubs.add_club(office_db, {"name": " ", "community_id": "柳庄"})
    assert set(err.value.by_field()) == {"club_name", "community_id"}
    assert "俱乐部名称" in str(err.value) and "柳庄社区" in str(err.value)  # label, and the close match offered
    set_language("en")
    with pytest.raises(ValidationError) as err:
        clubs.add_club(office_db, {"name": "x"})
    assert "Community: is required" in str(err.value)


def test_a_new_member_is_registered_with_the_intake_checks_in_the_same_step(office_db, club):
    born = datetime.date(1946, 8, 8)
    number = make_id_number("330203", born, 7, "male")
    changes = clubs.add_member(office_db, club, {"role": "志愿者", "tags": "独居、新宁波人"},
                               person_values={"name": "周德明", "id_number": number, "phone": "138 1234 5678"})
    assert changes.first("persons") and changes.value == changes.first("club_members")
    member = next(m for m in clubs.roster(office_db, club) if m["name"] == "周德明")
    assert (member["role"], member["tags"], member["gender"], member["phone"]) == (
        "volunteer", ["living_alone", "newcomer"], "male", "13812345678")
    assert member["joined_on"] == TODAY.isoformat()
    with pytest.raises(ValidationError) as err:  # the same ID number again: the existing client must be used
        clubs.add_member(office_db, club, person_values={"name": "周德明", "id_number": number})
    assert "已登记为服务对象 周德明" in str(err.value)


def test_bad_member_input_is_refused_field_by_field_and_nothing_is_written(office_db, club):
    before = office_db.execute("SELECT COUNT(*) FROM persons").fetchone()[0]
    with pytest.raises(ValidationError) as err:
        clubs.add_member(office_db, club, {"role": "会长", "joined_on": "2024-13-01"},
                         person_values={"name": "赵大爷", "id_number": "330203194601010000"})
    assert {"role", "joined_on", "id_number"} <= set(err.value.by_field())
    assert "校验位" in str(err.value) and "角色" in str(err.value) and "入会日期" in str(err.value)
    assert office_db.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == before


def test_a_current_member_cannot_join_twice(office_db, club):
    wang = ids_by_name(office_db, club)["王秀英"]
    with pytest.raises(ValidationError) as err:
        clubs.add_member(office_db, club, person=wang)
    assert "已是本俱乐部成员" in str(err.value)


def test_leaving_keeps_the_history_and_rejoining_adds_a_new_stay(office_db, club):
    li = ids_by_name(office_db, club)["李阿婆"]
    with pytest.raises(ValidationError) as err:
        clubs.leave_club(office_db, club, li, left_on="2023-01-01")
    assert "早于入会日期" in str(err.value)
    clubs.leave_club(office_db, club, li, left_on=TODAY - datetime.timedelta(days=3))
    assert "李阿婆" not in ids_by_name(office_db, club)
    history = [m for m in clubs.roster(office_db, club, include_left=True) if m["name"] == "李阿婆"]
    assert len(history) == 1 and history[0]["active"] is False
    assert clubs.roster(office_db, club, on=TODAY - datetime.timedelta(days=10))[1]["name"] == "李阿婆"
    with pytest.raises(ValidationError):
        clubs.leave_club(office_db, club, li)
    clubs.add_member(office_db, club, person=li)
    stays = [m for m in clubs.roster(office_db, club, include_left=True) if m["name"] == "李阿婆"]
    assert sorted(m["active"] for m in stays) == [False, True]


def test_activities_belong_to_a_club_or_a_whole_community(office_db, club):
    trip = clubs.add_activity(office_db, {"club_id": "柳庄夕阳红俱乐部", "title": "重阳节登山", "kind": "出游",
                                          "date": "2026年10月29日", "place": "慈城古县城", "worker_id": "陈丽华"}).value
    talk = clubs.add_activity(office_db, {"community_id": "柳庄社区", "title": "防诈骗讲座", "kind": "lecture",
                                          "date": "2026/11/02"}).value
    row = clubs.get_activity(office_db, trip[-8:])
    assert (row["club"], row["community"], row["kind"], row["date"], row["worker"]) == (
        "柳庄夕阳红俱乐部", "柳庄社区", "trip", "2026-10-29", "陈丽华")
    assert [a["id"] for a in clubs.list_activities(office_db, club)] == [trip]
    assert [a["id"] for a in clubs.list_activities(office_db, community="柳庄社区")] == [talk, trip]
    with pytest.raises(ValidationError) as err:
        clubs.add_activity(office_db, {"title": "", "kind": "party", "date": "someday"})
    assert set(err.value.by_field()) == {"title", "activity_kind", "date", "club_id"}
    assert "活动类型" in str(err.value) and "出游" in str(err.value)


def test_marking_attendance_again_updates_the_one_row_with_the_natural_id(office_db, club):
    activity = clubs.add_activity(office_db, {"club_id": club, "title": "书法交流", "kind": "recreation",
                                              "date": TODAY}).value
    wang = ids_by_name(office_db, club)["王秀英"]
    clubs.mark_attendance(office_db, activity, wang, "缺")
    changes = clubs.mark_attendance(office_db, activity, wang, "present")
    assert changes.updated == {"attendance": [natural_id("attendance", activity, wang)]}
    rows = list(office_db.query("SELECT id, status FROM attendance"))
    assert rows == [{"id": natural_id("attendance", activity, wang), "status": "present"}]
    assert clubs.mark_attendance(office_db, activity, wang, "到").updated == {}  # nothing changed, nothing stamped


def test_mark_many_is_all_or_nothing_and_the_sheet_has_totals(office_db, club):
    activity = clubs.add_activity(office_db, {"club_id": club, "title": "健康体检", "kind": "health_check",
                                              "date": TODAY}).value
    people = ids_by_name(office_db, club)
    with pytest.raises(ValidationError) as err:
        clubs.mark_many(office_db, activity, {people["王秀英"]: "present", people["李阿婆"]: "maybe"})
    assert "出勤" in str(err.value)
    assert office_db.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == 0
    clubs.mark_many(office_db, activity, [(people["王秀英"], "present"), (people["李阿婆"], "请假")])
    sheet = clubs.attendance_sheet(office_db, activity)
    assert sheet["totals"] == {"present": 1, "absent": 0, "excused": 1, "unmarked": 1, "total": 3}
    assert {r["name"]: r["status"] for r in sheet["rows"]} == {"王秀英": "present", "李阿婆": "excused", "陈根宝": None}


def test_a_guest_marked_at_an_activity_is_on_its_sheet(office_db, club):
    activity = clubs.add_activity(office_db, {"club_id": club, "title": "讲座", "kind": "lecture", "date": TODAY}).value
    guest = person(office_db, "访客甲", 30)
    clubs.mark_attendance(office_db, activity, guest, "present")
    rows = clubs.attendance_sheet(office_db, activity)["rows"]
    assert rows[-1]["name"] == "访客甲" and rows[-1]["member_id"] is None and len(rows) == 4


def test_two_offices_marking_the_same_attendance_converge_on_one_row(office_db, club, tmp_path, db_path):
    activity = clubs.add_activity(office_db, {"club_id": club, "title": "出游", "kind": "trip", "date": TODAY}).value
    wang = ids_by_name(office_db, club)["王秀英"]
    office_db.close()
    other_path = tmp_path / "other-office.db"
    shutil.copy(db_path, other_path)  # the second office holds the same club, people and activity
    here, there = connect(db_path), connect(other_path)
    there.execute("UPDATE meta SET value = 'ffffffffffffffff' WHERE key = 'device_id'")
    clubs.mark_attendance(here, activity, wang, "present")
    clubs.mark_attendance(there, activity, wang, "absent")
    theirs = next(there.query("SELECT * FROM attendance"))
    ours = next(here.query("SELECT * FROM attendance"))
    assert theirs["id"] == ours["id"] == clubs.attendance_id(activity, wang) and theirs["origin"] != ours["origin"]
    here["attendance"].upsert(theirs, pk="id")  # whatever the merge rule picks, there is one row
    assert here.execute("SELECT COUNT(*) FROM attendance").fetchone()[0] == 1
    here.close()
    there.close()


def mark_series(db, club_id, statuses: dict[str, list]) -> list[str]:
    """Hold len(list) past activities; statuses[name][k] is the mark at activity k (oldest first)."""
    people = ids_by_name(db, club_id)
    count = len(next(iter(statuses.values())))
    activities = []
    for k in range(count):
        day = TODAY - datetime.timedelta(days=7 * (count - k))
        activities.append(clubs.add_activity(db, {"club_id": club_id, "title": f"活动{k}", "kind": "recreation",
                                                  "date": day}).value)
        marks = {people[name]: marks[k] for name, marks in statuses.items() if marks[k]}
        if marks:
            clubs.mark_many(db, activities[-1], marks)
    return activities


def test_absentees_missed_each_of_the_last_n_activities_and_excused_is_not_missed(office_db, club):
    mark_series(office_db, club, {"王秀英": ["present", "absent", None, "absent"],
                                  "李阿婆": ["absent", "absent", "excused", "absent"],
                                  "陈根宝": ["absent", "present", "absent", "absent"]})
    clubs.add_activity(office_db, {"club_id": club, "title": "下周出游", "kind": "trip",
                                   "date": TODAY + datetime.timedelta(days=7)})  # planned: not held yet
    assert [m["name"] for m in clubs.absentees(office_db, club, 3)] == ["王秀英"]
    assert sorted(m["name"] for m in clubs.absentees(office_db, club, 2)) == ["王秀英", "陈根宝"]
    wang = clubs.absentees(office_db, club, 3)[0]
    assert wang["missed"] == 3 and wang["last_present"] == (TODAY - datetime.timedelta(days=28)).isoformat()
    assert clubs.absentees(office_db, club, 5) == []  # the club has held only four
    with pytest.raises(ValidationError):
        clubs.absentees(office_db, club, 0)


def test_a_newcomer_is_not_an_absentee_for_activities_before_joining(office_db, club):
    mark_series(office_db, club, {"王秀英": ["present", "present"]})
    clubs.add_member(office_db, club, {"joined_on": TODAY - datetime.timedelta(days=10)},
                     person=person(office_db, "新成员", 40))
    names = [m["name"] for m in clubs.absentees(office_db, club, 2)]
    assert "新成员" not in names and {"李阿婆", "陈根宝"} <= set(names)


def test_one_click_follow_up_logs_a_visit_of_the_absentee(office_db, club):
    mark_series(office_db, club, {"陈根宝": ["absent", "absent"]})
    chen = ids_by_name(office_db, club)["陈根宝"]
    clubs.log_absentee_visit(office_db, club, chen, worker_id=None)
    visit = next(office_db.query("SELECT person_id, kind, notes FROM visits"))
    assert visit["person_id"] == chen and visit["kind"] == "phone" and "柳庄夕阳红俱乐部" in visit["notes"]
    assert {m["name"]: m["last_visit"] for m in clubs.absentees(office_db, club, 2)}["陈根宝"] is not None


def test_the_demo_clubs_come_with_rosters_activities_and_attendance(db):
    from ningbo_sw_desktop.core.demo import load_demo

    load_demo(db, persons=60)
    club = clubs.list_clubs(db)[0]
    activity = clubs.list_activities(db, club["id"])[0]
    sheet = clubs.attendance_sheet(db, activity["id"])
    assert sheet["totals"]["total"] == club["members"] > 0
    assert sheet["totals"]["present"] == activity["present"]
