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


# Each problem's past states as intervals (core/intervals.py): figures for a past date are a
# range scan of the intervals that contain it. Frozen here as the migration wrote them.
def _interval_select(points: str, where: str) -> str:
    return f"""SELECT x.valid_to, x.id, x.valid_from, (SELECT g.id FROM problem_group g
      WHERE g.region_code = x.region_code AND g.batch_id = x.batch_id
        AND g.category = x.category AND g.campaign_id = x.campaign_id
        AND g.source = x.source), x.st, x.dl
FROM (SELECT p.id, p.region_code, coalesce(p.batch_id, '') AS batch_id, p.category,
        coalesce(p.campaign_id, '') AS campaign_id, p.source, t.day AS valid_from,
        coalesce(lead(t.day) OVER (PARTITION BY p.id ORDER BY t.day), p.withdrawn_on,
                 '9999-12-31') AS valid_to,
        CASE WHEN p.status_since <= t.day THEN p.status ELSE (
          SELECT l.status_to FROM problem_log l WHERE l.problem_id = p.id
            AND l.status_to IS NOT NULL AND l.happened_on <= t.day
            ORDER BY l.happened_on DESC, l.seq DESC LIMIT 1) END AS st,
        CASE WHEN p.deadline_since <= t.day THEN p.deadline_in_force ELSE coalesce((
          SELECT e.new_deadline FROM deadline_extension e WHERE e.problem_id = p.id
            AND e.approved_on <= t.day ORDER BY e.approved_on DESC LIMIT 1), p.deadline) END AS dl
      FROM ({points}) t JOIN problem p ON p.id = t.pid
      WHERE {where} AND t.day >= p.assigned_on
        AND t.day <= max(p.assigned_on, p.status_since, p.deadline_since)
        AND (p.withdrawn_on IS NULL OR t.day < p.withdrawn_on)) x
WHERE x.valid_from < x.valid_to"""


_INTERVAL_GROUP = """INSERT OR IGNORE INTO problem_group (region_code, batch_id, category,
    campaign_id, source) SELECT region_code, coalesce(batch_id, ''), category,
    coalesce(campaign_id, ''), source FROM problem WHERE {where}"""


def _interval_rebuild(pid: str) -> str:
    points = (f"SELECT id AS pid, assigned_on AS day FROM problem WHERE id = {pid} "
              f"UNION SELECT id, status_since FROM problem WHERE id = {pid} "
              f"UNION SELECT id, deadline_since FROM problem WHERE id = {pid} "
              f"UNION SELECT problem_id, happened_on FROM problem_log "
              f"WHERE problem_id = {pid} AND status_to IS NOT NULL "
              f"UNION SELECT problem_id, approved_on FROM deadline_extension "
              f"WHERE problem_id = {pid} AND approved_on IS NOT NULL")
    return (f"DELETE FROM problem_state WHERE problem_id = {pid};\n"
            f"{_INTERVAL_GROUP.format(where=f'id = {pid}')};\n"
            f"INSERT INTO problem_state {_interval_select(points, f'p.id = {pid}')};")


_INTERVAL_POINTS = """SELECT id AS pid, assigned_on AS day FROM problem
  UNION SELECT id, status_since FROM problem
  UNION SELECT id, deadline_since FROM problem
  UNION SELECT problem_id, happened_on FROM problem_log WHERE status_to IS NOT NULL
  UNION SELECT problem_id, approved_on FROM deadline_extension WHERE approved_on IS NOT NULL"""


def _intervals_problem_state(conn: sqlite3.Connection) -> None:
    from .db import execute_script

    rebuild_new, rebuild_old = _interval_rebuild("NEW.id"), _interval_rebuild("NEW.problem_id")
    rebuild_gone = _interval_rebuild("OLD.problem_id")
    execute_script(conn, f"""
CREATE TABLE problem_group (
    id INTEGER PRIMARY KEY,
    region_code TEXT NOT NULL,
    batch_id TEXT NOT NULL,
    category TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    source TEXT NOT NULL,
    UNIQUE (region_code, batch_id, category, campaign_id, source)
);
CREATE TABLE problem_state (
    valid_to TEXT NOT NULL,
    problem_id TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    grp INTEGER NOT NULL,
    status TEXT,
    deadline TEXT,
    PRIMARY KEY (valid_to, valid_from, problem_id)
) WITHOUT ROWID;
{_INTERVAL_GROUP.format(where="1")};
INSERT INTO problem_state {_interval_select(_INTERVAL_POINTS, "1")};
CREATE INDEX problem_state_problem ON problem_state(problem_id);
CREATE TRIGGER problem_state_insert AFTER INSERT ON problem
BEGIN {rebuild_new} END;
CREATE TRIGGER problem_state_update AFTER UPDATE OF assigned_on, withdrawn_on, status,
    status_since, deadline, deadline_in_force, deadline_since, region_code, batch_id,
    category, campaign_id, source ON problem
BEGIN {rebuild_new} END;
CREATE TRIGGER problem_state_delete AFTER DELETE ON problem
BEGIN DELETE FROM problem_state WHERE problem_id = OLD.id; END;
CREATE TRIGGER problem_state_log_insert AFTER INSERT ON problem_log WHEN NEW.status_to IS NOT NULL
BEGIN {rebuild_old} END;
CREATE TRIGGER problem_state_log_update AFTER UPDATE ON problem_log
BEGIN {rebuild_gone} {rebuild_old} END;
CREATE TRIGGER problem_state_log_delete AFTER DELETE ON problem_log WHEN OLD.status_to IS NOT NULL
BEGIN {rebuild_gone} END;
CREATE TRIGGER problem_state_extension_insert AFTER INSERT ON deadline_extension
    WHEN NEW.approved_on IS NOT NULL
BEGIN {rebuild_old} END;
CREATE TRIGGER problem_state_extension_update AFTER UPDATE ON deadline_extension
BEGIN {rebuild_gone} {rebuild_old} END;
CREATE TRIGGER problem_state_extension_delete AFTER DELETE ON deadline_extension
    WHEN OLD.approved_on IS NOT NULL
BEGIN {rebuild_gone} END;
""")


# What was sent upward (报送记录) and the periods a manager locked after sending them.
_RETURNS_SUBMISSIONS = f"""
CREATE TABLE return_submission ({_ROW},
    form TEXT NOT NULL,
    as_of TEXT NOT NULL,
    campaign_id TEXT,
    unit_code TEXT NOT NULL,
    unit_name TEXT NOT NULL,
    figures TEXT NOT NULL,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    submitted_by TEXT NOT NULL,
    correction_note TEXT
);
CREATE INDEX return_submission_period ON return_submission(form, as_of, campaign_id);
CREATE TABLE period_lock ({_ROW},
    through TEXT NOT NULL,
    submission_id TEXT REFERENCES return_submission(id),
    locked_at TEXT NOT NULL,
    locked_by TEXT NOT NULL,
    unlocked_at TEXT,
    unlocked_by TEXT,
    unlock_reason TEXT
);
{{LOCK_TRIGGERS}}
"""
_LOCKED = "(SELECT max(through) FROM period_lock WHERE unlocked_at IS NULL)"


def _lock_trigger(name: str, event: str, table: str, condition: str) -> str:
    return (f"CREATE TRIGGER {name} BEFORE {event} ON {table} WHEN {condition}\n"
            "BEGIN SELECT RAISE(ABORT, 'period_locked'); END;")


def _lock_triggers() -> str:
    def on(ref: str, column: str) -> str:
        return f"{ref}.{column} <= {_LOCKED}"
    keys = ("region_code", "batch_id", "category", "campaign_id", "source")
    moved = " OR ".join(f"NEW.{k} IS NOT OLD.{k}" for k in keys)
    return "\n".join([
        _lock_trigger("period_lock_log_insert", "INSERT", "problem_log", on("NEW", "happened_on")),
        _lock_trigger("period_lock_log_update", "UPDATE", "problem_log",
                      f"{on('OLD', 'happened_on')} OR {on('NEW', 'happened_on')}"),
        _lock_trigger("period_lock_log_delete", "DELETE", "problem_log", on("OLD", "happened_on")),
        _lock_trigger("period_lock_extension_insert", "INSERT", "deadline_extension",
                      on("NEW", "approved_on")),
        _lock_trigger("period_lock_extension_update", "UPDATE", "deadline_extension",
                      f"{on('OLD', 'approved_on')} OR {on('NEW', 'approved_on')}"),
        _lock_trigger("period_lock_extension_delete", "DELETE", "deadline_extension",
                      on("OLD", "approved_on")),
        _lock_trigger("period_lock_problem_insert", "INSERT", "problem", on("NEW", "assigned_on")),
        _lock_trigger("period_lock_problem_delete", "DELETE", "problem", on("OLD", "assigned_on")),
        _lock_trigger("period_lock_problem_update", "UPDATE", "problem",
                      f"({on('OLD', 'assigned_on')} OR {on('NEW', 'assigned_on')}) AND ("
                      f"{moved} OR NEW.assigned_on IS NOT OLD.assigned_on "
                      f"OR (NEW.withdrawn_on IS NOT OLD.withdrawn_on AND "
                      f"coalesce(NEW.withdrawn_on, OLD.withdrawn_on) <= {_LOCKED}) "
                      f"OR (NEW.status_since IS NOT OLD.status_since AND {on('NEW', 'status_since')}) "
                      f"OR (NEW.deadline_since IS NOT OLD.deadline_since AND {on('NEW', 'deadline_since')}))"),
        _lock_trigger("period_lock_penalty_insert", "INSERT", "penalty_case", on("NEW", "decided_on")),
        _lock_trigger("period_lock_penalty_update", "UPDATE", "penalty_case",
                      f"{on('OLD', 'decided_on')} OR {on('NEW', 'decided_on')}"),
        _lock_trigger("period_lock_penalty_delete", "DELETE", "penalty_case", on("OLD", "decided_on")),
        _lock_trigger("period_lock_inspection_insert", "INSERT", "inspection",
                      on("NEW", "inspected_on")),
        _lock_trigger("period_lock_inspection_update", "UPDATE", "inspection",
                      f"{on('OLD', 'inspected_on')} OR {on('NEW', 'inspected_on')}"),
        _lock_trigger("period_lock_inspection_delete", "DELETE", "inspection",
                      on("OLD", "inspected_on")),
    ])


def _returns_submissions(conn: sqlite3.Connection) -> None:
    from .db import execute_script

    execute_script(conn, _RETURNS_SUBMISSIONS.replace("{LOCK_TRIGGERS}", _lock_triggers()))


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
    ("intervals_problem_state", _intervals_problem_state),
    ("returns_submissions", _returns_submissions),
]
SCHEMA_VERSION = len(MIGRATIONS)
