"""What every screen is given instead of reaching into a main window: database, ops, prefs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .ops import Ops
from .prefs import Prefs
from .translations import Translations


@dataclass
class AppContext:
    """The GUI thread's connection (short reads only), the op runner and the user's choices."""

    db: object
    ops: Ops
    prefs: Prefs
    db_path: Path
    drafts_folder: Path
    translations: Translations | None = None
