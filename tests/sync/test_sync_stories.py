"""Sync as the people using it see it: offices and a supervisor exchanging bundles on USB sticks."""

from __future__ import annotations

import json

from sync_helpers import delete, edit, file_hash, live

from ningbo_sw_desktop.core.areas import add_area
from ningbo_sw_desktop.core.cases import get_case, open_case, update_case
from ningbo_sw_desktop.core.clubs import attendance_id, mark_attendance
from ningbo_sw_desktop.core.persons import update_person
from ningbo_sw_desktop.core.visits import log_visit
from ningbo_sw_desktop.sync import content_digest, export_bundle, import_bundle, list_conflicts, waiting_records


def clash(net, case: str, field: str, first, second):
    """The two offices change one field of a shared case differently and both send: the supervisor's conflict."""
    update_case(net.offices[0], case, {field: first})
    update_case(net.offices[1], case, {field: second})
    net.up(0)
    net.up(1)
    return next(f for r in list_conflicts(net.sup) for f in r.fields if f.field == field)


def test_a_home_visit_logged_offline_is_imported_twice_and_seen_once(network):
    net = network(1)
    case = net.shared["cases"][0]
    visit = log_visit(net.offices[0], {"case_id": case, "kind": "home", "at": "2025-06-01T10:00",
                                       "notes": "入户探访，老人身体尚可"}).value
    exported, first = net.up(0)
    assert first.new == {"visits": 1} and not first.conflicts
    again = import_bundle(net.sup, exported.path)
    assert again.already_imported and again.totals["new"] == 0
    assert net.sup.execute("SELECT COUNT(*) FROM visits WHERE id = ?", [visit]).fetchone()[0] == 1


def test_the_same_bundle_content_in_a_new_file_changes_nothing(network):
    net = network(1)
    update_case(net.offices[0], net.shared["cases"][1], {"risk": "high"})
    net.up(0)
    before = content_digest(net.sup)
    again = export_bundle(net.offices[0], "督导", net.folder / "again", full=True)
    report = import_bundle(net.sup, again.path)
    assert report.totals["new"] == report.totals["updated"] == 0 and report.totals["unchanged"] > 0
    assert content_digest(net.sup) == before


def test_a_case_edited_at_two_offices_in_the_same_field_shows_one_conflict(network):
    net = network(2)
    case = net.shared["cases"][0]
    update_case(net.offices[0], case, {"goals": "每周电话问候"})
    update_case(net.offices[1], case, {"goals": "链接社区志愿者上门"})
    net.up(0)
    _, report = net.up(1)
    assert report.conflicts == [("cases", case, "goals")]
    records = list_conflicts(net.sup)
    assert len(records) == 1 and len(records[0].fields) == 1
    conflict = records[0].fields[0]
    assert {conflict.winner.value, conflict.competing[0].value} == {"每周电话问候", "链接社区志愿者上门"}
    assert {conflict.winner.office_code, conflict.competing[0].office_code} == {"HS-O1", "HS-O2"}
    assert conflict.competing[0].bundle_id is not None


def test_edits_of_different_fields_merge_without_conflict(network):
    net = network(2)
    case = net.shared["cases"][0]
    update_case(net.offices[0], case, {"goals": "每周电话问候"})
    update_case(net.offices[1], case, {"risk": "high"})
    net.up(1)
    _, report = net.up(0)
    assert not report.conflicts
    row = get_case(net.sup, case)
    assert (row["goals"], row["risk"]) == ("每周电话问候", "high")


def test_a_later_edit_made_after_seeing_the_first_is_no_conflict(network):
    net = network(1)
    case = _own_case(net.offices[0])
    net.up(0)
    update_case(net.sup, case, {"plan": "每月入户一次"})
    net.down(0)
    update_case(net.offices[0], case, {"plan": "每两周入户一次"})
    _, report = net.up(0)
    assert not report.conflicts and get_case(net.sup, case)["plan"] == "每两周入户一次"


def _own_case(office) -> str:
    """A case the office opens itself."""
    return open_case(office, {"domain": "social_relief", "risk": "medium", "problem": "因病致贫", "intake_date": "2025-05-01"},
                     person_values={"name": "赵根宝", "gender": "male", "birth_date": "1955-01-01",
                                    "community_id": "柳庄社区"}).first("cases")


def test_a_delete_never_comes_back(network):
    net = network(2)
    person = net.shared["persons"][2]
    delete(net.offices[0], "persons", person)
    update_person(net.offices[1], person, {"phone": "13805740000", "notes": "新电话"})
    net.up(1)
    net.up(0)
    row = dict(zip(["deleted", "name", "phone", "id_number", "notes", "name_pinyin"], net.sup.execute(
        "SELECT deleted, name, phone, id_number, notes, name_pinyin FROM persons WHERE id = ?", [person]).fetchone(),
        strict=True))
    assert row == {"deleted": 1, "name": None, "phone": None, "id_number": None, "notes": None, "name_pinyin": None}
    net.up(1)  # the edit again, in a later bundle: still deleted
    assert not live(net.sup, "persons", person)
    assert net.sup.execute("SELECT COUNT(*) FROM conflicts WHERE record_id = ?", [person]).fetchone()[0] == 0


def test_the_same_attendance_marked_at_two_offices_ends_as_one_row(network):
    net = network(2)
    activity, person = net.shared["activities"][0], net.shared["persons"][0]
    mark_attendance(net.offices[0], activity, person, "present")
    mark_attendance(net.offices[1], activity, person, "present")
    net.up(0)
    _, report = net.up(1)
    rows = net.sup.execute("SELECT id, status FROM attendance WHERE activity_id = ? AND person_id = ?",
                           [activity, person]).fetchall()
    assert rows == [(attendance_id(activity, person), "present")]
    assert list_conflicts(net.sup) == []  # both said present: nothing to decide


def test_attendance_marked_differently_at_two_offices_is_one_row_and_one_conflict(network):
    net = network(2)
    activity, person = net.shared["activities"][1], net.shared["persons"][1]
    mark_attendance(net.offices[0], activity, person, "present")
    mark_attendance(net.offices[1], activity, person, "excused")
    net.up(1)
    net.up(0)
    assert net.sup.execute("SELECT COUNT(*) FROM attendance WHERE activity_id = ?", [activity]).fetchone()[0] == 1
    [record] = list_conflicts(net.sup)
    assert record.table == "attendance" and record.fields[0].field == "status"
    assert record.fields[0].label == {"zh": "出勤", "en": "Attendance"}  # not a case's 个案状态


def test_a_visit_that_arrives_before_its_case_waits_and_is_listed(network):
    net = network(1, shared=False)
    office, sup = net.offices[0], net.sup
    from ningbo_sw_desktop.core.demo import seed_reference_data

    seed_reference_data(office)
    from sync_helpers import seed_shared

    shared = seed_shared(office)
    visit = log_visit(office, {"case_id": shared["cases"][0], "kind": "phone", "at": "2025-06-02T15:00",
                               "notes": "电话回访"}).value
    bundle = export_bundle(office, "督导", net.folder / "sticks")
    # A hand-made bundle holding only the visit stands in for sticks crossing: the case is not there yet.
    only_visit = _bundle_with_only(office, sup, bundle.path, "visits", visit, net.folder / "only-visit.nbsync")
    report = import_bundle(sup, only_visit, trust_new=True)
    assert [(w.table, w.record_id, w.parent_table) for w in report.waiting
            if w.field == "case_id"] == [("visits", visit, "cases")]
    import_bundle(sup, bundle.path)
    assert not [w for w in waiting_records(sup) if w.record_id == visit]


def _bundle_with_only(office, sup, path, table, record_id, out):
    """Re-seal a real bundle keeping one record (signed by the office, as a buggy office might send)."""
    from sync_craft import reseal, rewrite_changes

    def keep(members, manifest):
        rewrite_changes(members, manifest, lambda lines: [ln for ln in lines if json.loads(ln)[:2] == [table, record_id]])
        manifest["counts"] = {table: 1}
        manifest["bundle_id"] = manifest["bundle_id"][:-4] + "beef"

    return reseal(office, sup, path, out, keep)


def test_a_lost_stick_loses_nothing(network):
    net = network(1)
    case = net.shared["cases"][2]
    update_case(net.offices[0], case, {"risk": "urgent"})
    lost = export_bundle(net.offices[0], "督导", net.folder / "lost")
    log_visit(net.offices[0], {"case_id": case, "kind": "home", "at": "2025-06-03T09:00", "notes": "再次入户"})
    _, report = net.up(0)
    assert report.sequence == lost.sequence + 1
    assert get_case(net.sup, case)["risk"] == "urgent" and report.new == {"visits": 1}
    assert report.missing_sequences == [lost.sequence]


def test_acknowledgements_shrink_the_next_bundle(network):
    net = network(1)
    update_case(net.offices[0], net.shared["cases"][0], {"risk": "medium"})
    first, _ = net.up(0)
    assert first.total == 1
    net.down(0)  # carries the supervisor's acknowledgement of bundle 1
    nothing, _ = net.up(0)
    assert nothing.total == 0


def test_nothing_is_echoed_back_to_its_sender(network):
    net = network(1)
    log_visit(net.offices[0], {"case_id": net.shared["cases"][0], "kind": "home", "at": "2025-06-04T09:00",
                               "notes": "入户"})
    net.up(0)
    back, _ = net.down(0)
    assert "visits" not in back.counts


def test_a_dry_run_reports_but_changes_nothing(network):
    net = network(1)
    update_case(net.offices[0], net.shared["cases"][0], {"risk": "high"})
    exported = export_bundle(net.offices[0], "督导", net.folder / "sticks")
    before = file_hash(net.sup)
    report = import_bundle(net.sup, exported.path, dry_run=True)
    assert report.dry_run and report.updated == {"cases": 1}
    assert file_hash(net.sup) == before
    assert import_bundle(net.sup, exported.path).updated == {"cases": 1}


def test_derived_columns_and_the_search_index_follow_imported_records(network):
    net = network(1)
    person = net.shared["persons"][0]
    update_person(net.offices[0], person, {"name": "张三丰"})
    net.up(0)
    row = net.sup.execute("SELECT name_pinyin, name_initials FROM persons WHERE id = ?", [person]).fetchone()
    assert row == ("zhang san feng", "zsf")
    rowid = net.sup.execute("SELECT rowid FROM persons WHERE id = ?", [person]).fetchone()[0]
    hits = net.sup.execute("SELECT rowid FROM search_persons WHERE search_persons MATCH ?", ['"张三丰"']).fetchall()
    assert (rowid,) in hits


def test_a_supervisor_sends_reference_data_and_a_reassigned_case_with_its_history(network):
    net = network(2)
    sup, (one, two) = net.sup, net.offices
    opened = open_case(one, {"domain": "social_relief", "risk": "medium", "problem": "因病致贫", "intake_date": "2025-05-01"},
                       person_values={"name": "赵根宝", "gender": "male", "birth_date": "1955-01-01",
                                      "community_id": "柳庄社区"})
    case_id, person_id = opened.first("cases"), opened.first("persons")
    visit = log_visit(one, {"case_id": case_id, "kind": "home", "at": "2025-05-02T10:00", "notes": "首次入户"}).value
    net.up(0)
    new_area = add_area(sup, {"name": "新河社区", "level": "community", "parent_id": "南门街道", "population": 5000}).value
    worker_two = two.execute("SELECT id FROM workers ORDER BY name LIMIT 1").fetchone()[0]
    update_case(sup, case_id, {"worker_id": worker_two})
    edit(sup, "cases", case_id, {"office_code": "HS-O2"})  # the reassignment: a case field that syncs
    back_two, _ = net.down(1)
    assert back_two.scope == "office"
    assert live(two, "areas", new_area) and live(two, "cases", case_id)
    assert live(two, "visits", visit) and live(two, "persons", person_id)
    assert get_case(two, case_id)["worker_id"] == worker_two
    assert back_two.counts["persons"] == 1 and back_two.counts["cases"] == 1  # its share only
    net.down(0)
    assert get_case(one, case_id)["office_code"] == "HS-O2"


def test_resolving_a_conflict_is_a_new_change_that_closes_it_at_every_office(network):
    net = network(2)
    case = net.shared["cases"][1]
    update_case(net.offices[0], case, {"plan": "甲方案"})
    update_case(net.offices[1], case, {"plan": "乙方案"})
    net.up(0)
    net.up(1)
    net.down(0)
    net.down(1)
    assert list_conflicts(net.offices[0]) and list_conflicts(net.offices[1])
    from ningbo_sw_desktop.sync import resolve_conflict

    competing = list_conflicts(net.sup)[0].fields[0].competing[0]
    changes = resolve_conflict(net.sup, competing.conflict_id, "keep_both")
    assert changes.updated == {"cases": [case]}
    plan = get_case(net.sup, case)["plan"]
    assert "甲方案" in plan and "乙方案" in plan and list_conflicts(net.sup) == []
    assert plan.startswith("—— HS-O") and plan.count("—— HS-O") == 2  # each text under whose words it is
    net.down(0)
    net.down(1)
    for office in net.offices:
        assert list_conflicts(office) == [] and get_case(office, case)["plan"] == plan
    assert content_digest(net.offices[0]) != ""  # offices hold their share; the plan agrees everywhere


def test_keep_restamps_the_current_value_so_the_decision_travels(network):
    net = network(2)
    case = net.shared["cases"][2]
    update_case(net.offices[0], case, {"risk": "high"})
    update_case(net.offices[1], case, {"risk": "medium"})
    net.up(0)
    net.up(1)
    from ningbo_sw_desktop.sync import resolve_conflict

    field = list_conflicts(net.sup)[0].fields[0]
    resolve_conflict(net.sup, field.competing[0].conflict_id, "keep")
    assert list_conflicts(net.sup) == [] and get_case(net.sup, case)["risk"] == field.winner.value
    stamps = json.loads(net.sup.execute("SELECT stamps FROM cases WHERE id = ?", [case]).fetchone()[0])
    assert stamps["risk"][1] == field.winner.stamp  # based on the winner: the losers are closed by it


def test_a_conflict_already_decided_cannot_be_decided_again(network):
    """An id from a list read before the decision must not overwrite what was chosen (nor write a change)."""
    import pytest

    from ningbo_sw_desktop.core.errors import ValidationError
    from ningbo_sw_desktop.sync import resolve_conflict

    net = network(2)
    case = net.shared["cases"][0]
    field = clash(net, case, "goals", "每周电话问候", "链接社区志愿者上门")
    stale_id = field.competing[0].conflict_id
    resolve_conflict(net.sup, stale_id, "other")
    decided = get_case(net.sup, case)
    assert decided["goals"] == field.competing[0].value and list_conflicts(net.sup) == []
    for choice in ("keep", "other", "keep_both"):
        with pytest.raises(ValidationError) as refused:
            resolve_conflict(net.sup, stale_id, choice)
        assert "已经处理过" in str(refused.value)
    assert get_case(net.sup, case)["hlc"] == decided["hlc"]


def test_a_blank_combined_value_is_refused_not_turned_into_a_default(network):
    import pytest

    from ningbo_sw_desktop.core.errors import ValidationError
    from ningbo_sw_desktop.sync import resolve_conflict

    net = network(2)
    case = net.shared["cases"][1]
    field = clash(net, case, "goals", "甲", "乙")
    before = get_case(net.sup, case)
    for blank in ("", "   ", None):
        with pytest.raises(ValidationError) as refused:
            resolve_conflict(net.sup, field.competing[0].conflict_id, "combined", value=blank)
        assert "请填写合并后的内容" in str(refused.value)
    assert get_case(net.sup, case)["hlc"] == before["hlc"] and len(list_conflicts(net.sup)) == 1


def test_the_same_change_made_at_two_offices_is_not_reported_as_a_conflict(network):
    """The import report counts what the conflict list shows: nothing to decide when both wrote the same."""
    net = network(2)
    case = net.shared["cases"][2]
    for office in net.offices:
        update_case(office, case, {"goals": "每周电话问候一次"})
    net.up(0)
    _, report = net.up(1)
    assert report.conflicts == [] and report.totals["conflicts"] == 0
    assert list_conflicts(net.sup) == []
    assert get_case(net.sup, case)["goals"] == "每周电话问候一次"


def test_the_waiting_list_of_an_import_is_what_the_database_says_is_waiting(network):
    """Built from what was written (not read back), it must equal the database's own answer."""
    from sync_craft import reseal, rewrite_changes
    from sync_helpers import seed_shared

    from ningbo_sw_desktop.core.demo import load_demo, seed_reference_data

    net = network(1, shared=False)
    office, sup = net.offices[0], net.sup
    seed_reference_data(office)
    seed_shared(office)
    load_demo(office, persons=30)
    bundle = export_bundle(office, "督导", net.folder / "sticks")
    children = {"visits", "club_members", "attendance", "cases"}

    def children_only(members, manifest):
        rewrite_changes(members, manifest, lambda lines: [ln for ln in lines if json.loads(ln)[0] in children])
        manifest["counts"] = {t: n for t, n in manifest["counts"].items() if t in children}
        manifest["bundle_id"] = manifest["bundle_id"][:-4] + "beef"

    crafted = reseal(office, sup, bundle.path, net.folder / "children.nbsync", children_only)
    report = import_bundle(sup, crafted, trust_new=True)
    truth = waiting_records(sup, report.changes.created)
    assert len(report.waiting) > 100
    assert sorted(map(repr, report.waiting)) == sorted(map(repr, truth))
    assert {w.table for w in report.waiting} == children and {w.parent_table for w in report.waiting} >= {"persons", "clubs"}


def test_a_supervisors_first_bundle_to_an_office_trusted_by_hand_holds_reference_data_only(network):
    """Trusted from its `keys show` line, the office has sent nothing yet: it must not be handed the city's clients."""
    from sync_helpers import make_device

    from ningbo_sw_desktop.sync import identity, trust_peer
    from ningbo_sw_desktop.sync.export import REFERENCE_DATA

    net = network(1)
    newcomer = make_device(net.folder / "new", "JB-CC", "慈城镇社工站")
    info = identity(newcomer)
    trust_peer(net.sup, "JB-CC", info["age_recipient"], info["signing_key"], role="office")
    trust_peer(newcomer, "督导", identity(net.sup)["age_recipient"], identity(net.sup)["signing_key"],
               role="supervisor")
    bundle = export_bundle(net.sup, "JB-CC", net.folder / "sticks")
    assert bundle.scope == "office" and set(bundle.counts) <= set(REFERENCE_DATA) and bundle.counts
    report = import_bundle(newcomer, bundle.path, trust_new=True)
    assert newcomer.execute("SELECT COUNT(*) FROM persons").fetchone()[0] == 0 and report.totals["new"] > 0
    newcomer.close()


def test_what_a_supervisor_adds_to_an_offices_club_reaches_that_office(network):
    from ningbo_sw_desktop.core.clubs import add_activity, add_club, add_member, mark_attendance

    net = network(2)
    office = net.offices[0]
    club = add_club(office, {"name": "柳庄书画社", "community_id": "柳庄社区", "founded_on": "2026-01-01"}).value
    net.up(0)
    activity = add_activity(net.sup, {"club_id": club, "title": "督导组织的义诊", "kind": "health_check",
                                      "date": "2026-11-20"}).value
    member = add_member(net.sup, club, {"role": "member", "joined_on": "2026-11-01"},
                        person_values={"name": "赵桂英", "gender": "女", "birth_date": "1950-03-01",
                                       "community_id": "柳庄社区"})
    person = net.sup.execute("SELECT person_id FROM club_members WHERE id = ?", [member.value]).fetchone()[0]
    mark_attendance(net.sup, activity, person, "present")
    net.down(0)
    assert office.execute("SELECT title FROM activities WHERE id = ?", [activity]).fetchone() == ("督导组织的义诊",)
    assert office.execute("SELECT name FROM persons WHERE id = ?", [person]).fetchone() == ("赵桂英",)
    assert office.execute("SELECT status FROM attendance WHERE activity_id = ?", [activity]).fetchone() == ("present",)
    _, other = net.down(1)  # another office's share holds none of it
    assert net.offices[1].execute("SELECT COUNT(*) FROM activities WHERE id = ?", [activity]).fetchone()[0] == 0


def test_a_case_reassigned_to_another_office_arrives_there_with_its_history(network):
    """DESIGN: a supervisor's bundle carries reassignments of cases between offices."""
    import pytest

    from ningbo_sw_desktop.core.cases import reassign_case
    from ningbo_sw_desktop.core.errors import ValidationError

    net = network(2)
    first, second = net.offices
    case_no = open_case(first, {"domain": "社会福利", "risk": "medium", "problem": "独居老人", "intake_date": "2026-10-01"},
                        person_values={"name": "钱阿婆", "gender": "女", "birth_date": "1940-04-04",
                                       "community_id": "柳庄社区"}).value
    log_visit(first, {"case_id": case_no, "kind": "home", "at": "2026-10-02T09:00", "notes": "入户评估"})
    with pytest.raises(ValidationError) as at_office:
        reassign_case(first, case_no, office_code="HS-O2")
    assert "只有督导" in str(at_office.value)
    net.up(0)
    with pytest.raises(ValidationError) as unknown:
        reassign_case(net.sup, case_no, office_code="XX-YY")
    assert "不认识办公点 XX-YY" in str(unknown.value) and "HS-O2" in str(unknown.value)
    assert reassign_case(net.sup, case_no.lower(), office_code="hs-o2").updated == {"cases": [get_case(net.sup, case_no)["id"]]}
    net.down(1)
    moved = get_case(second, case_no, with_visits=True)
    assert moved["office_code"] == "HS-O2" and moved["person"]["name"] == "钱阿婆"
    assert [v["notes"] for v in moved["visits"]] == ["入户评估"]
    net.down(0)
    assert get_case(first, case_no)["office_code"] == "HS-O2"  # the first office learns where it went


def test_keep_both_is_for_notes_not_for_a_phone_number(network):
    """Two phone numbers joined are no phone number: only free-text fields may keep both versions."""
    import pytest

    from ningbo_sw_desktop.core.errors import ValidationError
    from ningbo_sw_desktop.sync import resolve_conflict

    net = network(2)
    person = get_case(net.sup, net.shared["cases"][0])["person_id"]
    update_person(net.offices[0], person, {"phone": "13800000001"})
    update_person(net.offices[1], person, {"phone": "13900000002"})
    net.up(0)
    net.up(1)
    [field] = [f for r in list_conflicts(net.sup) for f in r.fields if f.field == "phone"]
    assert not field.text
    from ningbo_sw_desktop.core.validation import MULTILINE_FIELDS
    from ningbo_sw_desktop.sync.conflicts import NOTE_FIELDS

    assert NOTE_FIELDS == MULTILINE_FIELDS and "outcome" not in NOTE_FIELDS  # a one-line field cannot hold both
    with pytest.raises(ValidationError) as refused:
        resolve_conflict(net.sup, field.competing[0].conflict_id, "keep_both")
    assert "两者都保留" in str(refused.value)


def test_a_lost_bundle_is_reported_once_not_after_every_later_import(network):
    net = network(1)
    case = net.shared["cases"][0]
    update_case(net.offices[0], case, {"risk": "high"})
    export_bundle(net.offices[0], "督导", net.folder / "lost")  # never arrives
    update_case(net.offices[0], case, {"risk": "urgent"})
    _, revealing = net.up(0)
    assert revealing.missing_sequences == [revealing.sequence - 1]
    log_visit(net.offices[0], {"case_id": case, "kind": "phone", "at": "2025-06-03T09:00", "notes": "电话回访"})
    _, later = net.up(0)
    assert later.missing_sequences == [] and get_case(net.sup, case)["risk"] == "urgent"


def test_the_cli_conflict_list_shows_words_not_codes(network):
    """“高” / “中”, as on the Sync page, not “high” / “medium”."""
    from click.testing import CliRunner

    from ningbo_sw_desktop.cli import main

    net = network(2)
    clash(net, net.shared["cases"][2], "risk", "high", "medium")
    path = net.sup.execute("PRAGMA database_list").fetchone()[2]
    shown = CliRunner().invoke(main, ["--db", path, "conflicts", "list"])
    assert shown.exit_code == 0, shown.output
    assert "风险等级" in shown.output and "“高”" in shown.output and "“中”" in shown.output
    assert "medium" not in shown.output


def test_a_resident_registered_at_two_offices_is_flagged_at_the_supervisor(network):
    """Each office made its own record: the import says so instead of counting one resident twice unseen."""
    import datetime

    from click.testing import CliRunner

    from ningbo_sw_desktop.cli import main
    from ningbo_sw_desktop.core.demo import make_id_number

    net = network(2)
    id_number = make_id_number("330203", datetime.date(1948, 5, 10), 7, "male")
    ids = []
    for office in net.offices:
        changes = open_case(office, {"domain": "社会福利", "risk": "low", "problem": "独居", "intake_date": "2026-10-01"},
                            person_values={"name": "张三", "id_number": id_number, "community_id": "柳庄社区"})
        ids.append(changes.first("persons"))
    _, first = net.up(0)
    assert first.possible_duplicates == []
    bundle = export_bundle(net.offices[1], "督导", net.folder / "sticks")
    sup_path = net.sup.execute("PRAGMA database_list").fetchone()[2]
    shown = CliRunner().invoke(main, ["--db", sup_path, "bundle", "import", str(bundle.path), "--dry-run"])
    assert shown.exit_code == 0 and "可能重复" in shown.output and ids[1] in shown.output, shown.output
    report = import_bundle(net.sup, bundle.path)
    assert report.possible_duplicates == [(ids[1], ids[0])]
    assert import_bundle(net.sup, bundle.path).possible_duplicates == []  # the same bundle again: nothing new
