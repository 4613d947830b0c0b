"""Benchmark of the Excel ledger import (not a test), side by side in one run:

- `pandas.read_excel` merely reading the workbook (the baseline; pandas lives in a separate
  venv, `.venv-bench`, made here if missing, so that it never slows the app's start-up);
- `ecoledger-cli import-ledger` end to end in core: open, find the table, clean, validate,
  match and insert into a fresh ledger in one transaction.

The goal (issue 4): the whole import in at most a tenth of pandas' reading time.

    .venv/bin/python tests/bench/import_bench.py [--rows 100000] [--repeat 1]
"""
from __future__ import annotations

import argparse
import datetime as dt
import statistics as stats_lib
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core import ledger_import, messages, settings  # noqa: E402
from core.ledger import Ledger  # noqa: E402
from tests.ledger_import.workbooks import ledger_rows, write_fast  # noqa: E402

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
    outcome = ledger_import.run(ledger, path, progress=progress)
    seconds = time.perf_counter() - started
    ledger.close()
    return seconds, (marks[0] if marks else time.perf_counter()) - started, outcome


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        path = folder / "ledger.xlsx"
        started = time.perf_counter()
        write_fast(path, ledger_rows(args.rows, seed=7, today=dt.date.today()))
        print(f"fixture: {args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB "
              f"({time.perf_counter() - started:.1f} s to write)")
        pandas_times = [pandas_read(path) for _ in range(args.repeat)]
        core_times = [core_import(path, folder, run) for run in range(args.repeat)]
        baseline = stats_lib.median(t for t, _ in pandas_times)
        ours = stats_lib.median(t for t, _, _ in core_times)
        before_writing = stats_lib.median(t for _, t, _ in core_times)
        outcome = core_times[0][2]
        print(f"pandas.read_excel (read only):      {baseline:8.2f} s  ({pandas_times[0][1]:,} rows)")
        print(f"core import (parse..insert):        {ours:8.2f} s  "
              f"(added {outcome.added:,}, enterprises {outcome.enterprises_added:,})")
        print(f"  of which parse, clean, validate:  {before_writing:8.2f} s  "
              f"(ratio {before_writing / baseline:.3f})")
        print(f"  of which insert and commit:       {ours - before_writing:8.2f} s")
        print(f"ratio core/pandas: {ours / baseline:.3f} (goal <= 0.100)")
        print("goal met" if ours <= baseline / 10 else "goal NOT met")
        return 0


if __name__ == "__main__":
    sys.exit(main())
