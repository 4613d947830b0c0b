"""The table under the Air page's plots: the daily values behind the figure clicked."""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from core import messages
from core.air import aqi

from ..i18n import tr

DAY, NAME, AQI, LEVEL, PRIMARY, PM25, PM10, SO2, NO2, CO, O3, NOTE = range(12)
_KEYS = ("day", "name", "aqi", "level", "primary", "pm25", "pm10", "so2", "no2", "co", "o3_8h",
         "note")


def headers() -> list[str]:
    return [tr("Day"), tr("Unit or station"), tr("AQI"), tr("Level"), tr("Primary pollutant"),
            "PM2.5", "PM10", "SO₂", "NO₂", tr("CO (mg/m³)"), tr("O₃ 8-h"), tr("Note")]


class DaysModel(QAbstractTableModel):
    """Rows of `core.air.board.unit_days` or `station_days` (plain dicts), read only."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(_KEYS)

    def headerData(self, section: int, orientation, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return headers()[section]
        return None

    def text(self, row: int, column: int) -> str:
        record = self.rows[row]
        key = _KEYS[column]
        if key == "level":
            level = record.get("level")
            return "" if level is None else messages.text(aqi.LEVELS[level - 1][2])
        if key == "primary":
            found = record.get("primary")
            return "、".join(messages.label("air.pollutant." + p) for p in found.split(",")
                            ) if found else ""
        if key == "note":
            invalid = record.get("invalid")
            if invalid:
                names = "、".join(messages.label("air.pollutant." + p) for p in invalid.split(","))
                return tr("Too few hourly values: {names}").format(names=names)
            stations = record.get("stations")
            return tr("{n} station(s)").format(n=stations) if stations else ""
        value = record.get(key)
        if value is None:
            return "—" if key not in ("day", "name") else ""
        if isinstance(value, float) and key == "co":
            return f"{aqi.concentration(key, value):.1f}"
        if isinstance(value, float):
            return f"{aqi.concentration(key, value):g}" if key in ("pm25", "pm10", "so2", "no2",
                                                                   "o3_8h") else f"{value:g}"
        return str(value)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == LEVEL:
            level = self.rows[index.row()].get("level")
            return QColor(aqi.colour_of(level)) if level else None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == LEVEL:
            level = self.rows[index.row()].get("level")
            return QColor("#ffffff") if level and level >= 4 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= AQI:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
