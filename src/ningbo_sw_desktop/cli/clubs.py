"""Commands for elderly clubs: clubs, members, activities, attendance, rosters in Excel/CSV."""

from __future__ import annotations

import sys

import click

from ..core import enums
from . import main
from .common import ACTIVITY_HELP, db_option, emit_json, emit_table, json_option, open_db, reports_errors, words


@main.group()
def club():
    """Elderly clubs: found, list, absentee follow-up.

    Example: ningbo-sw club list --community 柳庄社区
    """


@club.command("add")
@click.option("--name", required=True, help="Club name, e.g. 柳庄夕阳红俱乐部.")
@click.option("--community", required=True, help="Community name or id.")
@click.option("--description", default=None)
@click.option("--founded-on", default=None, help="Date the club was founded.")
@db_option
@reports_errors
def club_add(name, community, description, founded_on, db_path):
    """Found a club in a community; prints its id.

    Example: ningbo-sw club add --name 柳庄夕阳红俱乐部 --community 柳庄社区
    """
    from ..core.clubs import add_club

    values = {"name": name, "community_id": community, "description": description, "founded_on": founded_on}
    click.echo(add_club(open_db(db_path), values).value)


@club.command("list")
@click.option("--community", default=None, help="Only this community's clubs.")
@json_option
@db_option
@reports_errors
def club_list(community, as_json, db_path):
    """List clubs with their current member counts. Example: ningbo-sw club list --json"""
    from ..core.clubs import list_clubs

    rows = list_clubs(open_db(db_path), community)
    if as_json:
        emit_json(rows)
        return
    emit_table(rows, [("name", words("俱乐部", "Club")), ("community", words("社区", "Community")),
                      ("members", words("成员", "Members")), ("last_activity", words("最近活动", "Last activity")),
                      ("id", "id")])


@club.command("absentees")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.option("--last", "last_n", type=int, default=3, show_default=True, help="How many recent activities.")
@json_option
@db_option
@reports_errors
def club_absentees(club_ref, last_n, as_json, db_path):
    """Members who missed each of the club's last N activities (excused absences are not missed).

    Example: ningbo-sw club absentees --club 柳庄夕阳红俱乐部 --last 3
    """
    from ..core.clubs import absentees

    rows = absentees(open_db(db_path), club_ref, last_n)
    if as_json:
        emit_json(rows)
        return
    emit_table(rows, [("name", words("姓名", "Name")), ("phone", words("电话", "Phone")),
                      ("last_present", words("最近参加", "Last came")), ("last_visit", words("最近走访", "Last visit")),
                      ("person_id", "id")])


@club.command("follow-up")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.option("--person", required=True, help="Client id or ID number.")
@click.option("--kind", default="phone", show_default=True, help="home|phone|office|group|outreach.")
@click.option("--notes", default=None,
              help="What was said or done; leave the option out for a standard club follow-up note (blank is refused).")
@click.option("--worker", default=None, help="Worker's name or id.")
@db_option
@reports_errors
def club_follow_up(club_ref, person, kind, notes, worker, db_path):
    """Log the follow-up visit of a member who stopped coming; prints the visit id.

    Example: ningbo-sw club follow-up --club 柳庄夕阳红俱乐部 --person 330203194805100011 --kind home
    """
    from ..core.clubs import log_absentee_visit
    from ..core.workers import find_worker

    db = open_db(db_path)
    worker_id = find_worker(db, worker)["id"] if worker else None
    click.echo(log_absentee_visit(db, club_ref, person, kind=kind, notes=notes, worker_id=worker_id).value)


@main.group()
def member():
    """Club members: enrol, leave, list. Example: ningbo-sw member list --club 柳庄夕阳红俱乐部"""


@member.command("add")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.option("--person", default=None, help="An existing client: id or ID number.")
@click.option("--name", default=None, help="A new client's name (when --person is not given).")
@click.option("--id-number", default=None, help="A new client's resident ID number.")
@click.option("--gender", default=None, help="A new client's gender (from the ID number if omitted).")
@click.option("--birth-date", default=None, help="A new client's birth date (from the ID number if omitted).")
@click.option("--phone", default=None, help="A new client's phone.")
@click.option("--role", default="member", show_default=True, help="member|leader|volunteer (成员/负责人/志愿者).")
@click.option("--joined-on", default=None, help="Default: today.")
@click.option("--tags", default=None, help="e.g. 老年人、独居 or elderly,living_alone.")
@db_option
@reports_errors
def member_add(club_ref, person, name, id_number, gender, birth_date, phone, role, joined_on, tags, db_path):
    """Enrol a client, or register a new one (checked as at intake); prints the membership id.

    Example: ningbo-sw member add --club 柳庄夕阳红俱乐部 --person 330203194805100011 --role volunteer
    """
    from ..core.clubs import add_member
    from ..core.persons import find_duplicates

    db = open_db(db_path)
    values = {k: v for k, v in {"role": role, "joined_on": joined_on, "tags": tags}.items() if v is not None}
    if person:
        changes = add_member(db, club_ref, values, person=person)
    else:
        new = {k: v for k, v in {"name": name, "id_number": id_number, "gender": gender, "birth_date": birth_date,
                                 "phone": phone}.items() if v is not None}
        for dup in find_duplicates(db, new):
            click.echo(words(f"提示：可能重复的服务对象 {dup['name']}（{dup['birth_date']}，{dup['community']}），"
                             f"可用 --person {dup['id']} 让其入会",
                             f"Note: possible duplicate {dup['name']} ({dup['birth_date']}, {dup['community']}); "
                             f"use --person {dup['id']} to enrol them"), err=True)
        changes = add_member(db, club_ref, values, person_values=new)
    click.echo(changes.value)


@member.command("leave")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.option("--person", required=True, help="Client id or ID number.")
@click.option("--on", "left_on", default=None, help="Date of leaving (default: today).")
@db_option
@reports_errors
def member_leave(club_ref, person, left_on, db_path):
    """End a membership; its history is kept. Example: ningbo-sw member leave --club 柳庄夕阳红俱乐部 --person 330203194805100011"""
    from ..core.clubs import leave_club

    leave_club(open_db(db_path), club_ref, person, left_on=left_on)
    click.echo(words("已退出俱乐部", "Left the club"))


@member.command("list")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.option("--all", "include_left", is_flag=True, help="Include members who left.")
@json_option
@db_option
@reports_errors
def member_list(club_ref, include_left, as_json, db_path):
    """A club's roster. Example: ningbo-sw member list --club 柳庄夕阳红俱乐部 --json"""
    from ..core.clubs import roster

    rows = roster(open_db(db_path), club_ref, include_left=include_left)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["role_label"], r["gender_label"] = enums.label("role", r["role"]), enums.label("gender", r["gender"])
    emit_table(rows, [("name", words("姓名", "Name")), ("gender_label", words("性别", "Gender")),
                      ("phone", words("电话", "Phone")), ("role_label", words("角色", "Role")),
                      ("joined_on", words("入会", "Joined")), ("left_on", words("退出", "Left")), ("person_id", "id")])


@main.group()
def activity():
    """Activities of clubs and communities. Example: ningbo-sw activity list --club 柳庄夕阳红俱乐部"""


@activity.command("add")
@click.option("--club", "club_ref", default=None, help="Club name or id.")
@click.option("--community", default=None, help="For a community-wide activity: community name or id.")
@click.option("--title", required=True)
@click.option("--kind", required=True, help="trip|lecture|health_check|recreation|volunteering (or 出游/讲座/...).")
@click.option("--date", "day", required=True, help="e.g. 2026-11-29.")
@click.option("--place", default=None)
@click.option("--worker", default=None, help="Worker's name or id.")
@click.option("--notes", default=None)
@db_option
@reports_errors
def activity_add(club_ref, community, title, kind, day, place, worker, notes, db_path):
    """Add an activity; prints its id.

    Example: ningbo-sw activity add --club 柳庄夕阳红俱乐部 --title 重阳节登山 --kind trip --date 2026-10-29
    """
    from ..core.clubs import add_activity

    values = {"club_id": club_ref, "community_id": community, "title": title, "kind": kind, "date": day,
              "place": place, "worker_id": worker, "notes": notes}
    click.echo(add_activity(open_db(db_path), values).value)


@activity.command("list")
@click.option("--club", "club_ref", default=None, help="Only this club's activities.")
@click.option("--community", default=None, help="Only this community's activities.")
@json_option
@db_option
@reports_errors
def activity_list(club_ref, community, as_json, db_path):
    """Activities, newest first. Example: ningbo-sw activity list --community 柳庄社区"""
    from ..core.clubs import list_activities

    rows = list_activities(open_db(db_path), club_ref, community=community)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["kind_label"] = enums.label("activity_kind", r["kind"])
    emit_table(rows, [("date", words("日期", "Date")), ("title", words("活动", "Activity")),
                      ("kind_label", words("类型", "Kind")), ("club", words("俱乐部", "Club")),
                      ("present", words("到", "Present")), ("id", "id")])


@main.group()
def attendance():
    """Attendance at activities. Example: ningbo-sw attendance sheet --activity 5e0c1a9b"""


@attendance.command("mark")
@click.option("--activity", "activity_ref", required=True, help=ACTIVITY_HELP)
@click.option("--person", required=True, multiple=True, help="Client id or ID number; repeat for several.")
@click.option("--status", required=True, help="present|absent|excused (or 到/缺/请假).")
@db_option
@reports_errors
def attendance_mark(activity_ref, person, status, db_path):
    """Mark attendance; marking again changes the same record.

    Example: ningbo-sw attendance mark --activity 5e0c1a9b --person 330203194805100011 --status present
    """
    from ..core.clubs import mark_many

    changes = mark_many(open_db(db_path), activity_ref, [(p, status) for p in person])
    click.echo(words(f"已记录 {changes.value} 人", f"Marked {changes.value}"))


@attendance.command("sheet")
@click.option("--activity", "activity_ref", required=True, help=ACTIVITY_HELP)
@json_option
@db_option
@reports_errors
def attendance_sheet_command(activity_ref, as_json, db_path):
    """Who is on an activity's sheet, with totals. Example: ningbo-sw attendance sheet --activity 5e0c1a9b --json"""
    from ..core.clubs import attendance_sheet

    sheet = attendance_sheet(open_db(db_path), activity_ref)
    if as_json:
        emit_json(sheet)
        return
    for r in sheet["rows"]:
        r["status_label"] = enums.label("attendance", r["status"])
    emit_table(sheet["rows"], [("name", words("姓名", "Name")), ("status_label", words("出勤", "Attendance")),
                               ("person_id", "id")])
    t = sheet["totals"]
    click.echo(words(f"到 {t['present']}，缺 {t['absent']}，请假 {t['excused']}，未记录 {t['unmarked']}，共 {t['total']} 人",
                     f"present {t['present']}, absent {t['absent']}, excused {t['excused']}, unmarked {t['unmarked']},"
                     f" {t['total']} in all"))


@main.group()
def roster():
    """Rosters (花名册) in Excel/WPS and CSV. Example: ningbo-sw roster export --club 柳庄夕阳红俱乐部 roster.xlsx"""


@roster.command("export")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.option("--all", "include_left", is_flag=True, help="Include members who left.")
@click.argument("out", type=click.Path(dir_okay=False))
@db_option
@reports_errors
def roster_export(club_ref, include_left, out, db_path):
    """Write a club's roster as .xlsx. Example: ningbo-sw roster export --club 柳庄夕阳红俱乐部 花名册.xlsx"""
    from ..core.roster_io import export_roster

    if not out.lower().endswith(".xlsx"):  # an Excel workbook named .csv is refused when imported again
        raise click.UsageError(words(f"花名册导出为 Excel 工作簿，文件名须以 .xlsx 结尾（不是“{out}”）",
                                     f"the roster is written as an Excel workbook: name the file .xlsx (not “{out}”)"))
    count = export_roster(open_db(db_path), club_ref, out, include_left=include_left)
    click.echo(words(f"已导出 {count} 人到 {out}", f"Exported {count} members to {out}"))


@roster.command("import")
@click.option("--club", "club_ref", required=True, help="Club name or id.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Only show what would be done.")
@click.option("--skip-bad-rows", is_flag=True, help="Import the good rows even if some rows have problems.")
@json_option
@db_option
@reports_errors
def roster_import(club_ref, file, dry_run, skip_bad_rows, as_json, db_path):
    """Import a roster from .xlsx or .csv; a sheet with bad rows imports nothing (exit 2) unless --skip-bad-rows.

    A dry run exits 2 too when the real import would be refused, so a script checking a sheet notices.

    Example: ningbo-sw roster import --club 柳庄夕阳红俱乐部 花名册.xlsx --dry-run
    """
    from ..core.roster_io import apply_import, preview_import

    db = open_db(db_path)
    report = preview_import(db, club_ref, file)
    refused = bool(report.rejected) and not skip_bad_rows
    if not dry_run and not refused:
        report = apply_import(db, report, skip_bad_rows=skip_bad_rows).value
    if as_json:
        emit_json(report.as_dict())
    else:
        _print_import(report)
    if refused:
        n = len(report.rejected)
        click.echo(words(f"错误 / error: 有 {n} 行有问题，{'正式导入也不会导入' if dry_run else '未导入'}任何内容；"
                         "改正后重试，或加 --skip-bad-rows 只导入无误的行",
                         f"error: {n} rows have problems, nothing {'would be' if dry_run else 'was'} imported; fix them,"
                         " or add --skip-bad-rows to import the good rows only"), err=True)
        sys.exit(2)


def _print_import(report) -> None:
    """The import report as a worker reads it: counts, then each row's outcome."""
    from ..core.errors import field_label

    data = report.as_dict()
    state = words("已导入" if report.applied else "预览（未写入）", "Imported" if report.applied else "Preview (nothing written)")
    click.echo(words(f"{state}：新增 {len(data['added'])}，更新 {len(data['updated'])}，未变 {data['unchanged']}，有问题 {len(data['rejected'])}",
                     f"{state}: {len(data['added'])} added, {len(data['updated'])} updated, {data['unchanged']} unchanged,"
                     f" {len(data['rejected'])} rejected"))
    for row in data["added"]:
        click.echo(words(f"  第 {row['row']} 行 {row['name']}：新增", f"  row {row['row']} {row['name']}: added"))
    for row in data["updated"]:
        fields = ", ".join(field_label(f) for f in row["fields"])
        click.echo(words(f"  第 {row['row']} 行 {row['name']}：更新 {fields}", f"  row {row['row']} {row['name']}: updated {fields}"))
    for row in data["rejected"]:
        for reason in row["reasons"]:
            click.echo(words(f"  第 {row['row']} 行 {row['name']}：{reason}", f"  row {row['row']} {row['name']}: {reason}"),
                       err=True)
