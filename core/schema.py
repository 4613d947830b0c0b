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


# -- the bureau's own code lists (问题类别, 问题来源): frozen here as they were first shipped.
_CODES_LISTS = """
CREATE TABLE code_entry (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('category', 'source')),
    code TEXT NOT NULL,
    label TEXT NOT NULL,
    synonyms TEXT NOT NULL DEFAULT '[]',
    sort_order INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    merged_into TEXT,
    UNIQUE (kind, code)
);
ALTER TABLE problem ADD COLUMN extra_categories TEXT;
"""
# (code, label, synonyms) in the order the release before this migration showed them.
_CODES_DEFAULTS = {
    "category": (
        ("scattered_polluting", "散乱污企业", ("散乱污",)),
        ("loose_coal", "散煤", ("燃煤", "散煤燃烧")),
        ("dust", "扬尘", ("粉尘", "扬尘污染")),
        ("waste_gas", "废气", ("大气", "气", "大气污染", "烟气", "VOCs", "废气污染")),
        ("waste_water", "废水", ("污水", "水污染", "水")),
        ("solid_waste", "固体废物", ("固废",)),
        ("hazardous_waste", "危险废物", ("危废",)),
        ("drinking_water", "饮用水水源地", ("饮用水", "水源地", "饮用水源")),
        ("monitoring_fraud", "在线监测数据造假", ("在线监测", "数据造假")),
        ("noise", "噪声", ("噪音", "噪声污染")),
        ("other", "其他", ("其它",)),
    ),
    "source": (
        ("inspection", "执法检查发现", ("执法检查", "检查发现", "巡查")),
        ("supervision_letter", "督办函交办", ("督办", "交办", "督办函")),
        ("central_inspection", "中央生态环境保护督察", ("中央督察", "中央环保督察")),
        ("provincial_inspection", "省级生态环境保护督察", ("省级督察", "省督察", "省环保督察")),
        ("looking_back", "督察“回头看”", ("回头看",)),
        ("strengthened_supervision", "强化监督", ("强化督查",)),
        ("complaint", "群众举报（12369）", ("12369", "举报", "信访", "投诉")),
    ),
}


def code_entry_id(kind: str, code: str) -> str:
    """The id of a shipped list entry: the same on every PC, so exchanges meet one row."""
    import uuid

    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"ecoledger:code_entry:{kind}:{code}"))


def _codes_lists(conn: sqlite3.Connection) -> None:
    import json

    from .db import execute_script, now

    execute_script(conn, _CODES_LISTS)
    stamp = now()
    conn.executemany(
        "INSERT INTO code_entry (id, created_at, updated_at, operator, kind, code, label, "
        "synonyms, sort_order) VALUES (?, ?, ?, 'migration', ?, ?, ?, ?, ?)",
        [(code_entry_id(kind, code), stamp, stamp, kind, code, label,
          json.dumps(list(words), ensure_ascii=False), 10 * (n + 1))
         for kind, entries in _CODES_DEFAULTS.items()
         for n, (code, label, words) in enumerate(entries)])


# -- units beyond GB/T 2260 (development zones, city departments, townships): rows of the
# region table, so that every region_code column takes them; `region_unit` is the bureau's
# audited (and exchanged) record of them, copied into `region` by trigger.
_UNITS_REGION = """
CREATE TABLE region_unit (
    id TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('zone', 'department', 'township')),
    parent_code TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TRIGGER region_unit_to_region_insert AFTER INSERT ON region_unit
BEGIN
    INSERT INTO region (code, name, parent_code, level, kind, sort_order, active)
    VALUES (NEW.code, NEW.name, NEW.parent_code,
            coalesce((SELECT level FROM region WHERE code = NEW.parent_code), 2) + 1,
            NEW.kind, NEW.sort_order, NEW.active)
    ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code,
        level = excluded.level, kind = excluded.kind, sort_order = excluded.sort_order,
        active = excluded.active;
END;
CREATE TRIGGER region_unit_to_region_update AFTER UPDATE ON region_unit
BEGIN
    UPDATE region SET name = NEW.name, kind = NEW.kind, sort_order = NEW.sort_order,
        active = NEW.active WHERE code = NEW.code;
END;
CREATE TRIGGER region_unit_to_region_delete AFTER DELETE ON region_unit
BEGIN
    DELETE FROM region WHERE code = OLD.code;
END;
"""


def _units_region(conn: sqlite3.Connection) -> None:
    import sqlite_utils

    from .db import execute_script

    # Rebuilt by sqlite-utils: the CHECKs on the code's length (6 digits) and the level
    # (1-3) go, so that a unit's longer code and a township's level 4 fit.
    # A column's CHECK goes with the column: each is copied to a new column that takes
    # its place.
    execute_script(conn, """
ALTER TABLE region ADD COLUMN new_code TEXT;
ALTER TABLE region ADD COLUMN new_level INTEGER;
UPDATE region SET new_code = code, new_level = level;
""")
    db = sqlite_utils.Database(conn, recursive_triggers=False)
    db["region"].transform(
        drop={"code", "level"}, rename={"new_code": "code", "new_level": "level"}, pk="code",
        not_null={"code", "level"}, column_order=["code", "name", "parent_code", "level"])
    execute_script(conn, """
ALTER TABLE region ADD COLUMN kind TEXT;
ALTER TABLE region ADD COLUMN sort_order INTEGER;
ALTER TABLE region ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
""")
    execute_script(conn, _UNITS_REGION)


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
    ("codes_lists", _codes_lists),
    ("units_region", _units_region),
]
SCHEMA_VERSION = len(MIGRATIONS)
