"""Forms: a province's own .xlsx with placeholders, checked cell by cell and filled in place."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Font, Side

from core import messages, penalties, rows
from core.cli import main
from core.errors import LedgerError
from core.returns import build, export_ledger_sheet, export_return, forms

SHIPPED = ("campaign_progress", "penalty_monthly", "problems_by_category", "rectification_ledger")


def county_form(path, cells: dict[str, str], merges=()):
    """A county bureau's small form as laid out in WPS: title, header, one repeat row, 合计."""
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "某县问题整改情况表"
    sheet["A1"].font = Font(name="黑体", size=18, bold=True)
    sheet.merge_cells("A1:D1")
    for ref, text in {"A2": "填报单位：{{unit.name}}", "A3": "区县", "B3": "交办", "C3": "销号",
                      "D3": "罚款（万元）", "A4": "{{region.name}}", "B4": "{{assigned}}",
                      "C4": "{{closed}}", "D4": "{{fines}}", "A5": "合计", "B5": "{{assigned}}",
                      "C5": "{{closed}}", "D5": "{{fines}}", "A7": "填表人：{{sign.filled_by}}",
                      **cells}.items():
        sheet[ref] = text
    thin = Side(style="medium")
    for ref in ("A4", "B4", "C4", "D4"):
        sheet[ref].border = Border(bottom=thin)
    for merge in merges:
        sheet.merge_cells(merge)
    sheet.page_setup.orientation = "portrait"
    sheet.column_dimensions["A"].width = 17
    book.save(path)
    return path


def test_shipped_forms_load_with_known_placeholders():
    for name in SHIPPED:
        form = forms.find(None, name)
        assert form.shipped and form.repeats
    assert forms.find(None, "rectification_ledger").kind == "problem_list"
    assert [r.dimension for r in forms.find(None, "problems_by_category").repeats] == [
        "category", "source"]


@pytest.mark.parametrize("cells, merges, cell, words", [
    ({"C4": "{{closd}}"}, (), "C4", "closd"),                              # a typo
    ({"B2": "表号：{{form.numbr}}"}, (), "B2", "form.numbr"),              # in a text
    ({"D4": "{{fines:quarter}}"}, (), "D4", "fines:quarter"),             # no such period
    ({"C4": "{{assigned:month}}"}, (), "C4", "assigned:month"),           # progress has none
    ({"C4": "共{{closed}}个"}, (), "C4", "{{closed}}"),                    # figure inside text
    ({"C4": "{{closed}"}, (), "C4", "{{closed}"),                         # broken braces
    ({"A6": "{{region.name}}"}, (), "A6", "第 4 行"),                      # second repeat row
    ({}, ("D4:D5",), "A4", "D4:D5"),                                      # merged across rows
    ({"B4": "{{category.name}}"}, (), "B4", "重复"),                        # mixed kinds
    ({"A9": "{{assigned}}", "A5": "", "B5": "", "C5": "", "D5": ""}, (), "A9", ""),  # ok: 合计 below
])
def test_a_bad_placeholder_or_broken_repeat_row_is_refused_with_the_cell(tmp_path, ledger,
                                                                          cells, merges, cell,
                                                                          words):
    path = county_form(tmp_path / "county.xlsx", cells, merges)
    if cell == "A9":
        assert forms.add(ledger, path).name == "county"
        return
    with pytest.raises(LedgerError) as error:
        forms.add(ledger, path)
    assert f"单元格 {cell}" in str(error.value) and words in str(error.value)
    assert not (forms.bureau_folder(ledger) / "county.xlsx").exists()


def test_an_added_form_is_filled_keeping_the_owners_layout(tmp_path, ledger, insert_problems,
                                                          capsys):
    path = county_form(tmp_path / "县级报表.xlsx", {})
    assert main(["--db", str(ledger.path), "returns", "add-template", str(path)]) == 0
    assert "县级报表" in capsys.readouterr().out
    insert_problems(ledger, "141021", 5, 2, "2026-10-01", "2026-10-20")
    insert_problems(ledger, "141022", 3, 3, "2026-10-01", "2026-10-25")
    out = tmp_path / "out.xlsx"
    export_return(ledger, "县级报表", out, as_of="2026-11-01")
    sheet = load_workbook(out).active
    counties = 17
    assert sheet["A1"].value == "某县问题整改情况表" and sheet["A1"].font.name == "黑体"
    assert sheet["A1"].font.sz == 18 and "A1:D1" in {str(m) for m in sheet.merged_cells.ranges}
    assert sheet["A2"].value == "填报单位：临汾市生态环境局"
    quwo = next(r for r in range(4, 4 + counties) if sheet.cell(r, 1).value == "曲沃县")
    assert (sheet.cell(quwo, 2).value, sheet.cell(quwo, 3).value) == (5, 2)
    assert sheet.cell(quwo, 2).border.bottom.style == "medium"  # the repeat row's style
    total = 4 + counties
    assert sheet.cell(total, 1).value == "合计"
    assert (sheet.cell(total, 2).value, sheet.cell(total, 3).value) == (8, 5)
    assert sheet.cell(total + 2, 1).value == "填表人：＿＿＿＿＿＿"
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.column_dimensions["A"].width == 17


def test_totals_equal_the_sum_of_the_printed_rows(ledger, tmp_path):
    # 12,345.67 yuan = 1.234567 万元 → 1.23; 5,005 yuan = 0.5005 万元 → 0.50. Rounded from
    # fen, the total would be 1.74 (17,350.67 yuan), while the printed rows add to 1.73.
    penalties.add(ledger, {"case_number": "临环罚〔2026〕1号", "region_code": "141021",
                           "violation": "超标排放", "decided_on": "2026-11-02",
                           "fine": "12,345.67"})
    penalties.add(ledger, {"case_number": "临环罚〔2026〕2号", "region_code": "141022",
                           "violation": "未批先建", "decided_on": "2026-11-03", "fine": "5005"})
    out = tmp_path / "progress.xlsx"
    export_return(ledger, "campaign_progress", out, as_of="2026-11-30")
    sheet = load_workbook(out).active
    column = next(c.column for c in sheet[8] if c.value and "罚款金额" in c.value)
    fines = {sheet.cell(r, 1).value: sheet.cell(r, column).value for r in range(10, 28)}
    assert fines["曲沃县"] == pytest.approx(1.23) and fines["翼城县"] == pytest.approx(0.50)
    printed_rows = sum(Decimal(str(v)) for k, v in fines.items() if k != "合计")
    assert Decimal(str(fines["合计"])) == printed_rows == Decimal("1.73")


def test_enterprises_closed_count_once_however_many_cases(ledger, tmp_path):
    enterprise = rows.insert(ledger, "enterprise", {"name": "曲沃县某洗煤厂",
                                                    "region_code": "141021"})
    for i, day in enumerate(("2026-11-02", "2026-11-09")):
        penalties.add(ledger, {"case_number": f"曲环罚〔2026〕{i}号", "enterprise_id": enterprise,
                               "region_code": "141021", "violation": "散乱污",
                               "decided_on": day, "closure": 1})
    ret = build(ledger, "campaign_progress", as_of="2026-11-30")
    quwo = next(r for r in ret.figures.rows if r.key == "141021").values
    assert quwo["closure"] == 1 and quwo["cases"] == 2


def test_a_future_as_of_date_is_refused(ledger, tmp_path):
    later = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    with pytest.raises(LedgerError, match="晚于今天"):
        export_return(ledger, "campaign_progress", tmp_path / "x.xlsx", as_of=later)
    with pytest.raises(LedgerError, match="晚于今天"):
        export_ledger_sheet(ledger, tmp_path / "x.xlsx", as_of=later)
    assert not (tmp_path / "x.xlsx").exists()


def test_an_english_ui_export_is_all_chinese(shared_demo, tmp_path):
    messages.set_language("en")
    try:
        paths = []
        for name in SHIPPED:
            out = tmp_path / f"{name}.xlsx"
            export_return(shared_demo, name, out, as_of=dt.date.today())
            paths.append(out)
        assert messages.language() == "en"  # the interface keeps its language
    finally:
        messages.set_language("zh_CN")
    english = re.compile(r"[A-Za-z]{3,}")
    for path in paths:
        sheet = load_workbook(path).active
        for row in sheet.iter_rows():
            for cell in row:
                text = cell.value if isinstance(cell.value, str) else ""
                if cell.column == 5 and path.stem == "rectification_ledger":
                    continue  # 统一社会信用代码 holds letters by design
                assert not english.search(text), (path.name, cell.coordinate, text)
