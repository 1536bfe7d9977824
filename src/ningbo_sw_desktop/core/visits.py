"""Visit logs (走访记录) and follow-ups: the contacts a worker records many times a day."""

from __future__ import annotations

import datetime
import json

from .changes import Changes
from .errors import FieldError, ValidationError
from .i18n import Text
from .parents import require_parents
from .records import get_row, insert_record, update_record
from .validation import validate_visit
from .writing import writing

# A visit's times are checked against each other (the follow-up is not before the visit).
TIME_FIELDS = ("at", "next_follow_up")
# Parents a caller may name by id (the case is found by its number, its client taken from it).
PARENT_FIELDS = ("person_id", "worker_id")


def log_visit(db, values: dict, *, actor: str | None = None) -> Changes:
    """Record one contact with a client; a case number or id is accepted in ``case_id``.

    A visit of a case is not before the case's intake day (a visit of a client alone has no such bound).
    """
    require_parents(db, values, PARENT_FIELDS)
    values, case = _with_case(db, values)
    clean = validate_visit(values, **_case_bound(case))
    with writing(db) as (clock, changes):
        changes.value = insert_record(db, clock, changes, "visits", clean, actor=actor)
    return changes


def _with_case(db, values: dict, *, stored_case: str | None = None) -> tuple[dict, dict | None]:
    """``values`` with ``case_id`` resolved from a case number or id (its client by default), and
    the case; a closed case is refused, unless it is the case the visit already has (``stored_case``:
    correcting a visit of a closed case is not adding one)."""
    from .cases import get_case

    values = dict(values)
    if not values.get("case_id"):
        return values, None
    case = get_case(db, values["case_id"])
    values["case_id"] = case["id"]
    values.setdefault("person_id", case["person_id"])
    if case["status"] == "closed" and case["id"] != stored_case:
        raise ValidationError([FieldError("case_id", Text(
            f"个案 {case['case_no']} 已结案，不能再添加走访记录", f"case {case['case_no']} is closed; no visits can be added"))])
    return values, case


def _case_bound(case: dict | None) -> dict:
    """What ``validate_visit`` needs to keep a visit on or after its case's intake day."""
    if not case or not case.get("intake_date"):
        return {}
    return {"case_intake": datetime.date.fromisoformat(case["intake_date"]), "case_no": case.get("case_no")}


def _stored_case(db, case_id: str | None) -> dict | None:
    """The live case a stored visit belongs to, if it is here (a synced visit may wait for its case)."""
    if not case_id:
        return None
    return next(db.query("SELECT id, case_no, intake_date FROM cases WHERE id = ? AND deleted = 0", [case_id]), None)


def update_visit(db, visit_id: str, values: dict, *, actor: str | None = None, seen_hlc: str | None = None) -> Changes:
    """Correct a visit log (only the fields given).

    A new case is resolved and checked as when logging; a changed time is checked with the
    stored other one, so a follow-up can never be planned before the visit it follows, and a
    changed time or case with the case's intake day, so a visit never precedes its case.
    """
    visit = get_row(db, "visits", visit_id)
    require_parents(db, values, PARENT_FIELDS)
    values, case = _with_case(db, values, stored_case=visit["case_id"])
    if values.get("case_id") == visit["case_id"]:  # the same case given again (a form sends every field)
        del values["case_id"]
    if "case_id" not in values:
        case = _stored_case(db, visit["case_id"])
    recheck = any(k in values for k in TIME_FIELDS) or bool(case and "case_id" in values)
    stored = {k: visit[k] for k in TIME_FIELDS if k not in values} if recheck else {}
    clean = validate_visit({**stored, **values}, partial=True, **_case_bound(case))
    clean = {k: v for k, v in clean.items() if k not in stored}
    with writing(db) as (clock, changes):
        update_record(db, clock, changes, "visits", visit_id, clean, actor=actor, seen_hlc=seen_hlc)
        changes.value = visit_id
    return changes


VISIT_SELECT = (
    "SELECT v.id, v.case_id, c.case_no, v.person_id, p.name AS person_name, v.worker_id, w.name AS worker,"
    " v.at, v.kind, v.duration_min, v.notes, v.outcome, v.next_follow_up, v.hlc"
    " FROM visits v LEFT JOIN cases c ON c.id = v.case_id LEFT JOIN persons p ON p.id = v.person_id"
    " LEFT JOIN workers w ON w.id = v.worker_id"
)


def _visit_filter(case_id=None, date_from=None, date_to=None, worker_id=None, kind=None) -> tuple[str, list]:
    """WHERE clause of the visit list's filters (date range inclusive)."""
    where, params = ["v.deleted = 0"], []
    for column, value in (("v.case_id", case_id), ("v.worker_id", worker_id), ("v.kind", kind)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if date_from:
        where.append("v.at >= ?")
        params.append(_as_date(date_from).isoformat())
    if date_to:
        where.append("v.at < ?")
        params.append((_as_date(date_to) + datetime.timedelta(days=1)).isoformat())
    return " AND ".join(where), params


def visit_ids(db, *, case_id: str | None = None, date_from=None, date_to=None, worker_id: str | None = None,
              kind: str | None = None, limit: int | None = None) -> list[str]:
    """Ids of the matching visits, newest first (lists load ids first, rows in pages)."""
    where, params = _visit_filter(case_id, date_from, date_to, worker_id, kind)
    sql = f"SELECT v.id FROM visits v WHERE {where} ORDER BY v.at DESC, v.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [r[0] for r in db.execute(sql, params)]


def visit_rows(db, ids: list[str]) -> list[dict]:
    """The list columns of the given visits, in the order of ``ids``."""
    if not ids:
        return []
    rows = {r["id"]: r for r in db.query(VISIT_SELECT + " WHERE v.id IN (SELECT value FROM json_each(?))",
                                          [json.dumps(ids)])}
    return [rows[i] for i in ids if i in rows]


def list_visits(db, *, case_id: str | None = None, date_from=None, date_to=None, worker_id: str | None = None,
                kind: str | None = None, limit: int | None = None) -> list[dict]:
    """Visits newest first, filtered by case, date range (inclusive), worker and kind."""
    where, params = _visit_filter(case_id, date_from, date_to, worker_id, kind)
    sql = VISIT_SELECT + f" WHERE {where} ORDER BY v.at DESC, v.id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql, params))


def due_follow_ups(db, today: datetime.date | None = None, *, limit: int | None = None) -> list[dict]:
    """Follow-ups due today or overdue: each open case's latest planned contact not yet made.

    A follow-up is done once any later visit of the same case is logged, so only the
    newest visit of each case counts; ``days_overdue`` is 0 for today.
    """
    today = today or datetime.date.today()
    sql = (
        "SELECT v.id AS visit_id, c.id AS case_id, c.case_no, p.name AS person_name, c.risk, v.next_follow_up,"
        " v.at AS last_visit, v.kind, w.name AS worker,"
        " CAST(julianday(?) - julianday(v.next_follow_up) AS INTEGER) AS days_overdue"
        " FROM cases c JOIN visits v ON v.id = (SELECT v2.id FROM visits v2 WHERE v2.case_id = c.id AND v2.deleted = 0"
        "   ORDER BY v2.at DESC, v2.id DESC LIMIT 1)"
        " LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN workers w ON w.id = v.worker_id"
        " WHERE c.deleted = 0 AND c.status = 'open' AND v.next_follow_up IS NOT NULL AND v.next_follow_up <= ?"
        " ORDER BY v.next_follow_up, c.case_no"
    )
    if limit:
        sql += f" LIMIT {int(limit)}"
    return list(db.query(sql, [today.isoformat(), today.isoformat()]))


def _as_date(value) -> datetime.date:
    """The day of a date, a date and time, or ISO text: range ends are whole days, never a time of day."""
    if isinstance(value, datetime.datetime):  # a datetime is a date too, but its isoformat() has the time
        return value.date()
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(str(value)[:10])
