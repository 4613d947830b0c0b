"""The returns' tables: the grid of a built return (its cells as text, rows and columns
named as in Excel), the submissions sent upward, and the cells of one that changed since."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..i18n import tr
from .rows import DISPLAY, RowsModel, excel_header


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



class SubmissionModel(RowsModel):
    """One line per submission: when, what, by whom, the file and whether it changed."""

    titles: dict[str, str] = {}

    def headers(self) -> tuple[str, ...]:
        return (tr("Submitted at"), tr("Form"), tr("As of"), tr("By"), tr("File"),
                tr("SHA-256"), tr("Changed since"))

    def cell(self, item: Any, row: int, column: int, role: int) -> Any:
        sent, changed = item
        if role == Qt.ItemDataRole.ForegroundRole and column == 6 and changed:
            from PySide6.QtGui import QColor
            return QColor("#c62828")
        if role != DISPLAY:
            return None
        values = (sent.submitted_at.replace("T", " "), self.titles.get(sent.form, sent.form),
                  sent.as_of, sent.submitted_by,
                  sent.file_name, sent.file_sha256[:16],
                  tr("{count} cell(s)").format(count=len(changed)) if changed else tr("unchanged"))
        return values[column]


class ChangedModel(RowsModel):
    """The changed cells of one submission: from what to what."""

    def headers(self) -> tuple[str, ...]:
        return (tr("Cell"), tr("Row"), tr("Column"), tr("Submitted"), tr("Now"))

    def cell(self, item: Any, row: int, column: int, role: int) -> Any:
        if role != DISPLAY:
            return None
        return (item.cell, item.row, item.column, item.submitted, item.now)[column]
