"""A demo office made once per test run and copied for each test: clubs, activities, a long case."""

from __future__ import annotations

import datetime
import shutil

import pytest

LONG_VISITS = 120


def make_demo_office(path):
    """Demo clients and clubs, a case with 120 visits, funded projects; returns the long case number."""
    from ningbo_sw_desktop.core.db import connect, write_transaction
    from ningbo_sw_desktop.core.demo import load_demo
    from ningbo_sw_desktop.core.office import init_office
    from ningbo_sw_desktop.core.records import insert_record
    from ningbo_sw_desktop.core.visits import log_visit
    from ningbo_sw_desktop.core.writing import writing

    db = connect(path)
    init_office(db, "HS-NM", "南门街道社工站")
    load_demo(db, persons=60)
    case = next(db.query("SELECT id, case_no, worker_id, intake_date FROM cases WHERE status = 'open'"
                         " ORDER BY intake_date LIMIT 1"))
    start = datetime.datetime.fromisoformat(case["intake_date"] + "T09:00")
    have = db.execute("SELECT COUNT(*) FROM visits WHERE case_id = ?", [case["id"]]).fetchone()[0]
    step = max(1, (datetime.datetime.now() - start).days // LONG_VISITS)
    with write_transaction(db):
        for i in range(LONG_VISITS - have):
            log_visit(db, {"case_id": case["id"], "worker_id": case["worker_id"], "kind": ["home", "phone"][i % 2],
                           "at": start + datetime.timedelta(days=step * i, hours=i % 6), "duration_min": 30,
                           "notes": f"第{i + 1}次走访：入户了解近况，老人精神状态良好，血压偏高，已提醒按时服药。"
                                    "与家属沟通照护安排，商定每周两次上门送餐。"}, actor="test")
    with writing(db) as (clock, changes):
        for name, funder, budget, domain in (("南门街道亲情探访项目", "海曙区民政局", 180_000, "social_welfare"),
                                             ("新宁波人融入计划", "宁波市慈善总会", 95_000, "community_service")):
            insert_record(db, clock, changes, "service_projects",
                          {"name": name, "year": datetime.date.today().year, "funder": funder, "budget": budget,
                           "domain": domain})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return case["case_no"]


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo-office")
    long_case = make_demo_office(folder / "office.db")
    return folder / "office.db", long_case


@pytest.fixture
def demo_db(demo_template, tmp_path):
    """A fresh copy of the demo office for one test."""
    from ningbo_sw_desktop.core.db import connect

    source, _ = demo_template
    target = tmp_path / "office.db"
    shutil.copy(source, target)
    database = connect(target)
    yield database
    database.close()


@pytest.fixture
def long_case(demo_template) -> str:
    """Case number of the case with 120 visits."""
    return demo_template[1]
