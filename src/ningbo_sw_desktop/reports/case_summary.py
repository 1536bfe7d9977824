"""Case summaries (个案摘要) for the case file: one case, or a batch of many in one PDF.

The ID number is masked unless the user asks for the full number for an official purpose,
and every printed case is written to the audit log ("print" / "print_full_id").
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Table

from ..core.cases import get_case
from ..core.enums import label
from .fonts import font_name
from .layout import (
    BODY_W,
    GAP,
    FlowingTable,
    Section,
    audit_print,
    facts_table,
    grid_style,
    label_width,
    lines,
    office_header,
    render,
    styles,
    text,
    today_text,
)
from .words import age_on, mask_id_number, tags_text, w, when, zh


class Cancelled(Exception):
    """The user cancelled a long build; nothing was written or audited."""


def build_case_summary(db, case_ref: str, *, full_id: bool = False, purpose: str | None = None,
                       actor: str | None = None, out: str | os.PathLike | None = None) -> bytes:
    """The summary of one case as PDF bytes (``out`` also writes it), audited as printed."""
    case = get_case(db, case_ref, with_visits=True)
    data = render(case_story(case, full_id=full_id), title=f"{w('case_summary')} {case['case_no']}",
                  header=office_header(db, w("case_summary")), out=out)
    _audit_cases(db, [case["id"]], full_id=full_id, purpose=purpose, actor=actor)
    return data


def build_case_batch(db, case_ids: list[str], *, progress: Callable[[int, int], None] | None = None,
                     abort: Callable[[], bool] | None = None, actor: str | None = None,
                     out: str | os.PathLike | None = None) -> bytes:
    """Summaries of many cases in one PDF, each on fresh pages numbered on their own.

    Cases are read and laid out one at a time, so ``progress(done, total)`` moves steadily and
    memory stays flat; ``abort()`` returning true stops the build with ``Cancelled``.
    """
    total, pending, printed = len(case_ids), iter(case_ids), []

    def next_case() -> list | None:
        if abort and abort():
            raise Cancelled()
        case_id = next(pending, None)
        if case_id is None:
            return None
        if progress:
            progress(len(printed), total)
        case = get_case(db, case_id, with_visits=True)
        printed.append(case["id"])
        return ([PageBreak()] if len(printed) > 1 else []) + case_story(case)

    data = render(_LazyStory(next_case), title=w("case_summary"), header=office_header(db, w("case_summary")), out=out)
    _audit_cases(db, printed, full_id=False, purpose=None, actor=actor)
    if progress:
        progress(total, total)
    return data


class _LazyStory(list):
    """A story that asks for the next case's flowables when layout has used up the last ones."""

    def __init__(self, make_next: Callable[[], list | None]):
        super().__init__()
        self._make_next = make_next

    def __len__(self) -> int:
        while not super().__len__():
            chunk = self._make_next()
            if chunk is None:
                return 0
            self.extend(chunk)
        return super().__len__()


def case_story(case: dict, *, full_id: bool = False) -> list:
    """The flowables of one summary: title, client, case, problem and plan, visits, signatures."""
    st = styles(font_name())
    story: list = [Section(case["case_no"]), Paragraph(w("case_summary"), st["title"])]
    sep = "：" if zh() else ": "
    subtitle = GAP.join(f"{w(key)}{sep}{value}" for key, value in (
        ("case_no", case["case_no"]), ("status", label("status", case["status"])), ("printed_on", today_text())))
    client, facts = _client_facts(case, full_id), _case_facts(case)
    label_w = label_width([p[0] for p in client + facts], st["cell"])
    story += [Paragraph(subtitle, st["subtitle"]), Paragraph(w("client_facts"), st["heading"]),
              facts_table(client, st["cell"], label_w=label_w),
              Paragraph(w("case_facts"), st["heading"]), facts_table(facts, st["cell"], label_w=label_w)]
    for key in ("problem", "goals", "plan"):
        story += [Paragraph(w(key), st["heading"]), *lines(case.get(key) or w("none"), st["body"])]
    visits = sorted(case.get("visits", []), key=lambda v: (v["at"] or "", v["id"]))
    story += [Paragraph(f"{w('visits')}<font size=8.5 color='#4a5468'>　{w('visits_count', n=len(visits))}</font>",
                        st["heading"]), visit_table(visits, st["cell"])]
    story.append(signature_boxes(st))
    return story


def _client_facts(case: dict, full_id: bool) -> list[tuple[str, object]]:
    """Client facts, with the ID number masked unless asked for in full."""
    person = case.get("person") or {}
    birth = person.get("birth_date")
    age = age_on(birth, datetime.date.today())
    born = f"{birth}（{age}{w('age')}）" if zh() and birth else (f"{birth} ({age}{w('age')})" if birth else "")
    id_number = person.get("id_number") or ""
    shown_id = (id_number + w("full_id_note")) if full_id and id_number else mask_id_number(id_number)
    grade = person.get("disability_grade")
    disability = " / ".join(str(x) for x in (person.get("disability_cert_no"), grade) if x)
    return [
        (w("name"), person.get("name") or case.get("person_name")), (w("gender"), label("gender", person.get("gender"))),
        (w("birth_date"), born), (w("id_number"), shown_id),
        (w("phone"), person.get("phone")), (w("community"), person.get("community")),
        (w("address"), person.get("address")), (w("registered_address"), person.get("registered_address")),
        (w("relief_status"), label("relief_status", person.get("relief_status"))), (w("disability"), disability),
        (w("tags"), tags_text(person.get("tags"))), ("", ""),
    ]


def _case_facts(case: dict) -> list[tuple[str, object]]:
    """Domain, program, risk, dates, referral and worker; closing facts when closed."""
    facts = [
        (w("domain"), label("domain", case.get("domain"))), (w("program"), case.get("program")),
        (w("risk"), label("risk", case.get("risk"))), (w("status"), label("status", case.get("status"))),
        (w("intake_date"), case.get("intake_date")), (w("referral_source"), label("referral_source", case.get("referral_source"))),
        (w("worker"), case.get("worker")), (w("community"), case.get("community")),
    ]
    if case.get("status") == "closed":
        facts += [(w("closed_on"), case.get("closed_on")), (w("close_reason"), case.get("close_reason"))]
    return facts


VISIT_COLUMNS = (28 * mm, 13 * mm, 13 * mm, 17 * mm, None, 21 * mm)


def visit_table(visits: list[dict], cell) -> Table:
    """The visit timeline; it splits across pages and repeats its header row on each."""
    header = [w("visit_at"), w("visit_kind"), w("minutes"), w("visit_worker"), w("notes"), w("follow_up")]
    rows = [header]
    for v in visits:
        notes = v.get("notes") or ""
        if v.get("outcome"):
            notes = f"{notes}\n{v['outcome']}" if notes else v["outcome"]
        rows.append([when(v.get("at")), label("kind", v.get("kind")), v.get("duration_min") or "",
                     text(v.get("worker") or "", cell), lines(notes, cell), v.get("next_follow_up") or ""])
    if not visits:
        rows.append(["", "", "", "", w("none"), ""])
    fixed = sum(c for c in VISIT_COLUMNS if c)
    widths = [c or BODY_W - fixed for c in VISIT_COLUMNS]
    table = FlowingTable(rows, colWidths=widths, repeatRows=1)  # a note of pages flows on rather than stopping the print
    table.setStyle(grid_style(("ALIGN", (2, 1), (2, -1), "RIGHT")))
    return table


def signature_boxes(st: dict) -> KeepTogether:
    """Boxes for the worker's and the supervisor's signature and date, kept on one page."""
    sep = "：" if zh() else ":"
    rows = [[f"{w('worker_sign')}{sep}", "", f"{w('date')}{sep}", ""],
            [f"{w('supervisor_sign')}{sep}", "", f"{w('date')}{sep}", ""]]
    table = Table(rows, colWidths=[26 * mm, BODY_W - 26 * mm - 16 * mm - 40 * mm, 16 * mm, 40 * mm],
                  rowHeights=[15 * mm, 15 * mm])
    table.setStyle(grid_style(("VALIGN", (0, 0), (-1, -1), "MIDDLE"), header_rows=0))
    return KeepTogether([Paragraph(w("signatures"), st["heading"]), table])


def _audit_cases(db, case_ids: list[str], *, full_id: bool, purpose: str | None, actor: str | None) -> None:
    """One audit entry per printed case; the full-ID action tells auditors what left the office."""
    detail = {"document": "case_summary", **({"purpose": purpose} if purpose else {})}
    audit_print(db, "cases", case_ids, detail, actor=actor, action="print_full_id" if full_id else "print")
