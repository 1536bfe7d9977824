"""Backups: whole-database copies made with SQLite's online backup API, kept in ``backups/`` beside the file.

Made automatically (at most one a day, the newest ``AUTO_KEEP`` kept: a week; a supervisor's
city-wide file is over a gigabyte), when someone asks,
before a restore and before a schema migration; only automatic ones are ever deleted. A
copy is written under a temporary name, checked with ``quick_check`` and only then given
its name, so a half-made file never looks like a backup.

Restoring copies a backup *into* the open database (the backup API again), so every
connection of the running app sees the restored data at once. The data as it was is backed
up first, so a restore can itself be undone. This device's sync state is carried over:
bundles already sent keep their sequence numbers and the clock never goes back, so a
restore never makes a supervisor see a sequence number twice.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .changes import Changes
from .db import write_transaction
from .errors import UserError
from .i18n import Text
from .schema import TABLES

FOLDER = "backups"
AUTO_KEEP = 7  # automatic backups kept: a week of them
AUTO_EVERY = dt.timedelta(hours=20)  # an automatic backup is due when the newest is older than this
_NAME = re.compile(r"(?P<stem>.+)-(?P<reason>auto|manual|before-restore|before-[0-9a-z_]+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?\.db")


@dataclass(frozen=True)
class Backup:
    """One backup file and what its name says."""

    path: Path
    reason: str  # auto, manual, before-restore, before-<migration step>
    made_at: dt.datetime
    size: int

    def as_dict(self) -> dict:
        return {"path": str(self.path), "reason": self.reason, "made_at": self.made_at.isoformat(timespec="seconds"),
                "size": self.size}


def backup_folder(db_path: str | Path) -> Path:
    """Where a database's backups are kept."""
    return Path(db_path).parent / FOLDER


def list_backups(db_path: str | Path) -> list[Backup]:
    """This database's backups, newest first."""
    folder, stem = backup_folder(db_path), Path(db_path).stem
    found = []
    for path in folder.glob(f"{stem}-*.db") if folder.is_dir() else ():
        match = _NAME.fullmatch(path.name)
        if match and match["stem"] == stem:
            made = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            info = path.stat()  # within one second, the file written last is the newer
            found.append(((made, info.st_mtime_ns, int(match["n"] or 0)), Backup(path, match["reason"], made, info.st_size)))
    return [b for _, b in sorted(found, key=lambda f: f[0], reverse=True)]


def make_backup(db, db_path: str | Path, reason: str = "manual", *, now: dt.datetime | None = None) -> Backup:
    """Copy the database into its backup folder (consistent even while others write); rotate automatic ones."""
    folder = backup_folder(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    made = (now or dt.datetime.now()).replace(microsecond=0)
    base = f"{Path(db_path).stem}-{reason}-{made:%Y%m%d-%H%M%S}"
    target, n = folder / f"{base}.db", 1
    while target.exists():
        target, n = folder / f"{base}-{n}.db", n + 1
    partial = target.with_name(target.name + ".part")
    try:
        copy = sqlite3.connect(str(partial))
        try:
            db.conn.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file
            sound = copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            copy.close()
        if not sound:
            raise UserError(Text("备份副本校验未通过，未保存。请运行“检查数据库”。",
                                 "The backup copy failed its check and was not kept. Run the database check."))
        os.chmod(partial, 0o600)  # the clients' personal data, unencrypted: for this computer's user only
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as exc:  # a full disk, a read-only folder, a USB stick pulled out
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise UserError(Text(f"无法写入备份文件夹 {folder}：{reason}。请检查磁盘空间和权限。",
                             f"Cannot write to the backup folder {folder}: {reason}. "
                             "Check the disk space and permissions.")) from exc
    finally:
        partial.unlink(missing_ok=True)
    if reason == "auto":
        rotate(db_path)
    return Backup(target, reason, made, target.stat().st_size)


def rotate(db_path: str | Path, keep: int = AUTO_KEEP) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep``, and copies left half-made by a closed app
    (an hour old); every other kind stays. Returns what was deleted."""
    autos = [b for b in list_backups(db_path) if b.reason == "auto"]
    stale = dt.datetime.now().timestamp() - 3600
    gone = [b.path for b in autos[keep:]] + [p for p in backup_folder(db_path).glob("*.db.part")
                                             if p.stat().st_mtime < stale]
    for path in gone:
        path.unlink(missing_ok=True)
    return gone


def auto_backup(db, db_path: str | Path, *, now: dt.datetime | None = None) -> Backup | None:
    """Make the day's automatic backup if it is due and there is anything to keep; None otherwise."""
    now = now or dt.datetime.now()
    newest = next((b for b in list_backups(db_path) if b.reason == "auto"), None)
    if newest is not None and now - newest.made_at < AUTO_EVERY:
        return None
    if not any(db.execute(f"SELECT EXISTS (SELECT 1 FROM {t})").fetchone()[0] for t in TABLES):
        return None
    return make_backup(db, db_path, "auto", now=now)


def restore_backup(db, db_path: str | Path, backup_path: str | Path, *, now: dt.datetime | None = None) -> Changes:
    """Replace the open database's content with a backup's; the content as it was is backed up first.

    Refuses (nothing changed) a file that is not a sound backup of this app, one written by
    a newer version, or another office's database. Returns every table as changed, so each
    screen redraws.
    """
    from .migrations import migrate
    from .records import audit

    source = _open_backup(Path(backup_path))
    try:
        _check_same_office(db, source, Path(backup_path))
        before = make_backup(db, db_path, "before-restore", now=now)
        sync_state = _sync_state(db)
        source.backup(db.conn)
    finally:
        source.close()
    migrate(db)  # a backup from an older version is brought up to date (the copy above is its backup)
    with write_transaction(db):
        _carry_sync_state(db, sync_state)
        audit(db, "restore_backup", None, None, {"from": Path(backup_path).name, "saved_as": before.path.name})
    return Changes(updated={table: [] for table in TABLES}, value=before)


def _open_backup(path: Path) -> sqlite3.Connection:
    """The backup, opened read-only after checking that it is a sound database of this app's schema or older."""
    from .migrations import known_steps

    def refuse(zh: str, en: str) -> UserError:
        return UserError(Text(f"不能从“{path.name}”恢复：{zh}当前数据未作任何改动。",
                              f"Cannot restore from “{path.name}”: {en} Nothing was changed."))

    if not path.is_file():
        raise refuse("找不到该文件。", "the file is not there.")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise refuse("文件已损坏。", "the file is damaged.")
        steps = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'ningbo_sw'")]
    except sqlite3.DatabaseError:
        conn.close()
        raise refuse("它不是本软件的数据库或备份。", "it is not a database or backup of this app.") from None
    except UserError:
        conn.close()
        raise
    if not steps:
        conn.close()
        raise refuse("它不是本软件的数据库或备份。", "it is not a database or backup of this app.")
    if any(step not in known_steps() for step in steps):
        conn.close()
        raise refuse("它由更新版本的软件写入，请先安装最新版本。", "it was written by a newer version; install the latest first.")
    return conn


def _check_same_office(db, source: sqlite3.Connection, path: Path) -> None:
    """Refuse another office's database: restoring it would make this PC number its cases as that office.

    Two PCs stamping case numbers under one office code give the same case number twice
    across the city. A PC with no office yet (set up from a backup) may restore any office.
    """
    from .office import get_meta

    mine = get_meta(db, "office_code")
    row = source.execute("SELECT value FROM meta WHERE key = 'office_code'").fetchone()
    theirs = row[0] if row else None
    if mine and theirs and mine != theirs:
        raise UserError(Text(
            f"不能从“{path.name}”恢复：它是另一个办公点（{theirs}）的数据库，本机是办公点 {mine}。"
            "请选择本办公点的备份。当前数据未作任何改动。",
            f"Cannot restore from “{path.name}”: it is the database of another office ({theirs}); this PC is "
            f"office {mine}. Choose a backup of this office. Nothing was changed."))


def _sync_state(db) -> dict:
    """What a restore must not take back: which device this is, its clock, and the bundles it has sent.

    The device id names this installation's keys and ends every clock stamp it makes: a
    backup made on another PC (moving to a new one) must not make two PCs one device.
    """
    meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('device_id', 'hlc_last')").fetchall())
    return {**meta, "sync_sent": db.execute("SELECT * FROM sync_sent").fetchall()}


def _carry_sync_state(db, state: dict) -> None:
    """Put back this device's id, the later clock and the sent bundles' sequence numbers after a restore."""
    db.execute("UPDATE meta SET value = ? WHERE key = 'device_id'", [state["device_id"]])
    if state.get("hlc_last"):
        db.execute("INSERT INTO meta(key, value) VALUES ('hlc_last', ?) ON CONFLICT(key) DO UPDATE SET"
                   " value = max(value, excluded.value)", [state["hlc_last"]])
    if state["sync_sent"]:
        marks = ", ".join("?" * len(state["sync_sent"][0]))
        db.conn.executemany(f"INSERT OR IGNORE INTO sync_sent VALUES ({marks})", state["sync_sent"])
