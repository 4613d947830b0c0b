"""Past-date figures at 1,000,000 problems: today's query against the earlier ones (kept
here as baselines), side by side in one process, medians.

    .venv/bin/python tests/bench/intervals_bench.py [--problems 1000000] [--repeat 3]
        [--against intervals,logs] [--ledger FILE] [--days 1,7,30,40]

"Now" reads a day of the last 62 from its stored figures (core/checkpoints.py), filled
when the ledger opens for writing. Baselines, read from the intervals without them:
"intervals", the first query over the state intervals (each term grouped by (group,
status, deadline) and every row then summed by the five text keys); "parts", today's
query over the intervals (each part summed on its own, core.statistics._PAST); "logs",
the log-reading tally the statistics used before the intervals (slow: seconds a date).

The demo ledger is built once (lean: no audit or search triggers, minutes on 2 cores) and
kept under /tmp/ecoledger-returns-bench; a copy is migrated (the intervals filled) once too.
`--ledger` times another copy instead (a ledger of an older schema is migrated in place,
after the backup copy every migration makes beside it).
"""
from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "bench"))

from harness import built_once, timed  # noqa: E402

CACHE = Path("/tmp/ecoledger-returns-bench")

# core.statistics._PAST before the intervals: the changed problems' state on D from the logs.
BASELINE = """
WITH changed AS MATERIALIZED (
  SELECT region_code, coalesce(batch_id, '') AS batch_id, category,
    coalesce(campaign_id, '') AS campaign_id, source, status,
    CASE status WHEN 'closed' THEN '' ELSE deadline_in_force END AS deadline,
    withdrawn_on IS NULL AS current,
    assigned_on <= :d AND (withdrawn_on IS NULL OR withdrawn_on > :d) AS counted,
    {STATUS_ON} AS st_then,
    {DEADLINE_ON} AS dl_then
  FROM problem p
  WHERE {SETTLED_ON} > :d {{where}})
"""


# core.statistics._PAST with the intervals' first query (before the sums per part).
_TERM = """SELECT g.region_code, g.batch_id, g.category, g.campaign_id, g.source,
    s.st, s.dl, {sign} s.n FROM (
      SELECT grp, status AS st, CASE status WHEN 'closed' THEN '' ELSE deadline END AS dl,
        count(*) AS n FROM problem_state WHERE {range} GROUP BY 1, 2, 3) s
    JOIN problem_group g ON g.id = s.grp WHERE 1 {{where}}"""
_FIRST_INTERVAL_ROWS = f"""SELECT region_code, batch_id, category, campaign_id, source,
    status AS st, deadline AS dl, n FROM progress_tally WHERE n != 0 {{where}}
  UNION ALL
  {_TERM.format(sign="-", range="valid_to = '9999-12-31' AND valid_from > :d")}
  UNION ALL
  {_TERM.format(sign="", range="valid_to > :d AND valid_to < '9999-12-31' AND valid_from <= :d")}"""


def first_intervals_sql() -> str:
    from core import statistics as s
    return s._WEIGHTED_SUMS.replace("{rows}", _FIRST_INTERVAL_ROWS)


def baseline_sql() -> str:
    from core import statistics as s
    head = BASELINE.format(STATUS_ON=s.STATUS_ON, DEADLINE_ON=s.DEADLINE_ON,
                           SETTLED_ON=s._SETTLED_ON)
    return head + s._WEIGHTED_SUMS.replace("{rows}", s._TALLY_ROWS + """
  UNION ALL
  SELECT region_code, batch_id, category, campaign_id, source, status, deadline, -1
    FROM changed WHERE current
  UNION ALL
  SELECT region_code, batch_id, category, campaign_id, source, st_then, dl_then, 1
    FROM changed WHERE counted""")


def timed_cpu(fn, repeat: int) -> tuple[float, object]:
    """The median CPU seconds of `repeat` calls: steadier than wall time on a shared machine."""
    import statistics as stats
    runs, result = [], None
    for _ in range(repeat):
        started = time.process_time()
        result = fn()
        runs.append(time.process_time() - started)
    return stats.median(runs), result


def ledger_file(problems: int) -> Path:
    def fill(partial: Path) -> None:
        sys.path.insert(0, str(ROOT / "tests" / "bench"))
        import returns_bench
        returns_bench.make_ledger(partial, problems, lean=True)
    base = built_once(CACHE / f"base-{problems}.db", problems, fill)
    migrated = CACHE / f"intervals-{problems}.db"
    if not migrated.exists():
        partial = migrated.with_suffix(".partial")
        shutil.copyfile(base, partial)
        from core.ledger import Ledger
        started = time.perf_counter()
        Ledger.open(partial, operator="bench").close()
        print(f"  migration (intervals filled) {time.perf_counter() - started:.0f} s", flush=True)
        partial.rename(migrated)
    return migrated


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", default="intervals,parts",
                        help="baselines, comma-separated: intervals, parts, logs")
    parser.add_argument("--ledger", type=Path, help="time this ledger file instead")
    parser.add_argument("--days", default="1,7,30,40,70", help="days back, comma-separated")
    args = parser.parse_args()
    from core import checkpoints, returns, statistics
    from core.ledger import Ledger

    ledger = Ledger.open(args.ledger or ledger_file(args.problems), operator="bench")
    intervals = statistics._PAST
    baselines = {"intervals": ("state intervals (first)", first_intervals_sql),
                 "logs": ("log-reading tally (before)", baseline_sql),
                 "parts": ("intervals, sums per part", lambda: intervals)}
    variants = [(baselines[name][0], baselines[name][1](), False)
                for name in args.against.split(",") if name]
    stored = checkpoints.days(ledger.conn)
    print(f"stored days {stored[0]} … {stored[-1]}" if stored else "no stored days")
    rows = ledger.conn.execute("SELECT count(*) FROM problem_state").fetchone()[0]
    print(f"{args.problems:,} problems, {rows:,} stored intervals")
    campaign = ledger.conn.execute("SELECT id FROM campaign").fetchone()[0]
    today = dt.date.today()
    for back in (int(b) for b in args.days.split(",")):
        day = (today - dt.timedelta(days=back)).isoformat()
        results = {}
        for label, sql, stored_days in (*variants, ("now (stored days)", intervals, True)):
            statistics._PAST = sql
            statistics.CHECKPOINTS = stored_days
            stats, report = timed(lambda: statistics.breakdown(ledger, day), args.repeat)
            stats_cpu, _ = timed_cpu(lambda: statistics.breakdown(ledger, day), args.repeat)
            ret, built = timed(lambda: returns.build(ledger, "campaign_progress", day, campaign),
                               args.repeat)
            ret_cpu, _ = timed_cpu(lambda: returns.build(ledger, "campaign_progress", day,
                                                         campaign), args.repeat)
            results[label] = (report.total, [p.as_dict() for group in report.by.values()
                                             for p in group])
            print(f"{back:>3} days back  {label:<28} statistics {stats:6.2f} s "
                  f"(CPU {stats_cpu:5.2f} s)   campaign return {ret:6.2f} s "
                  f"(CPU {ret_cpu:5.2f} s)", flush=True)
        totals = list(results.values())
        assert all(total == totals[-1] for total in totals), day  # every figure, every group
    statistics._PAST = intervals
    statistics.CHECKPOINTS = True
    ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
