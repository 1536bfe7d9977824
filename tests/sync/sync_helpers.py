"""Offices and supervisors in temporary folders, and the moves between them, for the sync tests."""

from __future__ import annotations

import datetime
import hashlib
import shutil
from pathlib import Path

from ningbo_sw_desktop.core.cases import open_case
from ningbo_sw_desktop.core.clubs import add_activity, add_club
from ningbo_sw_desktop.core.db import connect
from ningbo_sw_desktop.core.demo import make_id_number, seed_reference_data
from ningbo_sw_desktop.core.office import init_office
from ningbo_sw_desktop.core.records import delete_record, update_record
from ningbo_sw_desktop.core.visits import log_visit
from ningbo_sw_desktop.core.writing import writing
from ningbo_sw_desktop.sync import export_bundle, identity, import_bundle, set_device_role, trust_peer

CLIENTS = [("王阿婆", "female", "1941-03-05"), ("李德明", "male", "1950-07-21"), ("陈秀英", "female", "1946-11-02")]


def make_device(folder: Path, code: str, name: str, *, role: str = "office"):
    """A fresh migrated database with its office code (and keys, made on first use)."""
    folder.mkdir(parents=True, exist_ok=True)
    db = connect(folder / f"{code}.db")
    init_office(db, code, name)
    if role != "office":
        set_device_role(db, role)
    return db


def db_path(db) -> Path:
    """The file behind a connection."""
    return Path(db.execute("PRAGMA database_list").fetchone()[2])


def trust(a, b, name: str, *, role: str | None = None) -> None:
    """Make ``a`` trust ``b`` under ``name`` (as if the keys were typed in from ``keys show``)."""
    info = identity(b)
    trust_peer(a, name, info["age_recipient"], info["signing_key"], role=role, device=info["device_id"],
               office_code=info["office_code"], office_name=info["office_name"])


def send(src, dst, to: str, folder: Path, **import_kw):
    """Export from ``src`` to the peer named ``to`` and import at ``dst``: (export, import) reports."""
    folder.mkdir(parents=True, exist_ok=True)
    exported = export_bundle(src, to, folder)
    return exported, import_bundle(dst, exported.path, **import_kw)


def file_hash(db) -> str:
    """SHA-256 of the database file after a checkpoint (so the WAL holds nothing)."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return hashlib.sha256(db_path(db).read_bytes()).hexdigest()


def copy_db(db, target: Path):
    """A copy of a database (same device, same keys) opened at ``target``."""
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(db_path(db), target)
    return connect(target)


def seed_shared(db) -> dict:
    """Reference data plus clients, cases, a visit each and two club activities everyone will edit."""
    areas = seed_reference_data(db)
    community = areas["柳庄社区"]
    cases, persons, visits = [], [], []
    for i, (name, gender, born) in enumerate(CLIENTS):
        id_number = make_id_number("330203", datetime.date.fromisoformat(born), i, gender)
        changes = open_case(db, {"domain": "social_welfare", "risk": "low", "problem": "独居老人，需要定期探访",
                                 "intake_date": "2025-03-01", "goals": "建立支持网络"},
                            person_values={"name": name, "gender": gender, "birth_date": born, "id_number": id_number,
                                           "phone": f"1390574000{i}", "community_id": community})
        case_id = changes.first("cases")
        cases.append(case_id)
        persons.append(changes.first("persons"))
        visits.append(log_visit(db, {"case_id": case_id, "kind": "home", "at": "2025-04-01T09:30",
                                     "notes": "入户了解近况"}).value)
    club = add_club(db, {"name": "柳庄夕阳红俱乐部", "community_id": community}).value
    activities = [add_activity(db, {"club_id": club, "title": t, "kind": "lecture", "date": "2025-05-0" + str(k + 1)}).value
                  for k, t in enumerate(("防诈骗讲座", "健康讲座"))]
    return {"cases": cases, "persons": persons, "visits": visits, "activities": activities, "club": club,
            "areas": list(areas.values()), "community": community}


def edit(db, table: str, record_id: str, values: dict) -> None:
    """A plain edit through the single write path (tables without their own verb)."""
    with writing(db) as (clock, changes):
        update_record(db, clock, changes, table, record_id, values)


def delete(db, table: str, record_id: str) -> None:
    """A delete (tombstone) through the single write path."""
    with writing(db) as (clock, changes):
        delete_record(db, clock, changes, table, record_id)


def live(db, table: str, record_id: str) -> bool:
    """Whether a record exists and is not deleted."""
    row = db.execute(f"SELECT deleted FROM {table} WHERE id = ?", [record_id]).fetchone()
    return row is not None and row[0] == 0


class Network:
    """A supervisor and offices that trust one another and share the supervisor's starting data."""

    def __init__(self, folder: Path, offices: int, *, shared: bool = True):
        self.folder = folder
        (folder / "sticks").mkdir(parents=True, exist_ok=True)
        self.sup = make_device(folder / "sup", "DD-NB", "宁波市社工督导", role="supervisor")
        self.shared = seed_shared(self.sup) if shared else {}
        self.offices = []
        self.codes = []
        for i in range(offices):
            code = f"HS-O{i + 1}"
            office = make_device(folder / code, code, f"第{i + 1}社工站")
            trust(office, self.sup, "督导", role="supervisor")
            trust(self.sup, office, code, role="office")
            if shared:
                exported = export_bundle(self.sup, code, folder / "sticks", scope="all")
                import_bundle(office, exported.path)
            self.offices.append(office)
            self.codes.append(code)

    def up(self, i: int, **import_kw):
        """Office ``i`` sends its bundle to the supervisor, who imports it."""
        return send(self.offices[i], self.sup, "督导", self.folder / "sticks", **import_kw)

    def down(self, i: int, **import_kw):
        """The supervisor sends office ``i`` its bundle, which the office imports."""
        return send(self.sup, self.offices[i], self.codes[i], self.folder / "sticks", **import_kw)
