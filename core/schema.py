"""Numbered schema migrations. Each runs once, in a transaction, and is recorded."""
from __future__ import annotations

import sqlite3
from typing import Callable

# Columns every business row carries, so that ledgers of several PCs can merge later.
_ROW = """
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    operator TEXT NOT NULL"""

_V1 = f"""
CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE region (
    code TEXT PRIMARY KEY CHECK (length(code) = 6),
    name TEXT NOT NULL,
    parent_code TEXT,
    level INTEGER NOT NULL CHECK (level IN (1, 2, 3))
);
CREATE INDEX region_parent ON region(parent_code);

CREATE TABLE enterprise ({_ROW},
    name TEXT NOT NULL,
    credit_code TEXT,
    region_code TEXT NOT NULL REFERENCES region(code),
    industry_code TEXT,
    permit_number TEXT,
    key_monitored INTEGER NOT NULL DEFAULT 0,
    address TEXT,
    longitude REAL,
    latitude REAL
);
CREATE INDEX enterprise_region ON enterprise(region_code);
CREATE INDEX enterprise_credit_code ON enterprise(credit_code);
CREATE INDEX enterprise_name ON enterprise(name);

CREATE TABLE campaign ({_ROW},
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    target_rate REAL
);

CREATE TABLE batch ({_ROW},
    campaign_id TEXT REFERENCES campaign(id),
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    letter_number TEXT
);
CREATE INDEX batch_campaign ON batch(campaign_id);

CREATE TABLE inspection ({_ROW},
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    inspected_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    result TEXT NOT NULL,
    campaign_id TEXT REFERENCES campaign(id),
    notes TEXT
);
CREATE INDEX inspection_enterprise ON inspection(enterprise_id);
CREATE INDEX inspection_date ON inspection(inspected_on);

CREATE TABLE inspection_officer (
    inspection_id TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    badge_number TEXT,
    PRIMARY KEY (inspection_id, seq)
);

CREATE TABLE problem ({_ROW},
    number TEXT,
    source TEXT NOT NULL,
    campaign_id TEXT REFERENCES campaign(id),
    batch_id TEXT REFERENCES batch(id),
    inspection_id TEXT REFERENCES inspection(id),
    enterprise_id TEXT REFERENCES enterprise(id),
    region_code TEXT NOT NULL REFERENCES region(code),
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    assigned_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    responsible_unit TEXT,
    responsible_person TEXT,
    -- Denormalised from problem_log and deadline_extension: the state now and the
    -- date it began, so that statistics consult the logs only for changes after D.
    status TEXT NOT NULL,
    status_since TEXT NOT NULL,
    deadline_in_force TEXT NOT NULL,
    deadline_since TEXT NOT NULL,
    done_on TEXT,
    closed_on TEXT,
    withdrawn_on TEXT,
    withdrawn_reason TEXT
);
CREATE INDEX problem_number ON problem(number);
CREATE INDEX problem_enterprise ON problem(enterprise_id);
CREATE INDEX problem_batch ON problem(batch_id);
-- Covering index: progress statistics read it instead of the wide rows.
CREATE INDEX problem_progress ON problem(
    assigned_on, region_code, batch_id, category, campaign_id, source, status,
    status_since, deadline_in_force, deadline_since, withdrawn_on);

CREATE TABLE problem_log ({_ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status_from TEXT,
    status_to TEXT,
    note TEXT
);
CREATE INDEX problem_log_problem ON problem_log(problem_id, happened_on, seq);

CREATE TABLE deadline_extension ({_ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    requested_on TEXT NOT NULL,
    new_deadline TEXT NOT NULL,
    reason TEXT NOT NULL,
    approved_on TEXT,
    approved_by TEXT
);
CREATE INDEX deadline_extension_problem ON deadline_extension(problem_id, approved_on);

CREATE TABLE measure ({_ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    description TEXT NOT NULL,
    deadline TEXT,
    responsible TEXT,
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    done_on TEXT
);
CREATE INDEX measure_problem ON measure(problem_id, seq);

CREATE TABLE penalty_case ({_ROW},
    case_number TEXT NOT NULL,
    enterprise_id TEXT REFERENCES enterprise(id),
    region_code TEXT NOT NULL REFERENCES region(code),
    campaign_id TEXT REFERENCES campaign(id),
    problem_id TEXT REFERENCES problem(id),
    violation TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    fine_fen INTEGER NOT NULL DEFAULT 0 CHECK (fine_fen >= 0),
    daily_fine INTEGER NOT NULL DEFAULT 0,
    daily_fine_fen INTEGER NOT NULL DEFAULT 0 CHECK (daily_fine_fen >= 0),
    seizure INTEGER NOT NULL DEFAULT 0,
    restriction INTEGER NOT NULL DEFAULT 0,
    detention INTEGER NOT NULL DEFAULT 0,
    crime_transfer INTEGER NOT NULL DEFAULT 0,
    closure INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX penalty_case_decided ON penalty_case(decided_on, region_code);
CREATE INDEX penalty_case_number ON penalty_case(case_number);
"""


def _v1(conn: sqlite3.Connection) -> None:
    from .db import execute_script

    execute_script(conn, _V1)


def _search(conn: sqlite3.Connection) -> None:
    from .search import migrate  # search imports the ledger, which imports this module

    migrate(conn)


def _audit(conn: sqlite3.Connection) -> None:
    from . import audit, operators

    operators.install(conn)
    audit.install(conn)  # last: its triggers cover every business table made so far


def _attachment(conn: sqlite3.Connection) -> None:
    from .attachments import migrate

    migrate(conn)


MIGRATIONS: list[tuple[str, Callable[[sqlite3.Connection], None]]] = [
    ("ledger", _v1),
    ("search", _search),
    ("audit", _audit),
    ("attachment", _attachment),
]
SCHEMA_VERSION = len(MIGRATIONS)
