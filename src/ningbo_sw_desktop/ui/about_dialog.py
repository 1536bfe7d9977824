"""Help → About: what is installed, where the data lives, and the licences we owe the bundled parts.

An office admin reads the version and the two paths from here when calling for help (the
"Copy details" button puts them on the clipboard); the licence list is what the LGPL and
Apache licences ask a distributor to show.
"""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.paths import data_dir, default_db_path, resource_path
from .widgets import fit_to_screen

# (component, licence, key of its purpose in AboutDialog.purposes())
COMPONENTS: tuple[tuple[str, str, str], ...] = (
    ("Ningbo Social Work Desktop", "MIT", "app"),
    ("WenQuanYi Micro Hei 文泉驿微米黑", "Apache-2.0 (or GPL-3.0+ with font exception)", "font"),
    ("Qt 6", "LGPL-3.0", "qt"),
    ("PySide6 / Shiboken6 (Qt for Python)", "LGPL-3.0", "qt"),
    ("ICU", "Unicode-3.0", "qt"),
    ("xcb-util, libxkbcommon (Linux)", "MIT", "qt"),
    ("Python", "PSF-2.0", "python"),
    ("OpenSSL (libcrypto)", "Apache-2.0", "sync"),
    ("SQLite", "Public domain", "storage"),
    ("sqlite-utils", "Apache-2.0", "storage"),
    ("ReportLab", "BSD-3-Clause", "pdf"),
    ("Pillow, libjpeg, libtiff, OpenJPEG", "MIT-CMU, IJG, libtiff, BSD-2-Clause", "pdf"),
    ("pypdfium2 / PDFium", "Apache-2.0 or BSD-3-Clause", "preview"),
    ("cryptography", "Apache-2.0 or BSD-3-Clause", "sync"),
    ("pyrage (age)", "MIT", "sync"),
    ("openpyxl, et_xmlfile", "MIT", "excel"),
    ("pypinyin", "MIT", "search"),
    ("click", "BSD-3-Clause", "cli"),
    ("platformdirs", "MIT", "paths"),
    ("uuid-utils", "BSD-3-Clause", "ids"),
    ("python-dateutil, sqlite-fts4, tabulate, pluggy, charset-normalizer, typing-extensions, cffi",
     "Apache-2.0, BSD-3-Clause, MIT, PSF-2.0", "helpers"),
)
ICON = ("icons", "ningbo-sw-128.png")
FONT_LICENCE = ("fonts", "LICENSE-wqy-microhei.txt")


class AboutDialog(QDialog):
    """Name, version, the data folder and database paths, the document font, and the licences."""

    def __init__(self, parent: QWidget | None = None, *, db_path: str | Path | None = None):
        super().__init__(parent)
        ctx = getattr(parent, "ctx", None)
        self.db_path = Path(db_path or getattr(ctx, "db_path", None) or default_db_path())
        self.data_folder = data_dir()
        self.setObjectName("aboutDialog")
        self.setMinimumWidth(620)
        self.icon, self.title, self.version, self.blurb = QLabel(), QLabel(), QLabel(), QLabel(wordWrap=True)
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        pixmap = QPixmap(str(resource_path(*ICON)))
        if not pixmap.isNull():
            self.icon.setPixmap(pixmap.scaled(64, 64, Qt.AspectRatioMode.KeepAspectRatio,
                                              Qt.TransformationMode.SmoothTransformation))
        self.folder_value = self._path_label(self.data_folder)
        self.db_value = self._path_label(self.db_path)
        self.font_value = QLabel(self._font_text(), wordWrap=True)
        self.open_folder = QPushButton(clicked=self.open_data_folder)
        self.facts = QFormLayout()
        self.folder_label, self.db_label, self.font_label = QLabel(), QLabel(), QLabel()
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_value, 1)
        folder_row.addWidget(self.open_folder)
        self.facts.addRow(self.folder_label, folder_row)
        self.facts.addRow(self.db_label, self.db_value)
        self.facts.addRow(self.font_label, self.font_value)
        self.licences_heading = QLabel()
        self.licences_heading.setStyleSheet("font-weight: bold;")
        self.licences = QTextBrowser(openExternalLinks=True)
        self.licences.setObjectName("licences")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.font_licence_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.font_licence_button.clicked.connect(self.show_font_licence)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self.retranslate()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        for label in (self.title, self.version, self.blurb):
            words.addWidget(label)
        header.addLayout(words, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(self.facts)
        layout.addWidget(self.licences_heading)
        layout.addWidget(self.licences, 1)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 680, 620)

    @staticmethod
    def _path_label(path: Path) -> QLabel:
        label = QLabel(str(path), wordWrap=True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    @staticmethod
    def _font_text() -> str:
        """The font documents are printed in (reports decide it; shown here for support calls)."""
        try:
            from ..reports import choose_font

            choice = choose_font()
        except Exception as exc:  # noqa: BLE001 - About must open even when printing is broken
            return f"— ({exc})"
        sources = {"configured": QCoreApplication.translate("AboutDialog", "configured"),
                   "bundled": QCoreApplication.translate("AboutDialog", "bundled"),
                   "system": QCoreApplication.translate("AboutDialog", "system font"),
                   "cid": QCoreApplication.translate("AboutDialog", "built-in, not embedded")}
        return f"{choice.path or choice.name} ({sources.get(choice.source, choice.source)})"

    # --- words ---------------------------------------------------------------------------------

    def purposes(self) -> dict[str, str]:
        """What each bundled part does for the user, in the interface language."""
        return {
            "app": self.tr("This application"),
            "font": self.tr("Chinese text on screen and in printed documents"),
            "qt": self.tr("Windows, dialogs and printing"),
            "python": self.tr("The language the application is written in"),
            "storage": self.tr("The database file"),
            "pdf": self.tr("Case summaries, rosters, sign-in sheets and statistics as PDF"),
            "preview": self.tr("Print preview"),
            "sync": self.tr("Signing and encrypting sync bundles"),
            "excel": self.tr("Importing and exporting Excel/WPS rosters"),
            "search": self.tr("Searching names by pinyin initials"),
            "cli": self.tr("The ningbo-sw command line"),
            "paths": self.tr("Finding the user data folder"),
            "ids": self.tr("Record identifiers that are unique across offices"),
            "helpers": self.tr("Helpers of the parts above"),
        }

    def licence_html(self) -> str:
        """The licences as a table, with the LGPL note Qt's licence asks for."""
        purposes = self.purposes()
        app_name = self.tr("Ningbo Social Work Desktop")  # the other parts keep their own (English) names
        rows = "".join(f"<tr><td>{html.escape(app_name if key == 'app' else name)}</td><td>{html.escape(licence)}</td>"
                       f"<td>{html.escape(purposes[key])}</td></tr>" for name, licence, key in COMPONENTS)
        # tr() outside the f-strings: lupdate does not find calls inside them
        headers = (self.tr("Component"), self.tr("Licence"), self.tr("Used for"))
        head = "<tr>" + "".join(f"<th align='left'>{html.escape(h)}</th>" for h in headers) + "</tr>"
        note = html.escape(self.tr(
            "Qt and PySide6 are used under the GNU LGPL version 3. They are separate libraries in the installation "
            "folder and may be replaced with compatible versions; their source code is available from qt.io."))
        return (f"<table cellspacing='0' cellpadding='3' width='100%'>{head}{rows}</table>"
                f"<p>{note} <a href='https://www.qt.io/licensing/open-source-lgpl-obligations'>qt.io</a></p>")

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("About Ningbo Social Work Desktop"))
        self.title.setText(self.tr("Ningbo Social Work Desktop"))
        self.version.setText(self.tr("Version %1").replace("%1", __version__))
        self.blurb.setText(self.tr("Offline casework for community social-work offices in Ningbo."))
        self.folder_label.setText(self.tr("Data folder:"))
        self.db_label.setText(self.tr("Database:"))
        self.font_label.setText(self.tr("Font for printed documents:"))
        self.open_folder.setText(self.tr("Open folder"))
        self.licences_heading.setText(self.tr("Bundled components and their licences"))
        self.licences.setHtml(self.licence_html())
        self.font_licence_button.setText(self.tr("Font licence…"))
        self.copy_button.setText(self.tr("Copy details"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- actions -------------------------------------------------------------------------------

    def details(self) -> str:
        """Version, system and paths as plain text, for a message to whoever supports the office."""
        frozen = self.tr("installed package") if getattr(sys, "frozen", False) else self.tr("Python environment")
        app, folder, database, font = (self.tr("Ningbo Social Work Desktop"), self.tr("Data folder:"),
                                       self.tr("Database:"), self.tr("Font for printed documents:"))
        return "\n".join([
            f"{app} {__version__} ({frozen})",
            f"{platform.platform()}, Python {platform.python_version()}",
            f"{folder} {self.data_folder}",
            f"{database} {self.db_path}",
            f"{font} {self.font_value.text()}",
        ])

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())

    def open_data_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))

    def show_font_licence(self) -> QDialog:
        """The font's licence file, in full, as its licence asks."""
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Font licence"))
        text = QPlainTextEdit(readOnly=True)
        path = resource_path(*FONT_LICENCE)
        text.setPlainText(path.read_text(encoding="utf-8") if path.is_file() else str(path))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, rejected=dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(text)
        layout.addWidget(buttons)
        fit_to_screen(dialog, 640, 480)
        dialog.open()
        return dialog
