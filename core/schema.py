"""Numbered schema migrations. Each runs once, in a transaction, and is recorded."""
from __future__ import annotations

import sqlite3
from typing import Callable

from .migrations import (execute_script, m0001_ledger, m0002_search, m0003_audit,
                         m0004_attachment, m0005_browse, m0006_exchange, m0007_daily,
                         m0010_model_repair, m0011_model_deadlines, m0012_model_acceptance,
                         m0013_model_numbers)


# Columns every business row carries (id, created/updated, operator), for new tables' SQL.
_ROW = m0001_ledger.ROW


def _v1(conn: sqlite3.Connection) -> None:
    m0001_ledger.apply(conn)


# Steps 2-7 once called the feature modules' own set-up; each now runs the SQL it ran
# then, frozen in core/migrations/.
def _search(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0002_search.SQL)


def _audit(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0003_audit.SQL)


def _attachment(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0004_attachment.SQL)


def _exchange(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0006_exchange.SQL)


def _daily(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0007_daily.SQL)


# Penalty figures by period, county and campaign from the index alone (dashboard, returns).
_PENALTY_SUMS = """
DROP INDEX penalty_case_decided;
CREATE INDEX penalty_case_sums ON penalty_case(decided_on, region_code, campaign_id,
    fine_fen, daily_fine, daily_fine_fen, seizure, restriction, detention, crime_transfer,
    closure);
"""


def _penalty_sums(conn: sqlite3.Connection) -> None:
    execute_script(conn, _PENALTY_SUMS)


# A manager may refuse a request for a later deadline (不予延期): it then never counts.
_EXTENSION_REFUSAL = """
ALTER TABLE deadline_extension ADD COLUMN refused_on TEXT;
ALTER TABLE deadline_extension ADD COLUMN refused_by TEXT;
"""


def _extension_refusal(conn: sqlite3.Connection) -> None:
    execute_script(conn, _EXTENSION_REFUSAL)


def _browse(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0005_browse.SQL)


def _model_acceptance(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0012_model_acceptance.SQL)


def _model_numbers(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0013_model_numbers.SQL)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("ledger", _v1),
    ("search", _search),
    ("audit", _audit),
    ("attachment", _attachment),
    ("browse", _browse),
    ("exchange", _exchange),
    ("daily", _daily),
    ("penalty_sums", _penalty_sums),
    ("extension_refusal", _extension_refusal),
    ("model_repair_old_layouts", m0010_model_repair.apply),
    ("model_deadline_kinds", m0011_model_deadlines.apply),
    ("model_acceptance", _model_acceptance),
    ("model_numbers", _model_numbers),
]
SCHEMA_VERSION = len(MIGRATIONS)
