"""What a write changed: returned by every ``verb_noun`` so screens redraw what they must."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Changes:
    """Ids created, updated and deleted per table, plus the write's main result (``value``)."""

    created: dict[str, list[str]] = field(default_factory=dict)
    updated: dict[str, list[str]] = field(default_factory=dict)
    deleted: dict[str, list[str]] = field(default_factory=dict)
    value: Any = None

    def add(self, kind: str, table: str, record_id: str) -> None:
        """Note one record as ``created``, ``updated`` or ``deleted``."""
        getattr(self, kind).setdefault(table, []).append(record_id)

    def merge(self, other: Changes) -> Changes:
        """Fold another write's changes into this one (for multi-step operations)."""
        for kind in ("created", "updated", "deleted"):
            for table, ids in getattr(other, kind).items():
                getattr(self, kind).setdefault(table, []).extend(ids)
        return self

    @property
    def tables(self) -> set[str]:
        """Every table touched, for screens deciding whether to refresh."""
        return set(self.created) | set(self.updated) | set(self.deleted)

    def first(self, table: str) -> str | None:
        """The first id created in ``table`` (e.g. the new case of an intake)."""
        ids = self.created.get(table) or []
        return ids[0] if ids else None

    def __bool__(self) -> bool:
        return bool(self.tables)
