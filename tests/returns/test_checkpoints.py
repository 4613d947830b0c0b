"""The last days' figures stored by group (core.checkpoints) equal the recount from the logs,
follow every kind of write, roll with the calendar and are recounted by `check`."""
from __future__ import annotations

import datetime as dt

from acceptance_data import ACCEPTED

from core import checkpoints, integrity, intervals, problems, statistics
from core.cli import main
from core.statistics import Filter


def _day(n: int) -> str:
    return (dt.date.today() - dt.timedelta(days=n)).isoformat()


def _same_as_the_logs(ledger, days, filters=(Filter(),)):
    for flt in filters:
        for day in days:
            stored = statistics.breakdown(ledger, day, flt)
            slow = statistics.breakdown(ledger, day, flt, use_tally=False)
            assert stored.total == slow.total, (flt, day)
            for group in statistics.GROUPS:
                assert [p.as_dict() for p in stored.by[group]] == \
                    [p.as_dict() for p in slow.by[group]], (flt, day, group)


def test_the_last_days_are_stored_and_follow_back_dated_writes(demo_copy):
    ledger = demo_copy
    assert checkpoints.days(ledger.conn) == [_day(n) for n in range(checkpoints.WINDOW, 0, -1)]
    assert statistics.stored_checkpoint(ledger.conn, _day(30))
    assert not statistics.stored_checkpoint(ledger.conn, _day(checkpoints.WINDOW + 1))
    ids = [r[0] for r in ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' ORDER BY id LIMIT 5")]
    before = statistics.breakdown(ledger, _day(8)).total
    problems.transition(ledger, ids[0], "closed", on=_day(9), acceptance=ACCEPTED)
    problems.transition(ledger, ids[1], "closed", on=_day(3), acceptance=ACCEPTED)
    problems.transition(ledger, ids[1], "reopened", on=_day(1))
    problems.withdraw(ledger, ids[2], "重复交办", on=_day(5))
    problems.update(ledger, ids[3], {"region_code": "141021"})
    late = problems.add(ledger, {"source": "complaint", "region_code": "141021",
                                 "category": "noise", "description": "夜间施工噪声",
                                 "assigned_on": _day(20), "deadline": _day(2)})
    problems.transition(ledger, late.id, "in_progress", on=_day(15))
    after = statistics.breakdown(ledger, _day(8)).total
    # on day 8: one more closed (ids[0]), one more problem assigned (late), overdue by then
    assert (after.closed, after.assigned) == (before.closed + 1, before.assigned + 1)
    assert intervals.drift(ledger) == 0
    _same_as_the_logs(ledger, [_day(n) for n in (1, 2, 4, 6, 9, 15, 21, 30, 45, 62, 63, 90)],
                      (Filter(), Filter(region_code="141021"), Filter(category="dust"),
                       Filter(source="inspection")))


def test_a_new_day_is_counted_and_the_oldest_dropped(demo_copy):
    ledger = demo_copy
    today = dt.date.today()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert checkpoints.keep(ledger, tomorrow) == 1
    days = checkpoints.days(ledger.conn)
    assert days[-1] == today.isoformat() and days[0] == _day(checkpoints.WINDOW - 1)
    assert len(days) == checkpoints.WINDOW
    stored = ledger.conn.execute(
        "SELECT sum(assigned), sum(closed) FROM stored_day_figures WHERE day = ?",
        (today.isoformat(),)).fetchone()
    now = statistics.breakdown(ledger, today).total
    assert tuple(stored) == (now.assigned, now.closed)
    assert checkpoints.keep(ledger, tomorrow) == 0  # nothing to do twice
    assert intervals.drift(ledger) == 0


def test_check_reports_a_tampered_stored_day(demo_copy, capsys):
    ledger = demo_copy
    ledger.conn.execute("UPDATE stored_day_figures SET closed = closed + 1 WHERE day = ? "
                        "AND grp = (SELECT min(grp) FROM stored_day_figures WHERE day = ?)",
                        (_day(30), _day(30)))
    ledger.conn.commit()
    assert checkpoints.drift(ledger.conn) == 2  # as stored, and as recounted
    lines = [line for line in integrity.check(ledger) if "problem_state" in line]
    assert len(lines) == 1 and "2 项" in lines[0], lines
    assert main(["--db", str(ledger.path), "check"]) == 1


def test_a_bulk_import_keeps_the_stored_days(ledger, tmp_path):
    from core import ledger_import
    from ledger_import.workbooks import sheet_rows, write_sheet

    assert len(checkpoints.days(ledger.conn)) == checkpoints.WINDOW
    book = write_sheet(tmp_path / "in.xlsx", sheet_rows(3000, seed=7))
    ledger_import.run(ledger, book)
    assert ledger.conn.execute("SELECT sum(assigned) FROM stored_day_figures").fetchone()[0] > 0
    assert checkpoints.drift(ledger.conn) == 0
    triggers = {r[0] for r in ledger.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert set(checkpoints.TRIGGERS) <= triggers
    _same_as_the_logs(ledger, [_day(n) for n in (3, 20, 50)])


def test_imports_into_a_ledger_with_problems_keep_the_stored_days(demo_copy, tmp_path):
    """Not a fresh ledger: the import adds problems beside the demo's and a second one moves
    some of its own on (their states rebuilt), and every stored day still equals the logs."""
    from core import ledger_import
    from ledger_import.workbooks import sheet_rows, write_sheet

    ledger = demo_copy
    rows = sheet_rows(400, seed=11)
    assert ledger_import.run(ledger, write_sheet(tmp_path / "a.xlsx", rows)).added == 400
    moved = 0
    for row in rows:
        if row[14] in ("整改中", "已交办"):
            row[14], row[15] = "已完成", row[9] + dt.timedelta(days=5)
            moved += 1
    outcome = ledger_import.run(ledger, write_sheet(tmp_path / "b.xlsx", rows))
    assert moved > 100 and outcome.updated == moved
    assert checkpoints.drift(ledger.conn) == 0 and intervals.drift(ledger) == 0
    _same_as_the_logs(ledger, [_day(n) for n in (1, 4, 30, 61)])
