"""Database health: SQLite's integrity check plus the app's own invariants."""

from __future__ import annotations

from .migrations import known_steps, schema_version
from .schema import TABLES


def check_database(db) -> dict:
    """Run the checks; ``ok`` is False when any problem was found."""
    problems: list[str] = []
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check").fetchall()]
    if integrity != ["ok"]:
        problems += integrity
    version = schema_version(db)
    if version != len(known_steps()):
        problems.append(f"schema version {version}, expected {len(known_steps())}")
    for table in TABLES:
        bad = db.execute(f"SELECT COUNT(*) FROM {table} WHERE hlc IS NULL OR stamps IS NULL OR json_valid(stamps) = 0").fetchone()[0]
        if bad:
            problems.append(f"{table}: {bad} rows without valid clock stamps")
    dup = db.execute("SELECT case_no FROM cases GROUP BY case_no HAVING COUNT(*) > 1 LIMIT 5").fetchall()
    if dup:
        problems.append("duplicate case numbers: " + ", ".join(r[0] for r in dup))
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t} WHERE deleted = 0").fetchone()[0] for t in TABLES}
    return {"ok": not problems, "schema_version": version, "problems": problems, "counts": counts}
