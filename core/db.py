"""Opening the ledger file: pragmas, migrations, transactions."""
from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .errors import LedgerError
from .migrations import execute_script  # noqa: F401  (callers import it from here)
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
    if current == SCHEMA_VERSION:
        return []
    if current > 0:
        from .backup import before_migration

        before_migration(conn, current)
    # A step that rebuilds a table (sqlite-utils transform) drops the old one: with foreign
    # keys on, that would fire the ON DELETE actions of every table referring to it. As
    # SQLite prescribes for schema changes, they are off while the steps run, and each step
    # checks them before it commits.
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        applied = []
        for number, (name, step) in enumerate(MIGRATIONS, start=1):
            if number > current:
                _apply(conn, number, name, step)
                applied.append(name)
    finally:
        conn.execute("PRAGMA foreign_keys = ON")
    _cover_new_columns(conn)
    return applied


def _apply(conn: sqlite3.Connection, number: int, name: str, step) -> None:
    """Run migration `number` in its own transaction and record it."""
    from . import audit

    with transaction(conn):
        audit_mark = audit.mark(conn) if _has_table(conn, "audit_seal") else None
        if number == 1:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS migration "
                "(number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
        step(conn)
        broken = conn.execute("PRAGMA foreign_key_check").fetchone()
        if broken:
            raise sqlite3.IntegrityError(f"migration {name}: {tuple(broken)}")
        conn.execute("INSERT INTO migration VALUES (?, ?, ?)", (number, name, now()))
        conn.execute(f"PRAGMA user_version = {number}")
        if audit_mark is None and _has_table(conn, "audit_seal") and audit.present(conn):
            # a file from before the seal table: what the steps since wrote is sealed now
            audit_mark = 0
        audit.seal(conn, audit_mark, "migration")  # rows a data migration changed


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


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
