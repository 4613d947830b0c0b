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


def _backup_before_migration(conn: sqlite3.Connection, version: int) -> object:
    """The copy every migration of an existing ledger is preceded by (the backup module is
    loaded only then: start-up does not need it)."""
    from . import backup

    return backup.before_migration(conn, version)


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
        # Why nothing may be written (a message code), e.g. a read-only folder or a file
        # SQLite finds damaged; None when the ledger is writable.
        self.read_only: str | None = None
        self.damage: str | None = None  # SQLite's finding when the file failed its check

    @classmethod
    def open(cls, path: str | Path, operator: str = DEFAULT_OPERATOR,
             exclusive: bool = False, wait: float = 0.0) -> "Ledger":
        """Open or create the ledger at `path`, migrated and with regions loaded.
        `exclusive` (the GUI, the command line's writes) refuses a file another instance
        has open for writing, after trying for `wait` seconds. A file in a read-only folder,
        or one SQLite's check finds damaged, opens read-only (see `read_only`)."""
        from . import filesystem, lock, validation

        operator = validation.operator_name(operator)
        today = dates.today().isoformat()
        earlier = None if str(path) == ":memory:" else lock.still_checked(path, today)
        check = earlier is None
        checked = today if check else earlier
        memory = str(path) == ":memory:"
        writable = memory or db.writable(path)
        held = lock.acquire(path, operator, wait) if exclusive and writable else None
        damage = None
        try:
            if writable:
                try:
                    conn = db.connect(path, check=check,
                                      before_migration=_backup_before_migration)
                except db.Damaged as exc:
                    damage = exc.detail
                    conn = db.connect_read_only(path)
            else:
                conn = db.connect_read_only(path)
        except BaseException:
            if held:
                held.release()
            raise
        ledger = cls(conn, Path(path), operator)
        ledger.lock = held
        ledger.checked_on = None if damage else checked
        if damage:
            ledger.damage, ledger.read_only = damage, "error.ledger_damaged"
            ledger.warnings.append("warning.ledger_damaged")
        elif not writable:
            ledger.read_only = "error.ledger_read_only"
            ledger.warnings.append("warning.ledger_read_only")
        if not memory and filesystem.is_network_path(path):
            ledger.warnings.append("warning.network_drive")
        if not memory:
            ledger.warnings += lock.lost_changes(path, conn)
        if not ledger.read_only:
            regions.ensure_loaded(ledger)
            from . import checkpoints
            checkpoints.keep(ledger, today)  # the last days' figures, for past dates
        return ledger

    def read_only_reason(self) -> str | None:
        """Why nothing can be written (damaged file, read-only folder), or None."""
        from .errors import LedgerError

        try:
            self.refuse_if_read_only()
        except LedgerError as refused:
            return str(refused)
        return None

    def refuse_if_read_only(self) -> None:
        if self.read_only:
            from .errors import LedgerError
            from . import backup

            raise LedgerError(self.read_only, path=self.path,
                              backup=backup.last_good_name(self) or "—")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; its audit entries are sealed (hash-chained) before COMMIT."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.refuse_if_read_only()
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
        if self.lock is not None:
            self.lock.note_head(audit.head(self.conn))

    def seal_pending(self) -> None:
        """Seal the audit entries written so far in the open transaction: a bulk load calls
        this between chunks, hashing entries while they are still in the page cache."""
        if self.conn.in_transaction and getattr(self, "_audit_mark", None) is not None:
            audit.seal(self.conn, self._audit_mark, self.operator)

    def close(self) -> None:
        head = audit.head(self.conn) if self.lock is not None else None
        self.conn.close()  # the last connection: SQLite checkpoints and removes the WAL
        if self.lock is not None:
            self.lock.release_clean(self.path, self.checked_on, head)

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
