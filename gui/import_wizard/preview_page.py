"""Step 3 of the import: the checked preview, the sheet with its findings marked, and the
words the bureau's lists do not know, mapped here."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel,
                               QProgressBar, QPushButton, QSplitter, QTableView, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWizard)

from core import messages

from ..i18n import tr
from ..models.import_preview import IssueModel, SheetModel
from .step import StepPage, load_tables

if TYPE_CHECKING:
    from .wizard import ImportWizard


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

        def check(ledger, progress, cancelled):
            found = tables
            if reload is not None:
                found, left_out = load_tables(*reload)
                owner.reloaded = (found, left_out)
            return ledger_import.preview(
                ledger, found, overrides=overrides, campaign_id=campaign_id, progress=progress,
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
