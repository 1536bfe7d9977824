"""Backups: made consistently, rotated, and restored into the open database with nothing lost on the way."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3

import pytest

from ningbo_sw_desktop.core import backup
from ningbo_sw_desktop.core.backup import auto_backup, list_backups, make_backup, restore_backup
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import load_demo
from ningbo_sw_desktop.core.errors import UserError
from ningbo_sw_desktop.core.migrations import known_steps, migrations, schema_version
from ningbo_sw_desktop.core.visits import log_visit

NOON = dt.datetime(2026, 11, 29, 12, 0, 0)


def count(db, table="visits") -> int:
    return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]


def test_a_backup_is_a_sound_self_contained_copy_listed_newest_first(office_db, db_path):
    load_demo(office_db, persons=30)
    first = make_backup(office_db, db_path, now=NOON)
    second = make_backup(office_db, db_path, now=NOON)  # same second: a second file, not an overwrite
    assert first.path != second.path and [b.path for b in list_backups(db_path)][:2] == [second.path, first.path]
    copy = sqlite3.connect(first.path)
    assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert copy.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert copy.execute("SELECT COUNT(*) FROM visits").fetchone()[0] == count(office_db) > 0
    assert not list(first.path.parent.glob("*.part"))
    if os.name == "posix":  # personal data, unencrypted: readable by this computer's user only
        assert first.path.stat().st_mode & 0o777 == 0o600


def test_automatic_backups_come_once_a_day_and_only_the_newest_are_kept(office_db, db_path):
    empty_db_path = db_path.with_name("empty.db")
    empty = connect(empty_db_path)
    assert auto_backup(empty, empty_db_path, now=NOON) is None  # nothing to keep yet
    empty.close()
    load_demo(office_db, persons=10)
    manual = make_backup(office_db, db_path, now=NOON - dt.timedelta(days=60))
    assert auto_backup(office_db, db_path, now=NOON) is not None
    assert auto_backup(office_db, db_path, now=NOON + dt.timedelta(hours=3)) is None  # one a day
    for day in range(1, backup.AUTO_KEEP + 3):
        assert auto_backup(office_db, db_path, now=NOON + dt.timedelta(days=day)) is not None
    autos = [b for b in list_backups(db_path) if b.reason == "auto"]
    assert len(autos) == backup.AUTO_KEEP and autos[0].made_at == NOON + dt.timedelta(days=backup.AUTO_KEEP + 2)
    assert manual.path.exists()  # only automatic backups are ever deleted


def test_a_restore_brings_back_the_old_data_and_keeps_the_newer_as_a_backup(office_db, db_path):
    load_demo(office_db, persons=20)
    saved = make_backup(office_db, db_path, now=NOON)
    before = count(office_db)
    case_id = office_db.execute("SELECT id FROM cases LIMIT 1").fetchone()[0]
    visit = log_visit(office_db, {"case_id": case_id, "kind": "phone", "at": "2026-11-28T10:00", "notes": "电话回访"}).value
    office_db.execute("INSERT INTO sync_sent (recipient_fp, sequence, bundle_id, lstamp_max, created_at) VALUES"
                      " ('f' , 7, 'b7', '9', '2026-11-29')")
    clock = office_db.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()[0]
    reader = connect(db_path)  # another connection of the running app (a page's reader)

    changes = restore_backup(office_db, db_path, saved.path, now=NOON + dt.timedelta(minutes=5))

    assert count(office_db) == before and count(reader) == before  # every connection sees the old data
    assert "visits" in changes.tables and changes.value.reason == "before-restore"
    kept = sqlite3.connect(changes.value.path)
    assert kept.execute("SELECT COUNT(*) FROM visits WHERE id = ?", [visit]).fetchone()[0] == 1  # undo is possible
    # this device's sync state never goes back: no sequence number twice, no clock going backwards
    assert office_db.execute("SELECT sequence FROM sync_sent WHERE bundle_id = 'b7'").fetchone() == (7,)
    assert office_db.execute("SELECT value FROM meta WHERE key = 'hlc_last'").fetchone()[0] >= clock
    assert office_db.execute("SELECT action FROM audit ORDER BY seq DESC LIMIT 1").fetchone()[0] == "restore_backup"
    assert office_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    reader.close()


def test_a_backup_from_an_older_version_is_brought_up_to_date(tmp_path, db_path, office_db):
    old_path = tmp_path / "old.db"
    old = connect(old_path, migrate=False)
    migrations.apply(old, stop_before=known_steps()[-1])
    old.execute("INSERT INTO meta(key, value) VALUES ('office_name', '旧版本')")
    old.close()
    restore_backup(office_db, db_path, old_path)
    assert schema_version(office_db) == len(known_steps())
    assert office_db.execute("SELECT value FROM meta WHERE key = 'office_name'").fetchone()[0] == "旧版本"


@pytest.mark.parametrize("kind", ["missing", "random bytes", "other sqlite", "newer version"])
def test_a_file_that_is_not_a_usable_backup_is_refused_and_nothing_changes(kind, office_db, db_path, tmp_path):
    load_demo(office_db, persons=10)
    path = tmp_path / f"{kind}.db"
    if kind == "random bytes":
        path.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    elif kind == "other sqlite":
        other = sqlite3.connect(path)
        other.execute("CREATE TABLE notes (x)")
        other.commit()
        other.close()
    elif kind == "newer version":
        newer = make_backup(office_db, db_path, now=NOON).path
        conn = sqlite3.connect(newer)
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES"
                     " ('ningbo_sw', '9999_from_the_future', '2030')")
        conn.commit()
        conn.close()
        path = newer
    before = (count(office_db), len(list_backups(db_path)))
    with pytest.raises(UserError) as refused:
        restore_backup(office_db, db_path, path)
    assert "未作任何改动" in str(refused.value)
    assert (count(office_db), len(list_backups(db_path))) == before


def test_a_backup_that_cannot_be_written_is_reported_and_leaves_nothing_behind(office_db, db_path, monkeypatch):
    from types import SimpleNamespace

    def disk_full(*_args, **_kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(backup, "sqlite3", SimpleNamespace(connect=disk_full, Error=sqlite3.Error))
    with pytest.raises(UserError) as refused:
        make_backup(office_db, db_path)
    assert "无法写入备份文件夹" in str(refused.value) and "disk is full" in str(refused.value)
    assert list(backup.backup_folder(db_path).iterdir()) == []


def test_a_backup_from_another_pc_of_this_office_brings_its_data_but_this_pc_stays_its_own_device(
        office_db, db_path, tmp_path):
    from ningbo_sw_desktop.core.office import init_office

    old_pc = connect(tmp_path / "old-pc.db")
    init_office(old_pc, "HS-NM", "南门街道社工站")
    load_demo(old_pc, persons=10)
    theirs = old_pc.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
    copy = make_backup(old_pc, tmp_path / "old-pc.db", now=NOON)
    old_pc.close()
    mine = office_db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0]
    assert mine != theirs
    restore_backup(office_db, db_path, copy.path)
    assert office_db.execute("SELECT value FROM meta WHERE key = 'device_id'").fetchone()[0] == mine
    assert count(office_db) > 0


def test_another_offices_database_is_refused_and_nothing_changes(office_db, db_path, tmp_path):
    """Restoring it would number this PC's new cases as that office's: the same case number twice in the city."""
    from ningbo_sw_desktop.core.office import init_office

    other = connect(tmp_path / "cc.db")
    init_office(other, "JB-CC", "慈城镇社工站")
    load_demo(other, persons=10)
    copy = make_backup(other, tmp_path / "cc.db", now=NOON)
    other.close()
    before = (count(office_db, "persons"), len(list_backups(db_path)))
    with pytest.raises(UserError) as refused:
        restore_backup(office_db, db_path, copy.path)
    assert "另一个办公点（JB-CC）" in str(refused.value) and "HS-NM" in refused.value.text.en
    assert (count(office_db, "persons"), len(list_backups(db_path))) == before
    assert office_db.execute("SELECT value FROM meta WHERE key = 'office_code'").fetchone()[0] == "HS-NM"


def test_a_pc_with_no_office_yet_may_be_set_up_from_any_offices_backup(tmp_path):
    from ningbo_sw_desktop.core.office import init_office

    old_pc = connect(tmp_path / "old-pc.db")
    init_office(old_pc, "JB-CC", "慈城镇社工站")
    load_demo(old_pc, persons=10)
    copy = make_backup(old_pc, tmp_path / "old-pc.db", now=NOON)
    old_pc.close()
    new_pc = connect(tmp_path / "new-pc.db")
    restore_backup(new_pc, tmp_path / "new-pc.db", copy.path)
    assert new_pc.execute("SELECT value FROM meta WHERE key = 'office_code'").fetchone()[0] == "JB-CC"
    assert count(new_pc, "persons") > 0
