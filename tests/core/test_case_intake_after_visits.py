"""Moving a case's intake date: never after a visit already logged for it (log_visit refuses such visits)."""

from __future__ import annotations

import pytest

from ningbo_sw_desktop.core.cases import get_case, open_case, update_case
from ningbo_sw_desktop.core.errors import ValidationError
from ningbo_sw_desktop.core.i18n import set_language
from ningbo_sw_desktop.core.visits import log_visit

CASE = {"domain": "社会福利", "risk": "medium", "problem": "独居老人", "intake_date": "2025-03-01"}
LI = {"name": "李秀英", "gender": "女", "birth_date": "1944-03-08", "community_id": "柳庄社区"}


@pytest.fixture
def case_no(office_db):
    case_no = open_case(office_db, CASE, person_values=LI).value
    for at in ("2025-04-10T09:30", "2025-03-15T10:00", "2025-05-02T14:00"):
        log_visit(office_db, {"case_id": case_no, "kind": "home", "at": at, "notes": "入户了解近况"})
    return case_no


def test_an_intake_date_after_the_earliest_visit_is_refused_naming_that_visit(office_db, case_no):
    hlc = get_case(office_db, case_no)["hlc"]
    with pytest.raises(ValidationError) as err:
        update_case(office_db, case_no, {"intake_date": "2025-03-20"})
    [error] = err.value.errors
    assert error.field == "intake_date" and "2025-03-15" in error.text.zh and "2025-03-15" in error.text.en
    assert case_no in error.text.zh and "最早的走访记录" in error.text.zh and "earliest visit" in error.text.en
    set_language("en")
    assert "intake date" in str(err.value).lower()
    case = get_case(office_db, case_no)
    assert case["intake_date"] == "2025-03-01" and case["hlc"] == hlc  # nothing written


def test_the_intake_date_may_move_up_to_the_earliest_visit_or_earlier(office_db, case_no):
    update_case(office_db, case_no, {"intake_date": "2025-03-15"})  # the same day as the first visit
    assert get_case(office_db, case_no)["intake_date"] == "2025-03-15"
    update_case(office_db, case_no, {"intake_date": "2025-02-01"})
    assert get_case(office_db, case_no)["intake_date"] == "2025-02-01"


def test_a_deleted_visit_does_not_hold_the_intake_date_back(office_db, case_no):
    office_db.execute("UPDATE visits SET deleted = 1 WHERE at LIKE '2025-03-15%'")
    update_case(office_db, case_no, {"intake_date": "2025-04-10"})
    assert get_case(office_db, case_no)["intake_date"] == "2025-04-10"


def test_other_edits_pass_even_when_a_synced_visit_is_already_before_intake(office_db, case_no):
    """A bundle may bring such a visit (import does not check it): the case stays editable."""
    office_db.execute("UPDATE visits SET at = '2025-02-20T09:00:00' WHERE at LIKE '2025-03-15%'")
    update_case(office_db, case_no, {"intake_date": "2025-03-01", "plan": "每月入户一次"})
    assert get_case(office_db, case_no)["plan"] == "每月入户一次"
