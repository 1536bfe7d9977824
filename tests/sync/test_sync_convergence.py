"""Random work at 3-5 offices, imported by the supervisor in every order: one database, one conflict set.

Every office starts from the supervisor's data (one shared bundle), then edits cases,
clients, areas and workers, marks attendance, logs and corrects visits and deletes
records, all through the normal write path. Whatever order the supervisor imports their
bundles in, the synced content (digest) and the open conflicts come out the same, and
importing anything a second time changes nothing.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import Network, delete, edit, live

from ningbo_sw_desktop.core.cases import update_case
from ningbo_sw_desktop.core.clubs import mark_attendance
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.errors import UserError
from ningbo_sw_desktop.core.persons import update_person
from ningbo_sw_desktop.core.schema import PERSONAL_FIELDS
from ningbo_sw_desktop.core.visits import log_visit, update_visit
from ningbo_sw_desktop.sync import conflict_set, content_digest, export_bundle, import_bundle

VALUES = {
    "risk": ["low", "medium", "high"], "goals": ["每周电话问候", "链接志愿者", "申请助餐"],
    "plan": ["每月入户", "每两周入户", "每周电话"], "phone": ["13905740001", "13905740002", "0574-87654321"],
    "address": ["柳汀街1号", "苍水街2号", "马园路3号"], "notes": ["情况稳定", "需要关注", "已联系家属"],
}
STATUS = ["present", "absent", "excused"]
OFFICES = 5

CASE_EDIT = st.tuples(st.just("case"), st.integers(0, 1), st.sampled_from(["risk", "goals"]), st.integers(0, 2))
OPS = st.one_of(
    CASE_EDIT, CASE_EDIT, CASE_EDIT,  # the same fields often, so offices collide
    st.tuples(st.just("person"), st.integers(0, 1), st.sampled_from(["phone", "notes"]), st.integers(0, 2)),
    st.tuples(st.just("area"), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("worker"), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("attend"), st.integers(0, 1), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("visit"), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("edit_visit"), st.integers(0, 1), st.integers(0, 2)),
    st.tuples(st.just("delete"), st.sampled_from(["persons", "visits", "cases"]), st.integers(0, 2)),
)


@st.composite
def schedules(draw, max_steps: int = 24):
    """How many offices, and who does what when (interleaved, so clock order differs from office order)."""
    n = draw(st.integers(3, OFFICES))
    steps = draw(st.lists(st.tuples(st.integers(0, n - 1), OPS), max_size=max_steps))
    return n, steps


@pytest.fixture
def world(tmp_path):
    """A supervisor and five offices that imported its starting data, saved as files to copy per example."""
    net = Network(tmp_path / "template", OFFICES)
    shared = net.shared
    for db in [net.sup, *net.offices]:
        db.close()
    files = [tmp_path / "template" / "sup" / "DD-NB.db"] + [tmp_path / "template" / c / f"{c}.db" for c in net.codes]
    return files, shared


def apply(db, op, shared: dict, deleted: set) -> None:
    """One piece of office work through the write path; refused work (e.g. on a deleted record) is skipped."""
    kind = op[0]
    try:
        if kind == "case":
            update_case(db, shared["cases"][op[1]], {op[2]: VALUES[op[2]][op[3]]})
        elif kind == "person" and live(db, "persons", shared["persons"][op[1]]):
            update_person(db, shared["persons"][op[1]], {op[2]: VALUES[op[2]][op[3]]})
        elif kind == "area":
            edit(db, "areas", shared["areas"][op[1]], {"population": 1000 * (op[2] + 1)})
        elif kind == "worker":
            worker = db.execute("SELECT id FROM workers ORDER BY id LIMIT 1 OFFSET ?", [op[1]]).fetchone()[0]
            edit(db, "workers", worker, {"phone": VALUES["phone"][op[2]]})
        elif kind == "attend":
            mark_attendance(db, shared["activities"][op[1]], shared["persons"][op[2]], STATUS[op[3]])
        elif kind == "visit":
            log_visit(db, {"case_id": shared["cases"][op[1]], "kind": "home", "at": f"2025-06-0{op[2] + 1}T10:00",
                           "notes": VALUES["notes"][op[2]]})
        elif kind == "edit_visit" and live(db, "visits", shared["visits"][op[1]]):
            update_visit(db, shared["visits"][op[1]], {"notes": VALUES["notes"][op[2]]})
        elif kind == "delete":
            record = shared[op[1]][op[2]]
            if live(db, op[1], record):
                delete(db, op[1], record)
                deleted.add((op[1], record))
    except UserError:
        pass


def run(files, shared, schedule, orders, folder: Path) -> None:
    """Do the work, export, import in each order into a copy of the supervisor, and compare."""
    n, steps = schedule
    offices = []
    for i in range(n):
        path = folder / f"office{i}.db"
        shutil.copyfile(files[i + 1], path)
        offices.append(connect(path))
    deleted: set = set()
    for i, op in steps:
        apply(offices[i], op, shared, deleted)
    bundles = [export_bundle(db, "督导", folder / f"b{i}.nbsync").path for i, db in enumerate(offices)]
    results = []
    for k, order in enumerate(orders):
        path = folder / f"sup{k}.db"
        shutil.copyfile(files[0], path)
        sup = connect(path)
        for i in order:
            import_bundle(sup, bundles[i])
        results.append((content_digest(sup), conflict_set(sup)))
        if k == 0:
            check_first(sup, offices, bundles, deleted, folder, results[0])
        sup.close()
    assert all(r == results[0] for r in results), "import order changed the result"
    for db in offices:
        db.close()


def check_first(sup, offices, bundles, deleted, folder, result) -> None:
    """Importing again (the same files, or the same content re-exported) changes nothing; deletes stay."""
    for path in bundles:
        assert import_bundle(sup, path).already_imported
    again = export_bundle(offices[-1], "督导", folder / "full.nbsync", full=True)
    report = import_bundle(sup, again.path)
    assert report.totals["new"] == report.totals["updated"] == report.totals["conflicts"] == 0
    assert (content_digest(sup), conflict_set(sup)) == result
    for table, record in deleted:
        row = sup.execute(f"SELECT * FROM {table} WHERE id = ?", [record]).fetchone()
        cols = [c[0] for c in sup.execute(f"SELECT * FROM {table} LIMIT 0").description]
        row = dict(zip(cols, row, strict=True))
        assert row["deleted"] == 1 and all(row[f] is None for f in PERSONAL_FIELDS.get(table, ()))
    pairs = sup.execute("SELECT COUNT(*), COUNT(DISTINCT activity_id || person_id) FROM attendance").fetchone()
    assert pairs[0] == pairs[1]


def orders_for(n: int, extra: list[int]) -> list[list[int]]:
    """Every order for three offices; for more, forward, backward and one drawn order."""
    if n == 3:
        return [list(p) for p in itertools.permutations(range(3))]
    return [list(range(n)), list(reversed(range(n))), [i for i in extra if i < n]]


def check(world, schedule, extra):
    files, shared = world
    folder = Path(tempfile.mkdtemp(prefix="sync-hyp-"))
    try:
        run(files, shared, schedule, orders_for(schedule[0], extra), folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(schedule=schedules(), extra=st.permutations(range(OFFICES)))
def test_bundles_imported_in_any_order_give_one_database_and_one_conflict_set(world, schedule, extra):
    check(world, schedule, extra)


@pytest.mark.slow
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow, HealthCheck.data_too_large])
@given(schedule=schedules(60), extra=st.permutations(range(OFFICES)))
def test_many_more_random_offices_converge(world, schedule, extra):
    check(world, schedule, extra)
