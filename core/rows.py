"""Writing business rows: ids, timestamps and the operator on every row."""
from __future__ import annotations

from typing import Any, Mapping, TYPE_CHECKING

from . import ids
from .db import now
from .errors import NotFound

if TYPE_CHECKING:
    from .ledger import Ledger


def new_id() -> str:
    return ids.new_id()


def insert(ledger: Ledger, table: str, values: Mapping[str, Any]) -> str:
    """Insert a business row; returns its new id."""
    stamp = now()
    row = {"id": new_id(), "created_at": stamp, "updated_at": stamp,
           "operator": ledger.operator, **values}
    columns = ", ".join(row)
    marks = ", ".join("?" for _ in row)
    ledger.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", list(row.values()))
    return row["id"]


def update(ledger: Ledger, table: str, row_id: str, values: Mapping[str, Any],
           based_on: int | None = None) -> None:
    """Change the given columns of one business row; with `based_on` (the version the
    caller read, see core.versions), refused if one of them changed since."""
    from . import versions

    versions.check(ledger, table, row_id, based_on, values)
    row = {**values, "updated_at": now(), "operator": ledger.operator}
    assignments = ", ".join(f"{column} = ?" for column in row)
    cursor = ledger.conn.execute(
        f"UPDATE {table} SET {assignments} WHERE id = ?", [*row.values(), row_id]
    )
    if cursor.rowcount == 0:
        raise NotFound(table, row_id)


def get(ledger: Ledger, table: str, row_id: str) -> dict[str, Any]:
    """One row as a dict, or NotFound."""
    row = ledger.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,)).fetchone()
    if row is None:
        raise NotFound(table, row_id)
    return dict(row)


def delete(ledger: Ledger, table: str, row_id: str) -> None:
    """Delete one business row (a manager's action; the audit trail keeps its values)."""
    from . import permissions

    permissions.require(ledger, permissions.DELETE_ACTIONS.get(table, permissions.Action.DELETE))
    with ledger.transaction():  # so that the audit entry is sealed with the operator
        cursor = ledger.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        if cursor.rowcount == 0:
            raise NotFound(table, row_id)
