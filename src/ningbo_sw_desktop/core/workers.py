"""Social workers: certificate number and level, and the community they serve."""

from __future__ import annotations

from .changes import Changes
from .errors import FieldError, ValidationError
from .i18n import Text
from .records import insert_record
from .validation import validate_worker
from .writing import writing


def add_worker(db, values: dict, *, actor: str | None = None) -> Changes:
    """Register a social worker of this office."""
    from .areas import find_community
    from .office import get_meta

    values = dict(values)
    if values.get("community_id"):
        values["community_id"] = find_community(db, values["community_id"])["id"]
    clean = validate_worker(values)
    clean["office_code"] = (values.get("office_code") or get_meta(db, "office_code") or "").upper() or None
    with writing(db) as (clock, changes):
        changes.value = insert_record(db, clock, changes, "workers", clean, actor=actor)
    return changes


def list_workers(db) -> list[dict]:
    """Live workers, by name."""
    return [dict(r) for r in db.query(
        "SELECT w.id, w.name, w.cert_no, w.cert_level, w.community_id, a.name AS community, w.phone, w.office_code"
        " FROM workers w LEFT JOIN areas a ON a.id = w.community_id WHERE w.deleted = 0 ORDER BY w.name")]


def find_worker(db, name_or_id: str, field: str = "worker_id") -> dict:
    """A worker by id or exact name."""
    text = (name_or_id or "").strip()
    rows = [dict(r) for r in db.query("SELECT id, name FROM workers WHERE deleted = 0 AND (id = ? OR name = ?)", [text, text])]
    if len(rows) == 1:
        return rows[0]
    msg = (Text(f"有多个名为“{text}”的社工，请用编号指定", f"several workers are called “{text}”; give the id") if rows
           else Text(f"没有名为“{text}”的社工", f"there is no worker “{text}”"))
    raise ValidationError([FieldError(field, msg)])
