"""``ningbo-sw backup``: make, list and restore from the shell, with refusals that change nothing."""

from __future__ import annotations

import json

from ningbo_sw_desktop.core.db import connect


def visits(db_path) -> int:
    db = connect(db_path)
    try:
        return db.execute("SELECT COUNT(*) FROM visits").fetchone()[0]
    finally:
        db.close()


def test_make_list_and_restore_a_backup(cli, db_path):
    cli("demo")
    made = json.loads(cli("backup", "make", "--json").output)
    assert made["reason"] == "manual" and made["size"] > 0
    before = visits(db_path)
    case = json.loads(cli("case", "list", "--json").output)[0]["case_no"]
    cli("visit", "add", "--case", case, "--kind", "phone", "--at", "2026-11-28T10:00", "--notes", "电话回访")
    assert visits(db_path) == before + 1

    refused = cli("backup", "restore", made["path"], ok=False)
    assert refused.exit_code == 2 and "--yes" in refused.stderr and visits(db_path) == before + 1

    restored = json.loads(cli("backup", "restore", made["path"], "--yes", "--json").output)
    assert visits(db_path) == before and restored["saved_as"]["reason"] == "before-restore"
    listing = json.loads(cli("backup", "list", "--json").output)
    assert [b["reason"] for b in listing] == ["before-restore", "manual"]
    table = cli("backup", "list").output
    assert "手动" in table and "恢复前" in table


def test_restoring_something_that_is_not_a_backup_says_so(cli, db_path, tmp_path):
    junk = tmp_path / "photo.db"
    junk.write_bytes(b"\xff\xd8\xff not a database")
    result = cli("backup", "restore", str(junk), "--yes", ok=False)
    assert result.exit_code == 2 and "不是本软件的数据库或备份" in result.stderr
    assert json.loads(cli("backup", "list", "--json").output) == []
