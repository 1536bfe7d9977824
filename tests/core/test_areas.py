"""Areas are reference data every new office types in: the same area typed twice is one record."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import pytest

from ningbo_sw_desktop.core.areas import add_area, area_id, find_community, list_areas
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.errors import ValidationError
from ningbo_sw_desktop.core.office import init_office
from ningbo_sw_desktop.core.records import delete_record, insert_record
from ningbo_sw_desktop.core.writing import writing

sys.path.insert(0, str(Path(__file__).parents[1] / "sync"))
from sync_helpers import Network  # noqa: E402

CHAIN = [("宁波市", "city", None), ("江北区", "district", "宁波市"), ("慈城镇", "street", "江北区"),
         ("云麓湾社区", "community", "慈城镇")]


def add_chain(db, population: int = 5_200) -> dict[str, str]:
    """What a clerk types at a fresh office: ``area add`` from the city down to the community."""
    ids = {}
    for name, level, parent in CHAIN:
        values = {"name": name, "level": level, "parent_id": parent}
        if level == "community":
            values["population"] = population
        ids[name] = add_area(db, values).value
    return ids


def office(folder: Path, code: str):
    db = connect(folder / f"{code}.db")
    init_office(db, code, f"{code} 社工站")
    return db


def test_the_same_chain_typed_at_two_offices_gets_the_same_ids(tmp_path):
    first, second = office(tmp_path, "JB-CC"), office(tmp_path, "HS-NM")
    try:
        ids = add_chain(first)
        assert add_chain(second, population=5_300) == ids
        assert len(set(ids.values())) == 4
        assert all(uuid.UUID(i).version == 5 for i in ids.values())
        assert ids["宁波市"] == area_id(None, "宁波市")  # the city has no parent
        assert ids["云麓湾社区"] == area_id(ids["慈城镇"], "云麓湾社区")
        assert area_id(ids["江北区"], "慈城镇") != area_id(ids["宁波市"], "慈城镇")  # same name elsewhere: another area
    finally:
        first.close()
        second.close()


def test_demo_areas_loaded_at_two_offices_are_the_same_records(tmp_path):
    from ningbo_sw_desktop.core.demo import seed_reference_data

    first, second = office(tmp_path, "JB-CC"), office(tmp_path, "HS-NM")
    try:
        assert seed_reference_data(first) == seed_reference_data(second)
    finally:
        first.close()
        second.close()


def test_an_area_added_twice_under_one_parent_is_still_refused(db):
    add_chain(db)
    with pytest.raises(ValidationError) as refused:
        add_area(db, {"name": "云麓湾社区", "level": "community", "parent_id": "慈城镇"})
    assert "“云麓湾社区”在同一上级区域下已存在" in str(refused.value)
    assert [a["name"] for a in list_areas(db, "community")] == ["云麓湾社区"]


def test_an_area_under_an_older_area_keeps_the_parents_id_and_gets_a_natural_one(db):
    with writing(db) as (clock, changes):  # made before ids were natural: a UUIDv7, kept as it is
        old_city = insert_record(db, clock, changes, "areas", {"name": "宁波市", "level": "city"})
    district = add_area(db, {"name": "海曙区", "level": "district", "parent_id": "宁波市"}).value
    assert uuid.UUID(old_city).version == 7 and list_areas(db, "city")[0]["id"] == old_city
    assert district == area_id(old_city, "海曙区")


def test_a_deleted_area_can_be_added_again_and_two_offices_agree_on_its_new_id(tmp_path):
    ids = []
    for code in ("JB-CC", "HS-NM"):
        db = office(tmp_path, code)
        first = add_chain(db)["云麓湾社区"]
        with writing(db) as (clock, changes):  # a tombstone (from a bundle: nothing in the app deletes areas)
            delete_record(db, clock, changes, "areas", first)
        again = add_area(db, {"name": "云麓湾社区", "level": "community", "parent_id": "慈城镇"}).value
        assert again != first and find_community(db, "云麓湾社区")["id"] == again
        assert db.execute("SELECT deleted FROM areas WHERE id = ?", [first]).fetchone()[0] == 1  # never brought back
        ids.append(again)
        db.close()
    assert ids[0] == ids[1]


def test_areas_typed_at_two_offices_are_one_record_after_sync_and_populations_a_conflict(tmp_path):
    from ningbo_sw_desktop.sync import list_conflicts

    net = Network(tmp_path, 2, shared=False)
    try:
        first, second = net.offices
        ids = add_chain(first, population=5_200)
        add_chain(second, population=5_300)
        net.up(0)
        net.up(1)
        net.down(0)
        net.down(1)
        for db in (net.sup, first, second):
            rows = db.execute("SELECT id, name FROM areas WHERE deleted = 0 ORDER BY name").fetchall()
            assert sorted(rows) == sorted((i, n) for n, i in ids.items())
            assert find_community(db, "云麓湾社区")["id"] == ids["云麓湾社区"]  # --community is no longer ambiguous
            conflicts = [(c.table, c.record_id, [f.field for f in c.fields]) for c in list_conflicts(db)]
            assert conflicts == [("areas", ids["云麓湾社区"], ["population"])]
        populations = {db.execute("SELECT population FROM areas WHERE id = ?", [ids["云麓湾社区"]]).fetchone()[0]
                       for db in (net.sup, first, second)}
        assert len(populations) == 1 and populations <= {5_200, 5_300}  # one winner everywhere, the other kept
    finally:
        for db in (net.sup, *net.offices):
            db.close()
