"""Reads only documents need: row keys of sign-in sheets and visits per month for the charts.

Clubs, members and activities come from ``core.clubs``, like everywhere else.
"""

from __future__ import annotations

import datetime
import hashlib

from ..core.stats import LIVE_VISIT

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread on paper


def row_key(person_id: str, length: int = 4) -> str:
    """A short, stable key of a person printed on rosters and sheets (Crockford base32)."""
    number = int.from_bytes(hashlib.sha256(person_id.encode()).digest()[:5], "big")
    return "".join(CROCKFORD[(number >> (35 - 5 * i)) & 31] for i in range(length))


def row_keys(person_ids: list[str]) -> dict[str, str]:
    """Keys for everyone on one sheet: 4 characters, 5 or more only if two would clash."""
    for length in range(4, 8):
        keys = {pid: row_key(pid, length) for pid in person_ids}
        if len(set(keys.values())) == len(keys):
            return keys
    return {pid: row_key(pid, 7) for pid in person_ids}


def match_row_key(db, activity_id: str, typed: str) -> dict | None:
    """The person a key typed from a marked sign-in sheet stands for (case and 0/O, 1/I/L forgiven)."""
    from ..core.clubs import attendance_sheet

    key = typed.strip().upper().translate(str.maketrans("OIL", "011"))
    people = attendance_sheet(db, activity_id)["rows"]
    keys = row_keys([p["person_id"] for p in people])
    found = [p for p in people if keys[p["person_id"]] == key]
    return found[0] if len(found) == 1 else None


def visits_per_bucket(db, date_from: str, date_to: str) -> tuple[str, list[tuple[str, int]]]:
    """Visits per month (or per week for periods up to about three months), gaps filled with 0."""
    start, end = datetime.date.fromisoformat(date_from), datetime.date.fromisoformat(date_to)
    end_next = (end + datetime.timedelta(days=1)).isoformat()
    if (end - start).days <= 92:
        first = start - datetime.timedelta(days=start.weekday())
        counts = dict(db.execute(
            "SELECT CAST((julianday(substr(at, 1, 10)) - julianday(?)) / 7 AS INTEGER) AS wk, COUNT(*)"
            f" FROM visits WHERE {LIVE_VISIT} AND at >= ? AND at < ? GROUP BY wk",
            [first.isoformat(), start.isoformat(), end_next]).fetchall())
        weeks = (end - first).days // 7 + 1
        # each week is named by its first day inside the period (the first one by the period's start)
        return "week", [(max(first + datetime.timedelta(weeks=i), start).strftime("%m-%d"), counts.get(i, 0))
                        for i in range(weeks)]
    counts = dict(db.execute(
        f"SELECT substr(at, 1, 7) AS ym, COUNT(*) FROM visits WHERE {LIVE_VISIT} AND at >= ? AND at < ? GROUP BY ym",
        [start.isoformat(), end_next]).fetchall())
    months, year, month = [], start.year, start.month
    while (year, month) <= (end.year, end.month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return "month", [(m, counts.get(m, 0)) for m in months]
