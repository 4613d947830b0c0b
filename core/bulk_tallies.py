"""The running tallies (progress_tally, progress_daily) written set-based in a bulk load.

Their per-row triggers on problem and problem_log cost a 100,000-row import several
seconds; `bulk.Load` drops them inside its transaction (only when they stand as the schema
defines them) and, after each chunk, adds the chunk's counts with one grouped upsert each,
exactly what the triggers would have added.
"""
from __future__ import annotations

import re
import sqlite3
from typing import Callable

from . import daily_tally
from .migrations import m0011_model_deadlines as tally_schema

Writer = Callable[[sqlite3.Connection, str, int], object]

_TALLY_KEY = tally_schema._key("p")
_DAILY_KEYS = "p.region_code, coalesce(p.batch_id, ''), coalesce(p.campaign_id, '')"
_DAILY_UPSERT = ("INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, "
                 "closed) SELECT * FROM ({select}) WHERE true ON CONFLICT DO UPDATE SET "
                 "assigned = assigned + excluded.assigned, closed = closed + excluded.closed")
_DELTA = "CASE WHEN l.status_to = 'closed' THEN 1 ELSE -1 END"
_COUNTS = "(l.status_to = 'closed' OR l.status_from = 'closed')"


def _squeeze(sql: str) -> str:
    return re.sub(r"\s+", " ", sql).strip().rstrip(";").strip()


def _statement(script: str, name: str) -> str | None:
    for part in script.split("CREATE TRIGGER ")[1:]:
        if part.startswith(name + " "):
            return "CREATE TRIGGER " + part.strip()
    return None


def expected() -> dict[str, tuple[str, str]]:
    """Trigger name → (its table, its CREATE statement as the schema defines it)."""
    found = {"problem_tally_insert": ("problem", _statement(tally_schema.TALLY, "problem_tally_insert")),
             "problem_daily_insert": ("problem", daily_tally.TRIGGERS["problem_daily_insert"]),
             "problem_log_daily_insert": ("problem_log",
                                          daily_tally.TRIGGERS["problem_log_daily_insert"])}
    return {name: (table, sql) for name, (table, sql) in found.items() if sql}


def same(stored: str, wanted: str) -> bool:
    return _squeeze(stored) == _squeeze(wanted)


def tally_inserts(conn: sqlite3.Connection, table: str, after_rowid: int) -> None:
    """progress_tally: +1 per problem of the chunk not withdrawn, grouped by its key."""
    conn.execute(
        f"INSERT INTO progress_tally SELECT {_TALLY_KEY}, count(*) FROM problem p "
        f"WHERE p.rowid > ? AND p.withdrawn_on IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7 "
        f"ON CONFLICT DO UPDATE SET n = n + excluded.n", (after_rowid,))


def daily_problem_inserts(conn: sqlite3.Connection, table: str, after_rowid: int) -> None:
    """progress_daily: +1 assigned on each new problem's assigned date (−1 on a withdrawal)."""
    conn.execute(_DAILY_UPSERT.format(select=(
        f"SELECT {_DAILY_KEYS}, p.assigned_on, count(*), 0 FROM problem p WHERE p.rowid > :b "
        f"GROUP BY 1, 2, 3, 4 UNION ALL "
        f"SELECT {_DAILY_KEYS}, p.withdrawn_on, -count(*), 0 FROM problem p WHERE p.rowid > :b "
        f"AND p.withdrawn_on IS NOT NULL GROUP BY 1, 2, 3, 4")), {"b": after_rowid})


def daily_log_inserts(conn: sqlite3.Connection, table: str, after_rowid: int) -> None:
    """progress_daily: ±1 closed on the day of each new status log into or out of closed."""
    conn.execute(_DAILY_UPSERT.format(select=(
        f"SELECT {_DAILY_KEYS}, l.happened_on, 0, sum({_DELTA}) FROM problem_log l "
        f"JOIN problem p ON p.id = l.problem_id WHERE l.rowid > :b AND {_COUNTS} "
        f"GROUP BY 1, 2, 3, 4 UNION ALL "
        f"SELECT {_DAILY_KEYS}, p.withdrawn_on, 0, -sum({_DELTA}) FROM problem_log l "
        f"JOIN problem p ON p.id = l.problem_id WHERE l.rowid > :b AND {_COUNTS} "
        f"AND p.withdrawn_on IS NOT NULL AND l.happened_on <= p.withdrawn_on "
        f"GROUP BY 1, 2, 3, 4")), {"b": after_rowid})


WRITERS: dict[str, Writer] = {"problem_tally_insert": tally_inserts,
                              "problem_daily_insert": daily_problem_inserts,
                              "problem_log_daily_insert": daily_log_inserts}
