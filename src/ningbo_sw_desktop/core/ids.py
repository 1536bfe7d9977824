"""Record ids: UUIDv7 made on the device (unique across offices, sortable by time).

A fact that must exist once whoever records it (a person's attendance at an activity)
gets a UUIDv5 of its natural key instead, so two offices converge on one row.
"""

from __future__ import annotations

import hashlib
import uuid

import uuid_utils

# Fixed namespace for natural-key ids; never change it, ids in the field depend on it.
NATURAL_KEY_NAMESPACE = uuid.UUID("6f1c2a4e-9b7d-4c1e-8a53-2d0f5b9e7c31")


def new_id() -> str:
    """A fresh UUIDv7 as text."""
    return str(uuid_utils.uuid7())


_NAMESPACE_BYTES = NATURAL_KEY_NAMESPACE.bytes


def natural_id(*parts: str) -> str:
    """A UUIDv5 of the natural key, e.g. ``natural_id("attendance", activity_id, person_id)``.

    Exactly ``str(uuid.uuid5(NATURAL_KEY_NAMESPACE, ...))`` (a test holds them equal),
    written out: an import checks the id of every attendance mark it takes, and building
    ``uuid.UUID`` objects took a third of that time.
    """
    digest = bytearray(hashlib.sha1(_NAMESPACE_BYTES + "\x1f".join(parts).encode("utf-8")).digest()[:16])
    digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
    digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = digest.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
