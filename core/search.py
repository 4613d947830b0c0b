"""Free-text search that works for Chinese: an FTS5 trigram index, LIKE for short queries.

The trigram tokenizer matches any substring of three or more characters, which suits
Chinese (no word boundaries). One- and two-character terms cannot use it and fall back
to LIKE over the same columns. Each index is an FTS5 table keyed by the row's rowid
(for cheap deletes) that also stores the row's id, which is what queries join on, so a
rowid renumbered by VACUUM can at worst leave a stale entry until `rebuild`.
"""
from __future__ import annotations

import sqlite3
from typing import NamedTuple, TYPE_CHECKING

if TYPE_CHECKING:
    from .ledger import Ledger


TRIGRAM = 3  # the shortest term the trigram index can answer


class Index(NamedTuple):
    """One FTS5 table over some text columns of one business table."""

    table: str
    columns: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.table + "_fts"


INDEXES = {
    "problem": Index("problem", ("number", "description", "responsible_unit",
                                 "complaint_number")),
    "enterprise": Index("enterprise", ("name", "credit_code", "permit_number", "address")),
    "penalty_case": Index("penalty_case", ("case_number", "violation")),
}


def _fill(conn: sqlite3.Connection, index: Index) -> None:
    cols = ", ".join(index.columns)
    conn.execute(f"INSERT INTO {index.name} (rowid, id, {cols}) "
                 f"SELECT rowid, id, {cols} FROM {index.table}")


def insert_trigger(table: str) -> str | None:
    """The name of the trigger that indexes new rows of `table` (None if not indexed)."""
    return INDEXES[table].name + "_insert" if table in INDEXES else None


def index_inserts(conn: sqlite3.Connection, table: str, after_rowid: int) -> None:
    """Index, in one statement, the rows of `table` with rowid > `after_rowid`, as the
    insert trigger would have: for a bulk load that dropped the trigger in its transaction."""
    index = INDEXES[table]
    cols = ", ".join(index.columns)
    conn.execute(f"INSERT INTO {index.name} (rowid, id, {cols}) "
                 f"SELECT rowid, id, {cols} FROM {index.table} WHERE rowid > ? ORDER BY rowid",
                 (after_rowid,))


def rebuild(ledger: Ledger) -> None:
    """Re-read every index from its table (after a VACUUM or a bulk load without triggers)."""
    with ledger.transaction():
        for index in INDEXES.values():
            ledger.conn.execute(f"DELETE FROM {index.name}")
            _fill(ledger.conn, index)


def terms(text: str) -> list[str]:
    """The whitespace-separated terms of a query; all must match."""
    return [term for term in (text or "").split() if term]


def _like_pattern(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def condition(kind: str, text: str, alias: str, extra: dict[str, str] | None = None,
              words: dict[str, list[tuple[str, str]]] | None = None) -> tuple[str, list]:
    """SQL (without a leading AND) matching rows of `kind` whose text contains every term.

    `alias` is the query's alias for the `kind` table; `extra` maps another indexed
    kind to the column of this row that refers to it (e.g. a problem's enterprise_id),
    so a problem can be found by its enterprise's name. `words` maps a term that names a
    code list entry (大气 → waste_gas) to (column, code) pairs a row may match instead.
    """
    parts, params = [], []
    for term in terms(text):
        sql, term_params = _term(kind, term, alias, extra or {})
        for column, code in (words or {}).get(term, ()):
            sql = f"({sql[1:-1]} OR {alias}.{column} = ?)"
            term_params = [*term_params, code]
        parts.append(sql)
        params += term_params
    return " AND ".join(parts) or "1", params


def _term(kind: str, term: str, alias: str, extra: dict[str, str]) -> tuple[str, list]:
    options, params = [], []
    own = [(kind, f"{alias}.id")] if kind in INDEXES else []  # inspections: by enterprise
    for other, column in [*own, *extra.items()]:
        index = INDEXES[other]
        if len(term) >= TRIGRAM:
            options.append(f"{column} IN (SELECT id FROM {index.name} "
                           f"WHERE {index.name} MATCH ?)")
            params.append(_phrase(term))
            continue
        owner = alias if other == kind else "t"
        likes = " OR ".join(f"{owner}.{c} LIKE ? ESCAPE '\\'" for c in index.columns)
        options.append(f"({likes})" if other == kind else
                       f"{column} IN (SELECT t.id FROM {index.table} t WHERE {likes})")
        params += [_like_pattern(term)] * len(index.columns)
    return "(" + " OR ".join(options) + ")", params
