"""Measure before choosing: per-field sync stamps as a JSON column in the row, or a side table?

Usage: ``python benchmarks/field_stamps.py [--n 1000000] [--dir benchmarks/out]``.
Builds one database per design, each of N visit rows (written fresh, then N/100 edited one
field each):

1. **json** (the chosen design, ``core.records``): ``stamps`` JSON column ``{"*": [stamp, ""], field:
   [stamp, base]}`` plus the row stamp ``hlc`` with its index; also shown with the local
   ``lstamp`` column and index that migration 0003 added for export (``lsrc`` too);
2. **side**: a table ``field_stamps(record_id, field, stamp, base)`` with one row per field per
   record, keyed on (record_id, field) and indexed on ``stamp``; the visit row has no stamps.

Prints, for each: file size and the bytes the change tracking takes (dbstat), bulk write
time, milliseconds per single-record commit (WAL, ``synchronous=FULL``, as the app writes;
the designs take turns so disk noise falls on all alike), edit time, and the time to export
"what changed since a watermark" as (record, field, value, stamp, base) for 1% and 10% of
the data. The exports are checked to be identical.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ningbo_sw_desktop.core.clock import format_stamp  # noqa: E402

FIELDS = ["case_id", "person_id", "worker_id", "at", "kind", "duration_min", "notes", "outcome", "next_follow_up"]
BASE_COLUMNS = ["id", "created_at", "updated_at", "origin", "deleted", *FIELDS]
NOTES = ["入户探访，老人精神状态良好，血压偏高，已提醒按时服药。", "电话回访，服务对象表示最近睡眠改善，约定下周再次回访。",
         "外展走访，楼道杂物堆积，已联系物业清理。", "服务对象来站咨询，协助申请居家养老服务补贴，材料待补充。"]
DEVICE = "a1b2c3d4e5f60718"
BATCH = 10_000
DESIGNS = {"json": "(1) json + hlc", "lstamp": "(1) + lstamp (0003)", "side": "(2) side table"}


class Stamps:
    """Increasing HLC stamps of one device (the clock's format), from a fixed start so both runs match."""

    def __init__(self, start_ms: int):
        self.ms, self.counter = start_ms, 0

    def next(self) -> str:
        self.counter += 1
        if self.counter > 9999:
            self.ms, self.counter = self.ms + 1, 0
        return format_stamp(self.ms, self.counter, DEVICE)


def uuid7(rng: random.Random, ms: int) -> str:
    """A UUIDv7 from the seeded generator, so both designs hold the same ids."""
    value = (ms << 80) | (0x7 << 76) | (rng.getrandbits(12) << 64) | (0b10 << 62) | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def open_db(path: Path, design: str) -> sqlite3.Connection:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA cache_size=-32000")  # the app's setting
    cols = ["id TEXT PRIMARY KEY", "created_at TEXT NOT NULL", "updated_at TEXT NOT NULL", "origin TEXT NOT NULL",
            "deleted INTEGER NOT NULL DEFAULT 0", *[f"{f} {'INTEGER' if f == 'duration_min' else 'TEXT'}" for f in FIELDS]]
    if design != "side":
        cols += ["hlc TEXT NOT NULL", "stamps TEXT NOT NULL"] + (["lstamp TEXT", "lsrc TEXT"] if design == "lstamp" else [])
    conn.execute(f"CREATE TABLE visits ({', '.join(cols)})")
    if design != "side":
        conn.execute("CREATE INDEX idx_visits_hlc ON visits(hlc)")
        if design == "lstamp":
            conn.execute("CREATE INDEX idx_visits_lstamp ON visits(lstamp)")
    else:
        conn.execute("CREATE TABLE field_stamps (record_id TEXT NOT NULL, field TEXT NOT NULL, stamp TEXT NOT NULL,"
                     " base TEXT NOT NULL, PRIMARY KEY (record_id, field)) WITHOUT ROWID")
        conn.execute("CREATE INDEX idx_field_stamps_stamp ON field_stamps(stamp)")
    return conn


def visit_values(rng: random.Random, case_ids: list[str], now: str, ms: int) -> list:
    """One visit row's base columns (same values in both designs: the generator is reseeded)."""
    day = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return [uuid7(rng, ms), now, now, DEVICE, 0, rng.choice(case_ids), str(uuid.UUID(int=rng.getrandbits(128))),
            str(uuid.UUID(int=rng.getrandbits(128))), f"{day}T{rng.randint(8, 17):02d}:30:00",
            rng.choice(["home", "phone", "office"]), rng.choice([15, 30, 60]), rng.choice(NOTES),
            rng.choice(["情况稳定", None]), rng.choice([None, day])]


def insert_many(conn, design: str, rows: list[list], stamps: Stamps) -> None:
    """Write fresh records the way each design would (one stamp per record)."""
    extra = {"json": ", hlc, stamps", "lstamp": ", hlc, stamps, lstamp", "side": ""}[design]
    marks = ", ".join("?" * (len(BASE_COLUMNS) + extra.count(",")))
    if design != "side":
        out = []
        for row in rows:
            s = stamps.next()
            out.append((*row, s, '{"*":["' + s + '",""]}', *((s,) if design == "lstamp" else ())))
        conn.executemany(f"INSERT INTO visits ({', '.join(BASE_COLUMNS)}{extra}) VALUES ({marks})", out)
    else:
        side = []
        for row in rows:
            s = stamps.next()
            side.extend((row[0], f, s, "") for f in FIELDS)
        conn.executemany(f"INSERT INTO visits ({', '.join(BASE_COLUMNS)}) VALUES ({marks})", rows)
        conn.executemany("INSERT INTO field_stamps VALUES (?, ?, ?, ?)", side)


def edit(conn, design: str, record_id: str, field: str, value, stamps: Stamps, now: str) -> None:
    """Change one field of one record, recording its new stamp and the base the editor saw."""
    s = stamps.next()
    if design != "side":
        (raw,) = conn.execute("SELECT stamps FROM visits WHERE id = ?", [record_id]).fetchone()
        marks = json.loads(raw)
        marks[field] = [s, (marks.get(field) or marks["*"])[0]]
        local = ", lstamp = ?, lsrc = NULL" if design == "lstamp" else ""
        conn.execute(f"UPDATE visits SET {field} = ?, hlc = ?, updated_at = ?, stamps = ?{local} WHERE id = ?",
                     [value, s, now, json.dumps(marks, separators=(",", ":")), *([s] if local else []), record_id])
    else:
        conn.execute(f"UPDATE visits SET {field} = ?, updated_at = ? WHERE id = ?", [value, now, record_id])
        conn.execute("UPDATE field_stamps SET base = stamp, stamp = ? WHERE record_id = ? AND field = ?", [s, record_id, field])


def export_since(conn, design: str, watermark: str) -> list[tuple]:
    """Every field changed after ``watermark``: (record_id, field, value, stamp, base)."""
    out = []
    if design != "side":
        by = "lstamp" if design == "lstamp" else "hlc"
        for row in conn.execute(f"SELECT id, stamps, {', '.join(FIELDS)} FROM visits WHERE {by} > ?", [watermark]):
            marks = json.loads(row[1])
            star = marks["*"]
            for i, f in enumerate(FIELDS):
                stamp, base = marks.get(f) or star
                if stamp > watermark:
                    out.append((row[0], f, row[2 + i], stamp, base))
    else:
        index = {f: i for i, f in enumerate(FIELDS)}
        sql = (f"SELECT s.record_id, s.field, s.stamp, s.base, {', '.join('v.' + f for f in FIELDS)}"
               " FROM field_stamps s JOIN visits v ON v.id = s.record_id WHERE s.stamp > ?")
        for row in conn.execute(sql, [watermark]):
            out.append((row[0], row[1], row[4 + index[row[1]]], row[2], row[3]))
    return out


def sizes(conn) -> dict[str, int]:
    """Bytes per table and index (dbstat)."""
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {name: size for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name")}


class Run:
    """One design's database: built, edited, then saved to and exported from."""

    def __init__(self, design: str, path: Path, n: int, seed: int, start_ms: int):
        self.design, self.path, self.n, self.now = design, path, n, "2026-11-29T09:00:00"
        self.rng, self.stamps, self.ms = random.Random(seed), Stamps(start_ms), start_ms - 86_400_000
        self.case_ids = [uuid7(self.rng, self.ms) for _ in range(n // 10 or 1)]
        self.conn = open_db(path, design)
        self.result: dict = {}
        self.saves: list[float] = []

    def rows(self, k: int) -> list[list]:
        self.ms += 1
        return [visit_values(self.rng, self.case_ids, self.now, self.ms) for _ in range(k)]

    def build(self) -> None:
        """Bulk-write N fresh visits in one transaction, then edit 1% of them (one field each)."""
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        for done in range(0, self.n, BATCH):
            insert_many(self.conn, self.design, self.rows(min(BATCH, self.n - done)), self.stamps)
        self.conn.execute("COMMIT")
        self.result["bulk write s"] = round(time.perf_counter() - start, 1)
        ids = [r[0] for r in self.conn.execute("SELECT id FROM visits ORDER BY rowid")]
        marks = {"10%": ids[int(self.n * 0.9)], "1%": ids[int(self.n * 0.99)]}
        field = "hlc" if self.design != "side" else "(SELECT stamp FROM field_stamps WHERE record_id = id LIMIT 1)"
        self.marks = {k: self.conn.execute(f"SELECT {field} FROM visits WHERE id = ?", [v]).fetchone()[0]
                      for k, v in marks.items()}
        start = time.perf_counter()
        self.conn.execute("BEGIN")
        for record_id in self.rng.sample(ids, max(1, self.n // 100)):
            edit(self.conn, self.design, record_id, "outcome", "已转介", self.stamps, self.now)
        self.conn.execute("COMMIT")
        self.result["edit 1% s"] = round(time.perf_counter() - start, 1)

    def save_one(self) -> None:
        """What a worker's "save" costs at this size: one record, one durable commit."""
        t = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        insert_many(self.conn, self.design, self.rows(1), self.stamps)
        self.conn.execute("COMMIT")
        self.saves.append((time.perf_counter() - t) * 1000)

    def finish(self) -> dict:
        """Exports since the watermarks, then sizes."""
        self.result["one save ms"] = round(statistics.median(self.saves), 2)
        self.exports = {}
        for label, mark in self.marks.items():
            start = time.perf_counter()
            rows = export_since(self.conn, self.design, mark)
            self.result[f"export {label} s"] = round(time.perf_counter() - start, 2)
            self.result[f"export {label} fields"] = len(rows)
            self.exports[label] = sorted(rows)
        by_name = sizes(self.conn)
        self.conn.close()
        self.result["file MB"] = round(self.path.stat().st_size / 1e6, 1)
        tracking = {"json": ["idx_visits_hlc"], "lstamp": ["idx_visits_hlc", "idx_visits_lstamp"],
                    "side": ["field_stamps", "idx_field_stamps_stamp"]}[self.design]
        self.result["stamp index/table MB"] = round(sum(by_name.get(t, 0) for t in tracking) / 1e6, 1)
        self.result["visits table MB"] = round(by_name.get("visits", 0) / 1e6, 1)
        return self.result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000)
    parser.add_argument("--dir", type=Path, default=Path(__file__).resolve().parent / "out")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--saves", type=int, default=300)
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    start_ms = int(time.time() * 1000)
    runs = {d: Run(d, args.dir / f"stamps_{d}.db", args.n, args.seed, start_ms) for d in DESIGNS}
    for run in runs.values():
        print(f"{run.design}: writing {args.n:,} visits ...", file=sys.stderr, flush=True)
        run.build()
    for _ in range(args.saves):  # interleaved, so disk noise falls on both alike
        for run in runs.values():
            run.save_one()
    results = {d: run.finish() for d, run in runs.items()}
    for d in ("json", "lstamp"):  # the stamp columns in the row, plus their indexes
        in_row = results[d]["visits table MB"] - results["side"]["visits table MB"]
        results[d]["change tracking MB"] = round(in_row + results[d]["stamp index/table MB"], 1)
    results["side"]["change tracking MB"] = results["side"]["stamp index/table MB"]
    print(f"N = {args.n:,} visit rows ({len(FIELDS)} fields each), {args.n // 100:,} edited; SQLite {sqlite3.sqlite_version}")
    print(f"{'':24}" + "".join(f"{DESIGNS[d]:>22}" for d in DESIGNS))
    for key in results["json"]:
        print(f"{key:24}" + "".join(f"{results[d][key]:>22}" for d in DESIGNS))
    same = all(run.exports == runs["json"].exports for run in runs.values())
    print("exports identical:", same)


if __name__ == "__main__":
    main()
