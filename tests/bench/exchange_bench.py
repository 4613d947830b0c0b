"""Exchange between two PCs at scale (not a test): 10,000 changed problems each way.

0. PC 甲 holds the demo ledger of N problems (with their enterprises, inspections, logs,
   measures and penalty cases); 乙 starts empty and receives all of it (timed, for
   information: every row is new there).
1. 甲 changes every problem (a field each, as clerks' updates, one transaction per 1,000)
   and sends them to 乙.
2. 乙 changes every problem (another field) and sends them back to 甲, which merges them
   into rows it changed itself (field by field, no conflict).

Times export and import separately; the goal (issue 9) is under 5 s each way for steps
1 and 2.

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


def change_every_problem(ledger: Ledger, column: str, word: str) -> int:
    """A field of every problem, through plain UPDATEs the audit trail records."""
    ids = [r[0] for r in ledger.conn.execute("SELECT id FROM problem")]
    for start in range(0, len(ids), 1000):
        with ledger.transaction():
            ledger.conn.executemany(
                f"UPDATE problem SET {column} = ?, updated_at = datetime('now'), "
                "operator = ? WHERE id = ?",
                [(f"{word}{n}", ledger.operator, pid)
                 for n, pid in enumerate(ids[start:start + 1000], start)])
    return len(ids)


def one_way(source: Ledger, target: Ledger, path: Path, expect_applied: int | None):
    done, t_out = timed("export", lambda: exchange.export(
        source, path, to=exchange.site(target).id))
    print(f"  {done.entries:,} changes, {path.stat().st_size / 1e6:.1f} MB")
    merged, t_in = timed("import", lambda: exchange.import_file(target, path, confirm=True))
    assert merged.conflicts == 0, merged
    assert expect_applied is None or merged.applied == expect_applied, merged
    return t_out + t_in


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="ecoledger-exchange-bench-"))
    try:
        a, b = fresh(folder, "甲"), fresh(folder, "乙")
        demo.load(a, problems=args.problems, seed=1)
        print(f"{args.problems:,} problems; exchange files in {folder}")
        print("0. 甲 → 乙, the whole ledger (every row new there):")
        initial = one_way(a, b, folder / "0.ecox", None)
        changed = change_every_problem(a, "responsible_unit", "甲核实单位")
        print(f"1. 甲 → 乙, {changed:,} problems changed on 甲:")
        forth = one_way(a, b, folder / "1.ecox", changed)
        change_every_problem(b, "responsible_person", "乙核实人")
        change_every_problem(a, "description", "甲补充描述")  # 甲 goes on working meanwhile
        print(f"2. 乙 → 甲, {changed:,} problems changed on 乙, merged into rows 甲 changed too:")
        back = one_way(b, a, folder / "2.ecox", changed)
        assert statistics.tally_drift(a) == 0 and statistics.tally_drift(b) == 0
        worst = max(forth, back)
        print(f"whole ledger {initial:.2f} s; each way (export + import): {forth:.2f} s and "
              f"{back:.2f} s; goal {GOAL} s: {'met' if worst < GOAL else 'MISSED'}")
        a.close()
        b.close()
        return 0 if worst < GOAL else 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
