"""The open ledger: one connection and the operator making changes."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import audit, dates, db, regions
from .errors import LedgerError

DEFAULT_OPERATOR = "system"
# A ledger nobody signed in to (scripts, the command line, tests) may do everything;
# the GUI signs an operator in, which sets the role (see core/operators.py).
DEFAULT_ROLE = "admin"


class Ledger:
    """An open ledger file. All core functions take one as their first argument."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None,
                 operator: str = DEFAULT_OPERATOR, role: str = DEFAULT_ROLE):
        self.conn = conn
        self.path = path
        self.operator = operator
        self.role = role
        self.warnings: list[str] = []  # message codes to show the user after opening
        self.lock = None
        self.checked_on: str | None = None  # the day the file was last found sound

    @classmethod
    def open(cls, path: str | Path, operator: str = DEFAULT_OPERATOR,
             exclusive: bool = False) -> "Ledger":
        """Open or create the ledger at `path`, migrated and with regions loaded.
        `exclusive` (the GUI) refuses a file another instance has open for writing."""
        from . import filesystem, lock

        today = dates.today().isoformat()
        earlier = None if str(path) == ":memory:" else lock.still_checked(path, today)
        check = earlier is None
        checked = today if check else earlier
        held = lock.acquire(path, operator) if exclusive else None
        try:
            conn = db.connect(path, check=check)
        except BaseException:
            if held:
                held.release()
            raise
        ledger = cls(conn, Path(path), operator)
        ledger.lock = held
        ledger.checked_on = checked
        if str(path) != ":memory:" and filesystem.is_network_path(path):
            ledger.warnings.append("warning.network_drive")
        regions.ensure_loaded(ledger)
        return ledger

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; its audit entries are sealed (hash-chained) before COMMIT."""
        if self.conn.in_transaction:
            yield self.conn
            return
        try:
            with db.transaction(self.conn) as conn:
                self._audit_mark = audit.mark(conn)
                try:
                    yield conn
                    audit.seal(conn, self._audit_mark, self.operator)
                finally:
                    self._audit_mark = None
        except sqlite3.IntegrityError as exc:
            if str(exc) != "period_locked":  # raised by the period_lock_* triggers
                raise
            through = self.conn.execute("SELECT max(through) FROM period_lock "
                                        "WHERE unlocked_at IS NULL").fetchone()[0]
            raise LedgerError("error.period_locked", through=through) from None

    def seal_pending(self) -> None:
        """Seal the audit entries written so far in the open transaction: a bulk load calls
        this between chunks, hashing entries while they are still in the page cache."""
        if self.conn.in_transaction and getattr(self, "_audit_mark", None) is not None:
            audit.seal(self.conn, self._audit_mark, self.operator)

    def close(self) -> None:
        self.conn.close()  # the last connection: SQLite checkpoints and removes the WAL
        if self.lock is not None:
            self.lock.release_clean(self.path, self.checked_on)

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
