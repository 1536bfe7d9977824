"""Search for clients and cases as a worker types it: names, pinyin, IDs, phones, case numbers, notes."""

from __future__ import annotations

import datetime

import pytest

from ningbo_sw_desktop.core.cases import CaseFilter, case_ids, open_case
from ningbo_sw_desktop.core.persons import add_person, update_person
from ningbo_sw_desktop.core.records import delete_record, insert_record
from ningbo_sw_desktop.core.search import EXACT, SearchHit, matching_case_ids, query_words, search
from ningbo_sw_desktop.core.search_index import (
    create_search_triggers,
    drop_search_triggers,
    rebuild_search_index,
)
from ningbo_sw_desktop.core.validation import id_check_digit
from ningbo_sw_desktop.core.visits import log_visit
from ningbo_sw_desktop.core.writing import writing

CASE = {"domain": "社会救助", "risk": "medium", "problem": "家庭收入低，需要链接救助资源", "intake_date": "2025-03-01"}
AT = datetime.datetime(2025, 3, 5, 10, 0)


def id_number(birth: str, *, ending: str | None = None) -> str:
    """A valid Haishu ID number for ``birth`` (YYYYMMDD), optionally with a given check character."""
    for seq in range(1000):
        body = f"330203{birth}{seq:03d}"
        if ending is None or id_check_digit(body) == ending:
            return body + id_check_digit(body)
    raise AssertionError("no such number")


ZHANG_SAN_ID = id_number("19480510", ending="X")
ZHANG_SANFENG_ID = id_number("19520511")


@pytest.fixture
def town(office_db):
    """Three clients with a case each, and visits whose notes a worker might search."""
    db = office_db
    people = {
        "张三": {"id_number": ZHANG_SAN_ID, "phone": "13812345678"},
        "张三丰": {"id_number": ZHANG_SANFENG_ID, "phone": "0574-87654321"},
        "李秀英": {"gender": "女", "birth_date": "1944-03-08", "phone": "13900001111"},
    }
    found = {}
    for name, values in people.items():
        opened = open_case(db, CASE, person_values={"name": name, "community_id": "柳庄社区", **values})
        found[name] = {"case_no": opened.value, "case_id": opened.first("cases"), "person_id": opened.first("persons")}
    log_visit(db, {"case_id": found["张三"]["case_no"], "at": AT, "kind": "home",
                   "notes": "入户了解近况，陪同办理低保", "outcome": "材料已齐全"})
    log_visit(db, {"case_id": found["李秀英"]["case_no"], "at": AT, "kind": "phone",
                   "notes": "电话回访，协助联系康复中心，预约康复评估。"})
    return found


def titles(hits: list[SearchHit]) -> list[str]:
    return [h.title for h in hits]


def person_names(hits: list[SearchHit]) -> list[str]:
    return [h.title for h in hits if h.kind == "person"]


def test_initials_find_names_and_the_exact_initials_rank_first(town, office_db):
    zs = search(office_db, "zs")
    assert person_names(zs) == ["张三", "张三丰"]
    assert {h.matched for h in zs} == {"initials"}
    assert person_names(search(office_db, "zsf")) == ["张三丰"]
    assert person_names(search(office_db, "ZSF")) == ["张三丰"]
    assert person_names(search(office_db, "ｚｓ")) == ["张三", "张三丰"]  # full-width letters from a Chinese IME


def test_full_pinyin_with_or_without_spaces(town, office_db):
    for query in ("zhangsan", "zhang san", "Zhang San", "zhangs"):
        hits = search(office_db, query)
        assert person_names(hits) == ["张三", "张三丰"], query
        assert hits[0].matched == "pinyin"
    assert person_names(search(office_db, "sanfeng")) == ["张三丰"]  # pinyin inside the name
    assert person_names(search(office_db, "lixiuying")) == ["李秀英"]


def test_two_and_one_chinese_characters_use_the_name_index(town, office_db):
    hits = search(office_db, "张三")
    assert hits[0].title == "张三" and hits[0].matched == "name" and hits[0].score == EXACT
    assert person_names(hits) == ["张三", "张三丰"]
    assert person_names(search(office_db, "张")) == ["张三", "张三丰"]
    assert person_names(search(office_db, "三丰")) == ["张三丰"]  # inside a name
    assert person_names(search(office_db, "丰")) == ["张三丰"]
    assert person_names(search(office_db, "李秀英")) == ["李秀英"]
    assert person_names(search(office_db, "秀英")) == ["李秀英"]


def test_ranking_is_exact_then_prefix_and_a_case_follows_its_client(town, office_db):
    hits = search(office_db, "张三")
    assert [(h.kind, h.title) for h in hits] == [
        ("person", "张三"), ("case", f"{town['张三']['case_no']} 张三"),
        ("person", "张三丰"), ("case", f"{town['张三丰']['case_no']} 张三丰"),
    ]
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert matching_case_ids(office_db, "张三") == [town["张三"]["case_id"], town["张三丰"]["case_id"]]
    assert matching_case_ids(office_db, "zsf") == [town["张三丰"]["case_id"]]


def test_id_numbers_whole_and_by_their_last_digits(town, office_db):
    whole = search(office_db, ZHANG_SAN_ID)
    assert whole[0].title == "张三" and whole[0].matched == "id_number" and whole[0].score == EXACT
    assert whole[0].subtitle.endswith("****" + ZHANG_SAN_ID[-4:])  # masked: only the tail is shown
    for tail in (ZHANG_SAN_ID[-6:], ZHANG_SAN_ID[-4:], ZHANG_SAN_ID[-4:].lower()):
        hits = search(office_db, tail)
        assert hits[0].title == "张三" and hits[0].matched == "id_number", tail
    assert person_names(search(office_db, ZHANG_SANFENG_ID[-6:])) == ["张三丰"]
    assert matching_case_ids(office_db, ZHANG_SAN_ID[-4:]) == [town["张三"]["case_id"]]


def test_phone_numbers_whole_tail_and_as_typed(town, office_db):
    assert search(office_db, "13812345678")[0].title == "张三"
    assert search(office_db, "13812345678")[0].matched == "phone"
    assert person_names(search(office_db, "5678")) == ["张三"]
    assert person_names(search(office_db, "0574-87654321")) == ["张三丰"]
    assert person_names(search(office_db, "057487654321")) == ["张三丰"]
    assert person_names(search(office_db, "87654321")) == ["张三丰"]


def test_case_numbers_whole_and_by_tail(town, office_db):
    case_no = town["李秀英"]["case_no"]
    assert case_no == "HS-NM-2025-0003"
    hits = search(office_db, case_no)
    assert hits[0].kind == "case" and hits[0].title == f"{case_no} 李秀英" and hits[0].score == EXACT
    assert matching_case_ids(office_db, case_no) == [town["李秀英"]["case_id"]]
    assert matching_case_ids(office_db, case_no.lower()) == [town["李秀英"]["case_id"]]
    assert matching_case_ids(office_db, "0003") == [town["李秀英"]["case_id"]]
    assert matching_case_ids(office_db, "3") == [town["李秀英"]["case_id"]]  # the sequence number alone
    assert len(matching_case_ids(office_db, "HS-NM-2025")) == 3


def test_words_in_visit_notes_find_the_case(town, office_db):
    hits = search(office_db, "康复评估")
    assert [(h.kind, h.title, h.matched) for h in hits] == [("case", f"{town['李秀英']['case_no']} 李秀英", "notes")]
    assert matching_case_ids(office_db, "康复评估") == [town["李秀英"]["case_id"]]
    assert matching_case_ids(office_db, "材料已齐全") == [town["张三"]["case_id"]]  # the outcome counts too
    assert matching_case_ids(office_db, "救助资源") == [c["case_id"] for c in reversed(town.values())]  # case text


def test_two_character_words_in_notes_are_found(town, office_db):
    # 低保 ends the note: the trigram index alone cannot match two characters
    assert matching_case_ids(office_db, "低保") == [town["张三"]["case_id"]]
    assert matching_case_ids(office_db, "回访") == [town["李秀英"]["case_id"]]
    assert matching_case_ids(office_db, "康复") == [town["李秀英"]["case_id"]]
    assert matching_case_ids(office_db, "救助") == [c["case_id"] for c in reversed(town.values())]


def test_all_words_must_match(town, office_db):
    assert matching_case_ids(office_db, "张三 低保") == [town["张三"]["case_id"]]
    assert matching_case_ids(office_db, "zs 低保") == [town["张三"]["case_id"]]
    assert matching_case_ids(office_db, "李秀英 低保") == []
    assert person_names(search(office_db, "张 5678")) == ["张三"]


def test_empty_and_punctuation_queries_find_nothing(town, office_db):
    assert search(office_db, "") == [] and search(office_db, "   ") == [] and search(office_db, "-") == []
    assert matching_case_ids(office_db, "") == []
    assert query_words("  ｚｈａｎｇ　ｓａｎ  低保 ") == ["zhangsan", "低保"]
    assert search(office_db, 'a"b') == [] and search(office_db, "无此人") == []


def test_a_tombstoned_client_disappears(town, office_db):
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "persons", town["张三"]["person_id"])
    assert person_names(search(office_db, "张三")) == ["张三丰"]
    assert person_names(search(office_db, ZHANG_SAN_ID[-6:])) == []
    assert person_names(search(office_db, "zs")) == ["张三丰"]
    assert search(office_db, "13812345678") == []


def test_tombstoned_cases_and_visits_disappear(town, office_db):
    visit = office_db.execute("SELECT id FROM visits WHERE notes LIKE '%低保%'").fetchone()[0]
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "visits", visit)
    assert matching_case_ids(office_db, "低保") == []
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "cases", town["李秀英"]["case_id"])
    assert matching_case_ids(office_db, town["李秀英"]["case_no"]) == []
    assert matching_case_ids(office_db, "康复评估") == []
    assert [h.kind for h in search(office_db, "李秀英")] == ["person"]


def test_an_edited_client_is_found_by_the_new_values_only(town, office_db):
    update_person(office_db, town["张三"]["person_id"], {"name": "王五", "phone": "13700002222"})
    assert person_names(search(office_db, "王五")) == ["王五"]
    assert person_names(search(office_db, "ww")) == ["王五"]
    assert person_names(search(office_db, "wangwu")) == ["王五"]
    assert person_names(search(office_db, "张三")) == ["张三丰"]
    assert person_names(search(office_db, "zs")) == ["张三丰"]
    assert person_names(search(office_db, "2222")) == ["王五"]
    assert search(office_db, "13812345678") == []
    assert matching_case_ids(office_db, "王五") == [town["张三"]["case_id"]]
    assert office_db.execute("INSERT INTO search_persons(search_persons) VALUES ('integrity-check')") is not None


def test_rows_written_directly_are_indexed_by_the_triggers(town, office_db):
    """The sync importer writes rows without the core functions; a visit may arrive before its case."""
    early_case = "0190a0a0-0000-7000-8000-000000000001"
    with writing(office_db) as (clock, changes):
        insert_record(office_db, clock, changes, "visits", {"case_id": early_case, "at": "2025-04-01T09:00",
                                                              "kind": "home", "notes": "防诈骗宣传，发放资料"})
        insert_record(office_db, clock, changes, "cases", {"case_no": "JB-CC-2025-0007", "status": "open",
                                                             "person_id": town["李秀英"]["person_id"],
                                                             "problem": "邻里纠纷"}, record_id=early_case)
    assert matching_case_ids(office_db, "防诈骗") == [early_case]
    assert matching_case_ids(office_db, "0007") == [early_case]
    assert set(matching_case_ids(office_db, "李秀英")) == {town["李秀英"]["case_id"], early_case}


QUERIES = ["zs", "zsf", "zhangsan", "张三", "张", "三丰", "低保", "康复评估", "回访", "0003", "5678",
           ZHANG_SAN_ID, "13812345678", "张三 低保", "HS-NM-2025", "救助"]


def test_rebuild_gives_what_the_triggers_gave(town, office_db):
    update_person(office_db, town["张三丰"]["person_id"], {"name": "张三峰"})
    with writing(office_db) as (clock, changes):
        delete_record(office_db, clock, changes, "persons", town["李秀英"]["person_id"])
    by_triggers = {q: (search(office_db, q), matching_case_ids(office_db, q)) for q in QUERIES}
    rebuild_search_index(office_db)
    assert {q: (search(office_db, q), matching_case_ids(office_db, q)) for q in QUERIES} == by_triggers


def test_a_bulk_load_without_triggers_is_caught_up_by_a_rebuild(town, office_db):
    drop_search_triggers(office_db)
    log_visit(office_db, {"case_id": town["张三丰"]["case_no"], "at": AT, "kind": "home", "notes": "老年助餐服务"})
    assert matching_case_ids(office_db, "老年助餐") == []  # the loader's rows are not indexed yet
    create_search_triggers(office_db)
    rebuild_search_index(office_db)
    assert matching_case_ids(office_db, "老年助餐") == [town["张三丰"]["case_id"]]
    assert matching_case_ids(office_db, "助餐") == [town["张三丰"]["case_id"]]


def test_the_case_list_filters_by_search(town, office_db):
    assert case_ids(office_db, CaseFilter(search="zs")) == [town["张三"]["case_id"], town["张三丰"]["case_id"]]
    assert case_ids(office_db, CaseFilter(search="康复评估")) == [town["李秀英"]["case_id"]]


def test_a_client_without_a_case_is_found_and_so_are_their_own_visits(town, office_db):
    person_id = add_person(office_db, {"name": "赵六", "gender": "女", "birth_date": "1950-01-01",
                                       "community_id": "柳庄社区"}).value
    log_visit(office_db, {"person_id": person_id, "at": AT, "kind": "outreach", "notes": "外展走访，发现独居"})
    assert [(h.kind, h.title, h.matched) for h in search(office_db, "zl")] == [("person", "赵六", "initials")]
    assert [(h.kind, h.title, h.matched) for h in search(office_db, "外展走访")] == [("person", "赵六", "notes")]
    assert matching_case_ids(office_db, "外展走访") == []


def _index_state(db) -> dict:
    out = {t: db.execute(f"SELECT term, doc, cnt FROM {t}_terms ORDER BY term").fetchall()
           for t in ("search_persons", "search_cases", "search_visits")}
    out["links"] = db.execute("SELECT visit, case_row FROM search_visit_cases ORDER BY visit").fetchall()
    return out


def test_bulk_indexing_of_written_rows_gives_what_the_triggers_and_a_rebuild_give(town, office_db):
    """What a large sync import does: triggers off, rows written, then exactly those rows (re)indexed."""
    from ningbo_sw_desktop.core.db import write_transaction
    from ningbo_sw_desktop.core.search_index import (
        index_rows,
        restore_search_triggers,
        search_triggers,
        suspend_search_triggers,
        unindex_rows,
    )

    triggers = search_triggers(office_db)
    early_case = "0190a0a0-0000-7000-8000-000000000009"
    zs, lxy = town["张三"], town["李秀英"]
    visit = office_db.execute("SELECT id FROM visits WHERE case_id = ?", [zs["case_id"]]).fetchone()[0]
    with write_transaction(office_db):
        saved = suspend_search_triggers(office_db)
        assert saved == triggers and search_triggers(office_db) == []
        changed = {"persons": [zs["person_id"], lxy["person_id"]], "cases": [lxy["case_id"]], "visits": [visit]}
        for table, ids in changed.items():
            unindex_rows(office_db, table, ids)
        office_db.execute("UPDATE persons SET name = '张三峰', name_pinyin = 'zhang san feng' WHERE id = ?",
                          [zs["person_id"]])
        office_db.execute("UPDATE persons SET deleted = 1, name = NULL WHERE id = ?", [lxy["person_id"]])
        office_db.execute("UPDATE cases SET problem = '邻里纠纷调解' WHERE id = ?", [lxy["case_id"]])
        office_db.execute("UPDATE visits SET notes = '防诈骗宣传，发放资料', case_id = ? WHERE id = ?", [early_case, visit])
        office_db.execute("INSERT INTO cases (id, created_at, updated_at, hlc, origin, deleted, stamps, case_no, status,"
                          " person_id, problem) SELECT ?, created_at, updated_at, hlc, origin, 0, stamps, 'JB-CC-2025-0009',"
                          " 'open', person_id, '独居老人' FROM cases WHERE id = ?", [early_case, zs["case_id"]])
        for table, ids in changed.items():
            index_rows(office_db, table, ids, new_ids=[early_case] if table == "cases" else None)
        index_rows(office_db, "cases", [early_case], new_ids=[early_case])
        restore_search_triggers(office_db, saved)
    assert search_triggers(office_db) == triggers
    assert matching_case_ids(office_db, "防诈骗") == [early_case]
    assert matching_case_ids(office_db, "邻里纠纷") == [lxy["case_id"]]
    assert person_names(search(office_db, "张三峰")) == ["张三峰"]
    assert person_names(search(office_db, "李秀英")) == []
    by_bulk = (_index_state(office_db), {q: (search(office_db, q), matching_case_ids(office_db, q)) for q in QUERIES})
    rebuild_search_index(office_db, optimize=False)
    assert (_index_state(office_db), {q: (search(office_db, q), matching_case_ids(office_db, q)) for q in QUERIES}) == by_bulk
