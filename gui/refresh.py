"""Refresh a page from the one `changed` signal, only for the tables it shows, only when seen.

A page hidden behind another tab does not read the ledger after every write: it is marked
stale and reads once when it is shown again (as the dashboard does). A write touching none
of the page's tables does nothing at all.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from core.changes import Changes

from .context import AppContext


class RefreshWhenShown(QObject):
    """Calls `refresh()` for every write touching `tables`, at once if `page` is visible,
    else the next time it is shown."""

    def __init__(self, ctx: AppContext, page: QWidget, tables: tuple[str, ...],
                 refresh: Callable[[], None]):
        super().__init__(page)
        self.page = page
        self.tables = tables
        self.refresh = refresh
        self.stale = False
        page.installEventFilter(self)
        ctx.changed.connect(self.on_changes)

    def on_changes(self, changes: Changes) -> None:
        if not changes.touches(*self.tables):
            return
        if self.page.isVisible():
            self.stale = False
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.page and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False
