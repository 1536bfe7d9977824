"""Inspect a bundle without importing it: who sent it, for whom, how much, which clock range."""

from __future__ import annotations

from dataclasses import asdict, dataclass

from . import ledger
from .keys import grouped, peer_by_fingerprint
from .verify import load_changes, open_bundle


@dataclass
class InspectReport:
    """What the GUI shows before the user confirms an import (and trust of a new sender)."""

    path: str
    bundle_id: str
    sequence: int
    created_at: str
    origin: dict
    origin_fingerprint_grouped: str
    recipient: dict
    trusted: bool
    trusted_as: str | None
    already_imported: bool
    counts: dict
    clock_min: str | None
    clock_max: str | None
    acknowledgements: list
    full: bool
    scope: str
    size: int
    format_version: int
    schema_version: int

    def as_dict(self) -> dict:
        return asdict(self)


def inspect_bundle(db, path, *, passphrase: str | None = None) -> InspectReport:
    """Decrypt and verify a bundle meant for this device (trust not required) and describe it."""
    opened = open_bundle(db, path, passphrase=passphrase)
    load_changes(opened).read_all()  # the same checks as import: a bundle that inspects fine imports fine
    m = opened.manifest
    peer = peer_by_fingerprint(db, m.origin_fingerprint)
    origin = {k: m.origin.get(k) for k in ("office_code", "office_name", "device_id", "role", "fingerprint",
                                          "age_recipient", "signing_key")}
    return InspectReport(str(opened.path), m.bundle_id, m.sequence, m.created_at, origin, grouped(m.origin_fingerprint),
                         dict(m.recipient), peer is not None, peer.name if peer else None,
                         ledger.ledger_entry(db, m.bundle_id) is not None, dict(m.counts), m.clock.get("min"),
                         m.clock.get("max"), list(m.acknowledgements), m.full, m.scope, opened.size, m.format_version,
                         m.schema_version)
