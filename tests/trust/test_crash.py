"""Crash safety: an import killed with SIGKILL at random moments leaves the ledger intact
and holding either none or all of the imported rows (and of their audit entries)."""
from __future__ import annotations

import pickle
import random
import shutil
import sqlite3
import sys
import textwrap
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from core import audit, demo, regions, settings
from core.ledger import Ledger

from .killing import run_killed

ROOT = Path(__file__).resolve().parents[2]
KILLS = 20
PROBLEMS = 1000

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

_WRITER = textwrap.dedent("""
    import pickle, sys
    sys.path.insert(0, sys.argv[1])
    from core import demo
    from core.ledger import Ledger
    data = pickle.load(open(sys.argv[3], "rb"))
    ledger = Ledger.open(sys.argv[2], operator="import")
    print("writing", flush=True)
    demo.write(ledger, data)
    print("done", flush=True)
    ledger.close()
""")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    """A migrated, initialised empty ledger and the rows to import into copies of it."""
    folder = tmp_path_factory.mktemp("crash")
    with Ledger.open(folder / "template.db") as ledger:
        settings.set_jurisdiction(ledger, "141000")
        counties = regions.counties_of(ledger, "141000")
    data = demo.generate(counties, PROBLEMS, seed=7, operator="import")
    (folder / "rows.pickle").write_bytes(pickle.dumps(data))
    total_rows = sum(len(rows) for _, rows in data.tables.values())
    return folder, total_rows


def _counts(path: Path) -> tuple[str, int, int]:
    conn = sqlite3.connect(path)
    try:
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        problems = conn.execute("SELECT count(*) FROM problem").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM audit_log WHERE operator = 'import'"
                               ).fetchone()[0]
    finally:
        conn.close()
    return check, problems, entries


def _run_once(folder: Path, n: int, delay: float | None) -> tuple[bool, Path]:
    """Import into a fresh copy; SIGKILL `delay` seconds after the write began (None: never).
    Returns whether the import reported done before the kill, and the ledger's path."""
    path = folder / f"run{n}.db"
    shutil.copyfile(folder / "template.db", path)
    said = run_killed([sys.executable, "-c", _WRITER, str(ROOT), str(path),
                       str(folder / "rows.pickle")], delay, timeout=60)
    return said == ["done"], path


def test_sigkill_during_import_leaves_none_or_all(prepared):
    folder, _ = prepared
    started = time.perf_counter()
    done, path = _run_once(folder, 0, None)
    write_time = time.perf_counter() - started
    assert done
    check, full, all_entries = _counts(path)
    assert (check, full) == ("ok", PROBLEMS) and all_entries > 0

    rng = random.Random(20240301)
    delays = [rng.uniform(0, write_time) for _ in range(KILLS)]
    with ThreadPoolExecutor(max_workers=2) as pool:  # each run has its own file
        outcomes = list(pool.map(lambda n: _kill_and_check(folder, n, delays[n - 1],
                                                           all_entries), range(1, KILLS + 1)))
    assert outcomes.count(0) >= KILLS // 4, "too few kills landed in the middle of the write"


def _kill_and_check(folder: Path, n: int, delay: float, all_entries: int) -> int:
    done, path = _run_once(folder, n, delay)
    check, problems, entries = _counts(path)
    assert check == "ok", f"kill {n}: {check}"
    assert (problems, entries) in ((0, 0), (PROBLEMS, all_entries)), f"kill {n}"
    if done:  # (killed after COMMIT but before "done" was printed may hold all too)
        assert problems == PROBLEMS, f"kill {n}: an import reported done lost rows"
    reopened = sqlite3.connect(path)
    try:
        assert audit.verify(reopened) == [], f"kill {n}"
    finally:
        reopened.close()
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)
    return problems
