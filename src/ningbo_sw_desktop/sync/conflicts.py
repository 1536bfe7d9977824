"""Conflicts for the supervisor: what two offices wrote to the same field, and deciding between them.

A decision is a NEW change written through the normal write path (``update_record``, or
``restamp_record`` to keep the current value): its base is the winning stamp, so by the
merge rules every kept version of that field closes — here at once, and at every office
when the change arrives there in the next bundle. Closed versions stay in the table as
history (they also tell a supervisor which offices took part in a record) until the
record is deleted; only open ones are listed, compared and sent.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field

from ..core.changes import Changes
from ..core.errors import FieldError, NotFound, ValidationError, field_label
from ..core.i18n import Text
from ..core.records import get_row, restamp_record, update_record
from ..core.validation import MULTILINE_FIELDS
from ..core.writing import writing
from .ledger import known_devices
from .merge import live_conflicts, version_of
from .validate import clean_field

CHOICES = ("keep", "other", "combined", "keep_both")
# Free-text fields whose two versions can both be kept, one after the other: the multi-line ones
# (a phone number, a status or an id joined with another is not a value at all).
NOTE_FIELDS = MULTILINE_FIELDS
TITLE_SQL = {
    "cases": "SELECT c.case_no || coalesce(' ' || p.name, '') FROM cases c LEFT JOIN persons p ON p.id = c.person_id"
             " WHERE c.id = ?",
    "persons": "SELECT name FROM persons WHERE id = ?",
    "visits": "SELECT substr(v.at, 1, 16) || ' ' || coalesce(c.case_no, '') || coalesce(' ' || p.name, '') FROM visits v"
              " LEFT JOIN cases c ON c.id = v.case_id LEFT JOIN persons p ON p.id = v.person_id WHERE v.id = ?",
    "attendance": "SELECT coalesce(a.title, '') || ' · ' || coalesce(p.name, '') FROM attendance t"
                  " LEFT JOIN activities a ON a.id = t.activity_id LEFT JOIN persons p ON p.id = t.person_id WHERE t.id = ?",
    "activities": "SELECT title FROM activities WHERE id = ?",
}


@dataclass
class Version:
    """One value of a field: what, when, from which device and office, brought by which bundle."""

    value: object
    stamp: str
    base: str
    device_id: str
    office_code: str | None
    office_name: str | None
    at: str
    bundle_id: str | None
    conflict_id: str | None = None  # None for the current (winning) value


@dataclass
class FieldConflict:
    """A field with its current value and the competing ones kept."""

    field: str
    label: dict
    winner: Version
    competing: list[Version]
    text: bool

    @property
    def combined(self) -> str:
        """The keep-both value for a text field: the current text, then each competing one, each under
        who wrote it and when (the kept text must still say whose words are whose)."""
        texts, parts = [], []
        for v in (self.winner, *self.competing):
            if v.value and str(v.value) not in texts:
                texts.append(str(v.value))
                parts.append(f"—— {v.office_code or v.device_id} {v.at} ——\n{v.value}")
        return "\n".join(parts)


@dataclass
class RecordConflicts:
    """The open conflicts of one record, grouped by field."""

    table: str
    record_id: str
    title: str
    fields: list[FieldConflict] = field(default_factory=list)

    def as_dict(self) -> dict:
        out = asdict(self)
        for f, fc in zip(out["fields"], self.fields, strict=True):
            f["combined"] = fc.combined if fc.text else None
        return out


def _kept(db, table: str | None = None) -> dict[tuple[str, str], dict]:
    """Every kept version: (table, record) -> field -> stamp -> (base, value, bundle, conflict id)."""
    sql = "SELECT table_name, record_id, field, stamp, base, value, bundle_id, id FROM conflicts"
    rows = db.execute(sql + (" WHERE table_name = ?" if table else "") + " ORDER BY table_name, record_id",
                      [table] if table else []).fetchall()
    out: dict[tuple[str, str], dict] = {}
    for t, rid, name, stamp, base, value, bundle, cid in rows:
        out.setdefault((t, rid), {}).setdefault(name, {})[stamp] = (base, value, bundle, cid)
    return out


def _open(db, table: str | None = None):
    """Yield (table, record row, field, live kept versions) for every open conflict."""
    for (t, rid), kept in _kept(db, table).items():
        try:
            row = get_row(db, t, rid)
        except NotFound:
            continue
        if row["deleted"]:
            continue
        stamps = json.loads(row["stamps"])
        live = live_conflicts(stamps, {f: {s: (v[0], v[1]) for s, v in vs.items()} for f, vs in kept.items()})
        for name, versions in sorted(live.items()):
            yield t, row, stamps, name, {s: kept[name][s] for s in versions}


def conflict_set(db) -> list[tuple]:
    """Every open kept version, sorted: equal in two databases that hold the same conflicts."""
    return sorted((t, row["id"], name, s, v[0], v[1]) for t, row, _, name, versions in _open(db)
                  for s, v in versions.items())


def list_conflicts(db, *, table: str | None = None, include_same_value: bool = False) -> list[RecordConflicts]:
    """Open conflicts grouped by record; versions that only repeat the current value are left out."""
    offices = known_devices(db)  # device id -> [office code, office name], this device included
    grouped: dict[tuple[str, str], RecordConflicts] = {}
    for t, row, stamps, name, versions in _open(db, table):
        winner_stamp, winner_base = version_of(stamps, name)
        winner = _version(offices, row[name], winner_stamp, winner_base, row.get("lsrc"), None)
        competing = [_version(offices, v[1], s, v[0], v[2], v[3]) for s, v in sorted(versions.items(), reverse=True)
                     if include_same_value or v[1] != row[name]]
        if not competing:
            continue
        record = grouped.setdefault((t, row["id"]), RecordConflicts(t, row["id"], _title(db, t, row)))
        zh, en = field_label(name, "zh", table=t), field_label(name, "en", table=t)
        record.fields.append(FieldConflict(name, {"zh": zh, "en": en}, winner, competing, name in NOTE_FIELDS))
    return list(grouped.values())


def _version(offices: dict, value, stamp: str, base: str, bundle: str | None, conflict_id: str | None) -> Version:
    device = stamp[-16:]
    code, name = offices.get(device, (None, None))
    at = dt.datetime.fromtimestamp(int(stamp[:13]) / 1000).isoformat(" ", "minutes")
    return Version(value, stamp, base, device, code, name, at, bundle, conflict_id)


def _title(db, table: str, row: dict) -> str:
    """How the user recognises the record: case number and client, name, visit time ..."""
    if table in TITLE_SQL:
        found = db.execute(TITLE_SQL[table], [row["id"]]).fetchone()
        if found and found[0]:
            return found[0]
    return row.get("name") or row.get("title") or row["id"]


def _still_open(db, table: str, row: dict, name: str, stamp: str) -> bool:
    """The kept version ``stamp`` of field ``name`` is still open against the record's current stamps.

    A decision closes every kept version of the field (they stay as history), so an id
    from a list read before the decision must not decide again and overwrite what was chosen.
    """
    kept = {s: (base, value) for s, base, value in db.execute(
        "SELECT stamp, base, value FROM conflicts WHERE table_name = ? AND record_id = ? AND field = ?",
        [table, row["id"], name])}
    return stamp in live_conflicts(json.loads(row["stamps"]), {name: kept}).get(name, {})


def resolve_conflict(db, conflict_id: str, choice: str, *, value=None, actor: str | None = None) -> Changes:
    """Decide a field's conflict: ``keep`` the current value, use the ``other`` one, a ``combined``
    value typed by the user, or ``keep_both`` texts. Written as a new change that syncs everywhere."""
    if choice not in CHOICES:
        raise ValueError(f"choice must be one of {CHOICES}")
    found = db.execute("SELECT table_name, record_id, field, value, stamp FROM conflicts WHERE id = ?",
                       [conflict_id]).fetchone()
    if found is None:
        raise NotFound(Text(f"找不到冲突 {conflict_id}（可能已被处理）", f"No conflict {conflict_id} (perhaps already resolved)"))
    table, record_id, name, other, stamp = found
    row = get_row(db, table, record_id)
    if row["deleted"] or not _still_open(db, table, row, name, stamp):
        raise ValidationError([FieldError(name, Text(
            "这个冲突已经处理过了（在本机或其他办公点），不能再改。请刷新冲突列表。",
            "This conflict was already decided (here or at another office) and cannot be decided again. "
            "Refresh the conflict list."))])
    if choice == "combined" and (value is None or not str(value).strip()):
        raise ValidationError([FieldError(name, Text("请填写合并后的内容", "enter the combined value"))])
    chosen = {"keep": row[name], "other": other, "combined": value}.get(choice)
    if choice == "keep_both":
        matches = [fc for rc in list_conflicts(db, table=table) if rc.record_id == record_id for fc in rc.fields
                   if fc.field == name]
        if not matches or not matches[0].text:
            raise ValidationError([FieldError(name, Text("只有记录内容、问题、目标、计划等文字可以两者都保留",
                                                         "only notes, problems, goals, plans and the like can keep both"))])
        chosen = matches[0].combined
    stored = clean_field(table, record_id, row, name, chosen) if choice != "keep" else row[name]
    with writing(db) as (clock, changes):
        if stored == row[name]:
            restamp_record(db, clock, changes, table, record_id, [name], actor=actor)
        else:
            update_record(db, clock, changes, table, record_id, {name: stored}, actor=actor)
        changes.value = record_id
    return changes
