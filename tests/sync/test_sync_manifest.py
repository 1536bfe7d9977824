"""The bundle format is versioned: a change to the synced tables must come with a new sync schema version."""

from __future__ import annotations

from ningbo_sw_desktop.sync.manifest import SYNC_SCHEMA_VERSION, tables_shape

# sync schema version -> digest of core.schema.TABLES it describes
KNOWN_SHAPES = {1: "1925f0ec25f6341f1e44c2daba22915216930a6dcfb552370c6a0c5940353d6d"}


def test_the_synced_tables_match_the_sync_schema_version():
    assert KNOWN_SHAPES.get(SYNC_SCHEMA_VERSION) == tables_shape(), (
        "core.schema.TABLES changed: bump sync.manifest.SYNC_SCHEMA_VERSION and add the new shape here "
        "(older apps then refuse bundles they cannot read instead of misreading them)")
