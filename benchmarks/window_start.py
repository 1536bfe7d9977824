"""Window start: from a fresh ``python`` process to the main window shown and painted.

Usage: ``python benchmarks/window_start.py [--runs N]``. Each run is a new process (so
every import is paid, as when a worker double-clicks the icon) on the office-scale demo
database, offscreen; the figure is the median wall time of the process up to the first
painted Today page, and the part of it spent importing Python modules.
Figures go to stdout and to ``benchmarks/out/window_start.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

CHILD = """
import time
started = time.perf_counter()
import sys
from ningbo_sw_desktop.ui.app import application, build_context
from ningbo_sw_desktop.ui.main_window import MainWindow
from ningbo_sw_desktop.ui.registry import load_extensions
imported = time.perf_counter()
app = application()
ctx = build_context(sys.argv[1], app)
load_extensions()
window = MainWindow(ctx)
window.show()
window.repaint()
app.processEvents()
shown = time.perf_counter()
print(imported - started, shown - started)
ctx.ops.shutdown()
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from ningbo_sw_desktop.core.db import connect
    from ningbo_sw_desktop.core.demo import load_demo
    from ningbo_sw_desktop.core.office import init_office

    folder = Path(tempfile.mkdtemp(prefix="window-start-"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NINGBO_SW_DATA": str(folder / "data"),
           "PYTHONPATH": str(ROOT / "src"), "XDG_CONFIG_HOME": str(folder / "config")}
    db_path = folder / "office.db"
    db = connect(db_path)
    init_office(db, "HS-NM", "南门街道社工站")
    load_demo(db)
    db.close()
    walls, imports, shown = [], [], []
    for _ in range(args.runs):
        started = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(db_path)], env=env, capture_output=True, text=True,
                             check=True)
        walls.append(time.perf_counter() - started)
        imported, until_shown = map(float, out.stdout.split()[-2:])
        imports.append(imported)
        shown.append(until_shown)
    figures = {"runs": args.runs, "process_to_window_s": round(statistics.median(walls), 3),
               "imports_s": round(statistics.median(imports), 3), "in_process_to_window_s": round(statistics.median(shown), 3)}
    print(f"window shown {figures['process_to_window_s']:.2f} s after the process started (median of {args.runs}; "
          f"imports {figures['imports_s']:.2f} s, in-process {figures['in_process_to_window_s']:.2f} s)")
    out_dir = Path(__file__).parent / "out"
    out_dir.mkdir(exist_ok=True)
    (out_dir / "window_start.json").write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
