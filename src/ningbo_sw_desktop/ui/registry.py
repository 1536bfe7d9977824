"""Pluggable pages and hooks, so later features drop in without editing the window's layout.

A feature module (``ui/clubs_page.py``, ``ui/sync_page.py``, ``ui/printing.py``, ...) calls
``register_page("clubs", ClubsPage)`` or ``register_case_printer(fn)`` when imported;
``load_extensions()`` imports whichever of them exist. A page class takes
``(ctx: AppContext, parent)`` and has a static ``title()``; it may offer ``refresh()``,
``focus_search()``, ``selected_case_id()`` and a ``case_activated(str)`` signal.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
from collections.abc import Callable

log = logging.getLogger(__name__)

PAGES: dict[str, type] = {}
EXTENSION_MODULES = ("clubs_page", "sync_page", "reports_page", "printing")
_case_printer: list[Callable] = []


def register_page(name: str, page_class: type) -> None:
    """Show ``page_class`` under ``name`` (replacing a placeholder keeps its place in the list)."""
    PAGES[name] = page_class


def register_case_printer(fn: Callable | None) -> None:
    """``fn(ctx, case_id, parent_widget)`` prints a case summary; enables Print and Ctrl+P (None: off)."""
    _case_printer[:] = [fn] if fn is not None else []


def case_printer() -> Callable | None:
    """The registered case printer, or None while printing is not available."""
    return _case_printer[0] if _case_printer else None


def load_extensions() -> None:
    """Import the optional feature modules that exist; a broken one is logged, not fatal."""
    for name in EXTENSION_MODULES:
        module = f"{__package__}.{name}"
        try:
            if importlib.util.find_spec(module) is not None:
                importlib.import_module(module)
        except Exception:  # noqa: BLE001 - the app must still open without the feature
            log.exception("could not load %s", module)
