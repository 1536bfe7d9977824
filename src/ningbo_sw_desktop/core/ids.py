"""Record ids: UUIDv7 made on the device (unique across offices, sortable by time).

A fact that must exist once whoever records it (a person's attendance at an activity)
gets a UUIDv5 of its natural key instead, so two offices converge on one row.
"""

from __future__ import annotations

import uuid

import uuid_utils

# Fixed namespace for natural-key ids; never change it, ids in the field depend on it.
NATURAL_KEY_NAMESPACE = uuid.UUID("6f1c2a4e-9b7d-4c1e-8a53-2d0f5b9e7c31")


def new_id() -> str:
    """A fresh UUIDv7 as text."""
    return str(uuid_utils.uuid7())


def natural_id(*parts: str) -> str:
    """A UUIDv5 of the natural key, e.g. ``natural_id("attendance", activity_id, person_id)``."""
    return str(uuid.uuid5(NATURAL_KEY_NAMESPACE, "\x1f".join(parts)))
