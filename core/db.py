"""Opening the ledger file: pragmas, migrations, transactions."""
from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import LedgerError
from .schema import MIGRATIONS, SCHEMA_VERSION


def connect(path: str | Path, check: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the ledger at `path`; `check` runs SQLite's
    quick check first (a whole read of the file)."""
    path = Path(path)
    if str(path) != ":memory:":
        if path.is_dir():
            raise LedgerError("error.db_is_directory", path=path)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        _configure(conn)
        if check:
            _quick_check(conn, path)
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.db_unreadable", path=path, reason=exc) from None
    return conn


def _configure(conn: sqlite3.Connection) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file at once, before anything is written to it."""
    result = conn.execute("PRAGMA quick_check").fetchone()[0]
    if result != "ok":
        conn.close()
        raise LedgerError("error.db_damaged", path=path, detail=result)


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Bring the schema up to date; refuse a file made by a newer version."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise LedgerError("error.db_too_new", found=current, supported=SCHEMA_VERSION)
    applied = []
    if 0 < current < SCHEMA_VERSION:
        from .backup import before_migration

        before_migration(conn, current)
    for number, (name, step) in enumerate(MIGRATIONS, start=1):
        if number <= current:
            continue
        with transaction(conn):
            from .audit import mark, seal

            audit_mark = mark(conn)
            if number == 1:
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS migration "
                    "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
            step(conn)
            conn.execute(
                "INSERT INTO migration VALUES (?, ?, ?)", (number, name, now())
            )
            conn.execute(f"PRAGMA user_version = {number}")
            seal(conn, audit_mark, "migration")  # rows a data migration changed
        applied.append(name)
    if applied:
        _cover_new_columns(conn)
    return applied


def _cover_new_columns(conn: sqlite3.Connection) -> None:
    """Re-create the audit triggers after migrations, so that a table or column a migration
    added is recorded too (and `check` does not see stale triggers as altered)."""
    from . import audit

    if audit.present(conn):
        with transaction(conn):
            audit.install_triggers(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed whole, or rolled back on any error."""
    if conn.in_transaction:  # nested: the outer transaction decides
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def now() -> str:
    """The current local time as ISO text, to the second."""
    return dt.datetime.now().isoformat(timespec="seconds")


def execute_script(conn: sqlite3.Connection, script: str) -> None:
    """Run a multi-statement script inside the current transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            conn.execute(statement)
            statement = ""
    if statement.strip():
        conn.execute(statement)
