"""UI fixtures: isolated QSettings, the bundled font, a context over the test database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from ui_helpers import make_context, show_window


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory):
    """Window geometry, language and worker choices go to a temp folder, never the user's."""
    folder = tmp_path_factory.mktemp("settings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder


@pytest.fixture(scope="session")
def ui_font(qapp):
    """The bundled Chinese font, registered once per test run as the app does at start."""
    from ningbo_sw_desktop.ui.app import install_font

    return install_font(qapp)


@pytest.fixture(scope="session")
def ui_translations(qapp):
    """One set of translators for the run, Chinese as at a default start (tests switching back)."""
    from ningbo_sw_desktop.ui.translations import Translations

    translations = Translations(qapp)
    translations.apply("zh")
    return translations


@pytest.fixture
def ctx(ui_font, ui_translations, office_db, db_path):
    """The app's context over the small office database (areas and workers, no cases)."""
    context = make_context(office_db, db_path, ui_translations)
    yield context
    context.ops.shutdown()


@pytest.fixture
def window(qtbot, ctx):
    """The main window, shown at the size the screenshots use."""
    yield show_window(qtbot, ctx)
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=10_000)


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory):
    """The office-scale demo database, built once per run (copied by ``demo_ctx``)."""
    from ningbo_sw_desktop.core.db import connect
    from ningbo_sw_desktop.core.demo import load_demo
    from ningbo_sw_desktop.core.office import init_office

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    database = connect(path)
    init_office(database, "HS-NM", "南门街道社工站")
    load_demo(database)
    database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def demo_ctx(ui_font, ui_translations, demo_db_file, tmp_path):
    """A context over a private copy of the demo database (240 clients and their cases)."""
    import shutil

    from ningbo_sw_desktop.core.db import connect

    path = tmp_path / "demo.db"
    shutil.copyfile(demo_db_file, path)
    database = connect(path)
    context = make_context(database, path, ui_translations)
    yield context
    context.ops.shutdown()
    database.close()
