"""The merge rules on one record, in memory: many devices, many edits, every delivery order.

Cheap enough for thousands of histories, so the algebra (commutative, associative,
idempotent; losers kept the same everywhere) is tested far beyond what the database
tests can afford.
"""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from ningbo_sw_desktop.sync.merge import RowState, live_conflicts, merge_record, version_of

FIELDS = ("goals", "risk", "problem")  # goals and problem are personal: blanked when the case is deleted
VALUES = ("a", "b", "c")
DEVICES = [f"{i:016x}" for i in range(1, 6)]


class Device:
    """One office's copy of the record and its kept versions."""

    def __init__(self, device: str, row: RowState):
        self.device = device
        self.row = RowState(**{**row.__dict__, "stamps": dict(row.stamps), "values": dict(row.values)})
        self.kept: dict = {}

    def bundle(self):
        """What an export carries: the record and its open kept versions."""
        return self.row, live_conflicts(self.row.stamps, self.kept)

    def receive(self, bundle) -> None:
        """What an import does (kept versions are history: never dropped here unless deleted)."""
        row, offered = bundle
        merged = merge_record("cases", FIELDS, self.row, row, self.kept, offered)
        self.row = merged.row
        if merged.row.deleted:
            self.kept = {}
        for name, versions in merged.conflicts.items():
            self.kept.setdefault(name, {}).update(versions)

    def state(self):
        return self.row.__dict__, live_conflicts(self.row.stamps, self.kept)


class Clock:
    def __init__(self):
        self.t = 1_700_000_000_000

    def stamp(self, device: str) -> str:
        self.t += 1
        return f"{self.t:013d}-0000-{device}"


def created(clock: Clock) -> RowState:
    stamp = clock.stamp(DEVICES[0])
    return RowState("r", "2025-01-01", "u0", stamp, DEVICES[0], 0, {"*": [stamp, ""]}, {f: "x" for f in FIELDS})


def edit(device: Device, clock: Clock, name: str, value: str) -> None:
    stamp = clock.stamp(device.device)
    row = device.row
    row.stamps[name] = [stamp, version_of(row.stamps, name)[0]]
    row.values[name] = value if not (row.deleted and name in ("problem", "goals")) else None
    row.hlc, row.updated_at = stamp, f"u{stamp}"


def delete(device: Device, clock: Clock) -> None:
    row = device.row
    if row.deleted:
        return
    stamp = clock.stamp(device.device)
    row.stamps["deleted"] = [stamp, version_of(row.stamps, "deleted")[0]]
    row.deleted, row.values["problem"], row.values["goals"], row.hlc = 1, None, None, stamp
    row.updated_at = f"u{stamp}"
    device.kept = {}


STEP = st.one_of(
    st.tuples(st.just("edit"), st.integers(0, 3), st.sampled_from(FIELDS), st.sampled_from(VALUES)),
    st.tuples(st.just("sync"), st.integers(0, 3), st.integers(0, 3)),
    st.tuples(st.just("snap"), st.integers(0, 3)),
    st.tuples(st.just("delete"), st.integers(0, 3)),
)


def play(steps, n: int):
    """Run a history; returns the devices, the starting row and the bundles taken on the way."""
    clock = Clock()
    start = created(clock)
    devices = [Device(DEVICES[i], start) for i in range(n)]
    bundles = []
    for step in steps:
        if step[0] == "edit" and step[1] < n:
            edit(devices[step[1]], clock, step[2], step[3])
        elif step[0] == "sync" and step[1] < n and step[2] < n and step[1] != step[2]:
            devices[step[2]].receive(devices[step[1]].bundle())
        elif step[0] == "snap" and step[1] < n:
            bundles.append(devices[step[1]].bundle())
        elif step[0] == "delete" and step[1] < n and len(bundles) % 3 == 2:  # deletes are rarer than edits
            delete(devices[step[1]], clock)
    bundles += [d.bundle() for d in devices]
    return devices, start, bundles


@settings(max_examples=600, deadline=None)
@given(n=st.integers(2, 4), steps=st.lists(STEP, max_size=30), data=st.data())
def test_any_delivery_order_gives_the_same_record_and_kept_versions(n, steps, data):
    _, start, bundles = play(steps, n)
    results = []
    orders = [list(range(len(bundles))), list(reversed(range(len(bundles))))]
    orders.append(data.draw(st.permutations(range(len(bundles)))))
    for order in orders:
        supervisor = Device(DEVICES[4], start)
        for i in order:
            supervisor.receive(bundles[i])
        results.append(supervisor.state())
        for i in order[:2]:  # a bundle imported again changes nothing
            supervisor.receive(bundles[i])
            assert supervisor.state() == results[-1]
    assert all(r == results[0] for r in results)


@settings(max_examples=300, deadline=None)
@given(n=st.integers(2, 4), steps=st.lists(STEP, max_size=30))
def test_devices_that_exchange_everything_end_equal(n, steps):
    devices, _, _ = play(steps, n)
    for _ in range(2):
        for a, b in itertools.permutations(range(n), 2):
            devices[b].receive(devices[a].bundle())
    assert all(d.state() == devices[0].state() for d in devices)


def concurrent_goals() -> tuple[Clock, Device, Device]:
    """Two devices holding the same record, each setting ``goals`` from the same base: "a", then "b"."""
    clock = Clock()
    start = created(clock)
    one, two = Device(DEVICES[1], start), Device(DEVICES[2], start)
    edit(one, clock, "goals", "a")
    edit(two, clock, "goals", "b")
    return clock, one, two


def test_two_edits_from_the_same_base_keep_the_older_as_the_conflict():
    _, one, two = concurrent_goals()
    two.receive(one.bundle())
    one.receive(two.bundle())
    assert one.state() == two.state()
    row, kept = one.state()
    assert row["values"]["goals"] == "b" and list(kept) == ["goals"]
    assert [v[1] for v in kept["goals"].values()] == ["a"]


def test_an_edit_made_after_seeing_the_other_closes_the_conflict():
    clock, one, two = concurrent_goals()
    one.receive(two.bundle())
    assert one.state()[1]
    edit(one, clock, "goals", "a+b")
    two.receive(one.bundle())
    assert one.state() == two.state() and one.state()[1] == {}


def test_a_tombstone_wins_over_a_later_concurrent_edit_and_blanks_personal_fields():
    clock = Clock()
    start = created(clock)
    one, two = Device(DEVICES[1], start), Device(DEVICES[2], start)
    delete(one, clock)
    edit(two, clock, "problem", "新的问题")
    edit(two, clock, "risk", "g")
    one.receive(two.bundle())
    two.receive(one.bundle())
    for device in (one, two):
        row, kept = device.state()
        assert row["deleted"] == 1 and row["values"]["problem"] is None and row["values"]["goals"] is None
        assert kept == {} and row["values"]["risk"] == "g"  # not personal: kept, newest wins
    assert one.state() == two.state()


def test_a_record_made_twice_under_one_natural_id_converges():
    clock = Clock()
    a, b = clock.stamp(DEVICES[1]), clock.stamp(DEVICES[2])
    row_a = RowState("n", "t1", "t1", a, DEVICES[1], 0, {"*": [a, ""]}, {f: "A" for f in FIELDS})
    row_b = RowState("n", "t2", "t2", b, DEVICES[2], 0, {"*": [b, ""]}, {f: "B" for f in FIELDS})
    one, two = Device(DEVICES[1], row_a), Device(DEVICES[2], row_b)
    one.receive(two.bundle())
    two.receive(one.bundle())
    assert one.state() == two.state()
    row, kept = one.state()
    assert row["origin"] == DEVICES[2] and row["values"]["goals"] == "B" and set(kept) == set(FIELDS)
