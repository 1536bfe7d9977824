"""Pages of features that come in a later version, saying so plainly instead of showing nothing."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    """A calm sentence in the middle of the page; subclasses give the title and the sentence."""

    def __init__(self, ctx=None, parent=None):
        super().__init__(parent)
        self.heading, self.message = QLabel(), QLabel(wordWrap=True)
        self.heading.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.message.setStyleSheet("font-size: 12pt; color: #444;")
        for label in (self.heading, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.title())
        self.message.setText(self.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @staticmethod
    def title() -> str:
        return ""

    @staticmethod
    def text() -> str:
        return ""


class ClubsPlaceholder(PlaceholderPage):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Clubs")

    @staticmethod
    def text() -> str:
        return QCoreApplication.translate(
            "Placeholders", "Elderly clubs, rosters and activity attendance are coming in a later version of the app.")


class SyncPlaceholder(PlaceholderPage):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Sync")

    @staticmethod
    def text() -> str:
        return QCoreApplication.translate(
            "Placeholders", "Exchanging sync bundles with other offices and the supervisor is coming in a later "
                            "version of the app.")


class ReportsPlaceholder(PlaceholderPage):
    @staticmethod
    def title() -> str:
        return QCoreApplication.translate("Navigation", "Reports")

    @staticmethod
    def text() -> str:
        return QCoreApplication.translate(
            "Placeholders", "Statistics and printed reports are coming in a later version of the app.")


PLACEHOLDERS: dict[str, type] = {"clubs": ClubsPlaceholder, "sync": SyncPlaceholder, "reports": ReportsPlaceholder}
