"""Realistic demo data: Nanmen Street's 11 communities, Cicheng Town's Yunlu Bay, clients, cases.

``office`` scale goes through the real write path (validated, stamped, audited) inside one
transaction; ``city`` scale (benchmarks) lives in ``demo_city``.
"""

from __future__ import annotations

import datetime
import random

from . import demo_data as D
from .areas import add_area
from .cases import open_case
from .changes import Changes
from .db import write_transaction
from .ids import natural_id
from .records import insert_record
from .validation import id_check_digit
from .visits import log_visit
from .workers import add_worker
from .writing import writing

AREA_CODES = {"海曙区": "330203", "江北区": "330205"}


def make_id_number(area_code: str, birth: datetime.date, seq: int, gender: str) -> str:
    """A well-formed resident ID number (GB 11643) for demo clients."""
    order = seq % 500 * 2 + (1 if gender == "male" else 0)
    body = f"{area_code}{birth:%Y%m%d}{order:03d}"
    return body + id_check_digit(body)


def seed_reference_data(db, *, actor: str = "demo") -> dict[str, str]:
    """Areas, programs and workers; returns area name -> id. Safe to run once per database."""
    existing = {r["name"]: r["id"] for r in db.query("SELECT id, name FROM areas WHERE deleted = 0")}
    if existing:
        return existing
    ids: dict[str, str] = {}
    with write_transaction(db):
        ids[D.CITY[0]] = add_area(db, {"name": D.CITY[0], "level": "city", "population": D.CITY[1]}, actor=actor).value
        for name, pop in D.DISTRICTS:
            ids[name] = add_area(db, {"name": name, "level": "district", "parent_id": ids[D.CITY[0]],
                                      "population": pop}, actor=actor).value
        for name, parent, pop in D.STREETS:
            ids[name] = add_area(db, {"name": name, "level": "street", "parent_id": ids[parent], "population": pop},
                                 actor=actor).value
        for name, parent, pop in D.COMMUNITIES:
            ids[name] = add_area(db, {"name": name, "level": "community", "parent_id": ids[parent],
                                      "population": pop}, actor=actor).value
        with writing(db) as (clock, changes):
            for name, domain, description in D.PROGRAMS:
                insert_record(db, clock, changes, "programs", {"name": name, "domain": domain,
                                                                "description": description}, actor=actor)
            for name, year, funder, budget, domain in D.SERVICE_PROJECTS:
                insert_record(db, clock, changes, "service_projects", {"name": name, "year": year, "funder": funder,
                                                                        "budget": budget, "domain": domain}, actor=actor)
        for i, (name, gender, level, community) in enumerate(D.WORKERS):
            office_code = "JB-CC" if community == "云麓湾社区" else "HS-NM"
            add_worker(db, {"name": name, "gender": gender, "cert_level": level, "community_id": ids[community],
                            "cert_no": f"SG{2018 + i}33020{i:03d}", "office_code": office_code}, actor=actor)
    return ids


def random_person(rng: random.Random, seq: int, community_id: str, district: str, today: datetime.date) -> dict:
    """A plausible client: mostly elderly, some minors and working-age adults."""
    gender = rng.choice(["male", "female"])
    age = rng.choice([rng.randint(60, 92)] * 3 + [rng.randint(8, 17), rng.randint(25, 59)])
    birth = today.replace(year=today.year - age, month=rng.randint(1, 12), day=rng.randint(1, 28))
    has_id = rng.random() < 0.9
    tags = ["elderly"] if age >= 60 else (["minor"] if age < 18 else [])
    if rng.random() < 0.2:
        tags.append("living_alone")
    if rng.random() < 0.15:
        tags.append("newcomer")
    return {
        "name": rng.choice(D.SURNAMES) + rng.choice(D.GIVEN),
        "gender": gender, "birth_date": birth.isoformat(),
        "id_number": make_id_number(AREA_CODES[district], birth, seq, gender) if has_id else None,
        "phone": f"13{rng.randint(0, 9)}{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.8 else None,
        "address": f"{rng.choice(D.STREET_NAMES[district])}{rng.randint(1, 300)}号{rng.randint(1, 30)}幢{rng.randint(101, 1802)}室",
        "community_id": community_id, "tags": tags,
        "relief_status": rng.choice(["none"] * 6 + ["dibao", "tekun", "dibao_edge"]),
    }


def load_demo(db, *, persons: int = 240, seed: int = 20261129, actor: str = "demo") -> Changes:
    """Office-scale demo: clients with open and closed cases, visits due today, a club."""
    rng = random.Random(seed)
    today = datetime.date.today()
    areas = seed_reference_data(db, actor=actor)
    communities = [(areas[name], D.DISTRICTS[0][0] if street == "南门街道" else "江北区") for name, street, _ in D.COMMUNITIES]
    workers = [r["id"] for r in db.query("SELECT id FROM workers WHERE deleted = 0 ORDER BY name")]
    programs = [r["id"] for r in db.query("SELECT id FROM programs WHERE deleted = 0")]
    total = Changes()
    with write_transaction(db):
        fixed = [("张三", "male", 1948), ("张三丰", "male", 1952), ("李秀英", "female", 1944)]
        intakes = sorted(today - datetime.timedelta(days=rng.randint(3, 700)) for _ in range(persons))
        for i in range(persons):
            community_id, district = communities[i % len(communities)]
            person = random_person(rng, i, community_id, district, today)
            if i < len(fixed):
                name, gender, year = fixed[i]
                birth = datetime.date(year, 5, 10 + i)
                person.update(name=name, gender=gender, birth_date=birth.isoformat(), tags=["elderly", "living_alone"],
                              id_number=make_id_number(AREA_CODES[district], birth, i, gender))
            domain = rng.choice(list(D.PROBLEMS))
            intake = intakes[i]
            case = {"domain": domain, "risk": rng.choice(["low", "low", "medium", "medium", "high", "urgent"]),
                    "problem": rng.choice(D.PROBLEMS[domain]), "intake_date": intake.isoformat(),
                    "referral_source": rng.choice(["self", "community", "hospital", "school", "civil_affairs"]),
                    "worker_id": rng.choice(workers), "program_id": rng.choice(programs + [None]),
                    "goals": "改善生活状况，建立社区支持网络", "plan": "每月入户探访一次，按需链接资源"}
            opened = open_case(db, case, person_values=person, actor=actor)
            total.merge(opened)
            case_id = opened.first("cases")
            _demo_visits(db, rng, case_id, case["worker_id"], intake, today, actor)
            if i % 7 == 6:
                from .cases import close_case

                close_case(db, opened.value, "服务目标已达成", actor=actor)
        _demo_club(db, rng, areas, workers, today, actor)
    return total


def _demo_visits(db, rng, case_id, worker_id, intake, today, actor) -> None:
    """A few visits per case, the latest within the last weeks, planning a follow-up due about now."""
    span = (today - intake).days
    last_day = max(0, span - rng.randint(0, min(span, 35)))
    days = sorted(set(rng.sample(range(0, last_day + 1), k=min(rng.randint(0, 4), last_day + 1))) | {last_day})
    for n, day in enumerate(days):
        at = datetime.datetime.combine(intake + datetime.timedelta(days=day), datetime.time(rng.randint(8, 17), rng.choice([0, 15, 30, 45])))
        at = min(at, datetime.datetime.now().replace(second=0, microsecond=0) - datetime.timedelta(minutes=rng.randint(5, 180)))
        last = n == len(days) - 1
        follow = at.date() + datetime.timedelta(days=rng.randint(7, 40)) if last else None
        log_visit(db, {"case_id": case_id, "worker_id": worker_id, "at": at, "kind": rng.choice(["home", "home", "phone", "office", "outreach"]),
                       "duration_min": rng.choice([20, 30, 45, 60]), "notes": rng.choice(D.VISIT_NOTES),
                       "next_follow_up": max(follow, at.date()) if follow else None}, actor=actor)


def _demo_club(db, rng, areas, workers, today, actor) -> None:
    """Clubs with members, activities and attendance marks; Yunlu Bay's club has 60 members."""
    from .persons import add_person

    newcomer_club_community = areas[D.CLUBS[0][0]]
    for k in range(45):
        person = random_person(rng, 10_000 + k, newcomer_club_community, "江北区", today)
        birth = datetime.date(today.year - rng.randint(62, 85), rng.randint(1, 12), rng.randint(1, 28))
        person.update(birth_date=birth.isoformat(), tags=["elderly", "newcomer"],
                      id_number=make_id_number("330205", birth, 10_000 + k, person["gender"]))
        add_person(db, person, actor=actor)
    with writing(db) as (clock, changes):
        for community, club_name, description in D.CLUBS:
            club_id = insert_record(db, clock, changes, "clubs", {"name": club_name, "community_id": areas[community],
                                                                   "description": description, "founded_on": "2023-03-01"}, actor=actor)
            elderly_born_by = today.replace(year=today.year - 60).isoformat()
            members = [r["id"] for r in db.query(
                "SELECT id FROM persons WHERE community_id = ? AND deleted = 0 AND birth_date <= ? ORDER BY name_pinyin LIMIT 60",
                [areas[community], elderly_born_by])]
            for person_id in members:
                insert_record(db, clock, changes, "club_members", {"club_id": club_id, "person_id": person_id, "joined_on": "2024-01-15",
                                                                    "role": rng.choice(["member"] * 8 + ["volunteer", "leader"]), "tags": ["elderly"]}, actor=actor)
            for k, (title, kind, place) in enumerate(D.ACTIVITIES):
                date = today - datetime.timedelta(days=12 * (len(D.ACTIVITIES) - k))
                activity_id = insert_record(db, clock, changes, "activities", {
                    "club_id": club_id, "community_id": areas[community], "title": title, "kind": kind,
                    "date": date.isoformat(), "place": place, "worker_id": rng.choice(workers)}, actor=actor)
                for person_id in members:
                    status = rng.choice(["present"] * 6 + ["absent", "excused"])
                    insert_record(db, clock, changes, "attendance", {"activity_id": activity_id, "person_id": person_id, "status": status},
                                  actor=actor, record_id=natural_id("attendance", activity_id, person_id))
