"""Club rosters (花名册) and activity sign-in sheets (签到表), printed for the club's day.

Every row carries a short key (行码) so a marked sheet can be typed back in quickly; the
sign-in sheet is passed round the room, so it shows no phone or ID numbers.
"""

from __future__ import annotations

import datetime
import os

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ..core import clubs
from ..core.enums import label
from .fonts import font_name
from .layout import (
    BODY_W,
    GAP,
    FlowingTable,
    audit_print,
    facts_table,
    grid_style,
    office_header,
    render,
    styles,
    text,
    today_text,
)
from .queries import row_keys
from .words import age_on, w, zh

WALK_IN_ROWS = 6
# Rows are at least these heights and grow with their content: a name of 40 characters (the
# most a name may have) wraps over several lines inside its own row, never over the next one.
SIGN_ROW_H = 10 * mm  # room for a pen signature
ROSTER_ROW_H = 7.5 * mm


def build_roster(db, club_ref: str, *, actor: str | None = None, out: str | os.PathLike | None = None) -> bytes:
    """A club's current members with keys, age, phone and role, as PDF bytes (audited)."""
    club = clubs.find_club(db, club_ref)
    st = styles(font_name())
    members = clubs.roster(db, club["id"])
    keys = row_keys([m["person_id"] for m in members])
    sep = "：" if zh() else ": "
    facts = GAP.join((f"{w('community')}{sep}{_escape(club.get('community'))}",
                      f"{w('founded_on')}{sep}{club.get('founded_on') or ''}", w("members", n=len(members)),
                      f"{w('printed_on')}{sep}{today_text()}"))
    story = [Paragraph(f"{_escape(club['name'])} {w('roster')}", st["title"]),
             Paragraph(facts, st["subtitle"])]
    if club.get("description"):
        story.append(text(club["description"], st["small"]))
        story.append(Spacer(0, 3 * mm))
    header = [w("seq"), w("row_key"), w("name"), w("gender"), w("age_col"),
              w("phone"), w("role"), w("joined_on"), w("remark")]
    today = datetime.date.today()
    rows = [header] + [
        [i, keys[m["person_id"]], text(m["name"], st["cell"]), label("gender", m["gender"]),
         age_on(m["birth_date"], today) or "", m["phone"] or "", label("role", m["role"]), m["joined_on"] or "", ""]
        for i, m in enumerate(members, 1)]
    widths = [10 * mm, 13 * mm, 24 * mm, 13 * mm, 11 * mm, 27 * mm, 18 * mm, 21 * mm]
    table = FlowingTable(rows, colWidths=widths + [BODY_W - sum(widths)], repeatRows=1,
                         minRowHeights=[0] + [ROSTER_ROW_H] * len(members))
    table.setStyle(grid_style(("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                              ("ALIGN", (4, 1), (4, -1), "CENTER"), ("FONTNAME", (1, 1), (1, -1), "Courier-Bold")))
    story.append(table)
    data = render(story, title=f"{club['name']} {w('roster')}", header=office_header(db, w("roster")), out=out)
    audit_print(db, "clubs", [club["id"]], {"document": "roster"}, actor=actor)
    return data


def build_signin_sheet(db, activity_id: str, *, walk_in_rows: int = WALK_IN_ROWS, actor: str | None = None,
                       out: str | os.PathLike | None = None) -> bytes:
    """The sign-in sheet of an activity: a row per member, wide signature boxes, rows for walk-ins."""
    sheet = clubs.attendance_sheet(db, activity_id)
    activity, people = sheet["activity"], sheet["rows"]
    st = styles(font_name())
    keys = row_keys([p["person_id"] for p in people])
    story = [Paragraph(w("signin"), st["title"]), text(activity["title"], st["subtitle"]),
             facts_table(_activity_facts(activity), st["cell"]), Spacer(0, 4 * mm)]
    header = [w("seq"), w("row_key"), w("name"), w("gender"), w("signature"), w("remark")]
    rows = [header] + [[i, keys[p["person_id"]], text(p["name"], st["cell"]), label("gender", p["gender"]), "", ""]
                       for i, p in enumerate(people, 1)]
    rows += [[len(people) + i, "", "", "", "", ""] for i in range(1, walk_in_rows + 1)]
    widths = [10 * mm, 14 * mm, 30 * mm, 13 * mm, 76 * mm]
    table = FlowingTable(rows, colWidths=widths + [BODY_W - sum(widths)], repeatRows=1,
                         minRowHeights=[0] + [SIGN_ROW_H] * (len(rows) - 1))
    table.setStyle(grid_style(("VALIGN", (0, 1), (-1, -1), "MIDDLE"), ("ALIGN", (0, 0), (0, -1), "CENTER"),
                              ("FONTNAME", (1, 1), (1, -1), "Courier-Bold"), ("FONTSIZE", (1, 1), (1, -1), 9.5)))
    story += [table, Spacer(0, 5 * mm), Paragraph(GAP.join((w("expected", n=len(people)), w("present_blank"), w("recorder"))), st["body"]),
              Spacer(0, 2 * mm), Paragraph(w("key_help"), st["small"])]
    data = render(story, title=f"{w('signin')} {activity['title']}", header=office_header(db, w("signin")),
                  out=out)
    audit_print(db, "activities", [activity["id"]], {"document": "signin_sheet"}, actor=actor)
    return data


def _activity_facts(activity: dict) -> list[tuple[str, str]]:
    """Title, date with weekday, place, the club (a club's activity), worker, community."""
    day = datetime.date.fromisoformat(activity["date"][:10]) if activity.get("date") else None
    weekday = ("星期" + "一二三四五六日"[day.weekday()]) if zh() and day else (day.strftime("%A") if day else "")
    facts = [(w("activity"), activity["title"]), (w("activity_date"), f"{activity.get('date') or ''} {weekday}".strip()),
             (w("place"), activity.get("place") or "")]
    if activity.get("club"):
        facts.append((w("club"), activity["club"]))
    return facts + [(w("worker"), activity.get("worker") or ""), (w("community"), activity.get("community") or "")]


def _escape(value: str) -> str:
    from xml.sax.saxutils import escape

    return escape(value or "")
