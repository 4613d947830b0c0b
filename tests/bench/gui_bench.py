"""Benchmark of the desktop app (not a test): start-up, and browsing a million problems.

Side by side in one run, offscreen, medians of --repeat runs:
- start-up: a fresh process that shows a bare PySide6 window and paints it, against a
  fresh process that starts EcoLedger on the 2,507-problem demo ledger and paints the
  main window with the problems in it (both timed from process launch);
- with --problems (default 1,000,000) problems: opening the Problems page, changing a
  filter, changing the sort, searching (3+ and 2 characters) and jumping to the last
  row, each until the rows are there and painted; and the process's peak memory.

    .venv/bin/python tests/bench/gui_bench.py [--db big.db] [--problems 1000000] [--repeat 5]

The million-problem ledger is built once into build/ (several minutes) and reused.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.bench.harness import built_once  # noqa: E402

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
window.repaint()
print("READY", flush=True)
"""

APP = """
import sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
from gui.app import start
ctx, window = start(Path(sys.argv[1]), Path(sys.argv[2]))
app = QApplication.instance()
page = window.current_page()
while ctx.db.pending or page.model.rowCount() == 0 or page.model.row(0) is None:
    app.processEvents()
    time.sleep(0.001)
app.processEvents()
window.repaint()
print("READY", flush=True)
ctx.db.close()
"""


def launch(script: str, *args: str) -> float:
    """Seconds from launching a Python process running `script` to its READY line."""
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in child.stdout:
        if line.startswith("READY"):
            seconds = time.perf_counter() - started
            break
    else:
        raise RuntimeError("the process never got ready")
    child.wait()
    return seconds


def demo_ledger(folder: Path, problems: int) -> Path:
    from core import demo, settings
    from core.ledger import Ledger

    def fill(partial: Path) -> None:
        ledger = Ledger.open(partial, operator="bench")
        settings.set_jurisdiction(ledger, "141000")
        settings.put(ledger, "operator_name", "bench")
        demo.load(ledger, problems, seed=1)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ledger.close()
    return built_once(folder / f"demo-{problems}.db", problems, fill)


def start_up(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        ledger = demo_ledger(Path(scratch), 2507)
        bare = [launch(BARE) for _ in range(repeat)]
        app = [launch(APP, str(ledger), scratch) for _ in range(repeat)]
    b, a = statistics.median(bare), statistics.median(app)
    print(f"start-up to painted window: bare PySide6 {b * 1000:.0f} ms, "
          f"EcoLedger with data {a * 1000:.0f} ms = {a / b:.2f}× (target ≤ 2.5×)")


class Browser:
    """The real main window over a big ledger, timed until rows are there and painted."""

    def __init__(self, db: Path, folder: Path):
        from PySide6.QtWidgets import QApplication
        from gui.app import application, gui_settings, start

        from gui.main_window import MainWindow

        def fail(window, error):  # a message box would wait forever offscreen
            raise SystemExit(f"the app reported an error: {error!r}")
        MainWindow.show_error = fail
        self.app = application()
        # Start on a light page, so that opening Problems is what gets timed.
        gui_settings(folder).setValue("window/page", "enterprises")
        self.ctx, self.window = start(db, folder)
        self.window.resize(1440, 860)
        self.app = QApplication.instance()

    def until_shown(self, rows) -> float:
        """Wait until the rows `rows()` names are read, then paint; seconds since call."""
        page = self.window.pages["problems"]
        started = self.started
        while True:
            self.app.processEvents()
            if not self.ctx.db.pending and (page.model.rowCount() == 0 or all(
                    page.model.row(n) is not None for n in rows(page))):
                break
            time.sleep(0.0005)
        self.window.repaint()
        return time.perf_counter() - started

    def timed(self, action, rows=lambda page: [0]) -> float:
        self.started = time.perf_counter()
        action()
        return self.until_shown(rows)


def visible_rows(page) -> list[int]:
    table = page.table
    first = table.rowAt(0)
    last = table.rowAt(table.viewport().height() - 1)
    if first < 0:
        return [0]
    last = last if last >= 0 else page.model.rowCount() - 1
    return list(range(first, last + 1))


def browsing(db: Path, repeat: int) -> None:
    from core.vocabulary import CATEGORIES
    from gui.pages import PAGES

    with tempfile.TemporaryDirectory() as scratch:
        browser = Browser(db, Path(scratch))
        window = browser.window
        while browser.ctx.db.pending:
            browser.app.processEvents()
        keys = [entry.key for entry in PAGES]
        results: dict[str, list[float]] = {}

        def measure(name, action, rows=visible_rows):
            results.setdefault(name, []).append(browser.timed(action, rows))

        measure("open the Problems page", lambda: window.nav.setCurrentRow(keys.index("problems")))
        page = window.pages["problems"]
        total = page.model.rowCount()
        for run in range(repeat):
            measure("change a filter (category)",
                    lambda: page.filters.category.set_code(CATEGORIES[run % 5]))
            measure("clear the filter", lambda: page.filters.category.set_code(None))
            column = page.columns.index(("deadline", "status", "number", "region",
                                         "category")[run % 5])
            measure("change the sort", lambda: page.table.horizontalHeader().setSortIndicator(
                column, page.table.horizontalHeader().sortIndicatorOrder()))
            measure("jump to the last row", page.table.scrollToBottom)
            measure("jump back to the first row", page.table.scrollToTop)
            measure("search 4 characters (trigram)",
                    lambda: page.filters.search.setText(("脱硫脱硝", "在线监测", "危险废物",
                                                         "物料堆场", "雨污分流")[run % 5])
                    or page.filters.search.returnPressed.emit())
            measure("search 2 characters (LIKE)",
                    lambda: page.filters.search.setText(("散煤", "噪声", "固废", "扬尘",
                                                         "废水")[run % 5])
                    or page.filters.search.returnPressed.emit())
            measure("clear the search", lambda: page.filters.search.clear()
                    or page.filters.search.returnPressed.emit())
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        window.close()
        browser.ctx.db.close()
    print(f"browsing {total:,} problems (median of {repeat}; target ≤ 150 ms each):")
    for name, seconds in results.items():
        median = statistics.median(seconds) * 1000
        print(f"  {name:<34} {median:7.0f} ms   (worst {max(seconds) * 1000:.0f} ms)")
    print(f"  peak memory (RSS)                  {peak:7.0f} MB   (target < 400 MB)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="a big ledger to browse")
    parser.add_argument("--problems", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--skip-start-up", action="store_true")
    args = parser.parse_args()
    if not args.skip_start_up:
        start_up(args.repeat)
    cache = ROOT / "build"
    cache.mkdir(exist_ok=True)
    browsing(args.db or demo_ledger(cache, args.problems), args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
