"""The import wizard's sheet and findings models under Qt's checks, on a checked workbook."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from core import ledger_import
from gui.models.import_preview import IssueModel, SheetModel
from ledger_import.workbooks import sheet_rows, write_sheet

TODAY = dt.date.today()
H = Qt.Orientation.Horizontal


def _checked_preview(ledger, tmp_path):
    rows = sheet_rows(6, today=TODAY)
    rows[2][9] = "2024-13-45"  # 交办日期 of the third data row: an error at J7
    rows[4][14] = "差不多了"     # an unknown status: a word to map, no error
    path = write_sheet(tmp_path / "bad.xlsx", rows, blank_rows=2)
    return ledger_import.preview(ledger, path)


def test_the_findings_model_lists_a_bad_date_in_red(ledger, app, checked, tmp_path):
    preview = _checked_preview(ledger, tmp_path)
    model = checked(IssueModel())
    model.set_rows(preview.issues)
    assert [model.headerData(c, H) for c in range(5)] == ["行", "列", "表头", "内容", "原因"]
    errors = [r for r, issue in enumerate(model.rows) if not issue.warning]
    assert errors, "the bad date is an error"
    row = errors[0]
    assert [model.index(row, c).data() for c in range(4)] == ["7", "J", "交办日期", "2024-13-45"]
    assert model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole).name() == "#b71c1c"
    assert model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole).startswith("第 7 行 J 列")
    model.set_rows([])  # a new check clears the list
    assert model.rowCount() == 0


def test_the_sheet_model_numbers_rows_as_excel_and_colours_the_bad_cell(
        ledger, app, checked, tmp_path):
    preview = _checked_preview(ledger, tmp_path)
    model = checked(SheetModel())
    model.set_preview(preview.table, preview.issues)
    error = next(issue for issue in preview.issues if not issue.warning)
    cell = model.cell_index(error)
    assert model.headerData(cell.row(), Qt.Orientation.Vertical) == "7"
    assert model.headerData(cell.column(), H) == "J" and model.headerData(0, H) == "A"
    assert model.data(cell) == "2024-13-45"
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole).name() == "#ffcdd2"
    assert model.data(cell, Qt.ItemDataRole.ToolTipRole) == error.reason
    header = model.index(0, 9)  # the sheet's header row is shown first, in bold
    assert model.data(header) == "交办日期"
    assert model.data(header, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, 9), Qt.ItemDataRole.FontRole) is None
    assert model.rowCount() == 1 + 6  # the header and six rows, blank title rows left out
    model.set_preview(preview.table, [])  # checked again with nothing found
    assert model.data(cell, Qt.ItemDataRole.BackgroundRole) is None
