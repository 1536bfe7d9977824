"""(id, name) pairs for the pickers of forms and filters."""

from __future__ import annotations

from ..core.areas import list_areas
from ..core.programs import list_programs
from ..core.workers import list_workers


def communities(db) -> list[tuple[str, str]]:
    """(id, name) of every community, for pickers."""
    return [(a["id"], a["name"]) for a in list_areas(db, "community")]


def workers(db) -> list[tuple[str, str]]:
    """(id, name) of every worker, for pickers."""
    return [(w["id"], w["name"]) for w in list_workers(db)]


def programs(db) -> list[tuple[str, str]]:
    """(id, name) of the service programs (亲情探访, 融入项目, ...)."""
    return [(r["id"], r["name"]) for r in list_programs(db)]
