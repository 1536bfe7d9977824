"""Cases (个案): intake, edits, closing, and the queries the case list and detail use.

Case numbers are ``OFFICE-YEAR-SEQ`` (``HS-NM-2026-0042``): readable, and unique across
the city because each office has its own code.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .changes import Changes
from .errors import FieldError, NotFound, ValidationError
from .i18n import Text
from .office import device_role, get_meta
from .parents import missing_parents, require_parents
from .persons import checked_person, get_person
from .records import insert_record, update_record
from .validation import validate_case
from .writing import writing

# Parents a case names by id: its client, program and worker.
PARENT_FIELDS = ("person_id", "program_id", "worker_id")


def next_case_no(db, office_code: str, year: int) -> str:
    """The next free number of this office and year (inside the write transaction)."""
    prefix = f"{office_code}-{year}-"
    row = db.execute(
        "SELECT MAX(CAST(substr(case_no, ?) AS INTEGER)) FROM cases WHERE case_no >= ? AND case_no < ?",
        [len(prefix) + 1, prefix, prefix[:-1] + "."],
    ).fetchone()
    return f"{prefix}{(row[0] or 0) + 1:04d}"


def _office_code(db) -> str:
    """This office's code, or a clear refusal when the office was never set up."""
    code = get_meta(db, "office_code")
    if not code:
        raise ValidationError([FieldError("office_code", Text(
            "尚未设置办公点代码，请先运行 ningbo-sw init 或在“设置”中填写",
            "the office code is not set; run `ningbo-sw init` or fill it in Settings"))])
    return code


def open_case(db, case_values: dict, *, person_id: str | None = None, person_values: dict | None = None,
              actor: str | None = None) -> Changes:
    """Intake: open a case for an existing client or one registered in the same step.

    Everything is validated before anything is written; ``Changes.value`` is the case number.
    """
    office_code = _office_code(db)
    errors = missing_parents(db, {**case_values, "person_id": person_id}, PARENT_FIELDS)
    person_clean = None
    if person_id:
        known = not any(e.field == "person_id" for e in errors)
        birth = get_person(db, person_id)["birth_date"] if known else None
    else:
        try:
            person_clean = checked_person(db, person_values or {})
            birth = person_clean.get("birth_date")
        except ValidationError as exc:
            errors += exc.errors
            birth = None
    try:
        birth_date = datetime.date.fromisoformat(birth) if birth else None
        case_clean = validate_case({**case_values, "person_id": person_id or "pending"}, birth_date=birth_date)
    except ValidationError as exc:
        errors += exc.errors
    if errors:
        raise ValidationError(errors)
    with writing(db) as (clock, changes):
        if person_clean is not None:
            person_id = insert_record(db, clock, changes, "persons", person_clean, actor=actor)
        case_clean["person_id"] = person_id
        case_clean["office_code"] = office_code
        case_clean["case_no"] = next_case_no(db, office_code, int(case_clean["intake_date"][:4]))
        insert_record(db, clock, changes, "cases", case_clean, actor=actor)
        changes.value = case_clean["case_no"]
    return changes


# Fields checked against one another (dates in order, a closed case has its day and reason).
CLOSING_FIELDS = ("intake_date", "status", "closed_on", "close_reason")


def update_case(db, case_id: str, values: dict, *, actor: str | None = None, seen_hlc: str | None = None) -> Changes:
    """Edit a case's facts, goals or plan (only the fields given)."""
    return _write_case_change(db, get_case(db, case_id), values, actor=actor, seen_hlc=seen_hlc)


def close_case(db, case_ref: str, reason: str, *, closed_on=None, actor: str | None = None) -> Changes:
    """Close a case with its reason (the closing date defaults to today)."""
    case = get_case(db, case_ref)
    if case["status"] == "closed":
        raise ValidationError([FieldError("status", Text(f"个案 {case['case_no']} 已经结案", f"case {case['case_no']} is already closed"))])
    values = {"status": "closed", "close_reason": reason, "closed_on": closed_on or datetime.date.today()}
    return _write_case_change(db, case, values, actor=actor)


def reassign_case(db, case_ref: str, *, office_code: str | None = None, worker_id: str | None = None,
                  actor: str | None = None) -> Changes:
    """A supervisor hands an open case to another office (and/or worker); the next bundles carry it there.

    Only a supervisor's database may move a case between offices: a case belongs to the office
    whose code it carries, and that office's share of every supervisor bundle is its cases with
    their clients and visits — so the case arrives at the new office with its history. The office
    must be one this database knows (a trusted device, a worker's or a case's office), the worker
    a live one of that office. Changing only the worker is an ordinary edit anywhere.
    """
    case = get_case(db, case_ref)
    errors: list[FieldError] = []
    values: dict = {}
    if case["status"] == "closed":
        errors.append(FieldError("status", Text(f"个案 {case['case_no']} 已结案，不能转派",
                                                f"case {case['case_no']} is closed and cannot be reassigned")))
    code = (office_code or "").strip().upper() or None
    if code is not None and code != case["office_code"]:
        if device_role(db) != "supervisor":
            errors.append(FieldError("office_code", Text("只有督导的电脑可以把个案转派给其他办公点",
                                                         "only a supervisor's computer can move a case to another office")))
        elif code not in (offices := known_offices(db)):
            known = "、".join(sorted(offices)) or "—"
            errors.append(FieldError("office_code", Text(f"不认识办公点 {code}（已知：{known}）",
                                                         f"no office {code} is known here (known: {known})")))
        values["office_code"] = code
    if worker_id:
        errors += missing_parents(db, {"worker_id": worker_id}, ["worker_id"])
        row = db.execute("SELECT name, office_code FROM workers WHERE id = ?", [worker_id]).fetchone()
        target = code or case["office_code"]
        if row and row[1] and target and row[1] != target:
            errors.append(FieldError("worker_id", Text(f"社工 {row[0]} 属于办公点 {row[1]}，不是 {target}",
                                                       f"worker {row[0]} belongs to office {row[1]}, not {target}")))
        if worker_id != case["worker_id"]:
            values["worker_id"] = worker_id
    if errors:
        raise ValidationError(errors)
    with writing(db) as (clock, changes):
        if values:
            update_record(db, clock, changes, "cases", case["id"], values, actor=actor)
        changes.value = case["case_no"]
    return changes


def known_offices(db) -> set[str]:
    """Office codes this database has met: trusted devices, workers, cases."""
    return {r[0] for r in db.execute(
        "SELECT office_code FROM sync_peers UNION SELECT office_code FROM workers WHERE deleted = 0"
        " UNION SELECT office_code FROM cases WHERE deleted = 0") if r[0]}


def _write_case_change(db, case: dict, values: dict, *, actor: str | None, seen_hlc: str | None = None) -> Changes:
    """Validate a change with the stored case it depends on, then write only what changes.

    A change to a closing field is checked with the stored others, so a partial edit cannot
    leave an open case with a closing day or a closing day before intake; the client's
    birth date bounds the intake date only when that date is being changed, and so does the
    case's earliest visit: a case is not opened after a visit already logged for it.
    """
    require_parents(db, values, PARENT_FIELDS)
    given = any(name in values for name in CLOSING_FIELDS)
    stored = {name: case[name] for name in CLOSING_FIELDS if given and name not in values}
    birth = (case["person"] or {}).get("birth_date") if "intake_date" in values else None
    clean = validate_case({**stored, **values}, partial=True,
                          birth_date=datetime.date.fromisoformat(birth) if birth else None)
    # Stored fields are written only when validation filled a blank one (a closing day of today).
    clean = {k: v for k, v in clean.items() if k in values or stored.get(k) in (None, "")}
    if clean.get("intake_date") and clean["intake_date"] != case["intake_date"]:
        _check_intake_before_visits(db, case, clean["intake_date"])
    with writing(db) as (clock, changes):
        update_record(db, clock, changes, "cases", case["id"], clean, actor=actor, seen_hlc=seen_hlc)
        changes.value = case["case_no"]
    return changes


def _check_intake_before_visits(db, case: dict, intake: str) -> None:
    """Refuse a new intake date after the case's earliest live visit (``log_visit`` refuses such visits)."""
    earliest = db.execute("SELECT MIN(at) FROM visits WHERE case_id = ? AND deleted = 0", [case["id"]]).fetchone()[0]
    day = str(earliest)[:10] if earliest else None
    if day and day < str(intake)[:10]:
        raise ValidationError([FieldError("intake_date", Text(
            f"接案日期 {intake} 晚于个案 {case['case_no']} 最早的走访记录（{day}），请核对接案日期",
            f"the intake date {intake} is after case {case['case_no']}'s earliest visit ({day}); please check the intake date"))])


CASE_SELECT = (
    "SELECT c.id, c.case_no, c.person_id, p.name AS person_name, p.gender, p.birth_date, p.id_number, p.phone,"
    " c.domain, c.program_id, g.name AS program, c.intake_date, c.referral_source, c.problem, c.risk, c.goals,"
    " c.plan, c.status, c.closed_on, c.close_reason, c.worker_id, w.name AS worker, p.community_id,"
    " a.name AS community, c.office_code, c.hlc, c.updated_at,"
    " (SELECT MAX(v.at) FROM visits v WHERE v.case_id = c.id AND v.deleted = 0) AS last_visit"
    " FROM cases c LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN workers w ON w.id = c.worker_id"
    " LEFT JOIN areas a ON a.id = p.community_id LEFT JOIN programs g ON g.id = c.program_id"
)


def get_case(db, case_ref: str, *, with_visits: bool = False) -> dict:
    """A live case by case number (in any letter case, as typed off a paper file) or id, with its
    client (and visits, newest first)."""
    ref = case_ref.strip()
    row = next(db.query(CASE_SELECT + " WHERE (c.case_no = ? OR c.id = ?) AND c.deleted = 0",
                        [ref.upper(), ref.lower()]), None)
    if row is None:
        raise NotFound(Text(f"找不到个案“{case_ref}”", f"No case “{case_ref}”"))
    # A client deleted at another office leaves the case workable (closing it, at least).
    row["person"] = get_person(db, row["person_id"], include_deleted=True) if row["person_id"] else {}
    if with_visits:
        from .visits import list_visits

        row["visits"] = list_visits(db, case_id=row["id"])
    return row


@dataclass
class CaseFilter:
    """What the case list shows: search words and the filters beside it."""

    search: str = ""
    status: str | None = None
    domain: str | None = None
    risk: str | None = None
    community_id: str | None = None
    worker_id: str | None = None


SORT_COLUMNS = {
    "case_no": "c.case_no", "person_name": "p.name_pinyin", "domain": "c.domain", "risk":
    "CASE c.risk WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END",
    "status": "c.status", "intake_date": "c.intake_date", "worker": "w.name", "community": "a.name",
}


def case_ids(db, filt: CaseFilter | None = None, *, sort: str | None = None, descending: bool = False,
             limit: int | None = None) -> list[str]:
    """Ids of the cases matching ``filt``: by search rank, or sorted in SQL when ``sort`` is given."""
    filt = filt or CaseFilter()
    where, params = ["c.deleted = 0"], []
    for column, value in (("c.status", filt.status), ("c.domain", filt.domain), ("c.risk", filt.risk),
                          ("p.community_id", filt.community_id), ("c.worker_id", filt.worker_id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    ranked: list[str] | None = None
    if filt.search.strip():
        from .search import matching_case_ids

        ranked = matching_case_ids(db, filt.search)
        if not ranked:
            return []
        where.append("c.id IN (SELECT value FROM json_each(?))")
        params.append(_json_list(ranked))
    order = SORT_COLUMNS.get(sort or "", None)
    if order is None and ranked is None:
        order, descending = "c.intake_date", True if sort is None else descending
    sql = ("SELECT c.id FROM cases c LEFT JOIN persons p ON p.id = c.person_id LEFT JOIN workers w ON w.id = c.worker_id"
           " LEFT JOIN areas a ON a.id = p.community_id WHERE " + " AND ".join(where))
    if order:
        sql += f" ORDER BY {order} {'DESC' if descending else 'ASC'}, c.case_no {'DESC' if descending else 'ASC'}"
    if limit and order is not None:
        sql += f" LIMIT {int(limit)}"
    ids = [r[0] for r in db.execute(sql, params)]
    if order is None and ranked is not None:
        rank = {case_id: i for i, case_id in enumerate(ranked)}
        ids.sort(key=rank.__getitem__)  # best first; only then cut to the limit
        ids = ids[:limit] if limit else ids
    return ids


def case_rows(db, ids: list[str]) -> list[dict]:
    """The list columns of the given cases, in the order of ``ids``."""
    if not ids:
        return []
    rows = {r["id"]: r for r in db.query(CASE_SELECT + " WHERE c.id IN (SELECT value FROM json_each(?))", [_json_list(ids)])}
    return [rows[i] for i in ids if i in rows]


def list_cases(db, filt: CaseFilter | None = None, *, limit: int = 200) -> list[dict]:
    """Cases for the CLI's ``case list``: ids then rows."""
    return case_rows(db, case_ids(db, filt, limit=limit))


def open_cases_by_risk(db) -> dict[str, int]:
    """How many open cases there are at each risk level (the Today page)."""
    return {r["risk"]: r["n"] for r in db.query(
        "SELECT risk, COUNT(*) AS n FROM cases WHERE deleted = 0 AND status = 'open' GROUP BY risk")}


def _json_list(values: list[str]) -> str:
    import json

    return json.dumps(values)
