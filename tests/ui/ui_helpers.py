"""Helpers shared by the UI tests (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations


def make_context(db, db_path, translations, *, language: str = "zh"):
    """A context like the app's: the test's connection on the GUI thread, a real op runner."""
    from ningbo_sw_desktop.core.drafts import default_folder
    from ningbo_sw_desktop.ui.context import AppContext
    from ningbo_sw_desktop.ui.ops import Ops
    from ningbo_sw_desktop.ui.prefs import Prefs

    prefs = Prefs()
    prefs.language = language
    translations.apply(language)
    return AppContext(db=db, ops=Ops(db_path), prefs=prefs, db_path=db_path, drafts_folder=default_folder(),
                      translations=translations)


def show_window(qtbot, ctx, size: tuple[int, int] = (1280, 800)):
    """The main window over ``ctx``, shown at the size the screenshots use."""
    from ningbo_sw_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


def wait_idle(qtbot, ctx, timeout: int = 10_000) -> None:
    """Wait until every background read and write has come back to the GUI thread."""
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=timeout)


def count(db, table: str) -> int:
    """Live rows of a table, read from the test's own connection."""
    return db.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted = 0").fetchone()[0]


def choose(combo, data) -> None:
    """Pick the item carrying ``data`` in a combo box, as a mouse choice would."""
    index = combo.findData(data)
    assert index >= 0, f"{data!r} not offered"
    combo.setCurrentIndex(index)


def type_text(qtbot, widget, text: str) -> None:
    """Type like a worker: ASCII as key presses, Chinese as an input method commits it.

    QTest cannot press keys for Chinese characters; a Pinyin IME delivers them as a
    committed string, which is what this sends.
    """
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    chunk = ""
    for char in text + "\0":
        if char.isascii() and char != "\0":
            if chunk:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(widget, event)
                chunk = ""
            qtbot.keyClicks(widget, char)
        elif char != "\0":
            chunk += char
        elif chunk:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def settle() -> None:
    """Let pending layouts run, so hidden error lines leave no gaps in a picture."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    QApplication.processEvents()


def over_window(window_shot, dialog):
    """The dialog drawn centred over a window's picture, dimmed behind, as the worker sees it."""
    from PySide6.QtCore import QPoint, QRect, QSize
    from PySide6.QtGui import QColor, QPainter, QPixmap

    settle()
    shot = QPixmap(window_shot)
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(0, 0, 0, 60))
    dialog_shot = dialog.grab()
    top_left = QPoint((shot.width() - dialog_shot.width()) // 2, (shot.height() - dialog_shot.height()) // 2)
    painter.setPen(QColor("#666"))
    painter.drawRect(QRect(top_left - QPoint(1, 1), dialog_shot.size() + QSize(1, 1)))
    painter.drawPixmap(top_left, dialog_shot)
    painter.end()
    return shot


def closed(widget) -> bool:
    """The dialog is gone: hidden, or already deleted (``WA_DeleteOnClose`` may beat the next look at it)."""
    import shiboken6

    return not shiboken6.isValid(widget) or not widget.isVisible()
