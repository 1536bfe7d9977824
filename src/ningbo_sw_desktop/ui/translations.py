"""Interface language: Qt's own translator first, then ours, swapped on the spot when changed.

Installing or removing a translator makes Qt send ``LanguageChange`` to every widget; each
view answers by calling its ``retranslate()``, so nothing needs restarting.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core import i18n
from ..core.paths import resource_path

log = logging.getLogger(__name__)

QT_LOCALES = {"zh": "zh_CN", "en": "en"}


def our_qm(language: str):
    """Our compiled translation for a language.

    English is the source language, so its file holds only the plural forms of the counts
    (``tr("%n case(s)", "", n)`` -> "1 case", "243 cases"); without it English shows "243 case(s)".
    """
    return resource_path("translations", f"ningbo_sw_{QT_LOCALES[language]}.qm")


class Translations:
    """Owns the installed translators so a language switch can remove the old ones."""

    def __init__(self, app: QCoreApplication):
        self._app = app
        self._installed: list[QTranslator] = []
        self.language: str | None = None

    def apply(self, language: str) -> None:
        """Switch Qt's, our own and core's messages to ``language`` ("zh" or "en")."""
        language = language if language in QT_LOCALES else "zh"
        i18n.set_language(language)
        if language == self.language:
            return  # nothing to reinstall; widgets keep their words
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        locale = QLocale(QLocale.Language.Chinese, QLocale.Country.China) if language == "zh" else QLocale(
            QLocale.Language.English, QLocale.Country.UnitedKingdom)
        QLocale.setDefault(locale)
        i18n.set_language(language)
        self.language = language
        if language != "en":  # Qt's own words are English already
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            self._install(f"qtbase_{QT_LOCALES[language]}", qt_dir)
        qm = our_qm(language)
        self._install(qm.stem, str(qm.parent))

    def _install(self, name: str, folder: str) -> None:
        """Load and install one translator; a missing file only costs English words."""
        translator = QTranslator(self._app)
        if translator.load(name, folder):
            self._app.installTranslator(translator)
            self._installed.append(translator)
        else:
            log.warning("translation %s not found in %s", name, folder)
