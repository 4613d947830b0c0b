"""报送记录: what was sent is kept; later writes show as changed cells; locked periods."""
from __future__ import annotations

from acceptance_data import ACCEPTED

import datetime as dt
import hashlib
import json

import pytest
from openpyxl import load_workbook

from core import problems
from core.cli import main
from core.errors import LedgerError
from core.returns import export_ledger_sheet, marks, submissions


def all_marks(ledger):
    marks.put(ledger, "campaign_progress", {
        "form.number": "（省厅下发的表号）", "form.issued_by": "某省生态环境厅",
        "form.approved_by": "某省统计局", "form.approval_number": "某统制〔2026〕1号",
        "form.valid_until": "2027年12月", "sign.unit_head": "王建国",
        "sign.statistician": "赵立新", "sign.filled_by": "李海燕", "sign.phone": "0357-2021234"})


def test_submitting_records_figures_hash_who_and_when(demo_copy, tmp_path):
    out = tmp_path / "报送.xlsx"
    with pytest.raises(LedgerError, match="尚未填写"):
        submissions.submit(demo_copy, "campaign_progress", out)
    assert not out.exists()
    all_marks(demo_copy)
    day = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    sent = submissions.submit(demo_copy, "campaign_progress", out, as_of=day)
    assert sent.file_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert sent.submitted_by == demo_copy.operator and sent.as_of == day
    sheet = load_workbook(out).active
    assert sent.figures["E10"] == ["尧都区", "问题整改／交办问题数（个）", str(sheet["E10"].value)]
    assert len(sent.figures) == 18 * 18  # 18 figure columns, 17 counties and 合计
    assert submissions.changes(demo_copy, sent) == []
    entry = demo_copy.conn.execute(
        "SELECT new FROM audit_log WHERE table_name = 'return_submission'").fetchone()[0]
    assert json.loads(entry)["file_sha256"] == sent.file_sha256


def test_a_back_dated_close_shows_the_changed_cells_and_asks_for_a_correction(demo_copy,
                                                                              tmp_path, capsys):
    all_marks(demo_copy)
    day = dt.date.today() - dt.timedelta(days=10)
    sent = submissions.submit(demo_copy, "campaign_progress", tmp_path / "a.xlsx", as_of=day)
    waiting = demo_copy.conn.execute(
        "SELECT id, region_code FROM problem WHERE status = 'reported_done' AND status_since < ? "
        "AND region_code = '141021' LIMIT 1", (day.isoformat(),)).fetchone()
    problems.transition(demo_copy, waiting[0], "closed", on=day - dt.timedelta(days=2), acceptance=ACCEPTED)
    changed = {c.cell: c for c in submissions.changes(demo_copy, sent)}
    # 曲沃县 (row 11) and 合计 (row 27): 已销号, 已完成待验收, 清零率 (and 逾期 if it was)
    assert {"F11", "G11", "I11", "F27", "G27", "I27"} <= set(changed)
    assert {cell[1:] for cell in changed} == {"11", "27"}
    closed = changed["F11"]
    assert (closed.row, closed.column) == ("曲沃县", "问题整改／已销号（个）")
    assert int(closed.now) == int(closed.submitted) + 1
    assert int(changed["G11"].now) == int(changed["G11"].submitted) - 1
    assert main(["--db", str(demo_copy.path), "returns", "submitted"]) == 0
    out = capsys.readouterr().out
    assert f"已变动 {len(changed)} 处" in out and f"F11（曲沃县·问题整改／已销号（个））：{closed.submitted} → {closed.now}" in out
    with pytest.raises(LedgerError, match="更正说明"):
        submissions.submit(demo_copy, "campaign_progress", tmp_path / "b.xlsx", as_of=day)
    again = submissions.submit(demo_copy, "campaign_progress", tmp_path / "b.xlsx", as_of=day,
                               correction_note="曲沃县一个问题补录销号")
    texts = [c.value for row in load_workbook(tmp_path / "b.xlsx").active.iter_rows()
             for c in row if isinstance(c.value, str)]
    assert "更正说明：曲沃县一个问题补录销号" in texts
    assert submissions.changes(demo_copy, again) == []


def test_a_locked_period_refuses_back_dated_writes_until_unlocked(demo_copy, tmp_path):
    all_marks(demo_copy)
    day = dt.date.today() - dt.timedelta(days=10)
    sent = submissions.submit(demo_copy, "campaign_progress", tmp_path / "a.xlsx", as_of=day)
    submissions.lock(demo_copy, sent.id)
    waiting = demo_copy.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' LIMIT 2").fetchall()
    with pytest.raises(LedgerError, match="已报送并锁定") as error:
        problems.transition(demo_copy, waiting[0][0], "closed", on=day - dt.timedelta(days=1), acceptance=ACCEPTED)
    assert day.isoformat() in str(error.value)
    with pytest.raises(LedgerError, match="已报送并锁定"):
        problems.add(demo_copy, {"source": "complaint", "region_code": "141021",
                                 "category": "noise", "description": "夜间施工噪声",
                                 "assigned_on": day.isoformat(), "deadline": "2027-01-05"})
    problems.transition(demo_copy, waiting[1][0], "closed", acceptance=ACCEPTED)  # today: not locked
    with pytest.raises(LedgerError, match="理由"):
        submissions.unlock(demo_copy, " ")
    submissions.unlock(demo_copy, "省厅退回重报")
    problems.transition(demo_copy, waiting[0][0], "closed", on=day - dt.timedelta(days=1), acceptance=ACCEPTED)
    reasons = [json.loads(r[0]).get("unlock_reason") for r in demo_copy.conn.execute(
        "SELECT new FROM audit_log WHERE table_name = 'period_lock' AND action = 'update'")]
    assert reasons == ["省厅退回重报"]


def test_only_a_manager_locks(demo_copy, tmp_path):
    all_marks(demo_copy)
    sent = submissions.submit(demo_copy, "campaign_progress", tmp_path / "a.xlsx")
    demo_copy.role = "clerk"
    with pytest.raises(LedgerError, match="锁定或解锁"):
        submissions.lock(demo_copy, sent.id)
    demo_copy.role = "manager"
    submissions.lock(demo_copy, sent.id)
    assert submissions.locked_through(demo_copy) == sent.as_of


def test_ledger_export_as_of_a_past_day(demo_copy, tmp_path):
    ledger = demo_copy
    today = dt.date.today()
    pid, number = ledger.conn.execute(
        "SELECT id, number FROM problem WHERE status = 'reported_done' ORDER BY number LIMIT 1"
    ).fetchone()
    problems.transition(ledger, pid, "closed", on=today - dt.timedelta(days=5), acceptance=ACCEPTED)
    problems.transition(ledger, pid, "reopened", on=today - dt.timedelta(days=1))
    late = problems.add(ledger, {"source": "complaint", "region_code": "141021",
                                 "category": "noise", "description": "夜间施工噪声",
                                 "assigned_on": today.isoformat(), "deadline": "2027-01-05"})

    def row_of(path, wanted):
        sheet = load_workbook(path).active
        header = [c.value for c in sheet[3]]
        for r in sheet.iter_rows(min_row=4, values_only=True):
            if r[1] == wanted:
                return dict(zip(header, r))
        return None

    now = tmp_path / "now.xlsx"
    export_ledger_sheet(ledger, now)
    reopened = row_of(now, number)
    # a reopened row has no 销号日期: the closure it had is 原销号日期, reopened beside it
    assert reopened["整改状态"] == "反弹"
    assert reopened["销号日期"] is None
    assert reopened["原销号日期"] == dt.datetime.combine(today - dt.timedelta(days=5), dt.time())
    assert reopened["反弹日期"] == dt.datetime.combine(today - dt.timedelta(days=1), dt.time())
    past = tmp_path / "past.xlsx"
    count = export_ledger_sheet(ledger, past, as_of=today - dt.timedelta(days=3))
    then = row_of(past, number)
    assert then["整改状态"] == "已销号"
    assert then["销号日期"] == dt.datetime.combine(today - dt.timedelta(days=5), dt.time())
    assert then["原销号日期"] is None and then["反弹日期"] is None
    assert then["逾期"] == "否"
    late_number = ledger.conn.execute("SELECT number FROM problem WHERE id = ?",
                                      (late.id,)).fetchone()[0]
    assert late_number is None or row_of(past, late_number) is None
    assert count == export_ledger_sheet(ledger, tmp_path / "now2.xlsx") - 1


def test_a_locked_period_refuses_a_back_dated_filing_but_not_its_later_decision(demo_copy,
                                                                                tmp_path):
    from core import penalties
    from core.penalties import stages

    all_marks(demo_copy)
    day = dt.date.today() - dt.timedelta(days=10)
    filed = penalties.add(demo_copy, {"case_number": "临环罚〔2026〕901号", "region_code": "141021",
                                      "violation": "超标排放", "opened_on": (
                                          day - dt.timedelta(days=2)).isoformat(),
                                      "detention": 1}).ids[0]
    sent = submissions.submit(demo_copy, "penalty_monthly", tmp_path / "p.xlsx", as_of=day,
                              allow_blank=True)
    submissions.lock(demo_copy, sent.id)
    with pytest.raises(LedgerError, match="已报送并锁定"):
        penalties.add(demo_copy, {"case_number": "临环罚〔2026〕902号", "region_code": "141021",
                                  "violation": "超标排放", "opened_on": day.isoformat()})
    with pytest.raises(LedgerError, match="已报送并锁定"):
        penalties.update(demo_copy, filed, {"detention": 0, "seizure": 1})
    stages.record(demo_copy, filed, "decided", dt.date.today().isoformat())  # after the lock
    assert penalties.get(demo_copy, filed)["decided_on"] == dt.date.today().isoformat()
    assert submissions.changes(demo_copy, submissions.get(demo_copy, sent.id)) == []


def test_a_unit_added_after_a_submission_is_one_added_row_not_every_cell_below(demo_copy,
                                                                              tmp_path, capsys):
    """A zone set up after the return was sent becomes a row above 合计: 合计 moves down a
    row but only the figures a back-dated close truly changed are reported."""
    from core import units

    all_marks(demo_copy)
    day = dt.date.today() - dt.timedelta(days=10)
    sent = submissions.submit(demo_copy, "campaign_progress", tmp_path / "a.xlsx", as_of=day)
    assert sent.figures["F27"][0] == "合计"
    units.add(demo_copy, "临汾经济开发区", "zone")
    changed = submissions.changes(demo_copy, sent)
    assert [(c.kind, c.row, c.cell) for c in changed] == [
        (submissions.ROW_ADDED, "临汾经济开发区", "C27:T27")]
    waiting = demo_copy.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' AND status_since < ? "
        "AND region_code = '141021' LIMIT 1", (day.isoformat(),)).fetchone()[0]
    problems.transition(demo_copy, waiting, "closed", on=day - dt.timedelta(days=2),
                        acceptance=ACCEPTED)
    changed = submissions.changes(demo_copy, sent)
    cells = [c for c in changed if c.kind == submissions.CHANGED]
    assert {c.row for c in cells} == {"曲沃县", "合计"}
    county = {c.column: c for c in cells if c.row == "曲沃县"}
    total = {c.column: c for c in cells if c.row == "合计"}
    assert set(county) == set(total) >= {"问题整改／已销号（个）", "问题整改／已办结（个）"}
    assert {c.cell for c in total.values()} == {f"{c.cell[0]}28" for c in county.values()}
    for column in ("问题整改／已销号（个）", "问题整改／已办结（个）"):
        moved = int(county[column].now) - int(county[column].submitted)
        assert moved == int(total[column].now) - int(total[column].submitted) == \
            (1 if "已销号" in column else -1)
    assert len(changed) == len(cells) + 1  # and the added row, once
    assert main(["--db", str(demo_copy.path), "returns", "submitted"]) == 0
    out = capsys.readouterr().out
    assert "C27:T27（临汾经济开发区）：整行新增" in out
    assert f"F28（合计·问题整改／已销号（个））：{total['问题整改／已销号（个）'].submitted}" in out


def test_a_submission_stored_with_figure_names_still_matches_its_cells(demo_copy, tmp_path):
    """Submissions recorded before cells were named by their headers carry the figure's
    own name as the column: they still compare cell by cell."""
    from core.returns import build
    from core.returns.filling import figure_cells

    all_marks(demo_copy)
    day = (dt.date.today() - dt.timedelta(days=10)).isoformat()
    sent = submissions.submit(demo_copy, "campaign_progress", tmp_path / "a.xlsx", as_of=day)
    names = {c.cell: c.figure for c in figure_cells(build(demo_copy, "campaign_progress", day))}
    older = {cell: [row, names[cell], value] for cell, (row, _, value) in sent.figures.items()}
    assert older["F11"][1] == "已销号数（个）"
    demo_copy.conn.execute("UPDATE return_submission SET figures = ? WHERE id = ?",
                           (json.dumps(older, ensure_ascii=False), sent.id))
    assert submissions.changes(demo_copy, submissions.get(demo_copy, sent.id)) == []
