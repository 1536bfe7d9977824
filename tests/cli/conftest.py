"""The CLI tests' way in: run a command on the test database like a user at a shell."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ningbo_sw_desktop.cli import main


@pytest.fixture
def cli(db_path):
    """``cli(*args, ok=True)`` invokes ``ningbo-sw --db DB ARGS``; with ok, exit 0 is asserted."""
    runner = CliRunner()

    def invoke(*args, ok=True):
        result = runner.invoke(main, ["--db", str(db_path), *args], catch_exceptions=False)
        if ok:
            assert result.exit_code == 0, result.output + result.stderr
        return result

    invoke("init", "--office-code", "HS-NM", "--office-name", "南门街道社工站")
    return invoke
