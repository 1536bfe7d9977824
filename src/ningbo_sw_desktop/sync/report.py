"""What an import did, as plain data for the CLI, the GUI page and the tests."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace

from ..core.changes import Changes
from ..core.i18n import Text

LIST_LIMIT = 500  # longer lists are cut in ``as_dict`` (the counts stay exact)


@dataclass
class Quarantined:
    """A record kept aside, not applied: its stamp is too far ahead, or a value is refused."""

    table: str
    record_id: str
    reason: str          # "future_stamp" | "invalid"
    message: str
    fields: list[str] = field(default_factory=list)


@dataclass
class Waiting:
    """A record whose parent (e.g. a visit's case) has not arrived yet; it is kept and shown."""

    table: str
    record_id: str
    field: str
    parent_table: str
    parent_id: str


@dataclass
class ImportReport:
    """Counts per table and the records that need someone's attention."""

    bundle_id: str
    sequence: int
    origin: dict
    dry_run: bool = False
    already_imported: bool = False
    trusted_now: bool = False
    new: dict = field(default_factory=dict)
    updated: dict = field(default_factory=dict)
    unchanged: dict = field(default_factory=dict)
    conflicts: list = field(default_factory=list)       # (table, record_id, field) of versions kept now
    quarantined: list = field(default_factory=list)
    waiting: list = field(default_factory=list)
    missing_sequences: list = field(default_factory=list)
    possible_duplicates: list = field(default_factory=list)  # (new client id, client here): same resident ID number
    acknowledged: int | None = None
    seconds: float = 0.0
    changes: Changes = field(default_factory=Changes)

    def count(self, kind: str, table: str, n: int = 1) -> None:
        """Add to one of the new/updated/unchanged counters."""
        counter = getattr(self, kind)
        counter[table] = counter.get(table, 0) + n

    @property
    def totals(self) -> dict:
        """The headline numbers."""
        return {"new": sum(self.new.values()), "updated": sum(self.updated.values()),
                "unchanged": sum(self.unchanged.values()), "conflicts": len(self.conflicts),
                "quarantined": len(self.quarantined), "waiting": len(self.waiting)}

    def summary(self) -> Text:
        """One sentence for a status bar or the CLI's last line."""
        t = self.totals
        if self.already_imported:
            return Text("该同步包已导入过，无需再次导入，数据库未改动。", "This bundle was already imported; nothing changed.")
        prefix_zh, prefix_en = ("（试运行，未保存）", " (dry run, nothing saved)") if self.dry_run else ("", "")
        return Text(f"新增 {t['new']}，更新 {t['updated']}，未变 {t['unchanged']}，冲突 {t['conflicts']}，"
                    f"隔离 {t['quarantined']}，待上级记录 {t['waiting']}{prefix_zh}",
                    f"new {t['new']}, updated {t['updated']}, unchanged {t['unchanged']}, conflicts {t['conflicts']}, "
                    f"quarantined {t['quarantined']}, waiting {t['waiting']}{prefix_en}")

    def as_dict(self) -> dict:
        out = asdict(replace(self, changes=Changes()))
        del out["changes"]
        out["totals"] = self.totals
        out["summary"] = {"zh": self.summary().zh, "en": self.summary().en}
        for key in ("conflicts", "quarantined", "waiting"):
            out[key] = out[key][:LIST_LIMIT]
        out["tables"] = sorted(self.changes.tables)
        return out
