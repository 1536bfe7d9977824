"""``ningbo-sw``: every operation of the app, headless, on the same core functions as the GUI.

Errors a user can fix are printed to stderr in the user's language with exit code 2, and
nothing is written. Listing commands take ``--json`` and print one JSON document.
"""

from __future__ import annotations

import importlib

import click

from ..core import i18n
from .common import errors_shown

# Command groups, one module each; a module registers its commands on ``main``.
COMMAND_MODULES = ["records", "system", "printing", "clubs", "sync", "selftest"]


def bundle_file(args: list[str]) -> str | None:
    """The ``.nbsync`` file when it is the only argument besides options such as ``--db``."""
    positional = [a for i, a in enumerate(args)
                  if not a.startswith("-") and (i == 0 or args[i - 1] not in ("--db", "--lang"))]
    if len(positional) == 1 and positional[0].lower().endswith(".nbsync"):
        return positional[0]
    return None


class AppGroup(click.Group):
    """The top-level group; ``ningbo-sw FILE.nbsync`` (a double-click on a bundle) opens it in the window."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        path = bundle_file(args)
        if path is not None:
            args = [a for a in args if a != path] + ["gui", "--open", path]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context):
        """Every command runs under the same error reporting, also one that forgot ``@reports_errors``."""
        with errors_shown():
            return super().invoke(ctx)


@click.group(cls=AppGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
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
        ctx.invoke(main.commands["gui"], db_path=db)


for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}")

__all__ = ["bundle_file", "main"]
