"""Elderly clubs (老年俱乐部): rosters, activities, attendance and absentee follow-up.

A membership is a row per stay: leaving sets ``left_on`` and rejoining adds a new row, so
the history of who belonged when is kept. A person is a member on day D when they joined
on or before D and had not left by D (``left_on`` > D), the same rule the sign-in sheet uses.

Attendance ids are ``natural_id("attendance", activity, person)``: two offices marking the
same person at the same activity write the same row, and re-marking updates it.

Dates follow the club's life: nobody joins (or leaves) a club and no activity of it is held
before the day it was founded, when that day is known. Attendance is marked on or after the
activity's day; before it only "excused" (请假: word sent ahead) can be recorded, so a planned
activity never counts anyone as present or absent.

Absentees: a member is followed up after missing each of the club's last N activities held
so far. Absent and unmarked count as missed; **excused does not** — whoever sent word
has already been heard from, and the follow-up is for people who went quiet. Activities
before a member joined are not counted against them.
"""

from __future__ import annotations

import datetime as dt
import json

from .areas import find_community
from .changes import Changes
from .errors import FieldError, NotFound, ValidationError
from .i18n import Text
from .ids import natural_id
from .persons import checked_person, find_person
from .records import insert_record, update_record
from .validation import Checker
from .visits import log_visit
from .writing import writing

MISSED = {"absent", None}
AHEAD_OK = {"excused"}  # the only attendance that can be known before the activity's day


def _refuse(field: str, zh: str, en: str) -> ValidationError:
    """One field's refusal, in both languages."""
    return ValidationError([FieldError(field, Text(zh, en))])


# --- clubs ----------------------------------------------------------------------------------------


def add_club(db, values: dict, *, actor: str | None = None) -> Changes:
    """Found a club in a community (given by name or id); ``Changes.value`` is its id."""
    c = Checker({**values, "club_name": values.get("name")})
    name = c.required("club_name")
    c.optional_text("description")
    c.date("founded_on", not_future=True)
    community = None
    if not str(values.get("community_id") or "").strip():
        c.add("community_id", Text("必填，请选择俱乐部所在社区", "is required; choose the club's community"))
    else:
        try:
            community = find_community(db, values["community_id"])
        except ValidationError as exc:
            c.errors += exc.errors
    if name and community and _club_named(db, name, community["id"]):
        c.add("club_name", Text(f"{community['name']}已有名为“{name}”的俱乐部", f"{community['name']} already has a club “{name}”"))
    c.raise_if_any()
    row = {"name": name, "community_id": community["id"], "description": c.cleaned.get("description"),
           "founded_on": c.cleaned.get("founded_on")}
    with writing(db) as (clock, changes):
        changes.value = insert_record(db, clock, changes, "clubs", row, actor=actor)
    return changes


def _club_named(db, name: str, community_id: str) -> bool:
    return db.execute("SELECT 1 FROM clubs WHERE deleted = 0 AND name = ? AND community_id = ?",
                      [name, community_id]).fetchone() is not None


CLUB_SELECT = (
    "SELECT c.id, c.name, c.community_id, a.name AS community, c.description, c.founded_on, c.hlc,"
    " (SELECT COUNT(*) FROM club_members m JOIN persons p ON p.id = m.person_id WHERE m.club_id = c.id"
    "  AND m.deleted = 0 AND p.deleted = 0 AND (m.left_on IS NULL OR m.left_on > :today)) AS members,"
    " (SELECT MAX(t.date) FROM activities t WHERE t.club_id = c.id AND t.deleted = 0 AND t.date <= :today)"
    "  AS last_activity"
    " FROM clubs c LEFT JOIN areas a ON a.id = c.community_id WHERE c.deleted = 0"
)


def list_clubs(db, community: str | None = None) -> list[dict]:
    """Live clubs (of one community, by name or id) with current member count, by name."""
    params = {"today": dt.date.today().isoformat()}
    sql = CLUB_SELECT
    if community:
        sql += " AND c.community_id = :community"
        params["community"] = find_community(db, community)["id"]
    return list(db.query(sql + " ORDER BY a.name, c.name", params))


def find_club(db, name_or_id: str) -> dict:
    """A club by id or exact name (the CLI's ``--club``); a name shared by two clubs needs the id."""
    text = (name_or_id or "").strip()
    rows = list(db.query(CLUB_SELECT + " AND (c.id = :ref OR c.name = :ref)",
                         {"today": dt.date.today().isoformat(), "ref": text}))
    if len(rows) > 1:
        raise _refuse("club_id", f"有多个名为“{text}”的俱乐部，请用编号指定", f"several clubs are called “{text}”; give its id")
    if not rows:
        raise NotFound(Text(f"找不到俱乐部“{text}”", f"No club “{text}”"))
    return rows[0]


# --- members ----------------------------------------------------------------------------------------


def validate_member(values: dict, *, partial: bool = False, joined_on=None, today: dt.date | None = None,
                    founded_on=None) -> dict:
    """A stay in a club: role (default member), joined (default today), left not before joined.

    ``founded_on`` (the club's founding day, given by the local write functions; sync import,
    which may bring the membership before its club, does not) bounds both days from below.
    """
    c = Checker(values, today=today)
    founded = dt.date.fromisoformat(str(founded_on)[:10]) if founded_on else None
    if not partial or "role" in values:
        c.enum("role", "role", default=None if partial else "member")
    joined = c.date("joined_on", not_future=True) if not partial or "joined_on" in values else None
    if not partial and joined is None and not c.failed("joined_on") and not values.get("left_on"):
        joined = c.today  # a new member joins today unless told; a former member's join day may be unknown
        c.cleaned["joined_on"] = joined.isoformat()
    if joined and founded and joined < founded:
        c.add("joined_on", Text(f"入会日期 {joined} 早于俱乐部的成立日期 {founded}，请核对",
                                f"joined on {joined}, before the club was founded ({founded}); please check the dates"))
    if "left_on" in values:
        floor = joined or joined_on
        left = c.date("left_on", not_future=True, not_before=floor, not_before_text=Text(
            f"退出日期早于入会日期（{floor}），请核对", f"left before joining ({floor}); please check the dates"))
        if left and founded and left < founded:
            c.add("left_on", Text(f"退出日期 {left} 早于俱乐部的成立日期 {founded}，请核对",
                                  f"left on {left}, before the club was founded ({founded}); please check the dates"))
    if not partial or "tags" in values:
        c.tags("tags")
        c.cleaned.setdefault("tags", [])
    c.raise_if_any()
    return c.cleaned


def add_member(db, club: str, values: dict | None = None, *, person: str | None = None,
               person_values: dict | None = None, actor: str | None = None) -> Changes:
    """Enrol an existing client (id or ID number) or register a new one, checked as at intake.

    ``values`` holds role, joined_on and tags; ``Changes.value`` is the membership id.
    """
    club_row = find_club(db, club)
    errors: list[FieldError] = []
    person_clean = person_row = None
    if person:
        person_row = find_person(db, person)
    else:
        try:
            person_clean = checked_person(db, {"community_id": club_row["community_id"], **(person_values or {})})
        except ValidationError as exc:
            errors += exc.errors
    try:
        member = validate_member(values or {}, founded_on=club_row["founded_on"])
    except ValidationError as exc:
        errors += exc.errors
    if person_row and (current := current_membership(db, club_row["id"], person_row["id"])):
        errors.append(FieldError("person_id", Text(
            f"{person_row['name']}自 {current['joined_on'] or '—'} 起已是本俱乐部成员",
            f"{person_row['name']} is already a member (since {current['joined_on'] or '—'})")))
    if errors:
        raise ValidationError(errors)
    with writing(db) as (clock, changes):
        person_id = person_row["id"] if person_row else insert_record(db, clock, changes, "persons", person_clean, actor=actor)
        changes.value = insert_record(db, clock, changes, "club_members",
                                      {**member, "club_id": club_row["id"], "person_id": person_id}, actor=actor)
    return changes


def current_membership(db, club_id: str, person_id: str) -> dict | None:
    """The person's open stay in the club (not left, or leaving later), if any."""
    return next(db.query(
        "SELECT * FROM club_members WHERE deleted = 0 AND club_id = ? AND person_id = ?"
        " AND (left_on IS NULL OR left_on > ?) ORDER BY joined_on DESC LIMIT 1",
        [club_id, person_id, dt.date.today().isoformat()]), None)


def update_member(db, member_id: str, values: dict, *, actor: str | None = None, seen_hlc: str | None = None) -> Changes:
    """Change a stay's role, dates or tags (only the fields given)."""
    row = _member_row(db, member_id)
    founded = db.execute("SELECT founded_on FROM clubs WHERE id = ? AND deleted = 0", [row["club_id"]]).fetchone()
    clean = validate_member(values, partial=True, joined_on=row["joined_on"], founded_on=founded and founded[0])
    with writing(db) as (clock, changes):
        update_record(db, clock, changes, "club_members", member_id, clean, actor=actor, seen_hlc=seen_hlc)
        changes.value = member_id
    return changes


def leave_club(db, club: str, person: str, *, left_on=None, actor: str | None = None) -> Changes:
    """End a person's stay in a club on ``left_on`` (default today); the stay stays in history."""
    club_row = find_club(db, club)
    person_row = find_person(db, person)
    current = current_membership(db, club_row["id"], person_row["id"])
    if current is None:
        raise _refuse("person_id", f"{person_row['name']}目前不是{club_row['name']}的成员",
                      f"{person_row['name']} is not a current member of {club_row['name']}")
    return update_member(db, current["id"], {"left_on": left_on or dt.date.today()}, actor=actor)


def _member_row(db, member_id: str) -> dict:
    row = next(db.query("SELECT * FROM club_members WHERE id = ? AND deleted = 0", [member_id]), None)
    if row is None:
        raise NotFound(Text(f"找不到成员记录 {member_id}", f"No membership {member_id}"))
    return row


def roster(db, club: str, *, include_left: bool = False, on=None) -> list[dict]:
    """A club's members on a day (default today), or every stay ever, by pinyin name."""
    club_id = find_club(db, club)["id"]
    day = (on or dt.date.today()).isoformat() if not isinstance(on, str) else on
    where = "" if include_left else " AND (m.joined_on IS NULL OR m.joined_on <= :day) AND (m.left_on IS NULL OR m.left_on > :day)"
    rows = list(db.query(
        "SELECT m.id AS member_id, m.person_id, m.role, m.joined_on, m.left_on, m.tags, m.hlc, p.name, p.gender,"
        " p.birth_date, p.id_number, p.phone, p.tags AS person_tags FROM club_members m JOIN persons p ON p.id = m.person_id"
        f" WHERE m.club_id = :club AND m.deleted = 0 AND p.deleted = 0{where}"
        " ORDER BY p.name_pinyin, p.name, m.joined_on, m.id", {"club": club_id, "day": day}))
    for r in rows:
        r["tags"] = json.loads(r["tags"] or "[]")
        r["person_tags"] = json.loads(r["person_tags"] or "[]")
        r["active"] = (r["joined_on"] or "") <= day and (r["left_on"] is None or r["left_on"] > day)
    return rows


# --- activities -------------------------------------------------------------------------------------


def add_activity(db, values: dict, *, actor: str | None = None) -> Changes:
    """Plan or record an activity of a club (``club_id``) or of a whole community (``community_id``)."""
    from .workers import find_worker

    c = Checker({**values, "activity_kind": values.get("kind")})
    row = {"title": c.required("title"), "kind": c.enum("activity_kind", "activity_kind")}
    day = c.date("date", required=True)
    row.update(date=day.isoformat() if day else None, place=c.optional_text("place", 200), notes=c.optional_text("notes"))
    found = {}
    for field, find in (("club_id", find_club), ("community_id", find_community), ("worker_id", find_worker)):
        if str(values.get(field) or "").strip():
            try:
                found[field] = find(db, values[field])
                row[field] = found[field]["id"]
            except (ValidationError, NotFound) as exc:
                c.errors += getattr(exc, "errors", [FieldError(field, exc.text)])
    if club_row := found.get("club_id"):
        row["community_id"] = club_row["community_id"]
        founded = club_row["founded_on"]
        if day and founded and day.isoformat() < founded:
            c.add("date", Text(f"活动日期 {day} 早于{club_row['name']}的成立日期 {founded}，请核对",
                               f"the activity ({day}) is before {club_row['name']} was founded ({founded}); please check the date"))
    elif not row.get("community_id") and not c.failed("club_id") and not c.failed("community_id"):
        c.add("club_id", Text("请选择俱乐部，或社区范围活动所在的社区", "choose the club, or the community of a community-wide activity"))
    c.raise_if_any()
    with writing(db) as (clock, changes):
        changes.value = insert_record(db, clock, changes, "activities", row, actor=actor)
    return changes


ACTIVITY_SELECT = (
    "SELECT t.id, t.title, t.kind, t.date, t.place, t.club_id, c.name AS club, t.community_id, a.name AS community,"
    " t.worker_id, w.name AS worker, t.notes, t.hlc,"
    " (SELECT COUNT(*) FROM attendance n WHERE n.activity_id = t.id AND n.deleted = 0 AND n.status = 'present') AS present"
    " FROM activities t LEFT JOIN clubs c ON c.id = t.club_id LEFT JOIN areas a ON a.id = t.community_id"
    " LEFT JOIN workers w ON w.id = t.worker_id WHERE t.deleted = 0"
)


def list_activities(db, club: str | None = None, *, community: str | None = None, community_wide: bool = False,
                    limit: int = 500) -> list[dict]:
    """Activities newest first: of one club (and, if asked, its community's community-wide ones), or of a community."""
    sql, params = ACTIVITY_SELECT, []
    if club:
        club_row = find_club(db, club)
        sql += " AND (t.club_id = ? OR (? AND t.club_id IS NULL AND t.community_id = ?))"
        params += [club_row["id"], int(community_wide), club_row["community_id"]]
    if community:
        sql += " AND t.community_id = ?"
        params.append(find_community(db, community)["id"])
    return list(db.query(sql + f" ORDER BY t.date DESC, t.id DESC LIMIT {int(limit)}", params))


def get_activity(db, ref: str) -> dict:
    """An activity by id, or by the last characters of its id (at least 6, the random part) when unique."""
    text = (ref or "").strip().lower()
    rows = list(db.query(ACTIVITY_SELECT + " AND t.id = ?", [text]))
    if not rows and len(text) >= 6:
        rows = list(db.query(ACTIVITY_SELECT + " AND t.id LIKE ? LIMIT 2", ["%" + text]))
    if len(rows) != 1:
        raise NotFound(Text(f"找不到活动“{ref}”（请用 activity list 查看编号）",
                            f"No activity “{ref}” (see `activity list` for ids)"))
    return rows[0]


# --- attendance --------------------------------------------------------------------------------------


def attendance_id(activity_id: str, person_id: str) -> str:
    """The one id every office gives this person's attendance at this activity."""
    return natural_id("attendance", activity_id, person_id)


def mark_attendance(db, activity_id: str, person_id: str, status: str, *, actor: str | None = None,
                    today: dt.date | None = None) -> Changes:
    """Mark one person 到/缺/请假 at an activity; marking again changes the same row."""
    return mark_many(db, activity_id, {person_id: status}, actor=actor, today=today)


def mark_many(db, activity_id: str, marks, *, actor: str | None = None, today: dt.date | None = None) -> Changes:
    """Mark many people at once (``{person: status}`` or pairs), all or nothing.

    Before the activity's day only "excused" can be marked (see the module's docstring).
    """
    activity = get_activity(db, activity_id)
    today = today or dt.date.today()
    pairs = list(marks.items() if isinstance(marks, dict) else marks)
    errors, clean = [], []
    for person, status in pairs:
        c = Checker({"attendance": status})
        code = c.enum("attendance", "attendance")
        try:
            person_id = find_person(db, person)["id"]
        except NotFound as exc:
            c.add("person_id", exc.text)
        errors += c.errors
        if not c.errors:
            clean.append((person_id, code))
    ahead = activity["date"] > today.isoformat()
    if ahead and any(code not in AHEAD_OK for _, code in clean):
        errors.append(FieldError("attendance", Text(
            f"活动日期 {activity['date']} 还没到（今天是 {today}）：活动前只能登记“请假”，“到”和“缺”请在活动当天或之后登记",
            f"the activity is on {activity['date']}, after today ({today}): before it only “excused” can be marked;"
            " mark present or absent on the day or later")))
    if errors:
        raise ValidationError(errors)
    with writing(db) as (clock, changes):
        for person_id, code in clean:
            row_id = attendance_id(activity["id"], person_id)
            if db.execute("SELECT 1 FROM attendance WHERE id = ?", [row_id]).fetchone():
                update_record(db, clock, changes, "attendance", row_id, {"status": code}, actor=actor)
            else:
                insert_record(db, clock, changes, "attendance", {"activity_id": activity["id"], "person_id": person_id,
                                                                 "status": code}, actor=actor, record_id=row_id)
        changes.value = len(clean)
    return changes


def attendance_sheet(db, activity_id: str, *, club: str | None = None) -> dict:
    """Who is on an activity's sheet (members that day, plus anyone marked) and the totals.

    A community-wide activity has no members of its own; ``club`` lists that club's members.
    """
    activity = get_activity(db, activity_id)
    members_of = activity["club_id"] or (find_club(db, club)["id"] if club else None)
    marks = {r["person_id"]: r for r in db.query(
        "SELECT n.person_id, n.status, n.hlc, p.name, p.gender, p.birth_date, p.phone FROM attendance n"
        " JOIN persons p ON p.id = n.person_id WHERE n.activity_id = ? AND n.deleted = 0 AND p.deleted = 0",
        [activity["id"]])}
    members = roster(db, members_of, on=activity["date"]) if members_of else []
    rows = [{**m, "status": marks.pop(m["person_id"], {}).get("status")} for m in members]
    rows += sorted(({**m, "member_id": None, "role": None} for m in marks.values()), key=lambda r: r["name"] or "")
    totals = {k: sum(1 for r in rows if r["status"] == k) for k in ("present", "absent", "excused")}
    totals.update(unmarked=sum(1 for r in rows if r["status"] is None), total=len(rows))
    return {"activity": activity, "rows": rows, "totals": totals}


# --- absentee follow-up ------------------------------------------------------------------------------


def absentees(db, club: str, last_n: int = 3, *, today: dt.date | None = None) -> list[dict]:
    """Current members who missed each of the club's last ``last_n`` activities (excused is not missed)."""
    if int(last_n) < 1:
        raise _refuse("last_n", "次数至少为 1", "the number of activities must be at least 1")
    today = today or dt.date.today()
    club_row = find_club(db, club)
    recent = list(db.query("SELECT id, date FROM activities WHERE deleted = 0 AND club_id = ? AND date <= ?"
                           " ORDER BY date DESC, id DESC LIMIT ?", [club_row["id"], today.isoformat(), int(last_n)]))
    if len(recent) < int(last_n):
        return []
    status = {(r["activity_id"], r["person_id"]): r["status"] for r in db.query(
        "SELECT activity_id, person_id, status FROM attendance WHERE deleted = 0 AND activity_id IN"
        " (SELECT value FROM json_each(?))", [json.dumps([a["id"] for a in recent])])}
    found = []
    for member in roster(db, club_row["id"], on=today):
        counted = [a for a in recent if (member["joined_on"] or "") <= a["date"]]
        if len(counted) == len(recent) and all(status.get((a["id"], member["person_id"])) in MISSED for a in counted):
            found.append({**member, "missed": len(counted), **_last_contact(db, club_row["id"], member["person_id"])})
    return found


def _last_contact(db, club_id: str, person_id: str) -> dict:
    """When the member last came to an activity of the club, and was last visited."""
    row = db.execute(
        "SELECT (SELECT MAX(t.date) FROM attendance n JOIN activities t ON t.id = n.activity_id WHERE n.person_id = ?"
        "  AND t.club_id = ? AND n.status = 'present' AND n.deleted = 0 AND t.deleted = 0),"
        " (SELECT MAX(v.at) FROM visits v WHERE v.person_id = ? AND v.deleted = 0)", [person_id, club_id, person_id]).fetchone()
    return {"last_present": row[0], "last_visit": row[1]}


def log_absentee_visit(db, club: str, person: str, *, kind: str = "phone", worker_id: str | None = None,
                       notes: str | None = None, at=None, next_follow_up=None, actor: str | None = None) -> Changes:
    """Log the follow-up of a member who stopped coming (a visit of the person, phone by default).

    Only someone who is or was a member of the club can be followed up as its absentee. Without
    ``notes`` a standard follow-up note is written; notes given but blank are refused, not
    quietly replaced by it.
    """
    if notes is not None and not str(notes).strip():
        raise _refuse("notes", "记录内容为空：请写明回访情况，或不填写以使用默认的回访记录",
                      "the notes are blank: write what was said or done, or leave them out for the default note")
    club_row, person_row = find_club(db, club), find_person(db, person)
    if not db.execute("SELECT 1 FROM club_members WHERE deleted = 0 AND club_id = ? AND person_id = ? LIMIT 1",
                      [club_row["id"], person_row["id"]]).fetchone():
        raise _refuse("person_id", f"{person_row['name']}从未加入{club_row['name']}，不能为其记录俱乐部缺勤回访",
                      f"{person_row['name']} has never been a member of {club_row['name']};"
                      " a club absentee follow-up is for its members")
    default = Text(f"俱乐部缺勤回访：近期未参加{club_row['name']}的活动，了解近况", f"Club absentee follow-up: has not come to {club_row['name']} lately; checked how they are")
    return log_visit(db, {"person_id": person_row["id"], "kind": kind, "worker_id": worker_id,
                          "at": at or dt.datetime.now().replace(microsecond=0), "notes": str(default) if notes is None else notes,
                          "next_follow_up": next_follow_up}, actor=actor)
