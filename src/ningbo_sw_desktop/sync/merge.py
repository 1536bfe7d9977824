"""The merge rules: the same database whatever order bundles arrive in, and every loser kept.

Each field of a record has versions ``(stamp, base, value)``: ``stamp`` when it was
written, ``base`` the stamp its writer saw for the field (empty at creation). A writer who
had seen a version (or anything later) cannot have overlooked it, so every version whose
stamp is at or below the highest base known for the field has been knowingly superseded;
the versions above it are the live ones. The newest live version (stamp order, so ties go
by the device id inside the stamp) wins and sits in the row; the other live versions are
the field's conflicts, kept in ``conflicts`` (and shipped like records), and they close on
their own when someone writes the field having seen the winner — a supervisor's
resolution, or any later edit. Live versions are a function of the set of versions seen,
which only grows, so merging is commutative, associative and idempotent.

Two concurrent edits from the same base are the plain case: both stamps are above the
shared base, the newer wins and the older is a conflict. Rows made twice under one natural
id (attendance marked at two offices) are two creation versions with empty bases.

Deletes are tombstones: ``deleted`` is an OR (a delete never comes back), its stamp the
newest delete's, personal fields are blanked and the record's conflicts dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.schema import PERSONAL_FIELDS

Versions = dict[str, tuple[str, object]]  # stamp -> (base, value)


@dataclass
class RowState:
    """One record's synced state: sync columns, field stamps and values."""

    record_id: str
    created_at: str
    updated_at: str
    hlc: str
    origin: str
    deleted: int
    stamps: dict
    values: dict

    def same_as(self, other: RowState) -> bool:
        """Identical synced content (what the digest compares)."""
        return (self.hlc == other.hlc and self.deleted == other.deleted and self.stamps == other.stamps
                and self.values == other.values and self.created_at == other.created_at
                and self.updated_at == other.updated_at and self.origin == other.origin)


@dataclass
class Merged:
    """A merge's outcome: the record and its live conflict versions per field."""

    row: RowState
    conflicts: dict[str, Versions] = field(default_factory=dict)


def version_of(stamps: dict, name: str) -> tuple[str, str]:
    """(stamp, base) of a field: its own entry, else the creation stamp with an empty base."""
    entry = stamps.get(name)
    return (entry[0], entry[1]) if entry else (stamps["*"][0], "")


def live_versions(versions: Versions) -> Versions:
    """The versions nobody has knowingly superseded (stamp above every known base)."""
    floor = max(base for base, _ in versions.values())
    return {stamp: bv for stamp, bv in versions.items() if stamp > floor}


def merge_record(table: str, fields, local: RowState | None, incoming: RowState,
                 local_conflicts: dict[str, Versions] | None = None,
                 incoming_conflicts: dict[str, Versions] | None = None) -> Merged:
    """Merge an incoming record (and its kept versions) into the local one, if any."""
    sides = [incoming] if local is None else [local, incoming]
    star_side = max(sides, key=lambda s: s.stamps["*"][0])
    star = star_side.stamps["*"][0]
    deleted = 1 if any(s.deleted for s in sides) else 0
    stamps: dict = {"*": [star, ""]}
    values: dict = {}
    conflicts: dict[str, Versions] = {}
    for name in fields:
        versions: Versions = {}
        for side in sides:
            stamp, base = version_of(side.stamps, name)
            versions.setdefault(stamp, (base, side.values.get(name)))
        for kept in (local_conflicts, incoming_conflicts):
            for stamp, bv in (kept or {}).get(name, {}).items():
                versions.setdefault(stamp, bv)
        live = live_versions(versions)
        winner = max(live)
        base, values[name] = live.pop(winner)
        if winner != star or base != "":
            stamps[name] = [winner, base]
        if live:
            conflicts[name] = live
    if deleted:
        stamps["deleted"] = max(s.stamps["deleted"] for s in sides if "deleted" in s.stamps)
        values.update({name: None for name in PERSONAL_FIELDS.get(table, ())})
        conflicts = {}
    hlc = max(entry[0] for entry in stamps.values())
    updated_at = next((s.updated_at for s in sides if s.hlc == hlc), incoming.updated_at)
    row = RowState(incoming.record_id, star_side.created_at, updated_at, hlc, star_side.origin, deleted, stamps, values)
    return Merged(row, conflicts)


def conflict_keys(conflicts: dict[str, Versions]) -> set[tuple[str, str]]:
    """(field, stamp) of every kept version, to compare two conflict sets."""
    return {(name, stamp) for name, versions in conflicts.items() for stamp in versions}


def live_conflicts(row_stamps: dict, kept: dict[str, Versions]) -> dict[str, Versions]:
    """Which kept versions are still open against the record's current field stamps."""
    out: dict[str, Versions] = {}
    for name, versions in kept.items():
        stamp, base = version_of(row_stamps, name)
        live = live_versions({**versions, stamp: (base, None)})
        live.pop(stamp, None)
        if live:
            out[name] = {s: versions[s] for s in live}
    return out
