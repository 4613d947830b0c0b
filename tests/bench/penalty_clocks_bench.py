"""Penalty clocks on a big ledger: `python tests/bench/penalty_clocks_bench.py [problems]`.

Uses the dashboard bench's demo ledger (built once; 539 cases per 2,507 problems, so
250,000 problems give 53,749 cases). Times, side by side (medians of 5):
- baseline: the first version — every case not closed, every row of its stages, orders,
  rechecks, seizures and extensions read into Python and judged there;
- `clocks.running`: one SQL statement over the cases that can run a clock;
- `clocks.queue` (the manager's page), `clocks.counts` (the dashboard's two figures) and
  the dashboard's kept count after no penalty write.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.dashboard_bench import big_ledger  # noqa: E402
from tests.bench.harness import timed  # noqa: E402


def _every_case(ledger) -> list[dict]:
    """The first version's read: each table's rows for every case not closed."""
    cases = [dict(r) for r in ledger.conn.execute(
        "SELECT id, case_number, stage, opened_on, decided_on, fine_fen FROM penalty_case "
        "WHERE stage <> 'closed'")]
    for case in cases:
        case.update(stages={}, orders=[], rechecks=[], seizures=[], extensions=[])
    by_id = {c["id"]: c for c in cases}
    picked = "SELECT id FROM penalty_case WHERE stage <> 'closed'"
    for table, key, column in (("penalty_order", "orders", "served_on"),
                               ("penalty_recheck", "rechecks", "checked_on"),
                               ("penalty_seizure", "seizures", None),
                               ("penalty_extension", "extensions", None)):
        for row in ledger.conn.execute(f"SELECT * FROM {table} WHERE case_id IN ({picked}) "
                                       f"ORDER BY rowid"):
            by_id[row["case_id"]][key].append(row[column] if column else dict(row))
    for row in ledger.conn.execute(f"SELECT case_id, stage, happened_on FROM penalty_stage "
                                   f"WHERE case_id IN ({picked})"):
        by_id[row["case_id"]]["stages"][row["stage"]] = row["happened_on"]
    return cases


def _judged(case: dict, on: dt.date) -> list:
    from core.penalties import clocks, rules

    found = []

    def add(kind, started, due, amount=None):
        found.append(clocks.Clock(case["id"], case["case_number"], kind, started,
                                  due.isoformat(), (due - on).days, amount))
    if case["opened_on"] and not case["decided_on"]:
        due = max([rules.decision_due(case["opened_on"])]
                  + [rules.day(e["due_on"]) for e in case["extensions"]])
        add("decision", case["opened_on"], due)
    if case["orders"]:
        served = max(case["orders"])
        if not any(r >= served for r in case["rechecks"]):
            add("recheck", served, rules.after(served, rules.RECHECK_DAYS))
    for row in case["seizures"]:
        if not row["released_on"]:
            add("seizure", row["starts_on"], rules.day(row["extended_to"] or row["ends_on"]))
    served = case["stages"].get("served")
    if served and not {"paid", "enforced"} & case["stages"].keys():
        add("payment", served, rules.payment_due(served))
        if on > rules.payment_due(served) and case["fine_fen"]:
            add("surcharge", rules.payment_due(served).isoformat(),
                rules.surcharge_capped_on(served, case["fine_fen"]),
                rules.surcharge_fen(case["fine_fen"], rules.surcharge_days(served, on)))
    return found


def main(problems: int) -> None:
    from core import dashboard
    from core.ledger import Ledger
    from core.penalties import clocks
    from core.statistics import Filter

    ledger = Ledger.open(big_ledger(problems))
    cases = ledger.conn.execute("SELECT count(*) FROM penalty_case").fetchone()[0]
    today = dt.date.today()

    def baseline():
        return clocks._sorted([c for case in _every_case(ledger) for c in _judged(case, today)])

    base_s, base = timed(baseline, 5)
    run_s, found = timed(lambda: clocks.running(ledger, today), 5)
    assert found == base, "the statement must find the clocks the first version found"
    queue_s, _ = timed(lambda: clocks.queue(ledger, today), 5)
    counts_s, counted = timed(lambda: clocks.counts(ledger, today), 5)
    queued = clocks.queue(ledger, today)
    assert counted == {k: len(v) for k, v in queued.items()}
    dashboard.load(ledger)
    kept_s, _ = timed(lambda: dashboard.memo_of(ledger).get(
        ledger, ("penalty_clocks", today.isoformat(), Filter()), dashboard._CLOCK_TABLES,
        lambda: dashboard.penalty_clocks(ledger, today.isoformat(), Filter())), 5)
    print(f"{problems:,} problems, {cases:,} penalty cases, {len(found):,} running clocks")
    print(f"baseline (every row, judged in Python) {base_s * 1000:8.1f} ms")
    print(f"clocks.running (one statement)         {run_s * 1000:8.1f} ms  ({run_s / base_s:.2f}×)")
    print(f"clocks.queue                           {queue_s * 1000:8.1f} ms")
    print(f"clocks.counts (the dashboard's figures) {counts_s * 1000:8.1f} ms")
    print(f"dashboard count, kept                  {kept_s * 1000:8.1f} ms")
    ledger.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250_000)
