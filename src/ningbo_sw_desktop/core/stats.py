"""The figures supervisors report: activities held, people served, cases by domain, workers.

"People served" (受益人数) counts distinct clients with a visit in the period plus distinct
members present at an activity held in the period; a person counted by both is counted once.

An activity is *held* (开展服务活动) once its day has come: one dated after ``today`` is
planned, and neither it nor the attendance marked ahead on it counts yet. A funded service
project runs for its ``year``: it belongs to a period when that year is one of the period's
years. Workers, resident population and the open / closed case counts are as of today
(workers and areas carry no dates); the report says so.
"""

from __future__ import annotations

import datetime

from .enums import codes

# What counts is what is alive with everything it belongs to: a visit of a deleted case or of a
# deleted client, a deleted client's case and marks, an activity of a deleted club are gone with them
# (a delete never comes back). The deleted few are listed once; the visits come from a covering index.
LIVE_VISIT = ("deleted = 0 AND (case_id IS NULL OR case_id NOT IN (SELECT id FROM cases WHERE deleted = 1))"
              " AND (person_id IS NULL OR person_id NOT IN (SELECT id FROM persons WHERE deleted = 1))")
LIVE_ACTIVITY = "a.deleted = 0 AND (a.club_id IS NULL OR a.club_id NOT IN (SELECT id FROM clubs WHERE deleted = 1))"


def _period(date_from, date_to) -> tuple[str, str]:
    """ISO bounds of the period, inclusive; open ends become the widest dates."""
    start = str(date_from)[:10] if date_from else "0001-01-01"
    end = str(date_to)[:10] if date_to else "9999-12-31"
    return start, end


def statistics(db, date_from=None, date_to=None, *, today: datetime.date | str | None = None) -> dict:
    """All figures for a period (dates inclusive; None for no bound).

    ``today`` (default: the real today) is the last day on which an activity counts as held.
    """
    start, end = _period(date_from, date_to)
    held_end = min(end, str(today or datetime.date.today())[:10])
    end_next = (datetime.date.fromisoformat(end) + datetime.timedelta(days=1)).isoformat() if end != "9999-12-31" else end
    one = lambda sql, params=(): db.execute(sql, list(params)).fetchone()[0]  # noqa: E731
    workers = one("SELECT COUNT(*) FROM workers WHERE deleted = 0")
    population = one("SELECT COALESCE(SUM(population), 0) FROM areas WHERE deleted = 0 AND level = 'community'")
    by_domain = {code: {"open": 0, "closed": 0, "opened_in_period": 0} for code in codes("domain")}
    for row in db.query(
        "SELECT domain, status, COUNT(*) AS n, SUM(intake_date BETWEEN ? AND ?) AS in_period FROM cases"
        " WHERE deleted = 0 AND (person_id IS NULL OR person_id NOT IN (SELECT id FROM persons WHERE deleted = 1))"
        " GROUP BY domain, status", [start, end]):
        entry = by_domain.setdefault(row["domain"], {"open": 0, "closed": 0, "opened_in_period": 0})
        entry[row["status"]] = row["n"]
        entry["opened_in_period"] += row["in_period"] or 0
    visits_by_kind = {code: 0 for code in codes("kind")}
    for row in db.query(f"SELECT kind, COUNT(*) AS n FROM visits WHERE {LIVE_VISIT} AND at >= ? AND at < ? GROUP BY kind",
                        [start, end_next]):
        visits_by_kind[row["kind"]] = row["n"]
    served = one(
        f"SELECT COUNT(*) FROM (SELECT person_id FROM visits WHERE {LIVE_VISIT} AND at >= ? AND at < ?"
        " AND person_id IS NOT NULL"
        " UNION SELECT t.person_id FROM attendance t JOIN activities a ON a.id = t.activity_id"
        f" WHERE t.deleted = 0 AND {LIVE_ACTIVITY} AND t.status = 'present' AND a.date BETWEEN ? AND ?"
        " AND t.person_id NOT IN (SELECT id FROM persons WHERE deleted = 1))",
        [start, end_next, start, held_end])
    activities = one(f"SELECT COUNT(*) FROM activities a WHERE {LIVE_ACTIVITY} AND a.date BETWEEN ? AND ?",
                     [start, held_end])
    projects = list(db.query(
        "SELECT name, year, funder, budget, domain FROM service_projects WHERE deleted = 0"
        " AND (year BETWEEN ? AND ? OR (? AND year IS NULL)) ORDER BY year DESC, name",
        [int(start[:4]), int(end[:4]), not (date_from or date_to)]))
    return {
        "period": {"from": date_from and start, "to": date_to and end},
        "workers": workers,
        "resident_population": population,
        "workers_per_10000": round(workers * 10_000 / population, 2) if population else None,
        "cases_by_domain": by_domain,
        "cases_open": sum(v["open"] for v in by_domain.values()),
        "cases_closed": sum(v["closed"] for v in by_domain.values()),
        "visits": sum(visits_by_kind.values()),
        "visits_by_kind": visits_by_kind,
        "activities_held": activities,
        "people_served": served,
        "service_projects": projects,
        "service_project_budget": sum(p["budget"] or 0 for p in projects),
    }
