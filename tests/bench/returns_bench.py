"""Benchmark of the returns (not a test), side by side in one run on the same machine.

- `ledger`: the ledger sheet (core.returns.export_ledger_sheet) of N problems against
  xlsxwriter constant_memory, openpyxl write-only and pandas `to_excel` writing the very
  same rows (same SQL cursor, same title row, header row, bordered cells, real dates).
  Each writer runs in its own process; its time and peak RSS are reported.
- `progress`: the campaign progress return (build + checks + write) over M problems.

Baselines need pandas and xlsxwriter, which must never go into .venv (sqlite-utils would
import pandas at start-up); they run in .venv-bench, created here when missing.

    .venv/bin/python tests/bench/returns_bench.py [--ledger 100000] [--progress 1000000]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BENCH_VENV = ROOT / ".venv-bench"
BENCH_PACKAGES = ["openpyxl", "xlsxwriter", "pandas", "python-stdnum", "platformdirs",
                  "sqlite-utils"]
WRITERS = ("ecoledger", "xlsxwriter", "openpyxl", "pandas")


def make_ledger(path: Path, problems: int, lean: bool = False) -> None:
    """A demo ledger of `problems` problems (kept between runs: generating is slow).

    `lean` fills the scratch file without the audit-trail and search-index triggers (no
    figure reads either; the statistics' own tally triggers stay), which makes a
    million-problem ledger in minutes instead of hours."""
    from core import demo, settings
    from core.ledger import Ledger

    if path.exists():
        return
    ledger = Ledger.open(path.with_suffix(".tmp"), operator="bench")
    settings.set_jurisdiction(ledger, "141000")
    if lean:
        for (name,) in ledger.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                "(name LIKE 'audit%' OR name LIKE '%fts%')").fetchall():
            ledger.conn.execute(f"DROP TRIGGER {name}")
    demo.load(ledger, problems, seed=1)
    ledger.close()
    path.with_suffix(".tmp").rename(path)


def schema_key() -> str:
    import hashlib

    return hashlib.sha1((ROOT / "core" / "schema.py").read_bytes()).hexdigest()[:10]


def bench_python() -> str:
    python = BENCH_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable.replace(".venv/bin/python", "") and "python3", "-m",
                        "venv", str(BENCH_VENV)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *BENCH_PACKAGES], check=True)
    return str(python)


def run_writer(writer: str, db: Path, out: Path) -> dict:
    """One writer in a fresh process: {'seconds', 'peak_mb', 'rows'}."""
    python = sys.executable if writer == "ecoledger" else bench_python()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([python, __file__, "--child", writer, str(db), str(out)],
                          capture_output=True, text=True, env=env)
    if done.returncode:
        raise SystemExit(f"{writer} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- children: each writes the same rows and prints its time and peak memory

class PeakMemory:
    """Peak resident memory while the block runs (sampled from /proc every 5 ms)."""

    def __enter__(self) -> "PeakMemory":
        import threading

        self.peak, self._stop = self._rss(), threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self.peak = max(self.peak, self._rss())

    @staticmethod
    def _rss() -> float:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def child(writer: str, db: str, out: str) -> None:
    import datetime as dt
    from types import SimpleNamespace

    from core import returns
    from core.ledger import Ledger
    from core.returns import forms, ledger_sheet

    ledger = Ledger.open(db)
    layout = ledger_sheet.ListLayout.of(forms.find(ledger, returns.LEDGER_SHEET_TEMPLATE))
    started = time.perf_counter()
    with PeakMemory() as memory:
        if writer == "ecoledger":
            rows = returns.export_ledger_sheet(ledger, out)
        else:
            # the same columns as the form: 序号, then the fields (as the ecoledger path)
            headers = layout.top[-1]
            formats = layout.formats
            columns = [SimpleNamespace(width=w) for w in layout.widths]
            selected = ledger_sheet.rows(ledger, layout.fields, dt.date.today().isoformat())
            numbered = (layout.row(i, values) for i, values in enumerate(selected))
            rows = globals()[f"_{writer}"](numbered, headers, formats, columns, out)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "peak_mb": memory.peak, "rows": rows}))


def _dates():
    import datetime as dt

    cache: dict = {}

    def to_date(text):
        if text not in cache:
            cache[text] = dt.datetime.fromisoformat(text)
        return cache[text]
    return to_date


def _xlsxwriter(rows, headers, formats, columns, out) -> int:
    import xlsxwriter

    book = xlsxwriter.Workbook(out, {"constant_memory": True})
    sheet = book.add_worksheet("整改台账")
    title = book.add_format({"bold": True, "font_size": 16, "align": "center"})
    head = book.add_format({"bold": True, "border": 1, "align": "center", "text_wrap": True})
    text = book.add_format({"border": 1, "text_wrap": True})
    date = book.add_format({"border": 1, "num_format": "yyyy-mm-dd", "align": "center"})
    for i, c in enumerate(columns):
        sheet.set_column(i, i, c.width)
    sheet.merge_range(0, 0, 0, len(headers) - 1, "整改台账", title)
    sheet.write_row(1, 0, headers, head)
    sheet.freeze_panes(2, 0)
    sheet.set_landscape()
    sheet.set_paper(9)
    sheet.fit_to_pages(1, 0)
    sheet.repeat_rows(1)
    to_date = _dates()
    r = 2
    for values in rows:
        for i, value in enumerate(values):
            if value is None:
                sheet.write_blank(r, i, None, text)
            elif formats[i] == "date":
                sheet.write_datetime(r, i, to_date(value), date)
            elif formats[i] == "integer":
                sheet.write_number(r, i, value, text)
            else:
                sheet.write_string(r, i, value, text)
        r += 1
    book.close()
    return r - 2


def _openpyxl(rows, headers, formats, columns, out) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook(write_only=True)
    sheet = book.create_sheet("整改台账")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True)
    for i, c in enumerate(columns):
        sheet.column_dimensions[chr(65 + i)].width = c.width
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = 9
    title = WriteOnlyCell(sheet, "整改台账")
    title.font = Font(bold=True, size=16)
    sheet.append([title])
    head = []
    for h in headers:
        cell = WriteOnlyCell(sheet, h)
        cell.font, cell.border = Font(bold=True), border
        head.append(cell)
    sheet.append(head)
    to_date = _dates()
    n = 0
    for values in rows:
        out_row = []
        for i, value in enumerate(values):
            cell = WriteOnlyCell(sheet, to_date(value) if value and formats[i] == "date" else value)
            cell.border, cell.alignment = border, wrap
            if formats[i] == "date":
                cell.number_format = "yyyy-mm-dd"
            out_row.append(cell)
        sheet.append(out_row)
        n += 1
    book.save(out)
    return n


def _pandas(rows, headers, formats, columns, out) -> int:
    import pandas as pd

    frame = pd.DataFrame(list(rows), columns=headers)
    for h, f in zip(headers, formats):
        if f == "date":
            frame[h] = pd.to_datetime(frame[h])
    frame.to_excel(out, sheet_name="整改台账", index=False, startrow=1)
    return len(frame)


# -- the progress return at scale

def bench_progress(db: Path, out: Path, as_of: str, repeat: int = 3) -> list[float]:
    """Seconds to build, check and write the campaign progress return, `repeat` times."""
    from core import returns
    from core.ledger import Ledger

    ledger = Ledger.open(db)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        returns.export_return(ledger, "campaign_progress", out, as_of=as_of)
        times.append(time.perf_counter() - started)
    ledger.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--ledger", type=int, default=100_000, help="problems in the ledger export")
    parser.add_argument("--progress", type=int, default=1_000_000,
                        help="problems behind the progress return")
    parser.add_argument("--writers", default=",".join(WRITERS))
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "ecoledger-bench"))
    parser.add_argument("--child", nargs=3, metavar=("WRITER", "DB", "OUT"))
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    cache = Path(args.cache) / schema_key()  # a changed schema makes new ledgers
    cache.mkdir(parents=True, exist_ok=True)
    if args.ledger:
        db = cache / f"ledger-{args.ledger}.db"
        make_ledger(db, args.ledger)
        print(f"ledger export, {args.ledger:,} problems (one run each, own process; "
              "peak = resident memory during the export):")
        for writer in args.writers.split(","):
            result = run_writer(writer, db, cache / f"ledger-{writer}.xlsx")
            size = (cache / f"ledger-{writer}.xlsx").stat().st_size / 1e6
            print(f"  {writer:<11} {result['seconds']:6.2f} s  peak {result['peak_mb']:6.0f} MB"
                  f"  {size:5.1f} MB file  {result['rows']:,} rows")
    if args.progress:
        db = cache / f"ledger-{args.progress}-lean.db"
        make_ledger(db, args.progress, lean=True)
        import datetime as dt

        today = dt.date.today()
        for label, day in (("today", today), ("mid-campaign", today - dt.timedelta(days=40))):
            times = bench_progress(db, cache / "progress.xlsx", day.isoformat())
            print(f"campaign progress return, {args.progress:,} problems, as of {label}: "
                  + ", ".join(f"{t:.2f} s" for t in times))


if __name__ == "__main__":
    main()
