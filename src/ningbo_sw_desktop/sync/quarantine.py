"""Quarantined records: kept aside at import (clock too far ahead, value refused), applied later.

A record stamped by a PC whose clock ran ahead is applied once this PC's time has caught
up (``release_quarantine``, also run by the CLI's ``bundle quarantine --release``); one
with a refused value stays until a newer version of it arrives in a later bundle.
"""

from __future__ import annotations

import json

from ..core.clock import Clock
from ..core.db import write_transaction
from ..core.records import audit, now_text
from .importer import _Context, apply_records, screen
from .lines import Incoming
from .report import ImportReport
from .validate import Rules


def list_quarantine(db, *, include_released: bool = False) -> list[dict]:
    """Quarantined records, newest first, with why."""
    sql = ("SELECT id, bundle_id, table_name, record_id, hlc, reason, detail, received_at, released_at FROM quarantine"
           + ("" if include_released else " WHERE released_at IS NULL") + " ORDER BY id DESC")
    out = []
    for row in db.execute(sql).fetchall():
        item = dict(zip(("id", "bundle_id", "table", "record_id", "hlc", "reason", "detail", "received_at",
                         "released_at"), row, strict=True))
        item["detail"] = json.loads(item["detail"] or "{}")
        out.append(item)
    return out


def release_quarantine(db, *, now=None) -> ImportReport:
    """Apply the quarantined records that now pass (e.g. the clock caught up); the rest stay."""
    report = ImportReport("quarantine", 0, {})
    with write_transaction(db):
        rows = db.execute("SELECT id, bundle_id, table_name, payload FROM quarantine WHERE released_at IS NULL"
                          " ORDER BY id").fetchall()
        for qid, bundle_id, table, payload in rows:
            item = json.loads(payload)
            incoming = Incoming(rows={table: [item["line"]]},
                                conflicts={(table, item["line"][1]): [tuple(c) for c in item["conflicts"]]})
            screened = screen(incoming, {}, Rules(now))
            if not screened.total:
                continue
            clock = Clock.load(db)
            clock.observe(screened.newest)
            ctx = _Context(db, bundle_id, clock.tick(), report, incoming.conflicts, True)
            apply_records(ctx, screened)
            clock.save(db)
            db.execute("UPDATE quarantine SET released_at = ? WHERE id = ?", [now_text(), qid])
        if report.totals["new"] or report.totals["updated"]:
            audit(db, "release_quarantine", None, None, report.totals)
    return report
