"""The About dialog: the app's version (from pyproject) and the ledger's schema version."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QWidget

import core
from core import messages
from core.db import schema_version
from core.schema import SCHEMA_VERSION

from ..widgets import action

if TYPE_CHECKING:  # the message box loads when the box is opened, not with the menu
    from PySide6.QtWidgets import QMessageBox


def ledger_facts(ledger) -> tuple[int, str]:
    """Runs on the database worker: the open file's schema version and path."""
    return schema_version(ledger.conn), str(ledger.path or "")


def about_text(schema: int, path: str) -> str:
    return messages.text("about.text", version=core.__version__, schema=schema,
                         supported=SCHEMA_VERSION, path=path)


def about_box(parent: QWidget | None, schema: int, path: str) -> QMessageBox:
    """The dialog, opened window-modal (not exec'd, so it never blocks a test)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.NoIcon, messages.text("about.title"),
                      about_text(schema, path), QMessageBox.StandardButton.Ok, parent)
    box.setIconPixmap(parent.windowIcon().pixmap(64, 64) if parent else box.iconPixmap())
    box.open()
    return box


def add_menu(window: QMainWindow) -> QAction:
    """A Help menu with About… on the main window."""
    about = action(messages.text("about.action"), window)
    about.triggered.connect(lambda: about_box(window, *window.ctx.db.call(ledger_facts)))
    window.menuBar().addMenu(messages.text("about.menu")).addAction(about)
    return about
