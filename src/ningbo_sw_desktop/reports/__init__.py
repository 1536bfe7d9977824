"""Printed documents (ReportLab, A4, Chinese by default): the GUI and the CLI call these.

Each ``build_*`` returns the PDF as bytes, writes it to ``out`` when given, and records the
printing in the audit log. This package never imports PySide6.
"""

from __future__ import annotations

import importlib

# name -> the module that defines it. Loaded on first use (PEP 562): ReportLab takes a
# quarter of a second to import, and the window should not wait for it before anyone prints.
_EXPORTS = {
    "Cancelled": "case_summary", "build_case_batch": "case_summary", "build_case_summary": "case_summary",
    "FontChoice": "fonts", "choose_font": "fonts", "write_pdf": "layout", "match_row_key": "queries",
    "row_key": "queries", "build_roster": "rosters", "build_signin_sheet": "rosters",
    "build_statistics": "statistics", "mask_id_number": "words",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
