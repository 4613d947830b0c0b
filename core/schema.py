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

CREATE TABLE problem_log ({_ROW},
    problem_id TEXT NOT NULL REFERENCES problem(id) ON DELETE CASCADE,
    happened_on TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status_from TEXT,
    status_to TEXT,
    note TEXT
);
CREATE INDEX problem_log_problem ON problem_log(problem_id, happened_on, seq, status_to);

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


def _v1(conn: sqlite3.Connection) -> None:
    from .db import execute_script

    execute_script(conn, _V1.format(
        TALLY_ADD=_tally_add(), TALLY_REMOVE=_tally_remove(),
        TALLY_ADD_IF=_tally_add("NEW.withdrawn_on IS NULL"),
        TALLY_REMOVE_IF=_tally_remove("OLD.withdrawn_on IS NULL")))


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


def _exchange(conn: sqlite3.Connection) -> None:
    from .exchange.store import migrate

    migrate(conn)


def _daily(conn: sqlite3.Connection) -> None:
    from .daily_tally import migrate
    migrate(conn)


# Penalty figures by period, county and campaign from the index alone (dashboard, returns).
_PENALTY_SUMS = """
DROP INDEX penalty_case_decided;
CREATE INDEX penalty_case_sums ON penalty_case(decided_on, region_code, campaign_id,
    fine_fen, daily_fine, daily_fine_fen, seizure, restriction, detention, crime_transfer,
    closure);
"""


def _penalty_sums(conn: sqlite3.Connection) -> None:
    from .db import execute_script
    execute_script(conn, _PENALTY_SUMS)


# A manager may refuse a request for a later deadline (不予延期): it then never counts.
_EXTENSION_REFUSAL = """
ALTER TABLE deadline_extension ADD COLUMN refused_on TEXT;
ALTER TABLE deadline_extension ADD COLUMN refused_by TEXT;
"""


def _extension_refusal(conn: sqlite3.Connection) -> None:
    from .db import execute_script
    execute_script(conn, _EXTENSION_REFUSAL)


def _browse(conn: sqlite3.Connection) -> None:
    from .queries import migrate

    migrate(conn)


# Air quality (issue 21): monitoring stations and their daily values, the unit (region)
# values derived from them, targets, interviews and restrictions, published city rankings.
# Station and unit days are the monitoring platform's data and derived from it, not the
# bureau's own records: they carry no audit triggers (core/audit.py); each import and every
# value it corrected are audited rows (air_import, air_correction).
_AIR = f"""
CREATE TABLE air_station ({_ROW},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    region_code TEXT NOT NULL REFERENCES region(code)
);
CREATE INDEX air_station_region ON air_station(region_code);

CREATE TABLE air_import ({_ROW},
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('hourly', 'daily')),
    first_day TEXT,
    last_day TEXT,
    added INTEGER NOT NULL,
    corrected INTEGER NOT NULL,
    unchanged INTEGER NOT NULL
);

CREATE TABLE air_station_day (
    station_id TEXT NOT NULL REFERENCES air_station(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    so2 REAL, no2 REAL, pm10 REAL, co REAL, o3_1h REAL, o3_8h REAL, pm25 REAL,
    hours INTEGER,
    invalid TEXT,
    aqi_reported INTEGER,
    primary_reported TEXT,
    import_id TEXT NOT NULL REFERENCES air_import(id),
    PRIMARY KEY (station_id, day)
) WITHOUT ROWID;

CREATE TABLE air_correction ({_ROW},
    import_id TEXT NOT NULL REFERENCES air_import(id),
    station_id TEXT NOT NULL REFERENCES air_station(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    pollutant TEXT NOT NULL,
    old REAL,
    new REAL
);
CREATE INDEX air_correction_day ON air_correction(station_id, day);

CREATE TABLE air_unit_day (
    region_code TEXT NOT NULL REFERENCES region(code),
    day TEXT NOT NULL,
    so2 REAL, no2 REAL, pm10 REAL, co REAL, o3_1h REAL, o3_8h REAL, pm25 REAL,
    stations INTEGER NOT NULL,
    aqi INTEGER,
    primary_pollutant TEXT,
    level INTEGER,
    PRIMARY KEY (region_code, day)
) WITHOUT ROWID;

CREATE TABLE air_target ({_ROW},
    region_code TEXT NOT NULL REFERENCES region(code),
    indicator TEXT NOT NULL,
    first_day TEXT NOT NULL,
    last_day TEXT NOT NULL,
    change_pct REAL,
    minimum REAL,
    UNIQUE (region_code, indicator, first_day, last_day)
);

CREATE TABLE air_interview ({_ROW},
    region_code TEXT NOT NULL REFERENCES region(code),
    held_on TEXT NOT NULL,
    held_by TEXT NOT NULL,
    reasons TEXT NOT NULL,
    requirements TEXT,
    plan_days INTEGER,
    plan_due TEXT,
    plan_submitted_on TEXT,
    restriction_from TEXT,
    restriction_until TEXT,
    restriction_scope TEXT
);
CREATE INDEX air_interview_region ON air_interview(region_code, held_on);

CREATE TABLE air_interview_measure ({_ROW},
    interview_id TEXT NOT NULL REFERENCES air_interview(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    description TEXT NOT NULL,
    deadline TEXT,
    responsible TEXT,
    progress INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    done_on TEXT
);
CREATE INDEX air_interview_measure_interview ON air_interview_measure(interview_id, seq);

CREATE TABLE air_published_rank ({_ROW},
    list_name TEXT NOT NULL,
    month TEXT NOT NULL,
    rank INTEGER NOT NULL,
    city TEXT NOT NULL,
    region_code TEXT REFERENCES region(code),
    composite_index REAL,
    UNIQUE (list_name, month, city)
);
"""


def _air(conn: sqlite3.Connection) -> None:
    from .db import execute_script
    execute_script(conn, _AIR)


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
    ("air_quality", _air),
]
SCHEMA_VERSION = len(MIGRATIONS)
