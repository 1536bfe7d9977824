"""Commands for the office's records: init, demo, areas, cases, visits, statistics."""

from __future__ import annotations

import click

from ..core import enums
from . import main
from .common import (
    db_option,
    emit_json,
    emit_table,
    json_option,
    new_database,
    open_db,
    parse_enum,
    parse_period,
    reports_errors,
    words,
)


@main.command()
@click.option("--office-code", required=True, help="Office code used in case numbers, e.g. HS-NM.")
@click.option("--office-name", required=True, help="The office's name, e.g. 南门街道社工站.")
@db_option
@reports_errors
def init(office_code, office_name, db_path):
    """Create the database (its folder must exist) and set this office's code and name.

    Example: ningbo-sw init --office-code HS-NM --office-name 南门街道社工站
    """
    from ..core.office import init_office

    with new_database(db_path) as db:
        init_office(db, office_code, office_name)
    click.echo(words(f"办公点已设置：{office_code.upper()} {office_name}", f"Office set: {office_code.upper()} {office_name}"))


@main.command()
@click.option("--scale", type=click.Choice(["office", "city"]), default="office", show_default=True,
              help="office: a few hundred clients; city: ~200,000 clients for benchmarks.")
@click.option("--seed", type=int, default=20261129, show_default=True, help="Random seed.")
@db_option
@reports_errors
def demo(scale, seed, db_path):
    """Fill the database with realistic demo data (Nanmen Street, Cicheng Town).

    Example: ningbo-sw --db demo.db demo --scale office
    """
    from ..core.office import get_meta, init_office

    with new_database(db_path) as db:
        if not get_meta(db, "office_code"):
            init_office(db, "HS-NM", "南门街道社工站")
        if scale == "office":
            from ..core.demo import load_demo

            before = _client_and_case_counts(db)
            load_demo(db, seed=seed)  # its Changes count the intakes only, not the clubs' members
            clients, cases = (after - was for after, was in zip(_client_and_case_counts(db), before, strict=True))
            click.echo(words(f"已生成演示数据：{clients} 位服务对象，{cases} 个个案",
                             f"Demo data loaded: {clients} clients, {cases} cases"))
        else:
            from ..core.demo_city import generate_city

            counts = generate_city(db, seed=seed, progress=lambda msg: click.echo(msg, err=True))
            emit_json(counts)


def _client_and_case_counts(db) -> list[int]:
    """How many clients and cases there are, to say what the demo added."""
    return [db.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted = 0").fetchone()[0] for table in ("persons", "cases")]


@main.group()
def area():
    """Areas: city, districts, streets and towns, communities."""


@area.command("list")
@click.option("--level", default=None, help="city, district, street (街道/镇) or community (社区).")
@json_option
@db_option
@reports_errors
def area_list(level, as_json, db_path):
    """List areas. Example: ningbo-sw area list --level community"""
    from ..core.areas import list_areas

    rows = list_areas(open_db(db_path), parse_enum("level", level))
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["level_label"] = enums.label("level", r["level"])
    emit_table(rows, [("id", "id"), ("name", words("名称", "Name")), ("level_label", words("层级", "Level")),
                      ("parent_name", words("上级", "Parent")), ("population", words("人口", "Population"))])


@area.command("add")
@click.option("--name", required=True)
@click.option("--level", required=True, help="city, district, street (街道/镇) or community (社区).")
@click.option("--parent", default=None, help="Parent area's name or id.")
@click.option("--population", type=int, default=None, help="Resident population.")
@db_option
@reports_errors
def area_add(name, level, parent, population, db_path):
    """Add an area. Example: ningbo-sw area add --name 柳庄社区 --level community --parent 南门街道 --population 9800"""
    from ..core.areas import add_area

    changes = add_area(open_db(db_path), {"name": name, "level": level, "parent_id": parent, "population": population})
    click.echo(changes.value)


@main.group()
def case():
    """Cases: intake, list and search, show, close."""


@case.command("add")
@click.option("--name", default=None, help="A new client's name (required unless --existing-person).")
@click.option("--id-number", default=None, help="A new client's resident ID number (18 characters).")
@click.option("--gender", default=None, help="male|female (or 男/女); derived from the ID number if omitted.")
@click.option("--birth-date", default=None, help="YYYY-MM-DD; derived from the ID number if omitted.")
@click.option("--phone", default=None, help="A new client's phone.")
@click.option("--community", default=None, help="A new client's community, name or id (required unless --existing-person).")
@click.option("--domain", required=True, help="|".join(enums.codes("domain")) + " (or the Chinese name, e.g. 社会救助).")
@click.option("--risk", required=True, help="low|medium|high|urgent (or 低/中/高/紧急).")
@click.option("--problem", required=True, help="Presenting problem.")
@click.option("--worker", default=None, help="Assigned worker's name or id.")
@click.option("--program", default=None, help="Program name or id, e.g. 亲情探访.")
@click.option("--intake-date", default=None, help="Default: today.")
@click.option("--existing-person", default=None,
              help="Open the case for this registered client (id or ID number) instead of registering one.")
@db_option
@reports_errors
def case_add(name, id_number, gender, birth_date, phone, community, domain, risk, problem, worker, program,
             intake_date, existing_person, db_path):
    """Register a client and open a case, or open one for a registered client (--existing-person);
    prints the new case number on the last line.

    Example: ningbo-sw case add --name 张三 --id-number 330203194805100011 --community 柳庄社区 \\
    --domain 社会福利 --risk medium --problem 独居老人
    """
    from ..core.cases import open_case
    from ..core.persons import find_duplicates, find_person
    from ..core.programs import find_program
    from ..core.workers import find_worker

    new_client = {"--name": name, "--id-number": id_number, "--gender": gender, "--birth-date": birth_date,
                  "--phone": phone, "--community": community}
    _check_client_options(existing_person, new_client)
    db = open_db(db_path)
    case_values = {"domain": domain, "risk": risk, "problem": problem, "intake_date": intake_date}
    if worker:
        case_values["worker_id"] = find_worker(db, worker)["id"]
    if program:
        case_values["program_id"] = find_program(db, program)["id"]
    if existing_person:
        changes = open_case(db, case_values, person_id=find_person(db, existing_person)["id"])
    else:
        person = {"name": name, "id_number": id_number, "gender": gender, "birth_date": birth_date, "phone": phone,
                  "community_id": community}
        for dup in find_duplicates(db, person):
            click.echo(words(f"提示：可能重复的服务对象 {dup['name']}（{dup['birth_date']}，{dup['community']}），"
                             f"可用 --existing-person {dup['id']} 为其开案",
                             f"Note: possible duplicate {dup['name']} ({dup['birth_date']}, {dup['community']}); "
                             f"use --existing-person {dup['id']} to open the case for them"), err=True)
        changes = open_case(db, case_values, person_values={k: v for k, v in person.items() if v is not None})
    click.echo(changes.value)


def _check_client_options(existing_person: str | None, new_client: dict) -> None:
    """A new client needs a name and community; a registered one takes none of the new client's facts.

    Facts given beside --existing-person would be dropped without a word, so they are refused instead.
    """
    given = [option for option, value in new_client.items() if value is not None]
    if existing_person and given:
        raise click.UsageError(words(
            f"--existing-person 为已登记的服务对象开案，不能同时给出 {'、'.join(given)}（这些信息不会被保存）。"
            "请去掉它们；要修改服务对象的资料请另行编辑",
            f"--existing-person opens the case for a registered client and takes no {', '.join(given)}"
            " (they would not be saved); leave them out, and edit the client's record separately"))
    missing = [option for option in ("--name", "--community") if not existing_person and new_client[option] is None]
    if missing:
        raise click.UsageError(words(
            f"登记新服务对象需要 {'、'.join(missing)}；为已登记的服务对象开案请用 --existing-person",
            f"registering a new client needs {', '.join(missing)}; for a registered client use --existing-person"))


CASE_COLUMNS = [("case_no", ("个案编号", "Case no.")), ("person_name", ("服务对象", "Client")),
                ("domain_label", ("服务领域", "Domain")), ("risk_label", ("风险", "Risk")),
                ("status_label", ("状态", "Status")), ("intake_date", ("接案日期", "Intake")),
                ("worker", ("社工", "Worker")), ("community", ("社区", "Community"))]


@case.command("list")
@click.option("--search", "query", default="", help="Name, pinyin initials, ID tail, phone, case number or note words.")
@click.option("--status", default=None, help="open / closed (进行中 / 已结案).")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@json_option
@db_option
@reports_errors
def case_list(query, status, limit, as_json, db_path):
    """List or search cases. Example: ningbo-sw case list --search zs --status open"""
    from ..core.cases import CaseFilter, list_cases

    rows = list_cases(open_db(db_path), CaseFilter(search=query, status=parse_enum("status", status)), limit=limit)
    if as_json:
        emit_json(rows)
        return
    _label_case_rows(rows)
    emit_table(rows, [(k, words(*h)) for k, h in CASE_COLUMNS])


def _label_case_rows(rows: list[dict]) -> None:
    """Add the words for the enumeration codes of case rows."""
    for r in rows:
        r["domain_label"] = enums.label("domain", r["domain"])
        r["risk_label"] = enums.label("risk", r["risk"])
        r["status_label"] = enums.label("status", r["status"])


@case.command("show")
@click.argument("case_no")
@json_option
@db_option
@reports_errors
def case_show(case_no, as_json, db_path):
    """Show a case with its visits. Example: ningbo-sw case show HS-NM-2026-0042"""
    from ..core.cases import get_case

    row = get_case(open_db(db_path), case_no, with_visits=True)
    if as_json:
        emit_json(row)
        return
    _label_case_rows([row])
    for key, header in CASE_COLUMNS + [("problem", ("主要问题", "Problem")), ("goals", ("服务目标", "Goals")),
                                       ("plan", ("服务计划", "Plan")), ("close_reason", ("结案原因", "Closing reason"))]:
        if row.get(key):
            click.echo(f"{words(*header)}: {row[key]}")
    click.echo(words("走访记录：", "Visits:"))
    for v in row["visits"]:
        follow = f" → {v['next_follow_up']}" if v["next_follow_up"] else ""
        click.echo(f"  {v['at'][:16]}  {enums.label('kind', v['kind'])}  {v['worker'] or ''}  {v['notes']}{follow}")


@case.command("close")
@click.argument("case_no")
@click.option("--reason", required=True, help="Closing reason.")
@click.option("--closed-on", default=None, help="Default: today.")
@db_option
@reports_errors
def case_close(case_no, reason, closed_on, db_path):
    """Close a case. Example: ningbo-sw case close HS-NM-2026-0042 --reason 服务目标已达成"""
    from ..core.cases import close_case

    changes = close_case(open_db(db_path), case_no, reason, closed_on=closed_on)
    click.echo(words(f"个案 {changes.value} 已结案", f"Case {changes.value} closed"))


@case.command("reassign")
@click.argument("case_no")
@click.option("--office", "office_code", default=None, help="The office that takes the case (supervisor only), e.g. JB-CC.")
@click.option("--worker", default=None, help="The worker who takes it (name or id).")
@db_option
@reports_errors
def case_reassign(case_no, office_code, worker, db_path):
    """Hand an open case to another office and/or worker; the next bundles carry it with its history.

    Example: ningbo-sw case reassign HS-NM-2026-0042 --office JB-CC --worker 张海波
    """
    from ..core.cases import reassign_case
    from ..core.workers import find_worker

    if not office_code and not worker:
        raise click.UsageError(words("请给出 --office 或 --worker", "give --office or --worker"))
    db = open_db(db_path)
    worker_id = find_worker(db, worker)["id"] if worker else None
    changes = reassign_case(db, case_no, office_code=office_code, worker_id=worker_id)
    if not changes.updated:
        click.echo(words(f"个案 {changes.value} 未改动（已是该办公点和社工）", f"Case {changes.value} unchanged (already there)"))
        return
    if office_code:
        click.echo(words(f"个案 {changes.value} 已转派；下一个同步包会把它连同服务对象和走访记录送到该办公点",
                         f"Case {changes.value} reassigned; the next bundle takes it there with its client and visits"))
    else:
        click.echo(words(f"个案 {changes.value} 的负责社工已改为 {worker}", f"Case {changes.value} now has worker {worker}"))


@main.group()
def visit():
    """Visit logs and follow-ups."""


@visit.command("add")
@click.option("--case", "case_no", required=True, help="Case number.")
@click.option("--kind", required=True, help="home|phone|office|group|outreach (or 入户/电话/来访/小组/外展).")
@click.option("--at", "at", required=True, help="When, e.g. 2026-11-29T09:30.")
@click.option("--notes", required=True)
@click.option("--next-follow-up", default=None, help="Date of the next planned contact.")
@click.option("--worker", default=None, help="Worker's name or id.")
@click.option("--duration", "duration_min", type=int, default=None, help="Minutes.")
@db_option
@reports_errors
def visit_add(case_no, kind, at, notes, next_follow_up, worker, duration_min, db_path):
    """Log a visit. Example: ningbo-sw visit add --case HS-NM-2026-0042 --kind home --at 2026-11-29T09:30 --notes 入户探访"""
    from ..core.visits import log_visit
    from ..core.workers import find_worker

    db = open_db(db_path)
    values = {"case_id": case_no, "kind": kind, "at": at, "notes": notes, "next_follow_up": next_follow_up,
              "duration_min": duration_min}
    if worker:
        values["worker_id"] = find_worker(db, worker)["id"]
    changes = log_visit(db, {k: v for k, v in values.items() if v is not None})
    click.echo(changes.value)


@visit.command("list")
@click.option("--case", "case_no", default=None, help="Only this case's visits.")
@click.option("--due", is_flag=True, help="Follow-ups due today or overdue.")
@click.option("--from", "date_from", default=None, help="Visits on or after this day.")
@click.option("--to", "date_to", default=None, help="Visits on or before this day.")
@click.option("--limit", type=click.IntRange(min=1), default=200, show_default=True)
@json_option
@db_option
@reports_errors
def visit_list(case_no, due, date_from, date_to, limit, as_json, db_path):
    """List visits, or follow-ups due (--due). Example: ningbo-sw visit list --due"""
    from ..core.cases import get_case
    from ..core.visits import due_follow_ups, list_visits

    if due and (date_from or date_to or case_no):  # the due list is always as of today, for every case
        raise click.UsageError(words("--due 不能与 --from、--to 或 --case 同用", "--due cannot be combined with --from, --to or --case"))
    date_from, date_to = parse_period(date_from, date_to)
    db = open_db(db_path)
    if due:
        rows = due_follow_ups(db, limit=limit)
        if as_json:
            emit_json(rows)
            return
        emit_table(rows, [("case_no", words("个案编号", "Case no.")), ("person_name", words("服务对象", "Client")),
                          ("next_follow_up", words("应跟进日期", "Due")), ("days_overdue", words("逾期天数", "Days overdue")),
                          ("worker", words("社工", "Worker"))])
        return
    case_id = get_case(db, case_no)["id"] if case_no else None
    rows = list_visits(db, case_id=case_id, date_from=date_from, date_to=date_to, limit=limit)
    if as_json:
        emit_json(rows)
        return
    for r in rows:
        r["kind_label"] = enums.label("kind", r["kind"])
        r["at"] = r["at"][:16]
    emit_table(rows, [("at", words("时间", "Time")), ("case_no", words("个案编号", "Case no.")),
                      ("person_name", words("服务对象", "Client")), ("kind_label", words("方式", "Kind")),
                      ("worker", words("社工", "Worker")), ("next_follow_up", words("下次跟进", "Next follow-up"))])


@main.command()
@click.option("--from", "date_from", default=None, help="First day of the period (YYYY-MM-DD).")
@click.option("--to", "date_to", default=None, help="Last day of the period.")
@json_option
@db_option
@reports_errors
def stats(date_from, date_to, as_json, db_path):
    """Statistics: workers, workers per 10,000 residents, cases by domain, activities, people served.

    Example: ningbo-sw stats --from 2026-01-01 --to 2026-12-31 --json
    """
    from ..core.stats import statistics

    start, end = parse_period(date_from, date_to)
    data = statistics(open_db(db_path), start, end)
    if as_json:
        emit_json(data)
        return
    click.echo(f"{words('社工人数', 'Workers')}: {data['workers']}")
    click.echo(f"{words('每万名居民社工数', 'Workers per 10,000 residents')}: {data['workers_per_10000']}")
    click.echo(f"{words('开展服务活动', 'Service activities held')}: {data['activities_held']}")
    click.echo(f"{words('走访次数', 'Visits')}: {data['visits']}")
    click.echo(f"{words('受益人数', 'People served')}: {data['people_served']}")
    click.echo(words("各服务领域个案（进行中/已结案，截至今日，不限统计期间）：",
                     "Cases by service domain (open/closed, as of today, whatever the period):"))
    for code, n in data["cases_by_domain"].items():
        click.echo(f"  {enums.label('domain', code)}: {n['open']}/{n['closed']}")
