"""What the benchmark scripts share: a median timer and ledgers built once and kept."""
from __future__ import annotations

import statistics
import time
from pathlib import Path
from typing import Any, Callable


def timed(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, Any]:
    """The median seconds of `repeat` calls of `fn`, and what the last call returned."""
    runs, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs), result


def _schema_version(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA user_version").fetchone()[0]
    finally:
        conn.close()


def _current_schema() -> int:
    from core.schema import SCHEMA_VERSION

    return SCHEMA_VERSION


def built_once(path: Path, problems: int, fill: Callable[[Path], None]) -> Path:
    """`path`, made by `fill(partial)` the first time and renamed when complete, so that an
    interrupted build is started again rather than used. One of an older schema is built
    again too: opening it would measure its migration, not the figure asked for."""
    if path.exists() and _schema_version(path) == _current_schema():
        return path
    for stale in path.parent.glob(path.name + "*"):
        stale.unlink()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    for leftover in path.parent.glob(partial.name + "*"):
        leftover.unlink()
    print(f"building a ledger of {problems:,} problems in {path} …", flush=True)
    started = time.perf_counter()
    fill(partial)
    partial.rename(path)
    print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return path
