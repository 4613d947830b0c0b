"""Whom a file comes from, and what it may bring: a new partner's jurisdiction confirmed by a
manager before its first file is taken; closings and reopenings only by someone who may
make them here; and, if a partner's files should never have been taken, the rows it made
removed again by a manager."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, TYPE_CHECKING

from .. import audit, db, messages, permissions, regions
from ..changes import Changes
from ..errors import LedgerError
from . import fileformat, history, store

if TYPE_CHECKING:
    from ..ledger import Ledger

# Status values whose arrival is a closing or a reopening (the rule: core.permissions).
_DECISIONS = frozenset(permissions.STATUS_ACTIONS)


class PartnerUnconfirmed(LedgerError):
    """The file comes from a site this ledger has not exchanged with: a manager confirms
    its name and jurisdiction first (`import_file(..., confirm=True)`)."""

    def __init__(self, arrival: "Arrival"):
        self.arrival = arrival
        super().__init__("error.exchange_partner_unconfirmed", name=arrival.name,
                         jurisdiction=arrival.jurisdiction_text,
                         code=arrival.jurisdiction or '""')


@dataclass(frozen=True)
class Arrival:
    """What a file says about its sender, read before anything is merged."""

    site_id: str
    name: str
    jurisdiction: str | None
    jurisdiction_text: str      # 临汾市（141000）
    confirmed: bool             # a partner this ledger already took files from
    entries: int


def jurisdiction_text(ledger: Ledger, code: str | None) -> str:
    if not code:
        return messages.label("label.exchange_no_jurisdiction")
    return f"{regions.full_name(ledger, code) or code}（{code}）"


def arrival(ledger: Ledger, path: str | Path, key: bytes | None = None) -> Arrival:
    """The sender of the exchange file at `path` (its signature checked)."""
    package = fileformat.read(Path(path), key)
    return _arrival(ledger, package.manifest["source"], len(package.entries))


def _arrival(ledger: Ledger, source: dict[str, Any], entries: int = 0) -> Arrival:
    return Arrival(source["site_id"], source["name"], source.get("jurisdiction"),
                   jurisdiction_text(ledger, source.get("jurisdiction")),
                   is_confirmed(ledger, source["site_id"]), entries)


def is_confirmed(ledger: Ledger, site_id: str) -> bool:
    row = ledger.conn.execute("SELECT confirmed_at FROM exchange_partner WHERE site_id = ?",
                              (site_id,)).fetchone()
    return row is not None and row[0] is not None


def require_confirmed(ledger: Ledger, source: dict[str, Any], confirm: bool) -> None:
    """Inside the import's transaction: a new partner only with `confirm` (a manager's)."""
    if is_confirmed(ledger, source["site_id"]):
        return
    if not confirm:
        raise PartnerUnconfirmed(_arrival(ledger, source))
    permissions.require(ledger, permissions.Action.CONFIRM_PARTNER)
    store.remember_partner(ledger, source["site_id"], source["name"], source.get("jurisdiction"))
    ledger.conn.execute("UPDATE exchange_partner SET confirmed_at = ?, confirmed_by = ? "
                        "WHERE site_id = ?", (db.now(), ledger.operator, source["site_id"]))


def require_decisions_allowed(ledger: Ledger, entries: Iterable[dict[str, Any]]) -> None:
    """Refuse the whole file if it closes or reopens problems and this operator may not."""
    found: dict[str, int] = {}
    for entry in entries:
        status = _decision(entry)
        if status:
            found[status] = found.get(status, 0) + 1
    refused = {s: n for s, n in found.items() if not permissions.may_move_to(ledger, s)}
    if refused:
        raise LedgerError("error.exchange_decisions_refused",
                          what="、".join(f"{messages.label('status.' + s)} {n} 条"
                                        for s, n in sorted(refused.items())),
                          role=permissions.role_label(ledger))


def _decision(entry: dict[str, Any]) -> str | None:
    new = entry.get("new") or {}
    if entry["table"] == "problem" and entry["action"] in ("insert", "update"):
        status = new.get("status")
    elif entry["table"] == "problem_log" and entry["action"] == "insert":
        status = new.get("status_to")
    else:
        return None
    return status if status in _DECISIONS else None


# -- removing what a partner brought in

@dataclass
class Removal:
    partner: str
    removed: dict[str, int] = field(default_factory=dict)  # table → rows deleted
    kept: int = 0  # rows still referenced by rows made here, left in place

    def text(self) -> str:
        done = "、".join(f"{messages.label('kind.' + t)} {n}" for t, n in self.removed.items())
        return messages.text("label.exchange_removed", partner=self.partner,
                             removed=done or "0", kept=self.kept)


# Children before parents, so that a problem goes after its log, measures and photos.
_ORDER = ("attachment", "measure", "deadline_extension", "problem_log", "penalty_case",
          "problem", "inspection_officer", "inspection", "batch", "campaign", "enterprise")


def remove_partner_rows(ledger: Ledger, site_id: str) -> Removal:
    """Delete every row this ledger took from files as made at `site_id` and still holds
    (a manager's action; the deletions are audited and travel on like any change)."""
    permissions.require(ledger, permissions.Action.REMOVE_PARTNER_ROWS)
    partner = store.partner(ledger, site_id)
    if partner is None:
        raise LedgerError("error.exchange_partner_unknown", key=site_id)
    conn = ledger.conn
    made = conn.execute(
        f"SELECT DISTINCT l.table_name, l.row_id FROM exchange_origin o "
        f"JOIN {audit.LOG} l ON l.seq = o.local_seq WHERE l.action = 'insert' "
        "AND o.dot LIKE ? || ':%'", (site_id,)).fetchall()
    by_table: dict[str, list[str]] = {}
    for table, row_id in made:
        by_table.setdefault(table, []).append(row_id)
    removal = Removal(partner.name)
    tables = sorted(by_table, key=lambda t: _ORDER.index(t) if t in _ORDER else -1)
    with ledger.transaction():
        for table in tables:
            key = history.key_columns(conn, table)
            where = " AND ".join(f"{k} = ?" for k in key)
            for row_id in by_table[table]:
                conn.execute("SAVEPOINT remove_row")
                try:
                    gone = conn.execute(f"DELETE FROM {table} WHERE {where}",
                                        row_id.split("/", len(key) - 1)).rowcount
                except sqlite3.IntegrityError:
                    conn.execute("ROLLBACK TO remove_row")
                    removal.kept += 1
                    gone = 0
                conn.execute("RELEASE remove_row")
                if gone:
                    removal.removed[table] = removal.removed.get(table, 0) + gone
    return removal


def changes_of(removal: Removal) -> Changes:
    return Changes.of(*removal.removed, "exchange")
