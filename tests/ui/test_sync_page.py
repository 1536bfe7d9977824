"""An office sends its work to the supervisor on a stick, through the Sync page; the supervisor settles a conflict."""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QPushButton
from ui_helpers import make_context, show_window

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from sync_helpers import Network, db_path, make_device, seed_shared, trust  # noqa: E402

from ningbo_sw_desktop.core import clock as core_clock  # noqa: E402
from ningbo_sw_desktop.core.cases import get_case, update_case  # noqa: E402
from ningbo_sw_desktop.core.visits import log_visit  # noqa: E402
from ningbo_sw_desktop.sync import Cancelled as SyncCancelled  # noqa: E402
from ningbo_sw_desktop.sync import content_digest, export_bundle, identity, list_conflicts  # noqa: E402
from ningbo_sw_desktop.ui.sync_dialogs import field_word, run_job  # noqa: E402
from ningbo_sw_desktop.ui.sync_page import SyncPage  # noqa: E402


@pytest.fixture
def contexts(ui_font, ui_translations):
    """``open_ctx(db)``: the app's context over a database made by the sync helpers (closed afterwards)."""
    made = []

    def open_ctx(db):
        context = make_context(db, db_path(db), ui_translations)
        made.append(context)
        return context

    yield open_ctx
    for context in made:
        context.ops.shutdown()


def show_page(qtbot, ctx) -> SyncPage:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.resize(1130, 740)
    page.show()
    qtbot.waitExposed(page)
    settle(qtbot, page)
    return page


def settle(qtbot, page: SyncPage) -> None:
    """Wait until the page's bundle jobs and reads have all come back."""
    qtbot.waitUntil(lambda: not page.busy and not page.ctx.ops.busy, timeout=15_000)


def drop(page: SyncPage, paths: list[Path]) -> None:
    """Drag files onto the page and drop them, as from the file manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers)
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(page, QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, buttons, modifiers))


def cases_of(db, office_code: str) -> set[str]:
    return {r[0] for r in db.execute("SELECT case_no FROM cases WHERE deleted = 0 AND case_no LIKE ?",
                                     [office_code + "-%"])}


@pytest.fixture
def office_and_supervisor(tmp_path):
    """Nanmen Street's office with three cases, trusting the supervisor; the supervisor does not know it yet."""
    office = make_device(tmp_path / "office", "HS-NM", "南门街道社工站")
    sup = make_device(tmp_path / "sup", "DD-NB", "宁波市社工督导", role="supervisor")
    seed_shared(office)
    trust(office, sup, "督导", role="supervisor")
    yield office, sup
    office.close()
    sup.close()


def test_an_office_exports_and_the_supervisor_imports_after_confirming_trust(
        office_and_supervisor, qtbot, contexts, tmp_path, monkeypatch, artifacts):
    office, sup = office_and_supervisor
    stick = tmp_path / "stick"
    stick.mkdir()
    page = show_page(qtbot, contexts(office))
    assert page.recipient.currentData() == "督导"
    page.folder.setText(str(stick))
    page.full.setChecked(True)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    [bundle] = stick.glob("*.nbsync")
    assert bundle.name.startswith("HS-NM-0001") and str(bundle) in page.result.toPlainText()
    assert office.execute("SELECT COUNT(*) FROM sync_sent").fetchone()[0] == 1
    assert page._settings().value("sync/folder") == str(stick)  # the next export starts there

    sup_ctx = contexts(sup)
    sup_page = show_page(qtbot, sup_ctx)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_a: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(bundle)], "*.nbsync"))
    announced = []
    sup_ctx.ops.changes_applied.connect(announced.append)
    qtbot.mouseClick(sup_page.import_button, Qt.MouseButton.LeftButton)
    settle(qtbot, sup_page)

    office_fp = identity(office)["fingerprint_grouped"]
    assert len(asked) == 1 and "HS-NM 南门街道社工站" in asked[0] and office_fp[:39] in asked[0]
    assert cases_of(sup, "HS-NM") == cases_of(office, "HS-NM") and len(cases_of(sup, "HS-NM")) == 3
    assert sup.execute("SELECT name FROM sync_peers").fetchall() == [("HS-NM",)]
    report = sup_page.result.toPlainText()
    assert bundle.name in report and "新增" in report and "HS-NM 南门街道社工站" in report
    assert announced and "cases" in announced[-1].tables
    assert [sup_page.devices.peers_model.rows[0]["name"]] == ["HS-NM"]
    sup_page.grab().save(str(artifacts / "sync_page_import.png"))
    sup_page.tabs.setCurrentWidget(sup_page.devices)
    sup_page.grab().save(str(artifacts / "sync_page_devices.png"))


def test_a_damaged_bundle_is_refused_with_a_message_and_nothing_changes(
        office_and_supervisor, qtbot, contexts, tmp_path, monkeypatch, artifacts):
    office, sup = office_and_supervisor
    trust(sup, office, "HS-NM", role="office")
    (tmp_path / "stick").mkdir()
    exported = export_bundle(office, "督导", tmp_path / "stick")
    data = bytearray(Path(exported.path).read_bytes())
    data[len(data) // 2] ^= 0xFF
    damaged = tmp_path / "stick" / "damaged.nbsync"
    damaged.write_bytes(bytes(data))
    before = content_digest(sup), sup.execute("SELECT COUNT(*) FROM sync_ledger").fetchone()[0]
    page = show_page(qtbot, contexts(sup))
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: pytest.fail("a damaged bundle asks nothing"))
    drop(page, [damaged])
    settle(qtbot, page)
    assert page.message_box is not None and page.message_box.isVisible()
    assert "同步包已损坏" in page.message_box.text()
    assert "damaged.nbsync" in page.result.toPlainText() and "同步包已损坏" in page.result.toPlainText()
    assert (content_digest(sup), sup.execute("SELECT COUNT(*) FROM sync_ledger").fetchone()[0]) == before
    page.grab().save(str(artifacts / "sync_page_refused.png"))
    page.message_box.grab().save(str(artifacts / "sync_refused_message.png"))
    page.message_box.close()


@pytest.fixture
def network(tmp_path):
    """A supervisor and two offices that trust one another and share the supervisor's cases."""
    net = Network(tmp_path / "net", 2)
    (tmp_path / "stick").mkdir()
    yield net
    for db in (net.sup, *net.offices):
        db.close()


def test_the_supervisor_settles_conflicts_with_the_other_value_the_current_one_and_a_combined_text(
        network, qtbot, contexts, tmp_path, artifacts):
    net = network
    case, other_case = net.shared["cases"][:2]
    update_case(net.offices[0], case, {"goals": "每周电话问候，了解老人身体和情绪", "risk": "high"})
    update_case(net.offices[1], case, {"goals": "链接社区志愿者每周上门陪伴", "risk": "medium"})
    update_case(net.offices[0], other_case, {"plan": "每月入户一次，重点关注用药"})
    update_case(net.offices[1], other_case, {"plan": "联系女儿，商量日间照料"})
    net.up(0)
    second = export_bundle(net.offices[1], "督导", tmp_path / "stick")
    ctx = contexts(net.sup)
    window = show_window(qtbot, ctx)
    page = window.show_page("sync")
    settle(qtbot, page)
    drop(page, [Path(second.path)])
    settle(qtbot, page)
    assert "3" in page.tabs.tabText(1) and page.review.field_count() == 3  # the import went through regardless
    assert "HS-O2" in page.result.toPlainText()

    review = page.review
    page.tabs.setCurrentWidget(review)
    review.select("cases", case, "goals")
    record, field = review.current()
    assert record.title.startswith("DD-NB-") and review.heading.text().endswith(field_word("goals"))
    other = field.competing[0].value
    assert other != field.winner.value
    QApplication.processEvents()
    window.grab().save(str(artifacts / "sync_page.png"))

    review.versions.selectRow(1)
    qtbot.mouseClick(review.other_button, Qt.MouseButton.LeftButton)  # 采用另一值
    settle(qtbot, page)
    assert get_case(net.sup, case)["goals"] == other and review.field_count() == 2

    review.select("cases", case, "risk")
    current = review.current()[1].winner.value
    qtbot.mouseClick(review.keep_button, Qt.MouseButton.LeftButton)  # 保留当前值
    settle(qtbot, page)
    assert get_case(net.sup, case)["risk"] == current and review.field_count() == 1

    review.select("cases", other_case, "plan")
    dialog = review.edit_combined()  # 合并编辑, prefilled with both plans
    text = dialog.editor.toPlainText()
    assert "每月入户一次，重点关注用药" in text and "联系女儿，商量日间照料" in text
    dialog.grab().save(str(artifacts / "sync_combined_dialog.png"))
    dialog.editor.setPlainText("每月入户一次，重点关注用药；联系女儿，商量日间照料")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert get_case(net.sup, other_case)["plan"] == "每月入户一次，重点关注用药；联系女儿，商量日间照料"
    assert list_conflicts(net.sup) == [] and review.field_count() == 0 and review.empty.isVisible()
    page.tabs.setCurrentWidget(page.lists)
    window.grab().save(str(artifacts / "sync_page_lists.png"))


def test_a_visit_from_a_pc_whose_clock_runs_ahead_is_quarantined_and_released_later(
        network, qtbot, contexts, tmp_path, monkeypatch):
    net = network
    real_time, real_datetime = time.time, dt.datetime
    monkeypatch.setattr(core_clock.time, "time", lambda: real_time() + 3600)  # the office PC is an hour fast
    visit = log_visit(net.offices[0], {"case_id": net.shared["cases"][0], "kind": "home", "at": "2025-06-01T09:30",
                                       "notes": "入户"}).value
    monkeypatch.setattr(core_clock.time, "time", real_time)
    bundle = export_bundle(net.offices[0], "督导", tmp_path / "stick")
    page = show_page(qtbot, contexts(net.sup))
    drop(page, [Path(bundle.path)])
    settle(qtbot, page)
    lists = page.lists
    assert [r["record_id"] for r in lists.quarantine_model.rows] == [visit] and "1" in page.tabs.tabText(2)
    assert "1" in page.result.toPlainText() and not net.sup.execute("SELECT 1 FROM visits WHERE id = ?",
                                                                     [visit]).fetchone()

    class TwoHoursLater(dt.datetime):
        @classmethod
        def now(cls, tz=None):
            return real_datetime.now(tz) + dt.timedelta(hours=2)

    monkeypatch.setattr(dt, "datetime", TwoHoursLater)  # the supervisor's clock has caught up
    qtbot.mouseClick(lists.release_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    monkeypatch.setattr(dt, "datetime", real_datetime)
    assert net.sup.execute("SELECT COUNT(*) FROM visits WHERE id = ?", [visit]).fetchone()[0] == 1
    assert lists.quarantine_model.rows == [] and "1" in lists.release_result.text()


def test_cancel_in_the_progress_dialog_stops_a_long_job_and_says_nothing_changed(office_and_supervisor, qtbot,
                                                                                 contexts):
    _office, sup = office_and_supervisor
    page = show_page(qtbot, contexts(sup))
    outcome = []

    def long_job(db, progress, abort):  # a bundle job honours abort() between steps, as the sync functions do
        step = 0
        while not abort():
            step += 1
            progress(step, 10_000)
            time.sleep(0.01)
        raise SyncCancelled()

    run_job(page, page.ctx.db_path, "…", long_job, done=outcome.append, failed=outcome.append,
            cancelled=lambda: outcome.append("cancelled") or page._cancelled(), finished=lambda: None)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(QProgressDialog)), timeout=5000)
    [dialog] = [d for d in page.findChildren(QProgressDialog) if d.isVisible()]
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: outcome == ["cancelled"], timeout=5000)
    assert "nothing was changed" in page.result.toPlainText() or "未作改动" in page.result.toPlainText()


def test_keys_copied_at_an_office_are_pasted_and_trusted_at_the_supervisor(office_and_supervisor, qtbot, contexts):
    office, sup = office_and_supervisor
    office_page = show_page(qtbot, contexts(office))
    qtbot.mouseClick(office_page.devices.copy_button, Qt.MouseButton.LeftButton)
    assert identity(office)["signing_key"] in QGuiApplication.clipboard().text()
    sup_page = show_page(qtbot, contexts(sup))
    devices = sup_page.devices
    qtbot.mouseClick(devices.paste_button, Qt.MouseButton.LeftButton)
    assert devices.new_name.text() == "HS-NM" and devices.new_recipient.text() == identity(office)["age_recipient"]
    devices.new_role.setCurrentIndex(devices.new_role.findData("office"))
    qtbot.mouseClick(devices.trust_button, Qt.MouseButton.LeftButton)
    settle(qtbot, sup_page)
    assert sup.execute("SELECT name, role, fingerprint FROM sync_peers").fetchall() == [
        ("HS-NM", "office", identity(office)["fingerprint"])]
    assert sup_page.recipient.findData("HS-NM") >= 0  # ready to send a bundle back
    try:
        sup_page.ctx.translations.apply("en")
        qtbot.waitUntil(lambda: sup_page.tabs.tabText(3) == "Devices")  # LanguageChange is posted, not sent
        assert devices.copy_button.text() == "Copy my keys"
        assert devices.role.currentText() == "Supervisor"
    finally:
        sup_page.ctx.translations.apply("zh")


def test_a_large_bundle_dropped_on_the_page_is_imported_with_its_search_index(office_and_supervisor, qtbot, contexts,
                                                                            tmp_path):
    """Thousands of records: the import's second thread (index building) runs under the GUI's writer thread."""
    from ningbo_sw_desktop.core.demo_city import generate_city
    from ningbo_sw_desktop.core.search import search
    from ningbo_sw_desktop.core.search_index import search_triggers
    from ningbo_sw_desktop.sync import importer

    office, sup = office_and_supervisor
    trust(sup, office, "HS-NM", role="office")
    generate_city(office, scale=0.01)
    (tmp_path / "stick").mkdir()
    exported = export_bundle(office, "督导", tmp_path / "stick")
    assert exported.total >= 2 * importer.BULK_MIN
    triggers = search_triggers(sup)
    page = show_page(qtbot, contexts(sup))
    drop(page, [Path(exported.path)])
    settle(qtbot, page)
    assert content_digest(sup) == content_digest(office)
    assert search_triggers(sup) == triggers and sup.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    name = office.execute("SELECT name FROM persons WHERE deleted = 0 ORDER BY id LIMIT 1").fetchone()[0]
    assert any(hit for hit in search(sup, name))  # the bulk-built search index finds the new clients
    assert "新增" in page.result.toPlainText()


def test_an_export_to_a_stick_that_cannot_be_written_says_what_to_do(office_and_supervisor, qtbot, contexts, artifacts):
    office, _sup = office_and_supervisor
    page = show_page(qtbot, contexts(office))
    page.folder.setText("/proc/self")  # a folder that refuses new files even to root, like a write-protected stick
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert page.message_box is not None and "无法把同步包写到" in page.message_box.text()
    assert "意外" not in page.message_box.windowTitle() + page.message_box.text()
    assert office.execute("SELECT COUNT(*) FROM sync_sent").fetchone()[0] == 0
    page.message_box.grab().save(str(artifacts / "sync_export_unwritable.png"))
    page.message_box.close()


def test_an_empty_trusted_devices_list_says_how_to_add_one(office_and_supervisor, qtbot, contexts, artifacts):
    office, sup = office_and_supervisor
    office_page = show_page(qtbot, contexts(office))
    qtbot.mouseClick(office_page.devices.copy_button, Qt.MouseButton.LeftButton)
    page = show_page(qtbot, contexts(sup))
    page.tabs.setCurrentIndex(3)
    devices = page.devices
    hint = devices.peers_hint
    assert devices.peers_model.rows == [] and hint.isVisible()
    assert "复制本机公钥" in hint.text() and "信任该设备" in hint.text()
    assert devices.peers_table.viewport().rect().contains(hint.geometry())
    page.grab().save(str(artifacts / "sync_page_no_devices.png"))
    qtbot.mouseClick(devices.paste_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(devices.trust_button, Qt.MouseButton.LeftButton)
    settle(qtbot, page)
    assert len(devices.peers_model.rows) == 1 and not hint.isVisible()


def test_the_import_report_asks_to_check_clients_who_may_be_registered_twice(ctx):
    from ningbo_sw_desktop.sync.report import ImportReport
    from ningbo_sw_desktop.ui.sync_dialogs import import_report_html

    report = ImportReport("b", 2, {"office_code": "HS-O2"}, possible_duplicates=[("new-id", "old-id")])
    shown = import_report_html(report, "HS-O2-0002.nbsync")
    assert "1 位新服务对象的居民身份证号码与本机已有服务对象相同" in shown
