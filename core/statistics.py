"""Rectification figures computed in SQL, correct as of any past date.

A problem's state on date D comes from its status log. The problem row also keeps its
current status and the date that status began, so for the common case (nothing changed
after D) one scan of a covering index answers; only problems changed after D consult
the logs.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Iterable, TYPE_CHECKING

from . import codes, daily_tally, dates, intervals, regions, settings
from .errors import LedgerError
from .regions import region_range

if TYPE_CHECKING:
    from .ledger import Ledger

BUCKETS = ("overdue", "due_10", "due_20", "due_later")
GROUPS = ("region", "batch", "category", "campaign", "source")


@dataclass(frozen=True)
class Filter:
    """Which problems a figure covers; None means all."""

    campaign_id: str | None = None
    batch_id: str | None = None
    region_code: str | None = None  # a city or province code covers the counties inside it
    category: str | None = None
    source: str | None = None

    def where(self, alias: str = "") -> tuple[str, list]:
        """SQL conditions (with a leading AND) and their parameters."""
        a = alias + "." if alias else ""
        sql, params = [], []
        for column in ("campaign_id", "batch_id", "category", "source"):
            value = getattr(self, column)
            if value:
                sql.append(f"{a}{column} = ?")
                params.append(value)
        if self.region_code:
            low, high = region_range(self.region_code)
            sql.append(f"{a}region_code BETWEEN ? AND ?")
            params += [low, high]
        return "".join(" AND " + s for s in sql), params



def rate(part: int, whole: int) -> Decimal | None:
    """part / whole in %, 2 decimals (half up); None when nothing was assigned."""
    if whole == 0:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), ROUND_HALF_UP)


# What a figure may count as settled: the three kinds of "done" stay apart everywhere.
# A return template names the ones its 整改完成 / 办结率 counts (default: closed only).
SETTLED_STATUSES = ("closed", "reported_done", "stage_concluded")
# The counts of a cube row after its five keys, in order.
COUNTS = ("assigned", "closed", "reported_done", "stage_concluded", "overdue", "due_10",
          "due_20", "ongoing", "undated")


@dataclass
class ProblemFigures:
    """Rectification figures of one group of problems on one date.

    By status, assigned = closed + reported_done + stage_concluded + unsettled; by deadline,
    the open ones (assigned - closed) = overdue + due_10 + due_20 + due_later + ongoing
    (长期坚持, never overdue) + undated (a vague deadline still waiting for a date)."""

    key: str | None = None
    name: str = ""
    assigned: int = 0
    closed: int = 0
    reported_done: int = 0
    stage_concluded: int = 0
    overdue: int = 0
    due_10: int = 0
    due_20: int = 0
    due_later: int = 0
    ongoing: int = 0
    undated: int = 0

    @property
    def open(self) -> int:
        return self.assigned - self.closed

    @property
    def unsettled(self) -> int:
        """Assigned, in progress or reopened: none of the three kinds of done."""
        return self.assigned - self.closed - self.reported_done - self.stage_concluded

    @property
    def clearance_rate(self) -> Decimal | None:
        return rate(self.closed, self.assigned)

    def counted(self, statuses: Iterable[str]) -> int:
        """The problems in any of `statuses` (a subset of SETTLED_STATUSES)."""
        wanted = tuple(statuses)
        unknown = set(wanted) - set(SETTLED_STATUSES)
        if unknown:
            raise ValueError(f"not a settled status: {sorted(unknown)}")
        return sum(getattr(self, status) for status in wanted)

    def rate_of(self, statuses: Iterable[str]) -> Decimal | None:
        """counted(statuses) / assigned in %, as a template's 办结率 defines it."""
        return rate(self.counted(statuses), self.assigned)

    def add(self, row: tuple) -> None:
        """Add the counts of one cube row (see COUNTS; spelt out: a report adds each of a
        million-problem cube's thousands of rows six times)."""
        (assigned, closed, reported_done, stage_concluded, overdue, due_10, due_20, ongoing,
         undated) = (v or 0 for v in row[5:5 + len(COUNTS)])
        self.assigned += assigned
        self.closed += closed
        self.reported_done += reported_done
        self.stage_concluded += stage_concluded
        self.overdue += overdue
        self.due_10 += due_10
        self.due_20 += due_20
        self.ongoing += ongoing
        self.undated += undated
        self.due_later += assigned - closed - overdue - due_10 - due_20 - ongoing - undated

    def as_dict(self) -> dict:
        data = asdict(self)
        data["unsettled"] = self.unsettled
        rate_value = self.clearance_rate
        data["clearance_rate"] = float(rate_value) if rate_value is not None else None
        return data


@dataclass
class Breakdown:
    """The figures on one date: totals and the same figures by each grouping."""

    as_of: str
    total: ProblemFigures
    by: dict[str, list[ProblemFigures]] = field(default_factory=dict)


# Every query below yields rows of: the five grouping keys, then the COUNTS. A deadline
# `dl` is a date, or a kind word for a problem without one ('ongoing', 'vague'): words
# sort after every date, so the comparisons below never count them as due.
_KEYS = "region_code, batch_id, category, campaign_id, source"
_OPEN_BY_DEADLINE = ("dl < :d", "dl BETWEEN :d AND :d10", "dl > :d10 AND dl <= :d20",
                     "dl = 'ongoing'", "dl = 'vague'")
_SUMS = ", ".join(["count(*)", *(f"sum(st = '{s}')" for s in SETTLED_STATUSES),
                   *(f"sum(st != 'closed' AND {c})" for c in _OPEN_BY_DEADLINE)])
_SETTLED_ON = "max(status_since, deadline_since, coalesce(withdrawn_on, ''))"

# Counts of (region, batch, category, campaign, source, st, dl, n) rows, where n problems
# have status st and deadline in force dl (batch and campaign '' for none).
_WEIGHTED_SUMS = """
SELECT region_code, nullif(batch_id, ''), category, nullif(campaign_id, ''), source,
    sum(n), """ + ", ".join([*(f"sum(CASE WHEN st = '{s}' THEN n END)" for s in SETTLED_STATUSES),
                         *(f"sum(CASE WHEN st != 'closed' AND {c} THEN n END)"
                           for c in _OPEN_BY_DEADLINE)]) + """
FROM ({rows})
GROUP BY region_code, batch_id, category, campaign_id, source
HAVING sum(n) != 0"""
_TALLY_ROWS = """SELECT region_code, batch_id, category, campaign_id, source, status AS st,
    deadline AS dl, n FROM progress_tally WHERE n != 0 {where}"""
# On or after the last recorded change, the running tally holds every figure.
_FROM_TALLY = _WEIGHTED_SUMS.replace("{rows}", _TALLY_ROWS)
# Before it: problems unchanged since D stream through the covering index ...
_SETTLED = f"""
SELECT {_KEYS}, {_SUMS}
FROM (SELECT *, status AS st, coalesce(deadline_in_force, deadline_kind) AS dl
      FROM problem INDEXED BY problem_progress
      WHERE {_SETTLED_ON} <= :d AND withdrawn_on IS NULL {{where}})
GROUP BY {_KEYS}"""
# A problem's status and deadline in force on :d, for a row `p` of problem: from the row
# when nothing changed after :d, else from the status log and the approved extensions.
STATUS_ON = """CASE WHEN status_since <= :d THEN status ELSE (
      SELECT status_to FROM problem_log l WHERE l.problem_id = p.id AND l.status_to IS NOT NULL
        AND l.happened_on <= :d ORDER BY l.happened_on DESC, l.seq DESC LIMIT 1) END"""
# (a kind word for a deadline without a date, as the tally keys it)
DEADLINE_ON = """coalesce(CASE WHEN deadline_since <= :d THEN deadline_in_force ELSE coalesce((
      SELECT new_deadline FROM deadline_extension e WHERE e.problem_id = p.id
        AND e.approved_on <= :d ORDER BY e.approved_on DESC LIMIT 1), deadline) END,
      deadline_kind)"""
# ... and those changed after D read their state on D from the logs.
_CHANGED = f"""
SELECT {_KEYS}, {_SUMS} FROM (
  SELECT {_KEYS},
    {STATUS_ON} AS st,
    {DEADLINE_ON} AS dl
  FROM problem p
  WHERE {_SETTLED_ON} > :d AND assigned_on <= :d
    AND (withdrawn_on IS NULL OR withdrawn_on > :d) {{where}})
GROUP BY {_KEYS}"""
# Before it: the tally, less the problems changed after D as they stand now, plus their
# stored states that contain D (core/intervals.py): range scans, no status log read. Each
# part is summed on its own, in the order it is read where an index gives one (the tally
# by its five keys, the current states by their group), so that only the earlier states
# that contain D go through a sort, as (integer group, status, deadline); the few thousand
# sums per group then meet their keys once. {groups} narrows the interval scans to the
# filter's groups, {open_index} picks how the current states are read (see `cube`).
def _count_sums(n: str) -> str:
    """The COUNTS of rows of (st, dl, n), as columns c0 … c8."""
    sums = [f"sum({n})", *(f"sum(CASE WHEN st = '{s}' THEN {n} END)" for s in SETTLED_STATUSES),
            *(f"sum(CASE WHEN st != 'closed' AND {c} THEN {n} END)" for c in _OPEN_BY_DEADLINE)]
    return ", ".join(f"{sql} AS c{i}" for i, sql in enumerate(sums))


_C = [f"c{i}" for i in range(len(COUNTS))]
_PAST = f"""
WITH tally AS (
  SELECT {_KEYS}, {_count_sums("n")} FROM (
    SELECT {_KEYS}, status AS st, deadline AS dl, n FROM progress_tally
    WHERE n != 0 {{where}})
  GROUP BY {_KEYS}),
terms AS (
  SELECT grp, {_count_sums("n")} FROM (
    SELECT grp, status AS st, deadline AS dl, -count(*) AS n FROM {intervals.TABLE} {{open_index}}
      WHERE valid_to = '{intervals.OPEN}' AND valid_from > :d {{groups}}
      GROUP BY grp, status, deadline
    UNION ALL
    SELECT grp, status, deadline, count(*) FROM {intervals.TABLE}
      WHERE valid_to > :d AND valid_to < '{intervals.OPEN}' AND valid_from <= :d {{groups}}
      GROUP BY grp, status, deadline)
  GROUP BY grp)
SELECT region_code, nullif(batch_id, ''), category, nullif(campaign_id, ''), source,
    {", ".join(f"sum({c})" for c in _C)}
FROM (SELECT * FROM tally
      UNION ALL
      SELECT g.region_code, g.batch_id, g.category, g.campaign_id, g.source,
          {", ".join(f"t.{c}" for c in _C)}
      FROM terms t JOIN problem_group g ON g.id = t.grp)
GROUP BY {_KEYS}
HAVING sum(c0) != 0"""
# From this many current states begun after D, reading all current states in the order of
# their group (problem_state_open) is cheaper than sorting those begun after D (measured
# at 1,000,000 problems: 0.24 µs an index entry against 1.8 µs a sorted row).
OPEN_INDEX_FROM = 100_000


def counts_of(status: str | None, deadline: str | None, day: str) -> tuple[int, ...]:
    """What one problem with `status` and deadline marker `deadline` (a date or a kind
    word, as the tally keys it) adds to the COUNTS on `day`: the SQL above, for one row."""
    if status is None:
        return (0,) * len(COUNTS)
    d10, d20 = dates.shift(day, 10), dates.shift(day, 20)
    open_ = status != "closed" and deadline is not None
    return (1, *(int(status == s) for s in SETTLED_STATUSES),
            int(open_ and deadline < day), int(open_ and day <= deadline <= d10),
            int(open_ and d10 < deadline <= d20), int(open_ and deadline == "ongoing"),
            int(open_ and deadline == "vague"))


def as_of_day(as_of: object | None) -> str:
    """The figures' day: today when not given; a day after today is refused (figures "as
    of" a day to come would count as overdue problems whose deadline has not passed)."""
    if as_of in (None, ""):
        return dates.today().isoformat()
    try:
        day = dates.iso(as_of)
    except dates.DateError:
        raise LedgerError("error.as_of_invalid", value=as_of) from None
    today = dates.today().isoformat()
    if day > today:
        raise LedgerError("error.as_of_future", value=day, today=today)
    return day


def period_end(end: object | None) -> str:
    """The last day of a period (inclusive), today when not given; a period may end after
    today (this month's end): nothing after today has happened yet."""
    return dates.iso(end) if end not in (None, "") else dates.today().isoformat()


def last_change(ledger: Ledger) -> str:
    """The latest date any problem's state changed; figures on or after it need no logs."""
    row = ledger.conn.execute(f"SELECT max({_SETTLED_ON}) FROM problem").fetchone()
    return row[0] or ""


def name_params(template: str, where: str, params: list, named: dict) -> tuple[str, dict]:
    """Bind the filter's positional parameters by name (a template may use it twice)."""
    parts = where.split("?")
    clause = parts[0] + "".join(f":f{i}" + part for i, part in enumerate(parts[1:]))
    named = {**named, **{f"f{i}": value for i, value in enumerate(params)}}
    return template.replace("{where}", clause), named


# Whether a stored day is read from core.checkpoints (the benchmark times without).
CHECKPOINTS = True


def cube(ledger: Ledger, as_of: object | None = None, flt: Filter = Filter(),
         use_tally: bool = True, checkpoints: bool = True) -> list[tuple]:
    """Rows of (region, batch, category, campaign, source, *COUNTS) for the problems on
    `as_of`, one per combination of keys
    (two rows may share keys when `use_tally` is False: settled and changed problems).
    A past day is read from its stored figures (core.checkpoints) when kept, else from
    the intervals; `checkpoints=False` reads the intervals."""
    d = as_of_day(as_of)
    named = {"d": d, "d10": dates.shift(d, 10), "d20": dates.shift(d, 20)}
    where, params = flt.where()
    if use_tally:
        template = _FROM_TALLY if d >= last_change(ledger) else _PAST
        if template is _PAST and checkpoints and CHECKPOINTS and \
                stored_checkpoint(ledger.conn, d):
            template = intervals.CHECKPOINT_CUBE
        if "{groups}" in template:
            narrow = bool(where) and not _every_group(ledger, where, params)
            template = template.replace("{groups}", (
                "AND grp IN (SELECT id FROM problem_group WHERE 1 {where})") if narrow else "")
            template = template.replace("{open_index}", _open_index(ledger, d))
        sql, named = name_params(template, where, params, named)
        return ledger.conn.execute(sql, named).fetchall()
    rows = []  # the reference: every problem read, its state on D from the logs
    for template in (_SETTLED, _CHANGED):
        sql, bound = name_params(template, where, params, named)
        rows += ledger.conn.execute(sql, bound).fetchall()
    return rows


stored_checkpoint = intervals.checkpoint_stored


def _every_group(ledger: Ledger, where: str, params: list) -> bool:
    """Whether a filter covers every group of keys (a ledger of one campaign filtered by
    it): the interval scans then need not look each state's group up."""
    groups, matching = ledger.conn.execute(
        f"SELECT count(*), count(*) FILTER (WHERE 1 {where}) FROM problem_group",
        params).fetchone()
    return groups == matching


def _open_index(ledger: Ledger, day: str) -> str:
    """How `_PAST` reads the current states begun after `day`: in group order from their
    index when there are many, else by key range and sorted."""
    many = ledger.conn.execute(
        f"SELECT count(*) FROM (SELECT 1 FROM {intervals.TABLE} WHERE valid_to = ? "
        "AND valid_from > ? LIMIT ?)", (intervals.OPEN, day, OPEN_INDEX_FROM)).fetchone()[0]
    return "INDEXED BY problem_state_open" if many >= OPEN_INDEX_FROM else "NOT INDEXED"


def breakdown(ledger: Ledger, as_of: object | None = None, flt: Filter = Filter(),
              groups: Iterable[str] = GROUPS, use_tally: bool = True) -> Breakdown:
    """Assigned, closed, rate, overdue and deadline buckets on `as_of`, by each grouping."""
    d = as_of_day(as_of)
    return breakdown_of(ledger, cube(ledger, d, flt, use_tally), d, flt, groups)


def breakdown_of(ledger: Ledger, rows: list[tuple], as_of: str, flt: Filter = Filter(),
                 groups: Iterable[str] = GROUPS) -> Breakdown:
    """The breakdown of `cube` rows (see `breakdown`)."""
    found = Breakdown(as_of=as_of, total=ProblemFigures(key=None, name=""))
    for row in rows:
        found.total.add(row)
    for group in groups:
        found.by[group] = group_rows(ledger, rows, group, flt)
    return found


# The columns of a cube row a filter's category and source select.
_CUBE_COLUMNS = {"category": GROUPS.index("category"), "source": GROUPS.index("source")}


def narrowed(rows: list[tuple], category: str | None = None,
             source: str | None = None) -> list[tuple]:
    """The cube rows a filter with `category` and `source` added would give: one cube of
    a wider filter answers every narrower one (a return's columns for one source or
    category read the ledger once)."""
    wanted = [(_CUBE_COLUMNS[k], v) for k, v in (("category", category), ("source", source))
              if v]
    return [r for r in rows if all(r[i] == v for i, v in wanted)] if wanted else rows


def group_rows(ledger: Ledger, rows: list, group: str, flt: Filter) -> list[ProblemFigures]:
    if group == "region":
        return _by_region(ledger, rows, flt)
    column = GROUPS.index(group)
    names = _names(ledger, group)
    buckets: dict[str | None, ProblemFigures] = {}
    for row in rows:
        key = row[column]
        entry = buckets.get(key)
        if entry is None:
            entry = buckets[key] = ProblemFigures(key=key, name=names.get(key, key or ""))
        entry.add(row)
    if group in codes.KINDS:  # the bureau's order; a retired entry still shows where used
        rank = {code: n for n, code in enumerate(names)}
        return sorted(buckets.values(), key=lambda p: (rank.get(p.key, len(rank)), p.key or ""))
    return sorted(buckets.values(), key=lambda p: (p.key is None, p.key or ""))


def _names(ledger: Ledger, group: str) -> dict:
    if group in codes.KINDS:
        return codes.labels(ledger, group)
    if group == "batch":
        return dict(ledger.conn.execute("SELECT id, name FROM batch").fetchall())
    if group == "campaign":
        return dict(ledger.conn.execute("SELECT id, name FROM campaign").fetchall())
    return {}


def table_regions(ledger: Ledger, flt: Filter = Filter()) -> list[regions.Region]:
    """The rows of a by-region table: the regions one level below the jurisdiction
    (a county bureau's own county), in code order."""
    top = flt.region_code or settings.jurisdiction(ledger)
    region = regions.require(ledger, top)
    listed = [r for r in regions.children(ledger, top, retired=True)
              if r.active or regions.in_use(ledger, r.code)]  # a retired unit while used
    if region.level >= regions.COUNTY:  # a county's own row, then its townships if any
        return [region, *listed]
    return listed


def _by_region(ledger: Ledger, rows: list, flt: Filter) -> list[ProblemFigures]:
    listed = table_regions(ledger, flt)
    city_rows = bool(listed) and listed[0].level == regions.CITY
    out = {r.code: ProblemFigures(key=r.code, name=r.name) for r in listed}
    keys: dict[str, str] = {}
    for row in rows:
        code = row[0]
        key = keys.get(code)
        if key is None:
            key = keys[code] = regions.row_key(code, out, city_rows)
        if key not in out:  # outside the jurisdiction, or a retired unit: listed after
            found = regions.get(ledger, key)
            out[key] = ProblemFigures(key=key, name=found.name if found else key)
        out[key].add(row)
    return list(out.values())


# -- series over time

def cumulative(ledger: Ledger, start: object, end: object, flt: Filter = Filter(),
               use_tally: bool = True) -> list[tuple[str, int, int]]:
    """(day, assigned, closed) for every day from start to end, each as of that day.

    For a filter by county, batch and campaign the daily tally answers (see
    `core.daily_tally`); a category or source reads the problems and their status logs."""
    first, last = dates.iso(start), dates.iso(end)
    if use_tally and not (flt.category or flt.source):
        where, params = flt.where()
        return _running_sums(daily_tally.deltas(ledger.conn, last, where, params), first, last)
    where, params = flt.where("p")
    deltas: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for day, n in ledger.conn.execute(
        f"SELECT assigned_on, count(*) FROM problem p WHERE assigned_on <= ? {where} "
        "GROUP BY assigned_on", [last, *params]):
        deltas[day][0] += n
    for day, status_from, status_to, n in ledger.conn.execute(
        f"""SELECT l.happened_on, l.status_from, l.status_to, count(*) FROM problem_log l
            JOIN problem p ON p.id = l.problem_id
            WHERE l.happened_on <= ? AND (l.status_to = 'closed' OR l.status_from = 'closed')
            {where} GROUP BY 1, 2, 3""", [last, *params]):
        deltas[day][1] += n if status_to == "closed" else -n
    for problem_id, day in ledger.conn.execute(
        f"SELECT id, withdrawn_on FROM problem p WHERE withdrawn_on <= ? {where}",
        [last, *params]):
        deltas[day][0] -= 1
        if status_on(ledger, problem_id, day) == "closed":
            deltas[day][1] -= 1
    return _running_sums(deltas, first, last)


def _running_sums(deltas: dict, first: str, last: str) -> list[tuple[str, int, int]]:
    assigned = closed = 0
    for day in sorted(d for d in deltas if d < first):
        assigned += deltas[day][0]
        closed += deltas[day][1]
    series = []
    day = dt.date.fromisoformat(first)
    stop = dt.date.fromisoformat(last)
    while day <= stop:
        key = day.isoformat()
        if key in deltas:
            assigned += deltas[key][0]
            closed += deltas[key][1]
        series.append((key, assigned, closed))
        day += dt.timedelta(days=1)
    return series


def status_on(ledger: Ledger, problem_id: str, day: str) -> str | None:
    row = ledger.conn.execute(
        "SELECT status_to FROM problem_log WHERE problem_id = ? AND status_to IS NOT NULL "
        "AND happened_on <= ? ORDER BY happened_on DESC, seq DESC LIMIT 1", (problem_id, day)
    ).fetchone()
    return row[0] if row else None


# -- penalties and inspections

@dataclass
class Penalties:
    """Penalty cases decided in a period, with fines (fen) and special measures."""

    key: str | None = None
    name: str = ""
    cases: int = 0
    fine_fen: int = 0
    daily_fine: int = 0
    daily_fine_fen: int = 0
    seizure: int = 0
    restriction: int = 0
    detention: int = 0
    crime_transfer: int = 0
    closure: int = 0

    @property
    def five_kinds(self) -> int:
        """The "five kinds of cases": each case counted once per special measure it has."""
        return (self.daily_fine + self.seizure + self.restriction + self.detention
                + self.crime_transfer)


PENALTY_SUMS = """count(*), coalesce(sum(fine_fen), 0), coalesce(sum(daily_fine), 0),
    coalesce(sum(daily_fine_fen), 0), coalesce(sum(seizure), 0), coalesce(sum(restriction), 0),
    coalesce(sum(detention), 0), coalesce(sum(crime_transfer), 0), coalesce(sum(closure), 0)"""


# The day a case counts on: its decision (处罚决定书, the default) or its 立案.
PENALTY_DAYS = {"decided": "decided_on", "opened": "opened_on"}


def penalties(ledger: Ledger, start: object | None, end: object | None,
              flt: Filter = Filter(), by: str = "decided") -> tuple[Penalties, list[Penalties]]:
    """Totals and by-region figures of cases decided (`by` "opened": filed, 立案) from
    `start` to `end` (inclusive); a case with no such date is not counted."""
    low = dates.iso(start) if start else "0000-01-01"
    high = period_end(end)
    where, params = penalty_where(flt)
    rows = ledger.conn.execute(
        f"SELECT region_code, {PENALTY_SUMS} FROM penalty_case "
        f"WHERE {PENALTY_DAYS[by]} BETWEEN ? AND ? {where} GROUP BY region_code",
        [low, high, *params]).fetchall()
    total = Penalties()
    listed = table_regions(ledger, flt)
    city_rows = bool(listed) and listed[0].level == regions.CITY
    by = {r.code: Penalties(key=r.code, name=r.name) for r in listed}
    for row in rows:
        code = regions.row_key(row[0], by, city_rows)
        if code not in by:
            found = regions.get(ledger, code)
            by[code] = Penalties(key=code, name=found.name if found else code)
        entry = by[code]
        for target in (total, entry):
            accumulate(target, row[1:])
    return total, list(by.values())


def penalty_where(flt: Filter) -> tuple[str, list]:
    sql, params = "", []
    if flt.campaign_id:
        sql += " AND campaign_id = ?"
        params.append(flt.campaign_id)
    if flt.region_code:
        low, high = region_range(flt.region_code)
        sql += " AND region_code BETWEEN ? AND ?"
        params += [low, high]
    return sql, params


# The figures of `Penalties`, in the order of PENALTY_SUMS.
PENALTY_FIGURES = ("cases", "fine_fen", "daily_fine", "daily_fine_fen", "seizure", "restriction",
                   "detention", "crime_transfer", "closure")


def accumulate(target: Penalties, sums: tuple) -> None:
    """Add figures in the order of PENALTY_SUMS to `target`."""
    for name, value in zip(PENALTY_FIGURES, sums):
        setattr(target, name, getattr(target, name) + value)


def inspected_sources(ledger: Ledger, start: object | None, end: object | None,
                      flt: Filter = Filter()) -> dict[str, int]:
    """Distinct enterprises inspected from `start` to `end`, by county code."""
    low = dates.iso(start) if start else "0000-01-01"
    high = period_end(end)
    sql = ("SELECT e.region_code, count(DISTINCT i.enterprise_id) FROM inspection i "
           "JOIN enterprise e ON e.id = i.enterprise_id WHERE i.inspected_on BETWEEN ? AND ?")
    params: list = [low, high]
    if flt.campaign_id:
        sql += " AND i.campaign_id = ?"
        params.append(flt.campaign_id)
    if flt.region_code:
        a, b = region_range(flt.region_code)
        sql += " AND e.region_code BETWEEN ? AND ?"
        params += [a, b]
    return dict(ledger.conn.execute(sql + " GROUP BY e.region_code", params).fetchall())


def tally_drift(ledger: Ledger) -> int:
    """How many counts of the running tallies (by status and deadline; by day) disagree
    with a recount of the problems and their logs (0 when sound)."""
    recount = """SELECT region_code, coalesce(batch_id, '') b, category, coalesce(campaign_id, '') c,
        source, status,
        CASE status WHEN 'closed' THEN '' ELSE coalesce(deadline_in_force, deadline_kind) END dl,
        count(*) n
        FROM problem WHERE withdrawn_on IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7"""
    return ledger.conn.execute(f"""
        SELECT count(*) FROM (
          SELECT * FROM (SELECT * FROM ({recount})
                         EXCEPT SELECT * FROM progress_tally WHERE n != 0)
          UNION ALL
          SELECT * FROM (SELECT * FROM progress_tally WHERE n != 0
                         EXCEPT SELECT * FROM ({recount})))""").fetchone()[0] \
        + daily_tally.drift(ledger.conn)
