"""Storage: migrations from an empty file, backups before migrating, newer databases refused."""

from __future__ import annotations

import sqlite3

import pytest

from ningbo_sw_desktop.core import migrations
from ningbo_sw_desktop.core.backup import list_backups
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.errors import SchemaTooNew
from ningbo_sw_desktop.core.schema import SYNC_COLUMNS, TABLES


def test_an_empty_file_is_migrated_to_the_current_schema(tmp_path):
    path = tmp_path / "new.db"
    db = connect(path)
    assert migrations.schema_version(db) == len(migrations.known_steps())
    assert db.execute("PRAGMA user_version").fetchone()[0] == len(migrations.known_steps())
    for table, fields in TABLES.items():
        columns = {c.name for c in db[table].columns}
        assert set(SYNC_COLUMNS) | set(fields) <= columns
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert len(db.execute("SELECT value FROM meta WHERE key='device_id'").fetchone()[0]) == 16


def test_reopening_applies_nothing_and_keeps_the_device_id(tmp_path):
    path = tmp_path / "office.db"
    first = connect(path)
    device = first.execute("SELECT value FROM meta WHERE key='device_id'").fetchone()[0]
    first.close()
    again = connect(path)
    assert migrations.migrate(again, path) == []
    assert again.execute("SELECT value FROM meta WHERE key='device_id'").fetchone()[0] == device


def test_a_backup_is_taken_before_a_pending_step_runs(tmp_path):
    path = tmp_path / "office.db"
    db = connect(path, migrate=False)
    migrations.migrations.apply(db, stop_before=migrations.known_steps()[-1])
    db.execute("INSERT INTO meta(key, value) VALUES ('office_name', '南门街道社工站')")
    db.close()
    db = connect(path)
    backups = list((tmp_path / "backups").glob("office-before-*.db"))
    assert len(backups) == 1 and oct(backups[0].stat().st_mode & 0o777) == "0o600"  # as every backup: owner only
    assert [b.reason for b in list_backups(path)] == [f"before-{migrations.known_steps()[-1]}"]
    old = sqlite3.connect(backups[0])
    assert old.execute("SELECT value FROM meta WHERE key='office_name'").fetchone()[0] == "南门街道社工站"
    assert migrations.schema_version(db) == len(migrations.known_steps())


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "office.db"
    db = connect(path)
    db["_sqlite_migrations"].insert({"migration_set": "ningbo_sw", "name": "9999_from_the_future", "applied_at": "2030"})
    db.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew) as err:
        connect(path)
    assert "更新版本" in str(err.value)
    assert path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path):
    from ningbo_sw_desktop.core.errors import UserError

    path = tmp_path / "notes.db"
    path.write_bytes(b"these are not the clients you are looking for" * 20)
    before = path.read_bytes()
    with pytest.raises(UserError) as err:
        connect(path)
    assert "不是本软件的数据库文件" in str(err.value)
    assert path.read_bytes() == before
