"""Statistical returns (报表): pick a return, a date and a campaign, preview it, export it.

The page is a thin front over `core.returns`: the worker builds the grid and writes the
file; the page shows the grid with its merged cells and the checks that failed.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QFileDialog, QHBoxLayout, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from core import dates
from core.ledger import Ledger

from .. import folders
from ..context import AppContext
from ..i18n import tr
from ..models.rows import excel_header
from ..widgets import DateEdit
from ..worker import Cancelled, Op
from .base import Page


def read_templates(_ledger: Ledger) -> list[tuple[str, str]]:
    """Runs on the worker (it pays for importing the returns package): (name, description)."""
    from core import returns
    return [(t.name, t.description or t.title) for t in returns.available()]


class ReturnGridModel(QAbstractTableModel):
    """The cells of a built return as text; merges are spans the view applies."""

    def __init__(self):
        super().__init__()
        self.texts: list[list[str]] = []
        self.first_data_row = 0

    def set_sheet(self, texts: list[list[str]], first_data_row: int) -> None:
        self.beginResetModel()
        self.texts, self.first_data_row = texts, first_data_row
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.texts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() or not self.texts else len(self.texts[0])

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.row() >= self.first_data_row \
                and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # rows numbered as in Excel, so that a finding's cell can be found
        return excel_header(section, orientation, role)


class ReturnsPage(Page):
    key = "returns"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.template = QComboBox()
        self.as_of = DateEdit()
        self.as_of.setText(dates.today().isoformat())
        self.as_of.setMaximumWidth(120)
        self.campaign = QComboBox()
        self.export_button = QPushButton(tr("Export…"))
        self.export_ledger_button = QPushButton(tr("Export the ledger…"))
        self.export_button.clicked.connect(self.ask_export)
        self.export_ledger_button.clicked.connect(self.ask_export_ledger)
        self.model = ReturnGridModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.findings = QLabel()
        self.findings.setWordWrap(True)
        self.findings.setStyleSheet("color: #c62828;")
        self.findings.setTextFormat(Qt.TextFormat.PlainText)
        self.summary = QLabel()
        self.export_op: Op | None = None
        self._layout()
        self._fill_campaigns()
        self.template.currentIndexChanged.connect(lambda _: self.refresh())
        self.campaign.currentIndexChanged.connect(lambda _: self.refresh())
        self.as_of.editingFinished.connect(self.refresh)
        ctx.bureau_changed.connect(self._fill_campaigns)
        ctx.changed.connect(lambda _changes: self.refresh())
        ctx.db.op(read_templates).success(self._set_templates).run()

    def _layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("Return")))
        bar.addWidget(self.template, 2)
        bar.addWidget(QLabel(tr("As of")))
        bar.addWidget(self.as_of)
        bar.addWidget(QLabel(tr("Campaign")))
        bar.addWidget(self.campaign, 1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.export_ledger_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.findings)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)

    def _set_templates(self, names: list[tuple[str, str]]) -> None:
        self.template.blockSignals(True)
        for name, description in names:
            self.template.addItem(description, name)
        self.template.blockSignals(False)
        self.refresh()

    def _fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        self.campaign.addItem(tr("All campaigns"), None)
        for campaign_id, name in self.ctx.bureau.campaigns:
            self.campaign.addItem(name, campaign_id)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))
        self.campaign.blockSignals(False)

    # -- what is asked
    def choice(self) -> tuple[str | None, str | None, str | None]:
        """(template name, as-of date, campaign id); None as-of means a date not understood."""
        try:
            as_of = self.as_of.iso() or dates.today().isoformat()
        except dates.DateError:
            as_of = None
        return self.template.currentData(), as_of, self.campaign.currentData()

    # -- preview
    def refresh(self) -> None:
        name, as_of, campaign_id = self.choice()
        if name is None:
            return
        if as_of is None:
            self.findings.setText(tr("The as-of date is not a date."))
            return
        from core import returns
        self.ctx.db.op(lambda ledger: returns.build(ledger, name, as_of, campaign_id)) \
            .success(lambda built: self._show(built, (name, as_of, campaign_id))) \
            .failure(self._failed).run()

    def _show(self, built, asked: tuple) -> None:
        if asked != self.choice():
            return  # the choice changed while the worker built it: a newer preview follows
        self.view.clearSpans()
        self.model.set_sheet(built.sheet.texts(), built.sheet.first_data_row)
        for row, column, last_row, last_column in built.sheet.merges:
            self.view.setSpan(row, column, last_row - row + 1, last_column - column + 1)
        self.view.resizeColumnsToContents()
        self.findings.setText("\n".join(str(f) for f in built.findings))
        self.summary.setText(tr("{rows} row(s) to export").format(rows=built.row_count))

    def _failed(self, error: BaseException) -> None:
        from core.errors import LedgerError
        if not isinstance(error, LedgerError):
            raise error
        self.findings.setText(str(error))

    # -- export
    def ask_export(self) -> None:
        path = self._save_path(self.template.currentText())
        if path:
            self.export_return(path)

    def ask_export_ledger(self) -> None:
        path = self._save_path(tr("Rectification ledger"))
        if path:
            self.export_ledger(path)

    def _save_path(self, stem: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export"),
                                              folders.start(self.ctx, f"{stem}.xlsx"),
                                              "Excel (*.xlsx)")
        folders.remember(self.ctx, path)
        return Path(path) if path else None

    def export_return(self, path: Path, replace: bool = True) -> Op | None:
        """Check and write the chosen return to `path` in the background."""
        from core import returns
        name, as_of, campaign_id = self.choice()
        if name is None or as_of is None:
            return None
        return self._export(tr("Exporting the return…"), path, lambda ledger, report, cancelled:
                            returns.export_return(ledger, name, path, as_of, campaign_id,
                                                  progress=report, cancelled=cancelled,
                                                  force=replace))

    def export_ledger(self, path: Path, replace: bool = True) -> Op:
        """Write every problem of the chosen campaign to `path` in the background."""
        from core import returns
        campaign_id = self.campaign.currentData()
        return self._export(tr("Exporting the ledger…"), path, lambda ledger, report, cancelled:
                            returns.export_ledger(ledger, path, campaign_id=campaign_id,
                                                  progress=report, cancelled=cancelled,
                                                  force=replace))

    def _export(self, title: str, path: Path, fn: Callable[..., Any]) -> Op:
        from ..progress import run_with_progress

        def finished(_result: Any) -> None:
            self.summary.setText(tr("Written to {path}").format(path=path))

        def failed(error: BaseException) -> None:
            from core.returns import ExportCancelled
            if isinstance(error, (Cancelled, ExportCancelled)):
                self.summary.setText(tr("Export cancelled; nothing was written."))
                return
            self._failed(error)

        self.export_op = run_with_progress(self.ctx.db, self, title, fn, finished,
                                           failure=failed)
        return self.export_op
