"""Migration 10 'model_repair_old_layouts': files made by early releases reach the layout a
new ledger has.

Before the history was frozen, steps 1-7 ran the feature modules' current code, and some of
that code changed after ledgers had been made with it: step 1 gained the running tally
(progress_tally) and a reordered covering index, step 2 an index, step 3 moved the audit
hashes from audit_log into audit_seal, step 6 a table, step 7 a leaner trigger. A file made
by such a release skipped those changes (its steps were recorded as done). This step makes
each missing or different object as the frozen step makes it, and fills what it creates
(the tally from the problems; the seals from the old hash column, which the same chain
function computed). On a file that already has the layout it changes nothing.
"""
from __future__ import annotations

import sqlite3

from . import (columns, created, execute_script, m0001_ledger, m0002_search, m0003_audit,
               m0006_exchange, m0007_daily, same_sql, sql_of)

# (frozen script, kind, name) of objects that early files have in another form, or not.
_REMADE = (
    (m0001_ledger.V1, "index", "problem_log_problem"),
    (m0001_ledger.V1, "index", "problem_progress"),
    (m0001_ledger.V1, "index", "problem_settled"),
    (m0002_search.SQL, "index", "problem_inspection"),
    (m0006_exchange.SQL, "table", "exchange_pending"),
    (m0006_exchange.SQL, "index", "exchange_pending_after"),
    (m0007_daily.SQL, "trigger", "problem_daily_insert"),
)

_TALLY_RECOUNT = """
INSERT INTO progress_tally
SELECT region_code, coalesce(batch_id, ''), category, coalesce(campaign_id, ''), source, status,
    CASE status WHEN 'closed' THEN '' ELSE deadline_in_force END, count(*)
FROM problem WHERE withdrawn_on IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7
"""


def apply(conn: sqlite3.Connection) -> None:
    for script, kind, name in _REMADE:
        _remake(conn, script, kind, name)
    _progress_tally(conn)
    if sql_of(conn, "table", "audit_log") and "hash" in columns(conn, "audit_log"):
        _audit_seals(conn)


def _remake(conn: sqlite3.Connection, script: str, kind: str, name: str) -> None:
    statement = created(script, name)
    stored = sql_of(conn, kind, name)
    if same_sql(stored, statement):
        return
    if stored is not None:
        conn.execute(f"DROP {kind.upper()} {name}")
    if kind == "table" or sql_of(conn, "table", _table_of(statement)) is not None:
        conn.execute(statement)


def _table_of(statement: str) -> str:
    words = statement.replace("(", " ( ").split()
    return words[words.index("ON") + 1]


def _progress_tally(conn: sqlite3.Connection) -> None:
    if sql_of(conn, "table", "progress_tally") is not None:
        return
    conn.execute(created(m0001_ledger.V1, "progress_tally"))
    conn.execute(_TALLY_RECOUNT)
    for name in ("problem_tally_insert", "problem_tally_delete", "problem_tally_update"):
        conn.execute(created(m0001_ledger.V1, name))


def _audit_seals(conn: sqlite3.Connection) -> None:
    """Seals kept in audit_log.hash (the first audit release) move to audit_seal."""
    for name in ("audit_seal", "audit_seal_no_update", "audit_seal_no_delete"):
        conn.execute(created(m0003_audit.SQL, name))
    execute_script(conn, """
        INSERT INTO audit_seal (seq, operator, hash)
            SELECT seq, coalesce(operator, ''), hash FROM audit_log WHERE hash IS NOT NULL;
        DROP TRIGGER audit_log_no_update;
        DROP INDEX audit_log_row;
        ALTER TABLE audit_log DROP COLUMN hash;
    """)
    for name in ("audit_log_row", "audit_log_no_update"):
        conn.execute(created(m0003_audit.SQL, name))
