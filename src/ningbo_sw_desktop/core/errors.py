"""Errors a user can act on: each carries its message in Chinese and English.

Anything raised as a ``UserError`` is shown to the user as is (GUI dialog, or the CLI's
stderr with exit code 2); anything else is a bug.
"""

from __future__ import annotations

from dataclasses import dataclass

from .i18n import Text


class UserError(Exception):
    """A refusal the user can understand and fix; nothing was written."""

    def __init__(self, text: Text):
        super().__init__(text.en)
        self.text = text

    def __str__(self) -> str:
        return str(self.text)


@dataclass(frozen=True)
class FieldError:
    """One field's problem, e.g. ``id_number``: wrong check digit."""

    field: str
    text: Text

    def __str__(self) -> str:
        return f"{field_label(self.field)}: {self.text}"

    def as_dict(self) -> dict:
        return {"field": self.field, "message": str(self.text), "zh": self.text.zh, "en": self.text.en}


class ValidationError(UserError):
    """One or more fields are wrong; the write was refused as a whole."""

    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        joined_zh = "；".join(f"{field_label(e.field, 'zh')}：{e.text.zh}" for e in self.errors)
        joined_en = "; ".join(f"{field_label(e.field, 'en')}: {e.text.en}" for e in self.errors)
        super().__init__(Text(joined_zh, joined_en))

    def by_field(self) -> dict[str, FieldError]:
        """The first error of each field, for showing beside the field."""
        out: dict[str, FieldError] = {}
        for e in self.errors:
            out.setdefault(e.field, e)
        return out

    def messages(self) -> dict[str, str]:
        """Field -> its first message in the current language (what a form shows beside each field)."""
        return {name: str(error.text) for name, error in self.by_field().items()}


class NotFound(UserError):
    """A record named by the user does not exist."""


class SchemaTooNew(UserError):
    """The database was written by a newer version of the app; we never downgrade it."""


class StaleEdit(UserError):
    """The record changed after the form was opened; the user must reload before saving."""


# Labels of fields in both languages, used in messages that name a field.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "name": ("姓名", "Name"),
    "gender": ("性别", "Gender"),
    "birth_date": ("出生日期", "Birth date"),
    "id_number": ("居民身份证号码", "Resident ID number"),
    "phone": ("联系电话", "Phone"),
    "community_id": ("社区", "Community"),
    "community": ("社区", "Community"),
    "domain": ("服务领域", "Service domain"),
    "risk": ("风险等级", "Risk level"),
    "problem": ("主要问题", "Presenting problem"),
    "status": ("个案状态", "Case status"),
    "intake_date": ("接案日期", "Intake date"),
    "closed_on": ("结案日期", "Closing date"),
    "close_reason": ("结案原因", "Closing reason"),
    "worker_id": ("社工", "Social worker"),
    "program_id": ("服务项目", "Program"),
    "device_name": ("设备名称", "Device name"),
    "recipient": ("加密公钥", "Encryption key"),
    "signing_key": ("签名公钥", "Signing key"),
    "kind": ("走访方式", "Visit kind"),
    "at": ("走访时间", "Visit time"),
    "notes": ("记录内容", "Notes"),
    "next_follow_up": ("下次跟进日期", "Next follow-up"),
    "duration_min": ("时长（分钟）", "Duration (minutes)"),
    "level": ("层级", "Level"),
    "parent_id": ("上级区域", "Parent area"),
    "population": ("常住人口", "Resident population"),
    "cert_no": ("证书编号", "Certificate number"),
    "cert_level": ("职业资格等级", "Certificate level"),
    "office_code": ("办公点代码", "Office code"),
    "office_name": ("办公点名称", "Office name"),
    "case_id": ("个案", "Case"),
    "person_id": ("服务对象", "Client"),
    "title": ("标题", "Title"),
    "date": ("日期", "Date"),
    "role": ("角色", "Role"),
    "budget": ("预算（元）", "Budget (yuan)"),
    "year": ("年度", "Year"),
    "referral_source": ("转介来源", "Referral source"),
    "relief_status": ("救助类别", "Relief status"),
    "disability_grade": ("残疾等级", "Disability grade"),
    "tags": ("标签", "Tags"),
    # clubs and activities
    "club_id": ("俱乐部", "Club"), "club_name": ("俱乐部名称", "Club name"), "description": ("简介", "Description"),
    "founded_on": ("成立日期", "Founded on"), "joined_on": ("入会日期", "Joined on"), "left_on": ("退出日期", "Left on"),
    "activity_id": ("活动", "Activity"), "activity_kind": ("活动类型", "Activity kind"), "place": ("地点", "Place"),
    "attendance": ("出勤", "Attendance"), "member_id": ("成员", "Member"), "last_n": ("活动次数", "Number of activities"),
    # fields that meet in sync reports and conflicts
    "goals": ("服务目标", "Service goals"), "plan": ("服务计划", "Service plan"), "address": ("实际居住地址", "Address"),
    "registered_address": ("户籍地址", "Registered address"), "outcome": ("服务成效", "Outcome"),
    "case_no": ("个案编号", "Case number"), "disability_cert_no": ("残疾证号", "Disability certificate number"),
    "funder": ("资助方", "Funder"), "code": ("区域代码", "Area code"),
}

# A table's records in the user's words: (Chinese, English for several, English for one).
TABLE_LABELS: dict[str, tuple[str, str, str]] = {
    "areas": ("区域", "Areas", "Area"), "programs": ("服务项目", "Programs", "Program"),
    "workers": ("社工", "Social workers", "Social worker"),
    "service_projects": ("专业服务项目", "Service projects", "Service project"),
    "persons": ("服务对象", "Clients", "Client"), "cases": ("个案", "Cases", "Case"),
    "visits": ("走访记录", "Visit logs", "Visit log"), "clubs": ("老年俱乐部", "Elderly clubs", "Elderly club"),
    "club_members": ("俱乐部成员", "Club members", "Club member"), "activities": ("活动", "Activities", "Activity"),
    "attendance": ("签到", "Attendance", "Attendance"), "conflicts": ("冲突版本", "Competing values", "Competing value"),
}


def table_label(table: str, *, one: bool = False, lang: str | None = None) -> str:
    """The user's word for a table's records ("个案", "Cases"; ``one``: "Case"); an unknown table as it is."""
    from .i18n import get_language

    zh, many, single = TABLE_LABELS.get(table, (table, table, table))
    return zh if (lang or get_language()) == "zh" else (single if one else many)


# Where one field name means something else in another table (an attendance's status is not a
# case's status): sync reports and conflicts name fields with their table.
TABLE_FIELD_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("attendance", "status"): ("出勤", "Attendance"), ("activities", "kind"): ("活动类型", "Activity kind"),
    ("activities", "notes"): ("活动记录", "Activity notes"), ("activities", "date"): ("活动日期", "Activity date"),
    ("clubs", "name"): ("俱乐部名称", "Club name"), ("areas", "name"): ("区域名称", "Area name"),
    ("workers", "name"): ("社工姓名", "Worker's name"), ("programs", "name"): ("项目名称", "Program name"),
    ("service_projects", "name"): ("项目名称", "Project name"), ("areas", "code"): ("区域代码", "Area code"),
}


def field_label(field: str, lang: str | None = None, *, table: str | None = None) -> str:
    """The user's word for a field (of ``table``, when it matters), in ``lang`` or the current language."""
    from .i18n import get_language

    zh, en = TABLE_FIELD_LABELS.get((table, field)) or FIELD_LABELS.get(field, (field, field))
    return zh if (lang or get_language()) == "zh" else en
