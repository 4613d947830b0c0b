"""Step 1 of the import: the workbook and the sheet."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from .. import folders
from ..i18n import tr
from .step import ALL_SHEETS, StepPage

if TYPE_CHECKING:
    from .wizard import ImportWizard


TYPED_PATH_DELAY_MS = 500


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
