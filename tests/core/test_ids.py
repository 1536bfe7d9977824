"""Record ids: the natural-key id is the standard UUIDv5, so ids made by older versions still match."""

from __future__ import annotations

import uuid

from hypothesis import given
from hypothesis import strategies as st

from ningbo_sw_desktop.core.ids import NATURAL_KEY_NAMESPACE, natural_id, new_id


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_natural_id_is_uuid5_of_the_joined_key(parts):
    assert natural_id(*parts) == str(uuid.uuid5(NATURAL_KEY_NAMESPACE, "\x1f".join(parts)))


def test_an_attendance_id_stays_what_it_was():
    # fixed in the field: a mark made by any version must get this id
    assert natural_id("attendance", "a", "p") == str(uuid.uuid5(NATURAL_KEY_NAMESPACE, "attendance\x1fa\x1fp"))
    assert uuid.UUID(natural_id("attendance", "活动", "张三")).version == 5


def test_new_ids_are_version_7_and_distinct():
    ids = {new_id() for _ in range(1000)}
    assert len(ids) == 1000 and all(uuid.UUID(i).version == 7 for i in ids)
