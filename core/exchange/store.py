"""What a ledger keeps about exchanges: its site, its partners, what it has seen of each
site, which local audit entries came from elsewhere, the conflicts and the files applied.

The bookkeeping tables have no primary key on purpose: the audit trail covers tables with
one, and these record the exchange itself, not the bureau's work (the rows an import
changes are audited like any other write).
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import ids

if TYPE_CHECKING:
    from ..ledger import Ledger

_SQL = """
CREATE TABLE exchange_partner (
    site_id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    jurisdiction TEXT,
    sent_seq INTEGER NOT NULL DEFAULT 0,
    sent_vector TEXT NOT NULL DEFAULT '{}',
    last_export_at TEXT,
    last_import_at TEXT,
    acked_vector TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE exchange_seen (
    site_id TEXT NOT NULL UNIQUE,
    seq INTEGER NOT NULL
);
CREATE TABLE exchange_origin (
    local_seq INTEGER NOT NULL UNIQUE,
    dot TEXT NOT NULL
);
-- Changes received but not written here (kept as conflicts, or for rows deleted here):
-- passed on as received, after the local audit entry `after_seq`, so that a site hearing
-- of them through this one does not miss them.
CREATE TABLE exchange_pending (
    after_seq INTEGER NOT NULL,
    dot TEXT NOT NULL UNIQUE,
    entry TEXT NOT NULL
);
CREATE INDEX exchange_pending_after ON exchange_pending(after_seq);
CREATE TABLE exchange_resolution (
    local_seq INTEGER NOT NULL UNIQUE,
    field TEXT NOT NULL,
    supersedes TEXT NOT NULL
);
CREATE TABLE exchange_conflict (
    id TEXT NOT NULL UNIQUE,
    found_at TEXT NOT NULL,
    partner_site TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL,
    mine TEXT,
    theirs TEXT,
    mine_dot TEXT,
    theirs_dot TEXT NOT NULL,
    theirs_operator TEXT,
    resolved_at TEXT,
    resolved_by TEXT,
    resolution TEXT
);
CREATE INDEX exchange_conflict_row ON exchange_conflict(table_name, row_id, field);
CREATE TABLE exchange_file (
    file_id TEXT NOT NULL UNIQUE,
    source_site TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    applied INTEGER NOT NULL,
    conflicts INTEGER NOT NULL
);
"""

SITE_ID, SITE_NAME = "site_id", "site_name"


def migrate(conn: sqlite3.Connection) -> None:
    """Schema migration 'exchange': the bookkeeping tables and this database's site id."""
    from ..db import execute_script

    execute_script(conn, _SQL)
    conn.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)",
                 (SITE_ID, ids.new_id()))


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    jurisdiction: str


def site(ledger: "Ledger") -> Site:
    """This database's site: its id, name and jurisdiction."""
    from .. import settings

    site_id = settings.get(ledger, SITE_ID)
    if site_id is None:  # a ledger migrated before the setting existed: anyone's to fix
        site_id = ids.new_id()
        with ledger.transaction():
            ledger.conn.execute("INSERT OR IGNORE INTO setting (key, value) VALUES (?, ?)",
                                (SITE_ID, site_id))
    name = settings.get(ledger, SITE_NAME) or settings.get(ledger, "unit_name") or site_id[:8]
    return Site(site_id, name, settings.jurisdiction(ledger))


@dataclass(frozen=True)
class Partner:
    site_id: str
    name: str
    jurisdiction: str | None
    sent_seq: int
    sent_vector: dict[str, int]
    last_export_at: str | None
    last_import_at: str | None
    acked_vector: dict[str, int]


def partners(ledger: "Ledger") -> list[Partner]:
    """Every site this ledger has exchanged with, by name."""
    return [_partner(r) for r in ledger.conn.execute(
        "SELECT * FROM exchange_partner ORDER BY name, site_id")]


def partner(ledger: "Ledger", site_id: str) -> Partner | None:
    row = ledger.conn.execute(
        "SELECT * FROM exchange_partner WHERE site_id = ?", (site_id,)).fetchone()
    return _partner(row) if row else None


def _partner(row: sqlite3.Row) -> Partner:
    return Partner(row["site_id"], row["name"], row["jurisdiction"], row["sent_seq"],
                   json.loads(row["sent_vector"]), row["last_export_at"], row["last_import_at"],
                   json.loads(row["acked_vector"]))


def find_partner(ledger: "Ledger", key: str) -> Partner | None:
    """A partner by site id, by a unique prefix of it, or by name."""
    rows = ledger.conn.execute(
        "SELECT * FROM exchange_partner WHERE site_id = ? OR name = ? OR site_id LIKE ? || '%'",
        (key, key, key)).fetchall()
    return _partner(rows[0]) if len(rows) == 1 else None


def remember_partner(ledger: "Ledger", site_id: str, name: str,
                     jurisdiction: str | None) -> None:
    ledger.conn.execute(
        "INSERT INTO exchange_partner (site_id, name, jurisdiction) VALUES (?, ?, ?) "
        "ON CONFLICT(site_id) DO UPDATE SET name = excluded.name, "
        "jurisdiction = excluded.jurisdiction", (site_id, name, jurisdiction))


def seen(ledger: "Ledger") -> dict[str, int]:
    """Site id → the last of its changes this ledger holds."""
    return {r[0]: r[1] for r in ledger.conn.execute("SELECT site_id, seq FROM exchange_seen")}


def set_seen(ledger: "Ledger", site_id: str, seq: int) -> None:
    ledger.conn.execute(
        "INSERT INTO exchange_seen (site_id, seq) VALUES (?, ?) ON CONFLICT(site_id) "
        "DO UPDATE SET seq = max(seq, excluded.seq)", (site_id, seq))
