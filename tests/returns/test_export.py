from __future__ import annotations

import datetime as dt
import zipfile

import pytest

from core import money, problems, rows, settings, statistics
from core.errors import LedgerError
from core.returns import ExportCancelled, export_ledger_sheet, export_return
from core.returns.cells import MAX_CELL_TEXT

LEDGER_HEADERS = ["序号", "问题编号", "区县", "企业名称", "统一社会信用代码", "问题类别",
                  "问题描述", "问题来源", "批次", "交办日期", "原定整改时限", "整改时限",
                  "责任单位", "责任人", "整改措施", "整改状态", "逾期", "完成日期", "销号日期",
                  "原销号日期", "反弹日期", "受理编号", "验收日期", "验收人"]
FIRST = 4  # the ledger's first problem row (title, marks, header above)


def merged(sheet) -> set[str]:
    return {str(r) for r in sheet.merged_cells.ranges}


def test_campaign_return_keeps_the_form_and_fills_marks_and_footer(shared_demo, tmp_path,
                                                                   reopen):
    from core.returns import marks
    marks.put(shared_demo, "campaign_progress", {
        "sign.unit_head": "王建国", "sign.filled_by": "李海燕", "sign.phone": "0357-2021234",
        "sign.statistician": "赵立新", "form.number": "测试表号"})
    path = tmp_path / "progress.xlsx"
    export_return(shared_demo, "campaign_progress", path, as_of=dt.date.today(),
                  reported_on="2026-11-30")
    sheet = reopen(path)
    counties = 17
    assert sheet["A1"].value == "生态环境问题整改进展情况统计表"
    assert "A1:T1" in merged(sheet)
    # the form's two-level header, kept as the owner laid it out
    assert {"A7:A8", "C7:C8", "D7:L7", "M7:N7", "O7:S7", "T7:T8"} <= merged(sheet)
    assert [sheet.cell(9, c).value for c in (1, 2, 3, 4, 20)] == ["甲", "乙", "1", "2", "18"]
    assert [sheet.cell(8, c).value for c in (7, 10, 11)] == [
        "已办结\n（个）", "阶段性办结\n（个）", "办结率\n（%）"]
    assert sheet.cell(8, 4).border.top.style == "thin"
    assert sheet.cell(10 + counties, 1).value == "合计"
    assert f"A{10 + counties}:B{10 + counties}" in merged(sheet)
    assert sheet.cell(10 + counties - 1, 3).border.bottom.style == "thin"  # copied styles
    assert sheet.print_title_rows == "$7:$9"
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) == (
        "landscape", 9, 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    for expected in ("单位负责人：王建国", "填表人：李海燕", "联系电话：0357-2021234",
                     "统计负责人：赵立新", "报出日期：2026年11月30日",
                     "综合机关名称：临汾市生态环境局", "单位代码：141000", "表　　号：测试表号",
                     "制定机关：＿＿＿＿＿＿", "（单位盖章）"):
        assert expected in texts
    assert not any("{{" in t for t in texts)


def test_exported_figures_equal_core_statistics(shared_demo, tmp_path, reopen):
    as_of = dt.date.today().isoformat()
    path = tmp_path / "progress.xlsx"
    export_return(shared_demo, "campaign_progress", path, as_of=as_of)
    sheet = reopen(path)
    report = statistics.breakdown(shared_demo, as_of, groups=("region",))
    total_pen, by_pen = statistics.penalties(shared_demo, None, as_of)
    for i, (p, pen) in enumerate(zip(report.by["region"], by_pen)):
        row = [c.value for c in sheet[10 + i]]
        assert (row[0], row[1]) == (p.name, p.key)
        assert (row[4], row[5], row[6], row[7]) == (p.assigned, p.closed, p.reported_done,
                                                    p.overdue)
        expected_rate = float(p.clearance_rate) if p.clearance_rate is not None else "—"
        assert row[8] == pytest.approx(expected_rate)
        assert row[9] == p.stage_concluded
        assert row[13] == pytest.approx(float(money.fen_to_wan(pen.fine_fen)))
    total = [c.value for c in sheet[10 + len(report.by["region"])]]
    assert total[0] == "合计"
    assert (total[4], total[5], total[12]) == (report.total.assigned, report.total.closed,
                                               total_pen.cases)
    assert sheet.cell(10, 14).number_format == "0.00"


def test_penalty_return_headers_and_one_page_wide(shared_demo, tmp_path, reopen):
    path = tmp_path / "penalty.xlsx"
    export_return(shared_demo, "penalty_monthly", path, as_of="2026-03-15")
    sheet = reopen(path)
    assert sheet["A1"].value == "2026年3月环境保护法配套办法执行情况统计表"
    assert sheet.cell(8, 4).value == "1—3月累计"
    assert {"B7:E7", "F7:K7"} <= merged(sheet)  # 按日连续处罚: 立案, 决定, 同比, 罚款
    assert sheet.page_setup.fitToWidth == 1


def test_problem_outside_the_jurisdiction_stops_the_export(shared_demo, demo_copy,
                                                           insert_problems, tmp_path):
    insert_problems(demo_copy, "140105", 1, 0, "2026-01-05")  # 太原市小店区, not Linfen
    path = tmp_path / "progress.xlsx"
    with pytest.raises(LedgerError) as error:
        export_return(demo_copy, "campaign_progress", path)
    message = str(error.value)
    assert "E27" in message and "合计" in message and "2508" in message and "2507" in message
    assert not path.exists()
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []


def test_ledger_export_one_header_row_under_the_title(shared_demo, tmp_path, reopen):
    path = tmp_path / "ledger.xlsx"
    count = export_ledger_sheet(shared_demo, path)
    sheet = reopen(path)
    assert count == 2507
    assert sheet["A1"].value == "临汾市生态环境局生态环境问题整改台账"
    assert "共 2,507 条" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == LEDGER_HEADERS
    assert sheet.freeze_panes == "A4"
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.auto_filter.ref == f"A3:X{3 + count}"
    assert [sheet.cell(FIRST + i, 1).value for i in range(3)] == [1, 2, 3]
    texts = [c.value for row in sheet.iter_rows(min_row=FIRST + count) for c in row
             if isinstance(c.value, str)]
    assert any(t.startswith("单位负责人：") and "（单位盖章）" in t for t in texts)
    first = {h: c.value for h, c in zip(LEDGER_HEADERS, sheet[FIRST])}
    row = shared_demo.conn.execute(
        "SELECT p.*, r.name AS region FROM problem p JOIN region r ON r.code = p.region_code "
        "WHERE number = ?", (first["问题编号"],)).fetchone()
    assert first["区县"] == row["region"]
    assert first["交办日期"] == dt.datetime.fromisoformat(row["assigned_on"])
    assert first["原定整改时限"] == dt.datetime.fromisoformat(row["deadline"])
    assert sheet.cell(FIRST, 10).number_format == "yyyy\\-mm\\-dd"
    labels = {c.value for c in sheet["F"][FIRST - 1:FIRST - 1 + count]}
    assert labels <= {"散乱污企业", "散煤", "扬尘", "废气", "废水", "固体废物", "危险废物",
                      "饮用水水源地", "在线监测数据造假", "噪声", "其他"}
    assert {c.value for c in sheet["P"][FIRST - 1:FIRST - 1 + count]} <= {
        "已交办", "整改中", "已完成待验收", "已销号", "反弹"}
    assert {c.value for c in sheet["Q"][FIRST - 1:FIRST - 1 + count]} == {"是", "否"}


def test_formula_like_text_comes_back_as_text(ledger, tmp_path, reopen):
    risky = ["=HYPERLINK(\"http://x\",\"点我\")", "+86 357 1234", "-整改中", "@SUM(A1:A9)"]
    for i, text in enumerate(risky):
        problems.add(ledger, {"source": "complaint", "region_code": "141021",
                              "category": "noise", "description": text,
                              "assigned_on": "2026-01-05", "deadline": "2026-02-05",
                              "responsible_unit": "曲沃县<镇>&街道", "number": f"Q-{i}"})
    path = tmp_path / "ledger.xlsx"
    export_ledger_sheet(ledger, path)
    sheet = reopen(path)
    cells = [sheet.cell(FIRST + i, 7) for i in range(len(risky))]
    assert sorted(c.value for c in cells) == sorted(risky)
    assert all(c.data_type == "s" for c in cells)
    assert all(c.quotePrefix for c in cells)
    assert sheet.cell(FIRST, 13).value == "曲沃县<镇>&街道"
    with zipfile.ZipFile(path) as package:
        assert "<f>" not in package.read("xl/worksheets/sheet1.xml").decode()


def test_forbidden_characters_are_removed_and_overlong_text_refused(ledger, tmp_path, reopen):
    changes = problems.add(ledger, {"source": "complaint", "region_code": "141021",
                                    "category": "noise", "description": "夜间噪声\x07扰民\x00",
                                    "assigned_on": "2026-01-05", "deadline": "2026-02-05"})
    path = tmp_path / "ledger.xlsx"
    export_ledger_sheet(ledger, path)
    assert reopen(path).cell(FIRST, 7).value == "夜间噪声扰民"
    # Text longer than a cell holds (an old import, say): refused, not cut.
    ledger.conn.execute("UPDATE problem SET description = ? WHERE id = ?",
                        ("长" * (MAX_CELL_TEXT + 1), changes.id))
    with pytest.raises(LedgerError) as error:
        export_ledger_sheet(ledger, tmp_path / "long.xlsx")
    assert "G4" in str(error.value) and str(MAX_CELL_TEXT) in str(error.value)
    assert not (tmp_path / "long.xlsx").exists()
    assert path.exists()


def test_cancelled_export_leaves_no_file_and_progress_is_reported(ledger, insert_problems,
                                                                   tmp_path):
    insert_problems(ledger, "141021", 4500, 0, "2026-01-05")
    seen = []
    with pytest.raises(ExportCancelled):
        export_ledger_sheet(ledger, tmp_path / "ledger.xlsx",
                      progress=lambda done, total, _: seen.append((done, total)),
                      cancelled=lambda: len(seen) >= 1)
    assert seen == [(2000, 4500)]
    assert [p.name for p in tmp_path.iterdir() if "xlsx" in p.name] == []
    seen.clear()
    assert export_ledger_sheet(ledger, tmp_path / "ledger.xlsx",
                         progress=lambda done, total, _: seen.append(done)) == 4500
    assert seen[-1] == 4500


def test_withdrawn_problems_are_not_in_the_ledger(ledger, insert_problems, tmp_path, reopen):
    insert_problems(ledger, "141021", 3, 0, "2026-01-05")
    first = ledger.conn.execute("SELECT id FROM problem LIMIT 1").fetchone()[0]
    rows.update(ledger, "problem", first, {"withdrawn_on": "2026-01-06",
                                           "withdrawn_reason": "误交办"})
    assert export_ledger_sheet(ledger, tmp_path / "ledger.xlsx") == 2


def test_a_stored_date_that_is_not_iso_is_written_as_its_text(ledger, insert_problems,
                                                               tmp_path, reopen):
    insert_problems(ledger, "141021", 1, 0, "2026-01-05")
    ledger.conn.execute("UPDATE problem SET done_on = '2026年1月' ")
    export_ledger_sheet(ledger, tmp_path / "ledger.xlsx")
    sheet = reopen(tmp_path / "ledger.xlsx")
    assert sheet.cell(FIRST, 18).value == "2026年1月"
    assert sheet.cell(FIRST, 10).value == dt.datetime(2026, 1, 5)
