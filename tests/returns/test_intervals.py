"""Past-date figures from the state intervals equal the recount from the logs."""
from __future__ import annotations

import datetime as dt

from acceptance_data import ACCEPTED

from core import intervals, problems, statistics
from core.statistics import Filter


def _compare(ledger, days, filters):
    for flt in filters:
        for day in days:
            fast = statistics.breakdown(ledger, day, flt)
            slow = statistics.breakdown(ledger, day, flt, use_tally=False)
            assert fast.total == slow.total, (flt, day)
            for group in statistics.GROUPS:
                assert [p.as_dict() for p in fast.by[group]] == \
                    [p.as_dict() for p in slow.by[group]], (flt, day, group)


def test_intervals_agree_with_the_logs_over_many_dates_and_filters(demo_copy):
    ledger = demo_copy
    today = dt.date.today()
    ids = [r[0] for r in ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' ORDER BY id LIMIT 8")]
    # back-dated closes, a reopening, a withdrawal, a move between counties, an extension
    problems.transition(ledger, ids[0], "closed", on=today - dt.timedelta(days=9), acceptance=ACCEPTED)
    problems.transition(ledger, ids[1], "closed", on=today - dt.timedelta(days=3), acceptance=ACCEPTED)
    problems.transition(ledger, ids[1], "reopened", on=today - dt.timedelta(days=1))
    problems.withdraw(ledger, ids[2], "重复交办", on=today - dt.timedelta(days=5))
    problems.update(ledger, ids[3], {"region_code": "141021"})
    deadline = ledger.conn.execute("SELECT deadline_in_force FROM problem WHERE id = ?",
                                   (ids[4],)).fetchone()[0]
    later = (dt.date.fromisoformat(deadline) + dt.timedelta(days=40)).isoformat()
    extension = problems.request_extension(ledger, ids[4], later, "设备到货延迟",
                                           on=today - dt.timedelta(days=12))
    problems.approve_extension(ledger, extension.ids[0], on=today - dt.timedelta(days=8))
    assert intervals.drift(ledger) == 0
    campaign_id, batch_id = ledger.conn.execute(
        "SELECT campaign_id, id FROM batch ORDER BY issued_on LIMIT 1").fetchone()
    days = [today - dt.timedelta(days=back) for back in (1, 2, 4, 6, 9, 15, 30, 45, 70, 120, 800)]
    _compare(ledger, days, (Filter(), Filter(region_code="141021"), Filter(batch_id=batch_id),
                            Filter(campaign_id=campaign_id, source="inspection"),
                            Filter(category="dust")))


def test_intervals_follow_plain_sql(demo_copy):
    conn = demo_copy.conn
    conn.execute("UPDATE problem SET category = 'noise' WHERE rowid % 5 = 0")
    conn.execute("DELETE FROM problem_log WHERE rowid % 17 = 0 AND status_from IS NOT NULL")
    # a problem a penalty case refers to cannot be deleted (the key refuses it): leave those
    conn.execute("DELETE FROM problem WHERE rowid % 19 = 0 "
                 "AND id NOT IN (SELECT problem_id FROM penalty_case WHERE problem_id IS NOT NULL) "
                 "AND id NOT IN (SELECT problem_id FROM penalty_problem)")
    assert intervals.drift(demo_copy) == 0
    today = dt.date.today()
    _compare(demo_copy, [today - dt.timedelta(days=b) for b in (3, 20, 60)], (Filter(),))


def test_state_on_a_day(demo_copy):
    ledger = demo_copy
    today = dt.date.today()
    pid = ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'in_progress' ORDER BY id LIMIT 1").fetchone()[0]
    problems.transition(ledger, pid, "reported_done", on=today - dt.timedelta(days=4))
    problems.transition(ledger, pid, "closed", on=today - dt.timedelta(days=2), acceptance=ACCEPTED)
    assert intervals.state_on(ledger, pid, (today - dt.timedelta(days=3)).isoformat())[0] \
        == "reported_done"
    assert intervals.state_on(ledger, pid, today.isoformat())[0] == "closed"


def test_a_bulk_import_rebuilds_the_intervals_of_what_it_loaded(ledger, tmp_path):
    import sys
    from pathlib import Path

    from core import ledger_import
    sys.path.insert(0, str(Path(__file__).parents[1] / "ledger_import"))
    from workbooks import sheet_rows, write_sheet

    book = write_sheet(tmp_path / "in.xlsx", sheet_rows(6000, seed=4))
    ledger_import.run(ledger, book)
    assert ledger.conn.execute("SELECT count(*) FROM problem_state").fetchone()[0] >= 6000
    assert intervals.drift(ledger) == 0
    triggers = {r[0] for r in ledger.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'problem_state_%'")}
    assert {"problem_state_insert", "problem_state_log_insert",
            "problem_state_extension_insert"} <= triggers
    today = dt.date.today()
    _compare(ledger, [today - dt.timedelta(days=b) for b in (5, 40, 200)], (Filter(),))


def test_an_import_stores_the_intervals_it_computed_and_rebuilds_those_it_changed(
        ledger, tmp_path, monkeypatch):
    """New problems get the intervals the import computed from its own rows (no rebuild
    from the logs); problems a later sheet moves on are rebuilt from their logs. Both
    agree with the logs on past dates."""
    from core import ledger_import
    from ledger_import.workbooks import sheet_rows, write_sheet

    rebuilt: list[set] = []
    rebuild = intervals.Paused._rebuild
    monkeypatch.setattr(intervals.Paused, "_rebuild",
                        lambda self, ids: (rebuilt.append(set(ids)), rebuild(self, ids)))
    today = dt.date.today()
    rows = sheet_rows(400, seed=9, today=today)
    ledger_import.run(ledger, write_sheet(tmp_path / "first.xlsx", rows))
    assert rebuilt == []
    assert intervals.drift(ledger) == 0
    open_rows = [row for row in rows if row[14] in ("整改中", "已交办")]
    for row in open_rows:  # the next sheet reports them done ten days ago
        row[14], row[15] = "已完成", today - dt.timedelta(days=10)
    ledger_import.run(ledger, write_sheet(tmp_path / "second.xlsx", rows))
    assert len(rebuilt) == 1 and len(rebuilt[0]) == len(open_rows) > 50
    assert intervals.drift(ledger) == 0
    assert ledger.conn.execute("SELECT count(*) FROM problem WHERE status = 'reported_done'"
                               ).fetchone()[0] >= len(open_rows)
    _compare(ledger, [today - dt.timedelta(days=b) for b in (3, 15, 100)], (Filter(),))


def test_stage_concluded_and_deadline_kinds_in_the_past_agree_with_the_logs(demo_copy):
    """阶段性办结 and deadlines without a date (长期坚持, a vague text) keep their buckets
    on past days: the intervals carry the kind word the tally keys them by."""
    ledger = demo_copy
    today = dt.date.today()
    day = lambda n: (today - dt.timedelta(days=n)).isoformat()  # noqa: E731
    made = [problems.add(ledger, {
        "source": "central_inspection", "region_code": "141021", "category": "dust",
        "description": f"时限{n}", "assigned_on": day(30), "deadline": deadline}).id
        for n, deadline in enumerate(("长期坚持", "采暖期前", "长期坚持", day(12)))]
    problems.transition(ledger, made[0], "in_progress", on=day(20))
    problems.transition(ledger, made[0], "stage_concluded", on=day(10))
    problems.transition(ledger, made[1], "in_progress", on=day(15))
    for step, n in (("in_progress", 25), ("reported_done", 8), ("closed", 4)):
        problems.transition(ledger, made[2], step, on=day(n),
                            acceptance=ACCEPTED if step == "closed" else None)
    problems.transition(ledger, made[3], "in_progress", on=day(11))
    problems.transition(ledger, made[3], "stage_concluded", on=day(6))
    assert intervals.drift(ledger) == 0
    assert intervals.state_on(ledger, made[0], day(5)) == ("stage_concluded", "ongoing")
    assert intervals.state_on(ledger, made[1], day(5))[1] == "vague"
    _compare(ledger, [day(n) for n in (31, 29, 21, 14, 9, 7, 5, 3, 1)],
             [Filter(), Filter(region_code="141021"), Filter(category="dust")])
    on = statistics.breakdown(ledger, day(5)).total
    assert on.stage_concluded >= 2 and on.ongoing >= 1 and on.undated >= 1


def test_both_ways_of_reading_the_current_states_agree_with_the_logs(demo_copy, monkeypatch):
    """A large ledger reads the current states begun after the day in the order of their
    group (problem_state_open), a small one by key range and a sort: the same figures,
    narrowed to a filter's groups or not."""
    ledger = demo_copy
    today = dt.date.today()
    pid = ledger.conn.execute(
        "SELECT id FROM problem WHERE status = 'reported_done' ORDER BY id LIMIT 1").fetchone()[0]
    problems.transition(ledger, pid, "closed", on=today - dt.timedelta(days=6),
                        acceptance=ACCEPTED)
    days = [today - dt.timedelta(days=back) for back in (2, 6, 20, 90)]
    campaign_id = ledger.conn.execute("SELECT campaign_id FROM batch LIMIT 1").fetchone()[0]
    filters = (Filter(), Filter(campaign_id=campaign_id), Filter(region_code="141021"),
               Filter(source="inspection"))
    assert statistics._open_index(ledger, days[-1].isoformat()) == "NOT INDEXED"
    _compare(ledger, days, filters)
    monkeypatch.setattr(statistics, "OPEN_INDEX_FROM", 1)
    assert statistics._open_index(ledger, days[-1].isoformat()) == \
        "INDEXED BY problem_state_open"
    _compare(ledger, days, filters)
    # the demo's campaigns: a filter by one narrows the scans, or covers every group
    covered = statistics._every_group(ledger, *Filter(campaign_id=campaign_id).where())
    assert covered == (ledger.conn.execute(
        "SELECT count(DISTINCT campaign_id) FROM problem_group").fetchone()[0] == 1)
