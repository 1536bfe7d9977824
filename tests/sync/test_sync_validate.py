"""Imported records are checked like typed input; the quick stored-form check never lets through what the validators refuse."""

from __future__ import annotations

import datetime as dt
import json
import time

from hypothesis import given, settings
from hypothesis import strategies as st
from sync_craft import reseal, rewrite_changes

from ningbo_sw_desktop.core import clock as core_clock
from ningbo_sw_desktop.core.demo import load_demo
from ningbo_sw_desktop.core.errors import ValidationError
from ningbo_sw_desktop.core.schema import TABLES
from ningbo_sw_desktop.core.validation import id_check_digit
from ningbo_sw_desktop.core.visits import log_visit
from ningbo_sw_desktop.sync import export_bundle, import_bundle, list_quarantine, release_quarantine
from ningbo_sw_desktop.sync.validate import _VALIDATORS, Rules, _stored, _typed, problems, quick_ok


def _id(born: str, seq: str, check: str | None = None) -> str:
    body = f"330203{born.replace('-', '')}{seq}"
    return body + (check or id_check_digit(body))


MALE_1948 = _id("1948-05-10", "011")  # 7th from last digit odd: male
TEXT = ["解放南路1号", " 前后有空格 ", "", None, "长" * 20001]
CANDIDATES = {
    "persons": {
        "name": ["张三", " 张三", "张3", "", None, "王" * 41],
        "gender": ["male", "female", "男", None, "x"],
        "birth_date": ["1948-05-10", "1948-5-10", "2999-01-01", "1889-12-31", "1948-02-30", None],
        "id_number": [MALE_1948, MALE_1948.lower(), _id("1948-05-10", "011", "0"), None, "330203480510011",
                      _id("1948-05-10", "012")],
        "phone": ["13905741234", "0574-87654321", "057487654321", "+86 139 0574 1234", "010-12345678", "0100-1234567",
                  "12345", None],
        "registered_address": TEXT, "address": TEXT, "notes": TEXT, "disability_cert_no": ["C123", None, " C1"],
        "community_id": ["c1", "", None], "relief_status": ["none", "dibao", "低保", None],
        "disability_grade": [None, 1, 4, 5, 0, "2", True],
        "tags": ["[]", '["elderly"]', '["living_alone", "elderly"]', '["elderly", "living_alone"]',
                 '["elderly","living_alone"]', None, '["x"]', "elderly"],
    },
    "cases": {
        "case_no": ["HS-NM-2025-0001", "", None], "person_id": ["p1", None], "domain": ["social_welfare", "社会福利", None],
        "program_id": ["g1", None], "intake_date": ["2025-01-02", "2999-01-01", "2025/01/02", None],
        "referral_source": ["self", None, "nobody"], "problem": ["独居", " 独居", None], "risk": ["low", "高", None],
        "goals": TEXT, "plan": TEXT, "status": ["open", "closed", None, "done"],
        "closed_on": [None, "2025-03-01", "2024-12-31", "2999-01-01"], "close_reason": [None, "已达成", ""],
        "worker_id": ["w1", None], "office_code": ["HS-NM", None],
    },
    "visits": {
        "case_id": ["c1", None], "person_id": ["p1", None], "worker_id": ["w1", None],
        "at": ["2025-06-01T09:30:00", "2025-06-01T09:30", "2025-06-01 09:30:00", "2999-01-01T00:00:00", None],
        "kind": ["home", "入户", "fly", None], "duration_min": [None, 0, 30, 1441, -1, "30"],
        "notes": ["入户探访", "", None, " 入户"], "outcome": [None, "好转", ""],
        "next_follow_up": [None, "2025-06-10", "2025-05-01", "2025-6-10"],
    },
    "club_members": {
        "club_id": ["k1", None], "person_id": ["p1", ""], "joined_on": ["2024-01-15", None, "2999-01-01"],
        "left_on": [None, "2024-02-01", "2023-12-01"], "role": ["member", "leader", "成员", None],
        "tags": ["[]", '["elderly"]', None],
    },
    "activities": {
        "club_id": ["k1", None], "community_id": ["c1", None], "title": ["防诈骗讲座", "", None],
        "kind": ["lecture", "讲座", "party", None], "date": ["2025-05-01", None, "2025-5-1"],
        "place": [None, "活动室", "场" * 201], "worker_id": [None, "w1"], "notes": [None, "好", ""],
    },
}


CANDIDATES.update({
    "areas": {"name": ["柳庄社区", "", None], "level": ["community", "city", "社区", None], "parent_id": ["a1", None],
              "population": [9800, None, -1, "9800"], "code": [None, "330203"]},
    "workers": {"name": ["陈丽华", " 陈丽华", None], "gender": ["female", None, "女"], "cert_no": [None, "SG2018"],
                "cert_level": ["assistant", None, "社会工作师"], "community_id": ["c1", None],
                "phone": [None, "13905741234", "139 0574 1234"], "office_code": ["HS-NM", None]},
    "attendance": {"activity_id": ["a1", None], "person_id": ["p1", ""], "status": ["present", "到", None]},
    "service_projects": {"name": ["助老", None], "year": [2025, 1980, None, "2025"], "funder": [None, "民政局"],
                         "budget": [50000, -1, None], "domain": ["social_welfare", None, "x"], "community_id": [None, "c1"]},
})
VALID = {
    "persons": {"name": "张三", "gender": "male", "birth_date": "1948-05-10", "id_number": MALE_1948,
                "phone": "13905741234", "registered_address": None, "address": "解放南路1号", "community_id": "c1",
                "relief_status": "none", "disability_cert_no": None, "disability_grade": None, "tags": '["elderly"]',
                "notes": None},
    "cases": {"case_no": "HS-NM-2025-0001", "person_id": "p1", "domain": "social_welfare", "program_id": None,
              "intake_date": "2025-01-02", "referral_source": "self", "problem": "独居", "risk": "low", "goals": None,
              "plan": None, "status": "open", "closed_on": None, "close_reason": None, "worker_id": "w1",
              "office_code": "HS-NM"},
    "visits": {"case_id": "c1", "person_id": "p1", "worker_id": "w1", "at": "2025-06-01T09:30:00", "kind": "home",
               "duration_min": 30, "notes": "入户探访", "outcome": None, "next_follow_up": "2025-06-10"},
    "club_members": {"club_id": "k1", "person_id": "p1", "joined_on": "2024-01-15", "left_on": None, "role": "member",
                     "tags": "[]"},
    "activities": {"club_id": "k1", "community_id": "c1", "title": "防诈骗讲座", "kind": "lecture",
                   "date": "2025-05-01", "place": None, "worker_id": None, "notes": None},
    "areas": {"name": "柳庄社区", "level": "community", "parent_id": "a1", "population": 9800, "code": None},
    "workers": {"name": "陈丽华", "gender": "female", "cert_no": None, "cert_level": "assistant", "community_id": "c1",
                "phone": None, "office_code": "HS-NM"},
    "service_projects": {"name": "助老", "year": 2025, "funder": None, "budget": 50000, "domain": "social_welfare",
                         "community_id": None},
}


# --- extra candidates (control characters, visits before 1990) -----------------------------------
_ONE_LINE_BAD = ["张\t三", "张\n三", "张\x07三", "张\u2028三", "张\r三"]
_MULTI = ["第一行\n第二行", "第一行\r\n第二行", "a\tb", "a\x00b", "a\u2029b"]
for _t, _fields in {"persons": ["name", "address", "registered_address", "disability_cert_no", "community_id"],
                    "cases": ["case_no", "person_id", "program_id", "worker_id", "office_code"],
                    "visits": ["case_id", "person_id", "worker_id", "outcome"],
                    "club_members": ["club_id", "person_id"],
                    "activities": ["club_id", "community_id", "title", "place", "worker_id"],
                    "areas": ["name", "parent_id", "code"],
                    "workers": ["name", "cert_no", "community_id", "office_code"],
                    "attendance": ["activity_id", "person_id"],
                    "service_projects": ["name", "funder", "community_id"]}.items():
    for _f in _fields:
        CANDIDATES[_t].setdefault(_f, []).extend(_ONE_LINE_BAD)
for _t, _fields in {"persons": ["notes"], "cases": ["problem", "goals", "plan", "close_reason"],
                    "visits": ["notes"], "activities": ["notes"]}.items():
    for _f in _fields:
        CANDIDATES[_t].setdefault(_f, []).extend(_MULTI)
CANDIDATES["visits"]["at"] += ["1900-01-01T09:00:00", "1989-12-31T23:59:59", "1990-01-01T00:00:00"]
CANDIDATES["visits"]["next_follow_up"] += ["1990-01-01"]
CANDIDATES.update({"programs": {"name": ["助老", "助\t老", None], "description": [None, "说明"] + _MULTI},
                   "clubs": {"name": ["书画社", "书\n画社"], "community_id": ["c1", "c\t1"],
                             "description": [None] + _MULTI, "founded_on": [None, "2024-03-01"]}})
VALID.update({"programs": {"name": "助老", "domain": None, "description": None},
              "clubs": {"name": "书画社", "community_id": "c1", "description": None, "founded_on": None}})


@st.composite
def _rows(draw, table: str):
    """A valid record with a few fields changed to awkward values (so both verdicts occur often)."""
    row = dict(VALID[table])
    for field in draw(st.lists(st.sampled_from(sorted(CANDIDATES[table])), max_size=3, unique=True)):
        row[field] = draw(st.sampled_from(CANDIDATES[table][field]))
    return row


def _check(table: str, row: dict) -> bool:
    rules = Rules()
    if not quick_ok(rules, table, "r1", row, False):
        return False
    cleaned = _VALIDATORS[table](rules, "r1", _typed(table, row))  # must accept it ...
    for field, value in cleaned.items():
        if field in row:
            assert _stored(table, field, value) == row[field], (field, value, row[field])  # ... unchanged
    return True


@settings(max_examples=600, deadline=None)
@given(data=st.data(), table=st.sampled_from(sorted(VALID)))
def test_what_the_quick_check_accepts_the_validators_accept_unchanged(data, table):
    _check(table, data.draw(_rows(table)))


def test_the_valid_records_above_are_accepted_so_the_property_is_not_empty():
    assert all(_check(table, dict(row)) for table, row in VALID.items())


def test_every_record_the_app_writes_passes_the_quick_check(office_db):
    load_demo(office_db, persons=60)
    rules = Rules()
    for table, fields in TABLES.items():
        for row in office_db.execute(f"SELECT id, deleted, {', '.join(fields)} FROM {table}").fetchall():
            values = dict(zip(fields, row[2:], strict=True))
            assert quick_ok(rules, table, row[0], values, bool(row[1])), (table, values)


def test_a_refused_value_is_quarantined_and_the_rest_applied(network):
    net = network(1)
    office, sup = net.offices[0], net.sup
    good = log_visit(office, {"case_id": net.shared["cases"][0], "kind": "home", "at": "2025-06-01T09:30",
                              "notes": "入户"}).value
    bad = log_visit(office, {"case_id": net.shared["cases"][1], "kind": "phone", "at": "2025-06-02T09:30",
                             "notes": "电话"}).value
    bundle = export_bundle(office, "督导", net.folder / "b.nbsync")

    def fly(lines):  # an office on a buggy version writes a visit kind nobody knows
        read = [json.loads(ln) for ln in lines]
        for line in read:
            if line[1] == bad:
                line[8][list(TABLES["visits"]).index("kind")] = "fly"
        return [json.dumps(ln, ensure_ascii=False) for ln in read]

    def tamper(members, manifest):
        rewrite_changes(members, manifest, fly)

    report = import_bundle(sup, reseal(office, sup, bundle.path, net.folder / "t.nbsync", tamper))
    assert report.new == {"visits": 1}
    [q] = report.quarantined
    assert (q.table, q.record_id, q.reason, q.fields) == ("visits", bad, "invalid", ["kind"])
    assert sup.execute("SELECT COUNT(*) FROM visits WHERE id IN (?, ?)", [good, bad]).fetchone()[0] == 1
    assert [item["record_id"] for item in list_quarantine(sup)] == [bad]


def test_a_record_stamped_by_a_clock_running_ahead_waits_in_quarantine(network, monkeypatch):
    net = network(1)
    office, sup = net.offices[0], net.sup
    real = time.time
    monkeypatch.setattr(core_clock.time, "time", lambda: real() + 3600)  # the office PC is an hour fast
    visit = log_visit(office, {"case_id": net.shared["cases"][0], "kind": "home", "at": "2025-06-01T09:30",
                               "notes": "入户"}).value
    monkeypatch.setattr(core_clock.time, "time", real)
    bundle = export_bundle(office, "督导", net.folder / "ahead.nbsync")
    report = import_bundle(sup, bundle.path)
    [q] = report.quarantined
    assert (q.record_id, q.reason) == (visit, "future_stamp") and "minutes" in q.message
    assert not sup.execute("SELECT 1 FROM visits WHERE id = ?", [visit]).fetchone()
    last = sup.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()[0]
    assert int(last[:13]) < (real() + 600) * 1000  # the supervisor's clock was not dragged ahead
    assert release_quarantine(sup).totals["new"] == 0  # still too early
    released = release_quarantine(sup, now=dt.datetime.now() + dt.timedelta(hours=2))
    assert released.new == {"visits": 1} and list_quarantine(sup) == []


def test_problems_name_the_field_in_the_validators_words():
    rules = Rules()
    wrong = problems(rules, "visits", "v1", {"case_id": "c1", "at": "2025-06-01T09:30:00", "kind": "fly",
                                            "notes": "入户"}, False)
    assert [e.field for e in wrong] == ["kind"] and "fly" in wrong[0].text.en
    assert problems(rules, "persons", "p1", {"name": "张三", "gender": "male", "birth_date": "1948-05-10",
                                              "community_id": "c1", "relief_status": "none", "tags": "[]",
                                              "phone": "0574 8765 4321"}, False)[0].field == "phone"
    try:
        _VALIDATORS["attendance"](rules, "not-natural", {"activity_id": "a", "person_id": "p", "status": "present"})
    except ValidationError as exc:
        assert exc.errors[0].field == "id"
