"""What every command shares: ``--db``, ``--json``, error reporting, output helpers."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from ..core.errors import UserError, ValidationError


def db_option(func):
    """Add ``--db PATH`` to a command (it overrides the group's ``--db``)."""
    return click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
                        help="Database file (default: the user data folder).")(func)


def json_option(func):
    """Add ``--json`` (one JSON document on stdout)."""
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")(func)


def resolve_db_path(db_path: str | None) -> Path:
    """The command's ``--db``, else the group's, else the default database."""
    from ..core.paths import default_db_path

    ctx = click.get_current_context()
    chosen = db_path or (ctx.find_root().obj or {}).get("db")
    return Path(chosen) if chosen else default_db_path()


def open_db(db_path: str | None):
    """Open the chosen database (migrated); closed when the command ends, checkpointing the WAL."""
    from ..core.db import connect

    db = connect(resolve_db_path(db_path))
    click.get_current_context().call_on_close(db.close)
    return db


def reports_errors(func):
    """Turn a UserError, or a file that cannot be read or written, into a clear message on stderr and exit code 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ValidationError as exc:
            for error in exc.errors:
                click.echo(f"错误 / error: {error}", err=True)
            sys.exit(2)
        except UserError as exc:
            click.echo(f"错误 / error: {exc}", err=True)
            sys.exit(2)
        except OSError as exc:
            if exc.filename is None:  # not about a file the user named: a bug, keep the traceback
                raise
            click.echo("错误 / error: " + words(f"无法读写“{exc.filename}”：{exc.strerror}",
                                               f"cannot read or write “{exc.filename}”: {exc.strerror}"), err=True)
            sys.exit(2)

    return wrapper


def parse_dates(*options: tuple[str, str | None]):
    """``(option, text)`` pairs as dates (None when not given), checked as forms check dates.

    Any spelling a form accepts (2026-03-05, 2026/3/5, 2026年3月5日) is understood; anything else
    is refused with the form's message, so no command silently filters on a misspelt date.
    """
    from ..core.validation import Checker

    checker = Checker(dict(options))
    days = [checker.date(option) for option, _ in options]
    checker.raise_if_any()
    return days


def emit_json(data) -> None:
    """Print one JSON document (UTF-8, Chinese kept readable)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def emit_table(rows: list[dict], columns: list[tuple[str, str]]) -> None:
    """Print rows as aligned text columns: (key, header) pairs."""
    if not rows:
        click.echo("（无）" if _zh() else "(none)")
        return
    cells = [[h for _, h in columns]] + [["" if r.get(k) is None else str(r.get(k)) for k, _ in columns] for r in rows]
    widths = [max(_width(row[i]) for row in cells) for i in range(len(columns))]
    for row in cells:
        click.echo("  ".join(c + " " * (w - _width(c)) for c, w in zip(row, widths)).rstrip())


def _width(text: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _zh() -> bool:
    from ..core.i18n import get_language

    return get_language() == "zh"


def words(zh: str, en: str) -> str:
    """A label in the current language."""
    return zh if _zh() else en
