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


# -- import: the words a bureau mapped in an import, remembered for the next one; and the
# words real ledgers write, as synonyms of the shipped entries, plus a source "other".
def _import_word_mappings(conn: sqlite3.Connection) -> None:
    execute_script(conn, """
CREATE TABLE import_word_map (
    kind TEXT NOT NULL CHECK (kind IN ('status', 'category', 'source')),
    word TEXT NOT NULL,
    target TEXT NOT NULL,
    created_at TEXT NOT NULL,
    operator TEXT NOT NULL,
    PRIMARY KEY (kind, word)
);
""")


_IMPORT_WORDS = {
    "category": {
        "waste_gas": ("恶臭", "异味", "臭气", "废气扰民", "工业废气", "锅炉废气"),
        "waste_water": ("黑臭水体", "污水直排", "偷排污水", "生活污水", "工业废水"),
        "solid_waste": ("垃圾", "固废堆放", "建筑垃圾", "生活垃圾"),
        "noise": ("噪声扰民", "噪音扰民", "施工噪声"),
        "dust": ("施工扬尘", "道路扬尘", "堆场扬尘"),
        "scattered_polluting": ("小散乱污", "散乱污企业整治"),
    },
    "source": {
        "complaint": ("12345热线", "12345", "群众信访举报", "信访举报", "群众举报", "市长热线",
                      "12369热线", "网络举报"),
        "central_inspection": ("中央督察组转办", "中央生态环境保护督察组转办", "边督边改",
                               "中央环境保护督察"),
        "provincial_inspection": ("省级生态环境保护督察组转办", "省督察组转办"),
        "inspection": ("自查自纠", "排查发现", "自查发现", "执法检查发现问题"),
        "supervision_letter": ("督办函", "交办函"),
    },
}


def _import_code_words(conn: sqlite3.Connection) -> None:
    import json

    taken = {}
    for kind, code, label, synonyms in conn.execute(
            "SELECT kind, code, label, synonyms FROM code_entry"):
        for word in (code, label, *json.loads(synonyms or "[]")):
            taken.setdefault((kind, word), code)
    for kind, entries in _IMPORT_WORDS.items():
        for code, words in entries.items():
            row = conn.execute("SELECT synonyms FROM code_entry WHERE kind = ? AND code = ?",
                               (kind, code)).fetchone()
            if row is None:
                continue
            synonyms = json.loads(row[0] or "[]")
            synonyms += [w for w in words if (kind, w) not in taken and w not in synonyms]
            conn.execute("UPDATE code_entry SET synonyms = ? WHERE kind = ? AND code = ?",
                         (json.dumps(synonyms, ensure_ascii=False), kind, code))
    if conn.execute("SELECT 1 FROM code_entry WHERE kind = 'source' AND code = 'other'").fetchone():
        return
    stamp = now()
    last = conn.execute("SELECT coalesce(max(sort_order), 0) FROM code_entry "
                        "WHERE kind = 'source'").fetchone()[0]
    conn.execute(
        "INSERT INTO code_entry (id, created_at, updated_at, operator, kind, code, label, "
        "synonyms, sort_order) VALUES (?, ?, ?, 'migration', 'source', 'other', ?, ?, ?)",
        (code_entry_id("source", "other"), stamp, stamp, "其他来源",
         json.dumps(["其他", "其它"], ensure_ascii=False), last + 10))


def now() -> str:
    """The local time as ISO text, to the second (as core.db writes it): the schema
    history imports no module of today's features."""
    return dt.datetime.now().isoformat(timespec="seconds")


# -- penalty cases worked through their stages and legal clocks (docs/penalties.md)

def _penalty_decision_optional(conn: sqlite3.Connection) -> None:
    """A case is recorded at 立案, before any decision: decided_on may be empty.

    Removing a NOT NULL constraint changes nothing stored, so this edits the table's
    CREATE text in place, as SQLite's own ALTER TABLE page describes for exactly this kind
    of change (writable_schema, then a new schema_version, inside the transaction): no
    copy of the table, and every index, trigger, rowid and search entry stays as it is."""
    import re

    sql = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' "
                       "AND name = 'penalty_case'").fetchone()[0]
    changed, count = re.subn(r"\bdecided_on\s+TEXT\s+NOT\s+NULL\b", "decided_on TEXT", sql)
    if count != 1:
        raise sqlite3.DatabaseError("penalty_case.decided_on is not the column expected")
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' "
                     "AND name = 'penalty_case'", (changed,))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


_PENALTY_STAGES = f"""
ALTER TABLE penalty_case ADD COLUMN opened_on TEXT;
ALTER TABLE penalty_case ADD COLUMN stage TEXT NOT NULL DEFAULT 'opened';
ALTER TABLE penalty_case ADD COLUMN inspection_id TEXT REFERENCES inspection(id);
ALTER TABLE penalty_case ADD COLUMN detention_transferred_on TEXT;
ALTER TABLE penalty_case ADD COLUMN detention_accepted_on TEXT;
ALTER TABLE penalty_case ADD COLUMN crime_transferred_on TEXT;
ALTER TABLE penalty_case ADD COLUMN crime_accepted_on TEXT;
CREATE INDEX penalty_case_opened ON penalty_case(opened_on, region_code);
CREATE INDEX penalty_case_stage ON penalty_case(stage);
CREATE INDEX penalty_case_problem ON penalty_case(problem_id);
CREATE INDEX penalty_case_inspection ON penalty_case(inspection_id);

-- One row per stage a case reached: its date and who did it. The id is the case's id
-- and the stage, so the same stage recorded on two PCs is one row when ledgers merge.
CREATE TABLE penalty_stage ({_ROW},
    case_id TEXT NOT NULL REFERENCES penalty_case(id) ON DELETE CASCADE,
    stage TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    done_by TEXT,
    note TEXT,
    UNIQUE (case_id, stage)
);

-- 责令改正违法行为决定书, by the day it was served.
CREATE TABLE penalty_order ({_ROW},
    case_id TEXT NOT NULL REFERENCES penalty_case(id) ON DELETE CASCADE,
    served_on TEXT NOT NULL,
    document_number TEXT,
    note TEXT
);
CREATE INDEX penalty_order_case ON penalty_order(case_id, served_on);

-- 复查: what the recheck found on that day.
CREATE TABLE penalty_recheck ({_ROW},
    case_id TEXT NOT NULL REFERENCES penalty_case(id) ON DELETE CASCADE,
    checked_on TEXT NOT NULL,
    finding TEXT NOT NULL CHECK (finding IN ('still_discharging', 'corrected', 'stopped')),
    note TEXT
);
CREATE INDEX penalty_recheck_case ON penalty_recheck(case_id, checked_on);

-- 查封、扣押: the decision's period, its one extension and the release (解除).
CREATE TABLE penalty_seizure ({_ROW},
    case_id TEXT NOT NULL REFERENCES penalty_case(id) ON DELETE CASCADE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    extended_to TEXT,
    extension_approved_on TEXT,
    extension_approved_by TEXT,
    released_on TEXT,
    note TEXT,
    UNIQUE (case_id, starts_on)
);

-- The problems a case punishes (penalty_case.problem_id keeps the first, for older readers).
CREATE TABLE penalty_problem ({_ROW},
    case_id TEXT NOT NULL REFERENCES penalty_case(id) ON DELETE CASCADE,
    problem_id TEXT NOT NULL REFERENCES problem(id),
    UNIQUE (case_id, problem_id)
);
CREATE INDEX penalty_problem_problem ON penalty_problem(problem_id);

-- Extensions of the 90-day decision period: the head's 30 days, then collective decisions.
CREATE TABLE penalty_extension ({_ROW},
    case_id TEXT NOT NULL REFERENCES penalty_case(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('head', 'collective')),
    approved_on TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    due_on TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX penalty_extension_case ON penalty_extension(case_id, due_on);

-- Cases recorded before stages existed: a decision date means decided (inferred once,
-- here; the stage row carries the decision date and no person, for nobody was recorded).
UPDATE penalty_case SET stage = 'decided' WHERE decided_on IS NOT NULL;
INSERT INTO penalty_stage (id, created_at, updated_at, operator, case_id, stage, happened_on)
    SELECT id || '/decided', created_at, updated_at, 'migration', id, 'decided', decided_on
    FROM penalty_case WHERE decided_on IS NOT NULL;
INSERT INTO penalty_problem (id, created_at, updated_at, operator, case_id, problem_id)
    SELECT id || '/' || problem_id, created_at, updated_at, 'migration', id, problem_id
    FROM penalty_case WHERE problem_id IS NOT NULL;
"""


def _penalty_stages(conn: sqlite3.Connection) -> None:
    execute_script(conn, _PENALTY_STAGES)
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
        coalesce(CASE WHEN p.deadline_since <= t.day THEN p.deadline_in_force ELSE coalesce((
          SELECT e.new_deadline FROM deadline_extension e WHERE e.problem_id = p.id
            AND e.approved_on <= t.day ORDER BY e.approved_on DESC LIMIT 1), p.deadline) END,
          p.deadline_kind) AS dl
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
    status_since, deadline, deadline_in_force, deadline_kind, deadline_since, region_code, batch_id,
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


def lock_triggers() -> dict[str, tuple[str, str]]:
    """The period-lock insert triggers: name → (table, CREATE statement as installed)."""
    found = {}
    for part in _lock_triggers().split("CREATE TRIGGER ")[1:]:
        name, _, event, _, table = part.split()[:5]
        if event == "INSERT":
            found[name] = (table, "CREATE TRIGGER " + part.strip())
    return found


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
    execute_script(conn, _RETURNS_SUBMISSIONS.replace("{LOCK_TRIGGERS}", _lock_triggers()))
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


# 立案 counts (returns, issue 17): a case filed (opened_on) in a locked period is refused
# like one decided in it — added, deleted, re-dated, moved or with its kinds changed; a
# later stage recorded on it (its decision, payment) is not.
_LOCKED_OPENED = "(SELECT max(through) FROM period_lock WHERE unlocked_at IS NULL)"
_OPENED_COUNTED = " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in (
    "opened_on", "region_code", "campaign_id", "daily_fine", "seizure", "restriction",
    "detention", "crime_transfer"))
_RETURNS_LOCK_OPENED = f"""
CREATE TRIGGER period_lock_penalty_opened_insert BEFORE INSERT ON penalty_case
WHEN NEW.opened_on <= {_LOCKED_OPENED}
BEGIN SELECT RAISE(ABORT, 'period_locked'); END;
CREATE TRIGGER period_lock_penalty_opened_update BEFORE UPDATE ON penalty_case
WHEN (OLD.opened_on <= {_LOCKED_OPENED} OR NEW.opened_on <= {_LOCKED_OPENED})
  AND ({_OPENED_COUNTED})
BEGIN SELECT RAISE(ABORT, 'period_locked'); END;
CREATE TRIGGER period_lock_penalty_opened_delete BEFORE DELETE ON penalty_case
WHEN OLD.opened_on <= {_LOCKED_OPENED}
BEGIN SELECT RAISE(ABORT, 'period_locked'); END;
"""


def _returns_lock_opened(conn: sqlite3.Connection) -> None:
    execute_script(conn, _RETURNS_LOCK_OPENED)


# Figures on a past day (core.statistics._PAST): the current states begun after it, counted
# by group in this index's order (one pass, no sort of a third of the problems).
_INTERVALS_OPEN_INDEX = """
CREATE INDEX problem_state_open ON problem_state(grp, status, deadline, valid_from)
    WHERE valid_to = '9999-12-31';
"""


def _intervals_open_index(conn: sqlite3.Connection) -> None:
    execute_script(conn, _INTERVALS_OPEN_INDEX)


# The figures of each of the last days, by group (core/checkpoints.py): a past date read
# from one row per group. Triggers on problem_state keep every stored day exact: each state
# counts, in the buckets of that day, on the stored days it contains.
def _checkpoint_add(row: str, sign: str) -> str:
    counted = [f"{row}.status = '{s}'" for s in ("closed", "reported_done", "stage_concluded")]
    open_ = f"{row}.status != 'closed' AND {row}.deadline"
    counted += [f"{open_} < k.day", f"{open_} BETWEEN k.day AND k.d10",
                f"{open_} > k.d10 AND {row}.deadline <= k.d20", f"{open_} = 'ongoing'",
                f"{open_} = 'vague'"]
    names = ("closed", "reported_done", "stage_concluded", "overdue", "due_10", "due_20",
             "ongoing", "undated")
    return f"""INSERT INTO stored_day_figures SELECT k.day, {row}.grp, {sign}1,
    {", ".join(f"{sign}(({c}) IS 1)" for c in counted)}
  FROM stored_day k WHERE k.day >= {row}.valid_from AND k.day < {row}.valid_to
  ON CONFLICT (day, grp) DO UPDATE SET assigned = assigned + excluded.assigned,
    {", ".join(f"{n} = {n} + excluded.{n}" for n in names)};"""


_STORED_DAY_FIGURES = f"""
CREATE TABLE stored_day (
    day TEXT PRIMARY KEY,
    d10 TEXT NOT NULL,
    d20 TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE stored_day_figures (
    day TEXT NOT NULL,
    grp INTEGER NOT NULL,
    assigned INTEGER NOT NULL,
    closed INTEGER NOT NULL,
    reported_done INTEGER NOT NULL,
    stage_concluded INTEGER NOT NULL,
    overdue INTEGER NOT NULL,
    due_10 INTEGER NOT NULL,
    due_20 INTEGER NOT NULL,
    ongoing INTEGER NOT NULL,
    undated INTEGER NOT NULL,
    PRIMARY KEY (day, grp)
) WITHOUT ROWID;
CREATE TRIGGER stored_day_figures_insert AFTER INSERT ON problem_state
BEGIN {_checkpoint_add("NEW", "")} END;
CREATE TRIGGER stored_day_figures_delete AFTER DELETE ON problem_state
BEGIN {_checkpoint_add("OLD", "-")} END;
CREATE TRIGGER stored_day_figures_update AFTER UPDATE ON problem_state
BEGIN {_checkpoint_add("OLD", "-")} {_checkpoint_add("NEW", "")} END;
"""


def _stored_day_figures(conn: sqlite3.Connection) -> None:
    execute_script(conn, _STORED_DAY_FIGURES)


# An audit entry looked up by its row: row ids are time-ordered (UUIDv7), so their first 8
# characters are shared by every row written in the same minute or so, and an index on that
# prefix alone left each lookup reading the whole minute (record_baseline after a migration,
# a row's history, a version check). The prefix stays first (the exchange walks rows by it);
# the whole id after it finds the row's own entries.
_AUDIT_ROW_LOOKUP = """
DROP INDEX audit_log_row;
CREATE INDEX audit_log_row ON audit_log(substr(row_id, 1, 8), row_id);
"""


def _audit_row_lookup(conn: sqlite3.Connection) -> None:
    execute_script(conn, _AUDIT_ROW_LOOKUP)


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
    ("import_word_mappings", _import_word_mappings),
    ("import_code_words", _import_code_words),
    ("penalty_decision_optional", _penalty_decision_optional),
    ("penalty_stages", _penalty_stages),
    ("intervals_problem_state", _intervals_problem_state),
    ("returns_submissions", _returns_submissions),
    ("air_quality", _air),
    ("returns_lock_opened", _returns_lock_opened),
    ("intervals_open_index", _intervals_open_index),
    ("stored_day_figures", _stored_day_figures),
    ("audit_row_lookup", _audit_row_lookup),
]
SCHEMA_VERSION = len(MIGRATIONS)
