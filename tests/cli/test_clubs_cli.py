"""Clubs headless: a clerk enrols members, takes attendance and round-trips the roster through Excel."""

from __future__ import annotations

import datetime
import json

import openpyxl
import pytest

from ningbo_sw_desktop.core.demo import make_id_number

NUMBER = make_id_number("330203", datetime.date(1947, 4, 4), 77, "female")
BAD = NUMBER[:-1] + ("0" if NUMBER[-1] != "0" else "1")


@pytest.fixture
def run(cli, db_path):
    """A fresh office database with one club."""
    from ningbo_sw_desktop.core.db import connect
    from ningbo_sw_desktop.core.demo import seed_reference_data

    db = connect(db_path)
    seed_reference_data(db)
    db.close()
    cli("club", "add", "--name", "柳庄夕阳红俱乐部", "--community", "柳庄社区")
    return cli


def test_enrol_hold_an_activity_and_mark_attendance(run):
    run("member", "add", "--club", "柳庄夕阳红俱乐部", "--name", "孙桂英", "--id-number", NUMBER, "--role", "志愿者")
    roster = json.loads(run("member", "list", "--club", "柳庄夕阳红俱乐部", "--json").stdout)
    assert [(m["name"], m["role"], m["gender"]) for m in roster] == [("孙桂英", "volunteer", "female")]
    activity = run("activity", "add", "--club", "柳庄夕阳红俱乐部", "--title", "重阳节登山", "--kind", "出游",
                   "--date", "2026-10-29").stdout.strip()
    run("attendance", "mark", "--activity", activity[-8:], "--person", NUMBER, "--status", "缺")
    run("attendance", "mark", "--activity", activity, "--person", NUMBER, "--status", "present")
    sheet = json.loads(run("attendance", "sheet", "--activity", activity, "--json").stdout)
    assert sheet["totals"] == {"present": 1, "absent": 0, "excused": 0, "unmarked": 0, "total": 1}
    assert "到 1" in run("attendance", "sheet", "--activity", activity).stdout
    run("member", "leave", "--club", "柳庄夕阳红俱乐部", "--person", NUMBER)
    assert json.loads(run("club", "list", "--json").stdout)[0]["members"] == 0


def test_bad_input_exits_2_with_the_field_named(run):
    result = run("member", "add", "--club", "柳庄夕阳红俱乐部", "--name", "孙桂英", "--id-number", BAD, ok=False)
    assert result.exit_code == 2 and "校验位" in result.stderr
    result = run("activity", "add", "--club", "没有的俱乐部", "--title", "x", "--kind", "party", "--date", "x", ok=False)
    assert result.exit_code == 2 and "俱乐部" in result.stderr and "活动类型" in result.stderr


def test_roster_import_refuses_a_sheet_with_bad_rows_unless_told_to_skip_them(run, tmp_path):
    path = tmp_path / "花名册.xlsx"
    wb = openpyxl.Workbook()
    for row in (["花名册"], ["姓名", "身份证号码", "角色"], ["孙桂英", NUMBER, "成员"], ["钱大爷", BAD, "成员"]):
        wb.active.append(row)
    wb.save(path)
    checked = run("roster", "import", "--club", "柳庄夕阳红俱乐部", str(path), "--dry-run", "--json", ok=False)
    assert checked.exit_code == 2  # the real import would be refused: a script checking the sheet notices
    dry = json.loads(checked.stdout)
    assert [r["row"] for r in dry["added"]] == [3] and [r["row"] for r in dry["rejected"]] == [4]
    assert dry["applied"] is False
    refused = run("roster", "import", "--club", "柳庄夕阳红俱乐部", str(path), ok=False)
    assert refused.exit_code == 2 and "第 4 行 钱大爷" in refused.stderr and "--skip-bad-rows" in refused.stderr
    assert json.loads(run("member", "list", "--club", "柳庄夕阳红俱乐部", "--json").stdout) == []
    done = json.loads(run("roster", "import", "--club", "柳庄夕阳红俱乐部", str(path), "--skip-bad-rows", "--json").stdout)
    assert done["applied"] is True and [r["name"] for r in done["added"]] == ["孙桂英"]
    out = tmp_path / "out.xlsx"
    run("roster", "export", "--club", "柳庄夕阳红俱乐部", str(out))
    again = run("roster", "import", "--club", "柳庄夕阳红俱乐部", str(out)).stdout
    assert "新增 0，更新 0，未变 1，有问题 0" in again
