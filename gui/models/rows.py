"""Small read-only table models over a list the worker has already read.

`RowsModel` holds the list and answers Qt's counting and header questions; a subclass
names its column headers and says what one cell shows for a role. `excel_header` numbers
a grid's rows and letters its columns as Excel does, so that a finding's cell can be found.
"""
from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole


class RowsModel(QAbstractTableModel):
    """One line per item of `rows`; columns as `headers()` names them."""

    def __init__(self, rows: Sequence[Any] = ()):
        super().__init__()
        self.rows: list[Any] = list(rows)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def headers(self) -> tuple[str, ...]:
        """The column titles, translated when asked (the language may change)."""
        raise NotImplementedError

    def cell(self, item: Any, row: int, column: int, role: int) -> Any:
        """What the cell of `item` (line `row`) in `column` shows for `role`."""
        raise NotImplementedError

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers())

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        return self.cell(self.rows[index.row()], index.row(), index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        return self.headers()[section]


def excel_header(section: int, orientation: Qt.Orientation, role: int,
                 first_row: int = 1) -> str | None:
    """Column letters (A, B, … AA) across, row numbers from `first_row` down."""
    if role != DISPLAY:
        return None
    if orientation == Qt.Orientation.Horizontal:
        from core.spreadsheet import column_letter
        return column_letter(section)
    return str(section + first_row)
