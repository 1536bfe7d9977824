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

# Given names that suit a man or a woman (平, 文, 华 suit both); 阿婆 ("granny") only an elderly woman.
GIVEN_BY_GENDER = {
    "male": ["伟", "强", "磊", "军", "洋", "勇", "杰", "涛", "明", "超", "平", "刚", "建华", "国强", "文", "华", "建国",
             "志强", "德明", "根宝", "三丰", "海波", "永福", "金根"],
    "female": ["芳", "娜", "敏", "静", "丽", "艳", "娟", "秀英", "霞", "平", "桂英", "玉兰", "文", "华", "海燕", "秀兰",
               "阿婆", "金凤", "凤英", "菊芳", "小红", "雪梅"],
}
# What a worker writes after each kind of contact: a phone call does not find clutter in the stairwell.
NOTES_BY_KIND = {
    "home": ["入户了解近况，老人精神状态良好，血压偏高，已提醒按时服药。", "入户探访，与家属沟通照护安排，商定每周两次上门送餐。",
             "入户探访，服务对象情绪低落，进行情绪疏导，约定下周再次回访。", "入户探访，家中水管漏水，已联系社区维修。"],
    "phone": ["电话回访，服务对象表示最近睡眠改善，愿意参加下周的社区活动。", "电话回访，服务对象情绪平稳，约定下周入户探访。",
              "电话联系家属，确认了下月康复评估的预约时间。", "电话回访，提醒服务对象按时复诊，家属表示会陪同前往。"],
    "office": ["服务对象来站咨询低保复核，已协助整理材料，材料已齐全。", "服务对象来站咨询居家养老服务补贴，已讲解申请流程。",
               "家属陪同来站，协助联系康复中心，预约了下月的康复评估。", "服务对象来站反映邻里噪音问题，约定与社区共同调解。"],
    "group": ["小组活动中表现积极，与其他组员建立了联系。", "小组活动中分享了独居生活的经验，组员互相留了联系方式。"],
    "outreach": ["外展走访，发现楼道杂物堆积，已联系物业清理。", "陪同前往街道办理低保复核材料，材料已齐全。",
                 "外展走访，在小区广场与服务对象交谈，了解近期生活情况。", "外展走访，向邻居了解服务对象近况，邻里反映其按时出门买菜。"],
}


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


def given_name(drawn: str, gender: str, age: int) -> str:
    """``drawn`` (from the demo's shared pool) when it suits the gender and age, else one that does.

    The draw stays the one it always was, so the rest of the seeded demo is unchanged.
    """
    pool = [g for g in GIVEN_BY_GENDER[gender] if age >= 60 or g != "阿婆"]
    return drawn if drawn in pool else pool[D.GIVEN.index(drawn) % len(pool)]


def random_person(rng: random.Random, seq: int, community_id: str, district: str, today: datetime.date) -> dict:
    """A plausible client: mostly elderly, some minors and working-age adults; the name suits the gender."""
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
        "name": rng.choice(D.SURNAMES) + given_name(rng.choice(D.GIVEN), gender, age),
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
        kind = rng.choice(["home", "home", "phone", "office", "outreach"])
        duration = rng.choice([20, 30, 45, 60])
        note = rng.randrange(len(D.VISIT_NOTES))  # drawn as ever, so the rest of the seeded demo is unchanged
        log_visit(db, {"case_id": case_id, "worker_id": worker_id, "at": at, "kind": kind, "duration_min": duration,
                       "notes": NOTES_BY_KIND[kind][note % len(NOTES_BY_KIND[kind])],
                       "next_follow_up": max(follow, at.date()) if follow else None}, actor=actor)


def _demo_club(db, rng, areas, workers, today, actor) -> None:
    """Clubs with members, activities and attendance marks; Yunlu Bay's club has 60 members.

    One of its members stopped coming: absent from the last three activities, so ``club absentees``
    (default ``--last 3``) has someone to follow up in the demo.
    """
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
            quiet = members[-1] if club_name == D.CLUBS[0][1] and members else None
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
                    if person_id == quiet and k >= len(D.ACTIVITIES) - 3:
                        status = "absent"
                    insert_record(db, clock, changes, "attendance", {"activity_id": activity_id, "person_id": person_id, "status": status},
                                  actor=actor, record_id=natural_id("attendance", activity_id, person_id))
