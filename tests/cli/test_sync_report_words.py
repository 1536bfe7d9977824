"""A clerk reads what a bundle carried in words, not table names: 个案 3, and 冲突: 个案 HS-A-2026-0001 · 结案原因."""

from __future__ import annotations

import datetime
import json

import pytest
from click.testing import CliRunner

from ningbo_sw_desktop.cli import main
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import make_id_number, seed_reference_data

NUMBER = make_id_number("330203", datetime.date(1948, 5, 10), 11, "male")
RAW_NAMES = ("areas", "workers", "programs", "service_projects", "persons", "cases", "visits", "close_reason")


class Office:
    """``ningbo-sw`` on one office's database."""

    def __init__(self, path):
        self.path, self.runner = path, CliRunner()

    def __call__(self, *args, lang="zh", ok=True):
        result = self.runner.invoke(main, ["--lang", lang, "--db", str(self.path), *args])
        if ok:
            assert result.exit_code == 0, (args, result.output, result.exception)
        return result

    def json(self, *args):
        return json.loads(self(*args, "--json").stdout)


@pytest.fixture
def offices(tmp_path):
    """Two offices that trust each other; A has sent B a case, then both closed it for different reasons."""
    a, b = Office(tmp_path / "a.db"), Office(tmp_path / "b.db")
    for office, code in ((a, "HS-A"), (b, "HS-B")):
        office("init", "--office-code", code, "--office-name", f"{code} 社工站")
    for office, other, name in ((a, b, "HS-B"), (b, a, "HS-A")):
        keys = other.json("keys", "show")
        office("keys", "trust", "--name", name, "--recipient", keys["age_recipient"], "--signing-key", keys["signing_key"])
    db = connect(a.path)
    seed_reference_data(db)
    db.close()
    case_no = a("case", "add", "--name", "张三", "--id-number", NUMBER, "--community", "柳庄社区", "--domain", "社会福利",
                "--risk", "medium", "--problem", "独居老人").stdout.strip().splitlines()[-1]
    return a, b, case_no, tmp_path


def _send(src, to, dst, folder, *, lang="zh", as_json=False):
    """``bundle export`` at src and ``bundle import`` at dst: (export output, import output)."""
    folder.mkdir(exist_ok=True)
    path = src.json("bundle", "export", "--to", to, "--out", str(folder) + "/")["path"]
    if as_json:
        return path, dst.json("bundle", "import", path)
    return path, dst("bundle", "import", path, lang=lang).stdout


def test_export_and_import_count_records_in_the_clerks_words(offices):
    a, b, _, folder = offices
    exported = a("bundle", "export", "--to", "HS-B", "--out", str(folder / "one.nbsync")).stdout
    assert "  个案: 1" in exported and "  服务对象: 1" in exported and "  区域: " in exported
    assert not any(f"  {raw}:" in exported for raw in RAW_NAMES)
    inspected = b("bundle", "inspect", str(folder / "one.nbsync"), lang="en").stdout
    assert "  Clients: 1" in inspected and "  Social workers: " in inspected and "  persons:" not in inspected
    imported = b("bundle", "import", str(folder / "one.nbsync")).stdout
    new_line = next(line for line in imported.splitlines() if line.startswith("新增"))
    assert "个案 1" in new_line and "服务对象 1" in new_line and "专业服务项目" in new_line
    assert not any(raw in new_line for raw in RAW_NAMES)


def test_a_conflict_names_the_case_and_the_field_not_table_and_id(offices):
    a, b, case_no, folder = offices
    _send(a, "HS-B", b, folder / "down")
    a("case", "close", case_no, "--reason", "已迁居外地")
    b("case", "close", case_no, "--reason", "服务目标已达成")
    path = b.json("bundle", "export", "--to", "HS-A", "--out", str(folder / "up.nbsync"))["path"]
    case_id = a.json("case", "show", case_no)["id"]

    dry = a("bundle", "import", path, "--dry-run").stdout
    [line] = [line for line in dry.splitlines() if line.startswith("冲突:")]
    assert case_no in line and "个案" in line and "结案原因" in line
    assert case_id not in line and "cases" not in line and "close_reason" not in line
    assert "个案 1" in next(line for line in dry.splitlines() if line.startswith("更新"))

    english = a("bundle", "import", path, "--dry-run", lang="en").stdout
    [line] = [line for line in english.splitlines() if line.startswith("conflict:")]
    assert f"Case {case_no}" in line and "Closing reason" in line and "close_reason" not in line

    report = a.json("bundle", "import", path)  # the machine-readable report keeps table names and ids
    assert report["conflicts"] == [["cases", case_id, "close_reason"]]
    assert report["updated"] == {"cases": 1} and report["totals"]["conflicts"] == 1
    listed = a("conflicts", "list").stdout
    assert listed.startswith(f"个案 {case_no}") and "结案原因" in listed
