"""Finding the table and mapping its columns: title rows, merged headers, sheets, synonyms."""
from __future__ import annotations

import openpyxl
import pytest

from core import ledger_import
from core.errors import LedgerError
from core.ledger_import import mapping

from .workbooks import HEADERS, sheet_rows, write_sheet


def test_header_below_a_merged_title_and_blank_rows(tmp_path):
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(3), blank_rows=3)
    table = ledger_import.load(path)
    assert (table.header_first, table.header_last, table.first_data) == (4, 4, 5)  # Excel row 5
    found = ledger_import.propose_mapping(table)
    assert found["region"] == 2 and found["description"] == 6 and found["closed_on"] == 16
    assert "序号" not in [table.headers[i] for i in found.values()]


def test_header_merged_across_two_rows(tmp_path):
    path = tmp_path / "two.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["环境问题整改台账"])
    sheet.merge_cells("A1:G1")
    sheet.append(["序号", "所属区县", "企业信息", None, "问题描述", "交办日期", "整改时限"])
    sheet.append([None, None, "名称", "统一社会信用代码", None, None, None])
    for column in "ABEFG":
        sheet.merge_cells(f"{column}2:{column}3")
    sheet.merge_cells("C2:D2")
    sheet.append([1, "曲沃县", "曲沃县宏达焦化有限公司", None, "道路扬尘", "2024-03-01", "2024-04-01"])
    workbook.save(path)
    table = ledger_import.load(path)
    assert table.first_data == 3  # data from Excel row 4
    found = ledger_import.propose_mapping(table)
    # 名称 alone says nothing; under the merged 企业信息 it is the enterprise
    assert found == {"region": 1, "enterprise": 2, "credit_code": 3, "description": 4,
                     "assigned_on": 5, "deadline": 6}


def test_merged_enterprise_cells_are_filled_down(tmp_path, ledger):
    path = tmp_path / "merged.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["区县", "企业名称", "问题描述", "交办日期", "整改时限"])
    for i in range(3):
        sheet.append(["曲沃县" if i == 0 else None, "曲沃县宏达焦化有限公司" if i == 0 else None,
                      f"问题{i}", "2024-03-01", "2024-04-01"])
    sheet.merge_cells("A2:A4")
    sheet.merge_cells("B2:B4")
    workbook.save(path)
    outcome = ledger_import.run(ledger, path)
    assert outcome.added == 3 and outcome.enterprises_added == 1
    regions = {r[0] for r in ledger.conn.execute("SELECT region_code FROM problem")}
    assert regions == {"141021"}


def test_several_sheets_choose_one(tmp_path):
    path = write_sheet(tmp_path / "s.xlsx", sheet_rows(2), extra_sheets=["填报说明"])
    workbook = openpyxl.load_workbook(path)
    workbook.move_sheet("填报说明", offset=-1)  # the notes come first, as they often do
    workbook.save(path)
    infos = ledger_import.inspect(path)
    assert [(s.name, s.rows, s.columns, s.visible) for s in infos] == [
        ("填报说明", 1, 1, True), ("整改台账", 5, len(HEADERS), True)]
    assert ledger_import.load(path).grid.sheet == "整改台账"
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path, "填报说明")
    assert caught.value.code == "error.import_no_header"
    with pytest.raises(LedgerError) as caught:
        ledger_import.load(path, "第二季度")
    assert caught.value.code == "error.import_no_sheet"
    assert "整改台账" in str(caught.value)


@pytest.mark.parametrize("header, field", [
    ("所属区县", "region"), ("区县", "region"), ("县区", "region"), ("行政区域", "region"),
    ("整改时限", "deadline"), ("完成时限", "deadline"), ("整改期限", "deadline"),
    ("整改完成时限", "deadline"), ("整改状态", "status"), ("完成情况", "status"),
    ("是否销号", "closure"), ("问题描述", "description"), ("存在问题", "description"),
    ("整改责任单位", "responsible_unit"), ("责任人", "responsible_person"),
    ("完成日期", "done_on"), ("销号时间", "closed_on"), ("交办时间", "assigned_on"),
    ("问题编号", "number"), ("序号", None), ("备注", None), ("排污许可证编号", None),
    ("*整改时限\n（年月日）", "deadline"), ("　区　县　", "region"), ("Deadline", "deadline"),
    # a reopened row's earlier closure (the app's export), not swallowed by 销号日期
    ("原销号日期", "earlier_closed_on"), ("原销号日期（反弹前）", "earlier_closed_on"),
    ("反弹前销号日期", "earlier_closed_on"), ("销号日期", "closed_on"),
    ("验收销号日期", "closed_on"), ("反弹日期", "reopened_on"),
])
def test_synonyms(header, field):
    assert mapping.field_for(header) == field


def test_the_exported_ledger_headers_all_map():
    assert [mapping.field_for(h) for h in HEADERS[1:]] == [
        f for f in mapping.FIELDS
        if f not in ("closure", "progress", "complaint_number", "reopened_on",
                     "earlier_closed_on", "accepted_on", "accepted_by", "accepted_unit",
                     "opinion")]


def test_the_user_corrects_the_mapping(tmp_path):
    headers = ["序号", "地区", "问题", "交办日期", "整改时限", "备注"]
    proposed = mapping.propose(headers)
    assert "description" not in proposed and "region" not in proposed
    fixed = mapping.apply_overrides(proposed, mapping.parse_overrides(
        ["region=B", "description=问题", "deadline=-"]), headers)
    assert fixed == {"region": 1, "description": 2, "assigned_on": 3}
    with pytest.raises(LedgerError) as caught:
        mapping.parse_overrides(["region"])
    assert caught.value.code == "error.import_mapping_syntax"
    with pytest.raises(LedgerError) as caught:
        mapping.apply_overrides(proposed, {"county": "B"}, headers)
    assert caught.value.code == "error.import_mapping_field"
    with pytest.raises(LedgerError) as caught:
        mapping.apply_overrides(proposed, {"region": "地市"}, headers)
    assert caught.value.code == "error.import_mapping_column"


def test_missing_required_columns_are_named(tmp_path, ledger):
    path = tmp_path / "short.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["区县", "企业名称", "问题类别", "交办日期", "整改时限"])
    workbook.active.append(["曲沃县", "某厂", "扬尘", "2024-03-01", "2024-05-01"])
    workbook.save(path)
    with pytest.raises(LedgerError) as caught:
        ledger_import.run(ledger, path)
    assert caught.value.code == "error.import_missing_columns"
    assert "问题描述" in str(caught.value)


def test_hidden_sheets_are_not_chosen_by_default(tmp_path):
    path = write_sheet(tmp_path / "h.xlsx", sheet_rows(2), sheet="旧台账")
    workbook = openpyxl.load_workbook(path)
    workbook["旧台账"].sheet_state = "hidden"
    fresh = workbook.create_sheet("新台账")
    for source in workbook["旧台账"].iter_rows(values_only=True):
        fresh.append(list(source))
    workbook.save(path)
    assert ledger_import.load(path).grid.sheet == "新台账"
    assert ledger_import.load(path, "旧台账").grid.sheet == "旧台账"
