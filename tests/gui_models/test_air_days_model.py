"""The Air page's table of daily values under Qt's checks, with rows as core.air.board gives."""
from __future__ import annotations

from PySide6.QtCore import Qt

from core.air.board import UNIT_DAY_KEYS
from gui.models.air_days import AQI, CO, LEVEL, NOTE, PM25, PRIMARY, DaysModel

H = Qt.Orientation.Horizontal


def _day(day, aqi, level, primary, pm25, co, stations=4, **extra) -> dict:
    values = (day, "尧都区", aqi, level, primary, pm25, 80.0, 12.0, 30.0, co, 120.0, stations)
    return {**dict(zip(UNIT_DAY_KEYS, values)), **extra}


def test_days_show_the_level_in_its_colour_and_figures_rounded(app, checked):
    model = checked(DaysModel())
    model.set_rows([_day("2026-01-05", 42, 1, None, 24.6, 0.84),
                    _day("2026-01-06", 178, 4, "pm25", 134.4, 1.96),
                    _day("2026-01-07", None, None, None, None, None, stations=None,
                         invalid="pm25,o3_8h")])
    heads = [model.headerData(c, H) for c in range(model.columnCount())]
    assert heads[:5] == ["日期", "单位或站点", "AQI", "级别", "首要污染物"]
    assert heads[5:9] == ["PM2.5", "PM10", "SO₂", "NO₂"]
    clean, dirty, missing = ([model.index(r, c).data() for c in range(12)] for r in range(3))
    assert clean[:4] == ["2026-01-05", "尧都区", "42", "优"] and clean[PRIMARY] == ""
    assert clean[PM25] == "25" and clean[CO] == "0.8"  # µg/m³ whole, CO to 0.1 mg/m³
    assert clean[NOTE] == "4 个站点"
    assert dirty[LEVEL] == "中度污染" and dirty[PRIMARY] == "PM2.5" and dirty[PM25] == "134"
    level = model.index(1, LEVEL)
    assert level.data(Qt.ItemDataRole.BackgroundRole).name() == "#ff0000"
    assert level.data(Qt.ItemDataRole.ForegroundRole).name() == "#ffffff"  # white on red
    assert model.index(0, LEVEL).data(Qt.ItemDataRole.BackgroundRole).name() == "#00e400"
    assert model.index(0, LEVEL).data(Qt.ItemDataRole.ForegroundRole) is None
    assert missing[AQI] == "—" and missing[LEVEL] == "" and missing[PM25] == "—"
    assert missing[NOTE] == "小时值不足：PM2.5、O₃日最大8小时"
    assert model.index(2, LEVEL).data(Qt.ItemDataRole.BackgroundRole) is None
    centred = int(Qt.AlignmentFlag.AlignCenter)
    assert model.index(0, AQI).data(Qt.ItemDataRole.TextAlignmentRole) == centred
    assert model.index(0, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    model.set_rows([])  # another month clicked, not read yet
    assert model.rowCount() == 0
