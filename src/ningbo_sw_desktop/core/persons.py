"""Clients (服务对象): registration, edits, and the duplicate check made before intake."""

from __future__ import annotations

import json

from .changes import Changes
from .errors import FieldError, NotFound, ValidationError
from .i18n import Text
from .records import get_row, insert_record, update_record
from .validation import normalize_id_number, normalize_phone, validate_person
from .writing import writing


def checked_person(db, values: dict, *, partial: bool = False, exclude_id: str | None = None) -> dict:
    """Validate a client's fields, resolve the community by name, refuse a taken ID number.

    All problems are reported together; a second record with the same ID number is never
    made (the worker is told whose number it is, to reuse that client instead).
    """
    from .areas import find_community

    errors: list[FieldError] = []
    values = dict(values)
    if values.get("community_id"):
        try:
            values["community_id"] = find_community(db, values["community_id"])["id"]
        except ValidationError as exc:
            errors += exc.errors
            values.pop("community_id")
    try:
        clean = validate_person(values, partial=partial)
    except ValidationError as exc:
        errors += [e for e in exc.errors if not (e.field == "community_id" and errors)]
        clean = {}
    if clean.get("id_number"):
        taken = next(db.query("SELECT p.id, p.name, a.name AS community FROM persons p LEFT JOIN areas a"
                              " ON a.id = p.community_id WHERE p.deleted = 0 AND p.id_number = ? AND p.id != ?",
                              [clean["id_number"], exclude_id or ""]), None)
        if taken:
            errors.append(FieldError("id_number", Text(
                f"该号码已登记为服务对象 {taken['name']}（{taken['community'] or ''}），请选用已有服务对象",
                f"this number is already registered to {taken['name']} ({taken['community'] or ''}); use that client")))
    if errors:
        raise ValidationError(errors)
    return clean


def add_person(db, values: dict, *, actor: str | None = None) -> Changes:
    """Register a client; ``Changes.value`` is the new person's id."""
    clean = checked_person(db, values)
    with writing(db) as (clock, changes):
        changes.value = insert_record(db, clock, changes, "persons", clean, actor=actor)
    return changes


def update_person(db, person_id: str, values: dict, *, actor: str | None = None, seen_hlc: str | None = None) -> Changes:
    """Change a client's facts (only the fields given).

    A new ID number is checked against the stored birth date and gender rather than
    silently overwriting them; it fills them only where the record has none.
    """
    stored = {}
    if "id_number" in values:
        row = get_row(db, "persons", person_id)
        stored = {k: row[k] for k in ("birth_date", "gender") if k not in values and row[k]}
    clean = checked_person(db, {**stored, **values}, partial=True, exclude_id=person_id)
    clean = {k: v for k, v in clean.items() if k not in stored}
    with writing(db) as (clock, changes):
        update_record(db, clock, changes, "persons", person_id, clean, actor=actor, seen_hlc=seen_hlc)
        changes.value = person_id
    return changes


def get_person(db, person_id: str, *, include_deleted: bool = False) -> dict:
    """A client by id with the community's name; a deleted one only when asked (its facts are blank)."""
    row = next(db.query(
        "SELECT p.*, a.name AS community FROM persons p LEFT JOIN areas a ON a.id = p.community_id"
        " WHERE p.id = ? AND (p.deleted = 0 OR ?)", [person_id, include_deleted]), None)
    if row is None:
        raise NotFound(Text(f"找不到服务对象 {person_id}", f"No client {person_id}"))
    return row


def find_person(db, id_or_id_number: str) -> dict:
    """A client by record id or resident ID number (what the CLI accepts)."""
    text = (id_or_id_number or "").strip()
    row = next(db.query("SELECT id FROM persons WHERE deleted = 0 AND (id = ? OR id_number = ?)",
                        [text, normalize_id_number(text)]), None)
    if row is None:
        raise NotFound(Text(f"找不到服务对象“{text}”", f"No client “{text}”"))
    return get_person(db, row["id"])


def same_id_number(db, person_ids: list[str]) -> list[tuple[str, str]]:
    """(one of ``person_ids``, another live client with the same resident ID number), for a look by a person.

    Sync takes a client registered at two offices as two records (each office made its own id);
    an import lists them so the supervisor can check, rather than count one resident twice unseen.
    """
    if not person_ids:
        return []
    return [tuple(r) for r in db.execute(
        "SELECT p.id, q.id FROM persons p JOIN persons q ON q.id_number = p.id_number AND q.id <> p.id"
        " AND q.deleted = 0 WHERE p.deleted = 0 AND p.id_number IS NOT NULL"
        " AND p.id IN (SELECT value FROM json_each(?)) ORDER BY p.id, q.id", [json.dumps(person_ids)])]


def find_duplicates(db, values: dict, *, exclude_id: str | None = None) -> list[dict]:
    """Possible duplicates of a client about to be registered, best reason first.

    Same ID number; same name and birth date; same name and phone (DESIGN.md).
    """
    name = (values.get("name") or "").strip()
    id_number = normalize_id_number(values.get("id_number"))
    birth = values.get("birth_date")
    if birth is not None and not isinstance(birth, str):
        birth = birth.isoformat()
    phone = normalize_phone(values.get("phone"))
    if not birth and len(id_number) == 18 and id_number[:17].isdigit():
        birth = f"{id_number[6:10]}-{id_number[10:12]}-{id_number[12:14]}"
    found: dict[str, dict] = {}
    checks = [
        ("id_number", "p.id_number = ?", [id_number], bool(id_number)),
        ("name_birth_date", "p.name = ? AND p.birth_date = ?", [name, birth], bool(name and birth)),
        ("name_phone", "p.name = ? AND p.phone = ?", [name, phone], bool(name and phone)),
    ]
    for reason, where, params, usable in checks:
        if not usable:
            continue
        for row in db.query(
            f"SELECT p.id, p.name, p.gender, p.birth_date, p.id_number, p.phone, a.name AS community"
            f" FROM persons p LEFT JOIN areas a ON a.id = p.community_id WHERE p.deleted = 0 AND {where}", params):
            if row["id"] != exclude_id and row["id"] not in found:
                found[row["id"]] = {**row, "reason": reason}
    return list(found.values())


DUPLICATE_REASONS = {
    "id_number": Text("身份证号码相同", "same ID number"),
    "name_birth_date": Text("姓名和出生日期相同", "same name and birth date"),
    "name_phone": Text("姓名和电话相同", "same name and phone"),
}
