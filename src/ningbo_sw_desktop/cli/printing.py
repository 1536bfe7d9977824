"""``ningbo-sw print``: the office's documents as PDF files, the same builders the GUI uses."""

from __future__ import annotations

import click

from . import main
from .common import (
    ACTIVITY_HELP,
    db_option,
    emit_json,
    emit_table,
    json_option,
    open_db,
    parse_enum,
    parse_period,
    reports_errors,
    words,
)

OUT_OPTION = click.option("--out", "out", required=True, type=click.Path(dir_okay=False, writable=True),
                          help="PDF file to write.")


def _saved(out: str, data: bytes) -> None:
    """Tell the user where the document went and how long it is."""
    from ..reports.layout import page_count

    pages = page_count(data)
    click.echo(words(f"已保存 {out}（{pages} 页）", f"Saved {out} ({pages} pages)"))


@main.group("print")
def print_group():
    """Print documents to PDF: case summaries, rosters, sign-in sheets, statistics.

    Example: ningbo-sw print case HS-NM-2026-0042 --out case.pdf
    """


@print_group.command("case")
@click.argument("case_no")
@OUT_OPTION
@click.option("--full-id", is_flag=True, help="Print the full ID number (recorded in the audit log).")
@click.option("--purpose", default=None, help="Official purpose for the full ID number (required with --full-id).")
@db_option
@reports_errors
def print_case(case_no, out, full_id, purpose, db_path):
    """The summary of one case; the ID number is masked unless --full-id is given.

    Example: ningbo-sw print case HS-NM-2026-0042 --out case.pdf
    Example: ningbo-sw print case HS-NM-2026-0042 --out court.pdf --full-id --purpose "法院调查函"
    """
    from ..reports import build_case_summary

    if full_id and not (purpose or "").strip():
        raise click.UsageError(words("打印完整身份证号码时须用 --purpose 说明用途",
                                     "--full-id needs --purpose: say what the full ID number is for"))
    _saved(out, build_case_summary(open_db(db_path), case_no, full_id=full_id, purpose=purpose, out=out))


@print_group.command("cases")
@OUT_OPTION
@click.option("--status", default=None, help="open / closed (进行中 / 已结案).")
@click.option("--domain", default=None, help="Service domain, code or words, e.g. social_relief or 社会救助.")
@click.option("--risk", default=None, help="Risk level, e.g. high or 高.")
@click.option("--search", default="", help="Search words, as in the case list.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many cases.")
@db_option
@reports_errors
def print_cases(out, status, domain, risk, search, limit, db_path):
    """Summaries of many cases in one PDF, each numbered on its own pages.

    Example: ningbo-sw print cases --status open --out open-cases.pdf
    """
    from ..core.cases import CaseFilter, case_ids
    from ..core.errors import UserError
    from ..core.i18n import Text
    from ..reports import build_case_batch

    filt = CaseFilter(search=search, status=parse_enum("status", status), domain=parse_enum("domain", domain),
                      risk=parse_enum("risk", risk))
    db = open_db(db_path)
    ids = case_ids(db, filt, sort="case_no", limit=limit)
    if not ids:  # refused like any other command: exit 2, no PDF
        raise UserError(Text("没有符合条件的个案，未生成 PDF", "no cases match, so no PDF was written"))
    shown = [-1]

    def progress(done: int, total: int) -> None:
        step = done * 10 // max(total, 1)
        if step != shown[0]:
            shown[0] = step
            click.echo(f"{done}/{total}", err=True)

    _saved(out, build_case_batch(db, ids, progress=progress, out=out))


@print_group.command("roster")
@click.option("--club", "club", required=True, help="Club name or id.")
@OUT_OPTION
@db_option
@reports_errors
def print_roster(club, out, db_path):
    """A club's roster (花名册) of current members.

    Example: ningbo-sw print roster --club 新宁波人老年俱乐部 --out roster.pdf
    """
    from ..reports import build_roster

    _saved(out, build_roster(open_db(db_path), club, out=out))


@print_group.command("signin")
@click.option("--activity", "activity", required=True, help=ACTIVITY_HELP)
@click.option("--walk-ins", type=click.IntRange(0, 40), default=6, show_default=True,
              help="Blank rows for people not on the list.")
@OUT_OPTION
@db_option
@reports_errors
def print_signin(activity, walk_ins, out, db_path):
    """An activity's sign-in sheet (签到表) with a signature box per member.

    Example: ningbo-sw print signin --activity 01a2269e-9232-7725-a865-c91408594217 --out signin.pdf
    """
    from ..reports import build_signin_sheet

    _saved(out, build_signin_sheet(open_db(db_path), activity, walk_in_rows=walk_ins, out=out))


@print_group.command("activities")
@click.option("--club", "club", default=None, help="Only this club (name or id).")
@json_option
@db_option
@reports_errors
def print_activities(club, as_json, db_path):
    """List activities with their ids, to choose one for `print signin` (as `activity list` does).

    Example: ningbo-sw print activities --club 新宁波人老年俱乐部
    """
    from ..core.clubs import list_activities

    rows = list_activities(open_db(db_path), club)
    if as_json:
        emit_json(rows)
        return
    emit_table(rows, [("id", "id"), ("date", words("日期", "Date")), ("title", words("活动", "Activity")),
                      ("club", words("俱乐部", "Club")), ("place", words("地点", "Place"))])


@print_group.command("stats")
@click.option("--from", "date_from", required=True, help="First day, YYYY-MM-DD.")
@click.option("--to", "date_to", required=True, help="Last day, YYYY-MM-DD.")
@OUT_OPTION
@db_option
@reports_errors
def print_stats(date_from, date_to, out, db_path):
    """The statistics report of a period, with charts.

    Example: ningbo-sw print stats --from 2026-01-01 --to 2026-06-30 --out stats.pdf
    """
    from ..reports import build_statistics

    start, end = parse_period(date_from, date_to, required=True)
    _saved(out, build_statistics(open_db(db_path), start, end, out=out))
