"""A clerk prints a client's case summary: masked ID unless asked, visits over pages, all audited."""

from __future__ import annotations

import json
import re

import pytest
from pdf_helpers import compact, pdf_pages_text, pdf_text

from ningbo_sw_desktop.core import i18n
from ningbo_sw_desktop.core.cases import CaseFilter, case_ids, get_case
from ningbo_sw_desktop.reports import Cancelled, build_case_batch, build_case_summary, mask_id_number


def audit_rows(db, action: str) -> list[dict]:
    return list(db.query("SELECT * FROM audit WHERE action = ? ORDER BY seq", [action]))


def a_case_with_id_number(db) -> dict:
    row = next(db.query("SELECT c.case_no FROM cases c JOIN persons p ON p.id = c.person_id"
                        " WHERE p.id_number IS NOT NULL AND c.status = 'closed' ORDER BY c.case_no LIMIT 1"))
    return get_case(db, row["case_no"], with_visits=True)


def test_mask_keeps_the_first_six_and_last_four():
    assert mask_id_number("33020319480510123X") == "330203********123X"
    assert mask_id_number(None) == ""


def test_the_summary_shows_the_case_in_chinese_with_the_id_masked(demo_db):
    case = a_case_with_id_number(demo_db)
    text = pdf_text(build_case_summary(demo_db, case["case_no"], actor="陈丽华"))
    full = case["person"]["id_number"]
    for words in ("个案摘要", "南门街道社工站", case["case_no"], "服务对象基本情况", case["person"]["name"],
                  "居民身份证号码", mask_id_number(full), "服务领域", "风险等级", "服务目标", "服务计划",
                  "走访记录", "社工签名", "督导签名", "内部资料 注意保密", "1 / 1", "已结案", "结案原因"):
        assert words in text, words
    assert full not in compact(text)
    entry = audit_rows(demo_db, "print")[-1]
    assert (entry["table_name"], entry["record_id"], entry["actor"]) == ("cases", case["id"], "陈丽华")
    assert not audit_rows(demo_db, "print_full_id")


def test_the_full_id_is_printed_only_when_asked_and_is_audited(demo_db):
    case = a_case_with_id_number(demo_db)
    text = compact(pdf_text(build_case_summary(demo_db, case["case_no"], full_id=True, purpose="法院调查函")))
    assert case["person"]["id_number"] in text
    entry = audit_rows(demo_db, "print_full_id")[-1]
    assert entry["record_id"] == case["id"]
    assert json.loads(entry["detail"])["purpose"] == "法院调查函"


def test_a_case_with_120_visits_spans_pages_with_the_table_header_on_each(demo_db, long_case):
    pages = pdf_pages_text(build_case_summary(demo_db, long_case))
    assert len(pages) >= 4
    table_pages = [i for i, page in enumerate(pages) if "第" in page and "次走访" in page]
    assert len(table_pages) >= 3
    for i in table_pages:
        assert "走访时间" in pages[i] and "记录内容 / 结果" in pages[i], f"header missing on page {i + 1}"
    for number, page in enumerate(pages, 1):
        assert f"{number} / {len(pages)}" in page
        assert "内部资料 注意保密" in page and long_case in page
    every = compact("".join(pages))
    assert all(f"第{n}次走访" in every for n in (1, 60, 110))
    assert "签字确认" in pages[-1]


def test_user_text_with_markup_characters_prints_as_typed(demo_db, long_case):
    case = get_case(demo_db, long_case)
    demo_db.execute("UPDATE cases SET goals = ? WHERE id = ?", ["<b>减少</b> 独居风险 & 孤独感\n第二行", case["id"]])
    text = pdf_text(build_case_summary(demo_db, long_case))
    assert "<b>减少</b> 独居风险 & 孤独感" in text and "第二行" in text


def test_the_summary_is_in_english_when_the_app_is(demo_db, long_case):
    i18n.set_language("en")
    text = pdf_text(build_case_summary(demo_db, long_case))
    for words in ("Case summary", "Client", "Resident ID number", "Visit log", "Supervisor", "Internal — confidential"):
        assert words in text, words
    assert "个案摘要" not in text


def test_a_batch_numbers_each_case_on_its_own_and_reports_progress(demo_db):
    ids = case_ids(demo_db, CaseFilter(status="closed"), sort="case_no")[:5]
    seen: list[tuple[int, int]] = []
    pages = pdf_pages_text(build_case_batch(demo_db, ids, progress=lambda d, t: seen.append((d, t))))
    numbers = [re.search(r"(\d+) / (\d+)", page).groups() for page in pages]
    assert sum(1 for n, _ in numbers if n == "1") == len(ids)
    assert seen[-1] == (5, 5) and all(t == 5 for _, t in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert len(audit_rows(demo_db, "print")) == 5


@pytest.mark.parametrize("stop_after", [0, 3])
def test_a_cancelled_batch_writes_nothing_to_the_audit_log(demo_db, stop_after):
    ids = case_ids(demo_db, CaseFilter(status="open"), sort="case_no")[:6]
    calls = []

    def abort() -> bool:
        calls.append(1)
        return len(calls) > stop_after

    with pytest.raises(Cancelled):
        build_case_batch(demo_db, ids, abort=abort)
    assert not audit_rows(demo_db, "print")


def test_out_writes_the_same_bytes_to_a_file(demo_db, long_case, tmp_path):
    out = tmp_path / "sub" / "case.pdf"
    data = build_case_summary(demo_db, long_case, out=out)
    assert out.read_bytes() == data and data.startswith(b"%PDF")
    assert not list(out.parent.glob("*.part"))
