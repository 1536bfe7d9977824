"""Starting the window: Qt application, bundled Chinese font, translators, database, drafts.

``run(db_path)`` is what ``ningbo-sw gui`` and a bare ``ningbo-sw`` call.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from ..core.db import connect
from ..core.drafts import Draft, default_folder
from ..core.errors import UserError
from ..core.office import office
from ..core.paths import data_dir, resource_path
from .actions import CaseActions
from .backup_box import start_auto_backup
from .context import AppContext
from .drafts_ui import ask_to_restore, discard_all, pending_drafts
from .first_run import FirstRunDialog
from .main_window import MainWindow
from .ops import Ops, show_error
from .prefs import APPLICATION, ORGANIZATION, Prefs
from .registry import load_extensions
from .translations import Translations

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The one QApplication (made here unless a test or host already made it)."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setDesktopFileName("ningbo-sw-desktop")  # docks match the window to the installed .desktop entry
    app.setWindowIcon(app_icon())
    install_font(app)
    return app


def app_icon() -> QIcon:
    """The application icon at every size shipped in resources/icons."""
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        path = resource_path("icons", f"ningbo-sw-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def install_font(app: QApplication) -> str | None:
    """Register the bundled WenQuanYi Micro Hei as the fallback for Chinese; its family name."""
    path = resource_path("fonts", "wqy-microhei.ttc")
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("bundled font not loaded from %s; Chinese relies on the system's fonts", path)
        return None
    font = QFont(app.font())
    font.setFamilies([font.family(), families[0]])
    app.setFont(font)
    return families[0]


def build_context(db_path: str | Path, app: QApplication, *, prefs: Prefs | None = None) -> AppContext:
    """Open the GUI thread's connection and the op runner; apply the saved language."""
    prefs = prefs or Prefs()
    translations = Translations(app)
    translations.apply(prefs.language)
    db_path = Path(db_path)
    db = connect(db_path)
    return AppContext(db=db, ops=Ops(db_path), prefs=prefs, db_path=db_path, drafts_folder=default_folder(),
                      translations=translations)


def offer_drafts(ctx: AppContext, actions: CaseActions, parent: QWidget | None,
                 ask: Callable[[QWidget | None, list[Draft]], bool] = ask_to_restore) -> list[QDialog]:
    """Forms left unsaved by a crash: reopen them with their text, or throw them away if told to."""
    drafts = pending_drafts(ctx.drafts_folder)
    if not drafts:
        return []
    if ask(parent, drafts):
        return actions.restore(drafts)
    discard_all(ctx.drafts_folder, drafts)
    return []


def _setup_logging() -> None:
    """Errors go to a log file in the data folder, where an office admin can find them."""
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(filename=folder / "ningbo-sw.log", level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    def hook(kind, value, tb):
        log.error("unhandled error", exc_info=(kind, value, tb))
        show_error(QApplication.activeWindow(), value.with_traceback(tb))

    sys.excepthook = hook


def run(db_path: str | Path, open_file: str | None = None) -> int:
    """Open the window on ``db_path`` (importing ``open_file``, a sync bundle, if given); the exit code."""
    _setup_logging()
    app = application()
    try:
        ctx = build_context(db_path, app)
    except UserError as exc:
        QMessageBox.critical(None, QApplication.translate("App", "Cannot open the database"), str(exc.text))
        return 2
    load_extensions()
    try:
        if not office(ctx.db)["code"] and FirstRunDialog(ctx).exec() != QDialog.DialogCode.Accepted:
            return 1
        window = MainWindow(ctx)
        window.show()
        start_auto_backup(ctx)
        offer_drafts(ctx, window.case_actions, window)
        if open_file:
            QTimer.singleShot(0, lambda: window.show_page("sync").import_files([str(open_file)]))
        return app.exec()
    finally:
        ctx.ops.shutdown()
        ctx.db.close()
