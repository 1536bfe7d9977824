"""Pluggable pages and hooks, so later features drop in without editing the window's layout.

A feature module (``ui/clubs_page.py``, ``ui/sync_page.py``, ``ui/printing.py``, ...) calls
``register_page("clubs", ClubsPage)`` or ``register_case_printer(fn)`` when imported;
``load_extensions()`` imports whichever of them exist. A page whose module is slow to import
is registered as a stand-in instead (``LAZY_PAGES``) and imported the first time it is shown.
A page class takes
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
EXTENSION_MODULES = ("clubs_page", "reports_page", "printing")
# name -> (module, class): made on first use. The Sync page brings the whole sync package
# (cryptography, age, the importer): 0.07 s of a 0.5 s window start, for a page most days never see.
LAZY_PAGES = {"sync": ("sync_page", "SyncPage")}
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
    for name, (module, class_name) in LAZY_PAGES.items():
        if name not in PAGES and importlib.util.find_spec(f"{__package__}.{module}") is not None:
            register_page(name, lazy_page(name, module, class_name))


def lazy_page(name: str, module: str, class_name: str) -> type:
    """A stand-in for a page class: titled like the page's placeholder, importing the real one when made.

    Made with ``(ctx, parent)`` it returns the real page (or, if its module cannot be
    imported, the placeholder, as a broken eager module would leave it).
    """
    from .placeholders import PLACEHOLDERS

    fallback = PLACEHOLDERS[name]

    class LazyPage:
        title = staticmethod(fallback.title)

        def __new__(cls, ctx, parent=None):
            try:
                page_class = getattr(importlib.import_module(f"{__package__}.{module}"), class_name)
            except Exception:  # noqa: BLE001 - the window stays usable without the feature
                log.exception("could not load %s", module)
                page_class = fallback
            return page_class(ctx, parent)

    LazyPage.__name__ = LazyPage.__qualname__ = f"Lazy{class_name}"
    return LazyPage
