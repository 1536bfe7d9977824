"""The closed lists of the domain (service domains, risk levels, ...) with their words.

Each value has a stable code stored in the database and its words in Chinese and English
(GLOSSARY.md). Users may type any of the three; ``parse`` turns them into the code.
"""

from __future__ import annotations

from .errors import FieldError
from .i18n import Text, get_language

ENUMS: dict[str, dict[str, tuple[str, str]]] = {
    "domain": {
        "social_welfare": ("社会福利", "Social welfare"),
        "social_relief": ("社会救助", "Social relief"),
        "community_service": ("社区服务", "Community service"),
        "marriage_family": ("婚姻家庭", "Marriage and family"),
        "disability_rehab": ("残疾人康复", "Rehabilitation of the disabled"),
        "dispute_resolution": ("矛盾纠纷调解", "Dispute resolution"),
        "emergency": ("应急处置", "Emergency handling"),
    },
    "risk": {
        "low": ("低", "Low"),
        "medium": ("中", "Medium"),
        "high": ("高", "High"),
        "urgent": ("紧急", "Urgent"),
    },
    "kind": {
        "home": ("入户", "Home"),
        "phone": ("电话", "Phone"),
        "office": ("来访", "Office"),
        "group": ("小组", "Group"),
        "outreach": ("外展", "Outreach"),
    },
    "status": {
        "open": ("进行中", "Open"),
        "closed": ("已结案", "Closed"),
    },
    "gender": {
        "male": ("男", "Male"),
        "female": ("女", "Female"),
    },
    "level": {
        "city": ("市", "City"),
        "district": ("区", "District"),
        "street": ("街道(镇)", "Street or town"),
        "community": ("社区", "Community"),
    },
    "cert_level": {
        "assistant": ("助理社会工作师", "Assistant social worker"),
        "intermediate": ("社会工作师", "Social worker"),
        "senior": ("高级社会工作师", "Senior social worker"),
    },
    "role": {
        "member": ("成员", "Member"),
        "leader": ("负责人", "Leader"),
        "volunteer": ("志愿者", "Volunteer"),
    },
    "activity_kind": {
        "trip": ("出游", "Trip"),
        "lecture": ("讲座", "Lecture"),
        "health_check": ("健康体检", "Health check"),
        "recreation": ("文娱活动", "Recreation"),
        "volunteering": ("志愿服务", "Volunteering"),
    },
    "attendance": {
        "present": ("到", "Present"),
        "absent": ("缺", "Absent"),
        "excused": ("请假", "Excused"),
    },
    "relief_status": {
        "none": ("无", "None"),
        "dibao": ("低保", "Minimum living allowance"),
        "dibao_edge": ("低保边缘", "Near minimum allowance"),
        "tekun": ("特困", "Extreme poverty support"),
    },
    "tag": {
        "elderly": ("老年人", "Elderly"),
        "disabled": ("残疾人", "Disabled"),
        "minor": ("未成年人", "Minor"),
        "newcomer": ("新宁波人", "Newcomer"),
        "living_alone": ("独居", "Living alone"),
        "widowed": ("丧偶", "Widowed"),
    },
    "referral_source": {
        "self": ("本人求助", "Self"),
        "community": ("社区居委会", "Community committee"),
        "school": ("学校", "School"),
        "hospital": ("医院", "Hospital"),
        "police": ("公安", "Police"),
        "civil_affairs": ("民政部门", "Civil affairs"),
        "other": ("其他", "Other"),
    },
}

# Extra spellings accepted when typed or imported (e.g. from an Excel sheet).
ALIASES: dict[str, dict[str, str]] = {
    "gender": {"m": "male", "f": "female", "男性": "male", "女性": "female"},
    "level": {"街道": "street", "镇": "street", "town": "street", "乡镇": "street"},
    "risk": {"低风险": "low", "中风险": "medium", "高风险": "high"},
}


def codes(kind: str) -> list[str]:
    """All codes of an enumeration, in display order."""
    return list(ENUMS[kind])


def label(kind: str, code: str | None, lang: str | None = None) -> str:
    """The user's word for a code (the code itself if unknown, blank for None)."""
    if code is None:
        return ""
    words = ENUMS[kind].get(code)
    if words is None:
        return code
    return words[0] if (lang or get_language()) == "zh" else words[1]


def parse(kind: str, value: str | None, field: str | None = None) -> str:
    """Turn a code, Chinese or English word into the stored code, or raise a FieldError."""
    text = (value or "").strip()
    table = ENUMS[kind]
    low = text.lower()
    if low in table:
        return low
    for code, (zh, en) in table.items():
        if text == zh or low == en.lower():
            return code
    alias = ALIASES.get(kind, {}).get(low)
    if alias:
        return alias
    allowed_zh = "、".join(zh for zh, _ in table.values())
    allowed_en = ", ".join(table)
    raise EnumError(
        FieldError(
            field or kind,
            Text(f"“{text}”不是有效值，可选：{allowed_zh}", f"“{text}” is not allowed; choose one of: {allowed_en}"),
        )
    )


class EnumError(ValueError):
    """Raised by ``parse``; carries the FieldError for the validation report."""

    def __init__(self, error: FieldError):
        super().__init__(error.text.en)
        self.error = error


# Which enumeration a synced field holds, so a stored code reads as the user's word.
FIELD_ENUMS: dict[tuple[str, str], str] = {
    ("cases", "risk"): "risk", ("cases", "domain"): "domain", ("cases", "status"): "status",
    ("cases", "referral_source"): "referral_source", ("persons", "gender"): "gender", ("workers", "gender"): "gender",
    ("persons", "relief_status"): "relief_status", ("visits", "kind"): "kind", ("activities", "kind"): "activity_kind",
    ("attendance", "status"): "attendance", ("areas", "level"): "level", ("workers", "cert_level"): "cert_level",
    ("club_members", "role"): "role", ("programs", "domain"): "domain", ("service_projects", "domain"): "domain",
}


def value_words(table: str, field: str, value, names: dict[str, str] | None = None, lang: str | None = None) -> str:
    """A stored value as the user reads it: words for codes and tags, names for ids found in ``names``."""
    import json

    kind = FIELD_ENUMS.get((table, field))
    if kind:
        return label(kind, str(value), lang)
    if field == "tags" and isinstance(value, str):
        try:
            return "、".join(label("tag", t, lang) for t in json.loads(value))
        except ValueError:
            return value
    if field.endswith("_id") and names and value in names:
        return names[value]
    return "" if value is None else str(value)
