"""Large imports index for search in bulk: the same index as the triggers and as a rebuild give.

An import of ``importer.BULK_MIN`` records or more suspends the search triggers inside its
transaction, writes, indexes the rows it wrote and restores the triggers. These tests force
the bulk path on small bundles (and the trigger path on large ones) and compare: the index
(every trigram with its document and occurrence counts, and the visit-to-case links), the
search results, the synced content and the conflicts must be what the other path and a
full rebuild give.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sync_helpers import copy_db, delete, file_hash, seed_shared
from test_sync_convergence import OFFICES, apply, schedules, world  # noqa: F401 (world is a fixture)
from test_sync_stories import _bundle_with_only

from ningbo_sw_desktop.core.cases import update_case
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo_city import generate_city
from ningbo_sw_desktop.core.persons import update_person
from ningbo_sw_desktop.core.search import matching_case_ids, search
from ningbo_sw_desktop.core.search_index import SOURCES, rebuild_search_index, search_triggers, terms_table
from ningbo_sw_desktop.core.visits import log_visit, update_visit
from ningbo_sw_desktop.sync import bulk as bulk_module
from ningbo_sw_desktop.sync import conflict_set, content_digest, export_bundle, import_bundle, importer

QUERIES = ["zs", "wang", "王", "阿婆", "独居", "入户", "情况稳定", "已联系家属", "需要关注", "探访", "低保", "0574",
           "1390574", "HS-O1", "2025", "张", "李德明", "ldm", "电话回访", "每周电话"]


def index_snapshot(db) -> dict:
    """Everything the search index holds: trigrams with counts per table, and the visit links."""
    out = {t: db.execute(f"SELECT term, doc, cnt FROM {terms_table(t)} ORDER BY term").fetchall() for t in SOURCES}
    out["visit_cases"] = db.execute("SELECT visit, case_row FROM search_visit_cases ORDER BY visit").fetchall()
    return out


def results(db) -> dict:
    return {q: (search(db, q), matching_case_ids(db, q)) for q in QUERIES}


def as_rebuilt(db) -> tuple[dict, dict]:
    """The index and search results a full rebuild gives (on a copy, leaving ``db`` alone)."""
    folder = Path(tempfile.mkdtemp(prefix="rebuilt-"))
    try:
        copy = copy_db(db, folder / "copy.db")
        rebuild_search_index(copy, optimize=False)
        snapshot = index_snapshot(copy), results(copy)
        copy.close()
        return snapshot
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def schema(db) -> list[tuple]:
    return db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()


def assert_index_right(db, triggers: list[str]) -> None:
    assert search_triggers(db) == triggers
    assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert (index_snapshot(db), results(db)) == as_rebuilt(db)
    for fts, _ in SOURCES.values():
        db.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 0)")


@pytest.fixture
def bulk(monkeypatch):
    """``bulk(True)``: every import indexes in bulk; ``bulk(False)``: every import uses the triggers."""
    def choose(on: bool) -> None:
        monkeypatch.setattr(importer, "BULK_MIN", 0 if on else 10**9)
    return choose


def test_a_bulk_import_of_new_changed_and_deleted_records_indexes_as_the_triggers_and_a_rebuild(network, bulk, tmp_path):
    net = network(1)
    office, sup = net.offices[0], net.sup
    triggers = search_triggers(sup)
    assert len(triggers) == 9
    generate_city(office, scale=0.002)
    before = schema(sup)
    bulk(True)
    first = net.up(0)[1]
    assert first.totals["new"] > 1000
    assert schema(sup) == before  # triggers and the indexes of tables loaded while empty are back, as they were
    assert_index_right(sup, triggers)

    shared = net.shared
    update_person(office, shared["persons"][0], {"phone": "0574-87654321", "notes": "已联系家属"})
    update_case(office, shared["cases"][1], {"goals": "每周电话问候"})
    update_visit(office, shared["visits"][0], {"notes": "情况稳定，需要关注"})
    log_visit(office, {"case_id": shared["cases"][2], "kind": "home", "at": "2025-06-01T10:00", "notes": "入户探访"})
    delete(office, "visits", shared["visits"][2])
    delete(office, "persons", shared["persons"][1])
    delete(office, "cases", shared["cases"][0])
    for table in ("persons", "cases", "visits"):  # rows the city made, changed in bulk too
        ids = [r[0] for r in office.execute(f"SELECT id FROM {table} WHERE deleted = 0 ORDER BY id DESC LIMIT 5")]
        for record in ids[:2]:
            delete(office, table, record)
    for record in [r[0] for r in office.execute("SELECT id FROM cases WHERE deleted = 0 ORDER BY id LIMIT 40 OFFSET 5")]:
        update_case(office, record, {"plan": "每两周入户"})

    stick = tmp_path / "stick"
    stick.mkdir()
    bundle = export_bundle(office, "督导", stick)
    by_triggers = copy_db(sup, tmp_path / "by-triggers" / "sup.db")
    bulk(False)
    import_bundle(by_triggers, bundle.path)
    bulk(True)
    report = import_bundle(sup, bundle.path)
    assert report.totals["updated"] >= 50
    assert_index_right(sup, triggers)
    assert index_snapshot(sup) == index_snapshot(by_triggers)
    assert results(sup) == results(by_triggers)
    assert (content_digest(sup), conflict_set(sup)) == (content_digest(by_triggers), conflict_set(by_triggers))
    by_triggers.close()


def test_a_visit_that_came_before_its_case_is_linked_when_a_bulk_import_brings_the_case(network, bulk):
    net = network(1, shared=False)
    office, sup = net.offices[0], net.sup
    triggers = search_triggers(sup)
    from ningbo_sw_desktop.core.demo import seed_reference_data

    seed_reference_data(office)
    shared = seed_shared(office)
    visit = log_visit(office, {"case_id": shared["cases"][0], "kind": "phone", "at": "2025-06-02T15:00",
                               "notes": "电话回访，独居"}).value
    bundle = export_bundle(office, "督导", net.folder / "sticks")
    only_visit = _bundle_with_only(office, sup, bundle.path, "visits", visit, net.folder / "only-visit.nbsync")
    bulk(True)
    import_bundle(sup, only_visit, trust_new=True)
    assert sup.execute("SELECT case_row FROM search_visit_cases v JOIN visits t ON t.rowid = v.visit WHERE t.id = ?",
                       [visit]).fetchone() == (None,)
    import_bundle(sup, bundle.path)
    assert shared["cases"][0] in matching_case_ids(sup, "电话回访")
    assert_index_right(sup, triggers)


def test_a_bulk_dry_run_and_a_refused_bulk_import_leave_triggers_and_index_as_they_were(network, bulk, tmp_path):
    net = network(1)
    office, sup = net.offices[0], net.sup
    generate_city(office, scale=0.002)
    bundle = export_bundle(office, "督导", tmp_path)
    before = file_hash(sup)
    bulk(True)
    report = import_bundle(sup, bundle.path, dry_run=True)
    assert report.totals["new"] == bundle.total
    assert file_hash(sup) == before

    def fail(*args, **kwargs):
        raise RuntimeError("disk unplugged")

    # the last step on the import's thread, and a step on the side thread (a table's indexes)
    for module, name in ((bulk_module, "restore_search_triggers"), (importer, "index_rows")):
        original = getattr(module, name)
        setattr(module, name, fail)
        try:
            with pytest.raises(RuntimeError, match="disk unplugged"):
                import_bundle(sup, bundle.path)
        finally:
            setattr(module, name, original)
        assert file_hash(sup) == before
        assert len(search_triggers(sup)) == 9
        assert sup.conn.execute("PRAGMA cache_size").fetchone()[0] == -32000  # the usual page cache again
    report = import_bundle(sup, bundle.path)
    assert report.totals["new"] == bundle.total


def test_a_malformed_line_found_after_tables_were_written_rolls_all_of_them_back(network, bulk, tmp_path):
    """Tables are read and written one after another: a bad line in a late table refuses the whole bundle."""
    from sync_craft import reseal, rewrite_changes

    from ningbo_sw_desktop.sync import BundleRefused

    net = network(1)
    office, sup = net.offices[0], net.sup
    generate_city(office, scale=0.002)
    bundle = export_bundle(office, "督导", tmp_path)
    before, triggers = file_hash(sup), search_triggers(sup)

    def repeat_an_area(members, manifest):  # areas are the smallest table: written after visits and persons
        rewrite_changes(members, manifest, lambda lines: [*lines, next(ln for ln in lines if ln.startswith('["areas"'))])
        manifest["counts"]["areas"] += 1

    bulk(True)
    written, write = [], importer._apply_chunk

    def recording(ctx, table, chunk, empty=False):
        written.append(table)
        return write(ctx, table, chunk, empty)

    importer._apply_chunk = recording
    try:
        with pytest.raises(BundleRefused) as refused:
            import_bundle(sup, reseal(office, sup, bundle.path, tmp_path / "twice.nbsync", repeat_an_area),
                          trust_new=True)
    finally:
        importer._apply_chunk = write
    assert "twice" in str(refused.value)
    assert "visits" in written  # already in the database when the bad line was read
    assert file_hash(sup) == before and search_triggers(sup) == triggers
    assert import_bundle(sup, bundle.path, trust_new=True).totals["new"] == bundle.total


def test_a_database_without_search_triggers_stays_without_them(network, bulk, tmp_path):
    from ningbo_sw_desktop.core.search_index import drop_search_triggers

    net = network(1)
    office, sup = net.offices[0], net.sup
    drop_search_triggers(sup)
    generate_city(office, scale=0.002)
    bulk(True)
    net.up(0)
    assert search_triggers(sup) == []


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(schedule=schedules(), extra=st.permutations(range(OFFICES)), modes=st.lists(st.booleans(), min_size=5, max_size=5))
def test_bulk_and_trigger_imports_in_any_order_give_one_database_one_conflict_set_and_the_rebuilt_index(
        world, bulk, schedule, extra, modes):  # noqa: F811
    files, shared = world
    n, steps = schedule
    folder = Path(tempfile.mkdtemp(prefix="sync-bulk-"))
    try:
        offices = []
        for i in range(n):
            shutil.copyfile(files[i + 1], folder / f"office{i}.db")
            offices.append(connect(folder / f"office{i}.db"))
        deleted: set = set()
        for i, op in steps:
            apply(offices[i], op, shared, deleted)
        bundles = [export_bundle(db, "督导", folder / f"b{i}.nbsync").path for i, db in enumerate(offices)]
        outcomes = []
        for k, (order, mixed) in enumerate([(list(range(n)), False), ([i for i in extra if i < n], True)]):
            shutil.copyfile(files[0], folder / f"sup{k}.db")
            sup = connect(folder / f"sup{k}.db")
            triggers = search_triggers(sup)
            for step, i in enumerate(order):
                bulk(modes[step] if mixed else False)
                import_bundle(sup, bundles[i])
            assert_index_right(sup, triggers)
            outcomes.append((content_digest(sup), conflict_set(sup)))
            sup.close()
        assert outcomes[0] == outcomes[1]
        for db in offices:
            db.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("in_bulk", [False, True])
def test_an_updated_visit_whose_case_has_not_come_is_still_listed_as_waiting(network, bulk, in_bulk):
    net = network(1, shared=False)
    office, sup = net.offices[0], net.sup
    from ningbo_sw_desktop.core.demo import seed_reference_data

    seed_reference_data(office)
    shared = seed_shared(office)
    visit = log_visit(office, {"case_id": shared["cases"][0], "kind": "phone", "at": "2025-06-02T15:00",
                               "notes": "电话回访"}).value
    first = export_bundle(office, "督导", net.folder / "sticks")
    bulk(in_bulk)
    import_bundle(sup, _bundle_with_only(office, sup, first.path, "visits", visit, net.folder / "v1.nbsync"),
                  trust_new=True)
    update_visit(office, visit, {"notes": "电话回访，情况稳定"})
    second = export_bundle(office, "督导", net.folder / "sticks")
    report = import_bundle(sup, _bundle_with_only(office, sup, second.path, "visits", visit, net.folder / "v2.nbsync"))
    assert report.totals["updated"] == 1
    assert {(w.table, w.record_id, w.field) for w in report.waiting} == {("visits", visit, "case_id"),
                                                                          ("visits", visit, "person_id")}
    report = import_bundle(sup, second.path)
    assert report.waiting == []
    assert shared["cases"][0] in matching_case_ids(sup, "情况稳定")
