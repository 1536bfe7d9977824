"""An office admin installs the app and runs ``ningbo-sw self-test``: every step of a day's work is tried once."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from ningbo_sw_desktop import selftest
from ningbo_sw_desktop.cli import main
from ningbo_sw_desktop.core.i18n import Text

STEP_KEYS = [step.key for step in selftest.STEPS]


def run_cli(*args: str, data: Path) -> subprocess.CompletedProcess:
    """``ningbo-sw ARGS`` in a fresh interpreter of this venv, as a user would start it."""
    env = {**os.environ, "NINGBO_SW_DATA": str(data), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "ningbo_sw_desktop", *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=180)


def test_self_test_passes_and_reports_every_step(tmp_path):
    done = run_cli("self-test", "--json", data=tmp_path / "data")
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is True
    assert [s["step"] for s in report["steps"]] == STEP_KEYS
    assert all(s["ok"] and s["seconds"] >= 0 for s in report["steps"])
    assert report["folder"] is None  # the scratch folder is gone


def test_self_test_prints_ticks_and_timing_and_can_keep_its_files(tmp_path):
    done = run_cli("--lang", "en", "self-test", "--keep", data=tmp_path / "data")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    ticks = [line for line in lines if line.startswith("✓ ")]
    assert len(ticks) == len(STEP_KEYS)
    assert all(" s" in line for line in ticks)
    assert any(line.startswith("Self-test passed in") for line in lines)
    kept = Path(lines[-1].split("Scratch files kept in ", 1)[1])
    try:
        assert (kept / "office.db").is_file() and (kept / "supervisor.db").is_file()
        assert (kept / "case-summary.pdf").read_bytes().startswith(b"%PDF-")
        assert list((kept / "stick").glob("*.nbsync"))
        assert len(list((kept / "backups").glob("office-*.db"))) == 2
    finally:
        import shutil

        shutil.rmtree(kept, ignore_errors=True)


def test_the_users_own_data_folder_is_left_alone(tmp_path):
    data = tmp_path / "data"
    done = run_cli("self-test", data=data)
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (data / "keys").exists() and not (data / "ningbo-sw.db").exists()


def test_data_steps_work_as_plain_functions(tmp_path):
    """The steps are plain functions: a test (or a support script) can run any of them."""
    ws = selftest.Workspace(tmp_path)
    with selftest.scratch_environment(tmp_path):
        try:
            assert "areas" in selftest.create_database(ws)
            assert selftest.add_case_and_visit(ws).startswith("HS-NM-")
            assert "font" in selftest.render_case_summary(ws)
            assert "restored" in selftest.backup_and_restore(ws)
            assert ".nbsync" in selftest.exchange_bundle(ws)
            assert ws.pdf.is_file() and ws.bundle.is_file()
        finally:
            ws.close()


def test_a_failed_step_is_marked_skips_what_needs_it_and_exits_1(tmp_path, monkeypatch):
    def broken(ws):
        raise selftest.StepFailed("the printer caught fire")

    steps = (selftest.Step("first", Text("一", "first"), broken),
             selftest.Step("second", Text("二", "second"), lambda ws: "fine", ("first",)),
             selftest.Step("third", Text("三", "third"), lambda ws: "fine"))
    results = selftest.run_steps(tmp_path, steps=steps)
    assert [r.ok for r in results] == [False, None, True]
    assert "printer caught fire" in results[0].error and "skipped" in results[1].error
    assert not selftest.all_passed(results)

    monkeypatch.setattr(selftest, "STEPS", steps)
    monkeypatch.setattr("ningbo_sw_desktop.selftest.run_steps",
                        lambda folder, on_result=None: [on_result(r) or r for r in results])
    outcome = CliRunner().invoke(main, ["--lang", "en", "self-test"])
    assert outcome.exit_code == 1
    assert "✗ first" in outcome.output and "– second" in outcome.output and "✓ third" in outcome.output
    assert "FAILED" in outcome.output


def test_the_window_step_leaves_the_test_process_as_it_found_it(qapp, tmp_path):
    """Run in-process (as pytest-qt shares one QApplication), the window step must not leak language or locale."""
    from PySide6.QtCore import QLocale

    from ningbo_sw_desktop.core import i18n

    before = (i18n.get_language(), QLocale().name(), qapp.translate("MainWindow", "New case"))
    results = selftest.run_steps(tmp_path, steps=tuple(s for s in selftest.STEPS if s.key in ("database", "window")))
    assert all(r.ok for r in results), [r.error for r in results]
    # no translator of its own left installed, none of the session's taken away
    assert (i18n.get_language(), QLocale().name(), qapp.translate("MainWindow", "New case")) == before


def test_help_has_an_example():
    outcome = CliRunner().invoke(main, ["self-test", "--help"])
    assert outcome.exit_code == 0 and "Example: ningbo-sw self-test" in outcome.output


def test_the_visits_it_logs_are_never_in_the_future_whenever_it_runs():
    import datetime

    # just past midnight: not yesterday, not ahead
    assert selftest._earlier_today(60, datetime.datetime(2026, 11, 30, 0, 0, 30)) == "2026-11-30T00:00"
    # an office opening at 8 (it used to say 09:30)
    assert selftest._earlier_today(60, datetime.datetime(2026, 11, 30, 8, 5, 59)) == "2026-11-30T07:05"
