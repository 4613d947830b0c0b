"""What each day adds to the assigned and closed counts, kept by triggers.

`progress_daily` holds, per county, batch, campaign and day, how many problems that day
added to "assigned" and to "closed" (negative for a reopening or a withdrawal). A running
sum over the days gives the progress-over-time series of any county, batch or campaign in
one scan of a few thousand rows, instead of reading every problem and status log.

What a problem contributes (the definition `statistics.cumulative` counts by):
- +1 assigned on its assigned date;
- ±1 closed on the date of each status log into (+) or out of (−) "closed";
- when withdrawn on W: −1 assigned on W, and −1 closed on W if it stood closed on W.

The triggers keep this exact under every write: a new problem or status log adds its part;
a problem moved to another county/batch/campaign, re-dated or withdrawn takes its old
contribution away and adds the new one; a deleted problem takes its contribution away
before its logs go (their own triggers find no problem any more and do nothing).
"""
from __future__ import annotations

import sqlite3

_KEYS = ("{p}.region_code, coalesce({p}.batch_id, ''), coalesce({p}.campaign_id, '')")
_UPSERT = ("INSERT INTO progress_daily (region_code, batch_id, campaign_id, day, assigned, closed) "
           "{select} ON CONFLICT DO UPDATE SET assigned = assigned + excluded.assigned, "
           "closed = closed + excluded.closed;")
# ±1 of a status log row: into "closed" adds one closed, out of it takes one away.
_LOG_DELTA = "CASE WHEN {l}.status_to = 'closed' THEN 1 ELSE -1 END"
_LOG_COUNTS = "({l}.status_to = 'closed' OR {l}.status_from = 'closed')"
# Whether problem {p} stood closed on day {day}: its latest status log by then.
_CLOSED_ON = """coalesce((SELECT s.status_to = 'closed' FROM problem_log s
    WHERE s.problem_id = {p}.id AND s.status_to IS NOT NULL AND s.happened_on <= {day}
    ORDER BY s.happened_on DESC, s.seq DESC LIMIT 1), 0)"""


def _contribution(p: str, sign: int) -> str:
    """Rows (keys, day, assigned, closed) problem row `p` (NEW or OLD) contributes,
    times `sign`, with its status logs as they stand."""
    keys = _KEYS.format(p=p)
    return f"""SELECT {keys}, {p}.assigned_on, {sign}, 0
    UNION ALL
    SELECT {keys}, l.happened_on, 0, {sign} * {_LOG_DELTA.format(l='l')}
      FROM problem_log l WHERE l.problem_id = {p}.id AND {_LOG_COUNTS.format(l='l')}
    UNION ALL
    SELECT {keys}, {p}.withdrawn_on, {-sign}, {-sign} * {_CLOSED_ON.format(p=p, day=p + '.withdrawn_on')}
      WHERE {p}.withdrawn_on IS NOT NULL"""


def _new_problem() -> str:
    keys = _KEYS.format(p="NEW")
    return f"""SELECT {keys}, NEW.assigned_on, 1, 0
    UNION ALL
    SELECT {keys}, NEW.withdrawn_on, -1, 0 WHERE NEW.withdrawn_on IS NOT NULL"""


def _log_part(row: str, sign: int) -> str:
    """Rows one status log row (NEW or OLD) contributes through its problem, times `sign`.
    For a problem withdrawn on W, a log on or before W also changes whether it stood closed
    on W, which the withdrawal takes away again."""
    delta = _LOG_DELTA.format(l=row)
    keys = _KEYS.format(p="p")
    return f"""SELECT {keys}, {row}.happened_on, 0, {sign} * {delta}
      FROM problem p WHERE p.id = {row}.problem_id
    UNION ALL
    SELECT {keys}, p.withdrawn_on, 0, {-sign} * {delta}
      FROM problem p WHERE p.id = {row}.problem_id AND p.withdrawn_on IS NOT NULL
        AND {row}.happened_on <= p.withdrawn_on"""


def _upsert(select: str) -> str:
    # "WHERE true" keeps the parser from reading ON CONFLICT as a join constraint.
    return _UPSERT.format(select=f"SELECT * FROM ({select}) WHERE true")


_MOVING = ("assigned_on", "withdrawn_on", "region_code", "batch_id", "campaign_id")

TRIGGERS = {
    # A new problem has no status log yet (the log's foreign key needs the problem first),
    # so it adds its assigned date and, if already withdrawn, its withdrawal: one upsert.
    "problem_daily_insert": f"""CREATE TRIGGER problem_daily_insert AFTER INSERT ON problem
BEGIN
    {_upsert(_new_problem())}
END""",
    # Before the delete: the status logs are still there (the cascade removes them after).
    "problem_daily_delete": f"""CREATE TRIGGER problem_daily_delete BEFORE DELETE ON problem
BEGIN
    {_upsert(_contribution('OLD', -1))}
END""",
    "problem_daily_update": f"""CREATE TRIGGER problem_daily_update
AFTER UPDATE OF {', '.join(_MOVING)} ON problem
WHEN {' OR '.join(f'OLD.{c} IS NOT NEW.{c}' for c in _MOVING)}
BEGIN
    {_upsert(_contribution('OLD', -1))}
    {_upsert(_contribution('NEW', 1))}
END""",
    "problem_log_daily_insert": f"""CREATE TRIGGER problem_log_daily_insert
AFTER INSERT ON problem_log WHEN {_LOG_COUNTS.format(l='NEW')}
BEGIN
    {_upsert(_log_part('NEW', 1))}
END""",
    "problem_log_daily_delete": f"""CREATE TRIGGER problem_log_daily_delete
AFTER DELETE ON problem_log WHEN {_LOG_COUNTS.format(l='OLD')}
BEGIN
    {_upsert(_log_part('OLD', -1))}
END""",
    "problem_log_daily_update": f"""CREATE TRIGGER problem_log_daily_update
AFTER UPDATE OF problem_id, happened_on, status_from, status_to ON problem_log
BEGIN
    {_upsert(f"SELECT * FROM ({_log_part('OLD', -1)}) WHERE {_LOG_COUNTS.format(l='OLD')}")}
    {_upsert(f"SELECT * FROM ({_log_part('NEW', 1)}) WHERE {_LOG_COUNTS.format(l='NEW')}")}
END""",
}

# Every problem's contribution, recounted from the problems and their logs.
RECOUNT = f"""SELECT r, b, c, day, sum(assigned) AS assigned, sum(closed) AS closed
FROM (
  SELECT p.region_code AS r, coalesce(p.batch_id, '') AS b, coalesce(p.campaign_id, '') AS c,
    p.assigned_on AS day, 1 AS assigned, 0 AS closed FROM problem p
  UNION ALL
  SELECT {_KEYS.format(p='p')}, l.happened_on, 0, {_LOG_DELTA.format(l='l')}
    FROM problem_log l JOIN problem p ON p.id = l.problem_id WHERE {_LOG_COUNTS.format(l='l')}
  UNION ALL
  SELECT {_KEYS.format(p='p')}, p.withdrawn_on, -1, -{_CLOSED_ON.format(p='p', day='p.withdrawn_on')}
    FROM problem p WHERE p.withdrawn_on IS NOT NULL
)
GROUP BY 1, 2, 3, 4"""


def deltas(conn: sqlite3.Connection, last: str, where: str = "",
           params: list | tuple = ()) -> dict[str, list[int]]:
    """Day → [assigned, closed] added that day, for days up to `last`, by the groupings
    `where` (conditions on region_code, batch_id, campaign_id with a leading AND) selects."""
    out: dict[str, list[int]] = {}
    for day, assigned, closed in conn.execute(
            f"SELECT day, sum(assigned), sum(closed) FROM progress_daily "
            f"WHERE day <= ? {where} GROUP BY day", [last, *params]):
        if assigned or closed:
            out[day] = [assigned, closed]
    return out


def drift(conn: sqlite3.Connection) -> int:
    """How many kept daily counts disagree with a recount (0 when sound)."""
    kept = "SELECT * FROM progress_daily WHERE assigned != 0 OR closed != 0"
    recount = f"SELECT * FROM ({RECOUNT}) WHERE assigned != 0 OR closed != 0"
    return conn.execute(f"""SELECT count(*) FROM (
        SELECT * FROM (SELECT * FROM ({recount}) EXCEPT SELECT * FROM ({kept}))
        UNION ALL
        SELECT * FROM (SELECT * FROM ({kept}) EXCEPT SELECT * FROM ({recount})))"""
                        ).fetchone()[0]  # (a compound SELECT groups left to right)
