"""Fixtures for the sync tests: a network of offices around a supervisor, in temporary folders."""

from __future__ import annotations

import pytest
from sync_helpers import Network


@pytest.fixture
def network(tmp_path):
    """``network(n)``: a supervisor with shared starting data and ``n`` offices that imported it."""
    built = []

    def build(offices: int = 2, *, shared: bool = True) -> Network:
        net = Network(tmp_path, offices, shared=shared)
        built.append(net)
        return net

    yield build
    for net in built:
        for db in [net.sup, *net.offices]:
            db.close()
