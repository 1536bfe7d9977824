"""Hybrid logical clock: the stamp of every change, ordered the same on every device.

A stamp is ``MILLISECONDS-COUNTER-DEVICE`` at fixed width (13 + 4 + 16 characters), so
comparing stamps as text compares them as clocks. The last stamp is persisted in ``meta``
and the clock never goes backwards, even if the PC's clock is set back.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

COUNTER_MAX = 9999


def format_stamp(ms: int, counter: int, device: str) -> str:
    """Text form of a stamp."""
    return f"{ms:013d}-{counter:04d}-{device}"


def parse_stamp(stamp: str) -> tuple[int, int, str]:
    """(milliseconds, counter, device) of a stamp; ValueError when malformed."""
    ms, counter, device = stamp.split("-")
    if len(ms) != 13 or len(counter) != 4 or len(device) != 16:
        raise ValueError(f"malformed clock stamp {stamp!r}")
    return int(ms), int(counter), device


def stamp_ms(stamp: str) -> int:
    """The wall-clock part of a stamp, in milliseconds since the epoch."""
    return int(stamp[:13])


@dataclass
class Clock:
    """The device's clock during one write transaction; ``save`` persists it."""

    device: str
    ms: int = 0
    counter: int = 0

    @classmethod
    def load(cls, db) -> Clock:
        """Read the device id and the last stamp from ``meta``."""
        rows = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('device_id', 'hlc_last')").fetchall())
        clock = cls(device=rows["device_id"])
        if rows.get("hlc_last"):
            clock.ms, clock.counter, _ = parse_stamp(rows["hlc_last"])
        return clock

    def tick(self) -> str:
        """A new stamp later than every stamp this device has made or seen."""
        now = int(time.time() * 1000)
        if now > self.ms:
            self.ms, self.counter = now, 0
        elif self.counter < COUNTER_MAX:
            self.counter += 1
        else:
            self.ms, self.counter = self.ms + 1, 0
        return format_stamp(self.ms, self.counter, self.device)

    def observe(self, stamp: str) -> None:
        """Move past a stamp received from another device (on import)."""
        ms, counter, _ = parse_stamp(stamp)
        if (ms, counter) > (self.ms, self.counter):
            self.ms, self.counter = ms, counter

    def last(self) -> str:
        """The latest stamp made or seen."""
        return format_stamp(self.ms, self.counter, self.device)

    def save(self, db) -> None:
        """Persist the clock (inside the caller's transaction)."""
        db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('hlc_last', ?)", [self.last()])
