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

SITE_ID, SITE_NAME = "site_id", "site_name"


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
    from ..collation import by_name

    return by_name([_partner(r) for r in ledger.conn.execute(
        "SELECT * FROM exchange_partner ORDER BY name, site_id")], lambda p: p.name)


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
