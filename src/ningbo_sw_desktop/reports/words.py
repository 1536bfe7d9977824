"""The printed words of every document in both languages (GLOSSARY.md), and value formatting.

Documents follow the app's language at build time: Chinese by default, English when the
user switched the app to English.
"""

from __future__ import annotations

import datetime
import json

from ..core.enums import label
from ..core.i18n import get_language

WORDS: dict[str, tuple[str, str]] = {
    "confidential": ("内部资料 注意保密", "Internal — confidential"),
    "printed_on": ("打印日期", "Printed"),
    "none": ("（无）", "(none)"),
    # case summary
    "case_summary": ("个案摘要", "Case summary"),
    "case_no": ("个案编号", "Case number"),
    "client_facts": ("服务对象基本情况", "Client"),
    "case_facts": ("个案信息", "Case"),
    "name": ("姓名", "Name"),
    "gender": ("性别", "Gender"),
    "birth_date": ("出生日期", "Birth date"),
    "age": ("岁", " yrs"),
    "age_col": ("年龄", "Age"),
    "id_number": ("居民身份证号码", "Resident ID number"),
    "full_id_note": ("（完整号码，已记入审计日志）", " (full number; audited)"),
    "phone": ("联系电话", "Phone"),
    "community": ("社区", "Community"),
    "address": ("居住地址", "Address"),
    "registered_address": ("户籍地址", "Registered address"),
    "relief_status": ("救助类别", "Relief status"),
    "disability": ("残疾证 / 等级", "Disability cert. / grade"),
    "tags": ("标签", "Tags"),
    "domain": ("服务领域", "Service domain"),
    "program": ("服务项目", "Program"),
    "risk": ("风险等级", "Risk level"),
    "status": ("个案状态", "Case status"),
    "intake_date": ("接案日期", "Intake date"),
    "referral_source": ("转介来源", "Referral source"),
    "worker": ("负责社工", "Social worker"),
    "closed_on": ("结案日期", "Closing date"),
    "close_reason": ("结案原因", "Closing reason"),
    "problem": ("主要问题", "Presenting problem"),
    "goals": ("服务目标", "Goals"),
    "plan": ("服务计划", "Service plan"),
    "visits": ("走访记录", "Visit log"),
    "visits_count": ("共 {n} 次，按时间先后排列", "{n} contacts, oldest first"),
    "visit_at": ("走访时间", "Time"),
    "visit_kind": ("方式", "Kind"),
    "minutes": ("时长(分)", "Min."),
    "visit_worker": ("社工", "Worker"),
    "notes": ("记录内容 / 结果", "Notes / outcome"),
    "follow_up": ("下次跟进", "Follow-up"),
    "signatures": ("签字确认", "Signatures"),
    "worker_sign": ("社工签名", "Social worker"),
    "supervisor_sign": ("督导签名", "Supervisor"),
    "date": ("日期", "Date"),
    # rosters and sign-in sheets
    "roster": ("花名册", "Roster"),
    "signin": ("签到表", "Sign-in sheet"),
    "club": ("俱乐部", "Club"),
    "founded_on": ("成立日期", "Founded"),
    "members": ("成员 {n} 人", "{n} members"),
    "seq": ("序号", "No."),
    "row_key": ("行码", "Key"),
    "role": ("角色", "Role"),
    "joined_on": ("入会日期", "Joined"),
    "remark": ("备注", "Remarks"),
    "activity": ("活动", "Activity"),
    "activity_date": ("日期", "Date"),
    "place": ("地点", "Place"),
    "signature": ("签名", "Signature"),
    "expected": ("应到 {n} 人", "Expected: {n}"),
    "present_blank": ("实到 ______ 人", "Present: ______"),
    "recorder": ("记录人 ______________", "Recorded by: ______________"),
    "key_help": ("行码用于把签到结果录回系统；空白行供未登记的来宾填写姓名。",
                 "Type the key to enter a marked sheet back; blank rows are for walk-ins."),
    "walk_in": ("来宾", "Walk-in"),
    # statistics
    "statistics": ("服务统计报告", "Service statistics"),
    "period": ("统计期间", "Period"),
    "period_to": ("至", "to"),
    "figures": ("主要指标", "Key figures"),
    "activities_held": ("开展服务活动（场次）", "Service activities held"),
    "people_served": ("受益人数（人）", "People served"),
    "visits_total": ("走访次数", "Visits"),
    "cases_open": ("在办个案", "Open cases"),
    "cases_closed": ("已结个案", "Closed cases"),
    "workers": ("社工人数", "Social workers"),
    "population": ("常住人口", "Resident population"),
    "per_10000": ("每万人社工数", "Workers per 10,000 residents"),
    "by_domain": ("各服务领域个案", "Cases by service domain"),
    "opened_in_period": ("本期新接案", "Opened in period"),
    "open_now": ("进行中", "Open"),
    "closed_total": ("已结案", "Closed"),
    "by_kind": ("走访方式", "Visits by kind"),
    "count": ("次数", "Visits"),
    "per_month": ("每月走访次数", "Visits per month"),
    "per_week": ("每周走访次数", "Visits per week"),
    "projects": ("专业服务项目", "Service projects"),
    "project": ("项目名称", "Project"),
    "year": ("年度", "Year"),
    "funder": ("资助方", "Funder"),
    "budget": ("预算（元）", "Budget (yuan)"),
    "total": ("合计", "Total"),
    "domain_note": ("进行中、已结案为截至打印日的全部个案。", "Open and closed count all cases as of today."),
    "projects_note": ("列出统计期间所在年度的项目，预算为项目全年预算。",
                      "Projects of the period's years; budgets are for the whole year."),
}


def zh() -> bool:
    """Whether documents are being set in Chinese."""
    return get_language() == "zh"


def w(key: str, **fill) -> str:
    """A printed word in the current language, placeholders filled."""
    text = WORDS[key][0 if zh() else 1]
    return text.format(**fill) if fill else text


def mask_id_number(value: str | None) -> str:
    """``330203********123X``: the first 6 and last 4 characters stay readable."""
    text = (value or "").strip()
    if len(text) <= 10:
        return "*" * len(text)
    return text[:6] + "*" * (len(text) - 10) + text[-4:]


def age_on(birth: str | None, on: datetime.date) -> int | None:
    """Whole years of age on a date, from an ISO birth date."""
    if not birth:
        return None
    born = datetime.date.fromisoformat(birth[:10])
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def tags_text(raw) -> str:
    """Tags as printed words, from the JSON list column."""
    if not raw:
        return ""
    codes = json.loads(raw) if isinstance(raw, str) else list(raw)
    return "、".join(label("tag", c) for c in codes) if zh() else ", ".join(label("tag", c) for c in codes)


def when(text: str | None) -> str:
    """An ISO date-time as ``2026-03-05 09:30`` (seconds dropped)."""
    return (text or "").replace("T", " ")[:16]
