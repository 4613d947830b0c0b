"""The figures of each of the last WINDOW days, stored by group: a past date in one read.

`progress_checkpoint` holds, for every day listed in `progress_checkpoint_day`, one row per
group of keys (`problem_group`) with the COUNTS of `core.statistics` on that day: how many
problems counted then, by status, and the open ones by deadline bucket as seen from that
day. It is the same sum the intervals give (`core.intervals`: the states that contain the
day), kept up by triggers on `problem_state` (migration `progress_checkpoint`): a state
stored or removed adds or takes away one problem on each stored day it contains, so every
write that rebuilds a problem's intervals (a status change, a back-dated close, an
extension, a move, an import, an undo, an exchange) keeps every stored day exact. A bulk
load (`core.bulk`) does the same set-based (`Paused` in core/intervals.py calls `add`).

The days: when a ledger opens for writing, `keep` drops the days older than WINDOW and
adds the missing ones up to yesterday, each counted once from the intervals. A day not
stored (the ledger was not opened for writing since, or further back) is read from the
intervals as before: slower, the same figures. `drift` recounts every stored day from
the intervals for `ecoledger-cli check`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import dates
from .intervals import OPEN

if TYPE_CHECKING:
    import sqlite3

    from .ledger import Ledger

TABLE = "progress_checkpoint"
DAYS = "progress_checkpoint_day"
WINDOW = 62  # days back kept: a month back and a monthly return for the month before
COUNTS = ("assigned", "closed", "reported_done", "stage_concluded", "overdue", "due_10",
          "due_20", "ongoing", "undated")
TRIGGERS = ("progress_checkpoint_insert", "progress_checkpoint_delete",
            "progress_checkpoint_update")

# The COUNTS of states `s` on day `k.day` (the triggers' rule, summed).
_SUM_LIST = ["count(*)", *(f"sum((s.status = '{x}') IS 1)" for x in
                           ("closed", "reported_done", "stage_concluded")),
             *(f"sum((s.status != 'closed' AND s.deadline {c}) IS 1)" for c in (
                 "< k.day", "BETWEEN k.day AND k.d10", "> k.d10 AND s.deadline <= k.d20",
                 "= 'ongoing'", "= 'vague'"))]
_SUMS = ", ".join(_SUM_LIST)
_CONTAINED = "k.day >= s.valid_from AND k.day < s.valid_to"
_NONZERO = " OR ".join(f"{c} != 0" for c in COUNTS)


def stored(conn: sqlite3.Connection, day: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {DAYS} WHERE day = ?", (day,)).fetchone() is not None


# Cube rows (see core.statistics.cube) of a stored day; {where} filters the group's keys.
CUBE = f"""SELECT g.region_code, nullif(g.batch_id, ''), g.category, nullif(g.campaign_id, ''),
    g.source, {", ".join(f"k.{c}" for c in COUNTS)}
FROM {TABLE} k JOIN problem_group g ON g.id = k.grp
WHERE k.day = :d AND k.assigned != 0 {{where}}"""


def keep(ledger: Ledger, today: str | None = None) -> int:
    """Drop the stored days before the window and count the missing ones up to yesterday
    (the figures of today and later come from the running tally); how many were added."""
    from . import statistics

    conn = ledger.conn
    if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (DAYS,)).fetchone() is None:
        return 0  # a schema before the step that stores them (a test of an older release)
    today = today or dates.today().isoformat()
    first = dates.shift(today, -WINDOW)
    have = {r[0] for r in conn.execute(f"SELECT day FROM {DAYS}")}
    wanted = [dates.shift(today, -back) for back in range(1, WINDOW + 1)]
    missing = [d for d in wanted if d not in have]
    stale = [d for d in have if d < first or d >= today]
    if not missing and not stale:
        return 0
    groups = {tuple(r[1:]): r[0] for r in conn.execute(
        "SELECT id, region_code, batch_id, category, campaign_id, source FROM problem_group")}
    with ledger.transaction():
        for day in stale:
            conn.execute(f"DELETE FROM {TABLE} WHERE day = ?", (day,))
            conn.execute(f"DELETE FROM {DAYS} WHERE day = ?", (day,))
        for day in missing:
            rows = statistics.cube(ledger, day, checkpoints=False)
            conn.executemany(
                f"INSERT INTO {TABLE} VALUES ({', '.join('?' * (2 + len(COUNTS)))})",
                [(day, groups[(r[0], r[1] or "", r[2], r[3] or "", r[4])],
                  *(v or 0 for v in r[5:5 + len(COUNTS)])) for r in rows])
            conn.execute(f"INSERT INTO {DAYS} VALUES (?, ?, ?)",
                         (day, dates.shift(day, 10), dates.shift(day, 20)))
    return len(missing)


def add(conn: sqlite3.Connection, states: str, sign: int) -> None:
    """Add (sign 1) or take away (-1) the states `states` selects (a condition on `s`,
    a row of problem_state) on every stored day they contain: the triggers, set-based.
    States alike on the stored days (the same group, status and deadline, begun before
    the first and ending after the last) are counted together first."""
    span = conn.execute(f"SELECT min(day), max(day) FROM {DAYS}").fetchone()
    if span[0] is None:
        return
    weighted = [f"sum(CASE WHEN {c} THEN t.n ELSE 0 END)" for c in (
        *(f"t.status = '{x}'" for x in ("closed", "reported_done", "stage_concluded")),
        *(f"t.status != 'closed' AND t.deadline {c}" for c in (
            "< k.day", "BETWEEN k.day AND k.d10", "> k.d10 AND t.deadline <= k.d20",
            "= 'ongoing'", "= 'vague'")))]
    conn.execute(f"""INSERT INTO {TABLE}
        SELECT k.day, t.grp, {sign} * sum(t.n), {", ".join(f"{sign} * {w}" for w in weighted)}
        FROM (SELECT grp, status, deadline, max(valid_from, :first) AS valid_from,
                CASE WHEN valid_to > :last THEN '{OPEN}' ELSE valid_to END AS valid_to,
                count(*) AS n
              FROM problem_state s WHERE ({states}) AND valid_to > :first
              GROUP BY 1, 2, 3, 4, 5) t
        JOIN {DAYS} k ON k.day >= t.valid_from AND k.day < t.valid_to
        WHERE 1 GROUP BY k.day, t.grp
        ON CONFLICT (day, grp) DO UPDATE SET
          {", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTS)}""",
                 {"first": span[0], "last": span[1]})


def drift(conn: sqlite3.Connection) -> int:
    """How many stored (day, group) rows differ from a recount of the intervals, both
    ways (0 when sound). Read only."""
    recount = (f"SELECT k.day, s.grp, {_SUMS} FROM {DAYS} k JOIN problem_state s "
               f"ON s.valid_from <= k.day AND s.valid_to > k.day GROUP BY k.day, s.grp")
    kept = f"SELECT * FROM {TABLE} WHERE {_NONZERO}"
    return conn.execute(f"""SELECT count(*) FROM (
          SELECT * FROM (SELECT * FROM ({recount}) EXCEPT SELECT * FROM ({kept}))
          UNION ALL
          SELECT * FROM (SELECT * FROM ({kept}) EXCEPT SELECT * FROM ({recount})))""").fetchone()[0] \
        + conn.execute(f"SELECT count(*) FROM {TABLE} WHERE day NOT IN (SELECT day FROM {DAYS})"
                       ).fetchone()[0]


def days(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(f"SELECT day FROM {DAYS} ORDER BY day")]
