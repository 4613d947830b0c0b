"""Numbered schema migrations. Each runs once, in a transaction, and is recorded."""
from __future__ import annotations

import datetime as dt
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


# 双随机、一公开: the bureau's supervision classes, its directories of supervised enterprises
# (with the inspection items that apply) and of enforcement officers, declared conflicts of
# interest, plans, sealed draws and their tasks. An enterprise's own class is NULL until set
# (then it follows its key-monitored flag: the class marked for_key_monitored, else the
# fallback class).
_RANDOM_INSPECTION = f"""
ALTER TABLE enterprise ADD COLUMN supervision_class TEXT;
CREATE TABLE random_class ({_ROW},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    seq INTEGER NOT NULL,
    for_key_monitored INTEGER NOT NULL DEFAULT 0,
    fallback INTEGER NOT NULL DEFAULT 0
);
INSERT INTO random_class VALUES
    ('00000000-0000-7000-8000-72616e640001', {{NOW}}, {{NOW}}, 'migration', 'key', '重点排污单位', 1, 1, 0),
    ('00000000-0000-7000-8000-72616e640002', {{NOW}}, {{NOW}}, 'migration', 'special', '特殊监管对象', 2, 0, 0),
    ('00000000-0000-7000-8000-72616e640003', {{NOW}}, {{NOW}}, 'migration', 'general', '一般排污单位', 3, 0, 1);
CREATE TABLE random_item ({_ROW},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    basis TEXT
);
CREATE TABLE random_member ({_ROW},
    enterprise_id TEXT NOT NULL UNIQUE REFERENCES enterprise(id),
    items TEXT NOT NULL DEFAULT '[]',
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE random_officer ({_ROW},
    name TEXT NOT NULL,
    certificate TEXT NOT NULL UNIQUE,
    field TEXT,
    unit TEXT,
    region_code TEXT REFERENCES region(code),
    active INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE random_conflict ({_ROW},
    officer_id TEXT NOT NULL REFERENCES random_officer(id),
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    reason TEXT,
    UNIQUE (officer_id, enterprise_id)
);
CREATE TABLE random_plan ({_ROW},
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    shares TEXT NOT NULL,
    items TEXT NOT NULL DEFAULT '[]',
    cross_county INTEGER NOT NULL DEFAULT 0,
    publish_within INTEGER NOT NULL DEFAULT 20,
    approved_on TEXT,
    approved_by TEXT
);
CREATE TABLE random_draw ({_ROW},
    plan_id TEXT NOT NULL REFERENCES random_plan(id),
    drawn_on TEXT NOT NULL,
    witness TEXT,
    witness_value TEXT NOT NULL,
    algorithm TEXT NOT NULL,
    inputs TEXT NOT NULL,
    seed TEXT NOT NULL,
    digest TEXT NOT NULL,
    redraw_of TEXT REFERENCES random_draw(id),
    reason TEXT,
    superseded_by TEXT REFERENCES random_draw(id),
    notice_published_on TEXT,
    results_published_on TEXT
);
CREATE INDEX random_draw_plan ON random_draw(plan_id);
CREATE TABLE random_task ({_ROW},
    draw_id TEXT NOT NULL REFERENCES random_draw(id),
    seq INTEGER NOT NULL,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    class TEXT NOT NULL,
    new_cycle INTEGER NOT NULL DEFAULT 0,
    items TEXT NOT NULL DEFAULT '[]',
    officer_1 TEXT NOT NULL REFERENCES random_officer(id),
    officer_2 TEXT NOT NULL REFERENCES random_officer(id),
    inspection_id TEXT REFERENCES inspection(id),
    UNIQUE (draw_id, seq)
);
CREATE INDEX random_task_enterprise ON random_task(enterprise_id);
CREATE INDEX random_task_inspection ON random_task(inspection_id);
"""


def _random_inspection(conn: sqlite3.Connection) -> None:
    execute_script(conn, _RANDOM_INSPECTION.format(
        NOW="strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime')"))
# A new exchange partner's jurisdiction is confirmed by a manager before its first file is
# taken; partners exchanged with before this migration count as confirmed.
_SAFETY_PARTNER_CONFIRMATION = """
ALTER TABLE exchange_partner ADD COLUMN confirmed_at TEXT;
ALTER TABLE exchange_partner ADD COLUMN confirmed_by TEXT;
UPDATE exchange_partner SET confirmed_at = coalesce(last_import_at, last_export_at, ''),
    confirmed_by = '';
"""


def _safety_partner_confirmation(conn: sqlite3.Connection) -> None:
    execute_script(conn, _SAFETY_PARTNER_CONFIRMATION)


def _browse(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0005_browse.SQL)


def _model_acceptance(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0012_model_acceptance.SQL)


def _model_numbers(conn: sqlite3.Connection) -> None:
    execute_script(conn, m0013_model_numbers.SQL)


# Rows older than the audit trail, or written by a migration before its table had triggers:
# the only rows `check` accepts without an insert entry (filled after migrations by
# core.audit.record_baseline). No primary key: bookkeeping, not audited itself.
_HOSTILE_AUDIT_BASELINE = """
CREATE TABLE audit_baseline (
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    UNIQUE (table_name, row_id)
);
"""


def _hostile_audit_baseline(conn: sqlite3.Connection) -> None:
    execute_script(conn, _HOSTILE_AUDIT_BASELINE)
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


def now() -> str:
    """The local time as ISO text, to the second (as core.db writes it): the schema
    history imports no module of today's features."""
    return dt.datetime.now().isoformat(timespec="seconds")


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
    ("model_repair_old_layouts", m0010_model_repair.apply),
    ("model_deadline_kinds", m0011_model_deadlines.apply),
    ("model_acceptance", _model_acceptance),
    ("model_numbers", _model_numbers),
    ("hostile_audit_baseline", _hostile_audit_baseline),
    ("random_inspection", _random_inspection),
    ("codes_lists", _codes_lists),
    ("units_region", _units_region),
    ("safety_partner_confirmation", _safety_partner_confirmation),
    ("air_quality", _air),
]
SCHEMA_VERSION = len(MIGRATIONS)
