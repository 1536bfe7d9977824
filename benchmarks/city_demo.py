"""Generate the city-scale demo and time case search on it: the figures the README quotes.

Usage: ``python benchmarks/city_demo.py [DB_PATH] [--scale 1.0] [--seed N] [--reuse] [--runs N]``
(default path ``benchmarks/out/city.db``, replaced unless ``--reuse``). Prints the counts, the
generation time (search index rebuild included), the file size, and first-run and median
milliseconds of ``core.cases.list_cases`` with ``CaseFilter(search=...)`` — what
``ningbo-sw case list --search`` runs — for the queries a worker types.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ningbo_sw_desktop.core.cases import CaseFilter, list_cases  # noqa: E402
from ningbo_sw_desktop.core.db import connect  # noqa: E402
from ningbo_sw_desktop.core.demo_city import generate_city  # noqa: E402
from ningbo_sw_desktop.core.office import get_meta, init_office  # noqa: E402

DEFAULT_PATH = Path(__file__).resolve().parent / "out" / "city.db"


def file_size(path: Path) -> int:
    """Bytes of the database with its WAL and shared-memory files."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def queries(db) -> list[tuple[str, str]]:
    """(what, query) pairs taken from the generated data, so every one should find something."""
    person = db.execute("SELECT p.name, p.name_initials, p.id_number, p.phone FROM persons p JOIN cases c"
                        " ON c.person_id = p.id WHERE p.id_number IS NOT NULL AND p.phone LIKE '1%'"
                        " ORDER BY p.rowid LIMIT 1 OFFSET 777").fetchone()
    case_no = db.execute("SELECT case_no FROM cases ORDER BY rowid LIMIT 1 OFFSET 4321").fetchone()[0]
    return [("full name", person[0]), ("pinyin initials", person[1]), ("ID tail", person[2][-6:]),
            ("phone tail", person[3][-4:]), ("case number", case_no), ("2-char word", "低保"),
            ("note phrase", "康复评估"), ("surname", "王"), ("no match", "不存在的词语")]


def time_search(db, query: str, runs: int) -> dict:
    """First and median milliseconds of one search, and how many cases it listed."""
    times, rows = [], []
    for _ in range(runs):
        start = time.perf_counter()
        rows = list_cases(db, CaseFilter(search=query), limit=200)
        times.append((time.perf_counter() - start) * 1000)
    return {"first_ms": round(times[0], 1), "median_ms": round(statistics.median(times), 1), "rows": len(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=20261129)
    parser.add_argument("--reuse", action="store_true", help="time searches on an existing file")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path: Path = args.path
    result: dict = {"path": str(path)}
    if not (args.reuse and path.exists()):
        for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            p.unlink(missing_ok=True)
        db = connect(path)
        init_office(db, "HS-NM", "南门街道社工站")
        started = time.perf_counter()
        result["counts"] = generate_city(db, seed=args.seed, scale=args.scale,
                                         progress=lambda m: print(f"  [{time.perf_counter() - started:6.1f} s] {m}",
                                                                  file=sys.stderr, flush=True))
        result["total_seconds"] = round(time.perf_counter() - started, 1)
        db.close()
    db = connect(path)
    assert get_meta(db, "office_code")
    result["db_bytes"] = file_size(path)
    result["db_mb"] = round(result["db_bytes"] / 1e6, 1)
    try:
        from ningbo_sw_desktop.core.search_index import search_index_size

        result["search_index_mb"] = round(search_index_size(db) / 1e6, 1)
    except ImportError:
        pass
    result["search"] = {f"{what}: {q}": time_search(db, q, args.runs) for what, q in queries(db)}
    print(json.dumps(result, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
