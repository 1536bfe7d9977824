"""The clerk prints from the command line: every command writes its PDF and says where."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from pdf_helpers import compact, pdf_text

from ningbo_sw_desktop.cli import main
from ningbo_sw_desktop.core.clubs import list_activities, list_clubs


@pytest.fixture
def run(demo_db):
    path = demo_db.execute("PRAGMA database_list").fetchone()[2]

    def invoke(*args: str):
        return CliRunner().invoke(main, ["--db", path, "print", *args], catch_exceptions=False)

    return invoke


def test_print_case_masked_and_full(run, demo_db, long_case, tmp_path):
    out = tmp_path / "case.pdf"
    result = run("case", long_case, "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "已保存" in result.output and str(out) in result.output
    id_number = demo_db.execute("SELECT p.id_number FROM cases c JOIN persons p ON p.id = c.person_id"
                                " WHERE c.case_no = ?", [long_case]).fetchone()[0]
    assert id_number not in compact(pdf_text(out.read_bytes()))
    refused = run("case", long_case, "--out", str(out), "--full-id")
    assert refused.exit_code == 2 and "--purpose" in refused.output
    result = run("case", long_case, "--out", str(out), "--full-id", "--purpose", "法院调查函")
    assert result.exit_code == 0 and id_number in compact(pdf_text(out.read_bytes()))


def test_print_cases_by_status(run, tmp_path):
    out = tmp_path / "closed.pdf"
    result = run("cases", "--status", "已结案", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "已结案" in pdf_text(out.read_bytes())


def test_print_roster_signin_and_stats(run, demo_db, tmp_path):
    club = list_clubs(demo_db)[0]
    activity = list_activities(demo_db, club["id"])[0]
    today = datetime.date.today()
    for args, words in ((["roster", "--club", club["name"]], "花名册"),
                        (["signin", "--activity", activity["id"], "--walk-ins", "2"], "签到表"),
                        (["stats", "--from", f"{today.year}-01-01", "--to", str(today)], "服务统计报告")):
        out = tmp_path / f"{args[0]}.pdf"
        result = run(*args, "--out", str(out))
        assert result.exit_code == 0, result.output
        assert words in pdf_text(out.read_bytes())
    listed = run("activities", "--club", club["id"])
    assert activity["id"] in listed.output


def test_unknown_things_are_refused_clearly(run, tmp_path):
    out = str(tmp_path / "x.pdf")
    assert "找不到个案" in run("case", "XX-0000", "--out", out).output
    assert "找不到俱乐部" in run("roster", "--club", "没有这个俱乐部", "--out", out).output
    assert "找不到活动" in run("signin", "--activity", "nope", "--out", out).output
    assert run("cases", "--domain", "nonsense", "--out", out).exit_code == 2


def test_every_print_command_has_help_with_an_example():
    group = main.commands["print"]
    assert "Example:" in group.help
    for name, command in group.commands.items():
        assert "Example: ningbo-sw print" in (command.help or ""), name


def test_an_out_path_that_cannot_be_written_is_refused_and_nothing_is_audited(run, demo_db, long_case, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    audited = demo_db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    result = run("case", long_case, "--out", str(blocker / "case.pdf"))
    assert result.exit_code == 2
    assert "错误 / error" in result.stderr and str(blocker) in result.stderr
    assert demo_db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audited
    assert blocker.read_text() == "not a folder"


def test_print_stats_takes_dates_as_forms_do_and_refuses_a_bad_one(run, tmp_path):
    out = tmp_path / "stats.pdf"
    assert run("stats", "--from", "2026/1/1", "--to", "2026年6月30日", "--out", str(out)).exit_code == 0
    assert "2026-06-30" in pdf_text(out.read_bytes())
    refused = run("stats", "--from", "2026-13-01", "--to", "2026-06-30", "--out", str(tmp_path / "bad.pdf"))
    assert refused.exit_code == 2 and "无法识别" in refused.stderr
    assert not (tmp_path / "bad.pdf").exists()


def test_print_cases_refuses_a_limit_below_one(run, tmp_path):
    assert run("cases", "--limit", "0", "--out", str(tmp_path / "cases.pdf")).exit_code == 2


def test_out_pointing_at_the_database_itself_is_refused_and_the_database_kept(run, demo_db, long_case):
    path = demo_db.execute("PRAGMA database_list").fetchone()[2]
    before = Path(path).read_bytes()[:100]
    result = run("case", long_case, "--out", path)
    assert result.exit_code == 2 and "不是 PDF" in result.stderr
    assert Path(path).read_bytes()[:100] == before and demo_db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
