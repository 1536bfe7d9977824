"""The page every document shares: A4, office header, confidential footer, "n / N" numbers.

Page numbers need the page count, known only at the end, so the canvas keeps each page
until ``save`` and then stamps header and footer; a ``Section`` flowable restarts the
count, so each case of a batch is numbered on its own and can be filed on its own.
"""

from __future__ import annotations

import datetime
import functools
import io
import os
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Table, TableStyle

from ..core.files import write_document
from .fonts import font_name
from .words import w

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 18 * mm
BODY_W = PAGE_W - 2 * MARGIN_X
BODY_H = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM  # the frame every story flows through
INK = colors.HexColor("#1f2a44")
RULE = colors.HexColor("#8a94a6")
SHADE = colors.HexColor("#e8ecf2")
GAP = "&nbsp;" * 6  # between facts on one line (plain spaces collapse)


@functools.lru_cache(maxsize=8)
def styles(font: str) -> dict[str, ParagraphStyle]:
    """Paragraph styles set in ``font``; CJK wrapping also keeps Latin words whole."""
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=13.5, wordWrap="CJK", textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10.5),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11),
        "title": ParagraphStyle("title", parent=base, fontSize=18, leading=24, alignment=TA_CENTER, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=9.5, leading=13, alignment=TA_CENTER,
                                   textColor=colors.HexColor("#4a5468"), spaceAfter=6),
        "heading": ParagraphStyle("heading", parent=base, fontSize=11.5, leading=15, spaceBefore=9, spaceAfter=4,
                                  textColor=colors.HexColor("#1d4e89")),
    }


def text(value, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text: markup characters escaped, line breaks kept."""
    body = escape("" if value is None else str(value)).replace("\n", "<br/>")
    return Paragraph(body, style)


def lines(value, style: ParagraphStyle) -> list[Paragraph]:
    """Long user text (notes, plans) as a paragraph per line, for a cell or the story.

    Looks like ``text``, but a text of pages splits cleanly where a page ends: ReportLab's
    split of one CJK paragraph holding line breaks (``<br/>``) puts stray spaces into the
    lines it carries over, more at every page.
    """
    return [Paragraph(escape(line) or "&nbsp;", style)
            for line in ("" if value is None else str(value)).splitlines() or [""]]


def grid_style(*extra, header_rows: int = 1, font: str | None = None) -> TableStyle:
    """Thin grid, shaded header row, top-aligned cells: the look of every table."""
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), font or font_name()),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("LEADING", (0, 0), (-1, -1), 11),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3.5),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE))
    return TableStyle(commands + list(extra))


class FlowingTable(Table):
    """A table whose rows grow with their text and, only when one cannot fit on any page, flow on.

    Row heights come from the content (``minRowHeights`` keeps room to write, e.g. to sign),
    so a long name wraps inside its row instead of printing over the next one. A row is
    never split across pages as long as it fits on a page of its own, so ordinary documents
    look as before; one that never would (a visit note of thousands of characters, an address
    pasted whole) is split where the page ends and goes on on the next, under the repeated
    header row, instead of stopping the whole document with ReportLab's "too large" error.
    """

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)  # whole rows, as every table; it measures the rows
        heights = self._rowHeights
        repeat = self.repeatRows if isinstance(self.repeatRows, int) else 0  # we only ever repeat the first rows
        used, row = 0.0, 0
        while row < len(heights) and used + heights[row] <= availHeight:  # the first row that does not fit here
            used += heights[row]
            row += 1
        if repeat <= row < len(heights) and heights[row] + sum(heights[:repeat]) > BODY_H:
            # It would not fit on a page of its own either: split it here, rather than leave the rest of
            # this page blank (or repeat the header above it on this page, splitting the remainder).
            return self._split_in_row(availWidth, availHeight) or parts
        return parts

    def _split_in_row(self, availWidth, availHeight) -> list:
        """Split inside the row that does not fit (ReportLab's in-row split), rows before it kept here."""
        self.splitByRow, self.splitInRow = 0, 1  # in-row first; the parts are made with these flags...
        try:
            parts = super().split(availWidth, availHeight)
        finally:
            self.splitByRow, self.splitInRow = 1, 0
        for part in parts:  # ...so they get the usual ones back: whole rows unless one cannot fit
            if isinstance(part, Table):
                part.splitByRow, part.splitInRow = 1, 0
        return parts


def label_width(labels, style: ParagraphStyle) -> float:
    """Width of a label column that fits the longest label."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widest = max((stringWidth(str(label_text), style.fontName, style.fontSize) for label_text in labels), default=0)
    return max(24 * mm, widest + 9)


def facts_table(pairs: list[tuple[str, object]], style: ParagraphStyle, *, columns: int = 2,
                label_w: float | None = None) -> Table:
    """Label/value pairs laid out ``columns`` pairs per row, labels shaded."""
    label_w = label_w or label_width([p[0] for p in pairs], style)
    value_w = BODY_W / columns - label_w
    rows, row = [], []
    for label_text, value in pairs:
        row += [label_text, value if isinstance(value, Flowable) else text(value, style)]
        if len(row) == 2 * columns:
            rows.append(row)
            row = []
    if row:
        rows.append(row + [""] * (2 * columns - len(row)))
    shade = [("BACKGROUND", (2 * i, 0), (2 * i, -1), SHADE) for i in range(columns)]
    table = FlowingTable(rows, colWidths=[label_w, value_w] * columns)
    table.setStyle(grid_style(*shade, header_rows=0))
    return table


class Section(Flowable):
    """Marks where a document of a batch starts: page numbers restart and the label changes."""

    def __init__(self, label: str):
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def wrap(self, avail_w, avail_h):
        return 0, 0

    def draw(self):
        self.canv.begin_section(self.label)


class StampedCanvas(Canvas):
    """Holds pages until ``save`` so header, footer and "n / N" can be drawn on each."""

    def __init__(self, *args, header: tuple[str, str] = ("", ""), confidential: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self._held: list[dict] = []
        self._sections: list[tuple[int, str]] = [(0, "")]
        self._header = header
        self._confidential = confidential

    def begin_section(self, label: str) -> None:
        """A new document of a batch starts on the current page."""
        page = len(self._held)
        if self._sections[-1][0] == page:
            self._sections[-1] = (page, label)
        else:
            self._sections.append((page, label))

    def showPage(self):
        self._held.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        starts = [s for s, _ in self._sections] + [len(self._held)]
        section = 0
        for index, state in enumerate(self._held):
            while index >= starts[section + 1]:
                section += 1
            self.__dict__.update(state)
            count = starts[section + 1] - starts[section]
            self._stamp(index - starts[section] + 1, count, self._sections[section][1])
            super().showPage()
        super().save()

    def _stamp(self, number: int, count: int, label: str) -> None:
        """Header line, footer line, confidentiality and the page number of one page."""
        font = font_name()
        self.saveState()
        self.setFillColor(INK)
        self.setStrokeColor(RULE)
        self.setLineWidth(0.6)
        top = PAGE_H - 12 * mm
        self.setFont(font, 8.5)
        self.drawString(MARGIN_X, top, self._header[0])
        self.drawRightString(PAGE_W - MARGIN_X, top, self._header[1])
        self.line(MARGIN_X, top - 2.2 * mm, PAGE_W - MARGIN_X, top - 2.2 * mm)
        bottom = 10 * mm
        self.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
        if self._confidential:
            self.drawString(MARGIN_X, bottom, w("confidential"))
        if label:
            self.drawCentredString(PAGE_W / 2, bottom, label)
        self.drawRightString(PAGE_W - MARGIN_X, bottom, f"{number} / {count}")
        self.restoreState()


def render(story: list, *, title: str, header: tuple[str, str], confidential: bool = True,
           out: str | os.PathLike | None = None) -> bytes:
    """Lay out ``story`` on A4 pages and return the PDF (also written to ``out`` if given)."""
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                          bottomMargin=MARGIN_BOTTOM, title=title, author=header[0], creator="Ningbo Social Work Desktop",
                          pageCompression=1)
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, BODY_W, BODY_H, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=functools.partial(StampedCanvas, header=header, confidential=confidential))
    data = buffer.getvalue()
    if out is not None:
        write_pdf(data, out)
    return data


def write_pdf(data: bytes, path: str | os.PathLike) -> Path:
    """Write a PDF whole or not at all, never over a file that is not a PDF (``core.files``)."""
    return write_document(path, data, signature=b"%PDF-", kind="PDF")


def office_header(db, document: str) -> tuple[str, str]:
    """Office name and code on the left, document and print date on the right of each page."""
    from ..core.office import office

    info = office(db)
    left = " ".join(x for x in (info.get("name"), f"({info['code']})" if info.get("code") else None) if x)
    return left, f"{document}  {w('printed_on')} {today_text()}"


def audit_print(db, table: str | None, record_ids: list[str | None], detail: dict, *, actor: str | None = None,
                action: str = "print") -> None:
    """Record in the audit log who printed what, one entry per record, in one transaction."""
    from ..core.db import write_transaction
    from ..core.records import audit

    with write_transaction(db):
        for record_id in record_ids:
            audit(db, action, table, record_id, detail, actor)


def today_text() -> str:
    """Today's date as printed in headers."""
    return datetime.date.today().isoformat()


def page_count(data: bytes) -> int:
    """Pages of a PDF we made (page objects are never compressed by ReportLab)."""
    import re

    return len(re.findall(rb"/Type /Page[^s]", data))
