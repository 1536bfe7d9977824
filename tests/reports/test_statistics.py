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
                  f"{figures['service_project_budget']:,}"):
        assert words in text, words
    assert f"{figures['people_served']:,}" in text and f"{figures['visits']:,}" in text
    assert text.count("矛盾纠纷调解") >= 2  # in the table and on the chart's axis
    entry = next(demo_db.query("SELECT * FROM audit WHERE action = 'print' ORDER BY seq DESC LIMIT 1"))
    assert '"statistics"' in entry["detail"]


def test_a_short_period_charts_visits_per_week(demo_db):
    start = TODAY - datetime.timedelta(days=40)
    unit, buckets = visits_per_bucket(demo_db, start.isoformat(), TODAY.isoformat())
    assert unit == "week" and 6 <= len(buckets) <= 7
    assert "每周走访次数" in pdf_text(build_statistics(demo_db, start, TODAY))


def test_months_without_visits_are_zero_not_missing(demo_db):
    unit, buckets = visits_per_bucket(demo_db, "2001-01-01", "2001-12-31")
    assert unit == "month" and [n for _, n in buckets] == [0] * 12


def test_reversed_dates_are_swapped_and_english_works(demo_db):
    i18n.set_language("en")
    text = pdf_text(build_statistics(demo_db, TODAY, YEAR_AGO))
    assert "Service statistics" in text and f"{YEAR_AGO} to {TODAY}" in text
    assert "Workers per 10,000 residents" in text
