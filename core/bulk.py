"""Many rows at once: one transaction, one prepared statement per table.

Per-row triggers cost a bulk load most of its time (32 of the 38 s that inserting a
100,000-row import took, the audit and search triggers over half of it). `Load` drops the
audit, search and tally insert triggers of its tables inside the caller's transaction and,
after each chunk, writes the same audit entries, index rows and counts with one INSERT …
SELECT each (the tallies grouped, see `core.bulk_tallies`); it puts the triggers back, as
they were stored, before the transaction can end. While no period is locked, the
period-lock insert checks (which could not fire) are paused the same way. DDL is transactional in SQLite, so a
rollback restores them too, and no other connection ever sees a table without them.
A load that doubles a table or more also rebuilds its plain indexes once at the end of
that table instead of growing them row by row.
"""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, Mapping, Sequence

from . import audit, bulk_tallies, search

# Large enough for a 100,000-row import's working set (its indexes and the pages its
# audit entries are sealed from); measured against 2 MB, 64 MB and 256 MB.
CACHE_MIB = 128
_Writer = Callable[[sqlite3.Connection, str, int], object]


def insert_rows(conn: sqlite3.Connection, table: str, columns: Sequence[str],
                rows: Iterable[Sequence]) -> int:
    """Insert `rows` into `table` inside the caller's transaction; returns the row count."""
    marks = ", ".join("?" for _ in columns)
    cursor = conn.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows
    )
    return cursor.rowcount


@contextmanager
def tuned(conn: sqlite3.Connection, cache_mib: int = CACHE_MIB,
          alone: bool = False) -> Iterator[None]:
    """Settings for one big write, undone afterwards: a page cache that holds its working
    set, and statement journals (one per triggered insert) in memory instead of temp files.
    Enter it before the transaction begins: SQLite changes temp_store only outside one.

    `alone`: the caller's connection is the only one that will use the file while the
    write lasts (the CLI's): the write then goes through a rollback journal (see
    `_rollback_journal`) and the WAL mode comes back afterwards."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    temp = conn.execute("PRAGMA temp_store").fetchone()[0]
    outside = not conn.in_transaction
    conn.execute(f"PRAGMA cache_size = {-cache_mib * 1024}")
    if outside:
        conn.execute("PRAGMA temp_store = MEMORY")
    journal = _rollback_journal(conn) if alone and outside else None
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {cache}")
        if outside and not conn.in_transaction:
            conn.execute(f"PRAGMA temp_store = {temp}")
            if journal is not None:
                _back_to_wal(conn, journal)


def _rollback_journal(conn: sqlite3.Connection) -> int | None:
    """Switch a WAL ledger to a rollback journal for one big write; the previous
    `synchronous` setting, or None when it stays in WAL mode.

    In WAL mode every page a load writes goes into the -wal and is copied into the file
    again by the checkpoint after COMMIT, and each page read looks the WAL index up first:
    for a 100,000-row import (730 MB) COMMIT and the checkpoint alone took 2.1 s CPU (0.3 s
    with the journal), and more on a busy disk. With a
    rollback journal the new pages go into the file once and only the pages that existed
    are journaled (few in a fresh ledger). It is as safe: a killed process leaves a hot
    journal that SQLite rolls back on the next open, so the transaction commits whole or
    leaves nothing (`synchronous = FULL` for the load, the rollback journal's durable
    setting). SQLite switches only when no other connection has the file open (readers of
    the GUI, another process): then the write simply stays in the WAL. A connection that
    tries to open the file while such a write lasts waits (busy_timeout) and may be refused
    (the write holds the file locked), which is why only the CLI asks for it."""
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        return None
    synchronous = conn.execute("PRAGMA synchronous").fetchone()[0]
    timeout = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute("PRAGMA busy_timeout = 0")  # another connection open: no switch, no wait
    try:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except sqlite3.OperationalError:  # "database is locked": the file is shared
        mode = "wal"
    finally:
        conn.execute(f"PRAGMA busy_timeout = {timeout}")
    if mode != "delete":
        return None
    conn.execute("PRAGMA synchronous = FULL")
    return synchronous


def _back_to_wal(conn: sqlite3.Connection, synchronous: int) -> None:
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError:
        pass  # a connection opened meanwhile holds the file: the next open sets WAL again
    conn.execute(f"PRAGMA synchronous = {synchronous}")


def _idle_lock_triggers(conn: sqlite3.Connection, tables: Iterable[str],
                        stored: Mapping[str, str]) -> list[str]:
    """The period-lock insert triggers of `tables` that cannot fire in this transaction:
    no period is locked (only a locking write adds one, and the load holds the write
    lock), so each would test every row for nothing, and those per-row programs cost
    about as much as the inserts. Only triggers as the schema defines them."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'period_lock'"
                    ).fetchone() is None or conn.execute(
            "SELECT 1 FROM period_lock WHERE unlocked_at IS NULL LIMIT 1").fetchone():
        return []
    from .schema import lock_triggers

    expected = lock_triggers()
    return [name for name, (table, sql) in expected.items()
            if table in tables and name in stored and bulk_tallies.same(stored[name], sql)]


class Load:
    """Inserts into the tables of `planned` (table → rows the load will insert) inside the
    caller's transaction, with each table's audit and search insert triggers replaced by
    set-based statements per call of `insert`.

    A trigger is replaced only if it stands as the schema defines it (an audit trigger
    someone altered keeps firing as it is), and it is re-created from its stored text.

    A table that will at least double (and by `REBUILD_FROM` rows or more) loses its plain
    secondary indexes while its rows go in and gets them back, built in one sort each, as
    soon as the load moves on to another table: only the table being loaded is ever without
    them, so triggers that look rows up in other tables keep their indexes. Unique indexes
    stay, so that a duplicate fails at its own row as before."""

    REBUILD_FROM = 5_000

    def __init__(self, conn: sqlite3.Connection, planned: Mapping[str, int]):
        self.conn = conn
        self.planned = dict(planned)
        self._saved: dict[str, str] = {}
        self._writers: dict[str, list[_Writer]] = {}
        self._current: str | None = None
        self._dropped: list[str] = []  # CREATE INDEX statements of the table being loaded
        self._intervals = None  # core.intervals.Paused: state intervals rebuilt at the end

    def __enter__(self) -> "Load":
        if not self.conn.in_transaction:
            raise RuntimeError("bulk.Load needs an open transaction")
        stored = dict(self.conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
        expected = audit.expected_triggers(self.conn)
        try:
            for table in self.planned:
                name = audit.insert_trigger(table)
                if name in stored and stored[name] == expected.get(name):
                    self._defer(table, name, stored[name], audit.record_inserts)
                name = search.insert_trigger(table)
                if name in stored:
                    self._defer(table, name, stored[name], search.index_inserts)
            for name, (table, sql) in bulk_tallies.expected().items():
                if table in self.planned and name in stored and bulk_tallies.same(stored[name], sql):
                    self._defer(table, name, stored[name], bulk_tallies.WRITERS[name])
            for name in _idle_lock_triggers(self.conn, self.planned, stored):
                self.conn.execute(f"DROP TRIGGER {name}")
                self._saved[name] = stored[name]
            from . import intervals
            self._intervals = intervals.Paused(self.conn, self.planned)
        except BaseException:
            self._restore()
            raise
        return self

    def _defer(self, table: str, trigger: str, sql: str, writer: _Writer) -> None:
        self.conn.execute(f"DROP TRIGGER {trigger}")
        self._saved[trigger] = sql
        self._writers.setdefault(table, []).append(writer)

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence]) -> int:
        """Insert `rows`, then write their audit entries and index rows."""
        if table != self._current:
            self._start(table)
        writers = self._writers.get(table, ())
        before = 0
        if writers:
            before = self.conn.execute(
                f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
        count = insert_rows(self.conn, table, columns, rows)
        for write in writers:
            write(self.conn, table, before)
        return count

    def state_intervals(self, rows: list[tuple]) -> None:
        """The state intervals of the new problems this load inserts, computed by the
        caller from its rows (`intervals.of_new`): they are stored as they are instead of
        being rebuilt from the logs at the end."""
        if self._intervals is not None:
            self._intervals.given(rows)

    def _start(self, table: str) -> None:
        self._rebuild()
        self._current = table
        incoming = self.planned.get(table, 0)
        if incoming < self.REBUILD_FROM:
            return
        present = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if incoming < present:
            return
        plain = {row[1] for row in self.conn.execute(f"PRAGMA index_list({table})")
                 if row[3] == "c" and not row[2]}
        for name, sql in self.conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                "ORDER BY rowid", (table,)).fetchall():
            if name in plain:
                self.conn.execute(f"DROP INDEX {name}")
                self._dropped.append(sql)

    def _rebuild(self) -> None:
        """Re-create the dropped indexes, in their old order (the planner breaks ties by it)."""
        dropped, self._dropped = self._dropped, []
        for sql in dropped:
            self.conn.execute(sql)

    def __exit__(self, *exc: object) -> None:
        self._restore()

    def _restore(self) -> None:
        saved, self._saved = self._saved, {}
        self._writers.clear()
        paused, self._intervals = self._intervals, None
        if not self.conn.in_transaction:
            self._dropped = []
            return  # SQLite rolled the transaction back already, and the drops with it
        self._rebuild()
        if paused is not None:
            paused.finish()
        for sql in saved.values():
            self.conn.execute(sql)
