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
from collections.abc import Iterator
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
    """A bundle's changes: sorted by table at once, each table's lines read when it is asked for.

    ``split_changes`` only looks at the start of each line to file it under its table (and
    reads the few conflict lines), so the counts are known at once; ``read_table`` reads and
    checks one table's lines. An import reads a table, writes it and hands the slow SQL
    that follows (index building) to a second thread while it reads the next table.
    """

    rows: dict[str, list[list]] = field(default_factory=dict)
    conflicts: dict[tuple[str, str], list[tuple]] = field(default_factory=dict)
    total: int = 0
    columns: dict[str, list[str]] = field(default_factory=dict)
    pending: dict[str, list[str]] = field(default_factory=dict)  # table -> lines not read yet
    numbers: dict[str, list[int]] = field(default_factory=dict)  # their line numbers, for messages
    devices: set[str] = field(default_factory=set)  # origins already found well formed

    def counts(self) -> dict[str, int]:
        """Lines per table, plus kept conflict versions, as the manifest counts them."""
        tables = {t: len(self.rows.get(t) or ()) + len(self.pending.get(t) or ()) for t in {*self.rows, *self.pending}}
        out = {t: n for t, n in tables.items() if n}
        conflicts = sum(len(v) for v in self.conflicts.values())
        if conflicts:
            out["conflicts"] = conflicts
        return out

    def read_table(self, table: str) -> list[list]:
        """The table's record lines, read and checked for shape; refuses the bundle at the first bad one."""
        for _ in self.read_chunks(table, len(self.pending.get(table) or ()) or 1):
            pass
        return self.rows.setdefault(table, [])

    def read_chunks(self, table: str, size: int) -> Iterator[list[list]]:
        """``read_table`` a chunk of ``size`` lines at a time (the import writes each before reading on).

        The checks across the table (an id twice, conflict versions without their record)
        are made as the chunks go and at the end: a refusal may come after earlier chunks
        were written, inside the import's transaction, which then rolls back.
        """
        lines, numbers = self.pending.pop(table, []), self.numbers.pop(table, [])
        out = self.rows.setdefault(table, [])
        seen: set[str] = set()
        columns, devices = self.columns, self.devices
        for start in range(0, len(lines), size):
            chunk = []
            for line, number in zip(lines[start:start + size], numbers[start:start + size], strict=True):
                item = _read(line, number)
                problem = row_problem(item, columns, devices) or (None if item[0] == table else "table")
                if problem:
                    raise _bad(number, problem)
                if item[1] in seen:
                    raise _bad(number, f"{table} {item[1]} twice")
                seen.add(item[1])
                chunk.append(item)
            out += chunk
            yield chunk
        _check_conflicts(self, table, seen)

    def read_all(self) -> Incoming:
        """Read every table (``inspect`` checks a bundle as thoroughly as an import does)."""
        for table in TABLE_ORDER:
            self.read_table(table)
        return self


def split_changes(data: bytes, columns: dict[str, list[str]]) -> Incoming:
    """File every line under its table without reading it; read conflict lines and anything odd now."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(0, "not UTF-8") from None
    incoming = Incoming(columns=columns, pending={t: [] for t in TABLE_ORDER}, numbers={t: [] for t in TABLE_ORDER})
    pending, numbers = incoming.pending, incoming.numbers
    for number, line in enumerate(text.split("\n") if text else [], start=1):
        if line.startswith('["'):  # the usual '["visits",...': filed by its first string, read later
            end = line.find('"', 2)
            table = line[2:end]
            if table in pending and line[end + 1:end + 2] == ",":
                pending[table].append(line)
                numbers[table].append(number)
                continue
        item = _read(line, number)
        if type(item) is list and item and item[0] == CONFLICT_TAG:
            _add_conflict(incoming, item, columns, number)
            continue
        problem = row_problem(item, columns, incoming.devices)
        if problem:
            raise _bad(number, problem)
        pending[item[0]].append(line)  # a record line written unusually (an escaped table name): read again later
        numbers[item[0]].append(number)
    incoming.total = sum(len(v) for v in pending.values())
    return incoming


def parse_changes(data: bytes, columns: dict[str, list[str]]) -> Incoming:
    """Read every line; refuse the bundle at the first line that is not well formed."""
    return split_changes(data, columns).read_all()


def _read(line: str, number: int):
    """One line as JSON: ``json.loads`` without its wrapper; anything unusual goes to ``json.loads`` itself."""
    try:
        item, end = _SCANNER.scan_once(line, 0)
        if end != len(line):
            raise ValueError
        return item
    except (ValueError, StopIteration):
        try:
            return json.loads(line)
        except ValueError:
            raise _bad(number, "not JSON") from None


def _check_conflicts(incoming: Incoming, table: str, seen: set) -> None:
    """Each kept version of ``table`` travels with its record and is older than the field's current version."""
    keys = [k for k in incoming.conflicts if k[0] == table]
    missing = [k for k in keys if k[1] not in seen]
    if missing:
        raise _bad(0, f"conflict versions without their record: {missing[0]}")
    if not keys:
        return
    index = {row[1]: row for row in incoming.rows[table]}
    for key in keys:
        row = index[key[1]]
        for name, stamp, _base, _value in incoming.conflicts[key]:
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
