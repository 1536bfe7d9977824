"""Sync commands: device keys, bundle export/inspect/import, conflicts, quarantine.

A refused bundle prints its reason in both languages and exits with code 2; nothing is
written to the database.
"""

from __future__ import annotations

import functools
import sys

import click

from ..core.errors import field_label, table_label
from . import main
from .common import db_option, emit_json, emit_table, json_option, open_db, reports_errors, words


def refusals(func):
    """Print a refused bundle's message in Chinese and English, exit 2."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        from ..sync.errors import BundleRefused

        try:
            return func(*args, **kwargs)
        except BundleRefused as exc:
            click.echo(f"错误：{exc.text.zh}\nerror: {exc.text.en}", err=True)
            sys.exit(2)

    return wrapper


def counts_text(counts: dict) -> str:
    """``{"cases": 3, "visits": 5}`` as "个案 3, 走访记录 5"."""
    return ", ".join(f"{table_label(t)} {n}" for t, n in counts.items())


def record_title(db, table: str, record_id: str) -> str:
    """How the user recognises a record: case number, client's name, activity title ...; its id when unknown here."""
    from ..core.errors import NotFound
    from ..core.records import get_row
    from ..core.schema import TABLES
    from ..sync.conflicts import _title

    if table not in TABLES:
        return record_id
    if table == "club_members":
        found = db.execute("SELECT coalesce(c.name, '') || ' · ' || coalesce(p.name, '') FROM club_members m"
                           " LEFT JOIN clubs c ON c.id = m.club_id LEFT JOIN persons p ON p.id = m.person_id"
                           " WHERE m.id = ?", [record_id]).fetchone()
        if found:
            return found[0]
    try:
        row = get_row(db, table, record_id)
    except NotFound:
        return record_id
    return str(_title(db, table, row))


def _passphrase(wanted: bool, confirm: bool = False) -> str | None:
    """Ask for the break-glass passphrase when ``--passphrase`` was given."""
    if not wanted:
        return None
    return click.prompt(words("口令", "Passphrase"), hide_input=True, confirmation_prompt=confirm)


@main.group()
def keys():
    """This device's keys and the devices it trusts."""


@keys.command("show")
@json_option
@db_option
@reports_errors
def keys_show(as_json, db_path):
    """Show this device's id, fingerprint and public keys (what other devices need to trust it).

    Example: ningbo-sw keys show
    """
    from ..sync import identity

    info = identity(open_db(db_path))
    if as_json:
        emit_json(info)
        return
    click.echo(f"{words('设备编号', 'Device id')}: {info['device_id']}")
    click.echo(f"{words('办公点', 'Office')}: {info['office_code'] or '—'} {info['office_name'] or ''}")
    role_words = {"supervisor": ("督导", "supervisor"), "office": ("办公点", "office")}
    click.echo(f"{words('角色', 'Role')}: {words(*role_words.get(info['role'], (info['role'],) * 2))}")
    click.echo(f"{words('指纹', 'Fingerprint')}: {info['fingerprint_grouped']}")
    click.echo(f"{words('加密公钥', 'Age recipient')}: {info['age_recipient']}")
    click.echo(f"{words('签名公钥', 'Signing key')}: {info['signing_key']}")
    click.echo(words("在对方设备上信任本设备：", "To trust this device elsewhere:"))
    click.echo(f"  ningbo-sw keys trust --name {info['office_code'] or info['device_id']} "
               f"--recipient {info['age_recipient']} --signing-key {info['signing_key']} --role {info['role']}")


@keys.command("trust")
@click.option("--name", required=True, help="A name for the device, e.g. 督导 or HS-NM.")
@click.option("--recipient", required=True, help="Its age public key (age1...).")
@click.option("--signing-key", required=True, help="Its signing public key (64 hex characters).")
@click.option("--role", type=click.Choice(["office", "supervisor"]), default=None, help="What the device is.")
@db_option
@reports_errors
def keys_trust(name, recipient, signing_key, role, db_path):
    """Trust a device, so its bundles are accepted and bundles can be made for it.

    Example: ningbo-sw keys trust --name 督导 --recipient age1... --signing-key 3d7b...
    """
    from ..sync import grouped, list_peers, trust_peer

    db = open_db(db_path)
    before = {p.fingerprint: p.name for p in list_peers(db)}
    peer = trust_peer(db, name, recipient, signing_key, role=role)
    fp = grouped(peer.fingerprint)
    if peer.fingerprint not in before:
        click.echo(words(f"已信任 {peer.name}，指纹 {fp}", f"Trusted {peer.name}, fingerprint {fp}"))
    elif before[peer.fingerprint] != peer.name:
        old = before[peer.fingerprint]
        click.echo(words(f"该设备已信任，名称由“{old}”改为“{peer.name}”（导出时请用 --to {peer.name}），指纹 {fp}",
                         f"Already trusted; renamed from “{old}” to “{peer.name}” (export with --to {peer.name}), "
                         f"fingerprint {fp}"))
    else:
        click.echo(words(f"该设备早已信任为 {peer.name}，指纹 {fp}", f"Already trusted as {peer.name}, fingerprint {fp}"))


@keys.command("list")
@json_option
@db_option
@reports_errors
def keys_list(as_json, db_path):
    """List trusted devices. Example: ningbo-sw keys list"""
    from ..sync import list_peers

    peers = [p.as_dict() for p in list_peers(open_db(db_path))]
    if as_json:
        emit_json(peers)
        return
    emit_table(peers, [("name", words("名称", "Name")), ("office_code", words("办公点", "Office")),
                       ("role", words("角色", "Role")), ("fingerprint_grouped", words("指纹", "Fingerprint")),
                       ("acked_sequence", words("已确认", "Acked"))])


@keys.command("role")
@click.argument("role", type=click.Choice(["office", "supervisor"]), required=False)
@db_option
@reports_errors
def keys_role(role, db_path):
    """Show or set this device's role; a supervisor sends each office only its share.

    Example: ningbo-sw keys role supervisor
    """
    from ..sync import device_role, set_device_role

    db = open_db(db_path)
    if role:
        set_device_role(db, role)
    click.echo(device_role(db))


@main.group()
def bundle():
    """Sync bundles (.nbsync) carried between offices and supervisors."""


@bundle.command("export")
@click.option("--to", "recipient", required=True, help="The trusted device it is for (name or fingerprint).")
@click.option("--out", required=True, type=click.Path(), help="File to write, or a folder (OFFICE-SEQ.nbsync).")
@click.option("--full", is_flag=True, help="Everything, not only what the recipient has not acknowledged.")
@click.option("--passphrase", "ask", is_flag=True, help="Break-glass: encrypt to a passphrase instead of the key.")
@json_option
@db_option
@reports_errors
@refusals
def bundle_export(recipient, out, full, ask, as_json, db_path):
    """Export what the recipient has not acknowledged to a bundle file.

    Example: ningbo-sw bundle export --to 督导 --out E:/HS-NM-0003.nbsync
    """
    from ..sync import export_bundle

    report = export_bundle(open_db(db_path), recipient, out, full=full, passphrase=_passphrase(ask, confirm=True))
    if as_json:
        emit_json(report.as_dict())
        return
    click.echo(words(f"已导出 {report.total} 条记录（序号 {report.sequence}）到 {report.path}",
                     f"Exported {report.total} records (sequence {report.sequence}) to {report.path}"))
    for table, n in report.counts.items():
        click.echo(f"  {table_label(table)}: {n}")


@bundle.command("inspect")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--passphrase", "ask", is_flag=True, help="The bundle was encrypted to a passphrase.")
@json_option
@db_option
@reports_errors
@refusals
def bundle_inspect(file, ask, as_json, db_path):
    """Show who sent a bundle, for whom, how much and which clock range, without importing it.

    Example: ningbo-sw bundle inspect E:/HS-NM-0003.nbsync
    """
    from ..sync import inspect_bundle

    info = inspect_bundle(open_db(db_path), file, passphrase=_passphrase(ask))
    if as_json:
        emit_json(info.as_dict())
        return
    o = info.origin
    click.echo(f"{words('来自', 'From')}: {o['office_code'] or ''} {o['office_name'] or ''} ({o['device_id']})")
    click.echo(f"{words('指纹', 'Fingerprint')}: {info.origin_fingerprint_grouped}"
               f" {words('（已信任：' + str(info.trusted_as) + '）', '(trusted as ' + str(info.trusted_as) + ')') if info.trusted else words('（未信任）', '(not trusted)')}")
    click.echo(f"{words('接收方', 'For')}: {info.recipient.get('name')}  {words('序号', 'Sequence')}: {info.sequence}")
    click.echo(f"{words('时钟范围', 'Clock range')}: {info.clock_min} … {info.clock_max}")
    if info.already_imported:
        click.echo(words("已导入过", "Already imported"))
    for table, n in info.counts.items():
        click.echo(f"  {table_label(table)}: {n}")


@bundle.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--dry-run", is_flag=True, help="Check and report, change nothing.")
@click.option("--trust-new", is_flag=True, help="Trust the sender on first use (compare the fingerprint first).")
@click.option("--passphrase", "ask", is_flag=True, help="The bundle was encrypted to a passphrase.")
@json_option
@db_option
@reports_errors
@refusals
def bundle_import(file, dry_run, trust_new, ask, as_json, db_path):
    """Verify a bundle, then merge it in one transaction and report what changed.

    Example: ningbo-sw bundle import E:/HS-NM-0003.nbsync --trust-new
    """
    from ..sync import import_bundle

    db = open_db(db_path)
    report = import_bundle(db, file, trust_new=trust_new, dry_run=dry_run, passphrase=_passphrase(ask))
    if as_json:
        emit_json(report.as_dict())
        return
    _print_import(db, report)


def _print_import(db, report) -> None:
    """The import report as text, in the user's words: 个案 HS-NM-2026-0042 · 结案原因, not table names and ids."""
    o = report.origin
    click.echo(f"{words('来自', 'From')}: {o.get('office_code') or ''} {o.get('office_name') or ''}"
               f"  {words('序号', 'sequence')} {report.sequence}")
    if report.trusted_now and report.dry_run:  # a dry run trusts nobody: say what the real import would do
        click.echo(words("将信任该设备（首次使用；试运行，尚未信任）", "Sender would be trusted (first use; dry run, not trusted yet)"))
    elif report.trusted_now:
        click.echo(words("已信任该设备（首次使用）", "Sender trusted (first use)"))
    for kind, zh in (("new", "新增"), ("updated", "更新"), ("unchanged", "未变")):
        counts = getattr(report, kind)
        if counts:
            click.echo(f"{words(zh, kind)}: " + counts_text(counts))
    for table, record_id, field in report.conflicts[:50]:
        click.echo(f"{words('冲突', 'conflict')}: {table_label(table, one=True)} {record_title(db, table, record_id)}"
                   f" · {field_label(field, table=table)}")
    for q in report.quarantined[:50]:  # kept aside, so not here to be named: its id is what `bundle quarantine` lists
        click.echo(f"{words('隔离', 'quarantined')}: {table_label(q.table, one=True)} {q.record_id} {q.message}")
    for w in report.waiting[:50]:
        click.echo(f"{words('等待上级记录', 'waiting')}: {table_label(w.table, one=True)} {w.record_id}"
                   f" → {table_label(w.parent_table, one=True)} {w.parent_id}")
    for new_id, here in report.possible_duplicates:
        click.echo(words(f"可能重复：服务对象 {record_title(db, 'persons', new_id)}（{new_id}）与本机的 {here} "
                         "居民身份证号码相同，请核对", f"possible duplicate: client {record_title(db, 'persons', new_id)} "
                         f"({new_id}) has the resident ID number of {here} here; please check"))
    if report.missing_sequences:
        gaps = ", ".join(map(str, report.missing_sequences))
        click.echo(words(f"注意：该设备的第 {gaps} 号同步包未到达（其内容会包含在之后的同步包中）",
                         f"Note: bundle(s) {gaps} from this device never arrived (their changes travel in later bundles)"))
    click.echo(str(report.summary()))


@bundle.command("status")
@json_option
@db_option
@reports_errors
def bundle_status(as_json, db_path):
    """Show each trusted device's last bundles both ways, missing ones, and what needs a look.

    Example: ningbo-sw bundle status
    """
    from ..sync import sync_status

    status = sync_status(open_db(db_path))
    if as_json:
        emit_json(status)
        return
    for peer in status["peers"]:
        gaps = ", ".join(map(str, peer["missing_sequences"])) or "—"
        click.echo(f"{peer['name']} ({peer['office_code'] or '—'}): {words('已发', 'sent')} {_last_bundle(peer['last_sent'])}, "
                   f"{words('已收', 'received')} {_last_bundle(peer['last_imported'])}, "
                   f"{words('对方已确认', 'acknowledged')} {peer['acked_sequence'] or 0}, {words('缺失', 'missing')} {gaps}")
    click.echo(f"{words('冲突', 'Conflicts')}: {status['conflicts']}  {words('隔离', 'Quarantined')}: "
               f"{status['quarantined']}  {words('等待上级记录', 'Waiting')}: {status['waiting']}")


def _last_bundle(last: list | None) -> str:
    """A peer's last bundle one way, ``[sequence, local time]``, as a clerk reads it: 第 2 号（2026-11-29 13:20）."""
    if not last:
        return "—"
    sequence, when = last
    when = str(when or "").replace("T", " ")[:16]
    return words(f"第 {sequence} 号（{when}）", f"no. {sequence} ({when})")


@bundle.command("quarantine")
@click.option("--release", is_flag=True, help="Apply quarantined records that now pass (e.g. the clock caught up).")
@json_option
@db_option
@reports_errors
def bundle_quarantine(release, as_json, db_path):
    """List records kept aside at import, or release those that now pass.

    Example: ningbo-sw bundle quarantine --release
    """
    from ..sync import list_quarantine, release_quarantine

    db = open_db(db_path)
    if release:
        click.echo(str(release_quarantine(db).summary()))
    items = list_quarantine(db)
    if as_json:
        emit_json(items)
        return
    for item in items:
        item["why"] = item["detail"].get("message", "")
        item["table"] = table_label(item["table"], one=True)
    emit_table(items, [("table", words("类别", "Kind")), ("record_id", words("记录", "Record")),
                       ("reason", words("原因", "Reason")), ("why", words("说明", "Detail"))])


@bundle.command("waiting")
@json_option
@db_option
@reports_errors
def bundle_waiting(as_json, db_path):
    """List records whose parent record has not arrived yet. Example: ningbo-sw bundle waiting"""
    from dataclasses import asdict

    from ..sync import waiting_records

    rows = [asdict(w) for w in waiting_records(open_db(db_path), limit=1000)]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        row["table"], row["parent_table"] = table_label(row["table"], one=True), table_label(row["parent_table"], one=True)
    emit_table(rows, [("table", words("类别", "Kind")), ("record_id", words("记录", "Record")),
                      ("parent_table", words("等待", "Waiting for")), ("parent_id", words("编号", "Id"))])


@main.group()
def conflicts():
    """Conflicts: two offices changed the same field of the same record."""


@conflicts.command("list")
@json_option
@db_option
@reports_errors
def conflicts_list(as_json, db_path):
    """List open conflicts by record, with each competing value's office and time.

    Example: ningbo-sw conflicts list
    """
    from ..core.enums import value_words
    from ..sync import list_conflicts

    db = open_db(db_path)
    records = list_conflicts(db)
    if as_json:
        emit_json([r.as_dict() for r in records])
        return
    if not records:
        click.echo(words("没有冲突", "No conflicts"))
    names = dict(db.execute("SELECT id, name FROM workers UNION ALL SELECT id, name FROM areas"
                            " UNION ALL SELECT id, name FROM programs").fetchall()) if records else {}
    for record in records:
        click.echo(f"{table_label(record.table, one=True)} {record.title} ({record.record_id})")
        for fc in record.fields:
            w = fc.winner
            def shown(v, table=record.table, field=fc.field) -> str:
                return value_words(table, field, v, names) or words("（空）", "(empty)")

            click.echo(f"  {words(fc.label['zh'], fc.label['en'])}: "
                       f"{words('当前', 'current')} “{shown(w.value)}” ({w.office_code or w.device_id}, {w.at})")
            for v in fc.competing:
                click.echo(f"    {words('另一版本', 'other')} “{shown(v.value)}” ({v.office_code or v.device_id}, {v.at})"
                           f"  id={v.conflict_id}")


@conflicts.command("resolve")
@click.argument("conflict_id")
@click.option("--keep", is_flag=True, help="Keep the current value.")
@click.option("--use-other", is_flag=True, help="Use the competing value.")
@click.option("--keep-both", is_flag=True, help="Text fields: keep both texts.")
@click.option("--value", default=None, help="Use this combined value instead.")
@db_option
@reports_errors
def conflicts_resolve(conflict_id, keep, use_other, keep_both, value, db_path):
    """Decide a conflict; the decision is a new change that syncs to every office.

    Example: ningbo-sw conflicts resolve 5f0c... --use-other
    """
    from ..sync import resolve_conflict

    chosen = [choice for choice, given in (("keep", keep), ("other", use_other), ("keep_both", keep_both),
                                           ("combined", value is not None)) if given]
    if len(chosen) != 1:  # none, or two that contradict each other (--keep --use-other): nothing is guessed
        raise click.UsageError(words("请选择 --keep、--use-other、--keep-both 或 --value 中的一项",
                                     "choose one of --keep, --use-other, --keep-both or --value"))
    resolve_conflict(open_db(db_path), conflict_id, chosen[0], value=value)
    click.echo(words("已处理冲突", "Conflict resolved"))
