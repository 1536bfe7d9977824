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

    def __post_init__(self) -> None:
        self.ops.actor = self.current_worker_name

    def current_worker_name(self) -> str | None:
        """The worker chosen in Settings (named in the audit log for every write made here)."""
        worker_id = self.prefs.worker_id
        if not worker_id:
            return None
        row = self.db.execute("SELECT name FROM workers WHERE id = ?", [worker_id]).fetchone()
        return row[0] if row else None
