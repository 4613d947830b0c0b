"""For the start-up benchmark (tests/bench/startup_bench.py): with ECOLEDGER_STARTUP_MARKER
set, print a marker line once the main window is mapped and painted with its first page's
rows in it, so that a process outside can time the start as a user sees it.

The marker goes out from the first paint event (of any widget of the window) that comes
after the window is exposed and the page's first rows have arrived, at the next turn of
the event loop, when that paint has finished; the line also gives the CPU seconds the
process had used by then (less sensitive than the wall clock to a busy machine). With the variable set to "exit", the app
then quits as if closed.
"""
from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

ENV = "ECOLEDGER_STARTUP_MARKER"
MARKER = "ECOLEDGER_MAPPED"


class _Watcher(QObject):
    def __init__(self, window: QMainWindow, quit_after: bool):
        super().__init__(window)
        self.window = window
        self.quit_after = quit_after
        self.done = False

    def _rows_shown(self) -> bool:
        page = self.window.centralWidget() and getattr(self.window, "current_page", None)
        page = page() if page else None
        model = getattr(page, "model", None)
        if model is None:
            return True
        return model.rowCount() > 0 and model.row(0) is not None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (not self.done and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget) and watched.window() is self.window
                and self.window.isVisible() and self._rows_shown()):
            self.done = True
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"{MARKER} cpu={time.process_time():.3f}", flush=True)
        QApplication.instance().removeEventFilter(self)
        if self.quit_after:
            self.window.close()


def watch(window: QMainWindow) -> None:
    """Print the marker once `window` shows its data (only with ECOLEDGER_STARTUP_MARKER)."""
    value = os.environ.get(ENV)
    if not value:
        return
    watcher = _Watcher(window, value == "exit")
    QApplication.instance().installEventFilter(watcher)
    window._startup_watcher = watcher
    sys.stdout.reconfigure(line_buffering=True)
