"""Entry point of the installed app: the same ``ningbo-sw`` command as the wheel's, so one executable does both.

With no command it opens the window; with a command it is the CLI. A desktop double-click
on a ``.nbsync`` file runs ``ningbo-sw FILE.nbsync``: that is turned into ``gui`` with the
file handed on (``gui --open FILE`` once the CLI offers it, else the window opens on its
Sync page) instead of click's "No such command".
"""

from __future__ import annotations

import os
import sys


def bundle_file(args: list[str]) -> str | None:
    """The ``.nbsync`` file when it is the only argument besides options such as ``--db``."""
    positional = [a for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] not in
                                                                              ("--db", "--lang"))]
    if len(positional) == 1 and positional[0].lower().endswith(".nbsync"):
        return positional[0]
    return None


def open_bundle_args(args: list[str], path: str) -> list[str]:
    """Rewrite ``[options] FILE`` to ``[options] gui ...`` for whichever way the GUI can take the file."""
    from ningbo_sw_desktop.cli import main

    options = [a for a in args if a != path]
    gui = main.commands.get("gui")
    if gui is not None and any(p.name == "open_file" for p in gui.params):
        return [*options, "gui", "--open", path]
    os.environ["NINGBO_SW_OPEN_FILE"] = os.path.abspath(path)
    try:
        from ningbo_sw_desktop.ui.prefs import Prefs

        Prefs().last_page = "sync"
    except Exception:  # noqa: BLE001 - the window still opens, on its usual page
        pass
    return [*options, "gui"]


def run() -> None:
    """Start the CLI (or the window) with the program name users type."""
    from ningbo_sw_desktop.cli import main

    args = sys.argv[1:]
    path = bundle_file(args)
    if path is not None:
        args = open_bundle_args(args, path)
    main(args=args, prog_name="ningbo-sw")


if __name__ == "__main__":
    run()
