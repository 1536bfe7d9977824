"""Short reads the screens need that core does not offer yet (kept here until core has them)."""

from __future__ import annotations

import datetime
import json

from ..core.areas import list_areas
from ..core.visits import VISIT_SELECT
from ..core.workers import list_workers


def communities(db) -> list[tuple[str, str]]:
    """(id, name) of every community, for pickers."""
    return [(a["id"], a["name"]) for a in list_areas(db, "community")]


def workers(db) -> list[tuple[str, str]]:
    """(id, name) of every worker, for pickers."""
    return [(w["id"], w["name"]) for w in list_workers(db)]


def programs(db) -> list[tuple[str, str]]:
    """(id, name) of the service programs (亲情探访, 融入项目, ...)."""
    return [(r["id"], r["name"]) for r in db.query("SELECT id, name FROM programs WHERE deleted = 0 ORDER BY name")]


def visit_ids(db, *, date_from: datetime.date | None = None, date_to: datetime.date | None = None,
              worker_id: str | None = None, kind: str | None = None) -> list[str]:
    """Ids of the visits matching the Visits page's filters, newest first (ids-first paging)."""
    where, params = ["v.deleted = 0"], []
    if date_from:
        where.append("v.at >= ?")
        params.append(date_from.isoformat())
    if date_to:
        where.append("v.at < ?")
        params.append((date_to + datetime.timedelta(days=1)).isoformat())
    for column, value in (("v.worker_id", worker_id), ("v.kind", kind)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    sql = "SELECT v.id FROM visits v WHERE " + " AND ".join(where) + " ORDER BY v.at DESC, v.id DESC"
    return [r[0] for r in db.execute(sql, params)]


def visit_rows(db, ids: list[str]) -> list[dict]:
    """The list columns of the given visits, in the order of ``ids``."""
    if not ids:
        return []
    rows = {r["id"]: r for r in db.query(VISIT_SELECT + " WHERE v.id IN (SELECT value FROM json_each(?))",
                                          [json.dumps(ids)])}
    return [rows[i] for i in ids if i in rows]
