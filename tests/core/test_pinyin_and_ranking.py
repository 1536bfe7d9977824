"""A worker types initials: surnames are read as surnames, and the best match comes first."""

from __future__ import annotations

from ningbo_sw_desktop.core.cases import CaseFilter, list_cases, open_case
from ningbo_sw_desktop.core.derived import name_pinyin

CASE = {"domain": "social_welfare", "risk": "low", "problem": "独居"}


def person(name, birth):
    return {"name": name, "gender": "male", "birth_date": birth, "community_id": "柳庄社区"}


def test_surnames_are_read_as_surnames():
    assert name_pinyin("曾三") == ("zeng san", "zs")
    assert name_pinyin("单田芳")[1] == "stf"
    assert name_pinyin("张三丰") == ("zhang san feng", "zsf")


def test_zs_finds_zeng_san(office_db):
    open_case(office_db, CASE, person_values=person("曾三", "1950-01-01"))
    assert [r["person_name"] for r in list_cases(office_db, CaseFilter(search="zs"))] == ["曾三"]


def test_a_limited_search_keeps_the_best_matches(office_db):
    for i in range(30):
        open_case(office_db, CASE, person_values=person("张三丰", f"1950-01-{i + 1:02d}"))
    open_case(office_db, CASE, person_values=person("张三", "1948-05-10"))
    top = list_cases(office_db, CaseFilter(search="zs"), limit=1)
    assert [r["person_name"] for r in top] == ["张三"]
