"""The city-scale generator writes what the write path would: valid, stamped, searchable, numbered once."""

from __future__ import annotations

import datetime
import json
import re
import uuid

import pytest

from ningbo_sw_desktop.core import demo_data as D
from ningbo_sw_desktop.core.areas import area_id
from ningbo_sw_desktop.core.clock import parse_stamp
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo_city import TARGETS, generate_city
from ningbo_sw_desktop.core.derived import derive
from ningbo_sw_desktop.core.errors import UserError
from ningbo_sw_desktop.core.ids import natural_id
from ningbo_sw_desktop.core.maintenance import check_database
from ningbo_sw_desktop.core.office import device_id, init_office
from ningbo_sw_desktop.core.schema import JSON_FIELDS, TABLES
from ningbo_sw_desktop.core.validation import (
    validate_area,
    validate_case,
    validate_person,
    validate_visit,
    validate_worker,
)

SCALE = 0.005


def _open(path):
    db = connect(path)
    init_office(db, "HS-NM", "南门街道社工站")
    return db


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    """One small city for the module (generation is the slow part)."""
    db = _open(tmp_path_factory.mktemp("city") / "city.db")
    indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    messages: list[str] = []
    counts = generate_city(db, scale=SCALE, progress=messages.append)
    yield db, counts, messages, indexes
    db.close()


def _rows(db, table, n=150):
    return list(db.query(f"SELECT * FROM {table} ORDER BY random() LIMIT {n}"))


def _user_fields(table, row):
    """A row's fields as a form would hold them (JSON lists decoded)."""
    values = {f: row[f] for f in TABLES[table]}
    for t, f in JSON_FIELDS:
        if t == table and values[f] is not None:
            values[f] = json.loads(values[f])
    return values


def test_counts_are_proportional_to_the_scale(city):
    db, counts, messages, _ = city
    for table in ("persons", "cases", "visits", "clubs", "club_members", "activities", "attendance"):
        assert counts[table] == pytest.approx(TARGETS[table] * SCALE, rel=0.05), table
    assert counts["seconds"] < 30
    assert any(m.startswith("persons") for m in messages) and messages[-1].startswith("done")


def test_areas_keep_the_real_places_and_add_up_to_the_city(city):
    db = city[0]
    names = {r["name"]: r for r in db.query("SELECT name, level, population FROM areas")}
    for real in ("宁波市", "海曙区", "南门街道", "柳庄社区", "江北区", "慈城镇", "云麓湾社区"):
        assert real in names
    assert len(names) == db.execute("SELECT COUNT(*) FROM areas").fetchone()[0], "area names are unique"
    communities = [r for r in names.values() if r["level"] == "community"]
    assert 550 <= len(communities) <= 650
    assert sum(r["population"] for r in communities) == D.CITY[1]
    districts = [r for r in names.values() if r["level"] == "district"]
    assert sum(r["population"] for r in districts) == D.CITY[1]
    offices = {r[0] for r in db.execute("SELECT DISTINCT office_code FROM workers")}
    assert {"HS-NM", "JB-CC"} <= offices and len(offices) > 50


def test_database_check_passes(city):
    db, counts, _, indexes = city
    report = check_database(db)
    assert report["ok"], report["problems"]
    assert {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")} == indexes
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL again after the load


def test_rows_are_in_the_write_paths_format(city):
    db = city[0]
    device = device_id(db)
    for table in TABLES:
        for row in _rows(db, table, 40):
            assert row["origin"] == device and row["deleted"] == 0
            assert json.loads(row["stamps"]) == {"*": [row["hlc"], ""]}
            if "lstamp" in row:  # local sync columns (migration 0003): as records.local_change sets them
                assert row["lstamp"] == row["hlc"] and row["lsrc"] is None
            assert parse_stamp(row["hlc"])[2] == device
            datetime.datetime.fromisoformat(row["created_at"])
            assert row["created_at"] == row["updated_at"] and len(row["created_at"]) == 19
            if table == "attendance":
                assert row["id"] == natural_id("attendance", row["activity_id"], row["person_id"])
            elif table == "areas":  # reference data: the same area made at two offices is one record
                assert row["id"] == area_id(row["parent_id"], row["name"])
            else:
                assert uuid.UUID(row["id"]).version == 7
            if table == "persons":
                assert {k: row[k] for k in derive("persons", row)} == derive("persons", row)
    stamps = [r[0] for t in TABLES for r in db.execute(f"SELECT hlc FROM {t}")]
    assert len(stamps) == len(set(stamps)), "every row has its own stamp"


def test_a_sample_passes_validation_unchanged(city):
    db = city[0]
    for row in _rows(db, "persons"):
        values = _user_fields("persons", row)
        clean = validate_person(values)
        assert {k: clean.get(k) for k in values if clean.get(k) is not None} == {
            k: v for k, v in values.items() if v is not None}
    births = dict(db.execute("SELECT id, birth_date FROM persons").fetchall())
    for row in _rows(db, "cases"):
        values = {k: v for k, v in _user_fields("cases", row).items() if k not in ("case_no", "office_code")}
        clean = validate_case(values, birth_date=datetime.date.fromisoformat(births[row["person_id"]]))
        assert {k: clean.get(k) for k in values} == values
    for row in _rows(db, "visits"):
        values = _user_fields("visits", row)
        assert {k: v for k, v in validate_visit(values).items() if k in values} == values
        assert row["at"] < datetime.datetime.now().isoformat()
    for row in _rows(db, "workers", 30):
        validate_worker(_user_fields("workers", row))
    for row in _rows(db, "areas", 30):
        validate_area(_user_fields("areas", row))


def test_case_numbers_are_unique_and_follow_intake_order(city):
    db = city[0]
    rows = list(db.query("SELECT case_no, office_code, intake_date FROM cases ORDER BY case_no"))
    assert len({r["case_no"] for r in rows}) == len(rows)
    for r in rows:
        assert re.fullmatch(rf"{r['office_code']}-{r['intake_date'][:4]}-\d{{4,}}", r["case_no"])
    assert len({r["office_code"] for r in rows}) > 10


def test_follow_ups_are_due_and_planned(city):
    from ningbo_sw_desktop.core.visits import due_follow_ups

    db = city[0]
    today = datetime.date.today().isoformat()
    assert due_follow_ups(db)
    assert db.execute("SELECT COUNT(*) FROM visits WHERE next_follow_up > ?", [today]).fetchone()[0] > 0
    assert db.execute("SELECT MAX(at) FROM visits").fetchone()[0] < today


def test_a_later_write_stamps_later_than_everything_generated(city):
    from ningbo_sw_desktop.core.visits import log_visit

    db = city[0]
    latest = max(db.execute(f"SELECT MAX(hlc) FROM {t}").fetchone()[0] for t in TABLES)
    case_no = db.execute("SELECT case_no FROM cases WHERE status = 'open' LIMIT 1").fetchone()[0]
    visit_id = log_visit(db, {"case_id": case_no, "kind": "phone", "at": datetime.datetime.now(),
                              "notes": "电话回访，情况稳定。"}).value
    assert db.execute("SELECT hlc FROM visits WHERE id = ?", [visit_id]).fetchone()[0] > latest


def test_search_finds_a_generated_person(city):
    from ningbo_sw_desktop.core.cases import CaseFilter, list_cases

    db = city[0]
    name, case_no = db.execute(
        "SELECT p.name, c.case_no FROM persons p JOIN cases c ON c.person_id = p.id LIMIT 1 OFFSET 37").fetchone()
    assert case_no in {r["case_no"] for r in list_cases(db, CaseFilter(search=name), limit=5000)}
    assert list_cases(db, CaseFilter(search="康复评估"), limit=5)  # words of generated visit notes


def test_refuses_a_second_city_and_respects_office_demo_numbers(tmp_path):
    from ningbo_sw_desktop.core.demo import load_demo

    db = _open(tmp_path / "mixed.db")
    load_demo(db, persons=12)
    before = {r[0] for r in db.execute("SELECT case_no FROM cases")}
    generate_city(db, scale=0.001, visits=500)
    after = [r[0] for r in db.execute("SELECT case_no FROM cases")]
    assert before <= set(after) and len(after) == len(set(after))
    assert check_database(db)["ok"]
    with pytest.raises(UserError):
        generate_city(db, scale=0.001)
    db.close()
