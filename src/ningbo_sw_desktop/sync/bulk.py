"""A large import's slow SQL on a second thread, inside the import's one transaction.

SQLite lets go of Python's GIL while it runs a statement. Building a table's indexes again
after loading it and indexing its rows for search are a few long statements, so a second
thread can run them while the import's own thread reads and checks the next table in
Python: both cores work. The rows themselves are written on the import's thread:
``executemany`` takes the GIL back for every row, and on a second thread it would crawl
while the first runs Python (measured: 0.2 s alone, 1.1 s beside a busy thread).

Both threads use the one connection and SQLite serialises their statements on its own
mutex, so everything stays in the import's single transaction. The side thread is always
stopped and joined before that transaction ends, whether it commits or rolls back: no
statement can ever run outside it.
"""

from __future__ import annotations

import contextlib
import queue
import sys
import threading
from collections.abc import Callable, Iterator

from ..core.search_index import restore_search_triggers, suspend_search_triggers

# Page cache while a large import runs: the pages it writes stay in memory until the commit
# instead of spilling to the WAL and being written again (measured: 1.9 s -> 1.5 s of SQLite
# time for 100,000 records). Allocated only as pages are used; the usual size is restored after.
BULK_CACHE_KIB = 256 * 1024

# While the side thread runs, the GIL changes hands every 0.2 ms instead of 5 ms: the side
# thread's few lines of Python between two long statements otherwise wait up to 5 ms for the
# import's thread each time (measured: a table's index job 0.22 s instead of 0.06 s).
SWITCH_INTERVAL_S = 0.0002

_STOP = object()


class SideStatements:
    """Jobs (callables that run SQL on the import's connection) run in order on one thread."""

    def __init__(self) -> None:
        self._jobs: queue.Queue = queue.Queue()
        self._error: BaseException | None = None
        self._discard = threading.Event()
        self._thread = threading.Thread(target=self._work, name="import-side-sql", daemon=True)
        self._thread.start()

    def run(self, job: Callable[[], None]) -> None:
        """Queue ``job``; raises the error of an earlier job, if one failed."""
        self._raise_error()
        self._jobs.put(job)

    def busy(self) -> bool:
        """Jobs queued or running: the import's thread had better do Python work than wait for SQLite."""
        return self._jobs.unfinished_tasks > 0

    def finish(self) -> None:
        """Wait for every queued job; raises the first error."""
        self._stop()
        self._raise_error()

    def abandon(self) -> None:
        """Drop the jobs not yet started and wait for the running one (the import is failing)."""
        self._discard.set()
        self._stop()

    def _stop(self) -> None:
        if self._thread.is_alive():
            self._jobs.put(_STOP)
            self._thread.join()

    def _raise_error(self) -> None:
        if self._error is not None:
            error, self._error = self._error, None
            raise error

    def _work(self) -> None:
        while True:
            job = self._jobs.get()
            try:
                if job is _STOP:
                    return
                if not self._discard.is_set() and self._error is None:
                    job()
            except BaseException as exc:  # handed to the import's thread, which rolls back
                self._error = exc
            finally:
                self._jobs.task_done()


@contextlib.contextmanager
def bulk_writes(db, enabled: bool) -> Iterator[SideStatements | None]:
    """For a large import (``enabled``): search triggers suspended, a bigger page cache and a side thread.

    Yields None when not enabled (a small import lets the triggers index row by row). The
    caller holds the transaction; on success the side thread's jobs are finished and the
    triggers restored in it, on failure the jobs are abandoned and the rollback undoes all.
    """
    if not enabled:
        yield None
        return
    conn = db.conn
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    switch = sys.getswitchinterval()
    side = None
    try:  # everything set here is put back in ``finally``, even if setting it up fails half-way
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        saved = suspend_search_triggers(db)
        sys.setswitchinterval(SWITCH_INTERVAL_S)
        side = SideStatements()
        yield side
        side.finish()
        restore_search_triggers(db, saved)
    except BaseException:
        if side is not None:
            side.abandon()
        raise
    finally:
        sys.setswitchinterval(switch)
        conn.execute(f"PRAGMA cache_size = {cache}")
