"""The one database worker: a thread that owns the ledger and runs operations in order.

GUI code never touches the database. It describes an operation as a callable taking
the open `Ledger` and hands it to `Database.op(fn)`, chaining `.success(...)`,
`.failure(...)` and `.progress(...)` callbacks, which run back on the GUI thread.
A write that returns `core.changes.Changes` is announced on `Database.changed`.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from core.changes import Changes
from core.ledger import Ledger


class Cancelled(Exception):
    """The user cancelled a long operation; its transaction was rolled back."""


class Op:
    """One operation on the worker, with its callbacks on the GUI thread."""

    def __init__(self, database: "Database", fn: Callable[..., Any]):
        self._database = database
        self.fn = fn
        self.on_success: Callable[[Any], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self._cancel = threading.Event()
        self.done = threading.Event()  # set on the worker thread when fn has run
        self.result: Any = None
        self.error: BaseException | None = None

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        self.on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int, str], None]) -> "Op":
        """Run `fn(ledger, report, cancelled)`; `callback(done, total, message)` shows it."""
        self.on_progress = callback
        return self

    def run(self) -> "Op":
        self._database.submit(self)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Worker(QObject):
    """Lives on the worker thread; opens the ledger there (a connection is per thread)."""

    finished = Signal(object, object, object)  # op, result, error
    progressed = Signal(object, int, int, str)

    def __init__(self, path: Path, operator: str):
        super().__init__()
        self.path = path
        self.operator = operator
        self.ledger: Ledger | None = None

    @Slot(object)
    def run(self, op: Op) -> None:
        try:
            if op.cancelled():
                raise Cancelled()
            if self.ledger is None:
                # exclusive: a second window on the same file is refused, not raced
                self.ledger = Ledger.open(self.path, self.operator, exclusive=True)
            result = op.fn(self.ledger, *self._progress_args(op)) if op.on_progress \
                else op.fn(self.ledger)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            op.error = error
            op.done.set()
            self.finished.emit(op, None, error)
        else:
            op.result = result
            op.done.set()
            self.finished.emit(op, result, None)

    def _progress_args(self, op: Op) -> tuple:
        def report(done: int, total: int, message: str = "") -> None:
            if op.cancelled():
                raise Cancelled()
            self.progressed.emit(op, done, total, message)
        return report, op.cancelled

    @Slot()
    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None


class Database(QObject):
    """The GUI's handle on the worker thread."""

    changed = Signal(object)  # core.changes.Changes of every successful write
    failed = Signal(object)   # errors of operations that have no failure callback
    _submit = Signal(object)
    _close = Signal()

    def __init__(self, path: Path, operator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.pending = 0
        self._thread = QThread()
        self._thread.setObjectName("database")
        self._worker = _Worker(path, operator)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        # Blocking: close() returns once every queued operation has run and the ledger is
        # closed (quitting the thread's loop alone would drop what is still queued).
        self._close.connect(self._worker.close, Qt.ConnectionType.BlockingQueuedConnection)
        self._worker.finished.connect(self._finished)
        self._worker.progressed.connect(self._progressed)
        self._thread.start()

    def op(self, fn: Callable[..., Any]) -> Op:
        return Op(self, fn)

    def submit(self, op: Op) -> None:
        self.pending += 1
        self._submit.emit(op)

    def set_operator(self, name: str) -> None:
        """Later writes are recorded under `name`."""
        def apply(ledger: Ledger) -> None:
            ledger.operator = name
        self._worker.operator = name
        self.op(apply).run()

    @Slot(object, object, object)
    def _finished(self, op: Op, result: Any, error: BaseException | None) -> None:
        self.pending -= 1
        if error is not None:
            if op.on_failure is not None:
                op.on_failure(error)
            elif not isinstance(error, Cancelled):
                self.failed.emit(error)
            return
        if op.on_success is not None:
            op.on_success(result)
        if isinstance(result, Changes):
            self.changed.emit(result)

    @Slot(object, int, int, str)
    def _progressed(self, op: Op, done: int, total: int, message: str) -> None:
        if op.on_progress is not None and not op.cancelled():
            op.on_progress(done, total, message)

    def close(self) -> None:
        """Finish queued operations, close the ledger and stop the thread."""
        if not self._thread.isRunning():
            return
        self._close.emit()
        self._thread.quit()
        self._thread.wait()

    def call(self, fn: Callable[[Ledger], Any], timeout: float = 60.0) -> Any:
        """Run `fn` on the worker and wait for it: only before the window exists."""
        op = self.op(fn).success(lambda _: None).failure(lambda _: None).run()
        if not op.done.wait(timeout):
            raise TimeoutError("database worker did not answer")
        if op.error is not None:
            raise op.error
        return op.result
