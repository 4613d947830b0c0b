"""The database threads: one writer that owns the ledger, one reader, one for files.

GUI code never touches the database. It describes an operation as a callable taking
the open `Ledger` and hands it to `Database.op(fn)` (the writer: every write, in order)
or `Database.read(fn)` (the reader: counts, pages, the dashboard, previews, on a
read-only connection of its own), chaining `.success(...)`, `.failure(...)` and
`.progress(...)` callbacks, which run back on the GUI thread. `Database.parse(fn)` runs
`fn()` without the ledger (reading an Excel file), so that neither ledger thread waits
for it. A write that returns `core.changes.Changes` is announced on `Database.changed`.

As in Datasette, reads never queue behind a slow write or a slow read of the other kind:
a form's check on the writer answers while the dashboard of a past date is still being
counted on the reader. The reader sees every write committed before it was asked.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from core import db as connections
from core.changes import Changes
from core.ledger import Ledger

WRITER, READER, FILES = "writer", "reader", "files"


class Cancelled(Exception):
    """The user cancelled a long operation; its transaction was rolled back."""


class Op:
    """One operation on the worker, with its callbacks on the GUI thread."""

    def __init__(self, database: "Database", fn: Callable[..., Any], lane: str = WRITER):
        self._database = database
        self.fn = fn
        self.lane = lane
        self.on_success: Callable[[Any], None] | None = None
        self.on_failure: Callable[[BaseException], None] | None = None
        self.on_progress: Callable[[int, int, str], None] | None = None
        self._cancel = threading.Event()
        self.done = threading.Event()  # set on the worker thread when fn has run
        self.result: Any = None
        self.error: BaseException | None = None
        self.worker: QObject | None = None  # the thread's worker it was given to

    def success(self, callback: Callable[[Any], None]) -> "Op":
        self.on_success = callback
        return self

    def failure(self, callback: Callable[[BaseException], None]) -> "Op":
        self.on_failure = callback
        return self

    def progress(self, callback: Callable[[int, int, str], None]) -> "Op":
        """Run `fn(ledger, progress, cancelled)`; `callback(done, total, message)` shows it."""
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
    """Lives on the writer thread; opens the ledger there (a connection is per thread)."""

    request = Signal(object)  # an Op, emitted on the GUI thread, run on this one
    finished = Signal(object, object, object)  # op, result, error
    progressed = Signal(object, int, int, str)
    ready = Signal()  # the writer has opened (and migrated) the file

    def __init__(self, path: Path, operator: str):
        super().__init__()
        self.path = path
        self.operator = operator
        self.ledger: Ledger | None = None
        self.opened = threading.Event()  # the file exists and is migrated: readers may open

    def _open(self) -> Ledger:
        # exclusive: a second window on the same file is refused, not raced
        ledger = Ledger.open(self.path, self.operator, exclusive=True)
        self.opened.set()
        self.ready.emit()
        return ledger

    def _arguments(self, op: Op) -> tuple:
        if self.ledger is None:
            self.ledger = self._open()
        return (self.ledger,)

    @Slot(object)
    def run(self, op: Op) -> None:
        try:
            if op.cancelled():
                raise Cancelled()
            arguments = self._arguments(op)
            result = op.fn(*arguments, *self._progress_args(op)) if op.on_progress \
                else op.fn(*arguments)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread
            op.error = error
            op.done.set()
            self.finished.emit(op, None, error)
        else:
            op.result = result
            op.done.set()
            self.finished.emit(op, result, None)

    def _progress_args(self, op: Op) -> tuple:
        def progress(done: int, total: int, message: str = "") -> None:
            if op.cancelled():
                raise Cancelled()
            self.progressed.emit(op, done, total, message)
        return progress, op.cancelled

    @Slot()
    def close(self) -> None:
        if self.ledger is not None:
            self.ledger.close()
            self.ledger = None


class _Reader(_Worker):
    """Lives on a reader thread: a read-only connection, opened there on first use."""

    def _open(self) -> Ledger:
        ledger = Ledger(connections.connect_read_only(self.path), self.path, self.operator)
        ledger.read_only = "error.ledger_read_only"  # a write here is a bug: refuse it
        return ledger

    def _arguments(self, op: Op) -> tuple:
        (ledger,) = super()._arguments(op)
        ledger.operator = self.operator
        return (ledger,)

    @Slot()
    def warm(self) -> None:
        """Open the connection as soon as the writer has the file open, while the window
        is still being built: SQLite reads the whole schema (every audit trigger) on a
        connection's first statement, some 25 ms the first page's rows need not wait for.
        A failure here is left for the first read to meet and report."""
        if self.ledger is None:
            try:
                self.ledger = self._open()
            except Exception:  # noqa: BLE001 - the first real read reports it
                self.ledger = None


class _Files(_Worker):
    """Lives on the files thread: runs `fn()` with no ledger (parsing a workbook)."""

    def _arguments(self, op: Op) -> tuple:
        return ()


def _thread(name: str, worker: _Worker) -> QThread:
    thread = QThread()
    thread.setObjectName(name)
    worker.moveToThread(thread)
    return thread


class Database(QObject):
    """The GUI's handle on the writer, the readers and the files thread."""

    READERS = 2  # a slow read (a past date's dashboard) leaves the other for table pages

    changed = Signal(object)  # core.changes.Changes of every successful write
    failed = Signal(object)   # errors of operations that have no failure callback
    _close = Signal()

    def __init__(self, path: Path, operator: str, parent: QObject | None = None):
        super().__init__(parent)
        self.path = path
        self.pending = 0
        self._worker = _Worker(path, operator)
        self._readers = [_Reader(path, operator) for _ in range(self.READERS)]
        self._files = _Files(path, operator)
        self._queued: dict[_Worker, int] = {reader: 0 for reader in self._readers}
        self._thread = _thread("database", self._worker)
        self._threads = [self._thread, _thread("files", self._files)] + [
            _thread(f"database-reader-{n}", reader) for n, reader in enumerate(self._readers)]
        # Each worker lives on its own thread, so that requests made on the GUI thread
        # are queued to it (Qt's automatic connection; naming the kind would touch Qt's
        # namespace, whose 94 enums cost 40 ms at start: see gui/startup.py).
        for worker in self._workers():
            worker.request.connect(worker.run)
            worker.finished.connect(self._finished)
            worker.progressed.connect(self._progressed)
        if str(path) != ":memory:":  # the reader the first page's read goes to
            self._worker.ready.connect(self._readers[0].warm)
        for thread in self._threads:
            thread.start()

    def _workers(self) -> tuple[_Worker, ...]:
        """The writer last: closing the last connection checkpoints and removes the WAL."""
        return (self._files, *self._readers, self._worker)

    def op(self, fn: Callable[..., Any]) -> Op:
        """A write (or a read that must queue behind the writes): on the writer."""
        return Op(self, fn)

    def read(self, fn: Callable[..., Any]) -> Op:
        """A read on a reader's read-only connection; it never waits for a write."""
        return Op(self, fn, READER)

    def parse(self, fn: Callable[..., Any]) -> Op:
        """`fn()` (or `fn(progress, cancelled)`) off both ledger threads: reading a file."""
        return Op(self, fn, FILES)

    def submit(self, op: Op) -> None:
        self.pending += 1
        if op.lane == FILES:
            worker = self._files
        elif op.lane == READER and self._readable():
            worker = min(self._readers, key=self._queued.__getitem__)  # the least busy
            self._queued[worker] += 1
        else:
            worker = self._worker
        op.worker = worker
        worker.request.emit(op)

    def _readable(self) -> bool:
        """Until the writer has opened (and migrated) the file, reads queue behind it; an
        in-memory ledger has no second connection at all."""
        return str(self.path) != ":memory:" and self._worker.opened.is_set()

    def set_operator(self, name: str) -> None:
        """Later writes are recorded under `name` (and later reads run as `name`)."""
        def apply(ledger: Ledger) -> None:
            ledger.operator = name
        for worker in (self._worker, *self._readers):
            worker.operator = name
        self.op(apply).run()

    @Slot(object, object, object)
    def _finished(self, op: Op, result: Any, error: BaseException | None) -> None:
        self.pending -= 1
        if op.worker in self._queued:
            self._queued[op.worker] -= 1
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
        from PySide6.QtCore import Qt

        # Blocking: the emit returns once every queued operation has run and each ledger
        # is closed (quitting the threads' loops alone would drop what is still queued).
        for worker in self._workers():
            self._close.connect(worker.close, Qt.ConnectionType.BlockingQueuedConnection)
        self._close.emit()
        for thread in self._threads:
            thread.quit()
            thread.wait()

    def call(self, fn: Callable[[Ledger], Any], timeout: float = 60.0) -> Any:
        """Run `fn` on the worker and wait for it: only before the window exists."""
        op = self.op(fn).success(lambda _: None).failure(lambda _: None).run()
        if not op.done.wait(timeout):
            raise TimeoutError("database worker did not answer")
        if op.error is not None:
            raise op.error
        return op.result
