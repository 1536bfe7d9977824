"""A digest of everything synced: two databases with equal digests hold the same records and conflicts.

Covers every synced table's rows (fields and sync columns, stamps compared as JSON
objects) and the open conflict versions; leaves out what is local to one database —
``lstamp``/``lsrc``, derived columns (recomputed from the fields), meta, audit, ledger.
"""

from __future__ import annotations

import hashlib
import json

from ..core.schema import SYNC_COLUMNS, TABLES
from .conflicts import conflict_set


def synced_rows(db, table: str):
    """A table's synced content, row by row in id order."""
    columns = [*SYNC_COLUMNS, *TABLES[table]]
    stamps_at = columns.index("stamps")
    for row in db.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY id"):
        row = list(row)
        row[stamps_at] = json.loads(row[stamps_at])
        yield row


def content_digest(db) -> str:
    """SHA-256 over all synced content (see module docstring)."""
    digest = hashlib.sha256()
    for table in sorted(TABLES):
        digest.update(f"\n#{table}\n".encode())
        for row in synced_rows(db, table):
            digest.update(json.dumps(row, ensure_ascii=False, sort_keys=True).encode() + b"\n")
    digest.update(b"\n#conflicts\n")
    for item in conflict_set(db):
        digest.update(json.dumps(item, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()
