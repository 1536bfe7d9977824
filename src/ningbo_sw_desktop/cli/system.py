"""Commands about the installation itself: integrity check and the window."""

from __future__ import annotations

import click

from . import main
from .common import db_option, emit_json, json_option, open_db, reports_errors, resolve_db_path, words


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
