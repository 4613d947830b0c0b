"""The first paint of the main window, and what waits for it.

Start-up builds only what the first page shows. The rest (the problem detail pane, the
day's first backup, ...) runs once the window is mapped and painted with the page's first
rows: `after_first_paint(window, fn)`. The watcher sees the first paint event of the
window that comes once it is visible and the page's first rows have arrived (their
arrival repaints the whole window, the table with it), and runs the waiting callables
at the next turn of the event loop, when that paint has finished.

It watches the window alone, not the application: an application-wide event filter in
Python sees every event of every object, and wrapping each of them (QWidgetWindow, the
platform's own objects) makes PySide6 resolve every class of QtCore, QtGui and QtWidgets
with their 180-odd enums before the first paint, some 60 ms of start-up.

For the start-up benchmark (tests/bench/startup_bench.py), with ECOLEDGER_STARTUP_MARKER
set, the watcher also prints a marker line then, with the CPU seconds the process and
its GUI thread had used (less sensitive than the wall clock to a busy machine); set to
"exit", the app then closes as if the user had closed it; "stop" ends the process at once
(the benchmark's instruction counts under valgrind).
"""
from __future__ import annotations

import os
import time
from typing import Callable

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

ENV = "ECOLEDGER_STARTUP_MARKER"
MARKER = "ECOLEDGER_MAPPED"


class FirstPaint(QObject):
    """Watches the application's paint events until the window shows its data."""

    LATEST_MS = 3000  # a window never painted (minimised, covered) runs the rest anyway

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        self.window = window
        self.waiting: list[Callable[[], None]] = []
        self.done = False
        self.model = None
        self.rows_ready = False
        self.page_known = False
        self._watch_page()
        window.installEventFilter(self)
        QTimer.singleShot(self.LATEST_MS, self, self._fire)  # dropped with the window

    def _watch_page(self, late: bool = False) -> None:
        """Wait for the rows of the window's page, once it has one (a watcher made while
        the window is still being built looks again at its first paint, `late`: rows
        already there count as arrived)."""
        has_pages = hasattr(self.window, "current_page")
        page = self.window.current_page() if has_pages else None
        if has_pages and page is None:
            return
        self.page_known = True
        model = getattr(page, "model", None)
        self.rows_ready = not hasattr(model, "loaded") or (late and model.rowCount() > 0)
        if not self.rows_ready:
            self.model = model
            model.loaded.connect(self._rows_arrived)

    def _rows_arrived(self) -> None:
        self.model.loaded.disconnect(self._rows_arrived)
        self.rows_ready = True
        self.window.update()  # the rows may have come after the last paint

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and not self.page_known and event.type() == QEvent.Type.Paint:
            self._watch_page(late=True)
        if (not self.done and self.rows_ready and event.type() == QEvent.Type.Paint
                and self.window.isVisible()):
            QTimer.singleShot(0, self, self._fire)
            self.done = True
        return False

    def _fire(self) -> None:
        if self.waiting is None:
            return
        self.window.removeEventFilter(self)
        self.done = True
        marker = os.environ.get(ENV)
        if marker:
            print(f"{MARKER} cpu={time.process_time():.3f} gui={time.thread_time():.3f}",
                  flush=True)
        waiting, self.waiting = self.waiting, None
        for fn in waiting:
            fn()
        if marker == "stop":  # counting instructions: the process ends here, as it is
            os._exit(0)
        if marker == "exit":
            self.window.close()


def rows_before_showing(window: QMainWindow, limit_ms: int = 300) -> None:
    """Before `window` is first shown: let its page's first rows arrive (waiting at most
    `limit_ms`, a slow count on a huge ledger shows the window first), so that its first
    paint shows them. Shown earlier, the window painted an empty table, then everything
    again when the rows came; and the reader, sharing Python's lock with the GUI thread
    as that built and painted, took three times as long to read them."""
    watcher = _watcher(window)
    if not watcher.page_known:
        watcher._watch_page()
    if watcher.rows_ready or watcher.model is None:
        return
    loop = QEventLoop()
    watcher.model.loaded.connect(loop.quit)
    QTimer.singleShot(limit_ms, loop, loop.quit)
    loop.exec()
    watcher.model.loaded.disconnect(loop.quit)


def after_first_paint(window: QMainWindow, fn: Callable[[], None]) -> None:
    """Run `fn` once `window` has been painted with its first page's rows (at once if
    that has happened already)."""
    watcher = _watcher(window)
    if watcher.waiting is None:
        fn()
    else:
        watcher.waiting.append(fn)


def _watcher(window: QMainWindow) -> FirstPaint:
    """The window's first-paint watcher, made with the first question about it."""
    watcher = getattr(window, "_first_paint", None)
    if watcher is None:
        watcher = window._first_paint = FirstPaint(window)
    return watcher
