"""Export: everything a peer has not acknowledged, sealed for that peer alone.

What to send is found by the local change stamp ``lstamp`` (see migration 0003_sync):
rows this database changed — by its own edits or by importing — after the peer's
acknowledged watermark, minus rows that still equal a bundle that came from that peer.
A supervisor exporting to an office sends it the reference data (areas, programs,
workers, service projects) and that office's share: its cases (by office code), with
their clients and visits whenever a case changed, so a case reassigned to the office
arrives with its history, and every record the office made, edited or competed on (its
device id in the record's stamps or kept versions), so the office hears how its edits and
conflicts ended.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .. import __version__
from ..core.db import write_transaction
from ..core.errors import UserError
from ..core.files import check_replaceable
from ..core.i18n import Text
from ..core.ids import new_id
from ..core.migrations import schema_version
from ..core.office import get_meta
from ..core.records import audit
from ..core.schema import TABLES
from . import container, ledger
from .errors import check_abort
from .keys import Peer, device_keys, device_role, find_peer
from .lines import TABLE_ORDER, conflict_line, row_line_sql
from .manifest import Manifest
from .merge import live_conflicts

PACK_ROWS = 5000  # rows read before they are handed to the packer
REFERENCE_DATA = ("areas", "programs", "workers", "service_projects")  # reference data: every office gets all of it
CASE_OF_OFFICE = "office_code = :code OR origin = :device OR instr(stamps, :device) > 0"
# A club the office made or edited: what a supervisor adds to it (an activity, a member, marks) goes there.
CLUB_OF_OFFICE = "origin = :device OR instr(stamps, :device) > 0"


@dataclass
class ExportReport:
    """What a bundle holds and where it was written."""

    path: str
    bundle_id: str
    sequence: int
    recipient: str
    recipient_fingerprint: str
    counts: dict
    total: int
    clock_min: str | None
    clock_max: str | None
    size: int
    full: bool
    scope: str
    seconds: float

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass
class _Payload:
    packed: bytes  # changes.ndjson.gz
    size: int  # changes.ndjson's bytes
    sha256: str  # and their hash
    counts: dict
    clock_min: str | None
    clock_max: str | None
    watermark: str


def export_bundle(db, recipient: str, out, *, full: bool = False, scope: str = "auto", passphrase: str | None = None,
                  progress=None, abort=None) -> ExportReport:
    """Write a bundle for ``recipient`` (a trusted device's name or fingerprint) to ``out`` (file or folder)."""
    started = time.perf_counter()
    peer = find_peer(db, recipient)
    scope = _scope(db, peer) if scope == "auto" else scope
    payload = _collect(db, peer, full=full, scoped=scope == "office", progress=progress, abort=abort)
    check_abort(abort)
    with write_transaction(db):  # short: number, sign, encrypt, write the file, remember it
        report = _seal_and_write(db, peer, payload, out, full=full, scope=scope, passphrase=passphrase)
    report.seconds = round(time.perf_counter() - started, 3)
    if progress:
        progress(len(TABLE_ORDER) + 1, len(TABLE_ORDER) + 1)
    return report


def _scope(db, peer: Peer) -> str:
    """``office`` (its share only) from a supervisor to any device that is not a supervisor; else ``all``.

    An office trusted by hand has sent nothing yet, so its code and device are not known: its
    share is then empty and its first bundle carries reference data only — never the city's
    clients, which an ``all`` bundle would have handed it.
    """
    if device_role(db) == "supervisor" and peer.role != "supervisor":
        return "office"
    return "all"


def _collect(db, peer: Peer, *, full: bool, scoped: bool, progress, abort) -> _Payload:
    """Read the lines in one snapshot, so the watermark matches exactly what was read.

    Each table's lines are handed to a ``Packer`` that compresses them while the next
    table is read; the lines are joined by newlines, as one text.
    """
    outer = db.conn.in_transaction
    if not outer:
        db.conn.execute("BEGIN")
    packer = container.Packer()
    try:
        params = {"since": "" if full else (peer.acked_lstamp or ""), "peer": peer.fingerprint,
                  "code": peer.office_code, "device": peer.device_id}
        watermark = get_meta(db, "hlc_last") or ""
        counts, hlcs = {}, []
        kept = _changed_conflicts(db, params, full)
        for n, table in enumerate(TABLE_ORDER):
            check_abort(abort)
            params["extra"] = json.dumps(sorted(kept.get(table, ())))
            sql = (f"SELECT t.hlc, {row_line_sql(table, TABLES[table])} FROM {table} t WHERE "
                   f"{_where(table, full, scoped)} ORDER BY t.rowid")
            cursor, rows = db.conn.execute(sql, params), []
            while batch := cursor.fetchmany(PACK_ROWS):  # compressed while the next batch is read
                rows += batch
                _pack(packer, [r[1] for r in batch])
            if rows:
                counts[table] = len(rows)
                hlcs += [min(r[0] for r in rows), max(r[0] for r in rows)]
                conflicts = _conflict_lines(db, table, rows)
                if conflicts:
                    counts["conflicts"] = counts.get("conflicts", 0) + len(conflicts)
                    _pack(packer, conflicts)
                del rows
            if progress:
                progress(n + 1, len(TABLE_ORDER) + 1)
        packed, sha256 = packer.finish()
        return _Payload(packed, packer.size, sha256, counts, min(hlcs, default=None), max(hlcs, default=None), watermark)
    finally:
        packer.close()
        if not outer:
            db.conn.execute("ROLLBACK")


def _pack(packer: container.Packer, lines: list[str]) -> None:
    """Hand lines to the packer; all lines of a bundle form one text, one line each."""
    text = "\n".join(lines)
    packer.add(("\n" + text if packer.size else text).encode("utf-8"))


def _changed(alias: str, table: str, full: bool) -> str:
    """Rows changed here since the peer's watermark, except echoes of the peer's own bundles.

    Written as ``rowid IN (...)`` over the ``lstamp`` index so the planner reads only the
    changed rows: the plain ``lstamp > :since OR ...`` form, ORed with the other terms of
    ``_where``, scanned the whole table (a city's million visits for a few thousand changed).
    """
    if full:
        return "1"
    return (f"({alias}.rowid IN (SELECT rowid FROM {table} WHERE lstamp > :since UNION ALL"
            f" SELECT rowid FROM {table} WHERE lstamp IS NULL AND hlc > :since) AND ({alias}.lsrc IS NULL"
            f" OR {alias}.lsrc NOT IN (SELECT bundle_id FROM sync_ledger WHERE origin_fp = :peer)))")


def _where(table: str, full: bool, scoped: bool) -> str:
    """The rows of ``table`` a bundle carries."""
    changed = _changed("t", table, full)
    extra = "t.id IN (SELECT value FROM json_each(:extra))"
    if not scoped or table in REFERENCE_DATA:
        return f"{changed} OR {extra}"
    share = _share(table)
    closure = {"persons": f" OR t.id IN ({_cases_changed('person_id', full)})",
               "visits": f" OR t.case_id IN ({_cases_changed('id', full)})"}.get(table, "")
    return f"({changed} AND {share}){closure} OR ({extra} AND {share})"


def _share(table: str) -> str:
    """An office's share of ``table``: what it made, edited or competed on, its cases' clients and visits,
    and what belongs to its clubs (members and their clients, activities, attendance)."""
    took_part = (f"(t.origin = :device OR instr(t.stamps, :device) > 0 OR t.id IN (SELECT record_id FROM conflicts"
                 f" WHERE table_name = '{table}' AND substr(stamp, 20) = :device))")
    own = {"cases": " OR t.office_code = :code",
           "persons": f" OR t.id IN (SELECT person_id FROM cases WHERE {CASE_OF_OFFICE})"
                      f" OR t.id IN (SELECT person_id FROM club_members WHERE club_id IN"
                      f" (SELECT id FROM clubs WHERE {CLUB_OF_OFFICE}))",
           "visits": f" OR t.case_id IN (SELECT id FROM cases WHERE {CASE_OF_OFFICE})",
           "activities": f" OR t.club_id IN (SELECT id FROM clubs WHERE {CLUB_OF_OFFICE})",
           "club_members": f" OR t.club_id IN (SELECT id FROM clubs WHERE {CLUB_OF_OFFICE})",
           "attendance": f" OR t.activity_id IN (SELECT a.id FROM activities a WHERE a.club_id IN"
                         f" (SELECT id FROM clubs WHERE {CLUB_OF_OFFICE}))"}.get(table, "")
    return f"({took_part}{own})"


def _cases_changed(column: str, full: bool) -> str:
    """Cases of the office changed since its watermark: their clients and visits travel with them."""
    return f"SELECT c.{column} FROM cases c WHERE ({_changed('c', 'cases', full)}) AND ({CASE_OF_OFFICE})"


def _changed_conflicts(db, params: dict, full: bool) -> dict[str, set[str]]:
    """Records whose kept versions changed here: they go again, with their conflicts."""
    where = "1" if full else ("lstamp > :since AND (lsrc IS NULL OR lsrc NOT IN"
                              " (SELECT bundle_id FROM sync_ledger WHERE origin_fp = :peer))")
    out: dict[str, set[str]] = {}
    for table, record_id in db.conn.execute(f"SELECT table_name, record_id FROM conflicts WHERE {where}", params):
        out.setdefault(table, set()).add(record_id)
    return out


def _conflict_lines(db, table: str, rows) -> list[str]:
    """The live kept versions of the exported records of ``table``."""
    kept: dict[str, dict] = {}
    for record_id, name, stamp, base, value in db.conn.execute(
            "SELECT record_id, field, stamp, base, value FROM conflicts WHERE table_name = ?", [table]):
        kept.setdefault(record_id, {}).setdefault(name, {})[stamp] = (base, value)
    if not kept:
        return []
    # record id -> field stamps, from the lines themselves (read in this snapshot): no query per record
    exported = {line[1]: line[7] for line in (json.loads(r[1]) for r in rows if _mentions(r[1], kept))}
    lines = []
    for record_id in sorted(exported.keys() & kept.keys()):
        for name, versions in sorted(live_conflicts(exported[record_id], kept[record_id]).items()):
            lines += [conflict_line(table, record_id, name, s, b, v) for s, (b, v) in sorted(versions.items())]
    return lines


def _mentions(line: str, kept: dict) -> bool:
    """Cheap test whether a line is of a record with kept versions (ids sit at a fixed place)."""
    start = line.index(",") + 2
    return line[start:start + 36] in kept


def _seal_and_write(db, peer: Peer, payload: _Payload, out, *, full: bool, scope: str,
                    passphrase: str | None) -> ExportReport:
    """Number, sign, encrypt and write the bundle; remember what it covered (inside the transaction)."""
    keys = device_keys(db)
    sequence = ledger.next_sequence(db, peer.fingerprint)
    bundle_id = new_id()
    acked = ledger.highest_imported(db, peer.fingerprint, keys.fingerprint)
    manifest = Manifest(
        bundle_id=bundle_id, sequence=sequence, created_at=time.strftime("%Y-%m-%dT%H:%M:%S"),
        origin={"fingerprint": keys.fingerprint, "device_id": keys.device_id, "office_code": get_meta(db, "office_code"),
                "office_name": get_meta(db, "office_name"), "role": device_role(db),
                "signing_key": keys.signing_public, "age_recipient": keys.age_recipient},
        recipient={"fingerprint": peer.fingerprint, "name": peer.name, "office_code": peer.office_code},
        clock={"min": payload.clock_min, "max": payload.clock_max},
        columns={t: list(TABLES[t]) for t in TABLE_ORDER},
        members={container.CHANGES: {"sha256": hashlib.sha256(payload.packed).hexdigest(), "size": len(payload.packed),
                                     "uncompressed_size": payload.size, "uncompressed_sha256": payload.sha256}},
        counts=payload.counts, acknowledgements=[{"fingerprint": peer.fingerprint, "sequence": acked}] if acked else [],
        devices=ledger.known_devices(db), full=full, scope=scope, db_schema=schema_version(db), app_version=__version__)
    manifest_bytes = manifest.to_bytes()
    sealed = container.seal([(container.MANIFEST, manifest_bytes), (container.SIGNATURE, keys.sign(manifest_bytes)),
                             (container.CHANGES, payload.packed)], peer.age_recipient, passphrase=passphrase)
    path = _target(out, get_meta(db, "office_code") or keys.device_id, sequence, peer.name)
    _write_atomically(path, sealed)
    ledger.record_sent(db, peer.fingerprint, sequence, bundle_id, payload.watermark, payload.counts)
    audit(db, "export_bundle", None, None, {"to": peer.name, "bundle_id": bundle_id, "sequence": sequence,
                                            "counts": payload.counts, "path": str(path)})
    return ExportReport(str(path), bundle_id, sequence, peer.name, peer.fingerprint, payload.counts,
                        sum(v for k, v in payload.counts.items() if k != "conflicts"), payload.clock_min,
                        payload.clock_max, len(sealed), full, scope, 0.0)


def _target(out, office: str, sequence: int, recipient: str) -> Path:
    """The file to write: ``out`` itself, or ``OFFICE-SEQ-to-RECIPIENT.nbsync`` inside a folder (existing, or ending in /)."""
    if Path(out).is_dir() or str(out).endswith(("/", "\\")):
        safe = re.sub(r'[\\/:*?"<>|\s]+', "_", recipient)
        return Path(out) / f"{office}-{sequence:04d}-to-{safe}{container.SUFFIX}"
    return Path(out)


def _write_atomically(path: Path, data: bytes) -> None:
    """Write beside the target and rename, so a stick never holds half a bundle under its name.

    A stick pulled out, write-protected or full is the user's to fix: said plainly, and (the
    caller's transaction rolling back) the export is not recorded as sent. An existing file
    there is replaced only if it is a bundle: every bundle can be made again from the
    database, but a PDF or a database typed as ``--out`` would be lost.
    """
    check_replaceable(path, signature=container.AGE_HEADER, kind=container.SUFFIX)  # an older bundle may go
    temp = path.with_name(path.name + ".part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
        reason = exc.strerror or str(exc)
        raise UserError(Text(f"无法把同步包写到 {path.parent}：{reason}。请检查U盘是否插好、是否写保护、空间是否足够，然后重新导出。",
                             f"Cannot write the bundle to {path.parent}: {reason}. Check that the stick is plugged in, "
                             "not write-protected and not full, then export again.")) from None
