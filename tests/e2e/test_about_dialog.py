"""An office admin on the phone with support opens Help → About and reads out the version and the paths."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from ningbo_sw_desktop import __version__
from ningbo_sw_desktop.core.paths import data_dir, default_db_path
from ningbo_sw_desktop.ui.about_dialog import COMPONENTS, AboutDialog


class FakeContext:
    def __init__(self, db_path: Path):
        self.db_path = db_path


@pytest.fixture
def dialog(qtbot, tmp_path):
    parent = QWidget()
    parent.ctx = FakeContext(tmp_path / "office.db")
    qtbot.addWidget(parent)
    about = AboutDialog(parent)
    about.show()
    qtbot.waitExposed(about)
    yield about  # the parent window must outlive its dialog
    about.close()


def test_shows_name_version_data_folder_and_database(dialog, tmp_path):
    from PySide6.QtCore import QCoreApplication

    # In whichever language the test session's translators are in (Chinese when the UI tests ran first).
    assert dialog.title.text() == QCoreApplication.translate("AboutDialog", "Ningbo Social Work Desktop")
    assert __version__ in dialog.version.text()
    assert dialog.folder_value.text() == str(data_dir())
    assert dialog.db_value.text() == str(tmp_path / "office.db")
    assert "wqy-microhei" in dialog.font_value.text() or "(" in dialog.font_value.text()
    assert not dialog.icon.pixmap().isNull()


def test_without_a_window_it_names_the_default_database(qtbot):
    about = AboutDialog(None)
    qtbot.addWidget(about)
    assert about.db_value.text() == str(default_db_path())


def test_lists_the_licences_of_bundled_parts(dialog):
    from PySide6.QtCore import QCoreApplication

    text = dialog.licences.toPlainText()
    for name, licence, _ in COMPONENTS:
        shown = QCoreApplication.translate("AboutDialog", name) if name == COMPONENTS[0][0] else name  # the app's own
        assert shown in text and licence in text
    assert "WenQuanYi" in text and "Apache-2.0" in text
    assert "LGPL" in text and "ReportLab" in text and "BSD" in text


def test_font_licence_opens_in_full(dialog, qtbot):
    shown = dialog.show_font_licence()
    qtbot.addWidget(shown)
    text = shown.findChild(QPlainTextEdit).toPlainText()
    assert "Apache" in text and "WenQuanYi" in text


def test_copy_details_puts_version_and_paths_on_the_clipboard(dialog):
    dialog.copy_details()
    copied = QGuiApplication.clipboard().text()
    assert __version__ in copied and str(data_dir()) in copied and "office.db" in copied
