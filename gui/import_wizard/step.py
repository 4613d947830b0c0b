"""What every page of the import wizard does alike: its work runs on a worker lane, and a
newer request makes an older answer stale; and how a sheet (or every sheet) is read."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWizardPage

from core.errors import LedgerError

from ..worker import Cancelled, Op

if TYPE_CHECKING:
    from .wizard import ImportWizard


ALL_SHEETS = "\x00all"  # the sheet choice "every sheet, one batch each"


def load_tables(path: str, sheet: str) -> tuple[list, list]:
    """The table(s) of the chosen sheet, or of every sheet, and the sheets left out."""
    from core import ledger_import
    if sheet == ALL_SHEETS:
        return ledger_import.load_all(path)
    return [ledger_import.load(path, sheet)], []


class StepPage(QWizardPage):
    """A page whose work runs on the worker; a newer request makes older answers stale."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__()
        self.owner = wizard
        self.op: Op | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #c62828;")

    def start(self, fn: Callable[..., Any], done: Callable[[Any], None],
              progress: Callable[[int, int, str], None] | None = None,
              lane: str = "op") -> Op:
        """`lane`: "op" (the writer), "read" (the reader) or "parse" (no ledger: a file)."""
        self.stop()
        self.message.clear()
        op = getattr(self.owner.ctx.db, lane)(fn)
        op.success(lambda result: self._answer(op, done, result))
        op.failure(lambda error: self._answer(op, self.failed, error))
        if progress is not None:
            op.progress(progress)
        self.op = op.run()
        self.completeChanged.emit()
        return op

    def _answer(self, op: Op, callback: Callable[[Any], None], value: Any) -> None:
        if op is self.op:
            self.op = None
            callback(value)
            self.completeChanged.emit()

    def stop(self) -> None:
        if self.op is not None:
            self.op.cancel()
            self.op = None

    def failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            return
        if not isinstance(error, LedgerError):
            raise error
        self.message.setText(str(error))

    def cleanupPage(self) -> None:
        self.stop()
