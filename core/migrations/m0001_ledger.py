"""Migration 1 'ledger': the business tables, the covering indexes of the statistics and
the running tally (progress_tally) with its triggers.

Frozen: the SQL this step runs. Never edit it; a change is a new step.
"""
from __future__ import annotations

import sqlite3

from . import execute_script

# Columns every business row carries, so that ledgers of several PCs can merge later.
ROW = """
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

CREATE TABLE enterprise ({ROW},
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

CREATE TABLE campaign ({ROW},
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    target_rate REAL
);

CREATE TABLE batch ({ROW},
    campaign_id TEXT REFERENCES campaign(id),
    number INTEGER NOT NULL,
    name TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    letter_number TEXT
);
CREATE INDEX batch_campaign ON batch(campaign_id);

CREATE TABLE inspection ({ROW},
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

CREATE TABLE problem ({ROW},
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
-- Covering index in grouping order: statistics for a past date stream through it.
CREATE INDEX problem_progress ON problem(
    region_code, batch_id, category, campaign_id, source, status, deadline_in_force,
    assigned_on, status_since, deadline_since, withdrawn_on, deadline);
-- The date from which a problem's current row tells its state: statistics for a date
-- before it must consult the logs.
CREATE INDEX problem_settled ON problem(
    max(status_since, deadline_since, coalesce(withdrawn_on, '')));

-- Running counts of problems by grouping, status and deadline in force (closed ones
-- without a deadline), kept by triggers: figures for any date on or after the last
-- recorded change read these few rows instead of every problem.
CREATE TABLE progress_tally (
    region_code TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    category TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    source TEXT NOT NULL,
    status TEXT NOT NULL,
    deadline TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (region_code, batch_id, category, campaign_id, source, status, deadline)
) WITHOUT ROWID;
CREATE TRIGGER problem_tally_insert AFTER INSERT ON problem WHEN NEW.withdrawn_on IS NULL
BEGIN
    {{TALLY_ADD}}
END;
CREATE TRIGGER problem_tally_delete AFTER DELETE ON problem WHEN OLD.withdrawn_on IS NULL
BEGIN
    {{TALLY_REMOVE}}
END;
CREATE TRIGGER problem_tally_update AFTER UPDATE OF region_code, batch_id, category,
    campaign_id, source, status, deadline_in_force, withdrawn_on ON problem
BEGIN
    {{TALLY_REMOVE_IF}}
    {{TALLY_ADD_IF}}
END;

CREATE TABLE problem_log ({ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status_from TEXT,
    status_to TEXT,
    note TEXT
);
CREATE INDEX problem_log_problem ON problem_log(problem_id, happened_on, seq, status_to);

CREATE TABLE deadline_extension ({ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    requested_on TEXT NOT NULL,
    new_deadline TEXT NOT NULL,
    reason TEXT NOT NULL,
    approved_on TEXT,
    approved_by TEXT
);
CREATE INDEX deadline_extension_problem ON deadline_extension(problem_id, approved_on);

CREATE TABLE measure ({ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    description TEXT NOT NULL,
    deadline TEXT,
    responsible TEXT,
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    done_on TEXT
);
CREATE INDEX measure_problem ON measure(problem_id, seq);

CREATE TABLE penalty_case ({ROW},
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


def _tally_key(row: str) -> str:
    return (f"{row}.region_code, coalesce({row}.batch_id, ''), {row}.category, "
            f"coalesce({row}.campaign_id, ''), {row}.source, {row}.status, "
            f"CASE {row}.status WHEN 'closed' THEN '' ELSE {row}.deadline_in_force END")


_TALLY_COLUMNS = "(region_code, batch_id, category, campaign_id, source, status, deadline)"


def _tally_add(condition: str = "1") -> str:
    return (f"INSERT INTO progress_tally SELECT {_tally_key('NEW')}, 1 WHERE {condition} "
            f"ON CONFLICT DO UPDATE SET n = n + 1;")


def _tally_remove(condition: str = "1") -> str:
    return (f"UPDATE progress_tally SET n = n - 1 WHERE {condition} "
            f"AND {_TALLY_COLUMNS} = ({_tally_key('OLD')});")


V1 = _V1.format(
    TALLY_ADD=_tally_add(), TALLY_REMOVE=_tally_remove(),
    TALLY_ADD_IF=_tally_add("NEW.withdrawn_on IS NULL"),
    TALLY_REMOVE_IF=_tally_remove("OLD.withdrawn_on IS NULL"))


def apply(conn: sqlite3.Connection) -> None:
    execute_script(conn, V1)
