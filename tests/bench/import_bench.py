"""Benchmark of the Excel ledger import (not a test), side by side in one run:

- `pandas.read_excel` merely reading the workbook (the baseline; pandas lives in a separate
  venv, `.venv-bench`, made here if missing, so that it never slows the app's start-up);
- `ecoledger-cli import-ledger` end to end in core, as the CLI runs it (`alone=True`): open,
  find the table, clean, validate, match and insert into a fresh ledger in one transaction;
- the floor under any import of this design: (a) python-calamine alone reading the sheet
  into Python lists; (b) plain `executemany` of the rows the import planned into a fresh
  ledger with the full schema, every per-row trigger firing (audit, search, tallies), in
  one transaction, no sealing (only with --trigger-floor: it takes minutes); (c) the same
  with no triggers at all (indexes kept); (d) as (c), plus each chunk's audit entries
  written and sealed by the statements the import's bulk load uses: the least any import
  that keeps the audit trail (one entry per row, each sealed) can take. (b), (c) and (d)
  run with the connection settings the import uses (`bulk.tuned`, with the rollback journal
  the CLI's import writes through), so that they differ from it only in how triggers and
  sealing are done.

pandas and the import run alternately (pandas, import, pandas, import …), so that a load
from other work on the machine falls on both alike; the ratio printed is the median of the
runs' ratios, with the load average before and after.

The goal (issue 14): the whole import into a fresh ledger in at most half of pandas' reading
time, printed beside the floor (a) + (c).

    .venv/bin/python tests/bench/import_bench.py [--rows 100000] [--repeat 1] [--trigger-floor]
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics as stats_lib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import python_calamine  # noqa: E402

from core import audit, bulk, ledger_import, messages, settings  # noqa: E402
from core.ledger import Ledger  # noqa: E402
from tests.ledger_import.workbooks import sheet_rows, write_fast  # noqa: E402

BENCH_VENV = ROOT / ".venv-bench"
_PANDAS = """
import sys, time, pandas
started = time.perf_counter()
frame = pandas.read_excel(sys.argv[1], header=2)
print(time.perf_counter() - started, len(frame))
"""


def bench_python() -> Path:
    """The baseline venv's interpreter, created with pandas the first time."""
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "pandas", "openpyxl"],
                       check=True)
    return python


def pandas_read(path: Path) -> tuple[float, int]:
    done = subprocess.run([str(bench_python()), "-c", _PANDAS, str(path)], check=True,
                          capture_output=True, text=True)
    seconds, rows = done.stdout.split()
    return float(seconds), int(rows)


def core_import(path: Path, folder: Path, run: int) -> tuple[float, float, ledger_import.Outcome]:
    """Seconds for the whole import, seconds until writing began, and the outcome."""
    ledger = Ledger.open(folder / f"import{run}.db", operator="bench")
    settings.set_jurisdiction(ledger, "141000")
    writing = messages.text("import.progress_writing")
    marks: list[float] = []

    def progress(done: int, total: int, message: str) -> None:
        if message == writing and not marks:
            marks.append(time.perf_counter())

    started = time.perf_counter()
    outcome = ledger_import.run(ledger, path, progress=progress, alone=True)  # as the CLI
    seconds = time.perf_counter() - started
    ledger.close()
    return seconds, (marks[0] if marks else time.perf_counter()) - started, outcome


def calamine_read(path: Path) -> float:
    """Floor (a): seconds for python-calamine to read the first sheet into Python lists."""
    started = time.perf_counter()
    python_calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()
    return time.perf_counter() - started


def fresh_ledger(path: Path) -> Ledger:
    ledger = Ledger.open(path, operator="bench")
    settings.set_jurisdiction(ledger, "141000")
    return ledger


def planned_rows(path: Path, folder: Path) -> list[tuple[str, tuple, list]]:
    """(table, columns, rows) the import would insert into a fresh ledger, in its order."""
    ledger = fresh_ledger(folder / "plan.db")
    plan = ledger_import.preview(ledger, path).plan
    ledger.close()
    return [(table, columns, sorted(rows)) for table, columns, rows in (
        ("enterprise", ledger_import.ENTERPRISE_COLUMNS, plan.enterprises),
        ("batch", ledger_import.BATCH_COLUMNS, plan.batches),
        ("problem", ledger_import.PROBLEM_COLUMNS, plan.problems),
        ("problem_log", ledger_import.LOG_COLUMNS, plan.logs),
        ("measure", ledger_import.MEASURE_COLUMNS, plan.measures),
        ("acceptance", ledger_import.ACCEPTANCE_COLUMNS, plan.acceptances))]


def raw_insert(work: list[tuple[str, tuple, list]], path: Path, triggers: bool,
               trail: bool = False) -> float:
    """Floors (b), (c) and (d): seconds for plain executemany of `work` and COMMIT; with
    `trail`, no triggers but each chunk's audit entries written and sealed as the import's
    bulk load writes them (the same statements, the same chunks)."""
    ledger = fresh_ledger(path)
    conn = ledger.conn
    if not triggers:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                    ).fetchall():
            conn.execute(f"DROP TRIGGER {name}")
    with bulk.tuned(conn, alone=True):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        mark = audit.mark(conn)
        for table, columns, rows in work:
            if not trail:
                bulk.insert_rows(conn, table, columns, rows)
                continue
            for start in range(0, len(rows), ledger_import.CHUNK):
                before = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}"
                                      ).fetchone()[0]
                bulk.insert_rows(conn, table, columns, rows[start:start + ledger_import.CHUNK])
                audit.record_inserts(conn, table, before)
                audit.seal(conn, mark, "bench")
        conn.execute("COMMIT")
        seconds = time.perf_counter() - started
    ledger.close()
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--trigger-floor", action="store_true",
                        help="also floor (b): every per-row trigger firing (minutes)")
    args = parser.parse_args()
    median = stats_lib.median
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "ledger.xlsx"
        started = time.perf_counter()
        write_fast(path, sheet_rows(args.rows, seed=7, today=dt.date.today()))
        print(f"fixture: {args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB "
              f"({time.perf_counter() - started:.1f} s to write)")
        load_before = os.getloadavg()
        pandas_times, core_times = [], []
        for run in range(args.repeat):  # alternately, so that both meet the same load
            pandas_times.append(pandas_read(path))
            core_times.append(core_import(path, folder, run))
        load_after = os.getloadavg()
        work = planned_rows(path, folder)
        floor_a = median(calamine_read(path) for _ in range(args.repeat))
        floor_b = median(raw_insert(work, folder / f"raw{run}.db", True)
                         for run in range(args.repeat)) if args.trigger_floor else None
        floor_c = median(raw_insert(work, folder / f"bare{run}.db", False)
                         for run in range(args.repeat))
        floor_d = median(raw_insert(work, folder / f"trail{run}.db", False, trail=True)
                         for run in range(args.repeat))
        baseline = median(t for t, _ in pandas_times)
        ours = median(t for t, _, _ in core_times)
        before_writing = median(t for _, t, _ in core_times)
        outcome = core_times[0][2]
        planned = ", ".join(f"{table} {len(rows):,}" for table, _, rows in work)
        print(f"pandas.read_excel (read only):        {baseline:8.2f} s  ({pandas_times[0][1]:,} rows)")
        print(f"core import (parse..insert):          {ours:8.2f} s  "
              f"(added {outcome.added:,}, enterprises {outcome.enterprises_added:,})")
        print(f"  of which parse, clean, validate:    {before_writing:8.2f} s  "
              f"(ratio {before_writing / baseline:.3f})")
        print(f"  of which insert, seal and commit:   {ours - before_writing:8.2f} s")
        print(f"rows planned: {planned}")
        print(f"floor (a) calamine read alone:        {floor_a:8.2f} s  "
              f"(ratio {floor_a / baseline:.3f})")
        if floor_b is not None:
            print(f"floor (b) executemany, all triggers:  {floor_b:8.2f} s  (unsealed)")
        print(f"floor (c) executemany, no triggers:   {floor_c:8.2f} s")
        print(f"floor (a) + (c):                      {floor_a + floor_c:8.2f} s  "
              f"(ratio {(floor_a + floor_c) / baseline:.3f})")
        print(f"floor (d) (c) + audit trail, sealed:  {floor_d:8.2f} s")
        print(f"floor (a) + (d):                      {floor_a + floor_d:8.2f} s  "
              f"(ratio {(floor_a + floor_d) / baseline:.3f})")
        floor = floor_a + floor_c
        ratios = [c[0] / p[0] for p, c in zip(pandas_times, core_times)]
        ratio = median(ratios)
        print("runs (pandas s, import s, ratio): " + "; ".join(
            f"{p[0]:.1f}, {c[0]:.1f}, {r:.3f}" for p, c, r in zip(pandas_times, core_times, ratios)))
        print("load average before: " + " ".join(f"{x:.2f}" for x in load_before) +
              ", after: " + " ".join(f"{x:.2f}" for x in load_after))
        print(f"ratio core/pandas (median of the runs): {ratio:.3f}  beside the floor "
              f"{floor / baseline:.3f}  (goal <= 0.500, issue 14)")
        print("goal met" if ratio <= 0.5 else "goal NOT met")
        if (floor_a + floor_d) / baseline > 0.5:
            print("floor (a) + (d) is above the goal itself: on this machine no import that "
                  "writes one sealed audit entry per row can meet it")
        return 0


if __name__ == "__main__":
    sys.exit(main())
