"""Migration 11 'model_deadline_kinds': deadlines as bureaus write them.

A problem's deadline may now be empty (长期坚持, or a vague text waiting for a date): the
problem table is rebuilt with sqlite-utils' `transform()` so that `deadline` and
`deadline_in_force` may be NULL, and gains `deadline_text` (the wording as written) and
`deadline_kind` (see core/deadlines.py; 'date' for every earlier row). Measures gain the same
two columns. The running tally keys an open problem without a date by its kind ('ongoing',
'vague'), which no date comparison counts as due; the covering index of the statistics
carries the kind too.

The rebuild drops the table's triggers: the ones it had are made again as they were, except
the tally's, which are made with the new key.

Frozen: never edit; a change is a new step.
"""
from __future__ import annotations

import sqlite3

from . import execute_script

_TALLY_TRIGGERS = ("problem_tally_insert", "problem_tally_delete", "problem_tally_update")


def _key(row: str) -> str:
    return (f"{row}.region_code, coalesce({row}.batch_id, ''), {row}.category, "
            f"coalesce({row}.campaign_id, ''), {row}.source, {row}.status, "
            f"CASE {row}.status WHEN 'closed' THEN '' "
            f"ELSE coalesce({row}.deadline_in_force, {row}.deadline_kind) END")


_COLUMNS = "(region_code, batch_id, category, campaign_id, source, status, deadline)"


def _add(condition: str = "1") -> str:
    return (f"INSERT INTO progress_tally SELECT {_key('NEW')}, 1 WHERE {condition} "
            f"ON CONFLICT DO UPDATE SET n = n + 1;")


def _remove(condition: str = "1") -> str:
    return (f"UPDATE progress_tally SET n = n - 1 WHERE {condition} "
            f"AND {_COLUMNS} = ({_key('OLD')});")


TALLY = f"""
CREATE TRIGGER problem_tally_insert AFTER INSERT ON problem WHEN NEW.withdrawn_on IS NULL
BEGIN
    {_add()}
END;
CREATE TRIGGER problem_tally_delete AFTER DELETE ON problem WHEN OLD.withdrawn_on IS NULL
BEGIN
    {_remove()}
END;
CREATE TRIGGER problem_tally_update AFTER UPDATE OF region_code, batch_id, category,
    campaign_id, source, status, deadline_in_force, deadline_kind, withdrawn_on ON problem
BEGIN
    {_remove("OLD.withdrawn_on IS NULL")}
    {_add("NEW.withdrawn_on IS NULL")}
END;
"""

COLUMNS = """
ALTER TABLE problem ADD COLUMN deadline_text TEXT;
ALTER TABLE problem ADD COLUMN deadline_kind TEXT NOT NULL DEFAULT 'date';
ALTER TABLE measure ADD COLUMN deadline_text TEXT;
ALTER TABLE measure ADD COLUMN deadline_kind TEXT;
DROP INDEX problem_progress;
-- Covering index in grouping order: statistics for a past date stream through it.
CREATE INDEX problem_progress ON problem(
    region_code, batch_id, category, campaign_id, source, status, deadline_in_force,
    assigned_on, status_since, deadline_since, withdrawn_on, deadline, deadline_kind);
"""


def apply(conn: sqlite3.Connection) -> None:
    kept = [sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'problem' "
        "ORDER BY name") if name not in _TALLY_TRIGGERS]
    import sqlite_utils  # here: it loads numpy when present, which start-up does not need

    database = sqlite_utils.Database(conn, recursive_triggers=False, execute_plugins=False)
    database["problem"].transform(not_null={"deadline": False, "deadline_in_force": False})
    execute_script(conn, COLUMNS)
    for sql in kept:
        conn.execute(sql)
    execute_script(conn, TALLY)
