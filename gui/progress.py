"""Long work on the worker, shown in a progress dialog that can cancel it."""
from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from .i18n import tr
from .worker import Cancelled, Database, Op


def run_with_progress(db: Database, parent: QWidget | None, title: str,
                      fn: Callable[..., Any], success: Callable[[Any], None],
                      after: Callable[[], None] = lambda: None,
                      failure: Callable[[BaseException], None] | None = None) -> Op:
    """Run `fn(ledger, progress, cancelled)`; Cancel stops it at its next step.
    `failure` receives errors (cancellation included); without it they are raised."""
    dialog = QProgressDialog(title, tr("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)

    def progress(done: int, total: int, message: str) -> None:
        dialog.setMaximum(total)
        dialog.setValue(done)
        if message:
            dialog.setLabelText(f"{title}\n{message}")

    def finished(result: Any) -> None:
        dialog.reset()
        after()
        success(result)

    def failed(error: BaseException) -> None:
        dialog.reset()
        after()
        if failure is not None:
            failure(error)
        elif not isinstance(error, Cancelled):
            raise error

    op = db.op(fn).progress(progress).success(finished).failure(failed)
    dialog.canceled.connect(op.cancel)
    op.run()
    return op
