"""The window kept open all day: navigation on the left, one page at a time on the right.

The pages come from ``registry.PAGES`` (name -> class), so a later feature replaces a
placeholder without touching this layout. This class is the controller: it connects the
pages' signals to the case actions and the shortcuts, here and nowhere else.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMainWindow, QStackedWidget, QWidget

from ..core.office import office
from . import lookups
from .actions import CaseActions
from .case_detail import print_unavailable_text
from .cases_page import CasesPage
from .placeholders import PLACEHOLDERS
from .registry import PAGES, case_printer
from .settings_page import SettingsPage
from .today_page import TodayPage
from .visits_page import VisitsPage
from .widgets import fit_to_screen

DEFAULT_PAGES: dict[str, type] = {
    "today": TodayPage, "cases": CasesPage, "visits": VisitsPage, "clubs": PLACEHOLDERS["clubs"],
    "sync": PLACEHOLDERS["sync"], "reports": PLACEHOLDERS["reports"], "settings": SettingsPage,
}


def page_classes() -> dict[str, type]:
    """Default pages in their order, replaced or extended by registered ones (Settings stays last)."""
    merged = {name: PAGES.get(name, cls) for name, cls in DEFAULT_PAGES.items() if name != "settings"}
    merged.update({name: cls for name, cls in PAGES.items() if name not in DEFAULT_PAGES})
    merged["settings"] = PAGES.get("settings", SettingsPage)
    return merged


class MainWindow(QMainWindow):
    """Pages are made the first time they are shown, so the window opens at once."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.case_actions = CaseActions(ctx, self)
        self.classes = page_classes()
        self.pages: dict[str, QWidget] = {}
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setStyleSheet("QListWidget#navigation { font-size: 12pt; } "
                               "QListWidget#navigation::item { padding: 10px 12px; }")
        for name in self.classes:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.nav.addItem(item)
        self.stack = QStackedWidget()
        central = QWidget()
        body = QHBoxLayout(central)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._make_actions()
        self._connect()
        self.retranslate()
        self._restore_state()

    # --- building --------------------------------------------------------------------------

    def _make_actions(self) -> None:
        def action(shortcut, slot) -> QAction:
            act = QAction(self)
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.new_case_action = action(QKeySequence.StandardKey.New, lambda: self.case_actions.new_case())
        self.find_action = action(QKeySequence.StandardKey.Find, self.focus_search)
        self.log_visit_action = action("Ctrl+L", self.log_visit)
        self.print_action = action(QKeySequence.StandardKey.Print, self.print_case)
        self.refresh_action = action("F5", self.refresh)
        self.settings_action = action("Ctrl+,", lambda: self.show_page("settings"))
        self.about_action = action("F1", self.show_about)
        toolbar = self.addToolBar("main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar = toolbar
        for act in (self.new_case_action, self.log_visit_action, self.find_action, self.refresh_action,
                    self.print_action, self.about_action):
            toolbar.addAction(act)

    def _connect(self) -> None:
        self.nav.currentRowChanged.connect(self._on_nav)
        self.ctx.ops.changes_applied.connect(lambda _changes: self._show_status())

    def _make_page(self, name: str) -> QWidget:
        page = self.classes[name](self.ctx, self)
        page.setObjectName(f"page_{name}")
        if hasattr(page, "case_activated"):
            page.case_activated.connect(self.case_actions.open_case)
        if hasattr(page, "language_changed"):
            page.language_changed.connect(lambda _code: self.retranslate())
        if hasattr(page, "worker_changed"):
            page.worker_changed.connect(lambda _worker_id: self._show_status())
        self.stack.addWidget(page)
        self.pages[name] = page
        return page

    # --- pages -----------------------------------------------------------------------------

    def page(self, name: str) -> QWidget:
        """The page called ``name``, made on first use."""
        return self.pages.get(name) or self._make_page(name)

    def show_page(self, name: str) -> QWidget:
        row = list(self.classes).index(name)
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
        return self.page(name)

    def current_name(self) -> str:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "today"

    def current_page(self) -> QWidget:
        return self.page(self.current_name())

    def _on_nav(self, row: int) -> None:
        if row < 0:
            return
        name = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self.page(name))
        self.ctx.prefs.last_page = name

    # --- commands ---------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_page("cases").focus_search()

    def refresh(self) -> None:
        page = self.current_page()
        if hasattr(page, "refresh"):
            page.refresh()

    def selected_case_id(self) -> str | None:
        page = self.current_page()
        return page.selected_case_id() if hasattr(page, "selected_case_id") else None

    def log_visit(self) -> None:
        case_id = self.selected_case_id()
        if case_id:
            self.case_actions.log_visit(case_id)
        else:
            self.statusBar().showMessage(self.tr("Select a case in the list first, then press Ctrl+L."), 5000)

    def print_case(self) -> None:
        case_id = self.selected_case_id()
        if case_printer() is None:
            self.statusBar().showMessage(print_unavailable_text(), 5000)
        elif case_id:
            self.case_actions.print_case(case_id)
        else:
            self.statusBar().showMessage(self.tr("Select a case in the list first, then press Ctrl+P."), 5000)

    # --- words and state ------------------------------------------------------------------------

    def retranslate(self) -> None:
        facts = office(self.ctx.db)
        self.setWindowTitle(self.tr("Ningbo Social Work Desktop") + (f" — {facts['name']}" if facts["name"] else ""))
        for row, cls in enumerate(self.classes.values()):
            self.nav.item(row).setText(cls.title())
        self.new_case_action.setText(self.tr("New case"))
        self.new_case_action.setToolTip(self.tr("Register a client and open a case (Ctrl+N)"))
        self.log_visit_action.setText(self.tr("Log visit"))
        self.log_visit_action.setToolTip(self.tr("Log a visit for the selected case (Ctrl+L)"))
        self.find_action.setText(self.tr("Search"))
        self.find_action.setToolTip(self.tr("Search cases (Ctrl+F)"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.refresh_action.setToolTip(self.tr("Read the page again (F5)"))
        self.print_action.setText(self.tr("Print"))
        self.print_action.setToolTip(self.tr("Print the selected case (Ctrl+P)") if case_printer() else print_unavailable_text())
        self.settings_action.setText(self.tr("Settings"))
        self.about_action.setText(self.tr("About"))
        self.about_action.setToolTip(self.tr("About this application, its data folder and licences (F1)"))
        self.toolbar.setWindowTitle(self.tr("Main toolbar"))
        self._show_status()

    def show_about(self) -> None:
        """Version, data folder and the licences of bundled parts."""
        from .about_dialog import AboutDialog

        AboutDialog(self).exec()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if self.isVisible():
                self.retranslate()
            else:  # a closed window (its database may be closed too) catches up only if shown again
                self._language_stale = True
        super().changeEvent(event)

    def showEvent(self, event) -> None:
        if getattr(self, "_language_stale", False):
            self._language_stale = False
            self.retranslate()
        super().showEvent(event)

    def _show_status(self) -> None:
        worker = dict(lookups.workers(self.ctx.db)).get(self.ctx.prefs.worker_id)
        facts = office(self.ctx.db)
        parts = [f"{facts['code'] or ''} {facts['name'] or ''}".strip()]
        parts.append(self.tr("Worker: %1").replace("%1", worker) if worker else self.tr("No current worker (see Settings)"))
        self.status_label.setText("　·　".join(p for p in parts if p))

    def _restore_state(self) -> None:
        geometry = self.ctx.prefs.geometry
        if geometry is None or not self.restoreGeometry(geometry):
            fit_to_screen(self, 1280, 800)
        last = self.ctx.prefs.last_page
        self.show_page(last if last in self.classes else "today")

    def closeEvent(self, event) -> None:
        self.ctx.prefs.geometry = self.saveGeometry()
        self.ctx.prefs.last_page = self.current_name()
        super().closeEvent(event)
