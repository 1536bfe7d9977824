"""``ningbo-sw self-test``: the first thing to run after installing, and what the installers' CI smoke test runs."""

from __future__ import annotations

import sys
import time

import click

from . import main
from .common import emit_json, json_option, words


def _marks() -> tuple[str, str, str]:
    """✓ ✗ – where the console can show them (a Chinese Windows console in GBK cannot), else ASCII."""
    encoding = getattr(sys.stdout, "encoding", None) or "ascii"
    try:
        "✓✗–".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return "OK", "FAIL", "SKIP"
    return "✓", "✗", "–"


@main.command("self-test")
@click.option("--keep", is_flag=True, help="Keep the scratch folder (databases, PDF, bundle) and print its path.")
@json_option
def self_test(keep, as_json):
    """Check this installation end to end in a scratch folder; exit 0 only when every step passed.

    Creates a database, opens a case and logs a visit, renders the case summary PDF, exports
    a bundle and imports it on a second device, finds the bundled resources and opens the
    main window offscreen. Your own database, keys and settings are not touched.

    Example: ningbo-sw self-test --keep
    """
    import shutil
    import tempfile
    from pathlib import Path

    from ..selftest import all_passed, run_steps

    folder = Path(tempfile.mkdtemp(prefix="ningbo-sw-selftest-"))
    ok_mark, bad_mark, skip_mark = _marks()
    started = time.perf_counter()

    def show(result) -> None:
        if as_json:
            return
        mark = ok_mark if result.ok else (skip_mark if result.ok is None else bad_mark)
        line = f"{mark} {result.label}  {result.seconds:.2f} s"
        if result.detail:
            line += f"  ({result.detail})"
        click.echo(line)
        if result.error:
            click.echo(f"    {result.error}")

    try:
        results = run_steps(folder, on_result=show)
    finally:
        if not keep:
            shutil.rmtree(folder, ignore_errors=True)
    passed = all_passed(results)
    total = time.perf_counter() - started
    if as_json:
        emit_json({"ok": passed, "seconds": round(total, 3), "folder": str(folder) if keep else None,
                   "steps": [r.as_dict() for r in results]})
    else:
        click.echo(words(f"自检{'通过' if passed else '未通过'}，用时 {total:.2f} 秒",
                         f"Self-test {'passed' if passed else 'FAILED'} in {total:.2f} s"))
        if keep:
            click.echo(words(f"临时文件保留在 {folder}", f"Scratch files kept in {folder}"))
    if not passed:
        raise SystemExit(1)
