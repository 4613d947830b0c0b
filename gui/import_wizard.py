"""Import an Excel rectification ledger: file and sheet, column mapping, checked preview, import.

A thin front over `core.ledger_import`: every step runs on the database worker; this
module only shows what the core found and passes the user's choices back to it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QSplitter, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)

from core import messages
from core.errors import LedgerError

from . import folders
from .context import AppContext
from .i18n import tr
from .models.rows import RowsModel, excel_header
from .worker import Cancelled, Op

ERROR_BACKGROUND = QColor("#ffcdd2")
WARNING_BACKGROUND = QColor("#ffe9b3")
ERROR_TEXT = QColor("#b71c1c")
WARNING_TEXT = QColor("#8a5a00")


def column_index(letters: str) -> int:
    """0-based column of Excel's letters: A → 0, AA → 26."""
    number = 0
    for letter in letters.upper():
        number = number * 26 + ord(letter) - 64
    return number - 1


def shown(value: object) -> str:
    from core.ledger_import.rows import display
    return display(value)


class SheetModel(QAbstractTableModel):
    """The sheet from its header down, numbered as Excel numbers rows and columns; cells
    with a finding are coloured. Cells are formatted only when the view asks for them."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list] = []
        self.first = 0  # 0-based sheet row shown as the model's row 0
        self.first_data = 0
        self.width = 0
        self.findings: dict[tuple[int, int], Any] = {}  # (sheet row, column) → CellIssue

    def set_preview(self, table, issues: list) -> None:
        self.beginResetModel()
        self.rows, self.first, self.width = table.grid.rows, table.header_first, table.grid.width
        self.first_data = table.first_data
        self.findings = {}
        for issue in issues:
            if issue.column:
                key = (issue.row - 1, column_index(issue.column))
                if key not in self.findings or not issue.warning:
                    self.findings[key] = issue
        self.endResetModel()

    def cell_index(self, issue) -> QModelIndex:
        """Where `issue` sits in this model (its row's first cell when it names no column)."""
        column = column_index(issue.column) if issue.column else 0
        return self.index(issue.row - 1 - self.first, column)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else max(len(self.rows) - self.first, 0)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.width

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = index.row() + self.first
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(self.rows[row][index.column()])
        if role == Qt.ItemDataRole.FontRole and row < self.first_data:
            font = QFont()
            font.setBold(True)
            return font
        issue = self.findings.get((row, index.column()))
        if issue is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return WARNING_BACKGROUND if issue.warning else ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue.reason
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return excel_header(section, orientation, role, self.first + 1)


class IssueModel(RowsModel):
    """The findings of a preview, one per line: row, column, header, value, reason."""

    ROW, COLUMN, HEADER, VALUE, REASON = range(5)

    def headers(self) -> tuple[str, ...]:
        return (tr("Row"), tr("Column"), tr("Header"), tr("Value"), tr("Reason"))

    def cell(self, issue, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (str(issue.row), issue.column or "—", issue.header, shown(issue.value),
                    issue.reason)[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            return WARNING_TEXT if issue.warning else ERROR_TEXT
        if role == Qt.ItemDataRole.ToolTipRole:
            return issue.message
        return None


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
              progress: Callable[[int, int, str], None] | None = None) -> Op:
        self.stop()
        self.message.clear()
        op = self.owner.ctx.db.op(fn)
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


class FilePage(StepPage):
    """Step 1: the workbook and the sheet."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        self.setTitle(tr("Choose the workbook"))
        self.setSubTitle(tr("An Excel ledger (.xlsx, .xls or .ods) with one problem per row."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("Path of the Excel file"))
        self.path.editingFinished.connect(self.read_sheets)
        self.path.textChanged.connect(lambda _: self.completeChanged.emit())
        browse = QPushButton(tr("Browse…"))
        browse.clicked.connect(self.browse)
        self.sheet = QComboBox()
        self.sheet.currentIndexChanged.connect(lambda _: self.completeChanged.emit())
        self.sheets_of = ""
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(tr("File")))
        layout.addLayout(row)
        layout.addWidget(QLabel(tr("Sheet")))
        layout.addWidget(self.sheet)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import an Excel ledger"),
                                              folders.start(self.owner.ctx),
                                              "Excel (*.xlsx *.xlsm *.xls *.ods)")
        folders.remember(self.owner.ctx, path)
        if path:
            self.choose(path)

    def choose(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self.read_sheets()

    def read_sheets(self) -> None:
        path = self.path.text().strip()
        if path == self.sheets_of and self.sheet.count():
            return
        self.sheets_of = path
        self.sheet.clear()
        if path:
            from core import ledger_import
            self.start(lambda _ledger: ledger_import.inspect(path), self._show_sheets)

    def _show_sheets(self, sheets: list) -> None:
        for info in sheets:
            text = tr("{name} ({rows} rows)").format(name=info.name, rows=info.rows)
            self.sheet.addItem(text if info.visible else tr("{sheet}, hidden").format(sheet=text),
                               info.name)
        visible = [i for i, info in enumerate(sheets) if info.visible]
        self.sheet.setCurrentIndex(visible[0] if visible else 0)

    def failed(self, error: BaseException) -> None:
        self.sheet.clear()
        super().failed(error)

    def choice(self) -> tuple[str, str]:
        return self.path.text().strip(), self.sheet.currentData()

    def isComplete(self) -> bool:
        return self.op is None and self.sheet.currentData() is not None \
            and self.sheets_of == self.path.text().strip()


class MappingPage(StepPage):
    """Step 2: which sheet column holds each ledger field, as proposed and corrected."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        from core.ledger_import.mapping import FIELDS, REQUIRED
        self.fields, self.required = FIELDS, REQUIRED
        self.setTitle(tr("Check the columns"))
        self.setSubTitle(tr("Each ledger field and the sheet column it is read from. "
                            "Fields marked * are required."))
        self.table = None
        self.loaded: tuple[str, str] | None = None
        self.grid = QTableWidget(len(FIELDS), 3)
        self.grid.setHorizontalHeaderLabels([tr("Ledger field"), tr("Sheet column"),
                                             tr("First value")])
        self.grid.verticalHeader().hide()
        self.grid.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.grid.setColumnWidth(0, 140)
        self.grid.setColumnWidth(1, 260)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.combos: dict[str, QComboBox] = {}
        for row, name in enumerate(FIELDS):
            self._add_field(row, name)
        self.campaign = QComboBox()
        self.found = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(tr("New batches belong to")))
        bar.addWidget(self.campaign, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.found)
        layout.addWidget(self.grid, 1)
        layout.addLayout(bar)
        layout.addWidget(self.message)

    def _add_field(self, row: int, name: str) -> None:
        label = messages.label(f"import_field.{name}")
        item = QTableWidgetItem(label + (" *" if name in self.required else ""))
        self.grid.setItem(row, 0, item)
        self.grid.setItem(row, 2, QTableWidgetItem())
        combo = QComboBox()
        combo.currentIndexChanged.connect(lambda _, field=name: self.picked(field))
        self.grid.setCellWidget(row, 1, combo)
        self.combos[name] = combo

    def initializePage(self) -> None:
        self._fill_campaigns()
        wanted = self.owner.file_page.choice()
        if wanted == self.loaded and self.table is not None:
            return
        self.table = None
        self.loaded = wanted
        for combo in self.combos.values():
            combo.clear()
        from core import ledger_import
        path, sheet = wanted
        self.start(lambda _ledger: ledger_import.load(path, sheet), self._show_table)

    def _fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.clear()
        self.campaign.addItem(tr("No campaign"), None)
        for campaign_id, name in self.owner.ctx.bureau.campaigns:
            self.campaign.addItem(name, campaign_id)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))

    def _show_table(self, table) -> None:
        from core import ledger_import
        from core.ledger_import.workbook import column_letter
        self.table = table
        if table.header_first == table.header_last:
            found = tr("Header found in row {first}; data from row {data}.")
        else:
            found = tr("Header found in rows {first}–{last}; data from row {data}.")
        self.found.setText(found.format(first=table.header_first + 1,
                                        last=table.header_last + 1, data=table.first_data + 1))
        proposed = ledger_import.propose_mapping(table)
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.addItem(tr("(not imported)"), None)
            for column, header in enumerate(table.headers):
                combo.addItem(f"{column_letter(column)}  {header or ''}".rstrip(), column)
            combo.setCurrentIndex(max(0, combo.findData(proposed.get(name))))
            combo.blockSignals(False)
            self._show_first_value(name)

    def picked(self, name: str) -> None:
        """A column feeds one field only: choosing it here takes it from any other field."""
        column = self.combos[name].currentData()
        if column is not None:
            for other, combo in self.combos.items():
                if other != name and combo.currentData() == column:
                    combo.setCurrentIndex(0)
        self._show_first_value(name)
        self.completeChanged.emit()

    def _show_first_value(self, name: str) -> None:
        column = self.combos[name].currentData()
        text = ""
        if column is not None and self.table is not None:
            values = (row[column] for row in self.table.grid.rows[self.table.first_data:])
            text = next((shown(v) for v in values if shown(v)), "")
        self.grid.item(self.fields.index(name), 2).setText(text)

    def mapping(self) -> dict[str, int | None]:
        """Every field → its chosen 0-based column, None for fields left out."""
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def isComplete(self) -> bool:
        chosen = self.mapping()
        return self.table is not None and all(chosen[name] is not None for name in self.required)


class PreviewPage(StepPage):
    """Step 3: every row checked; findings listed and coloured in the sheet; import only when
    no error stands."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        self.setTitle(tr("Check the rows"))
        self.setSubTitle(tr("Errors are red and must be corrected in the workbook; warnings "
                            "are amber and do not stop the import."))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, tr("Import"))
        self.checked = None
        self.sheet_model = SheetModel()
        self.sheet_view = QTableView()
        self.sheet_view.setModel(self.sheet_model)
        self.sheet_view.verticalHeader().setDefaultSectionSize(24)
        self.issue_model = IssueModel()
        self.issue_view = QTableView()
        self.issue_view.setModel(self.issue_model)
        self.issue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.issue_view.horizontalHeader().setStretchLastSection(True)
        self.issue_view.verticalHeader().hide()
        self.issue_view.verticalHeader().setDefaultSectionSize(24)
        self.issue_view.clicked.connect(self.show_cell)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.progress = QProgressBar()
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.issue_view)
        splitter.addWidget(self.sheet_view)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

    def initializePage(self) -> None:
        from core import ledger_import
        self.checked = None
        self.issue_model.set_rows([])
        self.counts.setText(tr("Checking the rows…"))
        table, overrides, campaign_id = self.owner.request()
        self.progress.show()
        self.progress.setValue(0)
        self.start(lambda ledger, report, cancelled: ledger_import.preview(
            ledger, table, overrides=overrides, campaign_id=campaign_id, progress=report,
            cancelled=cancelled), self._show, progress=self._progressed)

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _show(self, checked) -> None:
        self.checked = checked
        self.progress.hide()
        self.issue_model.set_rows(checked.issues)
        self.sheet_model.set_preview(checked.table, checked.issues)
        self.issue_view.resizeColumnsToContents()
        if checked.issues:
            self.show_cell(self.issue_model.index(0, 0))
        plan = checked.plan
        counts = tr("{rows} row(s) read: {errors} error(s), {warnings} warning(s).").format(
            rows=len(checked.rows), errors=len(checked.errors), warnings=len(checked.warnings))
        if checked.errors:
            counts += " " + tr("Correct the errors in the workbook, then check again.")
        elif plan is not None:
            counts += " " + tr("The import will add {added}, update {updated} and leave "
                               "{unchanged} unchanged.").format(
                added=plan.added, updated=plan.updated, unchanged=plan.unchanged)
        self.counts.setText(counts)

    def failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.counts.clear()
        super().failed(error)

    def show_cell(self, index: QModelIndex) -> None:
        """Scroll the sheet to the cell an issue is about and select it."""
        cell = self.sheet_model.cell_index(self.issue_model.rows[index.row()])
        self.sheet_view.setCurrentIndex(cell)
        self.sheet_view.scrollTo(cell, QAbstractItemView.ScrollHint.EnsureVisible)

    def isComplete(self) -> bool:
        return self.op is None and self.checked is not None and not self.checked.errors


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
        self.stop_button.setEnabled(True)
        self.step.setText(tr("Importing…"))
        self.start(lambda ledger, report, cancelled: ledger_import.run(
            ledger, table, overrides=overrides, campaign_id=campaign_id, progress=report,
            cancelled=cancelled), self._done, progress=self._progressed)

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


class ImportWizard(QWizard):
    """File and sheet → mapping → checked preview → import with progress → summary."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.closing = False
        self.setWindowTitle(tr("Import an Excel ledger"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        self.resize(1000, 700)

    def request(self) -> tuple[Any, dict[str, int | None], str | None]:
        """(table, field → column, campaign id) as chosen on the pages."""
        mapping = self.mapping_page
        return mapping.table, mapping.mapping(), mapping.campaign.currentData()

    def reject(self) -> None:
        # Closing while the import runs stops it first; the wizard closes once rolled back.
        if self.run_page.op is not None:
            self.closing = True
            self.run_page.cancel()
            return
        for page in (self.file_page, self.mapping_page, self.preview_page):
            page.stop()
        super().reject()

    def finished_running(self) -> None:
        if self.closing:
            super().reject()
