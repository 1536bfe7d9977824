"""Why a bundle was refused, in words a clerk can act on (and a code tests can check)."""

from __future__ import annotations

from ..core.errors import UserError
from ..core.i18n import Text


class BundleRefused(UserError):
    """A bundle that failed a check; nothing in the database was changed.

    ``reason`` is a stable code (``damaged``, ``not_for_us``, ``untrusted`` ...) for the GUI
    and the tests; the message says what happened and what to do, in both languages.
    """

    def __init__(self, reason: str, text: Text):
        super().__init__(text)
        self.reason = reason


class Cancelled(UserError):
    """The user pressed Cancel; nothing was written."""

    def __init__(self):
        super().__init__(Text("已取消，数据库未作改动。", "Cancelled; nothing was changed."))


def refuse(reason: str, zh: str, en: str) -> BundleRefused:
    """A refusal with its message in both languages."""
    return BundleRefused(reason, Text(zh, en))


DAMAGED = ("同步包已损坏或不完整（可能复制未完成），请重新从原办公点导出并复制。",
           "The bundle is damaged or incomplete (perhaps the copy did not finish); export and copy it again.")


def damaged(detail: str = "") -> BundleRefused:
    """The standard refusal for a file that is cut, altered or not a bundle at all."""
    suffix = f"（技术细节：{detail}）" if detail else ""  # the detail is the decoder's own English
    return BundleRefused("damaged", Text(DAMAGED[0] + suffix, DAMAGED[1] + (f" ({detail})" if detail else "")))


def check_abort(abort) -> None:
    """Stop a long job when the user asked to."""
    if abort is not None and abort():
        raise Cancelled()
