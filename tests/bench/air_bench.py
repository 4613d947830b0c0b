"""Benchmark of the air-quality import and assessment (not a test), side by side in one run:

- the baseline: pandas (in its own venv, `.venv-bench`, made here if missing, never a
  dependency of the app) reading one year of hourly data for 200 stations (1,752,000 rows,
  a GB18030 CSV as the platforms export it) and computing each station's daily means;
- `core.air.measurements.import_file` on the same file into a fresh ledger: encoding
  detection, every cell checked, daily means with the 20-hour rule, O3's 8-h moving maxima,
  station days written and unit days with their AQI computed, in one transaction;
- the same import run again (nothing new: every day compared with what is stored);
- `core.air.assessment.assess` of every unit for a month, a quarter, the autumn-winter
  season, a year and a custom range, with the same period a year before, from two stored
  years.

The goals (issue 21): the import in at most 1.5× pandas' time; an assessment ≤ 200 ms.

    .venv/bin/python tests/bench/air_bench.py [--stations 200] [--repeat 3]
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core import settings  # noqa: E402
from core.air import assessment, measurements  # noqa: E402
from core.ledger import Ledger  # noqa: E402

FOLDER = ROOT / "build" / "air-bench"
BENCH_VENV = ROOT / ".venv-bench"
COUNTIES = ("尧都区", "曲沃县", "翼城县", "襄汾县", "洪洞县", "古县", "安泽县", "浮山县", "吉县",
            "乡宁县", "大宁县", "隰县", "永和县", "蒲县", "汾西县", "侯马市", "霍州市")
_PANDAS = """
import sys, time, pandas
started = time.perf_counter()
frame = pandas.read_csv(sys.argv[1], encoding="gb18030")
frame["day"] = frame["监测时间"].str.slice(0, 10)
daily = frame.groupby(["站点编码", "day"]).mean(numeric_only=True)
print(time.perf_counter() - started, len(frame), len(daily))
"""


def hourly_file(year: int, stations: int) -> Path:
    """One year of hourly values per station (about 2% blank cells), made once."""
    path = FOLDER / f"hourly-{year}-{stations}.csv"
    if path.exists():
        return path
    FOLDER.mkdir(parents=True, exist_ok=True)
    print(f"writing {path} …", flush=True)
    rng = random.Random(year)
    start = dt.datetime(year, 1, 1)
    hours = [(start + dt.timedelta(hours=h)).strftime("%Y-%m-%d %H:%M:%S")
             for h in range((dt.datetime(year + 1, 1, 1) - start).days * 24)]
    partial = path.with_suffix(".partial")
    with open(partial, "w", encoding="gb18030", newline="") as out:
        out.write("站点编码,站点名称,区县,监测时间,SO2(μg/m³),NO2(μg/m³),PM10(μg/m³),"
                  "CO(mg/m³),O3(μg/m³),PM2.5(μg/m³)\n")
        for s in range(stations):
            county = COUNTIES[s % len(COUNTIES)]
            code, name = f"1410{s:04d}A", f"{county}{s // len(COUNTIES) + 1}号站"
            lines = []
            for time_text in hours:
                pm = rng.randint(5, 220)
                values = [str(rng.randint(3, 80)), str(rng.randint(5, 90)), str(int(pm * 1.7)),
                          f"{rng.uniform(0.3, 3):.1f}", str(rng.randint(5, 220)), str(pm)]
                if rng.random() < 0.02:
                    values[rng.randrange(6)] = ""
                lines.append(f"{code},{name},{county},{time_text}," + ",".join(values))
            out.write("\n".join(lines) + "\n")
    partial.rename(path)
    return path


def bench_python() -> Path:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "pandas"], check=True)
    return python


def pandas_daily(path: Path) -> tuple[float, int, int]:
    done = subprocess.run([str(bench_python()), "-c", _PANDAS, str(path)], check=True,
                          capture_output=True, text=True)
    seconds, rows, days = done.stdout.split()
    return float(seconds), int(rows), int(days)


def fresh_ledger(folder: Path, name: str) -> Ledger:
    ledger = Ledger.open(folder / name, operator="bench")
    settings.set_jurisdiction(ledger, "141000")
    return ledger


def core_import(ledger: Ledger, path: Path) -> tuple[float, measurements.Outcome]:
    started = time.perf_counter()
    outcome = measurements.import_file(ledger, path)
    return time.perf_counter() - started, outcome


def median(values: list[float]) -> float:
    return statistics.median(values)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stations", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    year = hourly_file(2025, args.stations)
    earlier = hourly_file(2024, args.stations)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        baseline, imports, again = [], [], []
        for run in range(args.repeat):
            seconds, rows, days = pandas_daily(year)
            baseline.append(seconds)
            ledger = fresh_ledger(folder, f"import{run}.db")
            seconds, outcome = core_import(ledger, year)
            imports.append(seconds)
            seconds, repeated = core_import(ledger, year)
            again.append(seconds)
            ledger.close()
            print(f"run {run + 1}: pandas {baseline[-1]:.2f} s, import {imports[-1]:.2f} s, "
                  f"again {again[-1]:.2f} s", flush=True)
        assert outcome.rows == rows and outcome.added == days, (outcome.rows, rows, days)
        assert repeated.added == 0 and repeated.unchanged == days
        ratio = median(imports) / median(baseline)
        print(f"\n{rows:,} hourly rows, {days:,} station days, {args.stations} stations")
        print(f"pandas read_csv + daily means (median of {args.repeat}): "
              f"{median(baseline):.2f} s")
        print(f"core import, fresh ledger:                  {median(imports):.2f} s "
              f"= {ratio:.2f}× pandas (goal ≤ 1.5×)")
        print(f"core import again (nothing new):            {median(again):.2f} s")
        ledger = fresh_ledger(folder, "assess.db")
        core_import(ledger, earlier)
        core_import(ledger, year)
        units = ledger.conn.execute("SELECT count(DISTINCT region_code) FROM air_unit_day"
                                    ).fetchone()[0]
        print(f"\nassessment of all {units} units, with the same period a year before "
              f"(median of 5, goal ≤ 200 ms):")
        for label, first, last in (("month 2025-01", "2025-01-01", "2025-01-31"),
                                   ("quarter 2025 Q4", "2025-10-01", "2025-12-31"),
                                   ("season 2024-10 … 2025-03", "2024-10-01", "2025-03-31"),
                                   ("year 2025", "2025-01-01", "2025-12-31"),
                                   ("custom 2025-03-15 … 2025-08-20", "2025-03-15",
                                    "2025-08-20")):
            runs = []
            for _ in range(5):
                started = time.perf_counter()
                results = assessment.assess(ledger, first, last)
                runs.append(time.perf_counter() - started)
            assert len(results) == units
            print(f"  {label:32s} {median(runs) * 1000:6.1f} ms")
        ledger.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
