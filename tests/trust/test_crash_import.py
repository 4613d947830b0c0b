"""Crash safety of the ledger import as the CLI runs it (`alone`: through a rollback journal
instead of the WAL, see core.bulk.tuned): killed with SIGKILL at random moments of its
write, it leaves the ledger intact, opening again, and holding none or all of the rows."""
from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from core import audit, settings
from core.ledger import Ledger
from tests.ledger_import.workbooks import sheet_rows, write_fast

from .killing import run_killed

ROOT = Path(__file__).resolve().parents[2]
ROWS = 4000
KILLS = 8

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")

# Prints "writing" when the import begins to write, "journal <mode>" at its first chunk.
_IMPORTER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from core import ledger_import, messages
    from core.ledger import Ledger
    ledger = Ledger.open(sys.argv[2], operator="import")
    writing = messages.text("import.progress_writing")
    seen = []
    def progress(done, total, message):
        if message == writing and not seen:
            seen.append(1)
            print("writing", flush=True)
        elif message == writing and len(seen) == 1 and done:
            seen.append(1)
            mode = ledger.conn.execute("PRAGMA journal_mode").fetchone()[0]
            print("journal", mode, flush=True)
    ledger_import.run(ledger, sys.argv[3], progress=progress, alone=True)
    print("done", flush=True)
    ledger.close()
""")


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash_import")
    with Ledger.open(folder / "template.db") as ledger:
        settings.set_jurisdiction(ledger, "141000")
    write_fast(folder / "ledger.xlsx", sheet_rows(ROWS, seed=5, today=dt.date(2026, 6, 1)))
    return folder


def _run(folder: Path, n: int, delay: float | None) -> tuple[list[str], Path]:
    """Import into a fresh copy of the template; SIGKILL `delay` s after writing began."""
    path = folder / f"run{n}.db"
    shutil.copyfile(folder / "template.db", path)
    said = run_killed([sys.executable, "-c", _IMPORTER, str(ROOT), str(path),
                       str(folder / "ledger.xlsx")], delay)
    return said, path


def _state(path: Path) -> tuple[str, int, int]:
    """integrity_check, problems and the import's audit entries, read as the app reads:
    its open rolls a journal a killed import left back first."""
    with Ledger.open(path, operator="check") as ledger:
        conn = ledger.conn
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        problems = conn.execute("SELECT count(*) FROM problem").fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM audit_log WHERE operator = 'import'"
                               ).fetchone()[0]
        assert audit.verify(conn) == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    return check, problems, entries


def test_a_killed_cli_import_leaves_none_or_all_of_its_rows(prepared):
    folder = prepared
    started = time.perf_counter()
    said, path = _run(folder, 0, None)
    write_time = time.perf_counter() - started
    assert said[-1] == "done" and "journal delete" in said  # it did write past the WAL
    assert not Path(f"{path}-journal").exists()
    check, problems, all_entries = _state(path)
    assert (check, problems) == ("ok", ROWS) and all_entries > ROWS

    rng = random.Random(20261201)
    middle = 0
    for n in range(1, KILLS + 1):
        said, path = _run(folder, n, rng.uniform(0, write_time))
        check, problems, entries = _state(path)
        assert check == "ok", f"kill {n}"
        assert (problems, entries) in ((0, 0), (ROWS, all_entries)), f"kill {n}"
        if "done" in said:
            assert problems == ROWS, f"kill {n}: an import reported done lost rows"
        middle += problems == 0
        for leftover in ("", "-wal", "-shm", "-journal"):
            Path(f"{path}{leftover}").unlink(missing_ok=True)
    assert middle >= KILLS // 4, "too few kills landed in the middle of the write"


def test_with_another_connection_open_the_import_stays_in_the_wal(prepared, tmp_path):
    """A reader on the file (the GUI's, another process): no switch, the import still
    commits, and the reader meanwhile reads the ledger as it was."""
    path = tmp_path / "shared.db"
    shutil.copyfile(prepared / "template.db", path)
    reader = sqlite3.connect(path)
    try:
        assert reader.execute("SELECT count(*) FROM problem").fetchone()[0] == 0
        said = subprocess.run([sys.executable, "-c", _IMPORTER, str(ROOT), str(path),
                               str(prepared / "ledger.xlsx")], capture_output=True, text=True,
                              timeout=120).stdout.split()
        assert said[-1] == "done" and "delete" not in said
        assert reader.execute("SELECT count(*) FROM problem").fetchone()[0] == ROWS
    finally:
        reader.close()
    assert _state(path)[:2] == ("ok", ROWS)
