"""The user's choices kept between runs (language, current worker, window): one QSettings file."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "NingboSW"
APPLICATION = "ningbo-sw-desktop"
LANGUAGES = ("zh", "en")


def app_settings() -> QSettings:
    """The settings store; always INI so tests can point ``QSettings.setPath`` at a temp folder."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)


class Prefs:
    """Typed access to the settings, so keys and defaults live in one place."""

    def __init__(self, settings: QSettings | None = None):
        self._s = settings or app_settings()

    @property
    def settings(self) -> QSettings:
        """The store itself, for a page's own keys (the Sync page's export folder and recipient)."""
        return self._s

    def _text(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    def _set(self, key: str, value) -> None:
        self._s.setValue(key, value)
        self._s.sync()

    @property
    def language(self) -> str:
        """Interface language: Simplified Chinese unless the user chose English."""
        value = self._text("ui/language", "zh")
        return value if value in LANGUAGES else "zh"

    @language.setter
    def language(self, value: str) -> None:
        self._set("ui/language", value if value in LANGUAGES else "zh")

    @property
    def worker_id(self) -> str:
        """The social worker using this computer; forms default to them."""
        return self._text("work/worker_id")

    @worker_id.setter
    def worker_id(self, value: str | None) -> None:
        self._set("work/worker_id", value or "")

    @property
    def last_visit_kind(self) -> str:
        """The visit kind last logged, so the next visit form starts with it."""
        return self._text("work/last_visit_kind", "home")

    @last_visit_kind.setter
    def last_visit_kind(self, value: str) -> None:
        self._set("work/last_visit_kind", value)

    @property
    def last_page(self) -> str:
        """The page shown when the window closed, reopened next time."""
        return self._text("window/last_page", "today")

    @last_page.setter
    def last_page(self, value: str) -> None:
        self._set("window/last_page", value)

    @property
    def geometry(self) -> QByteArray | None:
        """The window's size and position."""
        value = self._s.value("window/geometry")
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._set("window/geometry", value)
