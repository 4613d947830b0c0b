"""The rectification ledger the app exports imports back unchanged."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from core import ledger_import, settings, statistics
from core.ledger import Ledger

returns = pytest.importorskip("core.returns")

from .workbooks import sheet_rows, write_sheet  # noqa: E402

COMPARED = """SELECT p.number, p.region_code, e.name, e.credit_code, p.category, p.description,
    p.source, b.name, p.assigned_on, p.deadline, p.responsible_unit, p.responsible_person,
    p.status, p.done_on, p.closed_on,
    (SELECT group_concat(description, '|') FROM measure m WHERE m.problem_id = p.id)
FROM problem p LEFT JOIN enterprise e ON e.id = p.enterprise_id
LEFT JOIN batch b ON b.id = p.batch_id ORDER BY p.number"""


def test_the_demo_ledger_exported_imports_back_unchanged(tmp_path, demo_ledger):
    path = tmp_path / "台账.xlsx"
    written = returns.export_ledger_sheet(demo_ledger, path)
    before = demo_ledger.conn.execute(COMPARED).fetchall()
    logs = demo_ledger.conn.execute("SELECT count(*) FROM problem_log").fetchone()[0]
    outcome = ledger_import.run(demo_ledger, path)
    assert (outcome.added, outcome.updated, outcome.unchanged) == (0, 0, written)
    assert outcome.enterprises_added == 0 and outcome.batches_added == 0
    assert demo_ledger.conn.execute(COMPARED).fetchall() == before
    assert demo_ledger.conn.execute("SELECT count(*) FROM problem_log").fetchone()[0] == logs


def test_an_export_imports_into_a_fresh_ledger_with_the_same_figures(tmp_path, ledger):
    ledger_import.run(ledger, write_sheet(tmp_path / "in.xlsx", sheet_rows(60, seed=5)))
    path = tmp_path / "out.xlsx"
    returns.export_ledger_sheet(ledger, path)
    with Ledger.open(tmp_path / "fresh.db") as fresh:
        settings.set_jurisdiction(fresh, "141000")
        outcome = ledger_import.run(fresh, path)
        assert outcome.added == 60 and not outcome.warnings
        assert fresh.conn.execute(COMPARED).fetchall() == ledger.conn.execute(COMPARED).fetchall()
        for as_of in ("2020-01-01", *(r[0] for r in ledger.conn.execute(
                "SELECT DISTINCT status_since FROM problem ORDER BY 1 LIMIT 12"))):
            assert statistics.breakdown(fresh, as_of).total == \
                statistics.breakdown(ledger, as_of).total


def _figures(ledger, as_of):
    import dataclasses

    report = statistics.breakdown(ledger, as_of)
    return dataclasses.asdict(report.total), [dataclasses.asdict(r) for r in report.by["region"]]


def test_reopened_and_settled_problems_round_trip_into_a_fresh_ledger(tmp_path, ledger):
    from core import problems

    def problem(n, deadline="2025-06-30"):
        return problems.add(ledger, {
            "number": f"临督〔2025〕{n}号", "source": "supervision_letter", "region_code": "141021",
            "category": "dust", "description": f"第{n}项：料场未封闭", "assigned_on": "2025-03-01",
            "deadline": deadline, "complaint_number": f"D3SX2025030100{n:02d}"}).ids[0]

    accept = {"accepted_by": "王建国", "accepted_unit": "曲沃县生态环境局", "opinion": "现场核查已整改到位"}
    walks = {
        1: [("in_progress", "2025-03-05"), ("reported_done", "2025-04-01"),
            ("closed", "2025-04-10")],
        2: [("in_progress", "2025-03-05"), ("reported_done", "2025-04-01"),
            ("closed", "2025-04-10"), ("reopened", "2025-05-20")],
        3: [("in_progress", "2025-03-05"), ("reported_done", "2025-04-01"),
            ("closed", "2025-04-12"), ("reopened", "2025-06-02"), ("in_progress", "2025-06-02")],
        4: [("in_progress", "2025-03-05"), ("stage_concluded", "2025-05-01")],
        5: [],
    }
    for n, steps in walks.items():
        row_id = problem(n, "长期坚持" if n == 5 else "2025-06-30")
        for target, day in steps:
            problems.transition(ledger, row_id, target, on=day,
                                acceptance=accept if target == "closed" else None)
    path = tmp_path / "台账.xlsx"
    returns.export_ledger_sheet(ledger, path)
    # no 销号日期 on a reopened row: its closure before is 原销号日期, beside 反弹日期
    sheet = load_workbook(path).active
    header = [c.value for c in sheet[3]]
    exported = {r[1]: dict(zip(header, r)) for r in sheet.iter_rows(min_row=4, values_only=True)
                if r[1] and str(r[1]).startswith("临督")}
    closures = {n: (exported[n]["销号日期"], exported[n]["原销号日期"], exported[n]["反弹日期"])
                for n in exported}
    day = lambda text: dt.datetime.fromisoformat(text)  # noqa: E731
    assert closures["临督〔2025〕1号"] == (day("2025-04-10"), None, None)
    assert closures["临督〔2025〕2号"] == (None, day("2025-04-10"), day("2025-05-20"))
    assert closures["临督〔2025〕3号"] == (None, day("2025-04-12"), day("2025-06-02"))
    with Ledger.open(tmp_path / "fresh.db") as fresh:
        settings.set_jurisdiction(fresh, "141000")
        outcome = ledger_import.run(fresh, path)
        assert outcome.added == 5 and not outcome.warnings
        assert fresh.conn.execute(COMPARED).fetchall() == ledger.conn.execute(COMPARED).fetchall()
        for as_of in ("2025-03-01", "2025-03-05", "2025-04-01", "2025-04-11", "2025-05-01",
                      "2025-05-20", "2025-06-02", "2025-07-01", "2026-12-01"):
            assert _figures(fresh, as_of) == _figures(ledger, as_of), as_of
        assert _figures(fresh, "2025-05-20")[0]["closed"] == 2  # 1 and 3; 2 reopened that day
        # every step and its day; the day work began is not in the export (the first
        # 整改中 is dated from the assignment), the day work began again after 反弹 is
        logs = ("SELECT p.number, l.status_to, CASE WHEN l.status_to = 'in_progress' AND "
                "l.status_from = 'assigned' THEN NULL ELSE l.happened_on END FROM problem_log l "
                "JOIN problem p ON p.id = l.problem_id ORDER BY p.number, l.seq")
        assert [tuple(r) for r in fresh.conn.execute(logs)] == \
            [tuple(r) for r in ledger.conn.execute(logs)]
        verified = "SELECT p.number, a.accepted_on, a.accepted_by FROM acceptance a JOIN problem p " \
                   "ON p.id = a.problem_id WHERE p.status = 'closed' ORDER BY 1"
        assert [tuple(r) for r in fresh.conn.execute(verified)] == \
            [tuple(r) for r in ledger.conn.execute(verified)] == [("临督〔2025〕1号", "2025-04-10", "王建国")]
        assert [r[0] for r in fresh.conn.execute(
            "SELECT complaint_number FROM problem ORDER BY number")] == [
            f"D3SX2025030100{n:02d}" for n in range(1, 6)]
