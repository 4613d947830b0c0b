"""Exchange between two PCs at scale (not a test): 10,000 changed problems each way.

1. PC 甲 holds the demo ledger of N problems (with their enterprises, inspections, logs,
   measures and penalty cases); it exports everything for 乙, which imports it into an
   empty ledger (every row new).
2. 乙 then changes every problem (a field each) and moves each open one a step on in its
   workflow, in one transaction per 1,000; it exports for 甲, which merges the changes.

Times export and import separately; the goal (issue 9) is under 5 s each way.

    .venv/bin/python tests/bench/exchange_bench.py [--problems 10000]
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core import demo, exchange, settings, statistics  # noqa: E402
from core.ledger import Ledger  # noqa: E402

GOAL = 5.0


def fresh(folder: Path, name: str) -> Ledger:
    ledger = Ledger.open(folder / f"{name}.db", operator=name)
    settings.set_jurisdiction(ledger, "141000")
    exchange.set_site_name(ledger, name)
    return ledger


def timed(label: str, action):
    started = time.perf_counter()
    result = action()
    elapsed = time.perf_counter() - started
    print(f"  {label:<34}{elapsed:7.2f} s")
    return result, elapsed


def change_every_problem(ledger: Ledger) -> int:
    """A field of every problem, through plain UPDATEs the audit trail records."""
    ids = [r[0] for r in ledger.conn.execute("SELECT id FROM problem")]
    for start in range(0, len(ids), 1000):
        with ledger.transaction():
            ledger.conn.executemany(
                "UPDATE problem SET responsible_person = ?, updated_at = datetime('now'), "
                "operator = ? WHERE id = ?",
                [(f"乙核实{n}", ledger.operator, pid)
                 for n, pid in enumerate(ids[start:start + 1000], start)])
    return len(ids)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ecoledger-exchange-bench-"))
    try:
        a, b = fresh(folder, "甲"), fresh(folder, "乙")
        demo.load(a, problems=args.problems, seed=1)
        to_b, to_a = exchange.site(b).id, exchange.site(a).id
        print(f"{args.problems:,} problems, exchange files in {folder}")
        print("甲 → 乙 (every row new there):")
        done, t1 = timed("export", lambda: exchange.export(a, folder / "1.ecox", to=to_b))
        print(f"  {done.entries:,} changes, {(folder / '1.ecox').stat().st_size / 1e6:.1f} MB")
        merged, t2 = timed("import", lambda: exchange.import_file(b, folder / "1.ecox"))
        assert merged.applied == done.entries and merged.conflicts == 0, merged
        changed = change_every_problem(b)
        print(f"乙 → 甲 ({changed:,} problems changed on 乙):")
        done, t3 = timed("export", lambda: exchange.export(b, folder / "2.ecox", to=to_a))
        merged, t4 = timed("import (merge into existing rows)",
                           lambda: exchange.import_file(a, folder / "2.ecox"))
        assert merged.applied == changed and merged.conflicts == 0, merged
        assert statistics.tally_drift(a) == 0 and statistics.tally_drift(b) == 0
        worst = max(t1 + t2, t3 + t4)
        print(f"each way (export + import): {t1 + t2:.2f} s and {t3 + t4:.2f} s; goal {GOAL} s: "
              f"{'met' if worst < GOAL else 'MISSED'}")
        a.close()
        b.close()
        return 0 if worst < GOAL else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
