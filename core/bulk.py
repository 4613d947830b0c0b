"""Many rows at once: one transaction, one prepared statement per table."""
from __future__ import annotations

import sqlite3
from typing import Iterable, Sequence


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence]) -> int:
    """Insert `rows` into `table` inside the caller's transaction; returns the row count."""
    marks = ", ".join("?" for _ in columns)
    cursor = conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
    )
    return cursor.rowcount
