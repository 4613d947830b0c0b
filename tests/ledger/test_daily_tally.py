"""The progress-over-time series from the daily tally equals the one counted from the
problems and their status logs, whatever writes came before."""
from __future__ import annotations

import datetime as dt

from core import daily_tally, dates, problems, statistics
from core.migrations import execute_script, m0007_daily
from core.statistics import Filter
from acceptance_data import ACCEPTED


def series_both_ways(ledger, flt=Filter(), days=120):
    today = dates.today()
    start = today - dt.timedelta(days=days)
    end = today + dt.timedelta(days=3)
    fast = statistics.cumulative(ledger, start, end, flt)
    slow = statistics.cumulative(ledger, start, end, flt, use_tally=False)
    return fast, slow


def filters(ledger):
    batch_id, campaign_id = ledger.conn.execute(
        "SELECT id, campaign_id FROM batch ORDER BY issued_on LIMIT 1").fetchone()
    county = ledger.conn.execute(
        "SELECT region_code FROM problem GROUP BY 1 ORDER BY count(*) DESC").fetchone()[0]
    return [Filter(), Filter(region_code=county), Filter(batch_id=batch_id),
            Filter(campaign_id=campaign_id), Filter(region_code="141000", batch_id=batch_id)]


def ids(ledger, status, count=3):
    return [row[0] for row in ledger.conn.execute(
        "SELECT id FROM problem WHERE status = ? AND withdrawn_on IS NULL ORDER BY id LIMIT ?",
        (status, count))]


def test_demo_series_from_the_tally_equals_the_logs_for_every_filter(demo_ledger):
    for flt in filters(demo_ledger):
        fast, slow = series_both_ways(demo_ledger, flt)
        assert fast == slow, flt
        # (the series runs on past today; figures as of a day to come are refused)
        today = next(row for row in fast if row[0] == dates.today().isoformat())
        assert today[1] == statistics.breakdown(demo_ledger, today[0], flt).total.assigned
    assert statistics.tally_drift(demo_ledger) == 0


def test_workflow_writes_move_the_series_on_the_days_they_happen(demo_ledger):
    ledger = demo_ledger
    today = dates.today().isoformat()
    before = dict((d, (a, c)) for d, a, c in statistics.cumulative(ledger, today, today))[today]
    done = ids(ledger, "reported_done", 2)
    for problem_id in done:
        problems.transition(ledger, problem_id, "closed", acceptance=ACCEPTED)
    closed = ids(ledger, "closed", 2)
    problems.transition(ledger, closed[0], "reopened", acceptance=ACCEPTED)
    problems.withdraw(ledger, closed[1], "重复交办")
    problems.withdraw(ledger, ids(ledger, "in_progress", 1)[0], "误录")
    after = statistics.cumulative(ledger, today, today)[0]
    # two closed, one reopened and one closed problem withdrawn: closed +2 −1 −1;
    # two withdrawn: assigned −2
    assert after[1:] == (before[0] - 2, before[1] + 2 - 1 - 1)
    for flt in filters(ledger):
        fast, slow = series_both_ways(ledger, flt)
        assert fast == slow, flt
    assert statistics.tally_drift(ledger) == 0


def test_moving_redating_and_deleting_problems_keep_the_tally_exact(demo_ledger):
    conn = demo_ledger.conn
    other_batch = conn.execute("SELECT id FROM batch ORDER BY issued_on DESC LIMIT 1").fetchone()[0]
    conn.execute("UPDATE problem SET region_code = '141021' WHERE rowid % 7 = 0")
    conn.execute("UPDATE problem SET batch_id = ? WHERE rowid % 9 = 0", (other_batch,))
    conn.execute("UPDATE problem SET assigned_on = date(assigned_on, '-3 days') WHERE rowid % 5 = 0")
    conn.execute("UPDATE problem SET withdrawn_on = date(status_since, '+1 day') "
                 "WHERE rowid % 17 = 0 AND status = 'closed'")
    conn.execute("UPDATE problem_log SET happened_on = date(happened_on, '+2 days') "
                 "WHERE rowid % 6 = 0 AND status_to = 'closed'")
    conn.execute("DELETE FROM penalty_case WHERE id IN (SELECT case_id FROM penalty_problem "
                 "WHERE problem_id IN (SELECT id FROM problem WHERE rowid % 13 = 0))")
    conn.execute("DELETE FROM problem WHERE rowid % 13 = 0")
    conn.execute("DELETE FROM problem_log WHERE rowid % 29 = 0 AND status_from = 'closed'")
    assert daily_tally.drift(conn) == 0
    for flt in filters(demo_ledger):
        fast, slow = series_both_ways(demo_ledger, flt, days=400)
        assert fast == slow, flt


def test_a_category_filter_reads_the_logs_and_agrees_with_the_figures(demo_ledger):
    today = dates.today()
    series = statistics.cumulative(demo_ledger, today - dt.timedelta(days=30), today,
                                   Filter(category="dust"))
    figures = statistics.breakdown(demo_ledger, today, Filter(category="dust")).total
    assert series[-1][1:] == (figures.assigned, figures.closed)


def test_the_migration_fills_the_tally_from_a_ledger_made_before_it(demo_ledger):
    conn = demo_ledger.conn
    kept = conn.execute("SELECT * FROM progress_daily WHERE assigned OR closed ORDER BY 1, 2, 3, 4").fetchall()
    for name in daily_tally.TRIGGERS:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("DROP TABLE progress_daily")
    execute_script(conn, m0007_daily.SQL)  # the frozen migration
    assert conn.execute("SELECT * FROM progress_daily WHERE assigned OR closed "
                        "ORDER BY 1, 2, 3, 4").fetchall() == kept
    assert len(kept) > 50


def test_check_reports_a_tally_that_disagrees_with_the_ledger(demo_ledger):
    from core import integrity

    assert integrity.check(demo_ledger) == []
    demo_ledger.conn.execute("UPDATE progress_daily SET closed = closed + 1 WHERE day = "
                             "(SELECT max(day) FROM progress_daily)")
    findings = integrity.check(demo_ledger)
    assert any("统计汇总表" in line and "不一致" in line for line in findings), findings
