"""Import: verify all, check every record, then merge in one ``BEGIN IMMEDIATE`` transaction.

Nothing is written until the whole bundle has passed verification; then records, kept
conflict versions, quarantined records, the peer's acknowledgement, the ledger entry and
the clock are written together, so a crash or a kill leaves the database as it was.
The bundle is read, checked and written one table at a time, inside that transaction: a
malformed line found in a later table rolls back what earlier tables wrote.

Records go in with plain INSERT/UPDATE. A small import lets the search-index triggers
follow them row by row; a large one (``BULK_MIN`` records or more) suspends the triggers
inside its transaction, takes the old entries of the rows it changes out of the index
before changing them, and once a table is written hands the building of its indexes and
its search entries to a second thread (``bulk``) while it reads the next table — the same
index, several times faster, and all of it rolled back together.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
import time
from dataclasses import dataclass, field

from ..core.clock import Clock, stamp_ms
from ..core.db import write_transaction
from ..core.derived import derive
from ..core.ids import natural_id
from ..core.persons import same_id_number
from ..core.records import audit, now_text
from ..core.schema import DERIVED, PERSONAL_FIELDS, SYNC_COLUMNS, TABLES
from ..core.search_index import SOURCES, index_rows, link_visits, unindex_rows
from . import ledger
from .bulk import SideStatements, bulk_writes
from .errors import check_abort
from .keys import Peer, device_keys, free_peer_name, store_peer
from .lines import TABLE_ORDER, Incoming
from .merge import RowState, conflict_keys, merge_record
from .report import ImportReport, Quarantined
from .validate import Rules, problems, quick_ok
from .verify import OpenedBundle, check_trust, load_changes, open_bundle
from .waiting import PARENT_LINKS, waiting_among

SKEW_MS = 10 * 60 * 1000  # a stamp later than this past our clock is quarantined, not applied
CHUNK = 2000
BULK_MIN = 2000  # records from which an import indexes for search in bulk rather than by trigger
LOCAL = ("lstamp", "lsrc")


class _DryRun(Exception):
    """Raised at the end of a dry run so the transaction rolls back."""


@dataclass
class Screened:
    """Records that may be applied (with their field dicts) and those kept aside."""

    accepted: dict[str, list[tuple[list, dict]]] = field(default_factory=dict)
    quarantined: list[tuple[str, list, Quarantined]] = field(default_factory=list)
    newest: str = ""

    @property
    def total(self) -> int:
        return sum(len(v) for v in self.accepted.values())


def import_bundle(db, path, *, trust_new: bool = False, dry_run: bool = False, passphrase: str | None = None,
                  progress=None, abort=None, now=None) -> ImportReport:
    """Import a bundle meant for this device; ``now`` (a datetime) is for tests of clock skew."""
    started = time.perf_counter()
    keys = device_keys(db)
    opened = open_bundle(db, path, passphrase=passphrase, keys=keys)
    manifest = opened.manifest
    report = ImportReport(manifest.bundle_id, manifest.sequence, origin_summary(manifest.origin), dry_run=dry_run)
    if ledger.already_imported(db, manifest, opened.sha256):
        report.already_imported = True
        return report
    peer = check_trust(db, manifest, trust_new)
    with _gc_paused():
        incoming = load_changes(opened)
        check_abort(abort)
        try:
            with write_transaction(db):
                if ledger.already_imported(db, manifest, opened.sha256):  # another process won the race
                    report.already_imported = True
                    return report
                _apply(db, keys.fingerprint, opened, peer, incoming, Rules(now), report, progress, abort)
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
    report.seconds = round(time.perf_counter() - started, 3)
    return report


@contextlib.contextmanager
def _gc_paused():
    """No cyclic garbage collection while a bundle's records are read and applied.

    Reading 100,000 lines makes a few hundred thousand lists and dicts, none of them
    cyclic garbage, and each batch of them set off a collection that walks every object
    alive: a third of the reading time. Reference counting still frees everything.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def origin_summary(origin: dict) -> dict:
    """Who sent a bundle, for reports."""
    return {k: origin.get(k) for k in ("office_code", "office_name", "device_id", "fingerprint", "role")}


def screen(incoming: Incoming, columns: dict, rules: Rules) -> Screened:
    """Split records already read into those to apply and those to quarantine (future stamps, refused values)."""
    out = Screened()
    for table in TABLE_ORDER:
        screen_table(out, table, incoming.rows.get(table, ()), columns.get(table), rules)
    return out


def screen_table(out: Screened, table: str, lines, given: list[str] | None, rules: Rules) -> list[tuple[list, dict]]:
    """Screen lines of one table into ``out``; returns those of them accepted, as (line, row) pairs."""
    limit = f"{int(rules.now.timestamp() * 1000) + SKEW_MS:013d}-9999-ffffffffffffffff"
    fields = TABLES[table]
    given = given or list(fields)
    same = list(given) == list(fields)
    accepted = out.accepted.setdefault(table, [])
    first, newest = len(accepted), out.newest
    for line in lines:
        row = dict(zip(given, line[8], strict=True))
        if not same:
            line[8] = [row.get(f) for f in fields]
            row = dict(zip(fields, line[8], strict=True))
        if line[4] > limit:
            out.quarantined.append((table, line, _future(table, line)))
            continue
        wrong = None if quick_ok(rules, table, line[1], row, line[6] == 1) else problems(
            rules, table, line[1], row, line[6] == 1)
        if wrong:
            out.quarantined.append((table, line, Quarantined(table, line[1], "invalid", "; ".join(map(str, wrong)),
                                                              [e.field for e in wrong])))
            continue
        accepted.append((line, row))
        if line[4] > newest:
            newest = line[4]
    out.newest = newest
    return accepted[first:]


def _future(table: str, line: list) -> Quarantined:
    """A record stamped too far in the future: the sending PC's clock is probably wrong."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(stamp_ms(line[4]) / 1000))
    return Quarantined(table, line[1], "future_stamp",
                       f"修改时间 {when} 晚于本机时间超过 {SKEW_MS // 60000} 分钟，请检查发出方电脑的时钟 / "
                       f"changed at {when}, more than {SKEW_MS // 60000} minutes ahead of this PC: check the sender's clock")


@dataclass
class _Context:
    """What one import's writes share."""

    db: object
    bundle_id: str
    lstamp: str
    report: ImportReport
    conflicts_in: dict
    has_conflicts: bool
    touched: dict = field(default_factory=dict)
    inserted: dict = field(default_factory=dict)
    written: dict = field(default_factory=dict)
    bulk_index: bool = False
    unlinked_visits: int = 0  # visits 1..n written to an empty table, indexed but not yet linked to cases


def _apply(db, my_fp: str, opened: OpenedBundle, peer: Peer | None, incoming: Incoming, rules: Rules,
           report: ImportReport, progress, abort) -> None:
    """Every write of one import (the caller holds the transaction)."""
    manifest = opened.manifest
    report.trusted_now = _remember_peer(db, manifest, peer)
    clock = Clock.load(db)
    has_conflicts = db.execute("SELECT EXISTS (SELECT 1 FROM conflicts)").fetchone()[0] == 1
    ctx = _Context(db, manifest.bundle_id, clock.tick(), report, incoming.conflicts, has_conflicts)
    screened = apply_incoming(ctx, incoming, rules, progress, abort)
    if screened.newest:  # after the tick: this import's own stamp need not follow the records it took
        clock.observe(screened.newest)
    store_quarantined(db, manifest.bundle_id, screened, incoming.conflicts)
    report.quarantined = [q for _, _, q in screened.quarantined]
    arrived = {t: {line[1] for line, _ in items} for t, items in screened.accepted.items()}
    report.waiting = waiting_among(db, ctx.touched, arrived, ctx.written)
    report.possible_duplicates = same_id_number(db, report.changes.created.get("persons", []))
    report.acknowledged = ledger.apply_acknowledgements(db, manifest, my_fp)
    ledger.remember_devices(db, manifest)
    newest_before = ledger.highest_imported(db, manifest.origin_fingerprint, my_fp)
    ledger.record_import(db, manifest, opened.sha256, report.totals)
    # Only the gaps this bundle reveals: each later bundle carries everything a lost one held, so
    # an old gap is said once (``bundle status`` keeps the full list), not after every import.
    report.missing_sequences = [n for n in ledger.missing_sequences(db, manifest.origin_fingerprint, my_fp)
                                if n > newest_before]
    clock.save(db)
    audit(db, "import_bundle", None, None, {"bundle_id": manifest.bundle_id, "from": report.origin.get("office_code"),
                                            "sequence": manifest.sequence, **report.totals})


def _remember_peer(db, manifest, peer: Peer | None) -> bool:
    """Trust on first use (already confirmed by the caller) or refresh what we know of the peer."""
    origin = manifest.origin
    fp, first_use = origin["fingerprint"], peer is None
    if first_use:
        name, trusted_at, how = free_peer_name(db, origin.get("office_code") or origin["device_id"], fp), now_text(), "first-use"
    else:
        name, trusted_at, how = peer.name, peer.trusted_at, peer.trusted_how
    store_peer(db, Peer(fp, name, origin["age_recipient"], origin["signing_key"], trusted_at, how, origin["device_id"],
                        origin.get("office_code"), origin.get("office_name"), origin.get("role")))
    return first_use


def apply_incoming(ctx: _Context, incoming: Incoming, rules: Rules, progress=None, abort=None) -> Screened:
    """Read, screen and write a bundle table by table; what was screened out is in the result.

    A large import takes the biggest tables first. A table is read, screened and written a
    chunk at a time, and the side thread indexes each written chunk for search while the
    next one is read; once a table is written, the side thread builds its indexes while this
    thread reads and screens the following tables (Python) rather than queue behind it for
    the connection. Tables screened ahead are written in turn.
    """
    screened, progress_at, total = Screened(), [0], incoming.total
    columns = incoming.columns

    def advance(n: int) -> None:
        progress_at[0] += n
        if progress:
            progress(progress_at[0], total)

    with bulk_writes(ctx.db, total >= BULK_MIN) as side:
        ctx.bulk_index = side is not None  # no triggers then: the side thread indexes what is written
        order = list(TABLE_ORDER)
        if side is not None:
            order.sort(key=lambda t: -len(incoming.pending.get(t) or ()))
        ahead: dict[str, tuple[int, list]] = {}  # tables screened while the side thread was busy
        while order:
            table = order.pop(0)
            check_abort(abort)
            if table in ahead:
                count, items = ahead.pop(table)
                writer = _TableWriter(ctx, table, len(items), side)
                writer.write(items, abort)
                advance(count)
            else:
                writer = _TableWriter(ctx, table, len(incoming.pending.get(table) or ()), side)
                for lines in incoming.read_chunks(table, CHUNK):
                    writer.write(screen_table(screened, table, lines, columns.get(table), rules), abort)
                    advance(len(lines))
            writer.finish()
            for later in order:  # Python work while the side thread runs this table's SQL
                if side is None or not side.busy():
                    break
                if later not in ahead:
                    check_abort(abort)
                    lines = incoming.read_table(later)
                    ahead[later] = (len(lines), screen_table(screened, later, lines, columns.get(later), rules))
        if ctx.unlinked_visits:  # now that every case is written: one join instead of a look-up per visit
            side.run(functools.partial(link_visits, ctx.db, (1, ctx.unlinked_visits)))
    return screened


def apply_records(ctx: _Context, screened: Screened, abort=None) -> None:
    """Write records already screened (a quarantined record let go: a few rows, indexed by the triggers)."""
    for table in TABLE_ORDER:
        items = screened.accepted.get(table, [])
        writer = _TableWriter(ctx, table, len(items), None)
        writer.write(items, abort)
        writer.finish()


class _TableWriter:
    """Insert new records and merge known ones of one table, a chunk at a time.

    With ``side`` (a large import), a table empty before the import is loaded without its
    secondary indexes; its new rows take rowids 1, 2, ... in the order written (SQLite gives
    a new row the largest rowid plus one), so the side thread indexes each chunk for search
    by its rowid range, and builds the indexes once the table is written. Other tables'
    written rows are indexed for search by id at the end.
    """

    def __init__(self, ctx: _Context, table: str, expected: int, side: SideStatements | None):
        self.ctx, self.table, self.side = ctx, table, side
        db = ctx.db
        self.empty = expected > 0 and db.execute(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").fetchone()[0] == 1
        self.indexes = _drop_indexes(db, table) if side is not None and self.empty and expected >= BULK_MIN else []
        self.by_rowid = side is not None and self.empty
        self.rows = 0  # rows written so far (the rowid of the last one, when ``by_rowid``)

    def write(self, items: list[tuple[list, dict]], abort=None) -> None:
        ctx, table, db = self.ctx, self.table, self.ctx.db
        for start in range(0, len(items), CHUNK):
            check_abort(abort)
            first = self.rows + 1
            self.rows += _apply_chunk(ctx, table, items[start:start + CHUNK], self.empty)
            if self.by_rowid and self.rows >= first and table in SOURCES:
                self.side.run(functools.partial(index_rows, db, table, None, rowids=(first, self.rows), links=False))
                if table == "visits":
                    ctx.unlinked_visits = self.rows

    def finish(self) -> None:
        if self.side is None or not self.rows and not self.ctx.touched.get(self.table):
            return
        ctx, table, db, indexes = self.ctx, self.table, self.ctx.db, self.indexes
        touched = None if self.by_rowid else ctx.touched.get(table)

        def after() -> None:  # on the side thread: the indexes (one sort each), then what is left to index
            for sql in indexes:
                db.conn.execute(sql)
            index_rows(db, table, touched, new_ids=ctx.inserted.get(table))

        self.side.run(after)


def _drop_indexes(db, table: str) -> list[str]:
    """Drop a table's secondary indexes (before loading an empty table); returns the SQL that makes them again."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL"
                      " ORDER BY name", [table]).fetchall()
    for name, _ in rows:
        db.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]


def _columns(table: str) -> list[str]:
    return [*SYNC_COLUMNS, *TABLES[table], *DERIVED.get(table, {}), *LOCAL]


def _apply_chunk(ctx: _Context, table: str, chunk: list[tuple[list, dict]], empty: bool = False) -> int:
    """One chunk: fetch the local versions, then write inserts and updates with executemany; returns the rows written.

    ``empty``: the table had no rows when the import began, so none of a bundle's (distinct)
    ids can be there: nothing to look up.
    """
    db, fields = ctx.db, TABLES[table]
    local = {} if empty else _local_rows(db, table, [line[1] for line, _ in chunk])
    kept = _local_conflicts(db, table, list(local)) if ctx.has_conflicts and local else {}
    inserts, updates, touched = [], [], ctx.touched.setdefault(table, [])
    created, changed, unchanged = [], [], 0
    conflicts_in = ctx.conflicts_in
    fresh = _fresh_values(table, ctx)
    for line, row in chunk:
        record_id = line[1]
        lines_offered = conflicts_in.get((table, record_id)) if conflicts_in else None
        if record_id not in local and not lines_offered:  # new here, nothing to merge: taken as it came
            inserts.append(fresh(line, row))
            created.append(record_id)
            touched.append(record_id)
            continue
        offered = _versions(lines_offered or ())
        raw = local.get(record_id)
        if raw is not None and not offered and _same_raw(raw, line):  # seen before: merging adds nothing
            unchanged += 1
            continue
        mine, lsrc = _state(fields, raw) if raw is not None else (None, None)
        theirs = RowState(record_id, line[2], line[3], line[4], line[5], line[6], line[7], row)
        if mine is not None and not offered and theirs.same_as(mine):  # seen before: merging adds nothing
            unchanged += 1
            continue
        merged = merge_record(table, fields, mine, theirs, kept.get(record_id), offered)
        same_as_theirs = merged.row.same_as(theirs) and conflict_keys(merged.conflicts) == conflict_keys(offered)
        values = _row_values(table, merged.row, ctx.lstamp, ctx.bundle_id if same_as_theirs else None)
        if mine is None:
            inserts.append(values)
            created.append(record_id)
        elif not merged.row.same_as(mine):
            updates.append(values[1:] + [record_id])
            changed.append(record_id)
        else:
            unchanged += 1
        _write_conflicts(ctx, table, record_id, kept.get(record_id, {}), merged.conflicts, theirs, offered, lsrc,
                         merged.row)
        if mine is None or not merged.row.same_as(mine):
            touched.append(record_id)
    _note_many(ctx, table, created, changed, unchanged)
    cols = _columns(table)
    _note_written(ctx, table, cols, inserts, updates)
    if ctx.bulk_index and inserts:
        ctx.inserted.setdefault(table, []).extend(values[0] for values in inserts)
    if inserts:
        db.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})", inserts)
    if updates:
        if ctx.bulk_index:
            unindex_rows(db, table, [values[-1] for values in updates])
        db.conn.executemany(f"UPDATE {table} SET {', '.join(f'{c} = ?' for c in cols[1:])} WHERE id = ?", updates)
    return len(inserts) + len(updates)


def _note_written(ctx: _Context, table: str, cols: list[str], inserts: list, updates: list) -> None:
    """Keep the rows written (by reference), for the waiting check: inserts in ``cols`` order,
    updates without the leading id and with the id last."""
    if table not in PARENT_LINKS:
        return
    parts = ctx.written.setdefault(table, [])
    if inserts:
        parts.append((inserts, cols, 0))
    if updates:
        parts.append((updates, cols, -1))


def _note_many(ctx: _Context, table: str, created: list[str], changed: list[str], unchanged: int) -> None:
    """Count and list one chunk's new, updated and unchanged records (``touched``: new and updated, in order)."""
    report = ctx.report
    for counter, kind, ids in (("new", "created", created), ("updated", "updated", changed)):
        if ids:
            report.count(counter, table, len(ids))
            getattr(report.changes, kind).setdefault(table, []).extend(ids)
    if unchanged:
        report.count("unchanged", table, unchanged)


def _fresh_values(table: str, ctx: _Context):
    """``values(line, row)``: the column values of a record new to this database, exactly as it came."""
    fields = TABLES[table]
    blank = PERSONAL_FIELDS.get(table, ())
    derived = table in DERIVED
    lstamp, bundle_id = ctx.lstamp, ctx.bundle_id
    dumps = json.dumps

    def values(line: list, row: dict) -> list:
        given = line[8]
        if line[6]:
            given = [None if f in blank else v for f, v in zip(fields, given, strict=True)]
            row = dict(zip(fields, given, strict=True))
        stamps = line[7]
        text = f'{{"*":["{line[4]}",""]}}' if len(stamps) == 1 else dumps(stamps, separators=(",", ":"))
        if derived:
            return [line[1], line[2], line[3], line[4], line[5], line[6], text, *given, *derive(table, row).values(),
                    lstamp, bundle_id]
        return [line[1], line[2], line[3], line[4], line[5], line[6], text, *given, lstamp, bundle_id]

    return values


def _row_values(table: str, row: RowState, lstamp: str, lsrc: str | None) -> list:
    """The column values of a merged record, in ``_columns`` order."""
    values = [row.values.get(f) for f in TABLES[table]]
    derived = list(derive(table, row.values).values()) if table in DERIVED else []
    stamps = json.dumps(row.stamps, separators=(",", ":"), sort_keys=True)
    return [row.record_id, row.created_at, row.updated_at, row.hlc, row.origin, row.deleted, stamps, *values,
            *derived, lstamp, lsrc]


def _local_rows(db, table: str, ids: list[str]) -> dict[str, tuple]:
    """The local rows of those ids that exist here: (id, created_at, updated_at, hlc, origin, deleted,
    stamps text, lsrc, *fields); ``_state`` reads one as a ``RowState``."""
    fields = TABLES[table]
    sql = (f"SELECT id, created_at, updated_at, hlc, origin, deleted, stamps, lsrc, {', '.join(fields)} FROM {table}"
           " WHERE id IN (SELECT value FROM json_each(?))")
    return {r[0]: r for r in db.conn.execute(sql, [json.dumps(ids)])}


def _state(fields, r: tuple) -> tuple[RowState, str | None]:
    """A local row as its synced state, and the bundle it came from unchanged (``lsrc``)."""
    return RowState(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), dict(zip(fields, r[8:], strict=True))), r[7]


def _same_raw(r: tuple, line: list) -> bool:
    """``RowState.same_as`` of a local row and an incoming line, without reading the row into a RowState."""
    if r[3] != line[4] or r[5] != line[6] or r[1] != line[2] or r[2] != line[3] or r[4] != line[5]:
        return False
    if r[8:] != tuple(line[8]):
        return False
    stamps = line[7]
    if len(stamps) == 1 and r[6] == f'{{"*":["{line[4]}",""]}}':
        return stamps == {"*": [line[4], ""]}
    return json.loads(r[6]) == stamps


def _local_conflicts(db, table: str, ids: list[str]) -> dict[str, dict]:
    """Kept versions of those records: record -> field -> stamp -> (base, value)."""
    out: dict[str, dict] = {}
    for rid, name, stamp, base, value in db.conn.execute(
            "SELECT record_id, field, stamp, base, value FROM conflicts WHERE table_name = ?"
            " AND record_id IN (SELECT value FROM json_each(?))", [table, json.dumps(ids)]):
        out.setdefault(rid, {}).setdefault(name, {})[stamp] = (base, value)
    return out


def _versions(offered) -> dict:
    """Incoming conflict lines as field -> stamp -> (base, value)."""
    out: dict = {}
    for name, stamp, base, value in offered:
        out.setdefault(name, {})[stamp] = (base, value)
    return out


def _write_conflicts(ctx: _Context, table: str, record_id: str, before: dict, after: dict, theirs: RowState,
                     offered: dict, local_source: str | None, current: RowState) -> None:
    """Keep new live versions (each once, under a natural id); closed ones stay as history until a delete.

    A version that holds the same value as the record now (two offices made the same change)
    is kept, so every database holds the same versions, but it is not reported: there is
    nothing to decide, and the conflict list leaves it out too.
    """
    if current.deleted:
        if before:
            ctx.db.conn.execute("DELETE FROM conflicts WHERE table_name = ? AND record_id = ?", [table, record_id])
        return
    fresh = conflict_keys(after) - conflict_keys(before)
    offered_keys = conflict_keys(offered)
    for name, stamp in sorted(fresh):
        base, value = after[name][stamp]
        from_them = (name, stamp) in offered_keys or theirs.stamps.get(name, theirs.stamps["*"])[0] == stamp
        ctx.db.conn.execute(
            "INSERT OR IGNORE INTO conflicts (id, table_name, record_id, field, stamp, base, value, lstamp, lsrc, bundle_id,"
            " detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [natural_id("conflict", table, record_id, name, stamp), table, record_id, name, stamp, base, value,
             ctx.lstamp, ctx.bundle_id if (name, stamp) in offered_keys else None,
             ctx.bundle_id if from_them else local_source, now_text()])
        if value != current.values.get(name):
            ctx.report.conflicts.append((table, record_id, name))


def store_quarantined(db, bundle_id: str, screened: Screened, conflicts_in: dict) -> None:
    """Keep refused records (and their conflict versions) for a later look; the same one is kept once."""
    for table, line, q in screened.quarantined:
        payload = json.dumps({"line": line, "conflicts": conflicts_in.get((table, line[1]), [])}, ensure_ascii=False)
        db.execute("INSERT OR IGNORE INTO quarantine (bundle_id, table_name, record_id, hlc, reason, detail, payload,"
                   " received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [bundle_id, table, line[1], line[4], q.reason, json.dumps({"message": q.message, "fields": q.fields},
                                                                            ensure_ascii=False), payload, now_text()])
