"""Commands about the installation itself: integrity check, backups and the window."""

from __future__ import annotations

from pathlib import Path

import click

from . import main
from .common import (
    db_option,
    emit_json,
    emit_table,
    json_option,
    new_database,
    open_db,
    reports_errors,
    resolve_db_path,
    words,
)


@main.command()
@json_option
@db_option
@reports_errors
def check(as_json, db_path):
    """Check the database's integrity and schema version; exit 1 when anything is wrong.

    Example: ningbo-sw check
    """
    from ..core.maintenance import check_database

    result = check_database(open_db(db_path))
    if as_json:
        emit_json(result)
    else:
        click.echo(f"{words('结构版本', 'Schema version')}: {result['schema_version']}")
        for problem in result["problems"]:
            click.echo(f"{words('问题', 'Problem')}: {problem}")
        click.echo(words("数据库完好", "Database is sound") if result["ok"] else words("发现问题", "Problems found"))
    if not result["ok"]:
        raise SystemExit(1)


@main.command()
@click.option("--open", "open_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="A sync bundle (.nbsync) to import on the Sync page.")
@db_option
def gui(db_path, open_file=None):
    """Open the window. Example: ningbo-sw gui --db office.db --open E:/HS-NM-0003-to-督导.nbsync"""
    from ..ui.app import run

    raise SystemExit(run(resolve_db_path(db_path), open_file=open_file))


@main.group()
def backup():
    """Backups of the database (kept in backups/ beside it): make, list, restore."""


@backup.command("make")
@json_option
@db_option
@reports_errors
def backup_make(as_json, db_path):
    """Back the database up now (a consistent copy, even while the window is open).

    Example: ningbo-sw backup make
    """
    from ..core.backup import make_backup

    made = make_backup(open_db(db_path), resolve_db_path(db_path), "manual")
    if as_json:
        emit_json(made.as_dict())
    else:
        click.echo(f"{words('已备份到', 'Backed up to')} {made.path} ({made.size // 1024} KiB)")


@backup.command("list")
@json_option
@db_option
@reports_errors
def backup_list(as_json, db_path):
    """List the database's backups, newest first. Example: ningbo-sw backup list"""
    from ..core.backup import list_backups

    found = [b.as_dict() for b in list_backups(resolve_db_path(db_path))]
    if as_json:
        emit_json(found)
        return
    reasons = {"auto": words("自动", "automatic"), "manual": words("手动", "manual"),
               "before-restore": words("恢复前", "before a restore")}
    for item in found:
        item["kind"] = reasons.get(item["reason"], words("升级前", "before an upgrade"))
        item["name"] = Path(item["path"]).name
        item["kib"] = item["size"] // 1024
    emit_table(found, [("made_at", words("时间", "Made")), ("kind", words("类型", "Kind")), ("kib", "KiB"),
                       ("name", words("文件", "File"))])


@backup.command("restore")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--yes", is_flag=True, help="Confirm: replace the current data with the backup's.")
@json_option
@db_option
@reports_errors
def backup_restore(file, yes, as_json, db_path):
    """Replace the current data with a backup's; the current data is backed up first, so this can be undone.

    On a new PC with no database yet, the backup becomes the database (its folder must exist).

    Example: ningbo-sw backup restore backups/ningbo-sw-auto-20261128-083000.db --yes
    """
    from ..core.backup import restore_backup
    from ..core.errors import UserError
    from ..core.i18n import Text

    if not yes:
        raise UserError(Text("恢复会用备份替换当前的全部数据（当前数据会先另存为一个备份）。确认请加上 --yes。",
                             "A restore replaces all current data with the backup's (the current data is first "
                             "saved as a backup). Add --yes to confirm."))
    target = resolve_db_path(db_path)
    fresh = not target.exists()
    with new_database(db_path) as db:  # setting a PC up from a backup makes its database
        changes = restore_backup(db, target, file)
    if fresh:  # said aloud, so a mistyped --db does not pass for a restored office
        click.echo(words(f"注意：“{target}”处原来没有数据库，已用备份新建", f"Note: there was no database at “{target}”;"
                         " the backup made a new one"), err=True)
    saved = changes.value
    if as_json:
        emit_json({"restored_from": str(file), "saved_as": saved.as_dict()})
    else:
        click.echo(f"{words('已从备份恢复', 'Restored from')} {file}")
        click.echo(f"{words('恢复前的数据已另存为', 'The data as it was is saved as')} {saved.path}")
