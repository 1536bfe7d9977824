"""The command line when things go wrong: odd files, a database it cannot use, a mistyped --db,
inputs that contradict each other — always a clear message and exit code 2, never a traceback."""

from __future__ import annotations

import datetime
import json
import re
import sqlite3
import subprocess
from pathlib import Path

import click
import openpyxl
import pytest
from click.testing import CliRunner

from ningbo_sw_desktop.cli import main
from ningbo_sw_desktop.core.demo import make_id_number

CLUB = "柳庄夕阳红俱乐部"
NUMBER = make_id_number("330203", datetime.date(1947, 4, 4), 77, "female")
README = Path(__file__).resolve().parents[2] / "README.md"


def refused(result, *words: str) -> None:
    """Exit code 2, the error prefix and the given words on stderr, no traceback."""
    assert result.exit_code == 2, result.output + result.stderr
    assert "Traceback" not in result.output + result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def club(cli, db_path):
    """An office with the reference areas and one club, no members."""
    from ningbo_sw_desktop.core.db import connect
    from ningbo_sw_desktop.core.demo import seed_reference_data

    db = connect(db_path)
    seed_reference_data(db)
    db.close()
    cli("club", "add", "--name", CLUB, "--community", "柳庄社区")
    return cli


def members(cli) -> list:
    return json.loads(cli("member", "list", "--club", CLUB, "--json").stdout)


# --- 1. sheets that are not sheets ---------------------------------------------------------------------


def test_files_that_are_not_readable_sheets_are_refused_and_nothing_is_imported(club, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["姓名", "居民身份证号码"])
    workbook.active.append(["孙桂英", NUMBER])
    workbook.save(tmp_path / "out.csv")  # a workbook under a .csv name
    (tmp_path / "photo.csv").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "unicode.csv").write_bytes(f"姓名,居民身份证号码\n孙桂英,{NUMBER}\n".encode("utf-16"))
    (tmp_path / "text.xlsx").write_text(f"姓名,居民身份证号码\n孙桂英,{NUMBER}\n", encoding="utf-8")
    (tmp_path / "photo.xlsx").write_bytes(bytes(range(256)) * 8)
    expected = {"out.csv": ".xlsx", "photo.csv": "GB18030", "unicode.csv": "GB18030", "text.xlsx": ".csv",
                "photo.xlsx": "损坏"}
    for name, advice in expected.items():
        result = club("roster", "import", "--club", CLUB, str(tmp_path / name), ok=False)
        refused(result, "错误 / error", "不是本软件能读取的 CSV 或 Excel 表格", advice, "未导入任何内容")
    english = club("--lang", "en", "roster", "import", "--club", CLUB, str(tmp_path / "photo.csv"), ok=False)
    refused(english, "not a CSV or Excel sheet this app can read", "Nothing was imported")
    assert members(club) == []


def test_a_csv_with_old_mac_line_ends_is_read(club, tmp_path):
    sheet = tmp_path / "mac.csv"
    sheet.write_bytes(f"姓名,居民身份证号码\r孙桂英,{NUMBER}\r".encode("gb18030"))
    club("roster", "import", "--club", CLUB, str(sheet))
    assert [m["name"] for m in members(club)] == ["孙桂英"]


def test_roster_export_only_writes_xlsx_names(club, tmp_path):
    result = club("roster", "export", "--club", CLUB, str(tmp_path / "roster.csv"), ok=False)
    assert result.exit_code == 2 and ".xlsx" in result.output
    assert not (tmp_path / "roster.csv").exists()


def test_a_dry_run_exits_2_when_the_import_would_be_refused(club, tmp_path):
    path = tmp_path / "roster.xlsx"
    workbook = openpyxl.Workbook()
    for row in (["姓名", "居民身份证号码"], ["孙桂英", NUMBER], ["钱大爷", NUMBER[:-1] + "Z"]):
        workbook.active.append(row)
    workbook.save(path)
    refused(club("roster", "import", "--club", CLUB, str(path), "--dry-run", ok=False), "--skip-bad-rows")
    assert club("roster", "import", "--club", CLUB, str(path), "--dry-run", "--skip-bad-rows").exit_code == 0
    assert members(club) == []


# --- 2. a database the app cannot use -------------------------------------------------------------------


def test_a_locked_database_says_it_is_busy(cli, db_path, monkeypatch):
    import ningbo_sw_desktop.core.db as core_db

    monkeypatch.setattr(core_db, "BUSY_TIMEOUT_MS", 100)
    other = sqlite3.connect(str(db_path), isolation_level=None)  # the window, mid-write
    other.execute("BEGIN IMMEDIATE")
    try:
        result = cli("area", "add", "--name", "宁波市", "--level", "市", ok=False)
        english = cli("--lang", "en", "area", "add", "--name", "宁波市", "--level", "市", ok=False)
    finally:
        other.execute("ROLLBACK")
        other.close()
    refused(result, "数据库正忙")
    refused(english, "the database is busy", "try again")


def test_a_read_only_database_says_so(cli, db_path):
    if subprocess.run(["chattr", "+i", str(db_path)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i needs root on a file system that supports it")
    try:
        assert cli("case", "list").exit_code == 0  # reading still works
        result = cli("area", "add", "--name", "宁波市", "--level", "市", ok=False)
        english = cli("--lang", "en", "area", "add", "--name", "宁波市", "--level", "市", ok=False)
    finally:
        subprocess.run(["chattr", "-i", str(db_path)], check=True)
    refused(result, "只读", str(db_path))
    refused(english, "cannot write to the database file", "(read-only)", "check the file's permissions")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs a folder where no file can be made")
def test_a_database_that_cannot_be_opened_is_named():
    result = invoke("--db", "/proc/ningbo-sw-test.db", "init", "--office-code", "HS-NM", "--office-name", "x")
    refused(result, "无法打开数据库文件", "/proc/ningbo-sw-test.db")


def test_errors_of_the_program_itself_keep_their_traceback():
    from ningbo_sw_desktop.cli.common import database_trouble

    assert database_trouble(sqlite3.OperationalError("no such table: nope")) is None


# --- 3. a mistyped --db ----------------------------------------------------------------------------------


def test_commands_refuse_a_database_that_is_not_there(tmp_path):
    missing = tmp_path / "nothere.db"
    for args in (["case", "list"], ["check"], ["stats"], ["keys", "show"], ["bundle", "status"], ["backup", "make"],
                 ["visit", "list", "--due"], ["print", "activities"]):
        result = invoke("--db", str(missing), *args)
        refused(result, "没有数据库", str(missing), "ningbo-sw init")
    assert list(tmp_path.iterdir()) == []


def test_init_makes_the_database_but_not_its_folder(tmp_path):
    target = tmp_path / "no" / "such" / "office.db"
    refused(invoke("--db", str(target), "init", "--office-code", "HS-NM", "--office-name", "南门街道社工站"),
            "不存在", str(target.parent))
    assert not (tmp_path / "no").exists()
    typo = tmp_path / "office.db"
    refused(invoke("--db", str(typo), "init", "--office-code", "x", "--office-name", "南门街道社工站"), "办公点代码")
    assert list(tmp_path.iterdir()) == []  # a refused init leaves no empty database behind
    assert invoke("--db", str(typo), "init", "--office-code", "HS-NM", "--office-name", "南门街道社工站").exit_code == 0
    assert invoke("--db", str(typo), "case", "list").exit_code == 0


def test_the_default_database_is_still_made_by_init(tmp_path, monkeypatch):
    data = tmp_path / "data"
    monkeypatch.setenv("NINGBO_SW_DATA", str(data))  # a fresh machine: not even the data folder yet
    refused(invoke("case", "list"), "没有数据库")
    assert invoke("init", "--office-code", "HS-NM", "--office-name", "南门街道社工站").exit_code == 0
    assert (data / "ningbo-sw.db").is_file()
    assert invoke("case", "list").exit_code == 0


def test_a_backup_can_set_up_a_new_pc(cli, tmp_path):
    made = json.loads(cli("backup", "make", "--json").stdout)
    fresh = tmp_path / "new-pc.db"
    restored = invoke("--db", str(fresh), "backup", "restore", made["path"], "--yes")
    assert restored.exit_code == 0 and "原来没有数据库" in restored.stderr  # said, in case --db was mistyped
    assert "HS-NM" in invoke("--db", str(fresh), "keys", "show").stdout


# --- 4. periods ------------------------------------------------------------------------------------------


def test_a_start_after_the_end_is_refused(cli, tmp_path):
    period = ["--from", "2026-12-01", "--to", "2026-01-01"]
    for args in (["visit", "list", *period], ["stats", *period], ["print", "stats", *period, "--out", str(tmp_path / "s.pdf")]):
        refused(cli(*args, ok=False), "--from", "晚于")
    assert not (tmp_path / "s.pdf").exists()
    assert cli("stats", "--from", "2026-01-01", "--to", "2026-01-01").exit_code == 0
    refused(cli("--lang", "en", "stats", *period, ok=False), "the start date 2026-12-01 is after the end date 2026-01-01")


# --- 5, 6. case add and case list -------------------------------------------------------------------------


def case_count(cli) -> int:
    return len(json.loads(cli("case", "list", "--json", "--limit", "1000").stdout))


def test_case_add_for_a_registered_client_needs_no_name_and_takes_no_new_facts(club):
    common = ["--domain", "社会福利", "--risk", "低", "--problem", "独居"]
    first = club("case", "add", "--name", "孙桂英", "--id-number", NUMBER, "--community", "柳庄社区", *common)
    person = json.loads(club("case", "show", first.stdout.strip().splitlines()[-1], "--json").stdout)["person_id"]
    for extra in (["--name", "别人"], ["--community", "苍水社区"], ["--phone", "13800000000", "--gender", "男"]):
        result = club("case", "add", "--existing-person", NUMBER, *extra, *common, ok=False)
        assert result.exit_code == 2 and extra[0] in result.output and "--existing-person" in result.output
    assert case_count(club) == 1
    second = club("case", "add", "--existing-person", NUMBER, *common)
    shown = json.loads(club("case", "show", second.stdout.strip().splitlines()[-1], "--json").stdout)
    assert shown["person_id"] == person and case_count(club) == 2
    missing = club("case", "add", "--id-number", NUMBER, *common, ok=False)
    assert missing.exit_code == 2 and "--name" in missing.output and "--community" in missing.output


def test_list_filters_take_words_as_every_command_does(club):
    club("case", "add", "--name", "孙桂英", "--id-number", NUMBER, "--community", "柳庄社区", "--domain", "社会福利",
         "--risk", "低", "--problem", "独居")
    case_no = json.loads(club("case", "list", "--json").stdout)[0]["case_no"]
    club("case", "close", case_no, "--reason", "服务目标已达成")
    closed = [json.loads(club("case", "list", "--status", word, "--json").stdout) for word in ("已结案", "closed", "Closed")]
    assert closed[0] == closed[1] == closed[2] and [c["case_no"] for c in closed[0]] == [case_no]
    assert json.loads(club("case", "list", "--status", "进行中", "--json").stdout) == []
    refused(club("case", "list", "--status", "maybe", ok=False), "个案状态", "已结案")
    by_word = json.loads(club("area", "list", "--level", "社区", "--json").stdout)
    assert by_word and by_word == json.loads(club("area", "list", "--level", "community", "--json").stdout)


# --- 7, 8. --json, and nothing to print -------------------------------------------------------------------


def test_every_command_the_readme_gives_json_takes_it():
    documented = set()
    for line in README.read_text(encoding="utf-8").splitlines():
        cell = line.split("|")[1] if line.startswith("| `") else ""
        for usage in re.findall(r"`([^`]*--json[^`]*)`", cell):
            documented.add(tuple(w for w in usage.split() if re.fullmatch(r"[a-z-]+", w))[:2])
    assert len(documented) >= 15
    for words in documented:
        command = main
        for word in words:
            if isinstance(command, click.Group) and word in command.commands:
                command = command.commands[word]
        assert isinstance(command, click.Command) and not isinstance(command, click.Group), words
        assert "as_json" in {p.name for p in command.params}, words


def test_print_activities_lists_as_json(club):
    club("activity", "add", "--club", CLUB, "--title", "重阳节登山", "--kind", "出游", "--date", "2026-10-29")
    rows = json.loads(club("print", "activities", "--json").stdout)
    assert [r["title"] for r in rows] == ["重阳节登山"]


def test_printing_no_cases_is_refused_like_any_other_command(club, tmp_path):
    out = tmp_path / "cases.pdf"
    refused(club("print", "cases", "--search", "不存在的人", "--out", str(out), ok=False), "没有符合条件的个案")
    assert not out.exists()


# --- 9, 10. sync as the README tells it --------------------------------------------------------------------


def trust_line(shown: str, name: str) -> list[str]:
    """The `keys trust` arguments on the last line `keys show` prints, under the name the other side gives the device."""
    line = shown.strip().splitlines()[-1].split()
    assert line[:3] == ["ningbo-sw", "keys", "trust"]
    return ["keys", "trust", "--name", name, *line[line.index("--recipient"):]]


def test_the_day_at_an_office_of_the_readme_works_typed_in_order(tmp_path, monkeypatch):
    office, city, usb = tmp_path / "office" / "office.db", tmp_path / "city" / "city.db", tmp_path / "usb"
    for folder in (office.parent, city.parent, usb):
        folder.mkdir()

    def at(db: Path, *args: str, ok: bool = True):
        monkeypatch.setenv("NINGBO_SW_DATA", str(db.parent))  # each side its own data folder (keys)
        result = invoke("--db", str(db), *args)
        if ok:
            assert result.exit_code == 0, (args, result.output, result.stderr)
        return result

    at(office, "init", "--office-code", "HS-NM", "--office-name", "南门街道社工站")
    assert "285 位服务对象，240 个个案" in at(office, "demo").stdout
    at(city, "init", "--office-code", "DD-NB", "--office-name", "宁波市社工督导")
    at(city, "keys", "role", "supervisor")
    at(city, *trust_line(at(office, "keys", "show").stdout, "HS-NM"), "--role", "office")
    at(office, *trust_line(at(city, "keys", "show").stdout, "督导"), "--role", "supervisor")
    exported = json.loads(at(office, "bundle", "export", "--to", "督导", "--out", str(usb) + "/", "--json").stdout)
    assert Path(exported["path"]).name == "HS-NM-0001-to-督导.nbsync"
    dry = at(city, "bundle", "import", exported["path"], "--dry-run").stdout
    assert "试运行" in dry
    at(city, "bundle", "import", exported["path"])
    stats = json.loads(at(city, "stats", "--json").stdout)
    assert sum(n["open"] + n["closed"] for n in stats["cases_by_domain"].values()) == 240
    status = at(office, "bundle", "status").stdout
    assert "已发 第 1 号（" in status and "[" not in status
    english = at(office, "--lang", "en", "bundle", "status").stdout
    assert re.search(r"sent no\. 1 \(\d{4}-\d\d-\d\d \d\d:\d\d\)", english)


def test_a_dry_run_does_not_say_it_trusted_the_sender(tmp_path, monkeypatch):
    office, city = tmp_path / "office.db", tmp_path / "city.db"
    for db, code in ((office, "HS-NM"), (city, "DD-NB")):
        assert invoke("--db", str(db), "init", "--office-code", code, "--office-name", "站").exit_code == 0
    assert invoke("--db", str(office), *trust_line(invoke("--db", str(city), "keys", "show").stdout, "督导")).exit_code == 0
    bundle = json.loads(invoke("--db", str(office), "bundle", "export", "--to", "督导", "--out", str(tmp_path / "b.nbsync"),
                               "--json").stdout)["path"]
    dry = invoke("--db", str(city), "bundle", "import", bundle, "--dry-run", "--trust-new")
    assert dry.exit_code == 0, dry.output
    assert "将信任该设备" in dry.stdout and "已信任该设备" not in dry.stdout
    assert json.loads(invoke("--db", str(city), "keys", "list", "--json").stdout) == []
    done = invoke("--db", str(city), "bundle", "import", bundle, "--trust-new")
    assert "已信任该设备" in done.stdout


def test_case_reassign_needs_a_supervisor_and_says_what_it_did(tmp_path):
    """On an office's computer a case cannot be moved to another office; the worker can be changed."""
    from click.testing import CliRunner

    from ningbo_sw_desktop.cli import main

    db = str(tmp_path / "office.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "init", "--office-code", "HS-NM", "--office-name", "南门"]).exit_code == 0
    assert runner.invoke(main, ["--db", db, "demo"]).exit_code == 0
    refused = runner.invoke(main, ["--db", db, "case", "reassign", "HS-NM-2024-0001", "--office", "JB-CC"])
    assert refused.exit_code == 2 and "只有督导" in refused.output + (refused.stderr or "")
    nothing = runner.invoke(main, ["--db", db, "case", "reassign", "HS-NM-2024-0001"])
    assert nothing.exit_code == 2


def test_a_blank_or_far_off_period_is_refused_with_a_message(tmp_path):
    """print stats needs both days; 9999-12-31 has no next day and 1900–9999 is no period anyone means."""
    from click.testing import CliRunner

    from ningbo_sw_desktop.cli import main

    db = str(tmp_path / "office.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "init", "--office-code", "HS-NM", "--office-name", "南门"]).exit_code == 0
    for args in (["print", "stats", "--from", "", "--to", "2026-12-31"],
                 ["print", "stats", "--from", "2026-01-01", "--to", "9999-12-31"],
                 ["stats", "--from", "1800-01-01"]):
        done = runner.invoke(main, ["--db", db, *args, "--out", str(tmp_path / "s.pdf")] if args[0] == "print"
                             else ["--db", db, *args])
        assert done.exit_code == 2 and "Traceback" not in done.output, (args, done.output)
    assert not (tmp_path / "s.pdf").exists()


def test_the_due_list_refuses_a_period_it_would_ignore(tmp_path):
    from click.testing import CliRunner

    from ningbo_sw_desktop.cli import main

    db = str(tmp_path / "office.db")
    runner = CliRunner()
    assert runner.invoke(main, ["--db", db, "init", "--office-code", "HS-NM", "--office-name", "南门"]).exit_code == 0
    done = runner.invoke(main, ["--db", db, "visit", "list", "--due", "--from", "2026-11-01"])
    assert done.exit_code == 2 and "--due" in done.output
    assert runner.invoke(main, ["--db", db, "visit", "list", "--due"]).exit_code == 0
