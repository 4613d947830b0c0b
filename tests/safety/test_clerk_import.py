"""A clerk's Excel import may not close what the clerk may not close by hand: closed rows
come in as reported done, each with a warning, and the summary says so."""
from __future__ import annotations

import datetime as dt

from core import ledger_import, problems, statistics

from tests.ledger_import.workbooks import write_sheet

TODAY = dt.date.today()


def _row(number, status, done=None, closed=None):
    assigned = TODAY - dt.timedelta(days=60)
    return [1, number, "曲沃县", "曲沃县宏达焦化有限公司", None, "扬尘", f"{number}：道路扬尘明显",
            "督办函交办", "第1批", assigned, assigned + dt.timedelta(days=30), "曲沃县人民政府",
            "王建国", "全封闭改造物料堆场", status, done, closed]


def _sheet(tmp_path):
    done, closed = TODAY - dt.timedelta(days=20), TODAY - dt.timedelta(days=10)
    return write_sheet(tmp_path / "台账.xlsx", [
        _row("临环督〔2026〕1号", "已销号", done, closed),
        _row("临环督〔2026〕2号", "已完成", done),
        _row("临环督〔2026〕3号", "是", done, closed)])


def _statuses(ledger):
    return dict(ledger.conn.execute("SELECT number, status FROM problem ORDER BY number"))


def test_a_clerks_closing_import_comes_in_as_reported_done(tmp_path, ledger):
    ledger.role = "clerk"
    outcome = ledger_import.run(ledger, _sheet(tmp_path))
    assert _statuses(ledger) == {"临环督〔2026〕1号": "reported_done",
                                 "临环督〔2026〕2号": "reported_done",
                                 "临环督〔2026〕3号": "reported_done"}
    assert outcome.closed_as_done == 2
    assert "2 行表中为已销号" in outcome.summary()
    flagged = [w for w in outcome.warnings if w.code == "warning.import_closed_as_done"]
    assert [(w.row, w.column) for w in flagged] == [(4, "O"), (6, "O")]
    assert statistics.breakdown(ledger, TODAY).total.closed == 0
    # No closing in the log either: the log agrees with the row.
    assert ledger.conn.execute("SELECT count(*) FROM problem_log WHERE status_to = 'closed'"
                               ).fetchone()[0] == 0
    # The manager then closes them by hand, or by importing the same sheet.
    ledger.role = "manager"
    again = ledger_import.run(ledger, _sheet(tmp_path))
    assert again.closed_as_done == 0 and again.updated == 2
    assert list(_statuses(ledger).values()).count("closed") == 2


def test_a_managers_import_closes(tmp_path, ledger):
    ledger.role = "manager"
    outcome = ledger_import.run(ledger, _sheet(tmp_path))
    assert outcome.closed_as_done == 0
    assert list(_statuses(ledger).values()).count("closed") == 2


def test_a_clerk_reimporting_closed_rows_changes_nothing(tmp_path, ledger):
    ledger_import.run(ledger, _sheet(tmp_path))            # by the administrator
    ledger.role = "clerk"
    outcome = ledger_import.run(ledger, _sheet(tmp_path))
    assert outcome.closed_as_done == 0 and outcome.unchanged == 3
    problem = ledger.conn.execute("SELECT id FROM problem WHERE status = 'closed'").fetchone()[0]
    assert problems.get(ledger, problem)["status"] == "closed"
