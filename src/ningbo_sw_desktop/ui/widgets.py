"""Small building blocks shared by the forms and lists: enum pickers, error labels, tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionComboBox,
    QStyleOptionViewItem,
    QStylePainter,
    QTableView,
    QWidget,
)

from ..core import enums, i18n

Index = QModelIndex | QPersistentModelIndex


class Retranslating:
    """Mixin for a widget with ``retranslate()``: its words follow a switch of the interface language."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def blank_label(kind: str) -> str:
    """The words of a picker's empty choice: 'all' in filters, 'not chosen' in forms."""
    if kind == "all":
        return QCoreApplication.translate("Common", "(all)")
    return QCoreApplication.translate("Common", "(not chosen)")


def short_time(value: str | None) -> str:
    """``2026-11-29T09:30:00`` as ``2026-11-29 09:30``."""
    return (value or "").replace("T", " ")[:16]


class FittingCombo(QComboBox):
    """A picker as wide as its longest word in the language shown now, not the one it was first shown in.

    ``let_shrink(chars)`` lets it give way in a crowded row (a filter bar on a 1024-px screen):
    it may then narrow to about ``chars`` characters, its chosen word cut with "…" (whole in
    the tooltip and in the opened list); with room to spare it keeps its full width.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.least_chars: int | None = None
        self.currentIndexChanged.connect(lambda _index: self._update_tip())

    def let_shrink(self, chars: int = 9) -> None:
        self.least_chars = chars
        self.updateGeometry()
        self._update_tip()

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()  # Qt keeps its first minimum, worked out in the words of that time
        if self.least_chars is None:
            return hint
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        text = self.fontMetrics().averageCharWidth() * self.least_chars
        least = self.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, QSize(text, hint.height()), self)
        return QSize(min(hint.width(), least.width()), hint.height())

    def _field_width(self) -> int:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        return self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                           QStyle.SubControl.SC_ComboBoxEditField, self).width()

    def gave_way(self) -> bool:
        """Narrower than its longest word needs (only a picker let shrink, in a crowded row)."""
        return self.least_chars is not None and self.width() < self.sizeHint().width()

    def is_cut(self) -> bool:
        """The chosen word is cut with "…" (the picker gave way, and the word is wider than its field)."""
        return self.gave_way() and self.fontMetrics().horizontalAdvance(self.currentText()) > self._field_width()

    def _update_tip(self) -> None:
        if self.least_chars is not None:
            self.setToolTip(self.currentText() if self.is_cut() else "")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._update_tip()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.LanguageChange, QEvent.Type.FontChange):
            self._update_tip()

    def paintEvent(self, event) -> None:
        if not self.gave_way() or self.isEditable():
            super().paintEvent(event)  # at its full width: drawn as Qt draws it
            return
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.fontMetrics().elidedText(option.currentText, Qt.TextElideMode.ElideRight,
                                                           self._field_width())
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        if self.least_chars is not None:  # the opened list shows every word whole, however narrow the field
            self.view().setMinimumWidth(self.view().sizeHintForColumn(0) + 2 * self.view().frameWidth() + 8)
        super().showPopup()


class EnumCombo(Retranslating, FittingCombo):
    """A picker over one of core's closed lists; its words follow the interface language."""

    def __init__(self, kind: str, *, blank: str | None = None, parent=None):
        super().__init__(parent)
        self._kind, self._blank = kind, blank
        if blank:
            self.addItem("", None)
        for code in enums.codes(kind):
            self.addItem("", code)
        self.retranslate()

    def retranslate(self) -> None:
        for i in range(self.count()):
            code = self.itemData(i)
            self.setItemText(i, blank_label(self._blank) if code is None else enums.label(self._kind, code))

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)


class RecordCombo(FittingCombo):
    """A picker over records (workers, communities, programs) by id, with an optional blank."""

    def __init__(self, *, blank: str | None = None, parent=None):
        super().__init__(parent)
        self._blank = blank  # "(all)" is wider than "(全部)": the width follows the language
        self.set_records([])

    def set_records(self, records: Sequence[tuple[str, str]]) -> None:
        keep = self.currentData()
        self.blockSignals(True)
        self.clear()
        if self._blank:
            self.addItem(blank_label(self._blank), None)
        for record_id, name in records:
            self.addItem(name, record_id)
        self.blockSignals(False)
        self.set_id(keep)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and self._blank and self.count():
            self.setItemText(0, blank_label(self._blank))
        super().changeEvent(event)

    def record_id(self) -> str | None:
        return self.currentData()

    def set_id(self, record_id: str | None) -> None:
        index = self.findData(record_id) if record_id else -1
        self.setCurrentIndex(index if index >= 0 else 0)


class ErrorLabel(QLabel):
    """A field's problem shown beside it in red; hidden when there is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.setObjectName("fieldError")
        self.hide()

    def show_problem(self, text: str | None) -> None:
        text = on_its_own(text or "")
        self.setText(text)
        self.setVisible(bool(text))


def on_its_own(message: str) -> str:
    """A message written to follow a field's label ("Name: is required…"), shown on its own beside the field.

    In English each line then starts with a capital ("Is required…"); Chinese has no capitals
    and is left as it is, as is a line that starts otherwise than with a lower-case letter.
    """
    if i18n.get_language() != "en":
        return message
    return "\n".join(line[:1].upper() + line[1:] if line[:1].islower() else line for line in message.split("\n"))


@dataclass
class Column:
    """One column of a record table: its key, its header and how a row's value is written.

    ``title`` is an English source string marked with ``QT_TRANSLATE_NOOP("Columns", ...)``;
    it is translated each time the header is drawn, so a language switch shows at once.
    """

    key: str
    title: str
    format: Callable[[dict], str] | None = None

    def header(self) -> str:
        return QCoreApplication.translate("Columns", self.title)

    def text(self, row: dict) -> str:
        if self.format:
            return self.format(row)
        value = row.get(self.key)
        return "" if value is None else str(value)


class RecordTableModel(QAbstractTableModel):
    """A short list of records (Today's lists, a case's visits) shown as a table."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self.columns[index.column()].text(self.rows[index.row()])

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()  # the tooltip: the whole title of a narrowed column
        return None

    def retranslate(self) -> None:
        """Headers and enum words are worked out when shown; tell the views to ask again."""
        if self.columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.columns) - 1))


def make_table(model, *, stretch_last: bool = True) -> QTableView:
    """A read-only, row-selecting table as every list in the app looks."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(stretch_last)
    header.setHighlightSections(False)
    header.setTextElideMode(Qt.TextElideMode.ElideRight)  # a narrowed column's title ends in "…", not cut at both sides
    return view


class EmptyHint(QLabel):
    """A short grey note in the middle of an empty list: why it is empty, and what to do.

    It sits on the view's viewport and shows only while the list has no rows and a text is set,
    so rows coming back hide it without the page having to remember.
    """

    def __init__(self, view: QAbstractItemView):
        super().__init__(view.viewport())
        self.view = view
        self.setObjectName("emptyHint")
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("color: #5f6368; background: transparent;")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self._follow)
        view.viewport().installEventFilter(self)
        self.hide()

    def set_hint(self, text: str | None) -> None:
        self.setText(text or "")
        self._follow()

    def _follow(self, *_args) -> None:
        empty = self.view.model().rowCount() == 0
        self.setVisible(bool(self.text()) and empty)
        if not self.isHidden():  # placed even while its page is hidden, so it is right when shown
            self._place()

    def _place(self) -> None:
        area = self.view.viewport().rect()
        width = max(0, min(area.width() - 32, 560))
        height = self.heightForWidth(width) if width else 0
        top = max(8, min(area.height() // 3, area.height() - height - 8))
        self.setGeometry((area.width() - width) // 2, top, width, max(height, self.fontMetrics().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False


ROOM = 8  # spare pixels beside a column's widest text, while the view has them
TIGHT_ROOM = 2  # what is left of them when it has not
GIVE_WAY_FLOOR = 56  # a column that gives way keeps this much: a few characters and the "…"


class ColumnFitter(QObject):
    """Keeps a table's columns as wide as their contents, and within the view where it can.

    Widths come from the loaded rows only (a paged list never loads more to be measured) and
    are measured again when the interface language changes, so no column keeps the width of
    the other language's words. When the view is too narrow for every column, first the spare
    room beside the texts goes, then the ``give_way`` columns narrow, in turn, to a few
    characters (their text elided; the tooltip holds all of it), so the others stay whole.
    The stretching column (the last, or one set to stretch) takes what is left, and keeps at
    least its contents' width up to ``stretch_least`` pixels. A column the user resized keeps
    its width until the next fit.
    """

    def __init__(self, view: QTableView):
        super().__init__(view)
        self.view = view
        self.cap, self.give_way, self.stretch_least = 240, (), 120
        self.natural: list[int] = []
        self._applying = False
        self._user_sized = False
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._section_resized)

    def fit(self) -> None:
        """Measure every column's widest loaded text (its header's too), then lay the columns out."""
        view, header = self.view, self.view.horizontalHeader()
        self.natural = [max(view.sizeHintForColumn(c), 0 if header.isHidden() else header.sectionSizeHint(c))
                        for c in range(header.count())]
        self._user_sized = False
        self.apply()

    def stretch_column(self) -> int | None:
        header = self.view.horizontalHeader()
        for column in range(header.count()):
            if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
                return column
        return header.count() - 1 if header.stretchLastSection() and header.count() else None

    def widths(self, room: int) -> list[int]:
        """Each column's width in a view ``room`` pixels wide (the stretching one's: the least it takes)."""
        stretch = self.stretch_column()

        def layout(spare: int) -> list[int]:
            widths = [min(w + spare, self.cap) for w in self.natural]
            if stretch is not None:
                widths[stretch] = min(widths[stretch], self.stretch_least)
            return widths

        widths = layout(ROOM)
        if sum(widths) > room:
            widths = layout(TIGHT_ROOM)
        for column in self.give_way:
            excess = sum(widths) - room
            if excess <= 0:
                break
            if 0 <= column < len(widths):
                widths[column] -= max(0, min(excess, widths[column] - GIVE_WAY_FLOOR))
        return widths

    def least_width(self) -> int:
        """How wide the view must be to show every column whole but the give-way ones (at their least)."""
        return sum(self.widths(0))

    def apply(self) -> None:
        if not self.natural or self._user_sized:
            return
        widths = self.widths(self.view.viewport().width())
        self._applying = True
        try:
            for column, width in enumerate(widths):
                self.view.setColumnWidth(column, width)
        finally:
            self._applying = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._applying and column != self.stretch_column() and self.natural:
            self._user_sized = True  # dragged by hand: kept as the user left it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange and watched is self.view and self.natural:
            self.fit()
        elif event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self.apply()
        return False


def fit_columns(view: QTableView, *, cap: int = 240, give_way: Sequence[int] = (),
                stretch_least: int = 120) -> ColumnFitter:
    """Size the columns to their loaded contents, within a cap, and keep them so (see ``ColumnFitter``).

    ``give_way``: the columns that narrow first, in that order, when not all fit the view.
    """
    fitter = getattr(view, "column_fitter", None)
    if fitter is None:
        fitter = view.column_fitter = ColumnFitter(view)
    fitter.cap, fitter.give_way, fitter.stretch_least = cap, tuple(give_way), stretch_least
    fitter.fit()
    return fitter


class ElideDelegate(QStyledItemDelegate):
    """Cells on one line, cut with "…" when the column is narrower than the text, at the ``mode`` end."""

    def __init__(self, mode: Qt.TextElideMode, parent=None):
        super().__init__(parent)
        self.mode = mode

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        option.textElideMode = self.mode
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


def elide(view: QAbstractItemView, *columns: int, mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight) -> None:
    """These columns keep to one line (in a view that wraps the others) and are cut at the ``mode`` end.

    ``ElideLeft`` suits case numbers and dates: "…2026-0051", "…11-05" keep the end that tells them apart.
    """
    delegate = ElideDelegate(mode, view)
    for column in columns:
        view.setItemDelegateForColumn(column, delegate)


SCREEN_MARGIN = 16  # kept free on each side of a window that would not fit the screen
TITLE_BAR = 32  # the window's title bar, drawn by the system above the size given here


def opening_screen(window: QWidget):
    """The screen a window opens on: its parent's, else its own, else the primary one."""
    parent = window.parentWidget()
    screen = parent.window().screen() if parent is not None else None
    return screen or window.screen() or QGuiApplication.primaryScreen()


def fit_to_screen(window: QWidget, width: int, height: int, *, available: QRect | None = None) -> None:
    """Size a window to its preferred ``width`` × ``height``, but never beyond the screen it opens on.

    The limit is the screen's available area (without task bars), less a margin and the title
    bar, so on a 1024×640 netbook a form opens with its Save and Cancel on screen. ``available``
    stands for that area when given; the window's layout still keeps its minimum size.
    """
    if available is None:
        available = opening_screen(window).availableGeometry()
    window.resize(max(1, min(width, available.width() - 2 * SCREEN_MARGIN)),
                  max(1, min(height, available.height() - 2 * SCREEN_MARGIN - TITLE_BAR)))
