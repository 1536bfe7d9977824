"""Columns computed from a row on every write, so search can use indexes.

Pinyin of a client's name (``zhang san feng``) and its initials (``zsf``) let a worker find
张三丰 by typing ``zsf``; the last digits of the ID number let them find a client by the
tail they read off a card. pypinyin is imported lazily (≈0.2 s) on the first name.
"""

from __future__ import annotations

import functools


@functools.lru_cache(maxsize=65536)
def name_pinyin(name: str) -> tuple[str, str]:
    """(full pinyin without tones, initials) of a name; non-Chinese characters kept as typed."""
    from pypinyin import Style, lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default") if s.strip()]
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
