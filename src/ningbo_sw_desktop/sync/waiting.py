"""Records waiting for a parent: synced tables take children before parents (no foreign keys).

A visit can arrive before its case when bundles cross; it is kept and shown as waiting
until the case arrives. Waiting is not stored: it is whatever references nothing yet.
"""

from __future__ import annotations

import json

from .report import Waiting

# table -> (field, parent table) for every reference between synced tables.
PARENT_LINKS: dict[str, tuple[tuple[str, str], ...]] = {
    "areas": (("parent_id", "areas"),),
    "workers": (("community_id", "areas"),),
    "persons": (("community_id", "areas"),),
    "cases": (("person_id", "persons"), ("program_id", "programs"), ("worker_id", "workers")),
    "visits": (("case_id", "cases"), ("person_id", "persons"), ("worker_id", "workers")),
    "clubs": (("community_id", "areas"),),
    "club_members": (("club_id", "clubs"), ("person_id", "persons")),
    "activities": (("club_id", "clubs"), ("community_id", "areas"), ("worker_id", "workers")),
    "attendance": (("activity_id", "activities"), ("person_id", "persons")),
    "service_projects": (("community_id", "areas"),),
}


def waiting_records(db, touched: dict[str, list[str]] | None = None, *, limit: int | None = None) -> list[Waiting]:
    """Live records whose parent is missing: all of them, or only among ``touched`` ids per table."""
    out: list[Waiting] = []
    for table, refs in PARENT_LINKS.items():
        ids = None if touched is None else touched.get(table)
        if touched is not None and not ids:
            continue
        for name, parent in refs:
            sql = (f"SELECT t.id, t.{name} FROM {table} t WHERE t.deleted = 0 AND t.{name} IS NOT NULL"
                   f" AND NOT EXISTS (SELECT 1 FROM {parent} p WHERE p.id = t.{name})")
            params: list = []
            if ids is not None:
                sql += " AND t.id IN (SELECT value FROM json_each(?))"
                params.append(json.dumps(ids))
            out += [Waiting(table, rid, name, parent, pid) for rid, pid in db.execute(sql, params).fetchall()]
            if limit is not None and len(out) >= limit:
                return out[:limit]
    return out


def waiting_among(db, touched: dict[str, list[str]], arrived: dict[str, set[str]],
                  written: dict[str, list[tuple[list, list[str], int]]] | None = None) -> list[Waiting]:
    """Waiting records among those just written: parents that came in the same bundle need no look-up.

    ``written`` saves reading back the rows just written: table -> ``(rows, columns, shift)``
    parts, each row a list of values in ``columns`` order, shifted: with ``shift`` 0 the
    column at index ``i`` is ``row[i]``; with -1 (an UPDATE's parameters) it is ``row[i - 1]``
    and the id is last. Only the parent ids not in the bundle are looked up (a set per parent
    table); the answer is built from what was written, in ``PARENT_LINKS`` order and then the
    order written, without reading the children back (a city's bundle can leave hundreds of
    thousands of links waiting).
    """
    pending: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (table, field) -> (id, parent id) not in the bundle
    for table, ids in touched.items():
        refs = PARENT_LINKS.get(table, ())
        if not ids or not refs:
            continue
        parts = written.get(table) if written is not None else None
        if parts is None:
            parts = [(_live_refs(db, table, ids, refs), ["id", "deleted", *(f for f, _ in refs)], 0)]
        for rows, columns, shift in parts:
            id_at = columns.index("id") + shift if shift == 0 else -1
            dead_at = columns.index("deleted") + shift
            for name, parent in refs:
                at = columns.index(name) + shift
                got = arrived.get(parent, ())
                pending.setdefault((table, name), []).extend(
                    (row[id_at], row[at]) for row in rows if row[at] and not row[dead_at] and row[at] not in got)
    asked: dict[str, set[str]] = {}
    for (table, name), items in pending.items():
        asked.setdefault(dict(PARENT_LINKS[table])[name], set()).update(pid for _, pid in items)
    here = {parent: _existing(db, parent, pids) for parent, pids in asked.items()}
    return [Waiting(table, record_id, name, parent, pid)
            for table, refs in PARENT_LINKS.items() for name, parent in refs
            for record_id, pid in pending.get((table, name), ()) if pid not in here[parent]]


def _live_refs(db, table: str, ids: list[str], refs) -> list[tuple]:
    """(id, deleted, *reference fields) of the live rows among ``ids``."""
    cols = ", ".join(f for f, _ in refs)
    out: list[tuple] = []
    for start in range(0, len(ids), 5000):
        chunk = json.dumps(ids[start:start + 5000])
        out += db.execute(f"SELECT id, deleted, {cols} FROM {table} WHERE deleted = 0 AND id IN"
                          " (SELECT value FROM json_each(?))", [chunk]).fetchall()
    return out


def _existing(db, table: str, ids: set[str]) -> set[str]:
    """Those of ``ids`` that are rows of ``table``."""
    found: set[str] = set()
    listed = sorted(ids)
    for start in range(0, len(listed), 5000):
        found.update(r[0] for r in db.execute(f"SELECT id FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                                              [json.dumps(listed[start:start + 5000])]))
    return found
