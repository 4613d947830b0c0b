"""Benchmark of reads off the writer (not a test): paging, sorting by name, typing.

Side by side in one run on a ledger of --problems problems (default 1,000,000, built once
under /tmp and kept), medians of --repeat runs:
- a page of 200 rows in the middle of the problem list, by OFFSET (as the table model read
  every page before) against by key (the page after the one above it, as scrolling reads
  now), sorted by assignment date, by status (long ties) and by enterprise name;
- the first page sorted by enterprise name: ORDER BY e.name over the LEFT JOIN (before)
  against the walk of the enterprise name index (now);
- typing while the dashboard of a past date loads: the time of one form check round trip
  (GUI thread → check on the writer → answer on the GUI thread) submitted just after the
  dashboard load, with the load on the same thread as the writes (before) and on the
  reader (now).

    .venv/bin/python tests/bench/structure_bench.py [--problems 1000000] [--repeat 5]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.bench.gui_bench import demo_ledger  # noqa: E402
from tests.bench.harness import timed  # noqa: E402

PAGE = 200
CACHE = Path("/tmp/ecoledger-structure-bench")


def paging(ledger, repeat: int) -> None:
    from core import queries
    from core.queries import PROBLEMS, Query
    print(f"page of {PAGE} in the middle   by OFFSET     by key")
    for sort in ("assigned_on", "status", "enterprise"):
        query = Query(sort=sort, descending=sort == "assigned_on")
        total = queries.count(ledger, PROBLEMS, query)
        middle = total // 2 - PAGE  # just before the middle: OFFSET's worst, read forwards
        above = queries.page_at(ledger, PROBLEMS, query, middle - PAGE, PAGE, total)
        offset_s, wanted = timed(lambda: queries.page_at(ledger, PROBLEMS, query, middle, PAGE,
                                                         total), repeat)
        key_s, got = timed(lambda: queries.page_after(ledger, PROBLEMS, query, above.last, PAGE,
                                                      total), repeat)
        assert got.rows == wanted.rows, sort
        print(f"  sorted by {sort:<14} {offset_s * 1000:8.1f} ms {key_s * 1000:8.2f} ms")


def sorting(ledger, repeat: int) -> None:
    from core import queries
    from core.queries import PROBLEMS, Query
    columns = ", ".join(c.sql for c in PROBLEMS.columns)
    old = (f"SELECT x.id, {columns} FROM {PROBLEMS.source} ORDER BY e.name, x.rowid "
           f"LIMIT {PAGE}")
    total = queries.count(ledger, PROBLEMS, Query())
    for descending in (False, True):
        direction = " DESC" if descending else ""
        sql = old.replace("e.name, x.rowid", f"e.name{direction}, x.rowid{direction}")
        before_s, _ = timed(lambda: ledger.conn.execute(sql, {"today": "2026-12-01"}).fetchall(),
                            repeat)
        query = Query(sort="enterprise", descending=descending)
        now_s, _ = timed(lambda: queries.page_at(ledger, PROBLEMS, query, 0, PAGE, total),
                         repeat)
        print(f"first page by enterprise name{direction or ' ASC'}: ORDER BY e.name "
              f"{before_s * 1000:.0f} ms, index walk {now_s * 1000:.2f} ms")


def typing(path: Path, repeat: int) -> None:
    """One form check while a past-date dashboard loads, the load on the writer or reader."""
    from PySide6.QtCore import QCoreApplication

    from core import dashboard, problems
    from gui.worker import Database

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    database = Database(path, "bench")
    database.call(lambda ledger: None)
    raw = {"description": "废气收集设施未正常运行", "category": "air", "source": "inspection"}
    results: dict[str, list[float]] = {"writer": [], "reader": []}
    loads: list[float] = []
    day = dt.date(2026, 6, 1)
    for run in range(repeat):
        for lane in ("writer", "reader"):
            day += dt.timedelta(days=3)  # a new past date: nothing of it is kept yet
            asked = day.isoformat()
            loaded, answered = [], []
            started = time.perf_counter()
            load = database.op if lane == "writer" else database.read
            load(lambda ledger, d=asked: dashboard.load(ledger, d)).success(
                lambda _b: loaded.append(time.perf_counter())).run()
            time.sleep(0.05)  # the user types a moment after the page began loading
            typed = time.perf_counter()
            database.op(lambda ledger: problems.check(ledger, raw)).success(
                lambda _f: answered.append(time.perf_counter())).run()
            while not (loaded and answered):
                app.processEvents()
                time.sleep(0.0005)
            results[lane].append(answered[0] - typed)
            loads.append(loaded[0] - started)
    database.close()
    print(f"past-date dashboard load: median {statistics.median(loads):.2f} s")
    print(f"form check round trip while it loads: load on the writer (before) "
          f"{statistics.median(results['writer']) * 1000:.0f} ms, on the reader (now) "
          f"{statistics.median(results['reader']) * 1000:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    path = demo_ledger(CACHE, args.problems)
    from core.ledger import Ledger
    ledger = Ledger.open(path, "bench")
    try:
        paging(ledger, args.repeat)
        sorting(ledger, args.repeat)
    finally:
        ledger.close()
    typing(path, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
