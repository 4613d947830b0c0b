"""Statistical returns (报表): pick a return, a date and a campaign, preview it, export it,
submit it (报送记录), set its marks, add a province's own form.

The page is a thin front over `core.returns`: the worker builds the grid and writes the
file; the page shows the filled form with its merged cells and the checks that failed, and
in a second tab the returns sent upward with the cells that changed since.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel,
                               QMessageBox, QPushButton, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from core import dates
from core.ledger import Ledger

from .. import folders
from ..context import AppContext
from ..i18n import tr
from ..models.returns import ReturnGridModel
from ..refresh import RefreshWhenShown
from ..widgets import DateEdit
from ..worker import Cancelled, Op
from .base import Page

# The tables a return's figures are read from: a write to any other leaves the preview as is.
WATCHED = ("problem", "problem_log", "deadline_extension", "measure", "penalty_case",
           "inspection", "enterprise", "campaign", "batch", "region", "setting")


def read_templates(_ledger: Ledger) -> list[tuple[str, str]]:
    """Runs on the worker (it pays for importing the returns package): (name, description)."""
    from core import returns
    return [(t.name, t.description) for t in returns.available(_ledger)]


def add_form(ledger: Ledger, path: str) -> list[tuple[str, str]]:
    """On the worker: check and keep the form, then the forms as `read_templates` gives them."""
    from core.returns import forms
    forms.add(ledger, path)
    return read_templates(ledger)


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
        self.submit_button = QPushButton(tr("Submit…"))
        self.export_ledger_sheet_button = QPushButton(tr("Export the ledger…"))
        self.marks_button = QPushButton(tr("Marks…"))
        self.add_form_button = QPushButton(tr("Add a form…"))
        self.export_button.clicked.connect(self.ask_export)
        self.submit_button.clicked.connect(self.ask_submit)
        self.export_ledger_sheet_button.clicked.connect(self.ask_export_ledger_sheet)
        self.marks_button.clicked.connect(self.open_marks)
        self.add_form_button.clicked.connect(self.ask_add_form)
        from .returns_submitted import SubmittedPanel
        self.submitted = SubmittedPanel(ctx)
        self.tabs = QTabWidget()
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
        RefreshWhenShown(ctx, self, WATCHED, self.refresh)
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
        bar.addWidget(self.submit_button)
        second = QHBoxLayout()
        second.addWidget(self.summary, 1)
        second.addWidget(self.marks_button)
        second.addWidget(self.add_form_button)
        second.addWidget(self.export_ledger_sheet_button)
        preview = QWidget()
        inside = QVBoxLayout(preview)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.addWidget(self.findings)
        inside.addWidget(self.view, 1)
        self.tabs.addTab(preview, tr("Preview"))
        self.tabs.addTab(self.submitted, tr("Submitted returns"))
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(self.tabs, 1)

    def _set_templates(self, names: list[tuple[str, str]]) -> None:
        current = self.template.currentData()
        self.template.blockSignals(True)
        self.template.clear()
        for name, description in names:
            self.template.addItem(description, name)
        self.template.setCurrentIndex(max(0, self.template.findData(current)))
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
            self.findings.setVisible(True)
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
        line = self.view.verticalHeader().defaultSectionSize()
        for row, texts in enumerate(self.model.texts):  # two-line headers show whole
            lines = max((t.count("\n") + 1 for t in texts), default=1)
            if lines > 1:
                self.view.setRowHeight(row, line * lines)
        self.findings.setText("\n".join(str(f) for f in built.findings))
        self.findings.setVisible(bool(built.findings))
        self.summary.setText(tr("{rows} row(s) to export").format(rows=built.row_count))

    def _failed(self, error: BaseException) -> None:
        from core.errors import LedgerError
        if not isinstance(error, LedgerError):
            raise error
        self.findings.setText(str(error))
        self.findings.setVisible(True)

    # -- export
    def ask_export(self) -> None:
        path = self._save_path(self.template.currentText())
        if path:
            self.export_return(path)

    def ask_export_ledger_sheet(self) -> None:
        path = self._save_path(tr("Rectification ledger"))
        if path:
            self.export_ledger_sheet(path)

    # -- submission (报送)
    def ask_submit(self) -> None:
        path = self._save_path(self.template.currentText())
        if path:
            self.submit(path)

    def submit(self, path: Path) -> None:
        """Ask what must be asked (blank marks, a correction note), then submit."""
        from .returns_submitted import before_submit
        name, as_of, campaign_id = self.choice()
        if name is None or as_of is None:
            return
        self.ctx.db.op(lambda ledger: before_submit(ledger, name, as_of, campaign_id)) \
            .success(lambda found: self._submit_asked(found, path, name, as_of, campaign_id)) \
            .failure(self._failed).run()

    def _submit_asked(self, found: dict, path: Path, name: str, as_of: str,
                      campaign_id: str | None) -> None:
        from .returns_submitted import submit
        if found["blanks"] and not self.confirm_blanks(found["blanks"]):
            return
        note = ""
        if found["earlier"] is not None:
            note = self.ask_correction_note(found["earlier"])
            if not note:
                return
        self.export_op = self.ctx.db.op(
            lambda ledger: submit(ledger, name, path, as_of, campaign_id, note)) \
            .success(lambda _changes: self.summary.setText(
                tr("Submitted and recorded: {path}").format(path=path))) \
            .failure(self._failed).run()

    def confirm_blanks(self, blanks: list[str]) -> bool:
        answer = QMessageBox.question(
            self, tr("Submit the return"),
            tr("These marks are blank and print as a line to fill in by hand: {marks}. "
               "Submit anyway?").format(marks="、".join(blanks)))
        return answer == QMessageBox.StandardButton.Yes

    def ask_correction_note(self, earlier) -> str:
        text, ok = QInputDialog.getMultiLineText(
            self, tr("Correction note"),
            tr("This period was submitted on {when} by {who}. What does this submission "
               "correct? The note is printed in the file.").format(
                when=earlier.submitted_at.replace("T", " "), who=earlier.submitted_by))
        return text.strip() if ok else ""

    # -- marks and forms
    def open_marks(self):
        from ..forms.return_marks import MarksDialog
        name = self.template.currentData()
        if name is None:
            return None
        self.marks_dialog = MarksDialog(self.ctx, name, self.template.currentText(), self)
        self.marks_dialog.open()
        return self.marks_dialog

    def ask_add_form(self) -> None:
        path = folders.open_file(self, self.ctx, tr("Add a return form"), "Excel (*.xlsx)")
        if path:
            self.add_form(path)

    def add_form(self, path: str) -> None:
        self.ctx.db.op(lambda ledger: add_form(ledger, path)).success(self._set_templates) \
            .failure(self._failed).run()

    def _save_path(self, stem: str) -> Path | None:
        path = folders.save_file(self, self.ctx, tr("Export"), f"{stem}.xlsx", "Excel (*.xlsx)")
        return Path(path) if path else None

    def export_return(self, path: Path, replace: bool = True) -> Op | None:
        """Check and write the chosen return to `path` in the background."""
        from core import returns
        name, as_of, campaign_id = self.choice()
        if name is None or as_of is None:
            return None
        return self._export(tr("Exporting the return…"), path, lambda ledger, progress, cancelled:
                            returns.export_return(ledger, name, path, as_of, campaign_id,
                                                  progress=progress, cancelled=cancelled,
                                                  force=replace))

    def export_ledger_sheet(self, path: Path, replace: bool = True) -> Op:
        """Write every problem of the chosen campaign to `path` in the background."""
        from core import returns
        campaign_id = self.campaign.currentData()
        return self._export(tr("Exporting the ledger…"), path, lambda ledger, progress, cancelled:
                            returns.export_ledger_sheet(ledger, path, campaign_id=campaign_id,
                                                        progress=progress, cancelled=cancelled,
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
