"""Monitoring files as the platforms export them, written in code for the tests."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from openpyxl import Workbook

HOURLY_HEADER = ["站点编码", "站点名称", "区县", "监测时间", "SO2(μg/m³)", "NO2(μg/m³)",
                 "PM10(μg/m³)", "CO(mg/m³)", "O3(μg/m³)", "PM2.5(μg/m³)"]
DAILY_HEADER = ["城市", "区县", "点位名称", "日期", "AQI", "首要污染物", "PM2.5", "PM10", "SO2",
                "NO2", "O3_8h", "CO"]


def hourly_rows(station: str, name: str, county: str, day: str, hours=range(24),
                pm25=lambda h: 40 + h, o3=lambda h: 30 + 5 * h) -> list[list]:
    start = dt.datetime.fromisoformat(day)
    return [[station, name, county, (start + dt.timedelta(hours=h)).strftime("%Y-%m-%d %H:%M:%S"),
             "12", "30", str(int(pm25(h) * 1.6)), "0.9", str(o3(h)), str(pm25(h))]
            for h in hours]


def write_csv(path: Path, header: list, rows: list[list], encoding: str = "gb18030",
              title: str | None = None) -> Path:
    lines = ([title] if title else []) + [",".join(header)] + [
        ",".join("" if c is None else str(c) for c in row) for row in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


def write_xlsx(path: Path, header: list, rows: list[list], title: str | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path
