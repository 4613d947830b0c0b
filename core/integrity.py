"""Integrity checks on the ledger file: everything that can be known from the file, its
lock file and its attachments folder.

Each step's own failure (SQLite cannot read part of a damaged file) is a finding, not the
end of the check: what SQLite and the other steps found is kept.
"""
from __future__ import annotations

import sqlite3
from typing import Callable, TYPE_CHECKING

from . import attachments, audit, backup, intervals, lock, messages, statistics
from .penalties import consistency as penalty_consistency

if TYPE_CHECKING:
    from .ledger import Ledger


def check(ledger: Ledger, quick: bool = False) -> list[str]:
    """Every fault found, as readable lines: SQLite's integrity (all its lines) and
    foreign-key checks, the audit trail (triggers, the hash chain, which entry is damaged,
    a tail cut off past the head kept in the lock file), every row against its entries and
    the counts per table, every attachment file against its hash, the search indexes, and
    the kept statistics tallies and past states (core.intervals). `quick` (the opening
    path) runs SQLite's quick check, the triggers and the recorded head only."""
    conn = ledger.conn
    findings: list[str] = []
    _step(findings, "integrity_check", lambda: _sqlite(conn, quick))
    _step(findings, "triggers", lambda: audit._trigger_findings(conn))
    if ledger.path is not None and str(ledger.path) != ":memory:":
        where = messages.text("label.head_lock_file")
        _step(findings, "head", lambda: audit.head_findings(
            conn, lock.recorded_head(ledger.path), where))
    if quick:
        return findings
    _step(findings, "backup_head", lambda: _backup_head(ledger))
    _step(findings, "foreign_key_check", lambda: _foreign_keys(conn))
    _step(findings, "audit", lambda: _readable(conn, lambda: audit._chain_findings(conn)))
    _step(findings, "rows", lambda: _readable(conn, lambda: audit.row_findings(conn)))
    _step(findings, "penalties", lambda: penalty_consistency.findings(ledger))
    _step(findings, "attachments", lambda: attachment_findings(ledger))
    if not ledger.read_only:
        _step(findings, "search", lambda: search_findings(conn))
    _step(findings, "tally", lambda: _tally(ledger))
    _step(findings, "intervals", lambda: _intervals(ledger))
    return findings


def _backup_head(ledger: Ledger) -> list[str]:
    """The chain must still reach the head the newest backup recorded (a second copy of
    the head besides the lock file, which a careful forger could rewrite too)."""
    if ledger.path is None or str(ledger.path) == ":memory:":
        return []
    recorded = backup.recorded_head(ledger)
    if recorded is None:
        return []
    head, name = recorded
    return audit.head_findings(ledger.conn, head, messages.text("label.head_backup", name=name))


def _step(findings: list[str], name: str, run: Callable[[], list[str]]) -> None:
    try:
        findings += run()
    except sqlite3.DatabaseError as exc:
        findings.append(messages.text("error.check_step", step=name, detail=exc))


def _sqlite(conn: sqlite3.Connection, quick: bool) -> list[str]:
    pragma = "quick_check" if quick else "integrity_check"
    return [messages.text("error.integrity", detail=line)
            for (line,) in conn.execute(f"PRAGMA {pragma}") if line != "ok"]


def _foreign_keys(conn: sqlite3.Connection) -> list[str]:
    return [messages.text("error.foreign_key", table=table, rowid=rowid, parent=parent)
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check")]


def _readable(conn: sqlite3.Connection, run: Callable[[], list[str]]) -> list[str]:
    """Run with text that is not UTF-8 (flipped bytes) read as replacement characters, so
    that the entry holding it fails its hash and is named by number, instead of the whole
    check stopping at "Could not decode to UTF-8"."""
    before = conn.text_factory
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return run()
    finally:
        conn.text_factory = before


def attachment_findings(ledger: Ledger) -> list[str]:
    """Each attachment whose stored file is missing or no longer matches its hash
    (deleted, replaced, emptied, one byte changed)."""
    folder = attachments.default_folder(ledger)
    findings = []
    for row in ledger.conn.execute(
            "SELECT name, problem_id, sha256, suffix FROM attachment ORDER BY attached_on, id"):
        path = folder / attachments.stored_name(row["sha256"], row["suffix"])
        params = {"name": row["name"], "problem": row["problem_id"], "file": path}
        if not path.is_file():
            findings.append(messages.text("error.attachment_file_missing", **params))
        elif attachments.file_hash(path) != row["sha256"]:
            findings.append(messages.text("error.attachment_file_changed", **params))
    return findings


def search_findings(conn: sqlite3.Connection) -> list[str]:
    """FTS5's own integrity check of every search index (run and rolled back)."""
    findings = []
    indexes = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")]
    for index in indexes:
        conn.execute("SAVEPOINT search_check")
        try:
            conn.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as exc:
            findings.append(messages.text("error.search_index", index=index, detail=exc))
        finally:
            conn.execute("ROLLBACK TO search_check")
            conn.execute("RELEASE search_check")
    return findings


def _tally(ledger: Ledger) -> list[str]:
    drift = statistics.tally_drift(ledger)
    return [messages.text("error.tally_drift", count=drift)] if drift else []


def _intervals(ledger: Ledger) -> list[str]:
    """The past states kept for figures on past dates (core.intervals) against a rebuild
    from the status logs and extensions."""
    drift = intervals.drift(ledger)
    return [messages.text("error.interval_drift", count=drift)] if drift else []
