"""Every figure of a period's statistics belongs to that period: projects by year, activities once held."""

from __future__ import annotations

import datetime

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.clubs import add_activity, add_club, attendance_id
from ningbo_sw_desktop.core.records import insert_record
from ningbo_sw_desktop.core.stats import statistics
from ningbo_sw_desktop.core.writing import writing

TODAY = datetime.date(2026, 11, 29)  # the day the supervisor prints; the tests never depend on the real one
# seed_reference_data's funded projects: three of 2026, one of 2025.
PROJECTS_2026 = {"南门街道亲情探访专业服务项目": 380_000, "云麓湾新宁波人融入项目": 260_000, "阳光助残康复服务项目": 450_000}
PROJECT_2025 = ("困境儿童关爱护苗项目", 300_000)


def mark(db, activity_id: str, person_id: str, status: str) -> None:
    """An attendance row as a bundle or an older version brings it (``mark_attendance`` now refuses
    "present" before the activity's day, but such rows exist, and the figures must not count them)."""
    with writing(db) as (clock, changes):
        insert_record(db, clock, changes, "attendance", {"activity_id": activity_id, "person_id": person_id,
                                                         "status": status}, record_id=attendance_id(activity_id, person_id))


def names(figures) -> set[str]:
    return {p["name"] for p in figures["service_projects"]}


def test_a_project_counts_in_the_periods_that_overlap_its_year(office_db):
    december = statistics(office_db, "2026-12-01", "2026-12-31", today=TODAY)
    assert names(december) == set(PROJECTS_2026)  # the 2025 project is not part of a December 2026 report
    assert december["service_project_budget"] == sum(PROJECTS_2026.values())
    across = statistics(office_db, "2025-07-01", "2026-06-30", today=TODAY)  # a period over two years: both years
    assert names(across) == {*PROJECTS_2026, PROJECT_2025[0]}
    assert across["service_project_budget"] == sum(PROJECTS_2026.values()) + PROJECT_2025[1]
    assert names(statistics(office_db, "2025-01-01", "2025-12-31", today=TODAY)) == {PROJECT_2025[0]}
    assert names(statistics(office_db, None, "2025-12-31", today=TODAY)) == {PROJECT_2025[0]}  # open start
    assert names(statistics(office_db, "2026-01-01", None, today=TODAY)) == set(PROJECTS_2026)  # open end
    assert statistics(office_db, "2024-01-01", "2024-12-31", today=TODAY)["service_project_budget"] == 0


def test_a_project_without_a_year_counts_only_for_all_time(office_db):
    with writing(office_db) as (clock, changes):
        insert_record(office_db, clock, changes, "service_projects",
                      {"name": "年份待定项目", "funder": "街道办事处", "budget": 10_000, "domain": "community_service"})
    assert "年份待定项目" in names(statistics(office_db, today=TODAY))
    assert "年份待定项目" not in names(statistics(office_db, "2026-01-01", "2026-12-31", today=TODAY))


def test_an_activity_dated_after_today_is_not_held_and_its_marks_serve_nobody_yet(office_db):
    person = open_case(office_db, {"domain": "社会福利", "risk": "low", "problem": "独居老人"},
                       person_values={"name": "王阿婆", "gender": "女", "birth_date": "1941-03-05",
                                      "community_id": "柳庄社区"}).first("persons")
    club = add_club(office_db, {"name": "柳庄夕阳红俱乐部", "community_id": "柳庄社区"}).value
    held = add_activity(office_db, {"club_id": club, "title": "防诈骗讲座", "kind": "lecture", "date": "2026-11-20"}).value
    planned = add_activity(office_db, {"club_id": club, "title": "冬至包饺子", "kind": "recreation",
                                       "date": "2026-12-21"}).value
    mark(office_db, planned, person, "present")  # marked ahead (an older version let it be)
    december = statistics(office_db, "2026-12-01", "2026-12-31", today=TODAY)
    assert (december["activities_held"], december["people_served"]) == (0, 0)
    year = statistics(office_db, "2026-01-01", "2026-12-31", today=TODAY)
    assert (year["activities_held"], year["people_served"]) == (1, 0)
    assert statistics(office_db, today=TODAY)["activities_held"] == 1  # all time ends today too
    mark(office_db, held, person, "present")
    assert statistics(office_db, "2026-01-01", "2026-12-31", today=TODAY)["people_served"] == 1
    on_the_day = statistics(office_db, "2026-12-01", "2026-12-31", today=datetime.date(2026, 12, 21))
    assert (on_the_day["activities_held"], on_the_day["people_served"]) == (1, 1)  # held on its own day
    assert statistics(office_db, "2026-12-01", "2026-12-31", today="2026-12-21")["activities_held"] == 1  # ISO text too


def test_today_defaults_to_the_real_today(office_db):
    club = add_club(office_db, {"name": "柳庄夕阳红俱乐部", "community_id": "柳庄社区"}).value
    real_today = datetime.date.today()
    for day in (real_today, real_today + datetime.timedelta(days=1)):
        add_activity(office_db, {"club_id": club, "title": f"活动{day}", "kind": "lecture", "date": day.isoformat()})
    assert statistics(office_db)["activities_held"] == 1


def _delete(db, table: str, record_id: str) -> None:
    """A delete as it arrives from another office (the app itself never deletes these by hand)."""
    from ningbo_sw_desktop.core.records import delete_record

    with writing(db) as (clock, changes):
        delete_record(db, clock, changes, table, record_id)


def test_what_belongs_to_a_deleted_case_client_or_club_no_longer_counts(office_db):
    """A delete never comes back: its case's visits, its client's visits and marks, its club's activities go with it."""
    from ningbo_sw_desktop.core.clubs import mark_attendance
    from ningbo_sw_desktop.core.visits import log_visit
    from ningbo_sw_desktop.reports.queries import visits_per_bucket

    people = {"domain": "社会福利", "risk": "low", "problem": "独居老人", "intake_date": "2026-05-01"}
    kept = open_case(office_db, people, person_values={"name": "王阿婆", "gender": "女", "birth_date": "1941-03-05",
                                                       "community_id": "柳庄社区"})
    gone = open_case(office_db, people, person_values={"name": "李大爷", "gender": "男", "birth_date": "1940-02-02",
                                                       "community_id": "柳庄社区"})
    for changes, day in ((kept, "2026-05-10"), (gone, "2026-05-11")):
        log_visit(office_db, {"case_id": changes.value, "kind": "home", "at": f"{day}T09:00", "notes": "入户"})
    club = add_club(office_db, {"name": "柳庄夕阳红俱乐部", "community_id": "柳庄社区", "founded_on": "2026-01-01"}).value
    activity = add_activity(office_db, {"club_id": club, "title": "茶话会", "kind": "recreation", "date": "2026-05-20"}).value
    mark_attendance(office_db, activity, kept.first("persons"), "present", today=TODAY)
    may = ("2026-05-01", "2026-05-31")
    before = statistics(office_db, *may, today=TODAY)
    assert (before["visits"], before["people_served"], before["activities_held"]) == (2, 2, 1)
    _delete(office_db, "cases", office_db.execute("SELECT id FROM cases WHERE case_no = ?", [gone.value]).fetchone()[0])
    after_case = statistics(office_db, *may, today=TODAY)
    assert (after_case["visits"], after_case["people_served"]) == (1, 1)
    assert sum(n for _, n in visits_per_bucket(office_db, *may)[1]) == 1
    _delete(office_db, "clubs", club)
    assert statistics(office_db, *may, today=TODAY)["activities_held"] == 0
    open_before = statistics(office_db, *may, today=TODAY)["cases_open"]
    _delete(office_db, "persons", kept.first("persons"))
    gone_client = statistics(office_db, *may, today=TODAY)
    assert (gone_client["visits"], gone_client["people_served"]) == (0, 0)
    assert gone_client["cases_open"] == open_before - 1  # its case goes with it, as its visits did
