"""What every command shares: ``--db``, ``--json``, error reporting, output helpers."""

from __future__ import annotations

import contextlib
import functools
import json
import sqlite3
import sys
from pathlib import Path

import click

from ..core.errors import FieldError, UserError, ValidationError
from ..core.i18n import Text

# How every command names an activity (what ``clubs.get_activity`` accepts), said one way everywhere.
ACTIVITY_HELP = "Activity id, or its last 6 or more characters if no other id ends with them (see `activity list`)."


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


def open_db(db_path: str | None, *, create: bool = False):
    """Open the chosen database (migrated); closed when the command ends, checkpointing the WAL.

    Only the commands that make a database (``create``: init, demo, a backup restored on a new
    PC) may name a file that is not there yet, and only in a folder that exists: a mistyped
    ``--db`` is refused rather than quietly becoming a new, empty office.
    """
    from ..core.db import connect

    path = resolve_db_path(db_path)
    ctx = click.get_current_context()
    ctx.find_root().ensure_object(dict)["opened"] = path  # what the messages of database errors name
    if not path.exists():
        if not create:
            raise UserError(Text(f"“{path}”处没有数据库（请先运行 `ningbo-sw init`，或检查 --db）",
                                 f"no database at “{path}” (run `ningbo-sw init` first, or check --db)"))
        if not path.parent.is_dir():
            raise UserError(Text(f"文件夹“{path.parent}”不存在，没有创建数据库：请检查 --db，或先建好该文件夹",
                                 f"the folder “{path.parent}” does not exist, so no database was made: check --db,"
                                 " or create the folder first"))
    db = connect(path)
    ctx.call_on_close(db.close)
    return db


@contextlib.contextmanager
def new_database(db_path: str | None):
    """``open_db`` for a command that may create the file; a file it created goes again if the command fails.

    So a refused ``init`` (a mistyped office code) leaves nothing behind, as every refused command.
    """
    path = resolve_db_path(db_path)
    existed = path.exists()
    db = open_db(db_path, create=True)
    try:
        yield db
    except BaseException:
        if not existed:
            db.close()
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def errors_shown():
    """Show what the user can act on (a UserError, a database the app cannot use, a file that cannot be
    read or written) as a message on stderr with exit code 2, never as a traceback."""
    try:
        yield
    except ValidationError as exc:
        for error in exc.errors:
            click.echo(f"错误 / error: {error}", err=True)
        sys.exit(2)
    except UserError as exc:
        click.echo(f"错误 / error: {exc}", err=True)
        sys.exit(2)
    except sqlite3.DatabaseError as exc:
        text = database_trouble(exc)
        if text is None:  # a mistake in our own SQL, not the user's file: a bug, keep the traceback
            raise
        click.echo(f"错误 / error: {text}", err=True)
        sys.exit(2)
    except OSError as exc:
        if exc.filename is None:  # not about a file the user named: a bug, keep the traceback
            raise
        click.echo("错误 / error: " + words(f"无法读写“{exc.filename}”：{exc.strerror}",
                                           f"cannot read or write “{exc.filename}”: {exc.strerror}"), err=True)
        sys.exit(2)


def reports_errors(func):
    """Run a command under ``errors_shown`` (the top-level group does too, so nothing escapes)."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with errors_shown():
            return func(*args, **kwargs)

    return wrapper


# SQLite's result codes that are about the database file or another program rather than our SQL.
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_READ_ONLY = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def database_trouble(exc: sqlite3.DatabaseError) -> Text | None:
    """What the user should know about a database error, or None when it is an error of the program itself."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code of an extended one
    ctx = click.get_current_context(silent=True)
    path = ((ctx.find_root().obj or {}).get("opened") or "") if ctx else ""
    if code in _BUSY:
        return Text("数据库正忙：另一个程序（可能是本软件的窗口）正在写入，请稍后重试",
                    "the database is busy: another program (the window?) is writing; try again")
    if code in _READ_ONLY:
        return Text(f"无法写入数据库文件“{path}”（只读）：请检查该文件的权限",
                    f"cannot write to the database file “{path}” (read-only): check the file's permissions")
    if code == sqlite3.SQLITE_CANTOPEN:
        return Text(f"无法打开数据库文件“{path}”：请检查路径和所在文件夹的权限",
                    f"cannot open the database file “{path}”: check the path and its folder's permissions")
    if code == sqlite3.SQLITE_FULL:
        return Text(f"磁盘已满，没有写入“{path}”：请腾出空间后重试",
                    f"the disk is full, so “{path}” was not written: make room and try again")
    if code == sqlite3.SQLITE_IOERR:
        return Text(f"读写数据库文件“{path}”时磁盘出错（{exc}）：请检查硬盘或 U 盘",
                    f"a disk error while reading or writing “{path}” ({exc}): check the disk or USB stick")
    if code in _DAMAGED:
        return Text(f"数据库文件“{path}”已损坏或不是本软件的数据库：请运行 `ningbo-sw check`，或从备份恢复",
                    f"the database file “{path}” is damaged or not a database of this app: run `ningbo-sw check`,"
                    " or restore a backup")
    return None


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


PERIOD_YEARS = (1900, 2100)  # a period outside these is a typo (and 9999-12-31 has no next day to count to)


def parse_period(date_from: str | None, date_to: str | None, *, required: bool = False):
    """``--from`` and ``--to`` as dates (``required``: both must be given, not blank); a start after the
    end, or a day outside ``PERIOD_YEARS``, is refused rather than read as an empty or endless period."""
    start, end = parse_dates(("--from", date_from), ("--to", date_to))
    errors = [FieldError(option, Text("必填，请填写日期", "is required; give a date"))
              for option, day in (("--from", start), ("--to", end)) if required and day is None]
    low, high = PERIOD_YEARS
    errors += [FieldError(option, Text(f"日期 {day} 超出 {low}–{high} 年，请核对", f"the date {day} is outside {low}–{high}"))
               for option, day in (("--from", start), ("--to", end)) if day and not low <= day.year <= high]
    if errors:
        raise ValidationError(errors)
    if start and end and start > end:
        raise ValidationError([FieldError("--from", Text(f"开始日期 {start} 晚于结束日期 {end}",
                                                         f"the start date {start} is after the end date {end}"))])
    return start, end


def parse_enum(kind: str, value: str | None):
    """A filter's value from a closed list, typed as code, Chinese or English word as everywhere; None when not given."""
    from ..core.enums import EnumError, parse

    if value is None:
        return None
    try:
        return parse(kind, value)
    except EnumError as exc:
        raise ValidationError([exc.error]) from exc


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
