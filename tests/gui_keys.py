"""Typing into widgets the way a clerk does, including Chinese (which keyClicks cannot send)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` into the focused `widget`: ASCII by key presses, the rest as an input
    method commits it (as a Chinese IME does)."""
    assert QApplication.focusWidget() is widget, f"focus is on {QApplication.focusWidget()}"
    if text.isascii():
        qtbot.keyClicks(widget, text)
        return
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def tab(qtbot, times: int = 1) -> None:
    for _ in range(times):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def focused() -> QWidget:
    return QApplication.focusWidget()
