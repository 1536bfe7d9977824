"""The office demo reads true: names suit genders, notes suit the kind of contact, a club has someone to follow up."""

from __future__ import annotations

import pytest

from ningbo_sw_desktop.core import clubs
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import GIVEN_BY_GENDER, NOTES_BY_KIND, load_demo
from ningbo_sw_desktop.core.office import init_office

FIXED = {"张三": "male", "张三丰": "male", "李秀英": "female"}  # clients the tests and screenshots name


def demo(path, persons: int):
    db = connect(path)
    init_office(db, "HS-NM", "南门街道社工站")
    load_demo(db, persons=persons)
    return db


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = demo(tmp_path_factory.mktemp("demo") / "demo.db", 240)
    yield db
    db.close()


def test_the_demo_keeps_its_size_and_its_named_clients(demo_db):
    counts = {t: demo_db.execute(f"SELECT COUNT(*) FROM {t} WHERE deleted = 0").fetchone()[0]
              for t in ("persons", "cases", "clubs", "activities")}
    assert counts == {"persons": 285, "cases": 240, "clubs": 3, "activities": 15}
    for name, gender in FIXED.items():
        assert demo_db.execute("SELECT gender FROM persons WHERE name = ? ORDER BY rowid", [name]).fetchone()[0] == gender


def test_every_given_name_suits_the_clients_gender(demo_db):
    wrong = [(r["name"], r["gender"]) for r in demo_db.query("SELECT name, gender FROM persons WHERE deleted = 0")
             if r["name"] not in FIXED and r["name"][1:] not in GIVEN_BY_GENDER[r["gender"]]]
    assert wrong == []
    grannies = demo_db.execute("SELECT COUNT(*) FROM persons WHERE name LIKE '_阿婆' AND (gender != 'female'"
                               " OR birth_date > date('now', '-60 years'))").fetchone()[0]
    assert grannies == 0


def test_every_visit_note_suits_the_kind_of_contact(demo_db):
    rows = list(demo_db.query("SELECT kind, notes FROM visits WHERE deleted = 0"))
    assert rows and all(r["notes"] in NOTES_BY_KIND[r["kind"]] for r in rows)
    said = {"home": ("入户",), "phone": ("电话",), "office": ("来站",), "outreach": ("外展", "陪同前往"), "group": ("小组",)}
    assert not [r for r in rows if not any(word in r["notes"][:6] for word in said[r["kind"]])]
    assert {r["kind"] for r in rows} >= {"home", "phone", "office", "outreach"}


def test_the_newcomer_club_has_an_absentee_for_the_default_last_three(demo_db):
    found = clubs.absentees(demo_db, "新宁波人老年俱乐部")
    assert found and all(m["missed"] == 3 for m in found)


def test_the_demo_is_the_same_every_time(tmp_path):
    names = []
    for k in range(2):
        db = demo(tmp_path / f"demo{k}.db", 30)
        names.append([(r["name"], r["gender"], r["birth_date"]) for r in db.query("SELECT * FROM persons ORDER BY name_pinyin, birth_date")])
        db.close()
    assert names[0] == names[1]
