"""Start-up as a user sees it (not a test): the real app against a bare PySide6 window.

Both run as fresh processes on a real X server (Xvfb, started here unless --display is
given), side by side and alternating (bare, app, bare, app …), --repeat runs each;
the figures are the medians. Each is timed from its launch until it prints a marker line:
- the bare script prints it from its window's first paint event (at the next turn of the
  event loop, once that paint is done);
- EcoLedger (`python -m gui.launch --db demo.db`, as the `ecoledger` command starts it;
  the 2,507-problem demo ledger, its own
  fresh settings folder, opening on the Problems page) prints it with
  ECOLEDGER_STARTUP_MARKER=exit from the first paint that comes once the window is mapped
  and the page's first rows have arrived (gui/startup.py), then closes.

    .venv/bin/python tests/bench/startup_bench.py [--repeat 7] [--display :0] [--before DIR]
    .venv/bin/python tests/bench/startup_bench.py --instructions [--before DIR]

--instructions counts the machine instructions each process runs to its marker under
valgrind's callgrind (a minute or two per process): a figure a busy machine does not move.

--before DIR also starts the app of another checkout in the same rotation, for a
before/after figure measured under the same load (an older commit, unpacked with
`git archive`, needs this commit's gui/startup.py and `after_first_paint(window, lambda:
None)` after `window.show()` in gui/app.py to print the marker).

Both start with their modules compiled, as an installed app does (pip and PyInstaller
ship .pyc files): the checkouts are byte-compiled first and PYTHONDONTWRITEBYTECODE is
dropped for the children. Compiling 70-odd modules from source would add 250 ms to each
start and measure the compiler, not the app.

Needs Xvfb (apt-get install -y xvfb) unless --display names a running X server.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MARKER = "ECOLEDGER_MAPPED"
TARGET = 2.0  # issue 19: at most twice a bare window

BARE = f"""
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class Marker(QObject):
    done = False
    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            QTimer.singleShot(0, lambda: (print(f"{MARKER} cpu={{time.process_time():.3f}}",
                                                flush=True), stop()))
        return False

def stop():
    if os.environ.get("ECOLEDGER_STARTUP_MARKER") == "stop":
        os._exit(0)
    window.close()

app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
marker = Marker()
window.installEventFilter(marker)
window.show()
app.exec()
"""


def demo_ledger(folder: Path) -> Path:
    """The default demo ledger (seed 1), built once into build/ and copied per run set."""
    from tests.bench.harness import built_once

    def fill(partial: Path) -> None:
        from core import demo, settings
        from core.ledger import Ledger

        ledger = Ledger.open(partial, operator="bench")
        settings.set_jurisdiction(ledger, "141000")
        settings.put(ledger, "operator_name", "bench")
        demo.load(ledger, seed=1)
        ledger.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        ledger.close()
    built = built_once(ROOT / "build" / "bench" / "startup-demo.db", 2507, fill)
    target = folder / "ledger.db"
    shutil.copyfile(built, target)
    return target


def app_command(tree: Path, ledger: Path) -> list[str]:
    """The app of `tree` as the `ecoledger` command starts it (gui/launch.py; a tree from
    before that module started gui/app.py)."""
    module = "gui.launch" if (tree / "gui" / "launch.py").exists() else "gui.app"
    return [sys.executable, "-m", module, "--db", str(ledger)]


def launch(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, float]:
    """Seconds from launching `command` (in `cwd`) until it prints the marker line, and
    the CPU seconds the process says it had used by then."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    for line in child.stdout:
        if line.startswith(MARKER):
            seconds = time.perf_counter() - started
            cpu = float(line.split("cpu=")[1].split()[0])
            break
    else:
        raise RuntimeError(f"{command[:3]} printed no marker: {child.stderr.read()[-2000:]}")
    try:
        child.wait(30)
    except subprocess.TimeoutExpired:
        child.kill()
    return seconds, cpu


def x_server(display: str | None):
    """The DISPLAY to use, and the Xvfb process started for it (None if given)."""
    if display:
        return display, None
    if shutil.which("Xvfb") is None:
        print("skipped: Xvfb is missing (apt-get install -y xvfb), or give --display")
        raise SystemExit(0)
    for number in range(90, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists():
            break
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1920x1080x24",
                               "-nolisten", "tcp"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    for _ in range(100):
        if Path(f"/tmp/.X11-unix/X{number}").exists():
            break
        time.sleep(0.05)
    return f":{number}", server


def _environment(shown: str, folder: Path, marker: str = "exit") -> dict[str, str]:
    env = {**os.environ, "DISPLAY": shown, "QT_QPA_PLATFORM": "xcb",
           "XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config"),
           "ECOLEDGER_STARTUP_MARKER": marker}
    env.pop("ECOLEDGER_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _compiled(*trees: Path | None) -> None:
    for tree in trees:
        if tree:
            subprocess.run([sys.executable, "-m", "compileall", "-q", "core", "gui"],
                           cwd=tree, check=True)


def instructions(display: str | None, before: Path | None = None) -> dict[str, tuple[int, int]]:
    """Machine instructions to the marker, counted by valgrind (callgrind): the same on a
    busy machine as on a quiet one, unlike the clock. For the bare window, this app and
    the app in `before`: (the GUI thread's, every thread's). Each process stops at once
    at its marker (ECOLEDGER_STARTUP_MARKER=stop); the app's writer then finds the lock
    of a process that did not close and checks the file again, on its own thread."""
    if shutil.which("valgrind") is None:
        raise SystemExit("skipped: valgrind is missing (apt-get install -y valgrind)")
    shown, server = x_server(display)
    counts = {}
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            ledger = demo_ledger(folder)
            env = _environment(shown, folder, "stop")
            _compiled(ROOT, before)
            runs = [("bare PySide6 window", [sys.executable, "-c", BARE], ROOT),
                    ("EcoLedger with data", app_command(ROOT, ledger), ROOT)]
            if before:
                runs.append((f"before ({before})", app_command(before, ledger), before))
            for name, command, tree in runs:
                out = folder / f"callgrind.{len(counts)}"
                subprocess.run(["valgrind", "--tool=callgrind", "--separate-threads=yes",
                                f"--callgrind-out-file={out}", *command], cwd=tree, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                threads = {}
                for part in folder.glob(out.name + "-*"):
                    for line in part.read_text(errors="replace").splitlines():
                        if line.startswith(("summary:", "totals:")):
                            threads[part.name] = int(line.split()[1])
                            break
                main = threads.get(out.name + "-01", 0)
                counts[name] = (main, sum(threads.values()))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    return counts


def run(repeat: int, display: str | None, before: Path | None = None
        ) -> tuple[list[float], list[float], list[float]]:
    """Seconds of each run: the bare window, this app, and the app in `before` (if given)."""
    shown, server = x_server(display)
    try:
        with tempfile.TemporaryDirectory() as scratch:
            folder = Path(scratch)
            ledger = demo_ledger(folder)
            env = _environment(shown, folder)
            _compiled(ROOT, before)
            app = app_command(ROOT, ledger)
            older = app_command(before, ledger) if before else None
            bare = [sys.executable, "-c", BARE]
            launch(bare, env)  # warm the file cache for both before timing
            launch(app, env)
            if before:
                launch(older, env, before)
            bares, apps, befores = [], [], []
            for _ in range(repeat):
                bares.append(launch(bare, env))
                apps.append(launch(app, env))
                if before:
                    befores.append(launch(older, env, before))
    finally:
        if server is not None:
            server.terminate()
            server.wait()
    return bares, apps, befores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--display", help="a running X server (default: start Xvfb)")
    parser.add_argument("--before", type=Path, help="another checkout to time alongside")
    parser.add_argument("--instructions", action="store_true",
                        help="count instructions under valgrind instead of timing")
    args = parser.parse_args()
    if args.instructions:
        counts = instructions(args.display, args.before)
        bare = counts["bare PySide6 window"]
        for name, (main, every) in counts.items():
            print(f"{name}: GUI thread {main / 1e6:,.0f} M instructions = "
                  f"{main / bare[0]:.2f}×; every thread {every / 1e6:,.0f} M")
        return
    bares, apps, befores = run(args.repeat, args.display, args.before)
    rows = [("bare PySide6 window", bares), ("EcoLedger with data", apps)]
    if befores:
        rows.append((f"before ({args.before})", befores))
    b = statistics.median(s for s, _ in bares)
    bc = statistics.median(c for _, c in bares)
    for name, runs in rows:
        wall, cpu = statistics.median(s for s, _ in runs), statistics.median(c for _, c in runs)
        print(f"{name}: " + " ".join(f"{s * 1000:.0f}" for s, _ in runs)
              + f" ms; median {wall * 1000:.0f} ms = {wall / b:.2f}× "
              f"(CPU {cpu * 1000:.0f} ms = {cpu / bc:.2f}×)")
    a = statistics.median(s for s, _ in apps)
    print(f"medians of {args.repeat}: bare {b * 1000:.0f} ms, EcoLedger {a * 1000:.0f} ms "
          f"= {a / b:.2f}× (target ≤ {TARGET:.1f}×)")


if __name__ == "__main__":
    main()
