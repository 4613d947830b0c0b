"""Integrity checks on the ledger file."""
from __future__ import annotations

from . import audit, messages, statistics
from .ledger import Ledger
from .penalties import consistency as penalty_consistency


def check(ledger: Ledger) -> list[str]:
    """Every fault found by SQLite's integrity and foreign-key checks and by the audit
    trail's verification (naming the first entry that does not match), and a recount of
    the kept statistics tallies, as readable lines."""
    findings = []
    for (line,) in ledger.conn.execute("PRAGMA integrity_check"):
        if line != "ok":
            findings.append(messages.text("error.integrity", detail=line))
    for table, rowid, parent, _ in ledger.conn.execute("PRAGMA foreign_key_check"):
        findings.append(messages.text("error.foreign_key", table=table, rowid=rowid, parent=parent))
    findings += audit.verify(ledger.conn)
    findings += audit.row_findings(ledger.conn)
    findings += penalty_consistency.findings(ledger)
    drift = statistics.tally_drift(ledger)
    if drift:
        findings.append(messages.text("error.tally_drift", count=drift))
    return findings


def quick_check(ledger: Ledger) -> bool:
    """SQLite's quick check, cheap enough to run at every open."""
    return ledger.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
