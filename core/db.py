"""Opening the ledger file: pragmas, migrations, transactions."""
from __future__ import annotations

import datetime as dt
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

from .errors import LedgerError, is_disk_full
from .migrations import execute_script  # noqa: F401  (callers import it from here)
from .schema import MIGRATIONS, SCHEMA_VERSION

# What runs before an existing ledger is migrated, given its connection and schema version.
BeforeMigration = Callable[[sqlite3.Connection, int], object]


SQLITE_MAGIC = b"SQLite format 3\x00"


class Damaged(LedgerError):
    """SQLite's own check found the file damaged; `detail` is what it said."""

    def __init__(self, path: Path, detail: str):
        super().__init__("error.db_damaged", path=path, detail=detail)
        self.detail = detail


def refuse_non_ledger(path: Path) -> None:
    """Refuse a folder, an empty file or a file that is not an SQLite database: none of them
    is silently turned into a new ledger."""
    if path.is_dir():
        raise LedgerError("error.db_is_directory", path=path)
    if not path.exists():
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise LedgerError("error.db_unreadable", path=path, reason=exc.strerror or exc) from None
    if not head:
        raise LedgerError("error.db_empty_file", path=path)
    if head != SQLITE_MAGIC:
        raise LedgerError("error.db_not_sqlite", path=path)


def writable(path: str | Path) -> bool:
    """Whether the ledger (or the folder a new one would be made in) can be written:
    not on read-only media, nor in a folder or file the user may not write."""
    path = Path(path)
    folder = path.parent if path.parent != Path("") else Path(".")
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if _read_only_mount(folder):
        return False
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return os.access(folder, os.W_OK)


def _read_only_mount(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (AttributeError, OSError):  # Windows: os.access tells
        return False


def connect_read_only(path: str | Path) -> sqlite3.Connection:
    """Open an existing ledger for reading only, without migrating it (a read-only folder,
    a CD or a locked USB stick, or a damaged file): SQLite may not create its -shm there."""
    path = Path(path)
    refuse_non_ledger(path)
    if not path.exists():
        raise LedgerError("error.ledger_missing", path=path)
    uri = f"file:{path.resolve().as_posix()}?mode=ro"
    try:
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError:  # WAL without a -shm in a folder we cannot write
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
        conn.row_factory = sqlite3.Row
        register_collations(conn)
        conn.execute("PRAGMA query_only = 1")
        if schema_version(conn) != SCHEMA_VERSION:
            found = schema_version(conn)
            conn.close()
            raise LedgerError("error.read_only_old_schema", path=path, found=found,
                              supported=SCHEMA_VERSION)
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.db_unreadable", path=path, reason=exc) from None
    return conn


def connect(path: str | Path, check: bool = True,
            before_migration: BeforeMigration | None = None) -> sqlite3.Connection:
    """Open (creating if needed) and migrate the ledger at `path`; `check` runs SQLite's
    quick check first (a whole read of the file) and raises `Damaged` when it fails;
    `before_migration` (see `migrate`) runs before an existing file is migrated."""
    path = Path(path)
    if str(path) != ":memory:":
        refuse_non_ledger(path)
        path.parent.mkdir(parents=True, exist_ok=True)
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=True)
        _configure(conn)
        if check:
            try:
                _quick_check(conn, path)
            except sqlite3.DatabaseError as exc:  # too damaged to finish the check
                conn.close()
                raise Damaged(path, str(exc)) from None
        migrate(conn, before_migration)
    except sqlite3.DatabaseError as exc:
        raise LedgerError("error.db_unreadable", path=path, reason=exc) from None
    return conn


def register_collations(conn: sqlite3.Connection) -> None:
    """`COLLATE pinyin`: names as a Chinese reader looks them up (core.collation). Only
    queries use it, never an index, so another tool can still open the file."""
    from .collation import compare

    conn.create_collation("pinyin", compare)


def _configure(conn: sqlite3.Connection) -> None:
    register_collations(conn)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file at once, before anything is written to it."""
    result = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if result != ["ok"]:
        conn.close()
        raise Damaged(path, "；".join(result[:3]))


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection,
            before_migration: BeforeMigration | None = None) -> list[str]:
    """Bring the schema up to date; refuse a file made by a newer version. An existing file
    (version > 0) is first handed to `before_migration` with its version: `Ledger.open`
    passes `backup.before_migration`, so that every migration is preceded by a copy."""
    current = schema_version(conn)
    if current > SCHEMA_VERSION:
        raise LedgerError("error.db_too_new", found=current, supported=SCHEMA_VERSION)
    if current == SCHEMA_VERSION:
        return []
    if current > 0 and before_migration is not None:
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
            audit.record_baseline(conn)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: committed whole, or rolled back on any error."""
    if conn.in_transaction:  # nested: the outer transaction decides
        yield conn
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        # SQLite has rolled back already after some errors (a full disk): no second ROLLBACK
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        _after_failed_write(conn, exc)
        raise


def _after_failed_write(conn: sqlite3.Connection, exc: BaseException) -> None:
    """A write stopped by a full disk: the -wal it half wrote is emptied, and the error
    says the disk is full (not "cannot rollback - no transaction is active")."""
    if not is_disk_full(exc):
        return
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError:
        pass
    row = conn.execute("PRAGMA database_list").fetchone()
    folder = Path(row[2]).parent if row and row[2] else ""
    raise LedgerError("error.disk_full", path=folder) from None


def now() -> str:
    """The current local time as ISO text, to the second."""
    return dt.datetime.now().isoformat(timespec="seconds")
