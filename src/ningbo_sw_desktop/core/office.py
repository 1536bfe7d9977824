"""This installation's identity: office code and name, device id, current worker.

Kept in the local ``meta`` table (never synced): each office is one installation.
"""

from __future__ import annotations

import re

from .changes import Changes
from .db import write_transaction
from .errors import FieldError, ValidationError
from .i18n import Text
from .records import audit

OFFICE_CODE = re.compile(r"^[A-Z]{2,4}(-[A-Z0-9]{1,6}){0,2}$")


def get_meta(db, key: str, default: str | None = None) -> str | None:
    """One value from ``meta``."""
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def set_meta(db, key: str, value: str | None) -> None:
    """Store one value in ``meta`` (caller holds the transaction)."""
    db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", [key, value])


def device_id(db) -> str:
    """This installation's device id (16 hex characters)."""
    return get_meta(db, "device_id")


def device_role(db) -> str:
    """``office`` (default) or ``supervisor``: a supervisor sends each office only its share, and may move cases."""
    return get_meta(db, "sync_role") or "office"


def office(db) -> dict:
    """Office code and name; code is None until ``init_office`` ran."""
    return {"code": get_meta(db, "office_code"), "name": get_meta(db, "office_name"), "device_id": device_id(db)}


def init_office(db, code: str, name: str, *, actor: str | None = None) -> Changes:
    """Set the office code (used in case numbers, e.g. HS-NM) and the office's name."""
    code = (code or "").strip().upper()
    name = (name or "").strip()
    errors = []
    if not OFFICE_CODE.match(code):
        errors.append(FieldError("office_code", Text("应为 2-4 个大写字母加可选的分段，例如 HS-NM",
                                                     "use 2-4 capital letters and optional parts, e.g. HS-NM")))
    if not name:
        errors.append(FieldError("office_name", Text("必填", "is required")))
    existing = get_meta(db, "office_code")
    has_cases = db.execute("SELECT 1 FROM cases WHERE office_code = ? LIMIT 1", [existing]).fetchone()
    if existing and existing != code and has_cases:
        errors.append(FieldError("office_code", Text(
            f"本办公点已用 {existing} 编号个案，不能再更改", f"cases are already numbered with {existing}; it cannot change")))
    if errors:
        raise ValidationError(errors)
    with write_transaction(db):
        set_meta(db, "office_code", code)
        set_meta(db, "office_name", name)
        audit(db, "init_office", None, None, {"code": code, "name": name}, actor)
    return Changes(value=code)
