"""Sync bundles: signed, encrypted ``.nbsync`` files that carry work between offices and supervisors.

The API the GUI page and the CLI share (plain functions; long ones take ``progress(done,
total)`` and ``abort()`` callables and return report dataclasses with ``as_dict()``):

- identity: ``identity``, ``device_keys``, ``trust_peer``, ``list_peers``, ``set_device_role``
- export: ``export_bundle(db, recipient, out, *, full, progress, abort) -> ExportReport``
- inspect: ``inspect_bundle(db, path) -> InspectReport``
- import: ``import_bundle(db, path, *, trust_new, dry_run, progress, abort) -> ImportReport``
- conflicts: ``list_conflicts(db) -> [RecordConflicts]``, ``resolve_conflict(db, conflict_id, choice, value=)``
- waiting and quarantine: ``waiting_records``, ``list_quarantine``, ``release_quarantine``
- overview: ``sync_status(db)`` (peers, acknowledgements, gaps, counts needing a look)
- ``content_digest(db)``: equal in two databases holding the same synced content

Never imports PySide6 (a test checks).
"""

from .conflicts import CHOICES, FieldConflict, RecordConflicts, Version, conflict_set, list_conflicts, resolve_conflict
from .digest import content_digest
from .errors import BundleRefused, Cancelled
from .export import ExportReport, export_bundle
from .importer import import_bundle
from .inspection import InspectReport, inspect_bundle
from .keys import (
    Peer,
    device_keys,
    device_role,
    find_peer,
    grouped,
    identity,
    list_peers,
    set_device_role,
    trust_peer,
)
from .quarantine import list_quarantine, release_quarantine
from .report import ImportReport, Quarantined, Waiting
from .status import sync_status
from .waiting import waiting_records

__all__ = [
    "CHOICES", "BundleRefused", "Cancelled", "ExportReport", "FieldConflict", "ImportReport", "InspectReport", "Peer",
    "Quarantined", "RecordConflicts", "Version", "Waiting", "conflict_set", "content_digest", "device_keys",
    "device_role", "export_bundle", "find_peer", "grouped", "identity", "import_bundle", "inspect_bundle",
    "list_conflicts", "list_peers", "list_quarantine", "release_quarantine", "resolve_conflict", "set_device_role",
    "sync_status", "trust_peer", "waiting_records",
]
