"""How fast the office prints: one case summary, and a thousand of them in one batch PDF.

Usage: ``python benchmarks/print_speed.py [--cases 1000] [--visits 50] [--batch-visits 12] [--runs 30]``.
Builds a fresh demo office with ``--cases`` cases, gives one case ``--visits`` visits and
tops every case up to ``--batch-visits`` (a year of monthly visits), then prints:
font loading time; median and p90 milliseconds of ``build_case_summary`` (audit included)
once fonts are loaded — target ≤ 50 ms; and the seconds, pages and size of
``build_case_batch`` over all cases — target ≤ 60 s.
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ningbo_sw_desktop.core import demo_data as D  # noqa: E402
from ningbo_sw_desktop.core.cases import case_ids  # noqa: E402
from ningbo_sw_desktop.core.db import connect, write_transaction  # noqa: E402
from ningbo_sw_desktop.core.demo import load_demo  # noqa: E402
from ningbo_sw_desktop.core.office import init_office  # noqa: E402
from ningbo_sw_desktop.core.visits import log_visit  # noqa: E402
from ningbo_sw_desktop.reports import build_case_batch, build_case_summary, choose_font  # noqa: E402
from ningbo_sw_desktop.reports.layout import page_count  # noqa: E402


def top_up_visits(db, case_id: str, want: int, rng: random.Random) -> None:
    """Add visits to a case until it has ``want``, spread over the days since intake."""
    row = db.execute("SELECT c.intake_date, c.worker_id, (SELECT COUNT(*) FROM visits v WHERE v.case_id = c.id)"
                     " FROM cases c WHERE c.id = ?", [case_id]).fetchone()
    intake, worker_id, have = datetime.date.fromisoformat(row[0]), row[1], row[2]
    span = max(1, (datetime.date.today() - intake).days)
    for _ in range(want - have):
        day = intake + datetime.timedelta(days=rng.randrange(span))
        at = datetime.datetime.combine(day, datetime.time(rng.randint(8, 17), rng.choice([0, 15, 30, 45])))
        log_visit(db, {"case_id": case_id, "worker_id": worker_id, "at": at, "kind": rng.choice(["home", "phone", "office"]),
                       "duration_min": rng.choice([20, 30, 45, 60]),
                       "notes": rng.choice(D.VISIT_NOTES) + rng.choice(D.VISIT_NOTES)}, actor="bench")


def make_office(path: Path, cases: int, visits: int, batch_visits: int) -> tuple:
    """A demo office database; returns it and the case number of the long case."""
    db = connect(path)
    init_office(db, "HS-NM", "南门街道社工站")
    load_demo(db, persons=cases)
    rng = random.Random(7)
    ids = case_ids(db, sort="case_no")
    with write_transaction(db):
        for case_id in ids:
            if db.execute("SELECT status FROM cases WHERE id = ?", [case_id]).fetchone()[0] == "open":
                top_up_visits(db, case_id, batch_visits, rng)
        long_case = next(i for i in ids if db.execute("SELECT status FROM cases WHERE id = ?", [i]).fetchone()[0] == "open")
        top_up_visits(db, long_case, visits, rng)
    return db, db.execute("SELECT case_no FROM cases WHERE id = ?", [long_case]).fetchone()[0], ids


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--visits", type=int, default=50)
    parser.add_argument("--batch-visits", type=int, default=12)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        db, case_no, ids = make_office(Path(tmp) / "office.db", args.cases, args.visits, args.batch_visits)
        made = time.perf_counter() - started
        started = time.perf_counter()
        font = choose_font()
        font_s = time.perf_counter() - started
        build_case_summary(db, case_no, actor="bench")  # warm: styles, glyph widths
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            data = build_case_summary(db, case_no, actor="bench")
            times.append((time.perf_counter() - started) * 1000)
        one_pages = page_count(data)
        started = time.perf_counter()
        batch = build_case_batch(db, ids, actor="bench")
        batch_s = time.perf_counter() - started
        db.close()
    times.sort()
    result = {
        "font": f"{font.source}: {font.path or font.name}", "font_load_s": round(font_s, 3), "setup_s": round(made, 1),
        "summary_visits": args.visits, "summary_pages": one_pages, "summary_median_ms": round(statistics.median(times), 1),
        "summary_p90_ms": round(times[int(len(times) * 0.9) - 1], 1), "summary_target_ms": 50,
        "batch_cases": len(ids), "batch_s": round(batch_s, 1), "batch_pages": page_count(batch),
        "batch_mb": round(len(batch) / 1e6, 1), "batch_ms_per_case": round(batch_s * 1000 / len(ids), 1),
        "batch_target_s": 60,
    }
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return result


if __name__ == "__main__":
    main()
