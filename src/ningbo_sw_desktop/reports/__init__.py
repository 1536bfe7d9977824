"""Printed documents (ReportLab, A4, Chinese by default): the GUI and the CLI call these.

Each ``build_*`` returns the PDF as bytes, writes it to ``out`` when given, and records the
printing in the audit log. This package never imports PySide6.
"""

from __future__ import annotations

from .case_summary import Cancelled, build_case_batch, build_case_summary
from .fonts import FontChoice, choose_font
from .layout import write_pdf
from .queries import match_row_key, row_key
from .rosters import build_roster, build_signin_sheet
from .statistics import build_statistics
from .words import mask_id_number

__all__ = [
    "Cancelled", "FontChoice", "build_case_batch", "build_case_summary", "build_roster", "build_signin_sheet",
    "build_statistics", "choose_font", "mask_id_number", "match_row_key", "row_key", "write_pdf",
]
