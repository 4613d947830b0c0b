"""The import wizard's preview tables: the sheet from its header down, with the cells that
have a finding coloured, and the findings one per line."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from ..i18n import tr
from .rows import RowsModel, excel_header

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
