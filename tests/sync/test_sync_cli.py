"""The sync commands as a clerk runs them: three offices and a supervisor swapping sticks in any order."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sync_helpers import edit

from ningbo_sw_desktop.cli import main
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import seed_reference_data
from ningbo_sw_desktop.sync import content_digest

OFFICES = ("HS-A", "HS-B", "HS-C")
ORDERS = [("HS-A", "HS-B", "HS-C"), ("HS-C", "HS-B", "HS-A"), ("HS-B", "HS-C", "HS-A")]


class Clerks:
    """Runs ``ningbo-sw`` against the databases in one folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.runner = CliRunner()

    def db(self, name: str) -> Path:
        return self.folder / f"{name}.db"

    def run(self, name: str, *args: str, ok: bool = True):
        result = self.runner.invoke(main, ["--lang", "en", "--db", str(self.db(name)), *args])
        if ok:
            assert result.exit_code == 0, (args, result.output, result.exception)
        return result

    def json(self, name: str, *args: str):
        return json.loads(self.run(name, *args, "--json").output)

    def send(self, src: str, to_name: str, dst: str) -> dict:
        """``bundle export`` at src, ``bundle import`` at dst; returns the import report."""
        sticks = self.folder / "sticks"
        sticks.mkdir(exist_ok=True)
        exported = self.json(src, "bundle", "export", "--to", to_name, "--out", str(sticks) + "/")
        return self.json(dst, "bundle", "import", exported["path"])


def _id_number(born: str, seq: int) -> str:
    from ningbo_sw_desktop.core.validation import id_check_digit

    body = f"330203{born.replace('-', '')}{seq:03d}"
    return body + id_check_digit(body)


@pytest.fixture
def world(tmp_path):
    """Phase 0: keys exchanged, reference data shared, a case reassigned, then closed at two offices."""
    c = Clerks(tmp_path / "template")
    c.folder.mkdir()
    c.run("sup", "init", "--office-code", "DD-NB", "--office-name", "宁波市社工督导")
    c.run("sup", "keys", "role", "supervisor")
    sup = connect(c.db("sup"))
    seed_reference_data(sup)
    sup.close()
    for code in OFFICES:
        c.run(code, "init", "--office-code", code, "--office-name", f"{code} 社工站")
        office, boss = c.json(code, "keys", "show"), c.json("sup", "keys", "show")
        c.run("sup", "keys", "trust", "--name", code, "--recipient", office["age_recipient"],
              "--signing-key", office["signing_key"], "--role", "office")
        c.run(code, "keys", "trust", "--name", "督导", "--recipient", boss["age_recipient"],
              "--signing-key", boss["signing_key"], "--role", "supervisor")
        assert c.send("sup", code, code)["totals"]["new"] >= 27  # areas, programs, workers ...
    case_no = c.run("HS-A", "case", "add", "--name", "张三", "--id-number", _id_number("1948-05-10", 11),
                    "--community", "柳庄社区", "--domain", "社会福利", "--risk", "medium",
                    "--problem", "独居老人").output.strip().splitlines()[-1]
    c.run("HS-B", "case", "add", "--name", "李秀英", "--id-number", _id_number("1944-05-12", 20),
          "--community", "苍水社区", "--domain", "社会救助", "--risk", "high", "--problem", "低保复核")
    c_case = c.run("HS-C", "case", "add", "--name", "王阿婆", "--id-number", _id_number("1941-03-05", 30),
                   "--community", "长春社区", "--domain", "社会福利", "--risk", "low", "--intake-date", "2025-05-01",
                   "--problem", "需要助餐").output.strip().splitlines()[-1]
    c.run("HS-C", "visit", "add", "--case", c_case, "--kind", "home", "--at", "2025-06-01T09:30", "--notes", "入户探访")
    c.send("HS-A", "督导", "sup")
    c.send("HS-B", "督导", "sup")  # the supervisor learns which office B is (before, B's share is unknown: empty)
    sup = connect(c.db("sup"))  # the supervisor reassigns A's case to office B
    case_id = sup.execute("SELECT id FROM cases WHERE case_no = ?", [case_no]).fetchone()[0]
    edit(sup, "cases", case_id, {"office_code": "HS-B"})
    sup.close()
    assert c.send("sup", "HS-B", "HS-B")["new"]["cases"] == 1
    assert c.send("sup", "HS-A", "HS-A")["updated"] == {"cases": 1}
    c.run("HS-A", "case", "close", case_no, "--reason", "已迁居外地")
    c.run("HS-B", "case", "close", case_no, "--reason", "服务目标已达成")
    bundles = {code: c.json(code, "bundle", "export", "--to", "督导", "--out", str(c.folder / f"{code}.nbsync"))["path"]
               for code in OFFICES}
    for name in ("sup", *OFFICES):  # everything into the main files, so copies are complete
        db = connect(c.db(name))
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        db.close()
    return c, bundles, case_no


def exchange(world, order, folder: Path) -> dict:
    """Copy the phase-0 databases, then: offices -> supervisor (in ``order``), back, and once more each way."""
    template, bundles, _ = world
    folder.mkdir()
    for name in ("sup", *OFFICES):
        shutil.copyfile(template.db(name), folder / f"{name}.db")
    c = Clerks(folder)
    for code in order:
        c.json("sup", "bundle", "import", bundles[code])
    for _ in range(2):
        for code in order:
            c.send("sup", code, code)
        for code in order:
            c.send(code, "督导", "sup")
    for code in order:
        c.send("sup", code, code)
    out = {}
    for name in ("sup", *OFFICES):
        db = connect(c.db(name))
        out[name] = content_digest(db)
        db.close()
        out[name + " conflicts"] = _comparable(c.json(name, "conflicts", "list"))
    return out


def _comparable(records: list) -> list:
    """The conflict list without what is local to one run (bundle ids)."""
    for record in records:
        for field in record["fields"]:
            for version in [field["winner"], *field["competing"]]:
                version.pop("bundle_id")
                version.pop("conflict_id")
    return records


def test_three_offices_and_a_supervisor_end_the_same_whatever_the_order(world, tmp_path):
    results = [exchange(world, order, tmp_path / f"run{k}") for k, order in enumerate(ORDERS)]
    assert all(r == results[0] for r in results)
    first = results[0]
    [record] = first["sup conflicts"]
    assert record["title"] == f"{world[2]} 张三" and [f["field"] for f in record["fields"]] == ["close_reason"]
    values = {record["fields"][0]["winner"]["value"], record["fields"][0]["competing"][0]["value"]}
    assert values == {"已迁居外地", "服务目标已达成"}
    assert first["HS-A conflicts"] == first["HS-B conflicts"] == first["sup conflicts"]  # both offices see it too
    assert first["HS-C conflicts"] == []


def test_a_refused_bundle_exits_2_with_both_languages_and_the_trust_command(world, tmp_path):
    template, bundles, _ = world
    c = Clerks(tmp_path / "stranger")
    c.folder.mkdir()
    c.run("x", "init", "--office-code", "JB-CC", "--office-name", "慈城")
    result = c.run("x", "bundle", "import", bundles["HS-A"], ok=False)
    assert result.exit_code == 2
    assert "错误：" in result.output and "error:" in result.output


def test_an_unknown_sender_is_refused_until_trusted(world, tmp_path):
    template, bundles, _ = world
    c = Clerks(tmp_path / "new-sup")
    c.folder.mkdir()
    shutil.copyfile(template.db("sup"), c.db("sup"))
    conn = connect(c.db("sup"))
    conn.execute("DELETE FROM sync_peers WHERE name = 'HS-A'")
    conn.close()
    refused = c.run("sup", "bundle", "import", bundles["HS-A"], ok=False)
    assert refused.exit_code == 2 and "--trust-new" in refused.output and "ningbo-sw keys trust --name HS-A" in refused.output
    inspected = c.json("sup", "bundle", "inspect", bundles["HS-A"])
    assert inspected["trusted"] is False and inspected["origin"]["office_code"] == "HS-A"
    dry = c.json("sup", "bundle", "import", bundles["HS-A"], "--trust-new", "--dry-run")
    assert dry["dry_run"] and dry["trusted_now"]
    assert c.run("sup", "bundle", "import", bundles["HS-A"], ok=False).exit_code == 2  # the dry run trusted nobody
    done = c.json("sup", "bundle", "import", bundles["HS-A"], "--trust-new")
    assert done["trusted_now"] and done["totals"]["updated"] == 1
    text = c.run("sup", "bundle", "import", bundles["HS-A"]).output
    assert "already imported" in text


def test_keys_commands(world):
    c = world[0]
    shown = c.run("HS-A", "keys", "show").output
    assert "ningbo-sw keys trust --name HS-A --recipient age1" in shown and shown.rstrip().endswith("--role office")
    peers = c.json("sup", "keys", "list")
    assert sorted(p["name"] for p in peers) == sorted(OFFICES)
    assert c.run("sup", "keys", "role").output.strip() == "supervisor"
    bad = c.run("sup", "keys", "trust", "--name", "x", "--recipient", "age1nope", "--signing-key", "00", ok=False)
    assert bad.exit_code == 2


def test_resolving_from_the_command_line(world, tmp_path):
    template, bundles, case_no = world
    c = Clerks(tmp_path / "resolve")
    c.folder.mkdir()
    shutil.copyfile(template.db("sup"), c.db("sup"))
    for code in OFFICES:
        c.json("sup", "bundle", "import", bundles[code])
    [record] = c.json("sup", "conflicts", "list")
    other = record["fields"][0]["competing"][0]
    c.run("sup", "conflicts", "resolve", other["conflict_id"], "--use-other")
    assert c.json("sup", "conflicts", "list") == []
    shown = c.json("sup", "case", "show", case_no)
    assert shown["close_reason"] == other["value"]
    text = c.run("sup", "bundle", "waiting").output
    assert text.strip()
    assert c.json("sup", "bundle", "quarantine") == []
