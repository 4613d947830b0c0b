"""Import an Excel rectification ledger: file and sheet, column mapping, checked preview, import.

A thin front over `core.ledger_import`: every step runs on the database worker; this
module only shows what the core found and passes the user's choices back to it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QProgressBar, QPushButton,
                               QSplitter, QTableView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget, QWizard, QWizardPage)

from core import messages
from core.errors import LedgerError

from .. import folders
from ..context import AppContext
from ..i18n import tr
from ..models.import_preview import IssueModel, SheetModel, shown
from ..widgets import fit_screen
from ..worker import Cancelled, Op

ALL_SHEETS = "\x00all"  # the sheet choice "every sheet, one batch each"
TYPED_PATH_DELAY_MS = 500


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


class FilePage(StepPage):
    """Step 1: the workbook and the sheet."""

    def __init__(self, wizard: "ImportWizard"):
        super().__init__(wizard)
        self.setTitle(tr("Choose the workbook"))
        self.setSubTitle(tr("A ledger with one problem per row: Excel (.xlsx, .xls), .ods, CSV, "
                            "or a web system's export saved as .xls."))
        self.path = QLineEdit()
        self.path.setPlaceholderText(tr("Path of the Excel file"))
        self.path.editingFinished.connect(self.read_sheets)
        self.path.textChanged.connect(self._typed)
        # A typed or pasted path is read once typing pauses, if it names a file.
        self.typing = QTimer(self)
        self.typing.setSingleShot(True)
        self.typing.setInterval(TYPED_PATH_DELAY_MS)
        self.typing.timeout.connect(self._read_if_file)
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
        path = folders.open_file(self, self.owner.ctx, tr("Import an Excel ledger"),
                                 tr("Tables") + " (*.xlsx *.xlsm *.xls *.ods *.csv "
                                 "*.txt *.htm *.html);;" + tr("All files") + " (*)")
        if path:
            self.choose(path)

    def choose(self, path: str | Path) -> None:
        self.path.setText(str(path))
        self.typing.stop()
        self.read_sheets()

    def _typed(self, _text: str) -> None:
        self.completeChanged.emit()
        self.typing.start()

    def _read_if_file(self) -> None:
        if Path(self.path.text().strip()).is_file():
            self.read_sheets()

    def read_sheets(self, again: bool = False) -> None:
        path = self.path.text().strip()
        if path == self.sheets_of and self.sheet.count() and not again:
            return
        self.sheets_of = path
        self.sheet.clear()
        if path:
            from core import ledger_import

            def read():  # the file alone, off the ledger's threads
                sheets = ledger_import.inspect(path)
                batches = sum(1 for s in sheets if s.visible) > 1 and \
                    ledger_import.sheets_look_like_batches(path)
                return sheets, batches
            self.start(read, self._show_sheets, lane="parse")

    def _show_sheets(self, found: tuple) -> None:
        sheets, batches = found
        if sum(1 for info in sheets if info.visible) > 1:
            self.sheet.addItem(tr("Every sheet (one batch each)"), ALL_SHEETS)
        for info in sheets:
            text = tr("{name} ({rows} rows)").format(name=info.name, rows=info.rows)
            self.sheet.addItem(text if info.visible else tr("{sheet}, hidden").format(sheet=text),
                               info.name)
        if batches:  # sheets named 第一批, 第二批 …: all of them, each its batch
            self.sheet.setCurrentIndex(0)
            return
        visible = [i for i in range(self.sheet.count()) if self.sheet.itemData(i) != ALL_SHEETS
                   and next(s for s in sheets if s.name == self.sheet.itemData(i)).visible]
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
        self.tables: list = []
        self.left_out: list = []
        self.proposed: dict[str, int] = {}
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
        self.start(lambda: load_tables(*wanted), self._show_tables, lane="parse")

    def _fill_campaigns(self) -> None:
        current = self.campaign.currentData()
        self.campaign.clear()
        self.campaign.addItem(tr("No campaign"), None)
        for campaign_id, name in self.owner.ctx.bureau.campaigns:
            self.campaign.addItem(name, campaign_id)
        self.campaign.setCurrentIndex(max(0, self.campaign.findData(current)))

    def _show_tables(self, found: tuple) -> None:
        self.tables, self.left_out = found
        self._show_table(self.tables[0])

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
        proposed = self.proposed = ledger_import.propose_mapping(table)
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
        """Every field → its chosen 0-based column, None for fields left out; with several
        sheets, only the fields the user changed (each sheet keeps its own columns)."""
        chosen = {name: combo.currentData() for name, combo in self.combos.items()}
        if len(self.tables) > 1:
            return {name: column for name, column in chosen.items()
                    if column != self.proposed.get(name)}
        return chosen

    def combos_mapping(self) -> dict[str, int | None]:
        return {name: combo.currentData() for name, combo in self.combos.items()}

    def isComplete(self) -> bool:
        chosen = self.combos_mapping()
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
        self.columns = QLabel()  # the mapping, shown while errors stand too
        self.columns.setWordWrap(True)
        self.notices = QLabel()  # sheets and rows left out, new enterprises and units
        self.notices.setWordWrap(True)
        self.notices.setTextFormat(Qt.TextFormat.PlainText)
        self.recheck = QPushButton(tr("Check again"))
        self.recheck.setToolTip(tr("Read the file again (after correcting it) and check every row"))
        self.recheck.clicked.connect(self.check_again)
        self.progress = QProgressBar()
        self.words = QTableWidget(0, 4)  # the words the lists do not know, mapped here
        self.words.setHorizontalHeaderLabels([tr("List"), tr("Word in the file"), tr("Cells"),
                                              tr("Import as")])
        self.words.verticalHeader().hide()
        self.words.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.words.setColumnWidth(3, 220)
        self.words.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.word_choices: dict[tuple[str, str], QComboBox] = {}
        self.kept_words: dict[tuple[str, str], str] = {}
        self.seen_words: dict[tuple[str, str], Any] = {}
        self.words_label = QLabel(tr("Words the lists do not know: choose what each is, or add "
                                     "it to the list. The bureau's choices are remembered."))
        self.words_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(self.recheck, 0, Qt.AlignmentFlag.AlignTop)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.issue_view)
        splitter.addWidget(self.sheet_view)
        splitter.setSizes([200, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.columns)
        layout.addWidget(self.notices)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.words_label)
        layout.addWidget(self.words)
        layout.addWidget(splitter, 1)
        self._show_words([])

    def initializePage(self) -> None:
        self.word_choices.clear()
        self.kept_words.clear()
        self.seen_words.clear()
        self.owner.reloaded = None
        self._check()

    def check_again(self) -> None:
        """Read the file again (it may have been corrected) and check every row."""
        path, sheet = self.owner.file_page.choice()
        self._check(reload=(path, sheet))

    def _check(self, reload: tuple[str, str] | None = None) -> None:
        from core import ledger_import
        self.checked = None
        self.issue_model.set_rows([])
        self.counts.setText(tr("Checking the rows…"))
        tables, overrides, campaign_id = self.owner.request()
        self._show_columns()
        given = self.word_map()
        self.progress.show()
        self.progress.setValue(0)
        owner = self.owner

        def check(ledger, report, cancelled):
            found = tables
            if reload is not None:
                found, left_out = load_tables(*reload)
                owner.reloaded = (found, left_out)
            return ledger_import.preview(
                ledger, found, overrides=overrides, campaign_id=campaign_id, progress=report,
                cancelled=cancelled, word_map=ledger_import.WordMap(ledger, given))
        self.start(check, self._show, progress=self._progressed)

    def _show_columns(self) -> None:
        from core.ledger_import import mapping as columns
        page = self.owner.mapping_page
        if page.table is None:
            self.columns.clear()
            return
        chosen = {name: column for name, column in page.combos_mapping().items()
                  if column is not None}
        described = columns.describe(chosen, page.table.headers)
        self.columns.setText(tr("Columns: {list}").format(list="；".join(
            f"{letter}“{header}”→{messages.label('import_field.' + name)}"
            for name, letter, header in described)))

    def word_map(self) -> dict[tuple[str, str], str]:
        """The choices made in the words table: (kind, word) → code or "+"."""
        chosen = dict(self.kept_words)
        chosen.update({key: combo.currentData() for key, combo in self.word_choices.items()
                       if combo.currentData()})
        return chosen

    def _show_words(self, unknown: list) -> None:
        """The words no entry names, and those mapped here since (to change the choice)."""
        keep = self.word_map()
        for entry in unknown:
            self.seen_words[(entry.kind, entry.word)] = entry
        shown_words = [entry for key, entry in self.seen_words.items()
                       if entry in unknown or key in keep]
        self.words.setRowCount(0)
        self.word_choices.clear()
        bureau = self.owner.ctx.bureau
        for row, entry in enumerate(shown_words):
            self.words.insertRow(row)
            self.words.setItem(row, 0, QTableWidgetItem(messages.label(f"import_word.{entry.kind}")))
            self.words.setItem(row, 1, QTableWidgetItem(entry.word))
            cells = "、".join(entry.cells[:6]) + ("…" if len(entry.cells) > 6 else "")
            self.words.setItem(row, 2, QTableWidgetItem(
                tr("{count}: {cells}").format(count=entry.count, cells=cells)))
            combo = QComboBox()
            combo.addItem(tr("as “{label}” (not mapped)").format(label=entry.fallback_label), None)
            if entry.kind == "status":
                from core.workflow import Status
                for status in Status:
                    combo.addItem(messages.label(f"status.{status.value}"), status.value)
            else:
                for code, label in bureau.choices(entry.kind):
                    combo.addItem(label, code)
                combo.addItem(tr("add “{word}” to the list").format(word=entry.word), "+")
            combo.setCurrentIndex(max(0, combo.findData(keep.get((entry.kind, entry.word)))))
            combo.currentIndexChanged.connect(lambda _: self._check())
            self.words.setCellWidget(row, 3, combo)
            self.word_choices[(entry.kind, entry.word)] = combo
        for key, target in keep.items():  # a word mapped already stays mapped
            if key not in self.word_choices:
                self.kept_words[key] = target
        shown = bool(shown_words)
        self.words.setVisible(shown)
        self.words_label.setVisible(shown)
        self.words.setFixedHeight(min(34 + 30 * len(shown_words), 160))

    def _progressed(self, done: int, total: int, _message: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)

    def _show(self, checked) -> None:
        self.checked = checked
        self.progress.hide()
        self._show_words(checked.unknown)
        notices = [messages.text("import.sheet_left_out", sheet=sheet,
                                 why=messages.label(f"import_sheet.{why}"))
                   for sheet, why in self.owner.left_out()] + checked.notices()
        names = checked.new_enterprises()
        if names:
            notices.insert(0, messages.text("import.new_enterprises", count=len(names),
                                            names="、".join(names[:10]) + ("…" if len(names) > 10 else "")))
        if checked.new_units():
            notices.insert(0, messages.text("import.new_units", names="、".join(checked.new_units())))
        self.notices.setText("\n".join(notices[:12]) + ("\n…" if len(notices) > 12 else ""))
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
        given = self.owner.preview_page.word_map()
        self.stop_button.setEnabled(True)
        self.step.setText(tr("Importing…"))
        self.start(lambda ledger, report, cancelled: ledger_import.run(
            ledger, table, overrides=overrides, campaign_id=campaign_id, progress=report,
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


class ImportWizard(QWizard):
    """File and sheet → mapping → checked preview → import with progress → summary."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.closing = False
        self.reloaded: tuple[list, list] | None = None
        self.setWindowTitle(tr("Import an Excel ledger"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        fit_screen(self, 1000, 700)

    def request(self) -> tuple[Any, dict[str, int | None], str | None]:
        """(tables, field → column, campaign id) as chosen on the pages; the tables as read
        again by 重新检查 once it ran."""
        mapping = self.mapping_page
        tables = self.reloaded[0] if self.reloaded else mapping.tables
        return list(tables), mapping.mapping(), mapping.campaign.currentData()

    def left_out(self) -> list[tuple[str, str]]:
        return self.reloaded[1] if self.reloaded else self.mapping_page.left_out

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
