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


def _pypinyin_whole(name: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    return [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()]


def _name_characters() -> str:
    """Common name characters, characters of the phrase dictionary's two-character words, and a few odd ones."""
    from pypinyin.constants import PHRASES_DICT

    words = sorted(w for w in PHRASES_DICT if len(w) == 2)[::400]
    return "张王李赵刘陈杨黄周吴曾单区朴查解长重乐万伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂" + "".join(words) + "·a〇"


def test_a_name_is_read_as_pypinyin_reads_it_whole():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from ningbo_sw_desktop.core.derived import _syllables

    @settings(max_examples=3000, deadline=None)
    @given(st.text(alphabet=_name_characters(), min_size=1, max_size=5))
    def same(name):
        assert _syllables(name) == _pypinyin_whole(name)

    same()
    for name in ("单田芳", "曾国藩", "重庆", "长孙无忌", "银行", "乐乐", "阿依古丽·买买提", "欧阳娜娜", "朝阳"):
        assert _syllables(name) == _pypinyin_whole(name), name
