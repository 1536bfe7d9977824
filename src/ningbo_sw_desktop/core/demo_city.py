"""City-scale demo data (~200k clients, 1M visits) so benchmarks measure what a supervisor's database holds.

The single write path would take hours for 1.8M rows (one validated, audited insert each),
so this loader writes the very rows ``records.insert_record`` writes — UUIDv7 ids (UUIDv5
for attendance and areas), the device clock's stamps, ``{"*": [stamp, ""]}``, derived pinyin — with
``executemany`` in one transaction. Secondary indexes and search triggers are dropped for the
load and rebuilt after (a sort beats a million random B-tree inserts); the clock is saved so
later writes stamp later; one audit entry records the load. Values are the kind
``core.validation`` accepts (the tests validate a sample).
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import json
import random
import time
from collections.abc import Callable

from . import demo_data as D
from . import records, search_index
from .areas import area_id
from .clock import Clock
from .db import write_transaction
from .demo import make_id_number, seed_reference_data
from .derived import derive
from .errors import UserError
from .i18n import Text
from .ids import natural_id, new_id
from .schema import DERIVED, SYNC_COLUMNS, TABLES

TARGETS = {"workers": 1_500, "persons": 200_000, "cases": 100_000, "visits": 1_000_000, "clubs": 2_000,
           "club_members": 60_000, "activities": 20_000, "attendance": 400_000, "service_projects": 300}
COMMUNITIES = 600
BATCH = 20_000

# District, ID-number area code, office-code prefix, population (sums to the city's), its streets and towns.
DISTRICTS = [
    ("海曙区", "330203", "HS", 1_080_000, "南门街道 鼓楼街道 月湖街道 西门街道 江厦街道 白云街道 段塘街道 望春街道 石碶街道 高桥镇 集士港镇 古林镇"),
    ("江北区", "330205", "JB", 490_000, "慈城镇 中马街道 白沙街道 孔浦街道 文教街道 甬江街道 庄桥街道 洪塘街道"),
    ("北仑区", "330206", "BL", 830_000, "新碶街道 大碶街道 小港街道 霞浦街道 柴桥街道 戚家山街道 春晓街道 梅山街道"),
    ("镇海区", "330211", "ZH", 510_000, "招宝山街道 蛟川街道 骆驼街道 庄市街道 澥浦镇 九龙湖镇"),
    ("鄞州区", "330212", "YZ", 1_700_000, "钟公庙街道 首南街道 下应街道 中河街道 潘火街道 百丈街道 东胜街道 明楼街道"
                                          " 白鹤街道 福明街道 东柳街道 东郊街道 姜山镇 五乡镇 邱隘镇"),
    ("奉化区", "330213", "FH", 580_000, "锦屏街道 岳林街道 江口街道 西坞街道 萧王庙街道 溪口镇"),
    ("余姚市", "330281", "YY", 1_270_000, "凤山街道 阳明街道 梨洲街道 兰江街道 低塘街道 朗霞街道 泗门镇 马渚镇"),
    ("慈溪市", "330282", "CX", 1_830_000, "浒山街道 白沙路街道 古塘街道 坎墩街道 宗汉街道 周巷镇 观海卫镇 龙山镇"),
    ("宁海县", "330226", "NH", 700_000, "跃龙街道 桃源街道 梅林街道 桥头胡街道 西店镇 长街镇"),
    ("象山县", "330225", "XS", 628_000, "丹东街道 丹西街道 爵溪街道 石浦镇 西周镇 贤庠镇"),
]
STEMS = ("东湖 西湖 南湖 明湖 荷花 桂花 梅园 兰苑 竹林 松柏 翠柏 青林 丽园 怡景 锦绣 阳光 和平 振兴 繁荣 幸福 康乐 春晖"
         " 金色 银杏 学府 新城 江南 滨江 江东 甬江 姚江 天一 望京 紫金 丰收 太平 永安 长丰 徐家 李家 王家 张家 陈家"
         " 湾头 河头 桥头 山下 塘西 前洋 后塘 新河 南苑 北苑 朝阳 惠风 云湖 凤凰").split()
STEM_ENDS = ["", "花园", "新村", "家园", "嘉苑", "雅苑", "名邸", "公寓", "一村", "二村", "三村", "新苑"]
GIVEN = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华文燕凤菊梅红波宁浩佳欣婷俊宇鹏飞林森琴萍莉慧亮辉斌") + [
    a + b for a in "秀建国志海金玉桂德小春美晓立永福" for b in "英华兰芳明强平珍凤林生娣宝根琴梅"]
CLUB_KINDS = ("夕阳红俱乐部 银龄健步队 书画社 合唱团 太极拳队 编织兴趣小组 新宁波人融入俱乐部 助残互助小组 亲子成长营"
              " 广场舞队 读书会 志愿服务队 老年大学班 象棋俱乐部 越剧社 手工坊").split()
ACTIVITIES = D.ACTIVITIES + [("中秋联欢会", "recreation", "社区文化家园"), ("消防安全讲座", "lecture", "社区会议室"),
                             ("义诊进社区", "health_check", "小区广场"), ("敬老院慰问", "volunteering", "街道敬老院")]
NOTE_OPEN = {"home": "入户探访，", "phone": "电话回访，", "office": "服务对象来站咨询，", "group": "小组活动中，", "outreach": "外展走访，"}
NOTE_BODY = ("老人精神状态良好，血压偏高，已提醒按时服药。 服务对象表示最近睡眠改善。 家中水管漏水，已联系社区维修。"
             " 协助申请居家养老服务补贴，材料待补充。 子女每周来看望一次，关系融洽。 膝关节疼痛，行动不便，建议到社区卫生服务站复查。"
             " 家庭收入下降，建议申请低保边缘救助。 与邻居关系缓和，未再发生争吵。 孩子学业压力大，已与学校老师沟通。"
             " 出院后恢复良好，康复训练按计划进行。 夜间独处有安全隐患，建议安装紧急呼叫设备。 情绪低落，进行情绪疏导。"
             " 陪同办理低保复核材料，材料已齐全。 楼道杂物堆积，已联系物业清理。 与家属沟通照护安排，商定每周两次上门送餐。"
             " 协助联系康复中心，预约了康复评估。").split()
NOTE_CLOSE = ["约定下周再次回访。", "下次跟进时了解落实情况。", "", "已告知社区网格员。", "服务对象愿意参加社区活动。", "将链接志愿者定期探望。"]
OUTCOMES = ["情况稳定", "需继续跟进", "已转介", "问题已解决", "家属配合良好"]
GOALS = ["改善生活状况，建立社区支持网络", "稳定情绪，恢复日常社交", "落实救助政策，缓解经济压力", "改善家庭关系，减少冲突"]
PLANS = ["每月入户探访一次，按需链接资源", "每两周电话回访，季度评估", "链接志愿者结对帮扶，每月小组活动一次"]
CLOSE_REASONS = ["服务目标已达成", "服务对象迁出本社区", "转介至专业机构", "服务对象主动终止服务"]
PERSON_NOTES = ["行动不便，需上门服务", "听力较差，沟通需放慢语速", "子女在外地，紧急联系人为邻居", "对花粉过敏"]
DOMAINS = list(D.PROBLEMS)
DOMAIN_WEIGHTS = [30, 20, 15, 10, 10, 10, 5]
EXTRA_PROGRAMS = [("邻里守望", "community_service", "楼道邻里互助与关爱"), ("和美家庭", "marriage_family", "婚姻家庭辅导与亲子沟通"),
                  ("和事佬工作室", "dispute_resolution", "邻里纠纷调解"), ("应急救助快速响应", "emergency", "突发困难临时救助")]
HOMETOWNS = ["安徽省阜阳市颍州区", "江西省上饶市信州区", "河南省信阳市平桥区", "贵州省毕节市七星关区", "四川省达州市通川区"]
FUNDERS = ["宁波市民政局", "区民政局", "宁波市慈善总会", "福彩公益金", "街道办事处"]

ALL_STREET_NAMES = [name for names in D.STREET_NAMES.values() for name in names]


def _split(total: int, n: int, rng: random.Random) -> list[int]:
    """``total`` split in ``n`` uneven whole parts that sum to it exactly."""
    weights = [rng.uniform(0.5, 1.5) for _ in range(n)]
    parts = [int(total * w / sum(weights)) for w in weights]
    parts[-1] += total - sum(parts)
    return parts


def _share(remaining: int, slots: int) -> int:
    """An even share of what is left, so per-parent quotas add up to the target."""
    return round(remaining / slots) if slots > 0 else 0


class _City:
    """One bulk load: a random stream, the device clock, and a row buffer flushed with executemany."""

    def __init__(self, db, rng: random.Random, targets: dict[str, int], say: Callable[[str], None]):
        self.db, self.rng, self.targets, self.say = db, rng, targets, say
        self.clock = Clock.load(db)
        # Local-only sync columns (lstamp, lsrc) exactly as the write path sets them.
        self.columns = {t: [*TABLES[t], *DERIVED.get(t, {}), *records.local_change("")] for t in TABLES}
        self.fields = {t: [*TABLES[t], *DERIVED.get(t, {})] for t in TABLES}
        self.today = dt.date.today()
        self.counts = dict.fromkeys(TABLES, 0)
        self.table, self.buf, self.now = "", [], records.now_text()

    # --- writing ---------------------------------------------------------------------------------
    def add(self, table: str, record_id: str, row: dict) -> str:
        """Buffer one row exactly as ``insert_record`` writes it; returns its id."""
        if table != self.table:
            self.flush()
            self.table = table
        stamp = self.clock.tick()
        self.buf.append((record_id, self.now, self.now, stamp, self.clock.device, 0, '{"*":["' + stamp + '",""]}',
                         *map(row.get, self.fields[table]), *records.local_change(stamp).values()))
        if len(self.buf) >= BATCH:
            self.flush()
        return record_id

    def flush(self) -> None:
        """Write the buffered rows of the current table."""
        if not self.buf:
            return
        cols = list(SYNC_COLUMNS) + self.columns[self.table]
        self.db.conn.executemany(f"INSERT INTO {self.table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                 self.buf)
        before = self.counts[self.table] // 200_000
        self.counts[self.table] += len(self.buf)
        if self.counts[self.table] // 200_000 > before:
            self.say(f"{self.table}: {self.counts[self.table]:,}")
        self.buf, self.now = [], records.now_text()

    @staticmethod
    @functools.lru_cache(maxsize=8192)
    def day(ordinal: int) -> str:
        """ISO text of a date given as an ordinal (cached: a few thousand distinct days)."""
        return dt.date.fromordinal(ordinal).isoformat()

    # --- areas, offices, workers, programs ---------------------------------------------------------
    def areas(self, known: dict[str, str]) -> None:
        """Districts, streets (one office each) and ~600 communities; the real ones are kept."""
        rng, city = self.rng, known[D.CITY[0]]
        pops = {r["name"]: r["population"] for r in self.db.query("SELECT name, population FROM areas WHERE deleted = 0")}
        kids: dict[str, list[str]] = {}
        for r in self.db.query("SELECT a.name, p.name AS parent FROM areas a JOIN areas p ON p.id = a.parent_id"
                               " WHERE a.deleted = 0 AND a.level = 'community'"):
            kids.setdefault(r["parent"], []).append(r["name"])
        fresh_names = [s + e + "社区" for s in STEMS for e in STEM_ENDS if s + e + "社区" not in pops]
        rng.shuffle(fresh_names)
        names = iter(fresh_names)
        per_community = D.CITY[1] / COMMUNITIES
        self.streets, self.communities, used = [], [], set()
        for d, (district, code, prefix, pop, streets) in enumerate(DISTRICTS):
            district_id = known.get(district) or self._area(district, "district", city, pop, code)
            streets = streets.split()
            fresh = [s for s in streets if s not in known]
            left = pop - sum(pops[s] for s in streets if s in known)
            street_pops = dict(zip(fresh, _split(left, len(fresh), rng), strict=True)) if fresh else {}
            for j, street in enumerate(streets):
                s_pop = pops.get(street) or street_pops[street]
                street_id = known.get(street) or self._area(street, "street", district_id, s_pop, f"{code}{j + 1:03d}")
                office = self._office_code(prefix, street, used)
                s = len(self.streets)
                self.streets.append({"id": street_id, "name": street, "office": office, "district": d, "communities": []})
                old = kids.get(street, [])
                new = max(0 if old else 1, round(s_pop / per_community) - len(old))
                left = s_pop - sum(pops[c] for c in old)
                made = [(next(names), c_pop) for c_pop in (_split(left, new, rng) if new else [])]
                for c_name, c_pop in [(c, pops[c]) for c in old] + made:
                    c_id = known.get(c_name) or self._area(c_name, "community", street_id, c_pop, None)
                    self.streets[s]["communities"].append(len(self.communities))
                    self.communities.append({"id": c_id, "name": c_name, "street": s, "district": d, "pop": c_pop})
        self.cum = list(itertools.accumulate(c["pop"] for c in self.communities))
        self.flush()
        self.say(f"areas: {len(DISTRICTS)} districts, {len(self.streets)} streets and towns, "
                 f"{len(self.communities)} communities")

    def _area(self, name: str, level: str, parent: str, population: int, code: str | None) -> str:
        """A new area under its natural id, as ``add_area`` makes it (names under one parent are all new)."""
        return self.add("areas", area_id(parent, name), {"name": name, "level": level, "parent_id": parent,
                                                         "population": population, "code": code})

    @staticmethod
    def _office_code(prefix: str, street: str, used: set[str]) -> str:
        """HS-NM for Haishu's Nanmen Street: district letters and the street's pinyin initials."""
        from .derived import name_pinyin

        base = f"{prefix}-{name_pinyin(street[:2])[1].upper()}"
        code = base if base not in used else next(f"{base}{n}" for n in range(2, 99) if f"{base}{n}" not in used)
        used.add(code)
        return code

    def workers(self) -> None:
        """One worker per office at least, the rest where people live; the seeded ones join their office."""
        rng, by_community = self.rng, {c["id"]: c for c in self.communities}
        self.office_workers = [[] for _ in self.streets]
        for r in self.db.query("SELECT id, community_id FROM workers WHERE deleted = 0"):
            if r["community_id"] in by_community:
                self.office_workers[by_community[r["community_id"]]["street"]].append(r["id"])
        n = max(self.targets["workers"] - sum(map(len, self.office_workers)), len(self.streets))
        homes = [self.communities[s["communities"][0]] for s in self.streets]
        homes += rng.choices(self.communities, cum_weights=self.cum, k=n - len(homes))
        for i, home in enumerate(homes):
            gender = rng.choice(["male", "female", "female"])
            self.office_workers[home["street"]].append(self.add("workers", new_id(), {
                "name": rng.choice(D.SURNAMES) + rng.choice(GIVEN), "gender": gender,
                "cert_no": f"SG{rng.randint(2010, 2025)}{DISTRICTS[home['district']][1]}{i:05d}",
                "cert_level": rng.choices(["assistant", "intermediate", "senior"], [50, 40, 10])[0],
                "community_id": home["id"], "phone": f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}",
                "office_code": self.streets[home["street"]]["office"]}))
        programs = {r["name"] for r in self.db.query("SELECT name FROM programs WHERE deleted = 0")}
        for name, domain, description in EXTRA_PROGRAMS:
            if name not in programs:
                self.add("programs", new_id(), {"name": name, "domain": domain, "description": description})
        self.flush()
        self.programs: dict[str, list[str]] = {}
        for r in self.db.query("SELECT id, domain FROM programs WHERE deleted = 0"):
            self.programs.setdefault(r["domain"], []).append(r["id"])

    # --- clients, cases, visits ---------------------------------------------------------------------
    def persons(self) -> None:
        """Clients where people live: mostly elderly, with valid, unique ID numbers."""
        rng, n, today = self.rng, self.targets["persons"], self.today
        self.say(f"persons: 0/{n:,}")
        homes = rng.choices(range(len(self.communities)), cum_weights=self.cum, k=n)
        self.p_id, self.p_birth, self.p_home, self.p_tags, issued, tags_json = [], [], homes, [], set(), {}
        for i, home in enumerate(homes):
            c = self.communities[home]
            age = rng.choices([rng.randint(60, 95), rng.randint(6, 17), rng.randint(18, 59)], [60, 12, 28])[0]
            birth = dt.date(today.year - age, rng.randint(1, 12), rng.randint(1, 28))
            gender = rng.choice(["male", "female"])
            id_number = None
            if rng.random() < 0.92:
                seq = i
                while (id_number := make_id_number(DISTRICTS[c["district"]][1], birth, seq, gender)) in issued:
                    seq += 1
                issued.add(id_number)
            tags = ["elderly"] if age >= 60 else ["minor"] if age < 18 else []
            grade = rng.randint(1, 4) if rng.random() < 0.06 else None
            if grade:
                tags.append("disabled")
            if age >= 60 and rng.random() < 0.25:
                tags.append(rng.choice(["living_alone", "widowed"]))
            newcomer = rng.random() < 0.1
            if newcomer:
                tags.append("newcomer")
            key = tuple(sorted(tags))
            tags_json.setdefault(key, json.dumps(list(key), ensure_ascii=False))
            address = f"{rng.choice(ALL_STREET_NAMES)}{rng.randint(1, 300)}号{rng.randint(1, 30)}幢{rng.randint(101, 1802)}室"
            row = {"name": rng.choice(D.SURNAMES) + rng.choice(GIVEN), "gender": gender, "birth_date": birth.isoformat(),
                   "id_number": id_number, "address": address, "community_id": c["id"], "tags": tags_json[key],
                   "phone": (f"1{rng.choice('3456789')}{rng.randint(0, 999_999_999):09d}" if rng.random() < 0.8 else
                             f"0574-8{rng.randint(0, 9_999_999):07d}" if rng.random() < 0.5 else None),
                   "registered_address": rng.choice(HOMETOWNS) if newcomer else address,
                   "relief_status": rng.choice(["none"] * 7 + ["dibao", "dibao_edge", "tekun"]),
                   "disability_grade": grade, "disability_cert_no": f"{id_number}{rng.randint(1, 7)}{grade}"
                   if grade and id_number else None, "notes": rng.choice(PERSON_NOTES) if rng.random() < 0.05 else None}
            row.update(derive("persons", row))
            self.p_id.append(self.add("persons", new_id(), row))
            self.p_birth.append(birth)
            self.p_tags.append(tags_json[key])
        self.flush()

    def cases(self) -> None:
        """Cases numbered per office and year in intake order, then each case's visits."""
        rng, n, today = self.rng, self.targets["cases"], self.today.toordinal()
        first = rng.sample(range(len(self.p_id)), min(len(self.p_id), round(n * 0.92)))
        people = first + rng.choices(first, k=n - len(first))
        plans = []
        for p in people:
            intake = rng.randint(max(today - 3 * 365, self.p_birth[p].toordinal() + 1), today - 2)
            closed = rng.random() < min(0.8, (today - intake) / 900) and intake < today - 15
            plans.append((intake, p, rng.randint(intake + 14, today - 1) if closed else None))
        plans.sort(key=lambda plan: plan[0])
        last = self._case_seqs()
        self.say(f"cases: 0/{n:,}, visits: 0/{self.targets['visits']:,}")
        visits_left = self.targets["visits"]
        for k, (intake, p, closed_on) in enumerate(plans):
            street = self.communities[self.p_home[p]]["street"]
            office, year = self.streets[street]["office"], self.day(intake)[:4]
            prefix = f"{office}-{year}-"
            last[prefix] = last.get(prefix, 0) + 1
            domain = rng.choices(DOMAINS, DOMAIN_WEIGHTS)[0]
            worker = rng.choice(self.office_workers[street])
            program = rng.choice(self.programs[domain]) if domain in self.programs and rng.random() < 0.6 else None
            case_id = self.add("cases", new_id(), {
                "case_no": f"{prefix}{last[prefix]:04d}", "person_id": self.p_id[p], "domain": domain,
                "program_id": program, "intake_date": self.day(intake), "office_code": office, "worker_id": worker,
                "referral_source": rng.choice(["self", "community", "community", "hospital", "school", "civil_affairs",
                                               "police", "other"]),
                "problem": rng.choice(D.PROBLEMS[domain]), "risk": rng.choices(["low", "medium", "high", "urgent"],
                                                                                [40, 35, 18, 7])[0],
                "goals": rng.choice(GOALS), "plan": rng.choice(PLANS), "status": "closed" if closed_on else "open",
                "closed_on": self.day(closed_on) if closed_on else None,
                "close_reason": rng.choice(CLOSE_REASONS) if closed_on else None})
            share = _share(visits_left, n - k)
            visits_left -= self._visits(case_id, self.p_id[p], worker, street, intake, closed_on,
                                        rng.randint(1, max(1, 2 * share - 1)) if share else 0)
        self.flush()

    def _case_seqs(self) -> dict[str, int]:
        """The highest sequence used so far per ``OFFICE-YEAR-`` prefix (e.g. by the office demo)."""
        seqs: dict[str, int] = {}
        for (case_no,) in self.db.execute("SELECT case_no FROM cases"):
            prefix, _, seq = case_no.rpartition("-")
            if seq.isdigit():
                seqs[prefix + "-"] = max(seqs.get(prefix + "-", 0), int(seq))
        return seqs

    def _visits(self, case_id, person_id, worker, street, intake, closed_on, k) -> int:
        """``k`` past contacts; an open case's latest is recent and plans a follow-up (some due now)."""
        rng, today = self.rng, self.today.toordinal()
        end = closed_on or today - 1
        days = sorted(rng.randint(intake, end) for _ in range(k))
        if not closed_on and days:
            days[-1] = max(days[-1], rng.randint(max(intake, end - 30), end))
        others = self.office_workers[street]
        for i, day in enumerate(days):
            kind = rng.choices(["home", "phone", "office", "group", "outreach"], [45, 30, 10, 8, 7])[0]
            is_last = i == len(days) - 1
            follow = (day + rng.randint(7, 30)) if (not closed_on and is_last) or rng.random() < 0.5 else None
            if closed_on and is_last:
                follow = None
            self.add("visits", new_id(), {
                "case_id": case_id, "person_id": person_id, "worker_id": worker if rng.random() < 0.9 else rng.choice(others),
                "at": f"{self.day(day)}T{rng.randint(8, 17):02d}:{rng.choice(['00', '15', '30', '45'])}:00", "kind": kind,
                "duration_min": rng.choice([10, 15, 20, 30, 45, 60, 90]) if kind != "phone" else rng.choice([5, 10, 15]),
                "notes": NOTE_OPEN[kind] + rng.choice(NOTE_BODY) + rng.choice(NOTE_CLOSE),
                "outcome": rng.choice(OUTCOMES) if rng.random() < 0.4 else None,
                "next_follow_up": self.day(follow) if follow else None})
        return len(days)

    # --- clubs, members, activities, attendance -------------------------------------------------------
    def clubs(self) -> None:
        """Clubs of communities, rosters from their neighbourhood, past activities and sign-ins."""
        rng, t, today = self.rng, self.targets, self.today.toordinal()
        pools: dict[tuple[str, int], list[int]] = {}
        for p, home in enumerate(self.p_home):
            c = self.communities[home]
            for key in (("community", home), ("street", c["street"]), ("district", c["district"]), ("city", 0)):
                pools.setdefault(key, []).append(p)
        by_name = {c["name"]: i for i, c in enumerate(self.communities)}
        clubs = [(by_name[c], name, desc) for c, name, desc in D.CLUBS if c in by_name][: t["clubs"]]
        names = {name for _, name, _ in clubs}
        while len(clubs) < t["clubs"]:
            home = rng.choices(range(len(self.communities)), cum_weights=self.cum)[0]
            name = self.communities[home]["name"].removesuffix("社区") + rng.choice(CLUB_KINDS)
            if name not in names:
                names.add(name)
                clubs.append((home, name, None))
        left = {k: t[k] for k in ("club_members", "activities", "attendance")}
        for n, (home, name, desc) in enumerate(clubs):
            c = self.communities[home]
            keys = (("community", home), ("street", c["street"]), ("district", c["district"]))
            pool = next((pools[k] for k in keys if len(pools.get(k, ())) >= 30), pools[("city", 0)])
            founded = rng.randint(dt.date(2012, 1, 1).toordinal(), today - 400)
            club_id = self.add("clubs", new_id(), {"name": name, "community_id": c["id"], "founded_on": self.day(founded),
                                                   "description": desc or "社区居民自发组织，定期开展活动"})
            size = min(len(pool), _share(left["club_members"], len(clubs) - n))
            members = rng.sample(pool, size)
            left["club_members"] -= size
            for r, p in enumerate(members):
                joined = min(founded + rng.randint(0, 90), today - 1)
                self.add("club_members", new_id(), {
                    "club_id": club_id, "person_id": self.p_id[p], "joined_on": self.day(joined),
                    "left_on": self.day(rng.randint(joined, today - 1)) if rng.random() < 0.08 else None,
                    "role": "leader" if r == 0 else "volunteer" if rng.random() < 0.1 else "member",
                    "tags": self.p_tags[p]})
            for _ in range(_share(left["activities"], len(clubs) - n)):
                wide = rng.random() < 0.1  # a community-wide activity the club helps run
                title, kind, place = rng.choice(ACTIVITIES)
                activity_id = self.add("activities", new_id(), {
                    "club_id": None if wide else club_id, "community_id": c["id"], "title": title, "kind": kind,
                    "date": self.day(rng.randint(max(founded + 90, today - 730), today - 1)), "place": place,
                    "worker_id": rng.choice(self.office_workers[c["street"]])})
                left["activities"] -= 1
                group = pool if wide else members
                share = _share(left["attendance"], max(1, left["activities"] + 1))
                for p in rng.sample(group, min(len(group), share)):
                    self.add("attendance", natural_id("attendance", activity_id, self.p_id[p]), {
                        "activity_id": activity_id, "person_id": self.p_id[p],
                        "status": rng.choices(["present", "absent", "excused"], [80, 12, 8])[0]})
                    left["attendance"] -= 1
        for i in range(self.targets["service_projects"]):
            s = self.streets[i % len(self.streets)]
            name, domain, _ = rng.choice(D.PROGRAMS + EXTRA_PROGRAMS)
            self.add("service_projects", new_id(), {
                "name": f"{s['name']}{name}项目", "year": rng.randint(2022, self.today.year), "funder": rng.choice(FUNDERS),
                "budget": rng.randrange(50_000, 800_000, 1_000), "domain": domain,
                "community_id": self.communities[rng.choice(s["communities"])]["id"]})
        self.flush()


def generate_city(db, *, seed: int = 20261129, progress: Callable[[str], None] | None = None, scale: float = 1.0,
                  actor: str = "demo", **targets: int) -> dict:
    """Bulk-load a city (``scale`` 1.0: ~200k clients, 1M visits); returns counts per table and seconds.

    ``targets`` overrides a table's count (e.g. ``visits=50_000``). Refuses a database that
    already holds the generated city. Runs in one transaction; ``synchronous`` is relaxed only
    for the load and restored after.
    """
    started = time.perf_counter()
    say = progress or (lambda message: None)
    unknown = set(targets) - set(TARGETS)
    if unknown:
        raise TypeError(f"unknown tables {sorted(unknown)}")
    wanted = {t: max(1, round(n * scale)) for t, n in TARGETS.items()} | targets
    known = seed_reference_data(db, actor=actor)
    if DISTRICTS[2][0] in known:
        raise UserError(Text("此数据库已有全市演示数据", "this database already holds the city demo data"))
    conn = db.conn
    saved = {p: conn.execute(f"PRAGMA {p}").fetchone()[0] for p in ("synchronous", "cache_size")}
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    try:
        with write_transaction(db):
            indexes = _drop_indexes(db)
            search_index.drop_search_triggers(db)
            city = _City(db, random.Random(seed), wanted, say)
            city.areas(known)
            city.workers()
            city.persons()
            city.cases()
            city.clubs()
            say(f"indexes: rebuilding {len(indexes)}")
            for sql in indexes:
                db.execute(sql)
            say("search index: rebuilding")
            search_index.rebuild_search_index(db)
            search_index.create_search_triggers(db)
            city.clock.save(db)
            made = {t: n for t, n in city.counts.items() if n}
            records.audit(db, "demo_city", None, None, {"seed": seed, "scale": scale, "created": made}, actor)
    finally:
        for pragma, value in saved.items():
            conn.execute(f"PRAGMA {pragma}={value}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    counts = {t: db.execute(f"SELECT COUNT(*) FROM {t} WHERE deleted = 0").fetchone()[0] for t in TABLES}
    seconds = round(time.perf_counter() - started, 1)
    say(f"done in {seconds} s")
    return {**counts, "seconds": seconds}


def _drop_indexes(db) -> list[str]:
    """Drop the synced tables' secondary indexes; returns the SQL that recreates them."""
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN"
                      f" ({', '.join('?' * len(TABLES))})", list(TABLES)).fetchall()
    for name, _ in rows:
        db.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in rows]
