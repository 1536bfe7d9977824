"""The single write path: stamp, write the row and its field stamps, audit — in one go.

Every synced table keeps, per row, a JSON object of field stamps: ``{"*": [stamp, ""],
field: [stamp, base], ...}``. ``"*"`` is the stamp every field got when the row was made;
a field edited later gets its own entry with the stamp the editor saw (``base``), which
is how sync tells a truly concurrent edit from a later one. One JSON column plus the
indexed row stamp ``hlc`` stays compact at city scale, where a side table would hold a
row per field per record (~10M rows); ``benchmarks/field_stamps.py`` measures both.

Callers (the ``verb_noun`` functions) validate first and wrap calls in
``db.write_transaction``; nothing here commits.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime
import getpass
import json
from collections.abc import Iterator
from typing import Any

from .changes import Changes
from .clock import Clock
from .derived import derive
from .errors import NotFound, StaleEdit
from .i18n import Text
from .ids import new_id
from .schema import JSON_FIELDS, PERSONAL_FIELDS, TABLES


def now_text() -> str:
    """Local wall time for created/updated/audit columns, to the second."""
    return datetime.datetime.now().isoformat(timespec="seconds")


_acting_as: contextvars.ContextVar[str | None] = contextvars.ContextVar("acting_as", default=None)


@contextlib.contextmanager
def acting_as(actor: str | None) -> Iterator[None]:
    """Attribute the writes made inside the block to ``actor`` (the worker at the keyboard)."""
    token = _acting_as.set(actor)
    try:
        yield
    finally:
        _acting_as.reset(token)


def default_actor() -> str:
    """Who is writing when the caller names nobody: the worker set by ``acting_as``, else the OS user."""
    chosen = _acting_as.get()
    if chosen:
        return chosen
    try:
        return getpass.getuser()
    except Exception:  # pragma: no cover - no user name in some service contexts
        return "unknown"


def _store(table: str, field: str, value: Any) -> Any:
    """Convert a value to its column form (JSON text for list fields)."""
    if (table, field) in JSON_FIELDS and value is not None and not isinstance(value, str):
        return json.dumps(list(value), ensure_ascii=False)
    return value


def local_change(stamp: str) -> dict:
    """Local-only sync columns of a row this device just wrote (see migration 0003_sync).

    ``lstamp`` makes the row part of the next bundle to every peer; ``lsrc`` is cleared
    because the row no longer equals the bundle it may have come from.
    """
    return {"lstamp": stamp, "lsrc": None}


def audit(db, action: str, table: str | None, record_id: str | None, detail: Any = None, actor: str | None = None) -> None:
    """Append to the audit log: who did what to which record, when."""
    db.execute(
        "INSERT INTO audit(at, actor, action, table_name, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
        [now_text(), actor or default_actor(), action, table, record_id,
         None if detail is None else json.dumps(detail, ensure_ascii=False)],
    )


def insert_record(db, clock: Clock, changes: Changes, table: str, values: dict, *, actor: str | None = None,
                  record_id: str | None = None) -> str:
    """Write a new row of ``table`` with a fresh stamp; returns its id."""
    unknown = set(values) - set(TABLES[table])
    if unknown:
        raise KeyError(f"{table} has no fields {sorted(unknown)}")
    stamp = clock.tick()
    now = now_text()
    row = {name: _store(table, name, values.get(name)) for name in TABLES[table]}
    row.update(id=record_id or new_id(), created_at=now, updated_at=now, hlc=stamp, origin=clock.device, deleted=0,
               stamps=_stamps_text({"*": [stamp, ""]}), **local_change(stamp))
    row.update(derive(table, row))
    columns = ", ".join(row)
    db.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
    audit(db, "create", table, row["id"], None, actor)
    changes.add("created", table, row["id"])
    return row["id"]


def get_row(db, table: str, record_id: str) -> dict:
    """A row by id (tombstones included), or NotFound."""
    cur = db.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id])
    found = cur.fetchone()
    if found is None:
        raise NotFound(Text(f"找不到记录 {record_id}", f"No record {record_id}"))
    return dict(zip([c[0] for c in cur.description], found))


def _stamps_text(stamps: dict) -> str:
    """The ``stamps`` column as compact JSON: it is held by every row, so no spaces."""
    return json.dumps(stamps, separators=(",", ":"))


def _write_stamped(db, table: str, record_id: str, stamp: str, stamps: dict, values: dict) -> None:
    """UPDATE a row with ``values`` under a new row stamp: the one tail of every change to an existing row."""
    sets = {**values, "hlc": stamp, "updated_at": now_text(), "stamps": _stamps_text(stamps), **local_change(stamp)}
    db.execute(f"UPDATE {table} SET {', '.join(f'{k} = ?' for k in sets)} WHERE id = ?", [*sets.values(), record_id])


def field_stamp(stamps: dict, field: str) -> str:
    """The stamp of one field: its own entry, else the row's creation stamp."""
    return (stamps.get(field) or stamps["*"])[0]


def update_record(db, clock: Clock, changes: Changes, table: str, record_id: str, values: dict, *,
                  actor: str | None = None, seen_hlc: str | None = None) -> list[str]:
    """Change fields of a row; only fields whose value differs are stamped. Returns them.

    ``seen_hlc`` is the row stamp the form was loaded with: if the row changed since,
    the edit is refused rather than silently overwriting someone else's change.
    """
    row = get_row(db, table, record_id)
    if row["deleted"]:
        raise NotFound(Text("该记录已被删除，不能再修改", "This record was deleted; it cannot be changed"))
    if seen_hlc is not None and row["hlc"] != seen_hlc:
        raise StaleEdit(Text("该记录在您打开后已被修改，请重新打开后再保存。",
                             "This record changed after you opened it; reopen it and save again."))
    new = {k: _store(table, k, v) for k, v in values.items()}
    changed = [k for k, v in new.items() if row.get(k) != v]
    if not changed:
        return []
    stamps = json.loads(row["stamps"])
    stamp = clock.tick()
    for name in changed:
        stamps[name] = [stamp, field_stamp(stamps, name)]
    row.update({k: new[k] for k in changed})
    _write_stamped(db, table, record_id, stamp, stamps, {**{k: new[k] for k in changed}, **derive(table, row)})
    audit(db, "update", table, record_id, changed, actor)
    changes.add("updated", table, record_id)
    return changed


def delete_record(db, clock: Clock, changes: Changes, table: str, record_id: str, *, actor: str | None = None) -> None:
    """Tombstone a row (never a hard delete) and blank its personal fields."""
    row = get_row(db, table, record_id)
    if row["deleted"]:
        return
    stamps = json.loads(row["stamps"])
    stamp = clock.tick()
    stamps["deleted"] = [stamp, field_stamp(stamps, "deleted")]
    blanks = {name: None for name in PERSONAL_FIELDS.get(table, ())}
    row.update(blanks)
    _write_stamped(db, table, record_id, stamp, stamps, {**blanks, **derive(table, row), "deleted": 1})
    audit(db, "delete", table, record_id, None, actor)
    changes.add("deleted", table, record_id)


def restamp_record(db, clock: Clock, changes: Changes, table: str, record_id: str, fields: list[str], *,
                   actor: str | None = None) -> list[str]:
    """Stamp fields anew with their current values: a decision that the current value stands.

    Sync uses it when a supervisor keeps the winning side of a conflict; the new stamp (based
    on the one seen) travels like any edit, so every office closes the conflict too.
    """
    row = get_row(db, table, record_id)
    stamps = json.loads(row["stamps"])
    stamp = clock.tick()
    for name in fields:
        stamps[name] = [stamp, field_stamp(stamps, name)]
    _write_stamped(db, table, record_id, stamp, stamps, {})
    audit(db, "restamp", table, record_id, list(fields), actor)
    changes.add("updated", table, record_id)
    return list(fields)
