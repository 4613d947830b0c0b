"""Each problem's past states as intervals, so that figures for a past date are a range scan.

`problem_state` holds, per problem, every state it has been in: from which day to which
day (exclusive) it stood in a status with a deadline in force, under its grouping keys
(county, batch, category, campaign, source: a row of `problem_group`); the state it is in now runs to 9999-12-31
(OPEN) and is exactly its part of the running tally (`progress_tally`). Triggers (migration
`intervals_problem_state` in `core.schema`) rebuild a problem's rows whenever its status
logs, approved extensions, withdrawal, assigned date or keys change, so every write path
keeps them exact.

A problem's state on a day is the definition `core.statistics` reads from the logs: its
status from the latest status log on or before that day (the row's own status from
`status_since` on), its deadline from the latest extension approved by then (the row's
`deadline_in_force` from `deadline_since` on) — or, with no date, its deadline kind
('ongoing', 'vague'), as the tally keys it; it counts from its assigned date until the
day it was withdrawn. The change points are those dates; a problem's current state begins
at max(assigned_on, status_since, deadline_since).

Figures on a past day D are then:

    the running tally (every live problem as it stands now)
    − the current states that began after D        (valid_to = OPEN, valid_from > D)
    + the earlier states that contain D             (D < valid_to < OPEN, valid_from <= D)

Both are range scans over the problems changed after D only (the clustered key (valid_to,
valid_from), or for many current states the index problem_state_open, in the order of their
group); nothing reads a status log or a problem row (`core.statistics._PAST`).
`statistics.cube(use_tally=False)` (every problem and its logs) stays the reference the
tests compare against.
"""
from __future__ import annotations

import json
import re
from bisect import bisect_left
from operator import itemgetter
from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:
    import sqlite3

    from .ledger import Ledger


TABLE = "problem_state"

OPEN = "9999-12-31"  # valid_to of a problem's current state


def state_on(ledger: Ledger, problem_id: str, day: str) -> tuple[str | None, str] | None:
    """(status, deadline in force) of one problem on `day` from its intervals; None when it
    did not count that day (not yet assigned, or withdrawn)."""
    row = ledger.conn.execute(
        "SELECT status, deadline FROM problem_state WHERE problem_id = ? AND valid_from <= ? "
        "AND valid_to > ?", (problem_id, day, day)).fetchone()
    return (row[0], row[1]) if row else None


def drift(ledger: Ledger) -> int:
    """How many stored intervals differ from a rebuild from the logs, both ways (a row
    changed, added or removed by hand), plus the problems whose keys have no group, plus
    the stored days' figures that differ from a recount of the intervals (core.checkpoints;
    0 when sound). Read only: `ecoledger-cli check` runs it on a read-only ledger too."""
    conn = ledger.conn
    missing = conn.execute("SELECT count(*) FROM problem p WHERE NOT EXISTS (SELECT 1 FROM "
                           "problem_group g WHERE g.region_code = p.region_code AND g.batch_id "
                           "= coalesce(p.batch_id, '') AND g.category = p.category AND "
                           "g.campaign_id = coalesce(p.campaign_id, '') AND g.source = p.source)"
                           ).fetchone()[0]
    stored = f"SELECT {_COLUMNS} FROM {TABLE}"
    count = conn.execute(f"""WITH rebuilt AS MATERIALIZED ({ALL_INTERVALS})
        SELECT count(*) FROM (
          SELECT * FROM ({stored} EXCEPT SELECT * FROM rebuilt)
          UNION ALL
          SELECT * FROM (SELECT * FROM rebuilt EXCEPT {stored}))""").fetchone()[0]
    return count + missing + checkpoint_drift(conn)


_COLUMNS = "valid_to, problem_id, valid_from, grp, status, deadline"  # as _select gives them


def _select(points: str, where: str) -> str:
    """The intervals of the problems `where` selects, from their change points (their
    groups must be in problem_group: GROUP_OF)."""
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


# The grouping keys of the problems `where` selects, as rows of problem_group.
GROUP_OF = """INSERT OR IGNORE INTO problem_group (region_code, batch_id, category,
    campaign_id, source) SELECT region_code, coalesce(batch_id, ''), category,
    coalesce(campaign_id, ''), source FROM problem WHERE {where}"""


_ALL_POINTS = """SELECT id AS pid, assigned_on AS day FROM problem
  UNION SELECT id, status_since FROM problem
  UNION SELECT id, deadline_since FROM problem
  UNION SELECT problem_id, happened_on FROM problem_log WHERE status_to IS NOT NULL
  UNION SELECT problem_id, approved_on FROM deadline_extension WHERE approved_on IS NOT NULL"""
# Every interval of every problem, rebuilt from the logs (the check above uses it).
ALL_INTERVALS = _select(_ALL_POINTS, "1")


# -- bulk loads

# The insert triggers a bulk load pauses, and the column naming each new row's problem.
_PAUSED = {"problem": ("problem_state_insert", "id"),
           "problem_log": ("problem_state_log_insert", "problem_id"),
           "deadline_extension": ("problem_state_extension_insert", "problem_id")}


def of_new(problem_columns: Sequence[str], problems: Iterable[Sequence],
           log_columns: Sequence[str], logs: Iterable[Sequence]) -> list[tuple]:
    """The intervals of problems about to be inserted, from the rows themselves: what the
    rebuild from the logs (`_select`) gives a problem that has no approved extension and
    whose every status log is among `logs`. Rows (valid_to, problem_id, valid_from, keys,
    status, deadline), `keys` a problem_group key; a bulk load hands them to `Paused.given`
    instead of rebuilding with a correlated lookup per change point."""
    on, who, seq, to = (log_columns.index(c) for c in ("happened_on", "problem_id", "seq",
                                                         "status_to"))
    steps: dict[str, list[tuple]] = {}
    for log in logs:
        if log[to] is not None and log[on] is not None:
            steps.setdefault(log[who], []).append((log[on], log[seq], log[to]))
    pick = itemgetter(*(problem_columns.index(c) for c in _OWN))
    gone_at = problem_columns.index("withdrawn_on") if "withdrawn_on" in problem_columns else None
    found: list[tuple] = []
    add = found.append
    for row in problems:
        (pid, region, batch, category, campaign, source, assigned, status, since, deadline,
         in_force, deadline_since, kind) = pick(row)
        gone = row[gone_at] if gone_at is not None else None
        last = max(assigned, since, deadline_since)
        keys = (region, batch or "", category, campaign or "", source)
        points = {assigned, since, deadline_since}
        by_day: dict[str, str] = {}
        for day, _, step in sorted(steps.get(pid, ())):
            by_day[day] = step  # the day's last step wins
            points.add(day)
        current = None  # the status of the latest step on or before the day
        begun = None
        for day in sorted(points):
            current = by_day.get(day, current)
            if not (assigned <= day <= last and (gone is None or day < gone)):
                continue
            if begun is not None:
                add((day, *begun))
            held = in_force if deadline_since <= day else deadline
            begun = (pid, day, keys, status if since <= day else current,
                     kind if held is None else held)
        if begun is not None:
            add((gone or OPEN, *begun))
    return found


# The problem columns `of_new` reads, in the order it unpacks them.
_OWN = ("id", "region_code", "batch_id", "category", "campaign_id", "source", "assigned_on",
        "status", "status_since", "deadline", "deadline_in_force", "deadline_since",
        "deadline_kind")


class Paused:
    """The interval insert triggers of the tables a bulk load fills, dropped until `finish`,
    which rebuilds the intervals of every problem the load touched in one statement and
    re-creates the triggers from their stored text. A row-by-row rebuild would look up the
    logs of the table being loaded, whose indexes `core.bulk` drops while it loads.
    Intervals the loader computed itself (`of_new`) are handed to `given`; those problems
    are left out of the rebuild."""

    def __init__(self, conn, tables) -> None:
        self.conn = conn
        stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        self.saved: dict[str, str] = {}
        self.starts: dict[str, tuple[str, int]] = {}
        self._given: list[tuple] = []
        for table in tables:
            if table not in _PAUSED or _PAUSED[table][0] not in stored:
                continue
            trigger, column = _PAUSED[table]
            start = conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]
            self.starts[table] = (column, start)
            self.saved[trigger] = stored[trigger]
            conn.execute(f"DROP TRIGGER {trigger}")

    def given(self, rows: list[tuple]) -> None:
        """Intervals of problems this load inserts, as `of_new` computes them."""
        self._given = rows

    def finish(self) -> None:
        if not self.saved:
            return
        conn = self.conn
        loaded: dict[str, set[str]] = {}
        for table, (column, start) in self.starts.items():
            loaded[table] = {value for (value,) in conn.execute(
                f"SELECT {column} FROM {table} WHERE rowid > ?", (start,))}
        given: list[tuple] = []
        if {"problem", "problem_log"} <= loaded.keys():  # no trigger wrote their states
            new = loaded["problem"]
            given = [row for row in self._given if row[1] in new]
        skip = {row[1] for row in given}
        touched = set().union(*loaded.values())
        rebuild = touched - skip
        # the stored days' figures (core.checkpoints) follow set-based, not state by state
        stored = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'"))
        kept = {name: stored[name] for name in CHECKPOINT_TRIGGERS if name in stored}
        for name in kept:
            conn.execute(f"DROP TRIGGER {name}")
        # No state stored before (a fresh ledger): every state after this is one of the
        # touched problems', and none is to be taken away.
        fresh = bool(kept) and conn.execute(f"SELECT 1 FROM {TABLE} LIMIT 1").fetchone() is None
        if kept and rebuild and not fresh:  # the problems given are new: nothing to take away
            _fill_temp(conn, "state_counted", rebuild)
            add_to_checkpoints(conn, f"s.problem_id IN {_COUNTED}", -1)
        if rebuild:
            self._rebuild(rebuild)
        if given:
            _insert(conn, given)
        if fresh:
            add_to_checkpoints(conn, "1", 1)
        elif kept:
            _fill_temp(conn, "state_counted", touched)
            add_to_checkpoints(conn, f"s.problem_id IN {_COUNTED}", 1)
            conn.execute("DROP TABLE temp.state_counted")
        for sql in (*self.saved.values(), *kept.values()):
            conn.execute(sql)
        self.saved = {}

    def _rebuild(self, ids: set[str]) -> None:
        conn = self.conn
        _fill_temp(conn, "state_loaded", ids)
        conn.execute("DELETE FROM problem_state WHERE problem_id IN "
                     "(SELECT id FROM temp.state_loaded)")
        conn.execute(GROUP_OF.format(where=f"id IN {_LOADED}"))
        conn.execute(f"INSERT INTO problem_state {_LOADED_INTERVALS}")
        conn.execute("DROP TABLE temp.state_loaded")


def _fill_temp(conn, name: str, ids: Iterable[str]) -> None:
    """A temporary table `name` of problem ids (emptied first)."""
    conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} (id TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM temp.{name}")
    conn.executemany(f"INSERT INTO temp.{name} VALUES (?)", ((i,) for i in ids))


def _insert(conn, rows: list[tuple]) -> None:
    """Store `of_new` rows, their keys turned into problem_group ids."""
    conn.executemany("INSERT OR IGNORE INTO problem_group (region_code, batch_id, category, "
                     "campaign_id, source) VALUES (?, ?, ?, ?, ?)",
                     list(dict.fromkeys(r[3] for r in rows)))
    group = {tuple(keys): number for number, *keys in conn.execute(
        "SELECT id, region_code, batch_id, category, campaign_id, source FROM problem_group")}
    stored = [(to, pid, since, group[keys], status, deadline)
              for to, pid, since, keys, status, deadline in rows]
    stored.sort(key=_KEY)  # the table's own order: its pages fill one after the other
    # As core.bulk does: indexes at least doubled are built once afterwards, each in one
    # sort, in the order they were (the planner breaks ties between indexes by that order).
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                           "AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid",
                           (TABLE,)).fetchall()
    rebuild = bool(indexes) and len(stored) >= conn.execute(
        f"SELECT count(*) FROM {TABLE}").fetchone()[0]
    if rebuild:
        for name, _ in indexes:
            conn.execute(f"DROP INDEX {name}")
    conn.executemany(f"INSERT INTO {TABLE} ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)", stored)
    if rebuild:
        for _, sql in indexes:
            conn.execute(sql)


_KEY = itemgetter(0, 2, 1)  # (valid_to, valid_from, problem_id): the primary key


_COUNTED = "(SELECT id FROM temp.state_counted)"
_LOADED = "(SELECT id FROM temp.state_loaded)"
_LOADED_INTERVALS = _select(
    f"""SELECT id AS pid, assigned_on AS day FROM problem WHERE id IN {_LOADED}
  UNION SELECT id, status_since FROM problem WHERE id IN {_LOADED}
  UNION SELECT id, deadline_since FROM problem WHERE id IN {_LOADED}
  UNION SELECT problem_id, happened_on FROM problem_log
    WHERE problem_id IN {_LOADED} AND status_to IS NOT NULL
  UNION SELECT problem_id, approved_on FROM deadline_extension
    WHERE problem_id IN {_LOADED} AND approved_on IS NOT NULL""", f"p.id IN {_LOADED}")


# -- the stored days' figures (core/checkpoints.py), kept up from these intervals

CHECKPOINTS = "stored_day_figures"
CHECKPOINT_DAYS = "stored_day"
CHECKPOINT_COUNTS = ("assigned", "closed", "reported_done", "stage_concluded", "overdue",
                     "due_10", "due_20", "ongoing", "undated")
CHECKPOINT_TRIGGERS = ("stored_day_figures_insert", "stored_day_figures_delete",
                       "stored_day_figures_update")

# The COUNTS of states `s` on day `k.day` (the triggers' rule, summed).
_SUM_LIST = ["count(*)", *(f"sum((s.status = '{x}') IS 1)" for x in
                           ("closed", "reported_done", "stage_concluded")),
             *(f"sum((s.status != 'closed' AND s.deadline {c}) IS 1)" for c in (
                 "< k.day", "BETWEEN k.day AND k.d10", "> k.d10 AND s.deadline <= k.d20",
                 "= 'ongoing'", "= 'vague'"))]
_SUMS = ", ".join(_SUM_LIST)
_CONTAINED = "k.day >= s.valid_from AND k.day < s.valid_to"
_NONZERO = " OR ".join(f"{c} != 0" for c in CHECKPOINT_COUNTS)


def checkpoint_stored(conn: sqlite3.Connection, day: str) -> bool:
    """Whether `day`'s figures are stored (core.checkpoints)."""
    return conn.execute(f"SELECT 1 FROM {CHECKPOINT_DAYS} WHERE day = ?",
                        (day,)).fetchone() is not None


# Cube rows (see core.statistics.cube) of a stored day; {where} filters the group's keys.
CHECKPOINT_CUBE = f"""SELECT g.region_code, nullif(g.batch_id, ''), g.category,
    nullif(g.campaign_id, ''), g.source, {", ".join(f"k.{c}" for c in CHECKPOINT_COUNTS)}
FROM {CHECKPOINTS} k JOIN problem_group g ON g.id = k.grp
WHERE k.day = :d AND k.assigned != 0 {{where}}"""


# Each count of a stored day holds for a state on one range of days [a, b): counted (and by
# status) from its start to its end; an open state with a dated deadline (what SQL's
# GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' matches) overdue from the day after the
# deadline, due within 10 days from 10 days before it to the deadline, within 20 from 20 to
# 11 days before it; an open 'ongoing' or 'vague' one from its start to its end. The
# columns are those of CHECKPOINT_COUNTS.
_DATED = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_STATUS_COUNT = {"closed": 1, "reported_done": 2, "stage_concluded": 3}
_KIND_COUNT = {"ongoing": 7, "vague": 8}
_ADD_TO_DAY = (
    f"INSERT INTO {CHECKPOINTS} (day, grp, {', '.join(CHECKPOINT_COUNTS)}) "
    f"VALUES ({', '.join('?' * (2 + len(CHECKPOINT_COUNTS)))}) ON CONFLICT (day, grp) DO UPDATE SET "
    + ", ".join(f"{c} = {c} + excluded.{c}" for c in CHECKPOINT_COUNTS))


def add_to_checkpoints(conn: sqlite3.Connection, states: str, sign: int) -> None:
    """Add (sign 1) or take away (-1) the states `states` selects (a condition on `s`,
    a row of problem_state) on every stored day they contain: the triggers, set-based.
    Each count of a state holds on one range of days (see above): +n on the first stored
    day of the range, -n on the first after it, and a running sum over the stored days
    gives each day's figures; the work grows with the states, not states × days. In
    Python over the states SQLite reads (one range scan of the key), which took a third of
    the time of the same sums as one SQL statement (1.8 s for a 100,000-row import); the
    deadlines' shifted dates come from SQLite's date(), as the triggers compute them."""
    cursor = conn.cursor()
    cursor.row_factory = None
    days = [day for (day,) in cursor.execute(f"SELECT day FROM {CHECKPOINT_DAYS} ORDER BY day")]
    if not days:
        return
    first, last = days[0], days[-1]
    found = cursor.execute(
        "SELECT grp, status, deadline, valid_from, valid_to FROM problem_state s "
        f"WHERE ({states}) AND valid_to > ? AND valid_from <= ?", (first, last)).fetchall()
    dated = sorted({deadline for _, status, deadline, _, _ in found
                    if status is not None and status != "closed" and deadline is not None
                    and _DATED.fullmatch(deadline)})
    shifted = {row[0]: row[1:] for row in cursor.execute(
        "SELECT value, date(value, '+1 day'), date(value, '-10 days'), date(value, '-20 days') "
        "FROM json_each(?)", (json.dumps(dated),))}
    width = len(CHECKPOINT_COUNTS)
    grids: dict[int, list[list[int]]] = {}  # group → per stored day, the changes of each count

    def count(grid: list[list[int]], column: int, a: str, b: str) -> None:
        # a range that starts before the first stored day counts from it, one that ends
        # after the last has no end among them, one over before the first adds nothing
        if a < b and b > first and a <= last:
            grid[0 if a <= first else bisect_left(days, a)][column] += 1
            if b <= last:
                grid[bisect_left(days, b)][column] -= 1

    for grp, status, deadline, f, t in found:
        grid = grids.get(grp)
        if grid is None:
            grid = grids[grp] = [[0] * width for _ in days]
        count(grid, 0, f, t)
        if status in _STATUS_COUNT:
            count(grid, _STATUS_COUNT[status], f, t)
        if status is None or status == "closed":
            continue
        if deadline in shifted:  # SQL's max() and min() are NULL, and so no range, with a NULL
            after, before_10, before_20 = shifted[deadline]
            if after is not None:
                count(grid, 4, max(f, after), t)
                if before_10 is not None:
                    count(grid, 5, max(f, before_10), min(t, after))
            if before_10 is not None and before_20 is not None:
                count(grid, 6, max(f, before_20), min(t, before_10))
        elif deadline in _KIND_COUNT:
            count(grid, _KIND_COUNT[deadline], f, t)
    rows = []
    for grp, grid in grids.items():
        running = [0] * width
        for day, changes in zip(days, grid):
            running = [r + c for r, c in zip(running, changes)]
            if running[0]:  # a day none of them contains: no row
                rows.append((day, grp, *(sign * n for n in running)))
    cursor.executemany(_ADD_TO_DAY, rows)


def checkpoint_drift(conn: sqlite3.Connection) -> int:
    """How many stored (day, group) rows differ from a recount of the intervals, both
    ways (0 when sound). Read only."""
    recount = (f"SELECT k.day, s.grp, {_SUMS} FROM {CHECKPOINT_DAYS} k JOIN problem_state s "
               f"ON s.valid_from <= k.day AND s.valid_to > k.day GROUP BY k.day, s.grp")
    kept = f"SELECT * FROM {CHECKPOINTS} WHERE {_NONZERO}"
    return conn.execute(f"""SELECT count(*) FROM (
          SELECT * FROM (SELECT * FROM ({recount}) EXCEPT SELECT * FROM ({kept}))
          UNION ALL
          SELECT * FROM (SELECT * FROM ({kept}) EXCEPT SELECT * FROM ({recount})))"""
    ).fetchone()[0] + conn.execute(
        f"SELECT count(*) FROM {CHECKPOINTS} WHERE day NOT IN (SELECT day FROM {CHECKPOINT_DAYS})"
    ).fetchone()[0]


def checkpoint_days(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(f"SELECT day FROM {CHECKPOINT_DAYS} ORDER BY day")]
