"""Sync bundles at scale: export of ~100,000 changed records, and import of that bundle into a fresh database.

Usage: ``python benchmarks/sync_speed.py [--records N] [--keep DIR] [--no-search-triggers]``.
An office database is bulk-loaded with ``core.demo_city.generate_city`` (the write path's
row format, executemany) to about N records; then, in one run:

- export: ``export_bundle`` to a supervisor (select, gzip, sign, encrypt, write), changes/s;
- import: ``import_bundle`` into a fresh supervisor database (read, decrypt, verify, parse,
  validate every record, merge, insert, index for search — in bulk, as every import of
  ``importer.BULK_MIN`` records or more does: triggers suspended, the written rows indexed
  with one INSERT ... SELECT per index table, triggers restored, in the import's transaction), changes/s;
- re-import: the same content in a new bundle into the now-populated database (all merges, nothing changes);
- plain upsert: the same rows ``executemany``-upserted into a fresh database of the same schema
  (same indexes and triggers), rows/s — the ceiling the import is measured against.

``--no-search-triggers`` drops the full-text index triggers in both target databases, to show
what the sync pipeline itself costs apart from indexing (not how the app runs).

Targets: import >= 50,000 changes/s and >= 0.4 of the plain upsert rate; export >= 100,000 changes/s.
Figures go to stdout and to ``benchmarks/out/sync_speed.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ningbo_sw_desktop.core.db import connect  # noqa: E402
from ningbo_sw_desktop.core.demo_city import TARGETS, generate_city  # noqa: E402
from ningbo_sw_desktop.core.office import init_office  # noqa: E402
from ningbo_sw_desktop.core.schema import DERIVED, SYNC_COLUMNS, TABLES  # noqa: E402
from ningbo_sw_desktop.core.search_index import drop_search_triggers  # noqa: E402
from ningbo_sw_desktop.sync import export_bundle, identity, import_bundle, trust_peer  # noqa: E402

TARGET_IMPORT, TARGET_RATIO, TARGET_EXPORT = 50_000, 0.4, 100_000


def office_db(folder: Path, records: int):
    """An office with about ``records`` synced records, loaded as the write path would write them."""
    db = connect(folder / "office.db")
    init_office(db, "HS-NM", "南门街道社工站")
    scale = records / sum(TARGETS.values())
    started = time.perf_counter()
    counts = generate_city(db, scale=scale)
    print(f"generated {sum(v for k, v in counts.items() if k != 'seconds'):,} records in "
          f"{time.perf_counter() - started:.1f} s")
    return db


def fresh_supervisor(folder: Path, name: str, office, triggers: bool = True):
    """A new supervisor database that the office trusts (so a bundle can be made for it)."""
    sup = connect(folder / f"{name}.db")
    if not triggers:
        drop_search_triggers(sup)
    init_office(sup, "DD-NB", "宁波市社工督导")
    info = identity(sup)
    trust_peer(office, name, info["age_recipient"], info["signing_key"], role="supervisor")
    return sup


def plain_upsert(office, folder: Path, triggers: bool = True) -> tuple[int, float]:
    """The same rows upserted with executemany into a fresh database of the same schema: (rows, seconds)."""
    target = connect(folder / "plain.db")
    if not triggers:
        drop_search_triggers(target)
    batches = []
    for table in TABLES:
        columns = [*SYNC_COLUMNS, *TABLES[table], *DERIVED.get(table, {}), "lstamp", "lsrc"]
        rows = office.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        sql = (f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
               f" ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in columns[1:])}")
        batches.append((sql, rows))
    started = time.perf_counter()
    target.conn.execute("BEGIN IMMEDIATE")
    for sql, rows in batches:
        target.conn.executemany(sql, rows)
    target.conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    target.close()
    return sum(len(rows) for _, rows in batches), seconds


def run(records: int, folder: Path, triggers: bool = True) -> dict:
    office = office_db(folder, records)
    sup = fresh_supervisor(folder, "supervisor", office, triggers)
    exported = export_bundle(office, "supervisor", folder / "HS-NM-0001.nbsync")
    n = exported.total
    imported = import_bundle(sup, exported.path, trust_new=True)
    again = export_bundle(office, "supervisor", folder / "HS-NM-0002.nbsync", full=True)
    reimported = import_bundle(sup, again.path)
    plain_rows, plain_seconds = plain_upsert(office, folder, triggers)
    assert imported.totals["new"] == n and not imported.quarantined
    assert reimported.totals["unchanged"] == n
    figures = {
        "records": n, "bundle_bytes": exported.size,
        "export_seconds": exported.seconds, "export_per_s": round(n / exported.seconds),
        "import_seconds": imported.seconds, "import_per_s": round(n / imported.seconds),
        "reimport_seconds": reimported.seconds, "reimport_per_s": round(n / reimported.seconds),
        "plain_upsert_seconds": round(plain_seconds, 3), "plain_upsert_per_s": round(plain_rows / plain_seconds),
    }
    figures["import_vs_plain"] = round(figures["import_per_s"] / figures["plain_upsert_per_s"], 2)
    figures["cpu_count"] = os.cpu_count()
    figures["search_triggers"] = triggers
    office.close()
    sup.close()
    return figures


def report(f: dict) -> None:
    def mark(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print(f"records: {f['records']:,}   bundle: {f['bundle_bytes'] / 1e6:.1f} MB   CPUs: {f['cpu_count']}"
          f"   search triggers: {'on' if f['search_triggers'] else 'OFF (pipeline only)'}")
    print(f"export        {f['export_seconds']:7.2f} s  {f['export_per_s']:>9,} changes/s   target {TARGET_EXPORT:,}: "
          f"{mark(f['export_per_s'] >= TARGET_EXPORT)}")
    print(f"import        {f['import_seconds']:7.2f} s  {f['import_per_s']:>9,} changes/s   target {TARGET_IMPORT:,}: "
          f"{mark(f['import_per_s'] >= TARGET_IMPORT)}")
    print(f"plain upsert  {f['plain_upsert_seconds']:7.2f} s  {f['plain_upsert_per_s']:>9,} rows/s")
    print(f"import / plain upsert: {f['import_vs_plain']:.2f}   target {TARGET_RATIO}: "
          f"{mark(f['import_vs_plain'] >= TARGET_RATIO)}")
    print(f"re-import (all unchanged) {f['reimport_seconds']:7.2f} s  {f['reimport_per_s']:>9,} changes/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, default=None, help="Work in this folder and keep it.")
    parser.add_argument("--no-search-triggers", action="store_true", help="Measure without full-text indexing.")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="sync-speed-"))
    folder.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("NINGBO_SW_DATA", str(folder / "data"))
    try:
        figures = run(args.records, folder, triggers=not args.no_search_triggers)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    report(figures)
    out = Path(__file__).parent / "out"
    out.mkdir(exist_ok=True)
    name = "sync_speed.json" if figures["search_triggers"] else "sync_speed_no_triggers.json"
    (out / name).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
