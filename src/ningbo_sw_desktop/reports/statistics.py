"""The period statistics report (服务统计报告) supervisors hand upwards, with charts.

Figures come from ``core.stats.statistics`` so the report, the CLI and the GUI agree.
"""

from __future__ import annotations

import datetime
import os

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from ..core.enums import codes, label
from ..core.stats import statistics
from .charts import bars, line, stacked_hbars
from .fonts import font_name
from .layout import (
    BODY_W,
    SHADE,
    FlowingTable,
    audit_print,
    facts_table,
    grid_style,
    office_header,
    render,
    styles,
    text,
)
from .queries import visits_per_bucket
from .words import w, zh


def build_statistics(db, date_from, date_to, *, actor: str | None = None,
                     out: str | os.PathLike | None = None, today: datetime.date | None = None) -> bytes:
    """The report for a period (dates inclusive, ISO text or dates) as PDF bytes (audited).

    ``today`` (default: the real today) ends what counts as held, as in ``core.stats``.
    """
    start, end = _iso(date_from), _iso(date_to)
    if start > end:
        start, end = end, start
    stats = statistics(db, start, end, today=today)
    st = styles(font_name())
    period = f"{w('period')}{'：' if zh() else ': '}{start} {w('period_to')} {end}"
    story = [Paragraph(w("statistics"), st["title"]), text(period, st["subtitle"]),
             Paragraph(w("figures"), st["heading"]), facts_table(_figures(stats), st["cell"])]
    story += _domain_section(stats, st)
    story += _kind_section(db, stats, st, start, end)
    story += _projects_section(stats, st)
    data = render(story, title=f"{w('statistics')} {start} – {end}", header=office_header(db, w("statistics")),
                  out=out)
    audit_print(db, None, [None], {"document": "statistics", "from": start, "to": end}, actor=actor)
    return data


def _iso(value) -> str:
    """An ISO date from a date or text (validated)."""
    return datetime.date.fromisoformat(str(value)[:10]).isoformat()


def _number(value) -> str:
    """Thousands separated; blank for unknown."""
    if value is None:
        return "—"
    return f"{value:,.2f}" if isinstance(value, float) else f"{value:,}"


def _figures(stats: dict) -> list[tuple[str, str]]:
    return [
        (w("activities_held"), _number(stats["activities_held"])), (w("people_served"), _number(stats["people_served"])),
        (w("visits_total"), _number(stats["visits"])), (w("cases_open"), _number(stats["cases_open"])),
        (w("cases_closed"), _number(stats["cases_closed"])), (w("workers"), _number(stats["workers"])),
        (w("population"), _number(stats["resident_population"])), (w("per_10000"), _number(stats["workers_per_10000"])),
    ]


def _domain_section(stats: dict, st: dict) -> list:
    """Cases by service domain: table and stacked bars (open / closed)."""
    domains = [d for d in codes("domain")] + [d for d in stats["cases_by_domain"] if d not in codes("domain")]
    rows = [[w("domain"), w("opened_in_period"), w("open_now"), w("closed_total")]]
    for code in domains:
        entry = stats["cases_by_domain"][code]
        rows.append([label("domain", code), _number(entry["opened_in_period"]), _number(entry["open"]),
                     _number(entry["closed"])])
    rows.append([w("total"), _number(sum(e["opened_in_period"] for e in stats["cases_by_domain"].values())),
                 _number(stats["cases_open"]), _number(stats["cases_closed"])])
    table = Table(rows, colWidths=[BODY_W - 3 * 30 * mm, 30 * mm, 30 * mm, 30 * mm])
    table.setStyle(_numbers_style(1))
    chart = stacked_hbars([label("domain", c) for c in domains],
                          [(w("open_now"), [stats["cases_by_domain"][c]["open"] for c in domains]),
                           (w("closed_total"), [stats["cases_by_domain"][c]["closed"] for c in domains])],
                          BODY_W, 62 * mm)
    return [Paragraph(w("by_domain"), st["heading"]), table, Spacer(0, 1.5 * mm),
            Paragraph(w("domain_note"), st["small"]), Spacer(0, 2 * mm), chart]


def _kind_section(db, stats: dict, st: dict, start: str, end: str) -> list:
    """Visits by kind beside their bar chart, then visits per month (or week) as a line."""
    kinds = list(stats["visits_by_kind"])
    rows = [[w("visit_kind"), w("count")]] + [[label("kind", k), _number(stats["visits_by_kind"][k])] for k in kinds]
    rows.append([w("total"), _number(stats["visits"])])
    table = Table(rows, colWidths=[30 * mm, 22 * mm])
    table.setStyle(_numbers_style(1))
    chart = bars([label("kind", k) for k in kinds], [stats["visits_by_kind"][k] for k in kinds],
                 BODY_W - 58 * mm, 52 * mm)
    side = Table([[table, chart]], colWidths=[58 * mm, BODY_W - 58 * mm])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    unit, buckets = visits_per_bucket(db, start, end)
    trend = line([name for name, _ in buckets], [n for _, n in buckets], BODY_W, 58 * mm)
    return [KeepTogether([Paragraph(w("by_kind"), st["heading"]), side]),
            KeepTogether([Paragraph(w("per_month") if unit == "month" else w("per_week"), st["heading"]), trend])]


def _projects_section(stats: dict, st: dict) -> list:
    """Funded service projects with their budgets and the total."""
    rows = [[w("project"), w("year"), w("funder"), w("domain"), w("budget")]]
    for p in stats["service_projects"]:
        rows.append([text(p["name"], st["cell"]), p["year"] or "", text(p["funder"] or "", st["cell"]),
                     label("domain", p["domain"]), _number(p["budget"] or 0)])
    if not stats["service_projects"]:
        rows.append([w("none"), "", "", "", ""])
    rows.append([w("total"), "", "", "", _number(stats["service_project_budget"])])
    table = FlowingTable(rows, colWidths=[BODY_W - 112 * mm, 16 * mm, 40 * mm, 30 * mm, 26 * mm], repeatRows=1)
    table.setStyle(_numbers_style(4, ("ALIGN", (1, 1), (1, -1), "RIGHT")))
    return [KeepTogether([Paragraph(w("projects"), st["heading"]), table, Spacer(0, 1 * mm),
                          Paragraph(w("projects_note"), st["small"])])]


def _numbers_style(first_number_col: int, *extra) -> TableStyle:
    """Grid with number columns right-aligned and the total row shaded."""
    return grid_style(("ALIGN", (first_number_col, 1), (-1, -1), "RIGHT"), ("BACKGROUND", (0, -1), (-1, -1), SHADE),
                      *extra)
