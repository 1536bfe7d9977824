"""``python -m ningbo_sw_desktop``: the same as the ``ningbo-sw`` command."""

from ningbo_sw_desktop.cli import main

main()
