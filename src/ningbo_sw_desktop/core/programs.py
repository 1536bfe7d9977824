"""Service programs (服务项目), e.g. 亲情探访 "family-friendly visiting": reference data for cases."""

from __future__ import annotations

from .errors import FieldError, ValidationError
from .i18n import Text


def list_programs(db) -> list[dict]:
    """Live programs by name (id, name, domain)."""
    return list(db.query("SELECT id, name, domain FROM programs WHERE deleted = 0 ORDER BY name"))


def find_program(db, name_or_id: str) -> dict:
    """A program by id or exact name; refused naming the field when unknown."""
    text = (name_or_id or "").strip()
    row = next(db.query("SELECT id, name, domain FROM programs WHERE deleted = 0 AND (id = ? OR name = ?)", [text, text]), None)
    if row is None:
        raise ValidationError([FieldError("program_id", Text(f"没有服务项目“{text}”", f"there is no program “{text}”"))])
    return row
