"""The open ledger: one connection and the operator making changes."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from . import db, regions

DEFAULT_OPERATOR = "system"


class Ledger:
    """An open ledger file. All core functions take one as their first argument."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None = None,
                 operator: str = DEFAULT_OPERATOR):
        self.conn = conn
        self.path = path
        self.operator = operator

    @classmethod
    def open(cls, path: str | Path, operator: str = DEFAULT_OPERATOR) -> "Ledger":
        """Open or create the ledger at `path`, migrated and with regions loaded."""
        conn = db.connect(path)
        ledger = cls(conn, Path(path), operator)
        regions.ensure_loaded(ledger)
        return ledger

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with db.transaction(self.conn) as conn:
            yield conn

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
