"""Parents of typed records: a case's client, worker and program, a visit's client and worker.

Synced tables take children before parents (no foreign keys; a visit may arrive in one
bundle and its case in the next), so sync import never looks for them. Typed input must:
an id that names no live record there is a typo, and no bundle will ever fill the link.
Every local write function that is handed such an id checks it here before writing.
"""

from __future__ import annotations

from .errors import FieldError, ValidationError
from .i18n import Text

# field -> (parent table, what the parent is in both languages)
PARENTS: dict[str, tuple[str, Text]] = {
    "person_id": ("persons", Text("服务对象", "client")),
    "worker_id": ("workers", Text("社工", "worker")),
    "program_id": ("programs", Text("服务项目", "program")),
}


def missing_parents(db, values: dict, fields) -> list[FieldError]:
    """An error for each of ``fields`` whose id in ``values`` names no live record (blank links nothing)."""
    errors = []
    for field in fields:
        record_id = str(values.get(field) or "").strip()
        if not record_id:
            continue
        table, what = PARENTS[field]
        row = db.execute(f"SELECT deleted FROM {table} WHERE id = ?", [record_id]).fetchone()
        if row is None:
            errors.append(FieldError(field, Text(f"找不到这个{what.zh}（编号 {record_id}）",
                                                 f"no such {what.en} (id {record_id})")))
        elif row[0]:
            errors.append(FieldError(field, Text(f"这个{what.zh}已被删除（编号 {record_id}）",
                                                 f"this {what.en} was deleted (id {record_id})")))
    return errors


def require_parents(db, values: dict, fields) -> None:
    """Refuse ``values`` when any of ``fields`` names no live record; nothing is written then."""
    errors = missing_parents(db, values, fields)
    if errors:
        raise ValidationError(errors)
