"""Conflicts: the same field changed differently at two sites (or a row changed at one
and deleted at the other). Kept with both values until a manager decides; the decision
travels to the other sites like any change and closes their copy of the conflict."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, TYPE_CHECKING

from .. import audit, db, ids, permissions
from ..changes import Changes
from ..errors import LedgerError
from . import history

if TYPE_CHECKING:
    from ..ledger import Ledger

ROW = "*"  # the field of a conflict about a whole row: changed at one site, deleted at the other
CHOICES = ("mine", "theirs", "edit")


@dataclass(frozen=True)
class Conflict:
    id: str
    found_at: str
    partner_site: str
    partner_name: str | None
    table: str
    row_id: str
    field: str
    mine: Any
    theirs: Any
    theirs_operator: str | None
    resolved_at: str | None
    resolved_by: str | None
    resolution: str | None


def record(conn: sqlite3.Connection, partner_site: str, entry: dict[str, Any], field: str,
           mine: Any, theirs: Any, my_dot: str | None) -> None:
    """Keep a conflict (inside the import's transaction); a newer incoming value of a field
    already in conflict replaces the older one."""
    if field == ROW and isinstance(theirs, dict):  # the row's fields gathered, not replaced
        before = conn.execute(
            "SELECT theirs FROM exchange_conflict WHERE table_name = ? AND row_id = ? "
            "AND field = ? AND resolved_at IS NULL", (entry["table"], entry["row"], field)
        ).fetchone()
        earlier = json.loads(before[0]) if before else None
        theirs = {**earlier, **theirs} if isinstance(earlier, dict) else theirs
    values = (_dumps(theirs), entry["dot"], entry.get("operator"), partner_site)
    found = conn.execute(
        "UPDATE exchange_conflict SET theirs = ?, theirs_dot = ?, theirs_operator = ?, "
        "partner_site = ? WHERE table_name = ? AND row_id = ? AND field = ? "
        "AND resolved_at IS NULL", (*values, entry["table"], entry["row"], field)).rowcount
    if not found:
        conn.execute(
            "INSERT INTO exchange_conflict (id, found_at, partner_site, table_name, row_id, "
            "field, mine, theirs, mine_dot, theirs_dot, theirs_operator) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ids.new_id(), db.now(), partner_site, entry["table"], entry["row"], field,
             _dumps(mine), values[0], my_dot, entry["dot"], entry.get("operator")))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def listed(ledger: Ledger, include_resolved: bool = False) -> list[Conflict]:
    """The conflicts to resolve (and, if asked, those resolved), oldest first."""
    where = "" if include_resolved else "WHERE c.resolved_at IS NULL"
    return [Conflict(r["id"], r["found_at"], r["partner_site"], r["name"], r["table_name"],
                     r["row_id"], r["field"], json.loads(r["mine"]), json.loads(r["theirs"]),
                     r["theirs_operator"], r["resolved_at"], r["resolved_by"], r["resolution"])
            for r in ledger.conn.execute(
                "SELECT c.*, p.name FROM exchange_conflict c LEFT JOIN exchange_partner p "
                f"ON p.site_id = c.partner_site {where} ORDER BY c.found_at, c.id")]


def find(ledger: Ledger, key: str) -> sqlite3.Row:
    rows = ledger.conn.execute(
        "SELECT * FROM exchange_conflict WHERE id LIKE ? || '%'", (key,)).fetchall()
    if len(rows) != 1:
        raise LedgerError("error.exchange_conflict_unknown", key=key)
    return rows[0]


def resolve(ledger: Ledger, key: str, choice: str, value: Any = None) -> Changes:
    """Decide a conflict: keep mine, keep theirs, or an edited value (a manager's call)."""
    permissions.require(ledger, permissions.Action.RESOLVE_CONFLICT)
    if choice not in CHOICES:
        raise LedgerError("error.choice_unknown", value=choice)
    conflict = find(ledger, key)
    if conflict["resolved_at"]:
        raise LedgerError("error.exchange_conflict_resolved", at=conflict["resolved_at"])
    chosen = {"mine": json.loads(conflict["mine"]), "theirs": json.loads(conflict["theirs"]),
              "edit": value}[choice]
    with ledger.transaction():
        if conflict["field"] == ROW:
            if choice == "edit":
                raise LedgerError("error.exchange_row_edit")
            _settle_row(ledger, conflict, chosen)
        else:
            _settle_field(ledger, conflict, chosen)
        ledger.conn.execute(
            "UPDATE exchange_conflict SET resolved_at = ?, resolved_by = ?, resolution = ? "
            "WHERE table_name = ? AND row_id = ? AND field = ? AND resolved_at IS NULL",
            (db.now(), ledger.operator, choice, conflict["table_name"], conflict["row_id"],
             conflict["field"]))
    return Changes.of(conflict["table_name"], "exchange", ids=(conflict["row_id"],))


def _where(conn: sqlite3.Connection, table: str, row_id: str) -> tuple[str, list[str]]:
    key = history.key_columns(conn, table)
    return " AND ".join(f"{k} = ?" for k in key), row_id.split("/", len(key) - 1)


def _settle_field(ledger: Ledger, conflict: sqlite3.Row, value: Any) -> None:
    """Write the chosen value as a change of this site that supersedes both sides' values;
    when it equals the value here already, an audit entry still carries the decision."""
    conn, table, row_id = ledger.conn, conflict["table_name"], conflict["row_id"]
    f = conflict["field"]
    where, params = _where(conn, table, row_id)
    current = conn.execute(f"SELECT {f} FROM {table} WHERE {where}", params).fetchone()
    if current is None:  # deleted since: its conflict about the deletion decides its fate
        return
    before = audit.mark(conn)
    if current[0] != value:
        conn.execute(f"UPDATE {table} SET {f} = ?, updated_at = ?, operator = ? WHERE {where}",
                     [value, db.now(), ledger.operator, *params])
    if audit.mark(conn) == before:
        conn.execute(
            f"INSERT INTO {audit.LOG} (at, operator, action, table_name, row_id, old, new) "
            "VALUES (?, ?, 'update', ?, ?, ?, ?)",
            (db.now(), ledger.operator, table, row_id, _dumps({f: current[0]}),
             _dumps({f: current[0]})))
    supersedes = [d for d in (conflict["mine_dot"], conflict["theirs_dot"]) if d]
    conn.execute("INSERT INTO exchange_resolution (local_seq, field, supersedes) "
                 "VALUES (?, ?, ?)", (audit.mark(conn), f, json.dumps(supersedes)))


def _settle_row(ledger: Ledger, conflict: sqlite3.Row, chosen: dict[str, Any] | None) -> None:
    """Leave the row deleted, or bring it back with the values kept in the conflict (its
    log and measures stay deleted); a row brought back travels as a new row and closes
    the other sites' conflict about it."""
    conn, table, row_id = ledger.conn, conflict["table_name"], conflict["row_id"]
    where, params = _where(conn, table, row_id)
    exists = conn.execute(f"SELECT 1 FROM {table} WHERE {where}", params).fetchone()
    if chosen is None:
        if exists:
            conn.execute(f"DELETE FROM {table} WHERE {where}", params)
        return
    if not exists:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        gathered = _last_values(conn, table, row_id)
        for (theirs,) in conn.execute(  # changes that came while it was deleted, oldest first
                "SELECT theirs FROM exchange_conflict WHERE table_name = ? AND row_id = ? "
                "AND field = '*' AND theirs != 'null' ORDER BY found_at, id", (table, row_id)):
            gathered.update(json.loads(theirs))
        values = {c: v for c, v in {**gathered, **chosen}.items() if c in columns}
        try:
            conn.execute(f"INSERT INTO {table} ({', '.join(values)}) "
                         f"VALUES ({', '.join('?' * len(values))})", list(values.values()))
        except sqlite3.IntegrityError:
            raise LedgerError("error.exchange_row_gone") from None
    conn.execute(
        f"INSERT INTO {audit.LOG} (at, operator, action, table_name, row_id, old, new) "
        "VALUES (?, ?, 'update', ?, ?, '{}', '{}')", (db.now(), ledger.operator, table, row_id))
    supersedes = [d for d in (conflict["mine_dot"], conflict["theirs_dot"]) if d]
    conn.execute("INSERT INTO exchange_resolution (local_seq, field, supersedes) "
                 "VALUES (?, '*', ?)", (audit.mark(conn), json.dumps(supersedes)))


def _last_values(conn: sqlite3.Connection, table: str, row_id: str) -> dict[str, Any]:
    """The row's values when it was last deleted here."""
    row = conn.execute(
        f"SELECT old FROM {audit.LOG} WHERE substr(row_id, 1, 8) = substr(?, 1, 8) "
        "AND row_id = ? AND table_name = ? AND action = 'delete' ORDER BY seq DESC LIMIT 1",
        (row_id, row_id, table)).fetchone()
    return json.loads(row[0]) if row else {}
