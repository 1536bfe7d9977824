"""Long jobs for the GUI: progress goes up to the total, Cancel leaves everything as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_helpers import file_hash

from ningbo_sw_desktop.core.visits import log_visit
from ningbo_sw_desktop.sync import Cancelled, export_bundle, import_bundle, inspect_bundle


def test_export_reports_progress_and_cancel_writes_nothing(network):
    net = network(1)
    office = net.offices[0]
    before = file_hash(office)
    with pytest.raises(Cancelled):
        export_bundle(office, "督导", net.folder / "cancelled.nbsync", abort=lambda: True)
    assert not (net.folder / "cancelled.nbsync").exists() and file_hash(office) == before
    seen = []
    report = export_bundle(office, "督导", net.folder / "ok.nbsync", progress=lambda d, t: seen.append((d, t)))
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert report.as_dict()["sequence"] == 1


def test_import_reports_progress_and_cancel_rolls_back(network):
    net = network(1)
    for day in range(1, 9):
        log_visit(net.offices[0], {"case_id": net.shared["cases"][0], "kind": "phone", "at": f"2025-07-0{day}T10:00",
                                   "notes": "电话回访"})
    bundle = export_bundle(net.offices[0], "督导", net.folder / "b.nbsync")
    before = file_hash(net.sup)
    calls = []

    def cancel_after_first():
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        import_bundle(net.sup, bundle.path, abort=cancel_after_first)
    assert file_hash(net.sup) == before
    seen = []
    report = import_bundle(net.sup, bundle.path, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (8, 8) and report.new == {"visits": 8}
    as_dict = report.as_dict()
    assert as_dict["totals"]["new"] == 8 and as_dict["tables"] == ["visits"] and as_dict["summary"]["en"]
    info = inspect_bundle(net.sup, bundle.path).as_dict()
    assert info["already_imported"] and info["counts"] == {"visits": 8} and info["trusted"]


def test_a_passphrase_bundle_is_the_break_glass_way(network):
    net = network(1)
    log_visit(net.offices[0], {"case_id": net.shared["cases"][0], "kind": "home", "at": "2025-07-01T10:00",
                               "notes": "入户"})
    bundle = export_bundle(net.offices[0], "督导", net.folder / "glass.nbsync", passphrase="长江黄河")
    from ningbo_sw_desktop.sync import BundleRefused

    with pytest.raises(BundleRefused) as caught:
        import_bundle(net.sup, bundle.path)
    assert caught.value.reason == "passphrase_needed"
    with pytest.raises(BundleRefused) as caught:
        import_bundle(net.sup, bundle.path, passphrase="wrong")
    assert caught.value.reason == "wrong_passphrase" and "passphrase is wrong" in caught.value.text.en
    assert import_bundle(net.sup, bundle.path, passphrase="长江黄河").new == {"visits": 1}


def test_a_passphrase_given_for_a_bundle_sealed_to_this_device_is_not_needed(network):
    """Typing a passphrase the bundle does not use opens it with the key, not a "made for another device" refusal."""
    net = network(1)
    log_visit(net.offices[0], {"case_id": net.shared["cases"][0], "kind": "home", "at": "2025-07-01T10:00",
                               "notes": "入户"})
    bundle = export_bundle(net.offices[0], "督导", net.folder / "key.nbsync")
    assert import_bundle(net.sup, bundle.path, passphrase="长江黄河").new == {"visits": 1}


def test_the_status_overview(network):
    from ningbo_sw_desktop.sync import sync_status

    net = network(2)
    net.up(0)
    status = sync_status(net.sup)
    by_name = {p["name"]: p for p in status["peers"]}
    assert by_name["HS-O1"]["last_imported"][0] == 1 and by_name["HS-O2"]["last_imported"] is None
    assert by_name["HS-O1"]["last_sent"][0] == 1 and status["conflicts"] == status["quarantined"] == 0


def test_cancel_in_the_middle_of_a_large_import_rolls_back_with_the_side_thread_stopped(network):
    """A bulk import (second thread building indexes) cancelled half-way: nothing written, triggers and cache as before."""
    import threading

    from ningbo_sw_desktop.core.demo_city import generate_city
    from ningbo_sw_desktop.core.search_index import search_triggers
    from ningbo_sw_desktop.sync import importer

    net = network(1)
    generate_city(net.offices[0], scale=0.01)
    bundle = export_bundle(net.offices[0], "督导", net.folder / "big.nbsync")
    assert bundle.total >= 2 * importer.BULK_MIN
    before, triggers = file_hash(net.sup), search_triggers(net.sup)
    cache = net.sup.conn.execute("PRAGMA cache_size").fetchone()[0]
    seen = []

    def cancel_half_way():  # abort() is asked between chunks; say yes once half the lines are in
        return bool(seen) and seen[-1][0] >= seen[-1][1] // 2

    with pytest.raises(Cancelled):
        import_bundle(net.sup, bundle.path, trust_new=True, progress=lambda d, t: seen.append((d, t)),
                      abort=cancel_half_way)
    assert seen and seen[-1][0] < seen[-1][1]
    assert not [t for t in threading.enumerate() if t.name == "import-side-sql"]
    assert file_hash(net.sup) == before and search_triggers(net.sup) == triggers
    assert net.sup.conn.execute("PRAGMA cache_size").fetchone()[0] == cache
    report = import_bundle(net.sup, bundle.path, trust_new=True)
    assert report.totals["new"] == bundle.total


def test_export_to_a_place_that_cannot_be_written_says_so_and_records_nothing(network):
    from ningbo_sw_desktop.core.errors import UserError
    from ningbo_sw_desktop.sync import BundleRefused

    net = network(1)
    office = net.offices[0]
    before = file_hash(office)
    with pytest.raises(UserError) as refused:  # /proc refuses new files even to root, like a write-protected stick
        export_bundle(office, "督导", Path("/proc/self/no-such-stick"))
    assert not isinstance(refused.value, BundleRefused) and "无法把同步包写到" in str(refused.value)
    assert file_hash(office) == before and office.execute("SELECT COUNT(*) FROM sync_sent").fetchone()[0] == 0
