"""Search at city scale: ~200,000 persons, 100,000 cases, 1,000,000 visits.

Usage: ``python benchmarks/search_speed.py [DB_PATH] [--scale F] [--runs N]``.
An existing database at DB_PATH (default ``benchmarks/out/city.db``) is reused; otherwise one is bulk-loaded with
``core.demo_city.generate_city`` (``--scale 0.1`` for a quick run). Prints the index build time,
the index size and median/p95 milliseconds of ``matching_case_ids`` and ``search`` for the
queries a worker types, and of the case list's first page (``case list --search``).
Target: every query well under a second (aim < 200 ms).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ningbo_sw_desktop.core.cases import CaseFilter, list_cases  # noqa: E402
from ningbo_sw_desktop.core.db import connect  # noqa: E402
from ningbo_sw_desktop.core.demo_city import generate_city  # noqa: E402
from ningbo_sw_desktop.core.office import init_office  # noqa: E402
from ningbo_sw_desktop.core.search import matching_case_ids, search  # noqa: E402
from ningbo_sw_desktop.core.search_index import rebuild_search_index, search_index_size  # noqa: E402


def build(path: Path, scale: float) -> tuple[object, float]:
    """Open (or bulk-load with ``core.demo_city``) the database; returns it and the index rebuild time (s)."""
    fresh = not path.exists()
    db = connect(path)
    if fresh:
        init_office(db, "HS-NM", "南门街道社工站")
        started = time.perf_counter()
        generate_city(db, scale=scale)  # drops the search triggers, loads, rebuilds the index, recreates them
        print(f"generated in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    rebuild_search_index(db)
    return db, time.perf_counter() - started


def queries(db) -> list[tuple[str, str]]:
    """(label, query) pairs taken from the data, so each finds something."""
    person = db.execute("SELECT id_number, phone FROM persons WHERE deleted = 0 AND phone IS NOT NULL"
                        " AND id_number IS NOT NULL ORDER BY rowid DESC LIMIT 1").fetchone()
    case_no = db.execute("SELECT case_no FROM cases WHERE deleted = 0 ORDER BY rowid DESC LIMIT 1").fetchone()[0]
    common = {n: db.execute("SELECT name, replace(name_pinyin, ' ', ''), name_initials FROM persons"
                            " WHERE name >= '张' AND name < '张\U0010ffff' AND length(name) = ? AND deleted = 0"
                            " GROUP BY name ORDER BY COUNT(*) DESC LIMIT 1", [n]).fetchone() for n in (2, 3)}
    name2, pinyin2, initials2 = common[2]
    return [("initials " + initials2, initials2), ("initials z", "z"), ("pinyin zh", "zh"), ("pinyin " + pinyin2, pinyin2),
            ("name " + name2, name2), ("name 张", "张"), ("name " + common[3][0], common[3][0]),
            ("name given " + name2[1:], name2[1:]), ("ID tail 6", person[0][-6:]), ("ID tail 4", person[0][-4:]),
            ("full ID", person[0]), ("phone", person[1]), ("phone tail 4", person[1][-4:]), ("case no", case_no),
            ("case no tail", case_no[-4:]), ("notes 低保", "低保"), ("notes 康复评估", "康复评估"), ("notes 老人", "老人"),
            ("notes 2 words", "低保 康复"), ("notes 3 words", "服务对象 情绪 回访"), ("name+notes", f"{name2} 低保"),
            ("no hit", "无此内容的查询")]


def timed(fn, runs: int) -> tuple[float, float, float, int]:
    """(first, median, p95) ms of ``fn()`` over ``runs`` runs, and the result size."""
    times, size = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        size = len(fn())
        times.append((time.perf_counter() - started) * 1000)
    ordered = sorted(times)
    return times[0], statistics.median(times), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))], size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", default="benchmarks/out/city.db")  # shared with city_demo.py
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    path = Path(args.db)
    db, build_s = build(path, args.scale)
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("persons", "cases", "visits")}
    print(f"rows: {counts}")
    print(f"index rebuild: {build_s:.1f} s; index size: {search_index_size(db) / 1e6:.1f} MB;"
          f" database file: {path.stat().st_size / 1e6:.0f} MB")
    print(f"{'query':<22}{'function':<20}{'first':>9}{'median':>9}{'p95':>9}{'hits':>7}")
    worst = 0.0
    for label, query in queries(db):
        for name, fn in (("matching_case_ids", lambda q=query: matching_case_ids(db, q)),
                         ("search", lambda q=query: search(db, q)),
                         ("case list --search", lambda q=query: list_cases(db, CaseFilter(search=q)))):
            first, median, p95, hits = timed(fn, args.runs)
            worst = max(worst, p95)
            print(f"{label:<22}{name:<20}{first:9.1f}{median:9.1f}{p95:9.1f}{hits:7d}")
    print(f"worst p95: {worst:.0f} ms (target < 200 ms, limit 1000 ms)")


if __name__ == "__main__":
    main()
