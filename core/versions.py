"""Record versions, so that a save based on an old copy of a record cannot undo a newer one.

A record's version is the number of the last audit entry about it: every write of the row,
by any path (forms, command line, import, exchange, plain SQL), appends one, numbers only
grow, and the entries since a version tell exactly which fields changed, from what to what,
and who changed them. No column is added to the business tables, so exchange files and the
audit trail stay as they were.

An update that names the version it was based on (`based_on`) is refused with `StaleWrite`
when a field it writes changed since; fields it does not write (a problem's status moved by
the workflow while its form was open) do not stop it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from . import messages
from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

_BOOKKEEPING = frozenset({"id", "created_at", "updated_at", "operator"})


@dataclass(frozen=True)
class FieldChange:
    """One field changed since the version a save was based on."""

    field: str
    was: Any          # its value in that version
    now: Any          # its value now
    operator: str     # who changed it last (the account's name where there is one)
    at: str           # when


class StaleWrite(LedgerError):
    """The record changed since the copy the save was based on; nothing was written."""

    def __init__(self, table: str, row_id: str, version: int, changes: list[FieldChange]):
        self.table, self.row_id, self.version, self.changes = table, row_id, version, changes
        last = changes[-1]
        super().__init__("error.stale_write", kind=messages.label("kind." + table),
                         who=last.operator, at=last.at.replace("T", " "),
                         fields="；".join(f"{field_label(c.field)}：{shown(c.was)} → "
                                         f"{shown(c.now)}" for c in changes))


def field_label(field: str) -> str:
    text = messages.label("field." + field)
    return field if text == "field." + field else text


def shown(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


def version(ledger: "Ledger", table: str, row_id: str) -> int:
    """The record's version now (0 for a row nobody recorded). Rows keyed under it
    (`<id>/<n>`: an inspection's officers) are part of the record."""
    row = ledger.conn.execute(
        "SELECT max(seq) FROM audit_log WHERE substr(row_id, 1, 8) = substr(?1, 1, 8) "
        "AND row_id >= ?1 AND row_id < ?1 || '0' "  # the id and its 'id/…' (audit.history)
        "AND ((row_id = ?1 AND table_name = ?2) OR row_id LIKE ?1 || '/%')",
        (row_id, table)).fetchone()
    return row[0] or 0


def changes_since(ledger: "Ledger", table: str, row_id: str, based_on: int,
                  fields: Iterable[str] | None = None) -> list[FieldChange]:
    """The fields (of `fields`, or all) changed after version `based_on`, oldest first,
    each once, with its value then and now and who changed it last."""
    wanted = None if fields is None else set(fields) - _BOOKKEEPING
    found: dict[str, FieldChange] = {}
    for at, operator, old, new in ledger.conn.execute(
            "SELECT l.at, coalesce(s.operator, l.operator), l.old, l.new FROM audit_log l "
            "LEFT JOIN audit_seal s ON s.seq = l.seq WHERE substr(l.row_id, 1, 8) = "
            "substr(?, 1, 8) AND l.row_id = ? AND l.table_name = ? AND l.seq > ? "
            "ORDER BY l.seq", (row_id, row_id, table, based_on)):
        before, after = json.loads(old or "{}"), json.loads(new or "{}")
        for field in dict.fromkeys([*before, *after]):
            if field in _BOOKKEEPING or (wanted is not None and field not in wanted):
                continue
            was = found[field].was if field in found else before.get(field)
            found[field] = FieldChange(field, was, after.get(field), _who(ledger, operator), at)
    return [c for c in found.values() if c.was != c.now]


def check(ledger: "Ledger", table: str, row_id: str, based_on: int | None,
          fields: Iterable[str]) -> None:
    """Refuse a write of `fields` based on version `based_on` if one of them changed since
    (None: the caller names no version, as scripts and the exchange merge do)."""
    if based_on is None:
        return
    changed = changes_since(ledger, table, row_id, int(based_on), fields)
    if changed:
        raise StaleWrite(table, row_id, version(ledger, table, row_id), changed)


def _who(ledger: "Ledger", login: str | None) -> str:
    if not login:
        return messages.label("label.someone")
    row = ledger.conn.execute("SELECT name FROM operator_account WHERE login = ?",
                              (login,)).fetchone()
    return f"{row[0]}（{login}）" if row and row[0] != login else login
