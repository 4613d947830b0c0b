"""The code lists dialog's tables: the entries of one list (categories, sources) and the
bureau's units, each as the worker read them; retired entries are greyed."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from ..i18n import tr

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class CodeRow:
    code: str
    label: str
    synonyms: tuple[str, ...]
    problems: int
    active: bool
    merged_into: str | None


@dataclass(frozen=True)
class UnitRow:
    code: str
    name: str
    kind: str
    parent_code: str
    parent_name: str
    active: bool



class CodeListModel(QAbstractTableModel):
    """The entries of one list, in the bureau's order."""

    CODE, LABEL, SYNONYMS, PROBLEMS, STATE = range(5)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[CodeRow] = []

    def set_entries(self, entries: list[CodeRow]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Code"), tr("Label"), tr("Synonyms"), tr("Problem count"), tr("State"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (entry.code, entry.label, "、".join(entry.synonyms), str(entry.problems),
                    state_text(entry.active, entry.merged_into))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not entry.active:
            from PySide6.QtGui import QColor
            return QColor("#888888")
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.PROBLEMS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class UnitModel(QAbstractTableModel):
    """The bureau's units, by parent and in its order."""

    CODE, NAME, KIND, PARENT, STATE = range(5)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.units: list[UnitRow] = []

    def set_units(self, found: list[UnitRow]) -> None:
        self.beginResetModel()
        self.units = list(found)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Code"), tr("Name"), tr("Unit kind"), tr("Belongs to"), tr("State"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (unit.code, unit.name, kind_text(unit.kind), unit.parent_name,
                    state_text(unit.active, None))[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and not unit.active:
            from PySide6.QtGui import QColor
            return QColor("#888888")
        return None


def state_text(active: bool, merged_into: str | None) -> str:
    if merged_into:
        return tr("Merged into {code}").format(code=merged_into)
    return tr("In use") if active else tr("Retired")


def kind_text(kind: str) -> str:
    return {"zone": tr("Development zone"), "department": tr("City department"),
            "township": tr("Township")}[kind]
