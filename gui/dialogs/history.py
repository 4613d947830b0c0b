"""A record's history in a dialog: read on the worker, listed oldest first."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from ..context import AppContext
from ..i18n import tr
from ..models.history import Change, HistoryModel, read_history
from ..widgets import fit_screen


class HistoryDialog(QDialog):
    """Opened from a record; reads its history on the worker and lists it."""

    def __init__(self, ctx: AppContext, row_id: str, title: str, problem: bool = True,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("History — {record}").format(record=title))
        fit_screen(self, 900, 480)
        self.model = HistoryModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.summary = QLabel(tr("Reading the history…"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        ctx.db.op(lambda ledger: read_history(ledger, row_id, problem)).success(self._show).run()

    def _show(self, lines: list[Change]) -> None:
        self.model.set_rows(lines)
        self.view.resizeColumnsToContents()
        self.summary.setText(tr("{count} change(s), oldest first").format(count=len(lines)))
