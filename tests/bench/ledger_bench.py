"""Benchmark of the core ledger (not a test): bulk insert and statistics at scale.

Side by side in one run on the same machine, medians of --repeat runs:
- `demo` insert (core.demo.write: the rows `ecoledger-cli demo` makes) against raw
  sqlite3 `executemany` of the very same rows in one transaction, both into a fresh
  file with the full schema and indexes;
- `stats` (core.statistics.breakdown, everything `ecoledger-cli stats` computes) at that
  size, as of today and as of a date in mid-campaign.

    .venv/bin/python tests/bench/ledger_bench.py [--problems 1000000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import statistics as stats_lib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from core import demo, regions, settings, statistics  # noqa: E402
from core.ledger import Ledger  # noqa: E402
from tests.bench.harness import timed  # noqa: E402


def fresh(folder: Path, name: str) -> Ledger:
    ledger = Ledger.open(folder / f"{name}.db", operator="bench")
    settings.set_jurisdiction(ledger, "141000")
    return ledger


def core_insert(folder: Path, data: demo.DemoData, run: int) -> float:
    ledger = fresh(folder, f"core{run}")
    started = time.perf_counter()
    demo.write(ledger, data)
    seconds = time.perf_counter() - started
    ledger.close()
    return seconds


def raw_insert(folder: Path, data: demo.DemoData, run: int) -> float:
    fresh(folder, f"raw{run}").close()
    conn = sqlite3.connect(folder / f"raw{run}.db", isolation_level=None)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    started = time.perf_counter()
    conn.execute("BEGIN")
    for table, (columns, rows) in data.tables.items():
        marks = ",".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({','.join(columns)}) VALUES ({marks})", rows)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder_name:
        folder = Path(folder_name)
        probe = fresh(folder, "probe")
        counties = regions.counties_of(probe, "141000")
        probe.close()
        started = time.perf_counter()
        data = demo.generate(counties, args.problems, seed=1, operator="bench")
        generated = time.perf_counter() - started
        rows = sum(len(r) for _, r in data.tables.values())
        print(f"generated {args.problems:,} problems, {rows:,} rows in all, in {generated:.1f} s")
        core_runs, raw_runs = [], []
        for run in range(args.repeat):  # alternate, so drift hits both alike
            raw_runs.append(raw_insert(folder, data, run))
            core_runs.append(core_insert(folder, data, run))
            for name in (f"raw{run}", *([f"core{run - 1}"] if run else [])):
                for suffix in ("", "-wal", "-shm"):
                    (folder / f"{name}.db{suffix}").unlink(missing_ok=True)
        core_s, raw_s = stats_lib.median(core_runs), stats_lib.median(raw_runs)
        print(f"insert  demo (core.demo.write) median {core_s:6.2f} s | raw executemany "
              f"median {raw_s:6.2f} s | ratio {core_s / raw_s:.2f} (target <= 1.30)")
        ledger = Ledger.open(folder / f"core{args.repeat - 1}.db")
        today = dt.date.today()
        mid = today - dt.timedelta(days=40)
        for label, as_of in (("today", today), ("40 days ago", mid)):
            statistics.breakdown(ledger, as_of)  # warm the page cache
            seconds, _ = timed(lambda: statistics.breakdown(ledger, as_of), 5)
            print(f"stats   as of {label:<12} median {seconds * 1000:6.0f} ms (target < 300 ms)")
        ledger.close()


if __name__ == "__main__":
    main()
