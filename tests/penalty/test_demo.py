"""The demo's cases stand in every stage, with clocks running and counts that agree."""
from __future__ import annotations

from core.penalties import clocks, daily_fines, stages


def test_demo_cases_in_every_stage_with_their_clocks(demo_ledger):
    found = {r[0] for r in demo_ledger.conn.execute("SELECT DISTINCT stage FROM penalty_case")}
    assert found == set(stages.STAGES)
    kinds = {c.clock for c in clocks.running(demo_ledger)}
    assert {"decision", "recheck", "payment", "seizure"} <= kinds
    undecided = demo_ledger.conn.execute(
        "SELECT count(*) FROM penalty_case WHERE decided_on IS NULL AND stage IN "
        "('opened', 'investigated', 'notified', 'heard')").fetchone()[0]
    assert undecided > 0
    # A demo daily fine is the count of its orders and rechecks, as the core counts it.
    for case_id, fine, amount in demo_ledger.conn.execute(
            "SELECT id, fine_fen, daily_fine_fen FROM penalty_case WHERE daily_fine = 1"):
        counted = daily_fines.count(demo_ledger, case_id, fine)
        assert counted.days > 0 and counted.total_fen == amount


def test_the_dashboard_counts_the_clocks_of_the_queue_and_follows_a_write(demo_ledger):
    from core import dashboard

    queue = clocks.queue(demo_ledger)
    board = dashboard.load(demo_ledger)
    assert board.penalty_clocks == {"overdue": len(queue["overdue"]),
                                    "this_week": len(queue["this_week"])}
    first = queue["overdue"][0] if queue["overdue"] else queue["this_week"][0]
    # Closing that case stops its clocks: the kept count follows at once.
    stages.record(demo_ledger, first.case_id, "closed", dates_today())
    after = dashboard.load(demo_ledger).penalty_clocks
    gone = sum(1 for c in queue["overdue"] + queue["this_week"] if c.case_id == first.case_id)
    assert sum(after.values()) == sum(board.penalty_clocks.values()) - gone


def dates_today() -> str:
    from core import dates
    return dates.today().isoformat()
