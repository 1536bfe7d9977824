"""The headless ``ningbo-sw`` commands, through click's runner and once as a real process."""

from __future__ import annotations

import datetime
import json
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from ningbo_sw_desktop.cli import main
from ningbo_sw_desktop.core.validation import id_check_digit

BODY = "33020319480511001"  # not the demo's 张三 (born 1948-05-10)
GOOD_ID = BODY + id_check_digit(BODY)
BAD_ID = BODY + ("0" if GOOD_ID[-1] != "0" else "1")


@pytest.fixture
def run(cli):
    """The office after `init` and `demo`."""
    cli("demo")
    return cli


def add_zhang(run, *extra, ok=True):
    return run("case", "add", "--name", "张三", "--id-number", GOOD_ID, "--community", "柳庄社区",
               "--domain", "社会救助", "--risk", "high", "--problem", "独居老人，生活困难", *extra, ok=ok)


def test_case_add_prints_the_new_case_number_on_its_last_line(run):
    result = add_zhang(run, "--gender", "女", ok=False)
    assert result.exit_code == 2
    assert "性别" in result.stderr  # gender disagrees with the ID number
    result = add_zhang(run)
    case_no = result.stdout.strip().splitlines()[-1]
    assert case_no.startswith(f"HS-NM-{datetime.date.today().year}-")
    shown = json.loads(run("case", "show", case_no, "--json").stdout)
    assert shown["domain"] == "social_relief" and shown["person"]["birth_date"] == "1948-05-11"


def test_a_second_client_with_the_same_id_number_is_refused(run):
    add_zhang(run)
    result = add_zhang(run, ok=False)
    assert result.exit_code == 2 and "已登记为服务对象 张三" in result.stderr


def test_a_wrong_check_digit_is_refused_naming_the_field_and_nothing_is_written(run, db_path):
    before = json.loads(run("case", "list", "--json", "--limit", "1000").stdout)
    result = run("case", "add", "--name", "王五", "--id-number", BAD_ID, "--community", "柳庄社区",
                 "--domain", "social_welfare", "--risk", "low", "--problem", "x", ok=False)
    assert result.exit_code == 2
    assert "居民身份证号码" in result.stderr and "校验位" in result.stderr
    assert json.loads(run("case", "list", "--json", "--limit", "1000").stdout) == before


def test_english_messages_on_request(run, db_path):
    result = CliRunner().invoke(main, ["--lang", "en", "--db", str(db_path), "case", "add", "--name", "王五",
                                       "--id-number", BAD_ID, "--community", "柳庄", "--domain", "x", "--risk", "low",
                                       "--problem", "x"])
    assert result.exit_code == 2
    assert "check digit" in result.stderr and "did you mean: 柳庄社区" in result.stderr
    assert "Service domain" in result.stderr


def test_search_finds_a_client_by_pinyin_initials(run):
    rows = json.loads(run("case", "list", "--search", "zs", "--json").stdout)
    assert "张三" in {r["person_name"] for r in rows}


def test_visit_add_then_due_lists_the_follow_up(run):
    case_no = add_zhang(run).stdout.strip().splitlines()[-1]
    now = datetime.datetime.now() - datetime.timedelta(minutes=5)
    today = datetime.date.today().isoformat()
    run("visit", "add", "--case", case_no, "--kind", "入户", "--at", now.isoformat(timespec="minutes"),
        "--notes", "入户了解近况", "--next-follow-up", today)
    due = json.loads(run("visit", "list", "--due", "--json", "--limit", "1000").stdout)
    assert any(d["case_no"] == case_no and d["days_overdue"] == 0 for d in due)
    visits = json.loads(run("visit", "list", "--case", case_no, "--json").stdout)
    assert [v["notes"] for v in visits] == ["入户了解近况"]
    run("case", "close", case_no, "--reason", "服务目标已达成")
    assert json.loads(run("case", "show", case_no, "--json").stdout)["status"] == "closed"


def test_a_visit_by_a_worker_that_does_not_exist_is_refused_and_nothing_is_written(run):
    case_no = add_zhang(run).stdout.strip().splitlines()[-1]
    at = (datetime.datetime.now() - datetime.timedelta(minutes=5)).isoformat(timespec="minutes")
    result = run("visit", "add", "--case", case_no, "--kind", "入户", "--at", at, "--notes", "入户", "--worker", "w-typo",
                 ok=False)
    assert result.exit_code == 2 and result.stderr.startswith("错误 / error: 社工: ") and "w-typo" in result.stderr
    assert json.loads(run("visit", "list", "--case", case_no, "--json").stdout) == []
    run("visit", "add", "--case", case_no, "--kind", "入户", "--at", at, "--notes", "入户", "--worker", "陈丽华")
    assert [v["worker"] for v in json.loads(run("visit", "list", "--case", case_no, "--json").stdout)] == ["陈丽华"]


def test_areas_check_and_stats(run):
    run("area", "add", "--name", "新社区", "--level", "社区", "--parent", "南门街道", "--population", "5000")
    names = [a["name"] for a in json.loads(run("area", "list", "--level", "community", "--json").stdout)]
    assert "新社区" in names and "云麓湾社区" in names
    twice = run("area", "add", "--name", "新社区", "--level", "社区", "--parent", "南门街道", ok=False)
    assert twice.exit_code == 2 and "已存在" in twice.stderr
    assert [a["name"] for a in json.loads(run("area", "list", "--json").stdout)].count("新社区") == 1
    assert "结构版本" in run("check").stdout
    stats = json.loads(run("stats", "--json").stdout)
    assert stats["workers"] == 6 and stats["workers_per_10000"] > 0
    assert set(stats["cases_by_domain"]) >= {"social_welfare", "emergency"}


def _commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, prefix + (name,))
        else:
            yield prefix + (name,), command


def test_every_command_is_documented_with_an_example():
    undocumented = [" ".join(path) for path, command in _commands(main)
                    if not command.help or "ningbo-sw" not in command.help]
    assert undocumented == []


def test_the_installed_command_runs_as_a_real_process(tmp_path):
    db = tmp_path / "real.db"
    exe = [sys.executable, "-m", "ningbo_sw_desktop", "--db", str(db)]
    subprocess.run([*exe, "init", "--office-code", "JB-CC", "--office-name", "慈城镇社工站"], check=True, capture_output=True)
    out = subprocess.run([*exe, "check", "--json"], check=True, capture_output=True, text=True)
    assert json.loads(out.stdout)["ok"] is True
    bad = subprocess.run([*exe, "case", "list", "--status", "maybe"], capture_output=True, text=True)
    assert bad.returncode == 2


def test_a_double_clicked_bundle_opens_the_window_on_it(tmp_path):
    """The file manager runs ``ningbo-sw FILE.nbsync``: that becomes ``gui --open FILE``."""
    from ningbo_sw_desktop.cli import bundle_file

    bundle = tmp_path / "HS-NM-0003-to-督导.nbsync"
    bundle.write_bytes(b"age-encryption.org/v1\n")
    ctx = main.make_context("ningbo-sw", ["--db", "x.db", str(bundle)])
    name, command, args = main.resolve_command(ctx, [*getattr(ctx, "_protected_args", []), *ctx.args])
    assert (name, args) == ("gui", ["--open", str(bundle)])
    assert any(p.name == "open_file" for p in command.params)
    assert bundle_file(["bundle", "import", "x.nbsync"]) is None  # the CLI's own command stays as typed
    assert bundle_file(["--db", "x.nbsync"]) is None


def test_dates_are_read_as_forms_read_them_and_a_bad_one_is_refused(run):
    visits = json.loads(run("visit", "list", "--json", "--limit", "1000").stdout)
    day = max(v["at"][:10] for v in visits)
    same = json.loads(run("visit", "list", "--from", day, "--to", day, "--json").stdout)
    slashed = json.loads(run("visit", "list", "--from", day.replace("-", "/"), "--to", day.replace("-", "/"),
                             "--json").stdout)
    assert same and slashed == same
    for args in (["visit", "list", "--from", "notadate"], ["visit", "list", "--to", "notadate"],
                 ["stats", "--from", "2026-02-30"]):
        result = run(*args, ok=False)
        assert result.exit_code == 2, result.output
        assert "错误 / error" in result.stderr and "无法识别" in result.stderr and "Traceback" not in result.output


def test_a_limit_below_one_is_refused(run):
    for args in (["case", "list", "--limit", "0"], ["visit", "list", "--limit", "-1"]):
        assert run(*args, ok=False).exit_code == 2


def test_conflicts_resolve_without_a_choice_says_what_to_choose_in_chinese(cli):
    result = cli("conflicts", "resolve", "nope", ok=False)
    assert result.exit_code == 2 and "请选择 --keep" in result.output
    both = cli("conflicts", "resolve", "nope", "--keep", "--use-other", ok=False)  # contradictory: nothing guessed
    assert both.exit_code == 2 and "中的一项" in both.output
