"""changes.ndjson: one JSON array per line, one line per changed record or kept conflict version.

A record line is ``[table, id, created_at, updated_at, hlc, origin, deleted, stamps, [values]]``
with the values in the order the manifest's ``columns`` lists for the table; a conflict line
is ``["~conflict", table, record_id, field, stamp, base, value]``. Arrays rather than
objects: a third smaller and quicker to read. SQLite writes the record lines itself
(``json_array``), so export never builds a Python dict per row.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from ..core.schema import TABLES
from .errors import refuse

CONFLICT_TAG = "~conflict"
_SCANNER = json.JSONDecoder()
STAMP = re.compile(r"\d{13}-\d{4}-[0-9a-f]{16}")
DEVICE = re.compile(r"[0-9a-f]{16}")
_SCALARS = frozenset({str, int, float, type(None)})
RECORD_ID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
# Import order: parents before children, so fewer records wait for a parent.
TABLE_ORDER = ("areas", "programs", "workers", "service_projects", "persons", "cases", "visits", "clubs",
               "club_members", "activities", "attendance")
assert set(TABLE_ORDER) == set(TABLES)


def row_line_sql(table: str, fields: tuple[str, ...] | list[str]) -> str:
    """The SQL expression that renders one row of ``table`` as its line."""
    values = ", ".join(fields)
    return (f"json_array('{table}', id, created_at, updated_at, hlc, origin, deleted, json(stamps),"
            f" json_array({values}))")


def conflict_line(table: str, record_id: str, field_name: str, stamp: str, base: str, value) -> str:
    """One kept losing version as its line."""
    return json.dumps([CONFLICT_TAG, table, record_id, field_name, stamp, base, value], ensure_ascii=False,
                      separators=(",", ":"))


@dataclass
class Incoming:
    """A bundle's changes, read and checked for shape (not yet for meaning)."""

    rows: dict[str, list[list]] = field(default_factory=dict)
    conflicts: dict[tuple[str, str], list[tuple]] = field(default_factory=dict)
    total: int = 0

    def counts(self) -> dict[str, int]:
        """Lines per table, plus kept conflict versions, as the manifest counts them."""
        out = {t: len(rows) for t, rows in self.rows.items() if rows}
        conflicts = sum(len(v) for v in self.conflicts.values())
        if conflicts:
            out["conflicts"] = conflicts
        return out


def parse_changes(data: bytes, columns: dict[str, list[str]]) -> Incoming:
    """Read every line; refuse the bundle at the first line that is not well formed."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(0, "not UTF-8") from None
    incoming = Incoming(rows={t: [] for t in TABLE_ORDER})
    seen: set[tuple[str, str]] = set()
    devices: set[str] = set()  # origins already found well formed
    scan = _SCANNER.scan_once
    for number, line in enumerate(text.split("\n") if text else [], start=1):
        try:  # json.loads without its wrapper; anything unusual goes to json.loads itself
            item, end = scan(line, 0)
            if end != len(line):
                raise ValueError
        except (ValueError, StopIteration):
            try:
                item = json.loads(line)
            except ValueError:
                raise _bad(number, "not JSON") from None
        if type(item) is list and item and item[0] == CONFLICT_TAG:
            _add_conflict(incoming, item, columns, number)
            continue
        problem = row_problem(item, columns, devices)
        if problem:
            raise _bad(number, problem)
        key = (item[0], item[1])
        if key in seen:
            raise _bad(number, f"{item[0]} {item[1]} twice")
        seen.add(key)
        incoming.rows[item[0]].append(item)
    incoming.total = sum(len(r) for r in incoming.rows.values())
    _check_conflicts(incoming, seen, columns)
    return incoming


def _check_conflicts(incoming: Incoming, seen: set, columns: dict) -> None:
    """Each kept version travels with its record and is older than the field's current version."""
    missing = [k for k in incoming.conflicts if k not in seen]
    if missing:
        raise _bad(0, f"conflict versions without their record: {missing[0]}")
    wanted = {t for t, _ in incoming.conflicts}
    index = {(t, row[1]): row for t in wanted for row in incoming.rows[t]}
    for key, versions in incoming.conflicts.items():
        row = index[key]
        for name, stamp, _base, _value in versions:
            current = row[7].get(name) or row[7]["*"]
            if stamp >= current[0]:
                raise _bad(0, f"conflict version of {key[0]} {key[1]} {name} is not older than the record")


def _add_conflict(incoming: Incoming, item: list, columns: dict, number: int) -> None:
    """Keep one conflict line after checking its shape."""
    if len(item) != 7 or item[1] not in columns or item[3] not in columns[item[1]] or type(item[2]) is not str:
        raise _bad(number, "conflict line")
    stamp, base = item[4], item[5]
    if type(stamp) is not str or not STAMP.fullmatch(stamp) or not _base_ok(base, stamp):
        raise _bad(number, "conflict stamp")
    if type(item[6]) not in _SCALARS:
        raise _bad(number, "conflict value")
    incoming.conflicts.setdefault((item[1], item[2]), []).append((item[3], stamp, base, item[6]))


def row_problem(item, columns: dict[str, list[str]], devices: set[str] | None = None) -> str | None:
    """Why a record line is malformed, or None; ``devices`` remembers origins found well formed."""
    if type(item) is not list or len(item) != 9:
        return "record line shape"
    table, record_id, created, updated, hlc, origin, deleted, stamps, values = item
    if table not in columns or type(values) is not list or len(values) != len(columns[table]):
        return "table or values"
    if type(record_id) is not str or not RECORD_ID.fullmatch(record_id):
        return "record id"
    if type(created) is not str or type(updated) is not str or len(created) > 40 or len(updated) > 40:
        return "created/updated"
    if type(origin) is not str:
        return "origin/deleted"
    if devices is None or origin not in devices:
        if not DEVICE.fullmatch(origin):
            return "origin/deleted"
        if devices is not None:
            devices.add(origin)
    if deleted not in (0, 1) or type(deleted) is not int:
        return "origin/deleted"
    if not _SCALARS.issuperset(map(type, values)):
        return "value type"
    return stamps_problem(stamps, hlc, origin, deleted, columns[table])


def stamps_problem(stamps, hlc, origin: str, deleted: int, fields: list[str]) -> str | None:
    """Why a record's field stamps cannot be right, or None."""
    if type(stamps) is not dict or type(stamps.get("*")) is not list:
        return "stamps"
    if len(stamps) == 1 and not deleted:  # a record never edited (most of a big bundle): one quick look
        entry = stamps["*"]
        if len(entry) == 2 and entry[0] == hlc and entry[1] == "" and type(hlc) is str and STAMP.fullmatch(hlc) \
                and hlc[-16:] == origin:
            return None
    latest = ""
    for name, entry in stamps.items():
        if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str or not STAMP.fullmatch(entry[0]):
            return f"stamp of {name}"
        if name == "*":
            if entry[1] != "":
                return "creation stamp base"
        elif (name not in fields and name != "deleted") or not _base_ok(entry[1], entry[0]) or not entry[1]:
            return f"stamp of {name}"
        latest = max(latest, entry[0])
    if hlc != latest:
        return "row stamp is not its latest field stamp"
    if stamps["*"][0][-16:] != origin:
        return "origin is not the creating device"
    if ("deleted" in stamps) != bool(deleted):
        return "deletion stamp"
    return None


def _base_ok(base, stamp: str) -> bool:
    """A base is empty (creation) or an earlier stamp."""
    return type(base) is str and (base == "" or (STAMP.fullmatch(base) is not None and base < stamp))


def _bad(number: int, detail: str):
    where = f"第 {number} 行" if number else "内容"
    where_en = f"line {number}" if number else "content"
    return refuse("malformed", f"同步包的{where}格式不对（{detail}），不是本软件生成的同步包。",
                  f"The bundle's {where_en} is malformed ({detail}); it was not made by this app.")
