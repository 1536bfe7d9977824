"""Records waiting for a parent: synced tables take children before parents (no foreign keys).

A visit can arrive before its case when bundles cross; it is kept and shown as waiting
until the case arrives. Waiting is not stored: it is whatever references nothing yet.
"""

from __future__ import annotations

import json

from .report import Waiting

# table -> (field, parent table) for every reference between synced tables.
REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
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
    for table, refs in REFERENCES.items():
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


def waiting_among(db, touched: dict[str, list[str]], arrived: dict[str, set[str]]) -> list[Waiting]:
    """Waiting records among those just written: parents that came in the same bundle need no look-up."""
    candidates: dict[str, list[str]] = {}
    for table, ids in touched.items():
        refs = REFERENCES.get(table, ())
        if not ids or not refs:
            continue
        cols = ", ".join(f for f, _ in refs)
        for start in range(0, len(ids), 5000):
            chunk = json.dumps(ids[start:start + 5000])
            for row in db.execute(f"SELECT id, {cols} FROM {table} WHERE deleted = 0 AND id IN"
                                  " (SELECT value FROM json_each(?))", [chunk]):
                for (_, parent), pid in zip(refs, row[1:], strict=True):
                    if pid and pid not in arrived.get(parent, ()):
                        candidates.setdefault(table, []).append(row[0])
                        break
    return waiting_records(db, candidates) if candidates else []
