"""Areas: city → district → street or town → community, with resident population.

Population feeds "workers per 10,000 residents"; communities are where clients live.

Areas are reference data that a new office types in itself, so an area's id is not a fresh
UUIDv7 but a UUIDv5 of its natural key, its parent's id and its name (``area_id``): 云麓湾社区
typed under the same 慈城镇 at two offices is one record, and sync merges it field by field
(two populations become a conflict for the supervisor) instead of leaving two areas of one
name that ``find_area`` can no longer tell apart. The chain is natural from the city down
(a city has no parent), so the same chain typed anywhere gets the same ids. Areas made
before ids were natural keep theirs; an area added under one of them is natural all the same.
An id never changes after it is made, whatever later happens to the name.
"""

from __future__ import annotations

import difflib

from .changes import Changes
from .errors import FieldError, NotFound, ValidationError
from .i18n import Text
from .ids import natural_id
from .records import insert_record
from .validation import validate_area
from .writing import writing

LEVEL_ORDER = {"city": 0, "district": 1, "street": 2, "community": 3}


def add_area(db, values: dict, *, actor: str | None = None) -> Changes:
    """Add an area under its parent (parent given by name or id)."""
    values = dict(values)
    parent = values.get("parent_id")
    if parent:
        values["parent_id"] = find_area(db, parent, field="parent_id")["id"]
    clean = validate_area(values)
    if clean.get("parent_id"):
        parent_row = get_area(db, clean["parent_id"])
        if LEVEL_ORDER[parent_row["level"]] >= LEVEL_ORDER[clean["level"]]:
            raise ValidationError([FieldError("parent_id", Text("上级区域的层级应高于本区域", "the parent must be a higher level"))])
    twin = db.execute("SELECT 1 FROM areas WHERE deleted = 0 AND name = ? AND parent_id IS ?",
                      [clean["name"], clean.get("parent_id")]).fetchone()
    if twin:  # two of one name under one parent: find_area could no longer tell them apart
        raise ValidationError([FieldError("name", Text(f"“{clean['name']}”在同一上级区域下已存在",
                                                       f"“{clean['name']}” already exists under the same parent"))])
    record_id = free_area_id(db, clean.get("parent_id"), clean["name"])
    with writing(db) as (clock, changes):
        changes.value = insert_record(db, clock, changes, "areas", clean, actor=actor, record_id=record_id)
    return changes


def area_id(parent_id: str | None, name: str, generation: int = 1) -> str:
    """The natural id of the area ``name`` under ``parent_id`` (None for a city).

    ``generation`` 2, 3, ... are the ids used when the first one is already taken (see
    ``free_area_id``); they are natural too, so two offices in the same state agree on them.
    """
    parts = ["area", parent_id or "", name]
    return natural_id(*parts) if generation == 1 else natural_id(*parts, str(generation))


def free_area_id(db, parent_id: str | None, name: str) -> str:
    """The first natural id of an area that no row holds yet.

    Normally the first. It is taken only when a row already holds it but no live area of that
    name is under that parent (``add_area`` refuses a live twin before asking): the area was
    deleted — a tombstone, which sync never brings back, so the name is added as the next
    generation rather than refused for ever — or renamed, keeping the id it was made with.
    """
    generation = 1
    while True:
        candidate = area_id(parent_id, name, generation)
        if db.execute("SELECT 1 FROM areas WHERE id = ?", [candidate]).fetchone() is None:
            return candidate
        generation += 1


def get_area(db, area_id: str) -> dict:
    """One live area by id."""
    row = next(db.query("SELECT * FROM areas WHERE id = ? AND deleted = 0", [area_id]), None)
    if row is None:
        raise NotFound(Text(f"找不到区域 {area_id}", f"No area {area_id}"))
    return row


def list_areas(db, level: str | None = None) -> list[dict]:
    """Live areas, optionally of one level, with their parent's name, in tree order."""
    sql = ("SELECT a.id, a.name, a.level, a.parent_id, p.name AS parent_name, a.population FROM areas a"
           " LEFT JOIN areas p ON p.id = a.parent_id WHERE a.deleted = 0")
    params: list = []
    if level:
        sql += " AND a.level = ?"
        params.append(level)
    sql += " ORDER BY CASE a.level WHEN 'city' THEN 0 WHEN 'district' THEN 1 WHEN 'street' THEN 2 ELSE 3 END, a.name"
    return [dict(r) for r in db.query(sql, params)]


def find_area(db, name_or_id: str, *, level: str | None = None, field: str = "community_id") -> dict:
    """An area by exact id or name; unknown names are refused naming close matches."""
    text = str(name_or_id or "").strip()  # a sheet may hand over a number
    sql = "SELECT id, name, level, parent_id, population FROM areas WHERE deleted = 0 AND (id = ? OR name = ?)"
    params: list = [text, text]
    if level:
        sql += " AND level = ?"
        params.append(level)
    rows = [dict(r) for r in db.query(sql, params)]
    if len(rows) == 1:
        return rows[0]
    if len(rows) > 1:
        raise ValidationError([FieldError(field, Text(f"有多个名为“{text}”的区域，请用编号指定",
                                                       f"several areas are called “{text}”; give its id"))])
    names = [r["name"] for r in list_areas(db, level)]
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.3) or [n for n in names if text and text[0] in n][:3]
    hint_zh = f"，您是不是要找：{'、'.join(close)}" if close else ""
    hint_en = f"; did you mean: {', '.join(close)}" if close else ""
    raise ValidationError([FieldError(field, Text(f"没有“{text}”{hint_zh}", f"there is no “{text}”{hint_en}"))])


def find_community(db, name_or_id: str) -> dict:
    """A community by name or id (the CLI's ``--community``)."""
    return find_area(db, name_or_id, level="community")
