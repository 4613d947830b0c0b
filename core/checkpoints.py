"""The figures of each of the last WINDOW days, stored by group: a past date in one read.

`stored_day_figures` holds, for every day listed in `stored_day`, one row per
group of keys (`problem_group`) with the COUNTS of `core.statistics` on that day: how many
problems counted then, by status, and the open ones by deadline bucket as seen from that
day. It is the same sum the intervals give (`core.intervals`: the states that contain the
day), kept up by triggers on `problem_state` (migration `stored_day_figures`): a state
stored or removed adds or takes away one problem on each stored day it contains, so every
write that rebuilds a problem's intervals (a status change, a back-dated close, an
extension, a move, an import, an undo, an exchange) keeps every stored day exact. A bulk
load (`core.bulk`) does the same set-based (`intervals.Paused` calls
`intervals.add_to_checkpoints`).

The days: when a ledger opens for writing, `keep` drops the days older than WINDOW and
adds the missing ones up to yesterday, each counted once from the intervals. A day not
stored (the ledger was not opened for writing since, or further back) is read from the
intervals as before: slower, the same figures. `drift` recounts every stored day from
the intervals for `ecoledger-cli check`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import dates
from .intervals import (CHECKPOINT_COUNTS as COUNTS, CHECKPOINT_DAYS as DAYS,  # noqa: F401
                        CHECKPOINT_TRIGGERS as TRIGGERS, CHECKPOINTS as TABLE,
                        checkpoint_days as days, checkpoint_drift as drift)

if TYPE_CHECKING:
    from .ledger import Ledger

WINDOW = 62  # days back kept: a month back and a monthly return for the month before


def keep(ledger: Ledger, today: str | None = None) -> int:
    """Drop the stored days before the window and count the missing ones up to yesterday
    (the figures of today and later come from the running tally); how many were added."""
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
    from . import statistics  # only when a day is to be counted: not on every start

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
