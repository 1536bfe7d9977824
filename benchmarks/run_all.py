"""Run the measured suite in order, reusing the city-scale database between scripts.

The figures quoted in the README come from these scripts; each prints its own table.
Takes several minutes (the city demo alone about two) and a few GB of disk in benchmarks/out/.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
CITY = HERE / "out" / "city.db"

STEPS = [
    ["city_demo.py", str(CITY), "--reuse"],
    ["search_speed.py", str(CITY)],
    ["print_speed.py"],
    ["sync_speed.py"],
    ["sync_speed.py", "--city", "--keep", str(HERE / "out" / "sync-city")],
    ["field_stamps.py", "--n", "200000"],
    ["window_start.py"],
]


def main() -> int:
    """Run every benchmark; the exit code is the first failure's, else 0."""
    for script, *args in STEPS:
        print(f"\n=== {script} {' '.join(args)}", flush=True)
        code = subprocess.call([sys.executable, str(HERE / script), *args])
        if code:
            return code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
