"""A supervisor prints the period's statistics: figures, cases by domain, visits, projects, charts."""

from __future__ import annotations

import datetime

from pdf_helpers import compact, pdf_text

from ningbo_sw_desktop.core import i18n
from ningbo_sw_desktop.core.stats import statistics
from ningbo_sw_desktop.reports import build_statistics
from ningbo_sw_desktop.reports.queries import visits_per_bucket

TODAY = datetime.date.today()
YEAR_AGO = TODAY - datetime.timedelta(days=365)


def test_the_report_shows_the_figures_of_the_period(demo_db):
    figures = statistics(demo_db, YEAR_AGO, TODAY)
    text = compact(pdf_text(build_statistics(demo_db, YEAR_AGO, TODAY)))
    for words in ("服务统计报告", f"统计期间：{YEAR_AGO}至{TODAY}", "开展服务活动（场次）", "受益人数（人）",
                  "每万人社工数", "各服务领域个案", "社会福利", "矛盾纠纷调解", "走访方式", "入户", "每月走访次数",
                  "专业服务项目", "南门街道亲情探访项目", "海曙区民政局", "180,000",
                  f"{figures['service_project_budget']:,}", "预算为项目全年预算"):
        assert words in text, words
    assert f"{figures['people_served']:,}" in text and f"{figures['visits']:,}" in text
    assert text.count("矛盾纠纷调解") >= 2  # in the table and on the chart's axis
    entry = next(demo_db.query("SELECT * FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1"))
    assert '"statistics"' in entry["detail"]


def test_a_short_period_charts_visits_per_week(demo_db):
    start = TODAY - datetime.timedelta(days=40)
    unit, buckets = visits_per_bucket(demo_db, start.isoformat(), TODAY.isoformat())
    assert unit == "week" and 6 <= len(buckets) <= 7
    assert buckets[0][0] == start.strftime("%m-%d")  # the first week is named by the period's start, not before it
    assert "每周走访次数" in pdf_text(build_statistics(demo_db, start, TODAY))


def test_months_without_visits_are_zero_not_missing(demo_db):
    unit, buckets = visits_per_bucket(demo_db, "2001-01-01", "2001-12-31")
    assert unit == "month" and [n for _, n in buckets] == [0] * 12


def test_reversed_dates_are_swapped_and_english_works(demo_db):
    i18n.set_language("en")
    text = pdf_text(build_statistics(demo_db, TODAY, YEAR_AGO))
    assert "Service statistics" in text and f"{YEAR_AGO} to {TODAY}" in text
    assert "Workers per 10,000 residents" in text


def test_a_december_report_holds_only_that_years_projects_and_the_activities_held_by_today(demo_db):
    from ningbo_sw_desktop.core.clubs import add_activity, list_clubs

    club = list_clubs(demo_db)[0]
    add_activity(demo_db, {"club_id": club["id"], "title": "冬至包饺子", "kind": "recreation", "date": "2026-12-21"})
    printed_on = datetime.date(2026, 11, 29)
    figures = statistics(demo_db, "2026-12-01", "2026-12-31", today=printed_on)
    text = compact(pdf_text(build_statistics(demo_db, "2026-12-01", "2026-12-31", today=printed_on)))
    assert "阳光助残康复服务项目" in text and "困境儿童关爱护苗项目" not in text  # a 2026 project, not the 2025 one
    assert {p["year"] for p in figures["service_projects"]} == {2026}
    assert f"合计{figures['service_project_budget']:,}" in text
    assert figures["activities_held"] == 0 and "开展服务活动（场次）0受益人数" in text  # the dumpling party is still planned
