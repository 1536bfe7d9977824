"""The frame every ``verb_noun`` write runs in: one transaction, one clock, one Changes."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from .changes import Changes
from .clock import Clock
from .db import write_transaction


@contextlib.contextmanager
def writing(db) -> Iterator[tuple[Clock, Changes]]:
    """Open a write transaction with the device clock; persist the clock on success."""
    changes = Changes()
    with write_transaction(db):
        clock = Clock.load(db)
        yield clock, changes
        clock.save(db)
