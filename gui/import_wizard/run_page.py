"""Step 4 of the import: the import itself, with progress and a stop button, then its
summary."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QProgressBar, QPushButton, QVBoxLayout

from ..i18n import tr
from ..worker import Cancelled
from .step import StepPage

if TYPE_CHECKING:
    from .wizard import ImportWizard


class RunPage(StepPage):
    """Step 4: the import on the worker, with progress and a stop button; then the summary."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        self.setTitle(tr("Importing"))
        self.outcome = None
        self.finished = False
        self.progress = QProgressBar()
        self.step = QLabel()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.stop_button = QPushButton(tr("Stop the import"))
        self.stop_button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.progress)
        layout.addWidget(self.stop_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def initializePage(self) -> None:
        from core import ledger_import
        self.outcome, self.finished = None, False
        table, overrides, campaign_id = self.owner.request()
        given = self.owner.preview_page.word_map()
        self.stop_button.setEnabled(True)
        self.step.setText(tr("Importing…"))
        self.start(lambda ledger, progress, cancelled: ledger_import.run(
            ledger, table, overrides=overrides, campaign_id=campaign_id, progress=progress,
            cancelled=cancelled, word_map=ledger_import.WordMap(ledger, given)),
            self._done, progress=self._progressed)

    def _progressed(self, done: int, total: int, message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.step.setText(message)

    def cancel(self) -> None:
        """Ask the worker to stop; the transaction rolls back and nothing is written."""
        if self.op is not None:
            self.op.cancel()
            self.stop_button.setEnabled(False)
            self.step.setText(tr("Stopping…"))

    def _done(self, outcome) -> None:
        self.outcome = outcome
        self._end(outcome.summary())
        self.progress.setValue(self.progress.maximum())
        if outcome.changes.tables:
            self.owner.ctx.changed.emit(outcome.changes)

    def failed(self, error: BaseException) -> None:
        from core.ledger_import import ImportCancelled, ImportRejected
        if isinstance(error, (Cancelled, ImportCancelled)):
            self._end(tr("Import cancelled; nothing was written."))
            return
        self._end(tr("Nothing was imported."))
        if isinstance(error, ImportRejected):
            self.message.setText("\n".join([str(error)] + [i.message for i in error.issues[:20]]))
            return
        super().failed(error)

    def _end(self, text: str) -> None:
        self.finished = True
        self.stop_button.setEnabled(False)
        self.step.clear()
        self.summary.setText(text)
        self.owner.finished_running()

    def isComplete(self) -> bool:
        return self.finished
