"""Entry point of the installed app: the same ``ningbo-sw`` command as the wheel's, so one executable does both.

With no command it opens the window; with a command it is the CLI. A desktop double-click
on a ``.nbsync`` file runs ``ningbo-sw FILE.nbsync``, which the CLI itself turns into
``gui --open FILE`` (the window opens on its Sync page and imports the bundle).
"""

from __future__ import annotations

import sys

from ningbo_sw_desktop.cli import bundle_file  # noqa: E402,F401  (kept importable for the tests)


def run() -> None:
    """Start the CLI (or the window) with the program name users type."""
    from ningbo_sw_desktop.cli import main

    main(args=sys.argv[1:], prog_name="ningbo-sw")


if __name__ == "__main__":
    run()
