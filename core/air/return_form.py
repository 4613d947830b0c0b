"""The return 空气质量改善目标完成情况表 (air-quality improvement targets by unit), written with
openpyxl: the statutory marks of a statistical form (表号 left blank for the bureau to set,
制表机关, 填报单位, the period, 计量单位), two header rows, the 栏次 row, one row per unit in code
order, the jurisdiction's own figures last, and the footer.

It will move onto the province's .xlsx templates with the other returns.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from .. import dates, settings
from . import assessment

if TYPE_CHECKING:
    from ..ledger import Ledger

TITLE = "空气质量改善目标完成情况表"
# (group heading, [(column heading, value of a UnitAssessment)])
_GROUPS = (
    ("PM2.5", (("本期", lambda r: r.now.pm25), ("上年同期", lambda r: r.before.pm25),
               ("变化率（%）", lambda r: r.changes.get("pm25")),
               ("目标（%）", lambda r: _target(r, "target_pct")),
               ("完成率（%）", lambda r: _target(r, "completion_pct")))),
    ("PM10", (("本期", lambda r: r.now.pm10), ("上年同期", lambda r: r.before.pm10))),
    ("综合指数", (("本期", lambda r: r.now.composite_index),
                  ("上年同期", lambda r: r.before.composite_index),
                  ("变化率（%）", lambda r: r.changes.get("composite")),
                  ("排名", lambda r: r.rank))),
    ("优良天数比例（%）", (("本期", lambda r: r.now.good_ratio),
                         ("上年同期", lambda r: r.before.good_ratio))),
    ("重污染天数", (("本期", lambda r: r.now.heavy_days), ("上年同期", lambda r: r.before.heavy_days))),
    ("目标", (("是否完成", lambda r: _met(r)),)),
)


def _target(result: assessment.UnitAssessment, key: str):
    main = result.main_target
    if main is None:
        return None
    return main.target_pct if key == "target_pct" else main.completion_pct


def _met(result: assessment.UnitAssessment) -> str | None:
    main = result.main_target
    if main is None or main.met is None:
        return None
    if main.on_course is not None and result.last < main.target_last:
        return "序时达标" if main.on_course else "序时未达标"
    return "是" if main.met else "否"


def write(ledger: Ledger, first: object, last: object, path: str | Path) -> Path:
    """Write the return for the period to `path` (.xlsx)."""
    results = assessment.assess(ledger, first, last)
    top = settings.jurisdiction(ledger)
    rows = sorted((r for r in results if r.region_code != top), key=lambda r: r.region_code)
    rows += [r for r in results if r.region_code == top]
    book = Workbook()
    sheet = book.active
    sheet.title = "目标完成情况"
    columns = [c for _, group in _GROUPS for c in group]
    width = 1 + len(columns)
    unit_name = settings.get(ledger, "unit_name") or ""
    period = f"{results[0].first if results else first} 至 {results[0].last if results else last}"
    _marks(sheet, width, unit_name, period)
    _header(sheet, width)
    for number, result in enumerate(rows):
        values = [result.name] + [value(result) for _, value in columns]
        _row(sheet, 8 + number, values)
    _footer(sheet, 8 + len(rows), width)
    sheet.column_dimensions["A"].width = 16
    for index in range(2, width + 1):
        sheet.column_dimensions[get_column_letter(index)].width = 10
    sheet.freeze_panes = "B8"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    path = Path(path)
    book.save(path)
    return path


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
_FONT = Font(name="宋体", size=10.5)


def _marks(sheet, width: int, unit_name: str, period: str) -> None:
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.cell(1, 1, TITLE).font = Font(name="宋体", size=16, bold=True)
    sheet.cell(1, 1).alignment = _CENTRE
    sheet.cell(2, width - 2, "表号：").font = _FONT
    sheet.cell(3, width - 2, f"制表机关：{unit_name}").font = _FONT
    sheet.cell(4, 1, f"填报单位：{unit_name}").font = _FONT
    sheet.cell(4, 5, f"时段：{period}").font = _FONT
    sheet.cell(4, width - 2, "计量单位：微克/立方米，天，%").font = _FONT


def _header(sheet, width: int) -> None:
    sheet.merge_cells(start_row=5, start_column=1, end_row=6, end_column=1)
    sheet.cell(5, 1, "单位")
    column = 2
    for group, items in _GROUPS:
        sheet.merge_cells(start_row=5, start_column=column, end_row=5,
                          end_column=column + len(items) - 1)
        sheet.cell(5, column, group)
        for offset, (heading, _) in enumerate(items):
            sheet.cell(6, column + offset, heading)
        column += len(items)
    for row in (5, 6):
        for index in range(1, width + 1):
            cell = sheet.cell(row, index)
            cell.border, cell.alignment = _BOX, _CENTRE
            cell.font = Font(name="宋体", size=10.5, bold=True)
    sheet.cell(7, 1, "甲")  # the 栏次 row under the header
    for index in range(2, width + 1):
        sheet.cell(7, index, index - 1)
    for index in range(1, width + 1):
        cell = sheet.cell(7, index)
        cell.border, cell.alignment, cell.font = _BOX, _CENTRE, _FONT


def _row(sheet, row: int, values: list) -> None:
    for index, value in enumerate(values, start=1):
        cell = sheet.cell(row, index, "—" if value is None else value)
        cell.border, cell.font = _BOX, _FONT
        cell.alignment = Alignment(horizontal="left" if index == 1 else "center",
                                   vertical="center")


def _footer(sheet, row: int, width: int) -> None:
    row += 2
    labels = ("单位负责人：", "统计负责人：", "填表人：", "联系电话：",
              f"报出日期：{dates.today().isoformat()}")
    step = max(2, width // len(labels))
    for number, label in enumerate(labels):
        sheet.cell(row, 1 + number * step, label).font = _FONT
