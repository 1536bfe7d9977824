"""``ningbo-sw``: every operation of the app, headless, on the same core functions as the GUI.

Errors a user can fix are printed to stderr in the user's language with exit code 2, and
nothing is written. Listing commands take ``--json`` and print one JSON document.
"""

from __future__ import annotations

import importlib

import click

from ..core import i18n
from .common import pass_db_path

# Command groups, one module each; a module registers its commands on ``main``.
COMMAND_MODULES = ["records", "system", "printing", "clubs", "sync", "selftest"]


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", type=click.Path(dir_okay=False), default=None,
              help="Database file (default: the user data folder).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, envvar="NINGBO_SW_LANG",
              help="Language of messages (default zh).")
@click.version_option(package_name="ningbo-sw-desktop")
@click.pass_context
def main(ctx: click.Context, db: str | None, lang: str | None) -> None:
    """Ningbo Social Work Desktop. With no command, opens the window.

    Example: ningbo-sw --db office.db case list --search zs
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    if lang:
        i18n.set_language(lang)
    if ctx.invoked_subcommand is None:
        ctx.invoke(main.commands["gui"], db=db)


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")

__all__ = ["main", "pass_db_path"]
