"""The synced tables and their fields: one place that says what each record holds.

Every synced table also has the sync columns (``SYNC_COLUMNS``). Personal fields are the
ones blanked when a record is deleted (tombstoned), so a deleted client leaves no name.
"""

from __future__ import annotations

SYNC_COLUMNS = ("id", "created_at", "updated_at", "hlc", "origin", "deleted", "stamps")

# table -> {field: SQL type}; order is the column order in the table.
TABLES: dict[str, dict[str, str]] = {
    "areas": {"name": "TEXT", "level": "TEXT", "parent_id": "TEXT", "population": "INTEGER", "code": "TEXT"},
    "workers": {
        "name": "TEXT", "gender": "TEXT", "cert_no": "TEXT", "cert_level": "TEXT",
        "community_id": "TEXT", "phone": "TEXT", "office_code": "TEXT",
    },
    "programs": {"name": "TEXT", "domain": "TEXT", "description": "TEXT"},
    "persons": {
        "name": "TEXT", "gender": "TEXT", "birth_date": "TEXT", "id_number": "TEXT", "phone": "TEXT",
        "registered_address": "TEXT", "address": "TEXT", "community_id": "TEXT", "relief_status": "TEXT",
        "disability_cert_no": "TEXT", "disability_grade": "INTEGER", "tags": "TEXT", "notes": "TEXT",
    },
    "cases": {
        "case_no": "TEXT", "person_id": "TEXT", "domain": "TEXT", "program_id": "TEXT", "intake_date": "TEXT",
        "referral_source": "TEXT", "problem": "TEXT", "risk": "TEXT", "goals": "TEXT", "plan": "TEXT",
        "status": "TEXT", "closed_on": "TEXT", "close_reason": "TEXT", "worker_id": "TEXT", "office_code": "TEXT",
    },
    "visits": {
        "case_id": "TEXT", "person_id": "TEXT", "worker_id": "TEXT", "at": "TEXT", "kind": "TEXT",
        "duration_min": "INTEGER", "notes": "TEXT", "outcome": "TEXT", "next_follow_up": "TEXT",
    },
    "clubs": {"name": "TEXT", "community_id": "TEXT", "description": "TEXT", "founded_on": "TEXT"},
    "club_members": {
        "club_id": "TEXT", "person_id": "TEXT", "joined_on": "TEXT", "left_on": "TEXT", "role": "TEXT", "tags": "TEXT",
    },
    "activities": {
        "club_id": "TEXT", "community_id": "TEXT", "title": "TEXT", "kind": "TEXT", "date": "TEXT",
        "place": "TEXT", "worker_id": "TEXT", "notes": "TEXT",
    },
    "attendance": {"activity_id": "TEXT", "person_id": "TEXT", "status": "TEXT"},
    "service_projects": {
        "name": "TEXT", "year": "INTEGER", "funder": "TEXT", "budget": "INTEGER", "domain": "TEXT",
        "community_id": "TEXT",
    },
}

# Columns computed from a row's fields on every write (never stamped, never synced).
DERIVED: dict[str, dict[str, str]] = {
    "persons": {"name_pinyin": "TEXT", "name_initials": "TEXT", "id_tail": "TEXT"},
}

# Fields that identify a person; blanked on a tombstone.
PERSONAL_FIELDS: dict[str, tuple[str, ...]] = {
    "persons": (
        "name", "birth_date", "id_number", "phone", "registered_address", "address",
        "disability_cert_no", "notes",
    ),
    "visits": ("notes", "outcome"),
    "cases": ("problem", "goals", "plan", "close_reason"),
    "workers": ("phone", "cert_no"),
}

# Fields holding JSON lists.
JSON_FIELDS = {("persons", "tags"), ("club_members", "tags")}

INDEXES: list[tuple[str, tuple[str, ...]]] = [
    ("areas", ("parent_id",)), ("areas", ("level", "name")),
    ("workers", ("name",)),
    ("persons", ("name",)), ("persons", ("id_number",)), ("persons", ("community_id",)),
    ("persons", ("name_initials",)), ("persons", ("id_tail",)), ("persons", ("phone",)),
    ("cases", ("case_no",)), ("cases", ("person_id",)), ("cases", ("status", "intake_date")),
    ("cases", ("worker_id",)),
    ("visits", ("case_id", "at")), ("visits", ("person_id", "at")), ("visits", ("next_follow_up",)),
    ("visits", ("at",)), ("visits", ("worker_id", "at")),
    ("clubs", ("community_id",)),
    ("club_members", ("club_id",)), ("club_members", ("person_id",)),
    ("activities", ("club_id", "date")), ("activities", ("date",)),
    ("attendance", ("activity_id",)), ("attendance", ("person_id",)),
]
