"""Bookkeeping between devices: bundles imported, bundles sent, acknowledgements, sequence gaps.

Each device numbers the bundles it sends to one recipient 1, 2, 3 ...; a gap in what a
recipient has imported means a stick was lost. Nothing is lost with it: a bundle holds
everything the recipient has not acknowledged, and a recipient acknowledges a sequence
number only by importing it, so the next bundle carries the lost one's changes again.
"""

from __future__ import annotations

import json

from ..core.records import now_text
from .errors import refuse
from .manifest import Manifest


def ledger_entry(db, bundle_id: str) -> dict | None:
    """The ledger row of an imported bundle, if it was imported."""
    cur = db.execute("SELECT * FROM sync_ledger WHERE bundle_id = ?", [bundle_id])
    row = cur.fetchone()
    return dict(zip([c[0] for c in cur.description], row, strict=True)) if row else None


def already_imported(db, manifest: Manifest, sha256: str) -> bool:
    """True when this very bundle was imported; refuse another file claiming its id."""
    entry = ledger_entry(db, manifest.bundle_id)
    if entry is None:
        return False
    if entry["sha256"] != sha256:
        raise refuse("duplicate_id", f"已导入过编号相同（{manifest.bundle_id}）但内容不同的同步包，此文件已被拒绝。"
                                     "请向发出方核实。",
                     f"A different bundle with the same id ({manifest.bundle_id}) was already imported; this file "
                     "is refused. Check with the sender.")
    return True


def record_import(db, manifest: Manifest, sha256: str, counts: dict) -> None:
    """Remember an imported bundle (inside the import transaction)."""
    origin = manifest.origin
    db.execute(
        "INSERT INTO sync_ledger (bundle_id, sha256, origin_fp, origin_device, origin_office, recipient_fp, sequence,"
        " created_at, imported_at, clock_min, clock_max, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [manifest.bundle_id, sha256, manifest.origin_fingerprint, origin.get("device_id"), origin.get("office_code"),
         manifest.recipient_fingerprint, manifest.sequence, manifest.created_at, now_text(),
         manifest.clock.get("min"), manifest.clock.get("max"), json.dumps(counts, ensure_ascii=False)])


def missing_sequences(db, origin_fp: str, recipient_fp: str) -> list[int]:
    """Sequence numbers from a device to us that never arrived (below the highest that did)."""
    seen = {r[0] for r in db.execute("SELECT sequence FROM sync_ledger WHERE origin_fp = ? AND recipient_fp = ?",
                                     [origin_fp, recipient_fp])}
    return [n for n in range(1, max(seen, default=0)) if n not in seen]


def highest_imported(db, origin_fp: str, recipient_fp: str) -> int:
    """The acknowledgement we send back: the newest of their bundles we imported."""
    row = db.execute("SELECT MAX(sequence) FROM sync_ledger WHERE origin_fp = ? AND recipient_fp = ?",
                     [origin_fp, recipient_fp]).fetchone()
    return row[0] or 0


def next_sequence(db, recipient_fp: str) -> int:
    """The number of the next bundle to this recipient."""
    row = db.execute("SELECT MAX(sequence) FROM sync_sent WHERE recipient_fp = ?", [recipient_fp]).fetchone()
    return (row[0] or 0) + 1


def record_sent(db, recipient_fp: str, sequence: int, bundle_id: str, lstamp_max: str, counts: dict) -> None:
    """Remember what a bundle covered, so its acknowledgement can move the watermark."""
    db.execute("INSERT INTO sync_sent (recipient_fp, sequence, bundle_id, lstamp_max, created_at, counts)"
               " VALUES (?, ?, ?, ?, ?, ?)",
               [recipient_fp, sequence, bundle_id, lstamp_max, now_text(), json.dumps(counts, ensure_ascii=False)])


def apply_acknowledgements(db, manifest: Manifest, my_fp: str) -> int | None:
    """Move the sender's watermark to the newest bundle of ours it says it imported."""
    sender = manifest.origin_fingerprint
    best = None
    for ack in manifest.acknowledgements:
        if not isinstance(ack, dict) or ack.get("fingerprint") != my_fp or not isinstance(ack.get("sequence"), int):
            continue
        row = db.execute("SELECT lstamp_max FROM sync_sent WHERE recipient_fp = ? AND sequence = ?",
                         [sender, ack["sequence"]]).fetchone()
        if row is None:
            continue
        db.execute("UPDATE sync_peers SET acked_lstamp = max(coalesce(acked_lstamp, ''), ?),"
                   " acked_sequence = max(coalesce(acked_sequence, 0), ?) WHERE fingerprint = ?",
                   [row[0], ack["sequence"], sender])
        best = max(best or 0, ack["sequence"])
    return best


def remember_devices(db, manifest: Manifest) -> None:
    """Learn which office each device id belongs to, to say who made a change."""
    devices = dict(manifest.devices)
    origin = manifest.origin
    devices[origin["device_id"]] = [origin.get("office_code"), origin.get("office_name")]
    for device, info in devices.items():
        if not isinstance(info, list) or len(info) != 2 or not isinstance(device, str):
            continue
        fingerprint = origin["fingerprint"] if device == origin["device_id"] else None
        db.execute("INSERT INTO sync_devices (device_id, office_code, office_name, fingerprint, seen_at)"
                   " VALUES (?, ?, ?, ?, ?) ON CONFLICT(device_id) DO UPDATE SET"
                   " office_code = coalesce(excluded.office_code, office_code),"
                   " office_name = coalesce(excluded.office_name, office_name),"
                   " fingerprint = coalesce(excluded.fingerprint, fingerprint), seen_at = excluded.seen_at",
                   [device, info[0], info[1], fingerprint, now_text()])


def known_devices(db) -> dict[str, list]:
    """Device id -> [office code, office name] for the manifest (ours included)."""
    from ..core.office import device_id, get_meta

    out = {r[0]: [r[1], r[2]] for r in db.execute("SELECT device_id, office_code, office_name FROM sync_devices")}
    out[device_id(db)] = [get_meta(db, "office_code"), get_meta(db, "office_name")]
    return out
