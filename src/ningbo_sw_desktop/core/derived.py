"""Columns computed from a row on every write, so search can use indexes.

Pinyin of a client's name (``zhang san feng``) and its initials (``zsf``) let a worker find
张三丰 by typing ``zsf``; the last digits of the ID number let them find a client by the
tail they read off a card. pypinyin is imported lazily (≈0.2 s) on the first name.
"""

from __future__ import annotations

import functools

# Surnames read differently from the everyday character: 曾 Zeng, not ceng; 单 Shan, not dan.
SURNAME_READINGS = {
    "曾": "zeng", "翟": "zhai", "单": "shan", "仇": "qiu", "区": "ou", "朴": "piao", "查": "zha", "缪": "miao",
    "覃": "qin", "解": "xie", "盖": "ge", "乐": "yue", "尉": "yu", "种": "chong", "员": "yun", "秘": "bi",
    "繁": "po", "召": "shao", "长": "chang", "万": "wan", "沈": "shen", "燕": "yan", "纪": "ji", "重": "chong",
}


@functools.lru_cache(maxsize=65536)
def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin without tones, initials) of a name; the surname read as a surname."""
    from pypinyin import Style, lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()]
    if syllables and name[0] in SURNAME_READINGS:
        syllables[0] = SURNAME_READINGS[name[0]]
    full = " ".join(syllables)
    initials = "".join(s[0] for s in syllables if s and s[0].isalnum())
    return full, initials


def derive(table: str, row: dict) -> dict:
    """The derived columns of ``row`` (empty for tables that have none)."""
    if table != "persons":
        return {}
    name = (row.get("name") or "").strip()
    full, initials = name_pinyin(name) if name else ("", "")
    id_number = row.get("id_number") or ""
    return {"name_pinyin": full or None, "name_initials": initials or None, "id_tail": id_number[-6:] or None}
