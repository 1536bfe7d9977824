"""The language core messages are shown in: Simplified Chinese unless the user chose English.

Core code never formats a user message in one language only; it keeps both and picks
the current one when shown, so the GUI can switch language without re-running anything.
"""

from __future__ import annotations

import os

LANGUAGES = ("zh", "en")
_current = os.environ.get("NINGBO_SW_LANG", "zh") if os.environ.get("NINGBO_SW_LANG") in LANGUAGES else "zh"


def get_language() -> str:
    """The current message language, ``"zh"`` or ``"en"``."""
    return _current


def set_language(lang: str) -> None:
    """Switch the language of core messages (``"zh"`` or ``"en"``)."""
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


class Text:
    """A message in both languages; ``str()`` gives the current one."""

    __slots__ = ("zh", "en")

    def __init__(self, zh: str, en: str):
        self.zh = zh
        self.en = en

    def __str__(self) -> str:
        return self.zh if _current == "zh" else self.en

    def __repr__(self) -> str:
        return f"Text({self.zh!r}, {self.en!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.zh, self.en) == (other.zh, other.en)

    def __hash__(self) -> int:
        return hash((self.zh, self.en))

    def format(self, **kw) -> Text:
        """Fill ``{name}`` placeholders in both languages."""
        return Text(self.zh.format(**kw), self.en.format(**kw))
