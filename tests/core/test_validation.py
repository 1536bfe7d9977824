"""What a social worker types is checked the way the form promises: every problem at once, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ningbo_sw_desktop.core import i18n
from ningbo_sw_desktop.core.errors import ValidationError
from ningbo_sw_desktop.core.validation import (
    Checker,
    id_number_facts,
    id_number_problem,
    normalize_id_number,
    normalize_phone,
    parse_date,
    parse_datetime,
    phone_problem,
    validate_area,
    validate_case,
    validate_person,
    validate_visit,
    validate_worker,
)

TODAY = dt.date(2026, 11, 29)
NOW = dt.datetime(2026, 11, 29, 9, 30)


def check_digit(first17: str) -> str:
    """GB 11643 check character, written out independently of the module under test."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11]


def make_id(area: str, born: str, seq: str) -> str:
    """A well-formed ID number for an area code, a YYYYMMDD birth date and a 3-digit sequence."""
    body = area + born + seq
    return body + check_digit(body)


def ending_in_x(area: str = "330203", born: str = "19500615") -> str:
    """The first number of that area and birth date whose check character is X."""
    return next(n for n in (make_id(area, born, f"{s:03d}") for s in range(1000)) if n.endswith("X"))


def problems(excinfo) -> dict[str, str]:
    """field -> Chinese message of a refused record."""
    return {e.field: e.text.zh for e in excinfo.value.errors}


@pytest.fixture
def english():
    """Show core messages in English for one test, then back to Chinese."""
    i18n.set_language("en")
    yield
    i18n.set_language("zh")


PERSON = {"name": "王阿婆", "gender": "女", "birth_date": "1950-06-15", "community_id": "c-yunlu"}


# --- resident ID numbers --------------------------------------------------------------------------


def test_the_weights_in_the_test_helper_are_the_standard_ones():
    assert [2 ** (17 - i) % 11 for i in range(17)] == [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


@pytest.mark.parametrize(("number", "born", "gender"), [
    ("11010519491231002X", dt.date(1949, 12, 31), "female"),  # the example published with GB 11643
    ("330203195006151221", dt.date(1950, 6, 15), "female"),  # Haishu
    ("330212194508070511", dt.date(1945, 8, 7), "male"),  # Yinzhou
])
def test_known_valid_numbers_are_accepted_with_their_facts(number, born, gender):
    assert id_number_problem(number) is None
    assert id_number_facts(number) == (born, gender)


def test_the_1880_textbook_example_has_a_right_check_digit_but_is_before_1890():
    assert check_digit("44052418800101001") == "4"
    problem = id_number_problem("440524188001010014")
    assert "1890-01-01" in problem.zh and "校验位" not in problem.zh


def test_computed_numbers_are_accepted_including_those_ending_in_x():
    numbers = [make_id("330203", "19500615", f"{s:03d}") for s in range(0, 60, 7)] + [ending_in_x()]
    assert any(n.endswith("X") for n in numbers)
    assert [id_number_problem(n, today=TODAY) for n in numbers] == [None] * len(numbers)


def test_an_elderly_haishu_resident_keeps_a_code_created_after_her_birth():
    number = make_id("330203", "19500615", "122")  # 330203 (Haishu) dates from 1983
    assert id_number_problem(number) is None
    assert id_number_facts(number) == (dt.date(1950, 6, 15), "female")
    assert id_number_facts(make_id("330203", "19500615", "123"))[1] == "male"


def test_a_wrong_check_digit_is_refused_naming_the_right_one():
    right = ending_in_x()
    problem = id_number_problem(right[:17] + "3")
    assert problem.zh == "校验位错误，应为 X，请核对号码"
    assert problem.en == "check digit is wrong (should be X); please re-check the number"


@pytest.mark.parametrize("born", ["19500230", "19501301", "19500000", "19490229"])
def test_an_impossible_birth_date_is_refused(born):
    problem = id_number_problem(make_id("330203", born, "123"))
    assert born in problem.zh and "不存在" in problem.zh


def test_a_birth_date_after_today_is_refused():
    problem = id_number_problem(make_id("330203", "20261130", "123"), today=TODAY)
    assert "晚于今天" in problem.zh
    assert id_number_problem(make_id("330203", "20261129", "123"), today=TODAY) is None


@pytest.mark.parametrize("length", [17, 19])
def test_a_number_of_the_wrong_length_is_refused(length):
    number = (make_id("330203", "19500615", "123") + "0")[:length]
    assert f"现在是 {length} 位" in id_number_problem(number).zh


@pytest.mark.parametrize(("number", "words"), [
    ("33020319500615A123", "前 17 位只能是数字"),
    ("33020319500615123Y", "最后一位应为数字或 X"),
    ("330203500615123", "15 位的旧号码"),
])
def test_malformed_numbers_say_what_is_wrong(number, words):
    assert words in id_number_problem(number).zh


def test_full_width_spaced_and_lower_case_input_is_normalized():
    number = ending_in_x()
    typed = " ".join(number[i:i + 6] for i in range(0, 18, 6)).translate(
        {ord(c): ord(c) + 0xFEE0 for c in "0123456789"}).replace("X", "ｘ")
    assert normalize_id_number(typed) == number
    assert normalize_id_number(number.lower()) == number
    assert id_number_problem(number[:17] + "x") is None
    assert normalize_id_number(None) == ""


@given(
    st.dates(min_value=dt.date(1890, 1, 1), max_value=TODAY),
    st.from_regex(r"\A[1-6]\d{5}\Z"),
    st.from_regex(r"\A\d{3}\Z"),
    st.sampled_from("0123456789X"),
)
def test_any_well_formed_number_passes_and_any_other_check_char_fails(born, area, seq, other):
    body = area + born.strftime("%Y%m%d") + seq
    right = check_digit(body)
    assert id_number_problem(body + right, today=TODAY) is None
    if other != right:
        assert f"应为 {right}" in id_number_problem(body + other, today=TODAY).zh


# --- birth date and gender derived from the ID number ----------------------------------------------


def test_birth_date_and_gender_are_filled_from_the_id_number():
    number = make_id("330203", "19580312", "121")
    clean = validate_person({"name": "李大伯", "id_number": number, "community_id": "c1"}, today=TODAY)
    assert (clean["birth_date"], clean["gender"], clean["id_number"]) == ("1958-03-12", "male", number)
    assert clean["tags"] == [] and clean["relief_status"] == "none"  # defaults of a new record


def test_a_birth_date_disagreeing_with_the_id_number_is_reported_on_birth_date():
    values = {**PERSON, "gender": "男", "birth_date": "1958年3月13日", "id_number": make_id("330203", "19580312", "121")}
    with pytest.raises(ValidationError) as excinfo:
        validate_person(values, today=TODAY)
    assert problems(excinfo) == {"birth_date": "出生日期与身份证号码不符（号码中为 1958-03-12），请核对"}


def test_a_gender_disagreeing_with_the_id_number_is_reported_on_gender():
    values = {**PERSON, "birth_date": "1958-03-12", "id_number": make_id("330203", "19580312", "121")}
    with pytest.raises(ValidationError) as excinfo:
        validate_person(values, today=TODAY)
    assert list(problems(excinfo)) == ["gender"]
    assert "号码中为男" in problems(excinfo)["gender"]


def test_checker_cross_checks_a_birth_date_it_already_cleaned():
    number = make_id("330203", "19580312", "122")
    c = Checker({"birth_date": "1958/03/12", "gender": "F", "id_number": number}, today=TODAY)
    c.date("birth_date")
    c.enum("gender", "gender")
    assert c.id_number() == number
    assert c.errors == [] and c.cleaned == {"birth_date": "1958-03-12", "gender": "female", "id_number": number}


def test_without_birth_date_or_id_number_the_person_is_refused_on_both_fields():
    with pytest.raises(ValidationError) as excinfo:
        validate_person({"name": "王阿婆", "community_id": "c1"}, today=TODAY)
    assert set(problems(excinfo)) == {"gender", "birth_date"}
    assert "身份证号码" in problems(excinfo)["birth_date"]


# --- phones ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "stored"), [
    ("13812345678", "13812345678"),
    ("138 1234 5678", "13812345678"),
    ("138-1234-5678", "13812345678"),
    ("+86 138 1234 5678", "13812345678"),
    ("008613812345678", "13812345678"),
    ("１３８１２３４５６７８", "13812345678"),
    ("0574-87654321", "0574-87654321"),
    ("057487654321", "0574-87654321"),
    ("(0574) 8765 4321", "0574-87654321"),
    ("+86 574 8765 4321", "0574-87654321"),
    ("010-12345678", "010-12345678"),
    ("01012345678", "010-12345678"),
    ("0574-6543210", "0574-6543210"),
])
def test_valid_phones_are_stored_in_one_form(typed, stored):
    assert normalize_phone(typed) == stored
    assert phone_problem(typed) is None


def test_a_bare_local_number_asks_for_ningbos_area_code():
    problem = phone_problem("87654321")
    assert problem.zh.startswith("缺少区号") and "宁波为 0574" in problem.zh
    assert phone_problem("8765432").en.startswith("the area code is missing")


@pytest.mark.parametrize(("typed", "words"), [
    ("1381234567", "手机号码应为 11 位"),
    ("12812345678", "手机号码应为 11 位"),
    ("0574-123456", "座机号码"),
    ("0574-123456789", "座机号码"),
    ("138abc", "只能包含数字"),
    ("12345", "手机号码"),
    ("456", "不是有效的电话号码"),
])
def test_invalid_phones_say_what_is_wrong(typed, words):
    assert words in phone_problem(typed).zh


def test_checker_phone_is_optional_unless_required():
    assert Checker({"phone": " "}).phone() is None
    c = Checker({})
    c.phone(required=True)
    assert [e.field for e in c.errors] == ["phone"]


# --- dates and times -----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", [
    "2026-11-29", "2026/11/29", "2026.11.29", "2026年11月29日", "20261129", " ２０２６年１１月２９日 ",
    "2026/11/29 ", dt.date(2026, 11, 29), dt.datetime(2026, 11, 29, 18, 5),
])
def test_dates_in_every_form_people_write_them(typed):
    assert parse_date(typed) == dt.date(2026, 11, 29)


def test_single_digit_month_and_day_are_understood():
    assert parse_date("2026/1/5") == dt.date(2026, 1, 5)


@pytest.mark.parametrize("typed", ["2026-02-30", "29/11/2026", "2026-11", "yesterday", "", None, 20261129])
def test_not_a_date_raises_value_error(typed):
    with pytest.raises(ValueError):
        parse_date(typed)


@pytest.mark.parametrize(("typed", "moment"), [
    ("2026-11-29T09:30", dt.datetime(2026, 11, 29, 9, 30)),
    ("2026-11-29 09:30", dt.datetime(2026, 11, 29, 9, 30)),
    ("2026-11-29 09:30:15", dt.datetime(2026, 11, 29, 9, 30, 15)),
    ("2026年11月29日 9:30", dt.datetime(2026, 11, 29, 9, 30)),
    ("2026/11/29", dt.datetime(2026, 11, 29)),
    (dt.date(2026, 11, 29), dt.datetime(2026, 11, 29)),
    (dt.datetime(2026, 11, 29, 9, 30), dt.datetime(2026, 11, 29, 9, 30)),
])
def test_datetimes_in_every_form(typed, moment):
    assert parse_datetime(typed) == moment


def test_an_aware_datetime_becomes_naive_local_time():
    aware = dt.datetime(2026, 11, 29, 1, 30, tzinfo=dt.UTC)
    assert parse_datetime(aware) == aware.astimezone().replace(tzinfo=None)
    assert parse_datetime(aware).tzinfo is None


@pytest.mark.parametrize("typed", ["2026-11-29 25:00", "09:30", "soon"])
def test_not_a_datetime_raises_value_error(typed):
    with pytest.raises(ValueError):
        parse_datetime(typed)


def test_checker_dates_are_cleaned_to_iso_text():
    c = Checker({"birth_date": "1950年6月15日", "at": "2026/11/29 08:05"}, today=TODAY, now=NOW)
    assert c.date("birth_date", not_future=True) == dt.date(1950, 6, 15)
    assert c.datetime("at", not_future=True) == dt.datetime(2026, 11, 29, 8, 5)
    assert c.cleaned == {"birth_date": "1950-06-15", "at": "2026-11-29T08:05:00"}
    assert Checker({"at": dt.datetime(2026, 11, 29, 8, 5, 7, 999)}).datetime("at") == dt.datetime(2026, 11, 29, 8, 5, 7)


def test_an_unreadable_date_is_refused_with_an_example():
    c = Checker({"birth_date": "1950-02-30"})
    c.date("birth_date")
    assert "2026-11-29" in c.errors[0].text.zh and "1950-02-30" in c.errors[0].text.zh


def test_checker_date_bounds_use_the_given_words():
    c = Checker({"closed_on": "2026-01-01"}, today=TODAY)
    floor_text = i18n.Text("早了", "too early")
    assert c.date("closed_on", not_before=dt.date(2026, 2, 1), not_before_text=floor_text) is None
    assert c.errors[0].text == floor_text and "closed_on" not in c.cleaned


# --- visits -------------------------------------------------------------------------------------------


VISIT = {"person_id": "p1", "at": "2026-11-29 09:00", "kind": "入户", "notes": "老人身体尚可，独居，冰箱里食物充足。"}


def test_a_home_visit_is_cleaned():
    clean = validate_visit({**VISIT, "duration_min": "45", "next_follow_up": "2026.12.6"}, now=NOW)
    assert clean == {**VISIT, "at": "2026-11-29T09:00:00", "kind": "home", "duration_min": 45,
                     "next_follow_up": "2026-12-06"}


def test_a_visit_in_the_future_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        validate_visit({**VISIT, "at": "2026-11-29 10:00"}, now=NOW)
    assert problems(excinfo)["at"].startswith("走访时间不能晚于现在")


def test_a_visit_a_few_minutes_ahead_is_allowed_for_a_fast_pc_clock():
    assert validate_visit({**VISIT, "at": "2026-11-29 09:39"}, now=NOW)["at"] == "2026-11-29T09:39:00"


def test_a_visit_needs_a_case_or_a_person_and_the_notes():
    with pytest.raises(ValidationError) as excinfo:
        validate_visit({"at": "2026-11-29 09:00", "kind": "电话", "notes": " "}, now=NOW)
    assert set(problems(excinfo)) == {"case_id", "notes"}


def test_long_notes_are_kept_and_overlong_notes_refused():
    assert len(validate_visit({**VISIT, "notes": "记" * 20000}, now=NOW)["notes"]) == 20000
    with pytest.raises(ValidationError) as excinfo:
        validate_visit({**VISIT, "notes": "记" * 20001}, now=NOW)
    assert "20001" in problems(excinfo)["notes"]


def test_a_follow_up_before_the_visit_and_a_day_long_visit_are_refused():
    with pytest.raises(ValidationError) as excinfo:
        validate_visit({**VISIT, "next_follow_up": "2026-11-28", "duration_min": 1441}, now=NOW)
    assert "早于走访日期（2026-11-29）" in problems(excinfo)["next_follow_up"]
    assert "0 到 1440" in problems(excinfo)["duration_min"]


# --- cases ---------------------------------------------------------------------------------------------


CASE = {"person_id": "p1", "domain": "社会救助", "risk": "high", "problem": "老伴去世后独居，情绪低落"}


def test_a_new_case_defaults_to_open_and_intake_today():
    clean = validate_case({**CASE, "referral_source": "Community committee"}, today=TODAY)
    assert clean == {**CASE, "domain": "social_relief", "referral_source": "community",
                     "intake_date": "2026-11-29", "status": "open"}


def test_an_intake_before_the_clients_birth_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        validate_case({**CASE, "intake_date": "1958-03-11"}, today=TODAY, birth_date=dt.date(1958, 3, 12))
    assert problems(excinfo)["intake_date"].startswith("接案日期早于服务对象的出生日期（1958-03-12）")


def test_closing_needs_a_reason_and_not_before_intake():
    with pytest.raises(ValidationError) as excinfo:
        validate_case({**CASE, "intake_date": "2026-11-01", "status": "已结案", "closed_on": "2026-10-31"}, today=TODAY)
    assert set(problems(excinfo)) == {"close_reason", "closed_on"}
    clean = validate_case({**CASE, "status": "closed", "close_reason": "已入住养老院"}, today=TODAY)
    assert clean["closed_on"] == "2026-11-29"


def test_an_open_case_cannot_have_a_closing_date():
    with pytest.raises(ValidationError) as excinfo:
        validate_case({**CASE, "intake_date": "2026-10-08", "closed_on": "2026-11-01"}, today=TODAY)
    assert "已结案" in problems(excinfo)["closed_on"]


# --- enumerations --------------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["urgent", "紧急", "Urgent", " URGENT "])
def test_enumerations_accept_code_chinese_and_english(typed):
    assert validate_case({**CASE, "risk": typed}, today=TODAY)["risk"] == "urgent"


def test_an_unknown_enumeration_word_lists_the_choices():
    with pytest.raises(ValidationError) as excinfo:
        validate_case({**CASE, "risk": "很高"}, today=TODAY)
    message = problems(excinfo)["risk"]
    assert "很高" in message and "低、中、高、紧急" in message


def test_an_enum_default_fills_a_blank_and_an_optional_enum_may_stay_blank():
    c = Checker({"relief_status": "", "referral_source": None})
    assert c.enum("relief_status", "relief_status", default="none") == "none"
    assert c.enum("referral_source", "referral_source", required=False) is None
    assert c.errors == [] and c.cleaned == {"relief_status": "none", "referral_source": None}


def test_tags_accept_words_codes_and_separators_and_store_sorted_codes():
    assert Checker({"tags": "独居、老年人,elderly，Newcomer"}).tags() == ["elderly", "living_alone", "newcomer"]
    assert Checker({"tags": ["disabled", "残疾人"]}).tags() == ["disabled"]
    c = Checker({"tags": "老年人、会员"})
    assert c.tags() == [] and "会员" in c.errors[0].text.zh
    c = Checker({"tags": 5})  # a number from a bad cell or bundle is refused in words, not a TypeError
    assert c.tags() == [] and "“5”" in c.errors[0].text.en


# --- people, areas, workers -----------------------------------------------------------------------------


def test_a_person_is_cleaned_with_defaults():
    values = {**PERSON, "phone": "0574 8765 4321", "disability_grade": "２", "tags": "老年人、独居", "notes": "  "}
    clean = validate_person(values, today=TODAY)
    assert clean == {**PERSON, "gender": "female", "phone": "0574-87654321", "disability_grade": 2,
                     "tags": ["elderly", "living_alone"], "notes": None, "relief_status": "none"}


@pytest.mark.parametrize(("field", "typed", "words"), [
    ("name", "张3", "数字"), ("name", "张" * 41, "最多 40 字"), ("birth_date", "2026-11-30", "不能晚于今天"),
    ("birth_date", "1889-12-31", "1890-01-01"), ("disability_grade", 5, "1 到 4"), ("disability_grade", "二级", "整数"),
    ("community_id", "", "必填"), ("relief_status", "五保", "低保"),
])
def test_person_fields_refused_with_their_reason(field, typed, words):
    with pytest.raises(ValidationError) as excinfo:
        validate_person({**PERSON, field: typed}, today=TODAY)
    assert list(problems(excinfo)) == [field] and words in problems(excinfo)[field]


def test_all_problems_of_a_record_are_reported_together():
    values = {"name": "", "gender": "unknown", "birth_date": "2030-01-01", "phone": "87654321",
              "id_number": "330203195006151234", "disability_grade": 9, "tags": "vip"}
    with pytest.raises(ValidationError) as excinfo:
        validate_person(values, today=TODAY)
    assert set(problems(excinfo)) == {"name", "gender", "birth_date", "phone", "id_number", "community_id",
                                      "disability_grade", "tags"}
    assert "；" in str(excinfo.value) and "联系电话：" in str(excinfo.value)


def test_a_partial_update_checks_only_the_fields_given():
    assert validate_person({"phone": "13912345678"}, partial=True, today=TODAY) == {"phone": "13912345678"}
    assert validate_person({"notes": ""}, partial=True) == {"notes": None}
    assert validate_case({"status": "进行中"}, partial=True, today=TODAY) == {"status": "open"}
    assert validate_visit({"outcome": "已联系家属"}, partial=True) == {"outcome": "已联系家属"}


def test_a_partial_update_refuses_blanking_a_required_field():
    with pytest.raises(ValidationError) as excinfo:
        validate_person({"name": " ", "gender": ""}, partial=True, today=TODAY)
    assert set(problems(excinfo)) == {"name", "gender"}
    with pytest.raises(ValidationError) as excinfo:
        validate_case({"intake_date": "", "status": "closed"}, partial=True, today=TODAY)
    assert set(problems(excinfo)) == {"intake_date", "close_reason"}


def test_a_partial_update_of_the_id_number_brings_its_birth_date_and_gender():
    number = make_id("330203", "19500615", "122")
    assert validate_person({"id_number": number}, partial=True, today=TODAY) == {
        "id_number": number, "birth_date": "1950-06-15", "gender": "female"}


def test_areas_below_the_city_need_a_parent():
    assert validate_area({"name": "宁波市", "level": "市", "population": "9618000"}) == {
        "name": "宁波市", "level": "city", "population": 9618000}
    assert validate_area({"name": "南门街道", "level": "街道", "parent_id": "a-haishu"})["level"] == "street"
    with pytest.raises(ValidationError) as excinfo:
        validate_area({"name": "云湖社区", "level": "community", "population": -1})
    assert set(problems(excinfo)) == {"parent_id", "population"}


def test_a_worker_is_cleaned():
    clean = validate_worker({"name": "陈社工", "cert_level": "社会工作师", "gender": "F", "phone": "+8613912345678"})
    assert clean == {"name": "陈社工", "cert_level": "intermediate", "gender": "female", "phone": "13912345678"}
    with pytest.raises(ValidationError) as excinfo:
        validate_worker({"name": "", "cert_level": "专家"})
    assert set(problems(excinfo)) == {"name", "cert_level"}


def test_required_may_name_what_to_fill_in():
    c = Checker({"title": ""})
    assert c.required("title", label_text=i18n.Text("活动标题", "activity title")) is None
    assert c.errors[0].text.zh == "必填，请填写活动标题"
    with pytest.raises(ValidationError):
        c.raise_if_any()
    Checker({"title": "重阳节登山"}).raise_if_any()


# --- both languages --------------------------------------------------------------------------------------


def test_messages_follow_the_chosen_language(english):
    with pytest.raises(ValidationError) as excinfo:
        validate_person({**PERSON, "name": "", "id_number": ending_in_x()[:17] + "0"}, today=TODAY)
    text = str(excinfo.value)
    assert "Name: is required" in text
    assert "check digit is wrong (should be X)" in text
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_every_message_has_both_languages():
    values = {"name": "1", "gender": "x", "birth_date": "x", "phone": "1", "id_number": "1", "community_id": "",
              "disability_grade": "x", "tags": "x"}
    with pytest.raises(ValidationError) as excinfo:
        validate_person(values, today=TODAY)
    for error in excinfo.value.errors:
        assert error.text.zh and error.text.en and error.text.zh != error.text.en
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error.text.zh)
