"""Opening the database: one function makes every connection, so a driver can be swapped.

Settings chosen for data that must survive a power cut in a village office: WAL (a reader
and the writer side by side), ``synchronous=FULL`` (a committed visit is on disk) and a
busy timeout so the GUI's writer and a CLI run wait for each other instead of failing.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from .errors import UserError
from .i18n import Text

BUSY_TIMEOUT_MS = 10_000


def connect(path: str | Path, *, migrate: bool = True) -> sqlite_utils.Database:
    """Open (or create) the database at ``path`` and bring its schema up to date."""
    path = Path(path)
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if str(path) != ":memory:":
        try:
            conn.execute("PRAGMA journal_mode=WAL")
        except sqlite3.DatabaseError as exc:  # not SQLite at all: say so instead of a traceback
            conn.close()
            raise UserError(Text(
                f"“{path}”不是本软件的数据库文件（{exc}），文件未作任何改动。请检查 --db 指定的路径。",
                f"“{path}” is not a database of this app ({exc}); it was not changed. Check the --db path.")) from exc
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")  # synced tables take children before parents
    conn.execute("PRAGMA temp_store=MEMORY")
    conn.execute("PRAGMA cache_size=-32000")
    db = sqlite_utils.Database(conn, execute_plugins=False)
    if migrate:
        from .migrations import migrate as run_migrations

        run_migrations(db, path)
    return db


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One all-or-nothing write; ``BEGIN IMMEDIATE`` takes the write lock up front.

    Taking the lock first means two writers queue on the busy timeout rather than one
    failing half-way; nested use becomes a savepoint of the outer transaction.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
