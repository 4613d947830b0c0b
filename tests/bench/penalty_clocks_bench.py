"""Penalty clocks on a big ledger: `python tests/bench/penalty_clocks_bench.py [problems]`.

Uses the dashboard bench's demo ledger (built once; 539 cases per 2,507 problems, so
250,000 problems give 53,748 cases). Times, side by side (medians of 5):
- baseline: the clocks of every case not closed (the facts of each read and judged);
- `clocks.running`: the same clocks, the cases that cannot run one left out in SQL;
- `clocks.queue` (the manager's page) and the dashboard's kept count after no write.
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


def main(problems: int) -> None:
    from core import dashboard
    from core.ledger import Ledger
    from core.penalties import clocks
    from core.statistics import Filter

    ledger = Ledger.open(big_ledger(problems))
    cases = ledger.conn.execute("SELECT count(*) FROM penalty_case").fetchone()[0]
    today = dt.date.today()

    def baseline():
        return sorted((c for f in clocks._facts(ledger, "WHERE c.stage <> 'closed'", ())
                       for c in clocks.case_clocks(f, today)),
                      key=lambda c: (c.days_left, c.case_number, clocks.CLOCKS.index(c.clock)))

    base_s, base = timed(baseline, 5)
    run_s, found = timed(lambda: clocks.running(ledger, today), 5)
    assert found == base, "the prefilter must not lose a clock"
    queue_s, _ = timed(lambda: clocks.queue(ledger, today), 5)
    dashboard.load(ledger)
    kept_s, _ = timed(lambda: dashboard.memo_of(ledger).get(
        ledger, ("penalty_clocks", today.isoformat(), Filter()), dashboard._CLOCK_TABLES,
        lambda: dashboard.penalty_clocks(ledger, today.isoformat(), Filter())), 5)
    print(f"{problems:,} problems, {cases:,} penalty cases, {len(found):,} running clocks")
    print(f"baseline (every case not closed)   {base_s * 1000:8.1f} ms")
    print(f"clocks.running (prefiltered)       {run_s * 1000:8.1f} ms  ({run_s / base_s:.2f}×)")
    print(f"clocks.queue                       {queue_s * 1000:8.1f} ms")
    print(f"dashboard count, kept              {kept_s * 1000:8.1f} ms")
    ledger.close()


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250_000)
