"""Changes as the audit trail records them, with the origin of each and of each field.

Every change carries a *dot*, `<site id>:<seq>`: the site that made it and the number of
its audit entry there. A field's dot is the dot of the last change that wrote it. An
update travels with the dots its fields had when it was made (its base); a site whose
field still has that dot (or the same value as before) takes the change, otherwise the two
edits were concurrent and the field is in conflict. No clock decides anything.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterator

from .. import audit

# Tables that describe one PC, not the bureau's work: never exchanged.
LOCAL_TABLES = frozenset({"setting", "operator_account"})
ROW_ACTIONS = ("insert", "update", "delete")


def exchanged_tables(conn: sqlite3.Connection) -> list[str]:
    return [t for t in audit.audited_tables(conn)
            if t not in LOCAL_TABLES and not t.startswith("exchange_")]


def key_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return audit._key_columns(conn, table)


def dot(site_id: str, seq: int) -> str:
    return f"{site_id}:{seq}"


def parse_dot(text: str) -> tuple[str, int]:
    site_id, _, seq = text.rpartition(":")
    return site_id, int(seq)


@dataclass
class RowState:
    """A row's field dots and whether it is deleted here (with its last values)."""

    dots: dict[str, str | None] = field(default_factory=dict)
    deleted: bool = False
    last_values: dict[str, Any] | None = None


@dataclass(frozen=True)
class Change:
    """One audit entry of a row, with its dot and the dots its fields had before it."""

    seq: int
    dot: str
    at: str
    operator: str | None
    action: str
    table: str
    row: str
    old: dict[str, Any] | None
    new: dict[str, Any] | None
    base: dict[str, list[str | None]]
    old_text: str | None = None
    new_text: str | None = None

    def to_line(self) -> str:
        """The change as one JSON object; the audit trail's own JSON of the values is
        carried as it is, not decoded and encoded again."""
        head = json.dumps({"dot": self.dot, "at": self.at, "operator": self.operator,
                           "action": self.action, "table": self.table, "row": self.row,
                           "base": self.base}, ensure_ascii=False, separators=(",", ":"))
        return (f'{head[:-1]},"old":{self.old_text or "null"},'
                f'"new":{self.new_text or "null"}}}')


_SELECT = f"""
SELECT l.seq, l.at, coalesce(s.operator, l.operator), l.action, l.table_name, l.row_id,
       l.old, l.new, o.dot, r.field, r.supersedes
FROM {audit.LOG} l
LEFT JOIN {audit.SEAL} s ON s.seq = l.seq
LEFT JOIN exchange_origin o ON o.local_seq = l.seq
LEFT JOIN exchange_resolution r ON r.local_seq = l.seq
WHERE l.action IN ('insert', 'update', 'delete') AND substr(l.row_id, 1, 8) IN ({{prefixes}})
ORDER BY l.seq"""


def walk(conn: sqlite3.Connection, site_id: str, prefixes_sql: str, params: tuple,
         tables: set[str], rows: set[tuple[str, str]] | None = None
         ) -> Iterator[tuple[Change, RowState]]:
    """Every row change of the rows whose id prefix `prefixes_sql` selects (and, if given,
    only of `rows`), oldest first, each with the row's state before it; the state is
    updated after each change is yielded."""
    states: dict[tuple[str, str], RowState] = {}
    columns = {t: dict.fromkeys(r[1] for r in conn.execute(f"PRAGMA table_info({t})"))
               for t in tables}
    for seq, at, who, action, table, row_id, old, new, origin, rfield, supersedes in \
            conn.execute(_SELECT.format(prefixes=prefixes_sql), params):
        if table not in tables or (rows is not None and (table, row_id) not in rows):
            continue
        state = states.setdefault((table, row_id), RowState())
        old_v = json.loads(old) if old else None
        # an inserted row's fields are its table's columns: its (long) JSON need not be read
        new_v = columns[table] if action == "insert" else json.loads(new) if new else None
        change_dot = origin or dot(site_id, seq)
        base = _base(state, action, old_v, new_v, rfield, supersedes)
        yield Change(seq, change_dot, at, who, action, table, row_id, old_v,
                     None if action == "insert" else new_v, base, old, new), state
        advance(state, action, change_dot, old_v, new_v)


def _base(state: RowState, action: str, old: dict | None, new: dict | None,
          rfield: str | None, supersedes: str | None) -> dict[str, list[str | None]]:
    if action == "insert":
        return {}
    fields = (new or {}) if action == "update" else (old or {})
    base = {f: [state.dots.get(f)] for f in fields}
    if rfield == "*":  # a decision to keep a row changed at one site, deleted at another
        base["*"] = json.loads(supersedes)
    elif rfield and rfield in base:
        base[rfield] = list(dict.fromkeys([*base[rfield], *json.loads(supersedes)]))
    return base


def advance(state: RowState, action: str, change_dot: str, old: dict | None,
            new: dict | None) -> None:
    """The row's state after one change."""
    if action == "delete":
        state.dots, state.deleted, state.last_values = {}, True, old
    elif action == "insert":
        state.dots = {f: change_dot for f in new or {}}
        state.deleted = False
    else:
        for f in new or {}:
            state.dots[f] = change_dot


def states_of(conn: sqlite3.Connection, site_id: str, keys: set[tuple[str, str]],
              tables: set[str]) -> dict[tuple[str, str], RowState]:
    """The current state of the given (table, row id) pairs here."""
    prefixes = json.dumps(sorted({row[:8] for _, row in keys}))
    states: dict[tuple[str, str], RowState] = {}
    for change, state in walk(conn, site_id, "SELECT value FROM json_each(?)", (prefixes,),
                              tables, keys):
        states[(change.table, change.row)] = state
    # the last change has been applied to the yielded states by the time the walk ends
    return states
