"""Drafts of half-typed forms, kept on disk so a crash or power cut loses nothing typed.

Each open form (intake, a visit log) writes its fields as JSON to ``data_dir()/drafts/``
while the user types; a clean save or a confirmed cancel removes the file, so any draft
found at start-up was left by a crash. Writes are atomic (temp file, fsync, rename): a
draft is either the previous version or the new one, never half of each. Plain Python.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

SUFFIX = ".draft.json"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class Draft:
    """One saved form: its name (e.g. ``intake``), the typed values and when they were saved."""

    form_name: str
    values: dict
    saved_at: str


def default_folder() -> Path:
    """Where drafts live: the ``drafts`` folder inside the user's data folder."""
    from .paths import data_dir

    return data_dir() / "drafts"


def _file(folder: Path, form_name: str) -> Path:
    """The file of one form; names are reduced to safe characters so no path escapes."""
    if not form_name:
        raise ValueError("a draft needs a form name")
    return Path(folder) / (_SAFE_NAME.sub("_", form_name) + SUFFIX)


def save_draft(folder: str | Path, form_name: str, values: dict) -> Path:
    """Write a form's values atomically; returns the draft's file."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = _file(folder, form_name)
    payload = {"form_name": form_name, "saved_at": datetime.datetime.now().isoformat(timespec="seconds"),
               "values": values}
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", suffix=SUFFIX, dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(payload, fh, ensure_ascii=False, default=str)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_folder(folder)
    return target


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name == "nt":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def load_drafts(folder: str | Path) -> list[Draft]:
    """Every readable draft in ``folder``, oldest first; unreadable files are skipped, not fatal."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    drafts = []
    for path in folder.glob("*" + SUFFIX):
        if path.name.startswith(".tmp-"):
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            drafts.append(Draft(str(data["form_name"]), dict(data["values"]), str(data.get("saved_at", ""))))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return sorted(drafts, key=lambda d: (d.saved_at, d.form_name))


def discard_draft(folder: str | Path, form_name: str) -> bool:
    """Remove a form's draft (after a save or a confirmed cancel); True when one existed."""
    try:
        _file(Path(folder), form_name).unlink()
        return True
    except FileNotFoundError:
        return False
