"""The layers stay apart: core, sync and reports never import PySide6 (DESIGN.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "ningbo_sw_desktop"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_core_sync_reports_never_import_qt():
    offenders = []
    for layer in ("core", "sync", "reports"):
        for path in (PACKAGE / layer).rglob("*.py"):
            if any(name.split(".")[0] in {"PySide6", "shiboken6"} for name in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
            if any(name.startswith("ningbo_sw_desktop.ui") for name in _imports(path)):
                offenders.append(str(path.relative_to(PACKAGE)))
    assert offenders == []


def test_importing_every_core_module_loads_no_qt():
    """Imported for real in a fresh interpreter: nothing pulls Qt in indirectly."""
    modules = [f"ningbo_sw_desktop.{layer}.{p.stem}" for layer in ("core", "sync", "reports")
               for p in sorted((PACKAGE / layer).glob("*.py")) if p.stem != "__init__"]
    code = "import sys\n" + "".join(f"import {m}\n" for m in modules) + "print(any(m.startswith('PySide6') for m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
