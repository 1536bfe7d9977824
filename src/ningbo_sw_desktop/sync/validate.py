"""Every imported record is checked as if typed: core's validators decide, in stored form only.

A record in a bundle was validated where it was written, so it should already be in the
form core stores (``2026-11-29``, ``0574-87654321``, enum codes). Calling the validators
for 100,000 records would cost more than the rest of an import together, so each field
first meets a strict check of that stored form; only a record that fails it goes to the
validators (core's, or the same Checker rules for tables core has none for), which give
the message, and a record they accept only after changing a value is refused as "not in
stored form" — taking it would make this database differ from the sender's.
``tests/sync/test_validate.py`` proves the quick checks never accept what the validators refuse.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re

from ..core import enums, validation
from ..core.errors import FieldError, ValidationError
from ..core.i18n import Text
from ..core.ids import natural_id
from ..core.schema import JSON_FIELDS, PERSONAL_FIELDS, TABLES
from ..core.validation import Checker

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_PHONE = re.compile(r"1[3-9]\d{9}|0[12]\d-\d{7,8}|0[3-9]\d\d-\d{7,8}")
_ID = re.compile(r"\d{17}[\dX]")
_EARLIEST_VISIT = validation.EARLIEST_VISIT.isoformat(timespec="seconds")


class Rules:
    """The stored-form checks of one import, against one idea of "today" and "now"."""

    def __init__(self, now: dt.datetime | None = None):
        self.now = now or dt.datetime.now().replace(microsecond=0)
        self.today = self.now.date()
        self.latest_time = (self.now + validation.FUTURE_SLACK).isoformat(timespec="seconds")
        self.codes = {kind: frozenset(values) for kind, values in enums.ENUMS.items()}
        self._tags_seen: dict[str, bool] = {}
        self.tables = _field_rules(self)
        self.pairs = {table: tuple(checks.items()) for table, (checks, _) in self.tables.items()}

    # --- one value -------------------------------------------------------------------------------------

    def date(self, value, required=False, not_future=False) -> bool:
        if value is None:
            return not required
        if type(value) is not str or len(value) != 10 or not _DATE.fullmatch(value):
            return False
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return False
        return not not_future or day <= self.today

    def moment(self, value, required=False) -> bool:
        if value is None:
            return not required
        if type(value) is not str or len(value) != 19 or not _DATETIME.fullmatch(value):
            return False
        try:
            dt.datetime.fromisoformat(value)
        except ValueError:
            return False
        return _EARLIEST_VISIT <= value <= self.latest_time

    def integer(self, value, low=None, high=None) -> bool:
        if value is None:
            return True
        return type(value) is int and (low is None or value >= low) and (high is None or value <= high)

    def phone(self, value) -> bool:
        return value is None or (type(value) is str and _PHONE.fullmatch(value) is not None)

    def tags(self, value) -> bool:
        if type(value) is not str:
            return False
        known = self._tags_seen.get(value)  # a city has a few dozen tag sets: each is read once
        if known is None:
            known = self._tags_ok(value)
            if len(self._tags_seen) < 10_000:
                self._tags_seen[value] = known
        return known

    def _tags_ok(self, value: str) -> bool:
        try:
            codes = json.loads(value)
        except ValueError:
            return False
        return (type(codes) is list and all(c in self.codes["tag"] for c in codes) and codes == sorted(set(codes))
                and value == json.dumps(codes, ensure_ascii=False))

    def id_number(self, value, birth_date, gender) -> bool:
        if value is None:
            return True
        if type(value) is not str or not _ID.fullmatch(value) or validation.id_check_digit(value[:17]) != value[17]:
            return False
        born = f"{value[6:10]}-{value[10:12]}-{value[12:14]}"
        if not self.date(born, required=True, not_future=True) or born < validation.EARLIEST_BIRTH.isoformat():
            return False
        return birth_date == born and gender == ("male" if int(value[16]) % 2 else "female")


def _field_rules(r: Rules) -> dict:
    """table -> ({field: check(value)}, cross-field check(row) or None).

    Text, name and enum checks are closures over their limits (a call less per field: an
    import checks millions of values); the others are ``Rules``' methods with arguments bound.
    """
    text_max, name_max = validation.TEXT_MAX, validation.NAME_MAX
    line_bad, lines_bad = validation.LINE_CONTROL.search, validation.TEXT_CONTROL.search

    def text(v) -> bool:  # required one-line text: no blank ends, no control character, within TEXT_MAX
        return type(v) is str and 0 < len(v) <= text_max and v == v.strip() and not line_bad(v)

    def opt(v) -> bool:  # optional one-line text
        return v is None or (type(v) is str and 0 < len(v) <= text_max and v == v.strip() and not line_bad(v))

    def lines(v) -> bool:  # required multi-line text (validation.MULTILINE_FIELDS): "\n" is its only control character
        return type(v) is str and 0 < len(v) <= text_max and v == v.strip() and not lines_bad(v)

    def opt_lines(v) -> bool:  # optional multi-line text
        return v is None or (type(v) is str and 0 < len(v) <= text_max and v == v.strip() and not lines_bad(v))

    def name(v) -> bool:  # a person's name: required one-line text within NAME_MAX, no digits
        return (type(v) is str and 0 < len(v) <= name_max and v == v.strip() and not any(c.isdigit() for c in v)
                and not line_bad(v))

    def enum(kind: str, required: bool = True):  # one of the kind's codes (or None when not required)
        codes = r.codes[kind]
        if required:
            return codes.__contains__
        return lambda v: v is None or v in codes

    def date(required: bool = False, not_future: bool = False):  # r.date(v, required, not_future)
        return lambda v: r.date(v, required, not_future)

    def place(v) -> bool:  # optional one-line text within 200
        return v is None or (type(v) is str and 0 < len(v) <= 200 and v == v.strip() and not line_bad(v))

    def person_cross(row: dict) -> bool:
        """The ID number agrees with birth date and gender; nobody was born before 1890."""
        return (r.id_number(row.get("id_number"), row.get("birth_date"), row.get("gender"))
                and (row.get("birth_date") or "9") >= validation.EARLIEST_BIRTH.isoformat())

    return {
        "persons": ({"name": name, "gender": enum("gender"), "birth_date": date(True, True),
                     "id_number": lambda v: v is None or type(v) is str, "phone": r.phone, "registered_address": opt,
                     "address": opt, "community_id": text, "relief_status": enum("relief_status"),
                     "disability_cert_no": opt, "disability_grade": lambda v: r.integer(v, 1, 4), "tags": r.tags,
                     "notes": opt_lines}, person_cross),
        "cases": ({"case_no": text, "person_id": text, "domain": enum("domain"),
                   "program_id": opt, "intake_date": date(True, True),
                   "referral_source": enum("referral_source", False), "problem": lines,
                   "risk": enum("risk"), "goals": opt_lines, "plan": opt_lines, "status": enum("status"),
                   "closed_on": date(False, True), "close_reason": opt_lines, "worker_id": opt,
                   "office_code": opt}, _case_cross),
        "visits": ({"case_id": opt, "person_id": opt, "worker_id": opt, "at": lambda v: r.moment(v, True),
                    "kind": enum("kind"), "duration_min": lambda v: r.integer(v, 0, 1440), "notes": lines,
                    "outcome": opt, "next_follow_up": r.date}, _visit_cross),
        "areas": ({"name": text, "level": enum("level"), "parent_id": opt,
                   "population": lambda v: r.integer(v, 0), "code": opt},
                  lambda row: bool(row.get("parent_id")) or row.get("level") == "city"),
        "workers": ({"name": text, "gender": enum("gender", False), "cert_no": opt,
                     "cert_level": enum("cert_level", False), "community_id": opt, "phone": r.phone,
                     "office_code": opt}, None),
        "programs": ({"name": text, "domain": enum("domain", False), "description": opt_lines}, None),
        "clubs": ({"name": text, "community_id": text, "description": opt_lines,
                   "founded_on": date(False, True)}, None),
        "club_members": ({"club_id": text, "person_id": text, "joined_on": date(False, True),
                          "left_on": date(False, True), "role": enum("role"),
                          "tags": r.tags}, _member_cross),
        "activities": ({"club_id": opt, "community_id": opt, "title": text,
                        "kind": enum("activity_kind"), "date": date(True),
                        "place": place, "worker_id": opt, "notes": opt_lines},
                       lambda row: bool(row.get("club_id") or row.get("community_id"))),
        "attendance": ({"activity_id": text, "person_id": text, "status": enum("attendance")}, None),
        "service_projects": ({"name": text, "year": lambda v: r.integer(v, 1990, 2100), "funder": opt,
                              "budget": lambda v: r.integer(v, 0), "domain": enum("domain", False),
                              "community_id": opt}, None),
    }


def _case_cross(row: dict) -> bool:
    """Closed cases have a reason and a day after intake; open ones have no closing day."""
    if row.get("status") == "closed":
        return bool(row.get("close_reason")) and row.get("closed_on") is not None and row["closed_on"] >= row["intake_date"]
    return row.get("closed_on") is None


def _visit_cross(row: dict) -> bool:
    """A visit is of a case or a client, and its follow-up is not before it."""
    follow = row.get("next_follow_up")
    return bool(row.get("case_id") or row.get("person_id")) and (follow is None or follow >= row["at"][:10])


def _member_cross(row: dict) -> bool:
    """Nobody leaves a club before joining it."""
    joined, left = row.get("joined_on"), row.get("left_on")
    return (joined is not None or left is not None) and (joined is None or left is None or left >= joined)


def quick_ok(rules: Rules, table: str, record_id: str, row: dict, deleted: bool) -> bool:
    """The stored-form check (cheap): True means the validators would accept the record unchanged."""
    if deleted:
        return not _tombstone_problems(rules, table, row)
    get = row.get
    for name, check in rules.pairs[table]:
        if not check(get(name)):
            return False
    if table == "attendance" and record_id != natural_id("attendance", row["activity_id"], row["person_id"]):
        return False
    cross = rules.tables[table][1]
    return cross is None or cross(row)


def _tombstone_problems(rules: Rules, table: str, row: dict) -> list[str]:
    """Fields wrong in a deleted record: personal ones must be blank, the others in stored form."""
    personal = PERSONAL_FIELDS.get(table, ())
    return [f for f, check in rules.tables[table][0].items()
            if (row.get(f) is not None if f in personal else not check(row.get(f)))]


def problems(rules: Rules, table: str, record_id: str, row: dict, deleted: bool) -> list[FieldError]:
    """What is wrong with a record, in the validators' words (empty: it may be applied)."""
    if quick_ok(rules, table, record_id, row, deleted):
        return []
    if deleted:
        return [FieldError(f, _not_stored(row.get(f))) for f in _tombstone_problems(rules, table, row)]
    try:
        cleaned = _VALIDATORS[table](rules, record_id, _typed(table, row))
    except ValidationError as exc:
        return exc.errors
    differ = [f for f, v in cleaned.items() if f in row and _stored(table, f, v) != row[f]]
    return [FieldError(f, _not_stored(row[f])) for f in differ]  # empty: the quick check was only stricter


def clean_field(table: str, record_id: str, row: dict, name: str, value):
    """A value chosen for one field, checked with the rest of its record, in stored form."""
    values = {f: row.get(f) for f in TABLES[table]}
    values[name] = value
    cleaned = _VALIDATORS[table](Rules(), record_id, _typed(table, values))
    return _stored(table, name, cleaned.get(name, value))


def _not_stored(value) -> Text:
    return Text(f"值“{value}”不是本软件保存的格式", f"value “{value}” is not in the form this app stores")


def _typed(table: str, row: dict) -> dict:
    """The record as a form would hand it to a validator (lists for list fields)."""
    values = dict(row)
    for t, f in JSON_FIELDS:
        if t == table and isinstance(values.get(f), str):
            with contextlib.suppress(ValueError):  # not JSON: the validator says what is wrong with it
                values[f] = json.loads(values[f])
    return values


def _stored(table: str, field: str, value):
    """A cleaned value in its column form."""
    if (table, field) in JSON_FIELDS and isinstance(value, list):
        return json.dumps(value, ensure_ascii=False)
    return value


# --- the validators (core's where core has one) --------------------------------------------------------


def _person(rules, record_id, v):
    return validation.validate_person(v, today=rules.today)


def _case(rules, record_id, v):
    return validation.validate_case(v, today=rules.today)


def _visit(rules, record_id, v):
    return validation.validate_visit(v, today=rules.today, now=rules.now)


def _area(rules, record_id, v):
    return validation.validate_area(v)


def _worker(rules, record_id, v):
    return validation.validate_worker(v)


def _member(rules, record_id, v):
    from ..core.clubs import validate_member

    c = Checker(v, today=rules.today)
    c.required("club_id")
    c.required("person_id")
    c.raise_if_any()
    return {**c.cleaned, **validate_member(v, today=rules.today)}


def _checked(values: dict, rules: Rules, steps) -> dict:
    """Run Checker steps (name, method, kwargs) and return what it cleaned."""
    c = Checker(values, today=rules.today, now=rules.now)
    for field, method, kw in steps:
        getattr(c, method)(field, **kw)
    c.raise_if_any()
    return c.cleaned


def _program(rules, record_id, v):
    return _checked(v, rules, [("name", "required", {}), ("domain", "enum", {"kind": "domain", "required": False}),
                               ("description", "optional_text", {})])


def _club(rules, record_id, v):
    return _checked(v, rules, [("name", "required", {}), ("community_id", "required", {}),
                               ("description", "optional_text", {}), ("founded_on", "date", {"not_future": True})])


def _activity(rules, record_id, v):
    cleaned = _checked({**v, "activity_kind": v.get("kind")}, rules, [
        ("title", "required", {}), ("activity_kind", "enum", {"kind": "activity_kind"}), ("date", "date", {"required": True}),
        ("place", "optional_text", {"max_len": 200}), ("notes", "optional_text", {}), ("club_id", "optional_text", {}),
        ("community_id", "optional_text", {}), ("worker_id", "optional_text", {})])
    cleaned["kind"] = cleaned.pop("activity_kind", None)
    if not (cleaned.get("club_id") or cleaned.get("community_id")):
        raise ValidationError([FieldError("club_id", Text("请选择俱乐部或社区", "choose the club or the community"))])
    return cleaned


def _attendance(rules, record_id, v):
    cleaned = _checked({**v, "attendance": v.get("status")}, rules, [
        ("activity_id", "required", {}), ("person_id", "required", {}), ("attendance", "enum", {"kind": "attendance"})])
    cleaned["status"] = cleaned.pop("attendance")
    if record_id != natural_id("attendance", cleaned["activity_id"], cleaned["person_id"]):
        raise ValidationError([FieldError("id", Text("出勤记录编号与活动和服务对象不符", "the attendance id does not match its activity and person"))])
    return cleaned


def _project(rules, record_id, v):
    return _checked(v, rules, [("name", "required", {}), ("year", "integer", {"min_value": 1990, "max_value": 2100}),
                               ("funder", "optional_text", {}), ("budget", "integer", {"min_value": 0}),
                               ("domain", "enum", {"kind": "domain", "required": False}),
                               ("community_id", "optional_text", {})])


_VALIDATORS = {"persons": _person, "cases": _case, "visits": _visit, "areas": _area, "workers": _worker,
               "club_members": _member, "programs": _program, "clubs": _club, "activities": _activity,
               "attendance": _attendance, "service_projects": _project}
