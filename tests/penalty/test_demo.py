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
