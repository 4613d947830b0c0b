"""Benchmark of reads off the writer (not a test): paging, sorting by name, typing.

Side by side in one run on a ledger of --problems problems (default 1,000,000, built once
under /tmp and kept), medians of --repeat runs:
- a page of 200 rows in the middle of the problem list, by OFFSET (as the table model read
  every page before) against by key (the page after the one above it, as scrolling reads
  now), sorted by assignment date, by status (long ties) and by enterprise name;
- the first page sorted by enterprise name: ORDER BY e.name over the LEFT JOIN (before)
  against the walk of the enterprise name index (now);
- typing (and scrolling) while the dashboard of a past date loads: the time of one form
  check round trip (GUI thread → check on the writer → answer on the GUI thread), and of
  one table page, asked just after the dashboard load, with everything on the one worker
  (before) against the load and the page on the readers and the check on the writer (now).

    .venv/bin/python tests/bench/structure_bench.py [--problems 1000000] [--repeat 5]
        [--part all|paging|typing]
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
    """A form check, and a table page, asked while a past date's dashboard loads: before,
    everything on the one worker; now, the dashboard and the page on the readers."""
    from PySide6.QtCore import QCoreApplication

    from core import dashboard, problems, queries
    from core.queries import PROBLEMS, Query
    from gui.worker import Database

    app = QCoreApplication.instance() or QCoreApplication(sys.argv)
    database = Database(path, "bench")
    database.call(lambda ledger: None)
    raw = {"description": "废气收集设施未正常运行", "category": "air", "source": "inspection"}
    total = database.call(lambda ledger: queries.count(ledger, PROBLEMS, Query()))
    above = database.call(lambda ledger: queries.page_at(ledger, PROBLEMS, Query(),
                                                         total // 2 - PAGE, PAGE, total))

    def check(ledger):
        return problems.check(ledger, raw)

    def a_page(ledger):  # scrolling on from the page above, in the middle of the list
        return queries.page_after(ledger, PROBLEMS, Query(), above.last, PAGE, total)

    def round_trip(load, ask, fn, day: str) -> tuple[float, float]:
        loaded, answered = [], []
        started = time.perf_counter()
        load(lambda ledger: dashboard.load(ledger, day)).success(
            lambda _b: loaded.append(time.perf_counter())).run()
        time.sleep(0.05)  # the user types (or scrolls) a moment after the page began loading
        asked = time.perf_counter()
        ask(fn).success(lambda _r: answered.append(time.perf_counter())).run()
        while not (loaded and answered):
            app.processEvents()
            time.sleep(0.0005)
        return answered[0] - asked, loaded[0] - started

    results: dict[str, list[float]] = {}
    loads: list[float] = []
    day = dt.date(2026, 5, 1)
    for _ in range(repeat):
        for name, load, ask, fn in (
                ("check, before", database.op, database.op, check),
                ("check, now", database.read, database.op, check),
                ("page, before", database.op, database.op, a_page),
                ("page, now", database.read, database.read, a_page)):
            day += dt.timedelta(days=2)  # a new past date: nothing of it is kept yet
            answer, load_s = round_trip(load, ask, fn, day.isoformat())
            results.setdefault(name, []).append(answer)
            loads.append(load_s)
    database.close()
    print(f"past-date dashboard load: median {statistics.median(loads):.2f} s")
    for what in ("check", "page"):
        before = statistics.median(results[f"{what}, before"]) * 1000
        now = statistics.median(results[f"{what}, now"]) * 1000
        print(f"{'form check' if what == 'check' else 'table page'} round trip while it loads: "
              f"one worker (before) {before:.0f} ms, writer and readers (now) {now:.1f} ms")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--part", choices=("all", "paging", "typing"), default="all")
    args = parser.parse_args()
    path = demo_ledger(CACHE, args.problems)
    from core.ledger import Ledger
    if args.part in ("all", "paging"):
        ledger = Ledger.open(path, "bench")
        try:
            paging(ledger, args.repeat)
            sorting(ledger, args.repeat)
        finally:
            ledger.close()
    if args.part in ("all", "typing"):
        typing(path, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
