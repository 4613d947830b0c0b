"""The import itself: per-cell errors, all or nothing, status history, repeat imports."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from core import ledger_import, messages, statistics
from core.errors import LedgerError
from core.ledger_import import ImportCancelled, ImportRejected

from .workbooks import HEADERS, credit_code, sheet_rows, write_sheet

TODAY = dt.date.today()


def day(offset: int) -> dt.date:
    return TODAY + dt.timedelta(days=offset)


def row(number: str, county: str = "曲沃县", firm: str = "曲沃县宏达焦化有限公司",
        code: str | None = None, description: str = "道路扬尘明显", assigned=None, deadline=None,
        status: str = "整改中", done=None, closed=None, measures: str = "全封闭改造物料堆场") -> list:
    assigned = assigned or day(-60)
    if deadline is None:
        deadline = assigned + dt.timedelta(days=30) if isinstance(assigned, dt.date) else "2030-01-01"
    return [1, number, county, firm, code, "扬尘", description, "督办函交办", "第1批", assigned,
            deadline, f"{county}人民政府", "王建国", measures,
            status, done, closed]


def problems(ledger) -> int:
    return ledger.conn.execute("SELECT count(*) FROM problem").fetchone()[0]


def test_errors_name_the_excel_row_and_column_and_nothing_is_written(tmp_path, ledger):
    rows = [row("A-1"), row("A-2", assigned="2019-13-45"), row("A-3", county="火星县"),
            row("A-4", status="看情况"), row("A-5", deadline="2019-01-01", assigned="2019-02-01")]
    path = write_sheet(tmp_path / "bad.xlsx", rows, blank_rows=2)  # title, 2 blanks, header
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, path)
    messages_ = [issue.message for issue in caught.value.issues]
    assert messages_ == [
        "第 6 行 J 列（交办日期）“2019-13-45”：" + messages.text("error.date_invalid", value="2019-13-45"),
        "第 7 行 C 列（所属区县）“火星县”：不是本辖区的区县名称或代码",
        "第 9 行 K 列（整改时限）“2019-01-01”：整改时限 2019-01-01 早于交办日期 2019-02-01",
    ]
    assert str(caught.value) == "表中有 3 处错误，未导入任何数据"
    assert problems(ledger) == 0
    assert ledger.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0


def test_columns_past_z_are_lettered_as_excel_does(tmp_path, ledger):
    headers = [f"备用{i}" for i in range(26)] + ["区县", "企业名称", "问题描述", "交办日期", "整改时限"]
    path = write_sheet(tmp_path / "wide.xlsx", [[None] * 26 + ["曲沃县", "某厂", "扬尘", "昨天",
                                                                "2024-05-01"]], headers=headers)
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, path)
    [issue] = caught.value.issues
    assert (issue.row, issue.column, issue.header) == (4, "AD", "交办日期")


def test_in_english(tmp_path, ledger):
    path = write_sheet(tmp_path / "bad.xlsx", [row("A-1", county="Atlantis")], title=None,
                        blank_rows=0)
    messages.set_language("en")
    try:
        with pytest.raises(ImportRejected) as caught:
            ledger_import.run(ledger, path)
        assert caught.value.issues[0].message == \
            "Row 2, column C (所属区县) “Atlantis”: Not a county of the jurisdiction (name or code)"
    finally:
        messages.set_language("zh_CN")


def test_a_bad_check_digit_warns_and_does_not_block(tmp_path, ledger):
    valid = credit_code("91141021MA0GRL3W2")
    wrong = valid[:-1] + ("0" if valid[-1] != "0" else "1")
    path = write_sheet(tmp_path / "w.xlsx", [row("A-1", code=wrong)])
    outcome = ledger_import.run(ledger, path)
    assert outcome.added == 1
    [warning] = outcome.warnings
    assert warning.warning and (warning.row, warning.column) == (4, "E")
    assert "校验位" in warning.message


def test_status_history_agrees_with_the_problem_row(tmp_path, ledger):
    assigned = day(-60)
    rows = [row("S-1", status="已交办", assigned=assigned),
            row("S-2", status="整改中", assigned=assigned),
            row("S-3", status="已完成", assigned=assigned, done=day(-20)),
            row("S-4", status="已销号", assigned=assigned, done=day(-20), closed=day(-10))]
    ledger_import.run(ledger, write_sheet(tmp_path / "s.xlsx", rows))
    found = {r["number"]: dict(r) for r in ledger.conn.execute("SELECT * FROM problem")}
    closed = found["S-4"]
    assert (closed["status"], closed["status_since"], closed["done_on"], closed["closed_on"]) == \
        ("closed", day(-10).isoformat(), day(-20).isoformat(), day(-10).isoformat())
    log = [(r["status_from"], r["status_to"], r["happened_on"], r["seq"]) for r in ledger.conn.execute(
        "SELECT * FROM problem_log WHERE problem_id = ? ORDER BY seq", (closed["id"],))]
    a = assigned.isoformat()
    assert log == [(None, "assigned", a, 1), ("assigned", "in_progress", a, 2),
                   ("in_progress", "reported_done", day(-20).isoformat(), 3),
                   ("reported_done", "closed", day(-10).isoformat(), 4)]
    assert found["S-3"]["status"] == "reported_done" and found["S-3"]["done_on"] == day(-20).isoformat()
    # The as-of statistics read the same history: closed only from its closing day on.
    assert statistics.breakdown(ledger, day(-11)).total.closed == 0
    assert statistics.breakdown(ledger, day(-11)).total.reported_done == 2
    assert statistics.breakdown(ledger, day(-10)).total.closed == 1
    assert statistics.breakdown(ledger, day(-61)).total.assigned == 0
    assert statistics.breakdown(ledger, TODAY).total.assigned == 4
    # closed measures are done; open ones are not
    progress = dict(ledger.conn.execute(
        "SELECT p.number, m.progress FROM measure m JOIN problem p ON p.id = m.problem_id"))
    assert progress == {"S-1": 0, "S-2": 0, "S-3": 100, "S-4": 100}


def test_importing_twice_adds_nothing_and_reports_changes(tmp_path, ledger):
    rows = sheet_rows(40, seed=3)
    path = write_sheet(tmp_path / "l.xlsx", rows)
    first = ledger_import.run(ledger, path)
    assert (first.added, first.updated, first.unchanged) == (40, 0, 0)
    log_count = ledger.conn.execute("SELECT count(*) FROM problem_log").fetchone()[0]
    second = ledger_import.run(ledger, path)
    assert (second.added, second.updated, second.unchanged, second.enterprises_added) == (0, 0, 40, 0)
    assert problems(ledger) == 40
    # One problem moves on to closed, one gets a new deadline, one row is new.
    target = next(i for i, r in enumerate(rows) if r[14] == "整改中")
    rows[target][14:17] = ["已销号", day(-3), day(-2)]
    rows[0][10] = rows[0][9] + dt.timedelta(days=90)
    rows.append(row("NEW-1"))
    third = ledger_import.run(ledger, write_sheet(tmp_path / "l2.xlsx", rows))
    assert (third.added, third.updated, third.unchanged) == (1, 2, 38)
    moved = ledger.conn.execute("SELECT * FROM problem WHERE number = ?", (rows[target][1],)).fetchone()
    assert (moved["status"], moved["closed_on"]) == ("closed", day(-2).isoformat())
    steps = [r[0] for r in ledger.conn.execute(
        "SELECT status_to FROM problem_log WHERE problem_id = ? ORDER BY seq", (moved["id"],))]
    assert steps == ["assigned", "in_progress", "reported_done", "closed"]
    assert ledger.conn.execute("SELECT count(*) FROM problem_log").fetchone()[0] == log_count + 2 + 2


def test_without_numbers_problems_match_on_enterprise_description_and_date(tmp_path, ledger):
    headers = ["区县", "企业名称", "问题描述", "交办日期", "整改时限"]
    rows = [["曲沃县", "甲厂", "扬尘", "2024-03-01", "2024-04-01"],
            ["曲沃县", "甲厂", "扬尘", "2024-03-02", "2024-04-01"],
            ["曲沃县", "乙厂", "扬尘", "2024-03-01", "2024-04-01"]]
    path = write_sheet(tmp_path / "n.xlsx", rows, headers=headers)
    assert ledger_import.run(ledger, path).added == 3
    again = ledger_import.run(ledger, path)
    assert (again.added, again.unchanged) == (0, 3)


def test_the_same_problem_twice_in_one_sheet_is_an_error(tmp_path, ledger):
    path = write_sheet(tmp_path / "d.xlsx", [row("D-1"), row("D-2"), row("D-1")])
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, path)
    [issue] = caught.value.issues
    assert issue.message == "第 6 行 B 列（问题编号）“D-1”：与第 4 行是同一个问题（重复）"


def test_an_import_cannot_move_a_status_back(tmp_path, ledger):
    ledger_import.run(ledger, write_sheet(tmp_path / "a.xlsx", [row("B-1", status="已销号",
                                                                     closed=day(-5))]))
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, write_sheet(tmp_path / "b.xlsx", [row("B-1", status="整改中")]))
    assert "不能使状态倒退" in caught.value.issues[0].message
    assert caught.value.issues[0].column == "O"


def test_reopened_problems_cannot_be_imported_new(tmp_path, ledger):
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, write_sheet(tmp_path / "r.xlsx", [row("R-1", status="反弹")]))
    assert "反弹" in caught.value.issues[0].message


def test_region_comes_from_a_known_enterprise(tmp_path, ledger):
    ledger_import.run(ledger, write_sheet(tmp_path / "a.xlsx", [row("E-1", county="侯马市",
                                                                     firm="侯马市金泰铸造厂")]))
    path = write_sheet(tmp_path / "b.xlsx", [row("E-2", county=None, firm="侯马市金泰铸造厂"),
                                              row("E-3", county=None, firm="无名厂")])
    with pytest.raises(ImportRejected) as caught:
        ledger_import.run(ledger, path)
    [issue] = caught.value.issues
    assert (issue.row, issue.column) == (5, "C")


def test_dry_run_writes_nothing(tmp_path, ledger):
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(20))
    before = ledger.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    outcome = ledger_import.run(ledger, path, dry_run=True)
    assert outcome.dry_run and outcome.added == 20 and outcome.enterprises_added > 0
    assert problems(ledger) == 0
    assert ledger.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
    assert ledger.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == before
    assert not outcome.changes.tables


def test_progress_and_cancel(tmp_path, ledger):
    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(30))
    seen = []
    outcome = ledger_import.run(ledger, path, progress=lambda d, t, m: seen.append((d, t, m)))
    assert outcome.added == 30 and outcome.changes.touches("problem")
    assert seen and all(d <= t for d, t, _ in seen) and seen[-1][2] == "正在写入"
    calls = []

    def cancel_while_writing() -> bool:  # let reading and checking pass, stop in the writes
        calls.append(1)
        return len(calls) > 3

    more = [[i, f"M-{i}", *r[2:]] for i, r in enumerate(sheet_rows(30, seed=9))]
    with pytest.raises(ImportCancelled):
        ledger_import.run(ledger, write_sheet(tmp_path / "m.xlsx", more),
                          cancelled=cancel_while_writing)
    assert problems(ledger) == 30


def test_preview_lists_rows_and_errors_without_writing(tmp_path, ledger):
    path = write_sheet(tmp_path / "p.xlsx", [row("P-1"), row("P-2", assigned="昨天")])
    checked = ledger_import.preview(ledger, path)
    assert [r.line for r in checked.rows] == [4, 5]
    assert [(e.row, e.column) for e in checked.errors] == [(5, "J")]
    assert checked.mapping["status"] == HEADERS.index("整改状态")
    assert problems(ledger) == 0


def test_footer_and_blank_rows_are_skipped(tmp_path, ledger):
    path = write_sheet(tmp_path / "f.xlsx", [row("F-1"), [], row("F-2"), ["填表人：王建国"]])
    workbook = openpyxl.load_workbook(path)
    workbook.active.merge_cells("A7:Q7")
    workbook.save(path)
    assert ledger_import.run(ledger, path).added == 2


def test_summary_notes_and_header_rows_filling_many_cells_are_skipped(tmp_path, ledger):
    """合计 / 共N条, notes and a repeated header are left out however many cells they fill;
    a problem whose number merely begins with 合 is imported."""
    path = write_sheet(tmp_path / "s.xlsx", [
        row("S-1"),
        [None, " 合 计", None, "3家", None, None, "2项", None, None, None, None, None, None,
         None, "1项"],
        [None, "全市", "共2条", "2家"],
        list(HEADERS),
        ["注：本表由各县区填报", None, "王建国", "2025-06-30"],
        row("合环罚〔2025〕3号", description="共用排气筒未监测"),
    ])
    checked = ledger_import.preview(ledger, path)
    assert [(s.line, s.kind, s.text) for s in checked.skipped] == [
        (5, "summary", "合 计 3家 2项"), (6, "summary", "全市 共2条 2家"),
        (7, "header", "序号 问题编号 所属区县 企业名称"), (8, "notes", "注：本表由各县区填报")]
    assert [r.line for r in checked.rows] == [4, 9] and not checked.errors
    assert ledger_import.run(ledger, path).added == 2


def test_no_problem_is_written_when_the_insert_fails(tmp_path, ledger, monkeypatch):
    from core.ledger_import import importer

    path = write_sheet(tmp_path / "l.xlsx", sheet_rows(10))
    broken = importer.PROBLEM_COLUMNS[:-1] + ("no_such_column",)
    monkeypatch.setattr(ledger_import, "PROBLEM_COLUMNS", broken)
    with pytest.raises(Exception):
        ledger_import.run(ledger, path)
    assert problems(ledger) == 0
    assert ledger.conn.execute("SELECT count(*) FROM enterprise").fetchone()[0] == 0
    assert not ledger.conn.in_transaction


def test_a_bad_file_leaves_the_ledger_unchanged(tmp_path, ledger):
    ledger_import.run(ledger, write_sheet(tmp_path / "l.xlsx", sheet_rows(5)))
    (tmp_path / "x.xlsx").write_text("not a workbook")
    with pytest.raises(LedgerError):
        ledger_import.run(ledger, tmp_path / "x.xlsx")
    assert problems(ledger) == 5


@pytest.mark.parametrize("typed, items", [
    ("1. 全封闭改造\n2、完善台账\n（3）安装监测", ("全封闭改造", "完善台账", "安装监测")),
    ("全封闭改造；完善台账", ("全封闭改造", "完善台账")),
    ("①停产整治 ②", ("停产整治 ②",)),
    (None, ()),
])
def test_measures_one_per_line_or_joined(typed, items):
    from core.ledger_import.importer import split_measures

    assert split_measures(typed) == items
