"""The figures behind the dashboard plots, as plain values (no Qt).

Every number comes from `core.statistics` for the same filter and date, so a bar on the
dashboard equals the figure a return or the command line gives. `problem_ids` lists
the problems behind one bar, for the drill-down, with the same definitions.
"""
from __future__ import annotations

import datetime as dt
import json
import weakref
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Callable, TYPE_CHECKING

from . import dates, statistics
from .statistics import Filter, Penalties, ProblemFigures

if TYPE_CHECKING:
    from .ledger import Ledger

# What a bar of problems counts; the names are those of `statistics.ProblemFigures`.
# "open" is assigned less closed; the deadline buckets split it.
FIGURES = ("assigned", "closed", "open", "reported_done", "stage_concluded", "overdue",
            "due_10", "due_20", "due_later", "ongoing", "undated")
# What a bar of penalty cases counts: all cases, or those with one special measure.
CASE_FIGURES = ("cases", "daily_fine", "seizure", "restriction", "detention",
                 "crime_transfer", "closure")


@dataclass(frozen=True)
class Campaign:
    """The campaign whose period the dashboard shows, with its target."""

    id: str
    name: str
    starts_on: str
    ends_on: str
    target_rate: float | None

    def elapsed(self, day: str) -> float:
        """The share of the campaign's period gone by on `day` (0 before, 1 from the end)."""
        start = dt.date.fromisoformat(self.starts_on)
        length = (dt.date.fromisoformat(self.ends_on) - start).days
        if length <= 0:
            return 1.0
        return min(1.0, max(0.0, (dt.date.fromisoformat(day) - start).days / length))


@dataclass
class Month:
    """Penalty cases decided in one calendar month (cut at the as-of date)."""

    month: str  # 2024-08
    first: str
    last: str
    figures: Penalties


@dataclass
class Dashboard:
    """Everything the dashboard plots for one filter on one date."""

    as_of: str
    flt: Filter
    total: ProblemFigures
    regions: list[ProblemFigures]
    categories: list[ProblemFigures]
    sources: list[ProblemFigures]
    campaign: Campaign | None
    series: list[tuple[str, int, int]]  # (day, assigned, closed), each as of that day
    pace: list[tuple[str, float]] = field(default_factory=list)  # closed needed by each day
    penalties: Penalties = field(default_factory=Penalties)
    months: list[Month] = field(default_factory=list)
    # Penalty clocks on the as-of date: how many are overdue and how many fall due within
    # a week (core/penalties/clocks.py), shown on the penalty plot.
    penalty_clocks: dict[str, int] = field(default_factory=dict)

    @property
    def target_kind(self) -> str:
        """"pace": the campaign's target scaled to the time gone by (序时进度);
        "average": the whole filter's rate, when no campaign gives a target."""
        return "pace" if self.campaign is not None else "average"

    @property
    def target_rate(self) -> Decimal | None:
        """The rate a region should have reached by the as-of date, in %."""
        if self.campaign is None:
            return self.total.clearance_rate
        share = self.campaign.elapsed(self.as_of)
        goal = self.campaign.target_rate if self.campaign.target_rate is not None else 100.0
        return statistics.rate(round(goal * share * 100), 10000)

    def laggards(self) -> list[ProblemFigures]:
        """Regions with problems whose rate is below the target rate."""
        target = self.target_rate
        if target is None:
            return []
        return [p for p in self.regions
                if p.clearance_rate is not None and p.clearance_rate < target]


def load(ledger: Ledger, as_of: object | None = None, flt: Filter = Filter()) -> Dashboard:
    """All the dashboard's figures for `flt` on `as_of` (default today).

    The problem figures and the penalty figures are kept between calls and brought up
    to date from the audit log (see `Memo`); the daily series sums the daily tally
    (`core.daily_tally`). Either way a refresh after a write reads a few thousand kept
    counts, not every problem and log entry."""
    memo = memo_of(ledger)
    found = memo.breakdown(ledger, as_of, flt)
    day = found.as_of
    campaign = current_campaign(ledger, flt, day)
    start = campaign.starts_on if campaign else _first_assigned(ledger, flt)
    series = statistics.cumulative(ledger, start, day, flt) if start and start <= day else []
    board = Dashboard(as_of=day, flt=flt, total=found.total, regions=found.by["region"],
                      categories=found.by["category"], sources=found.by["source"],
                      campaign=campaign, series=series)
    if campaign is not None:
        board.pace = pace(campaign, series)
    first_case = campaign.starts_on if campaign else _first_decided(ledger, flt)
    if first_case and first_case <= day:
        board.months = memo.get(ledger, ("months", first_case, day, flt), _PENALTY_TABLES,
                                lambda: months(ledger, first_case, day, flt))
        board.penalties = summed(board.months)
    board.penalty_clocks = memo.get(ledger, ("penalty_clocks", day, flt), _CLOCK_TABLES,
                                    lambda: penalty_clocks(ledger, day, flt))
    return board


_CLOCK_TABLES = ("penalty_case", "penalty_stage", "penalty_order", "penalty_recheck",
                 "penalty_seizure", "penalty_extension")


def penalty_clocks(ledger: Ledger, day: str, flt: Filter) -> dict[str, int]:
    """Running penalty clocks on `day` for the filter: overdue, and due within a week."""
    from .penalties import clocks

    where, params = statistics.penalty_where(flt)
    return clocks.counts(ledger, dt.date.fromisoformat(day), where, tuple(params))


# -- figures kept between refreshes

_PENALTY_TABLES = ("penalty_case", "setting", "region", "campaign", "region_unit")
# names and rows of the groupings
_NAMING_TABLES = ("setting", "region", "campaign", "batch", "code_entry", "region_unit")
_GROUPS = ("region", "category", "source")
_CLASS_FIELDS = frozenset({"id", "region_code", "batch_id", "category", "campaign_id", "source"})
_STATE_FIELDS = ("status", "deadline_in_force", "deadline_kind", "status_since",
                 "deadline_since", "withdrawn_on")
MAX_KEPT_CHANGES = 2000  # more changed problems than this: read the figures again


class Memo:
    """Figures of one open ledger kept with the audit-log position they were read at.

    Every write to a business table appends to the audit log (by trigger, whatever the
    write path), so a kept figure is still right when no entry since its position
    touches the tables it reads; the progress counts are moved problem by problem."""

    def __init__(self) -> None:
        self._kept: dict[tuple, tuple[int, Any]] = {}

    def get(self, ledger: Ledger, key: tuple, tables: tuple[str, ...],
            compute: Callable[[], Any]) -> Any:
        position = audit_position(ledger)
        kept = self._kept.get(key)
        if kept is not None and kept[0] <= position and not _touched(ledger, kept[0], tables):
            self._kept[key] = (position, kept[1])
            return kept[1]
        value = compute()
        self._kept[key] = (position, value)
        return value

    def breakdown(self, ledger: Ledger, as_of: object | None,
                  flt: Filter) -> statistics.Breakdown:
        """`statistics.breakdown(ledger, as_of, flt)` by region, category and source.

        The counts of all problems by grouping are kept for the date, each changed
        problem moves its own count, and a filter picks its groupings from them: a
        change of filter reads nothing again."""
        day = statistics.as_of_day(as_of)
        key = ("progress", day)
        position = audit_position(ledger)
        kept = self._kept.get(key)
        rows = None
        if (kept is not None and kept[0] <= position
                and not _touched(ledger, kept[0], _NAMING_TABLES)):
            rows = _moved(ledger, kept[1], kept[0], day, Filter())
        if rows is None:
            rows = _summed(statistics.cube(ledger, day))
        self._kept[key] = (position, rows)
        return _breakdown(ledger, day, _picked(rows, flt), flt)

_memos: "weakref.WeakKeyDictionary[Ledger, Memo]" = weakref.WeakKeyDictionary()


def memo_of(ledger: Ledger) -> Memo:
    """The figures kept for `ledger` (one set per open ledger)."""
    memo = _memos.get(ledger)
    if memo is None:
        memo = _memos[ledger] = Memo()
    return memo


def forget(ledger: Ledger) -> None:
    """Drop the figures kept for `ledger`: the next load reads everything again."""
    _memos.pop(ledger, None)


def audit_position(ledger: Ledger) -> int:
    """The sequence number of the latest audit entry (0 for none)."""
    return ledger.conn.execute("SELECT coalesce(max(seq), 0) FROM audit_log").fetchone()[0]


def _touched(ledger: Ledger, since: int, tables: tuple[str, ...]) -> bool:
    marks = ", ".join("?" * len(tables))
    return ledger.conn.execute(
        f"SELECT 1 FROM audit_log WHERE seq > ? AND table_name IN ({marks}) LIMIT 1",
        (since, *tables)).fetchone() is not None


def _summed(cube: list[tuple]) -> dict[tuple, list[int]]:
    """Cube rows summed by their five keys (a past date's rows come in two parts)."""
    rows: dict[tuple, list[int]] = {}
    for row in cube:
        counts = rows.setdefault(tuple(row[:5]), [0] * _WIDTH)
        for i, value in enumerate(row[5:5 + _WIDTH]):
            counts[i] += value or 0
    return rows


def _picked(rows: dict[tuple, list[int]], flt: Filter) -> dict[tuple, list[int]]:
    """The counts of the groupings `flt` selects (as `Filter.where` selects problems)."""
    if flt == Filter():
        return rows
    wanted = ((1, flt.batch_id), (2, flt.category), (3, flt.campaign_id), (4, flt.source))
    low, high = statistics.region_range(flt.region_code) if flt.region_code else ("", "~")
    return {key: counts for key, counts in rows.items()
            if low <= key[0] <= high and all(not value or key[i] == value for i, value in wanted)}


def _breakdown(ledger: Ledger, day: str, rows: dict[tuple, list[int]],
               flt: Filter) -> statistics.Breakdown:
    """The breakdown from counts by (region, batch, category, campaign, source)."""
    cube = [key + tuple(counts) for key, counts in rows.items() if counts[0]]
    found = statistics.Breakdown(as_of=day, total=ProblemFigures(key=None, name=""))
    for row in cube:
        found.total.add(row)
    for group in _GROUPS:
        found.by[group] = statistics.group_rows(ledger, cube, group, flt)
    return found


def _counts(state: tuple | None, day: str) -> tuple[int, ...]:
    """What one problem adds to the counts (statistics.COUNTS) on `day`, given its
    (status, deadline marker); None: not counted."""
    return statistics.counts_of(*(state or (None, None)), day)


_WIDTH = len(statistics.COUNTS)
_ABSENT = "absent"  # marks a problem made after the kept position


def _moved(ledger: Ledger, rows: dict[tuple, list[int]], since: int, day: str,
           flt: Filter) -> dict[tuple, list[int]] | None:
    """The kept counts with every problem changed after `since` moved from its state then
    to its state now; None when a change needs the counts read again."""
    earlier = _fields_then(ledger, since)
    if earlier is None:
        return None
    if not earlier:
        return rows
    rows = {key: list(counts) for key, counts in rows.items()}
    where, params = flt.where()
    names = ("region_code", "batch_id", "category", "campaign_id", "source", *_STATE_FIELDS)
    for problem_id, values in earlier.items():
        row = ledger.conn.execute(f"SELECT {', '.join(names)} FROM problem WHERE id = ?{where}",
                                  (problem_id, *params)).fetchone()
        if row is None:
            continue  # outside the filter
        now = dict(zip(names, row))
        states = [None if _ABSENT in values else _state_on({**now, **values}, day),
                  _state_on(now, day)]
        if _ABSENT in states:
            return None
        before, after = _counts(states[0], day), _counts(states[1], day)
        counts = rows.setdefault(tuple(row[:5]), [0] * _WIDTH)
        for i in range(_WIDTH):
            counts[i] += after[i] - before[i]
    return rows


def _fields_then(ledger: Ledger, since: int) -> dict[str, dict[str, Any]] | None:
    """Problem → the values its changed fields had at audit position `since` (or
    {_ABSENT: True} for a problem made since); None when a change needs the counts read
    again (a deletion, a problem moved to another grouping, too many changes)."""
    earlier: dict[str, dict[str, Any]] = {}
    for action, row_id, old in ledger.conn.execute(
            "SELECT action, row_id, old FROM audit_log WHERE seq > ? AND table_name = 'problem' "
            "ORDER BY seq", (since,)):
        before = json.loads(old) if old else {}
        if action == "delete" or _CLASS_FIELDS & before.keys():
            return None
        values = earlier.setdefault(row_id, {} if action == "update" else {_ABSENT: True})
        for name, value in before.items():
            values.setdefault(name, value)
        if len(earlier) > MAX_KEPT_CHANGES:
            return None
    return earlier


def _state_on(fields: dict[str, Any], day: str) -> tuple | str | None:
    """(status, deadline in force) of a problem on `day` given its row; None when it was
    withdrawn; _ABSENT when the row does not tell (it changed after `day`)."""
    settled = max(fields["status_since"], fields["deadline_since"], fields["withdrawn_on"] or "")
    if settled > day:
        return _ABSENT
    if fields["withdrawn_on"]:
        return None
    return fields["status"], fields["deadline_in_force"] or fields["deadline_kind"]


def current_campaign(ledger: Ledger, flt: Filter, day: str) -> Campaign | None:
    """The filtered campaign (or the batch's); else the latest begun by `day`."""
    sql = "SELECT id, name, starts_on, ends_on, target_rate FROM campaign"
    if flt.campaign_id:
        row = ledger.conn.execute(sql + " WHERE id = ?", (flt.campaign_id,)).fetchone()
    elif flt.batch_id:
        row = ledger.conn.execute(sql + " WHERE id = (SELECT campaign_id FROM batch WHERE id = ?)",
                                  (flt.batch_id,)).fetchone()
    else:
        row = ledger.conn.execute(sql + " WHERE starts_on <= ? ORDER BY starts_on DESC LIMIT 1",
                                  (day,)).fetchone()
    return Campaign(*row) if row else None


def _first_assigned(ledger: Ledger, flt: Filter) -> str | None:
    where, params = flt.where()
    # the daily tally holds every assigned date by county, batch and campaign
    source = "problem" if flt.category or flt.source else "progress_daily"
    column = "assigned_on" if source == "problem" else "day"
    guard = "" if source == "problem" else " AND assigned > 0"
    return ledger.conn.execute(f"SELECT min({column}) FROM {source} WHERE 1{guard} {where}",
                               params).fetchone()[0]


def _first_decided(ledger: Ledger, flt: Filter) -> str | None:
    where, params = statistics.penalty_where(flt)
    return ledger.conn.execute(f"SELECT min(decided_on) FROM penalty_case WHERE 1 {where}",
                               params).fetchone()[0]


def pace(campaign: Campaign, series: list[tuple[str, int, int]]) -> list[tuple[str, float]]:
    """Problems that must be closed by each day, from the campaign's start to its end, to
    reach zero by the end at an even pace (序时进度); after the last known day the
    assigned count is taken as it stands."""
    if not series:
        return []
    assigned = {day: count for day, count, _ in series}
    last = series[-1][1]
    out = []
    day = dt.date.fromisoformat(series[0][0])
    end = max(dt.date.fromisoformat(campaign.ends_on), day)
    while day <= end:
        key = day.isoformat()
        out.append((key, assigned.get(key, last) * campaign.elapsed(key)))
        day += dt.timedelta(days=1)
    return out


def months(ledger: Ledger, start: object, end: object, flt: Filter = Filter()) -> list[Month]:
    """Penalty figures of each calendar month from `start` to `end` (the first cut at
    `start`, the last at `end`), as `statistics.penalties` counts them, in one pass."""
    first, last = dt.date.fromisoformat(dates.iso(start)), dt.date.fromisoformat(dates.iso(end))
    where, params = statistics.penalty_where(flt)
    sums = {row[0]: row[1:] for row in ledger.conn.execute(
        f"SELECT substr(decided_on, 1, 7), {statistics.PENALTY_SUMS} FROM penalty_case "
        f"WHERE decided_on BETWEEN ? AND ? {where} GROUP BY 1",
        [first.isoformat(), last.isoformat(), *params])}
    out = []
    cursor = first
    while cursor <= last:
        following = (cursor.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        stop = min(following - dt.timedelta(days=1), last)
        figures = Penalties()
        month = cursor.strftime("%Y-%m")
        if month in sums:
            statistics.accumulate(figures, sums[month])
        out.append(Month(month, cursor.isoformat(), stop.isoformat(), figures))
        cursor = following
    return out


def summed(months_: list[Month]) -> Penalties:
    """The figures of several months together."""
    total = Penalties()
    for month in months_:
        statistics.accumulate(total, [getattr(month.figures, n) for n in statistics.PENALTY_FIGURES])
    return total


# -- drill-down: the problems behind a bar

_ROWS = f"""
SELECT id FROM (
  SELECT p.id,
    {statistics.STATUS_ON} AS st,
    {statistics.DEADLINE_ON} AS dl
  FROM problem p
  WHERE assigned_on <= :d AND (withdrawn_on IS NULL OR withdrawn_on > :d) {{where}})
WHERE {{figure}}"""

_OPEN = "coalesce(st, '') != 'closed'"
_CONDITIONS = {
    "assigned": "1",
    "closed": "st = 'closed'",
    "open": _OPEN,
    "reported_done": "st = 'reported_done'",
    "stage_concluded": "st = 'stage_concluded'",
    "overdue": f"{_OPEN} AND dl < :d",
    "due_10": f"{_OPEN} AND dl BETWEEN :d AND :d10",
    "due_20": f"{_OPEN} AND dl > :d10 AND dl <= :d20",
    "due_later": f"{_OPEN} AND NOT (st IS NOT NULL AND dl IS NOT NULL AND dl <= :d20)"
                 " AND coalesce(dl, '') NOT IN ('ongoing', 'vague')",
    "ongoing": f"{_OPEN} AND dl = 'ongoing'",
    "undated": f"{_OPEN} AND dl = 'vague'",
}


def problem_ids(ledger: Ledger, as_of: object | None, flt: Filter, figure: str) -> list[str]:
    """The ids of the problems counted in `figure` (see FIGURES) for `flt` on `as_of`."""
    if figure not in _CONDITIONS:
        raise ValueError(f"unknown figure {figure!r}")
    d = statistics.as_of_day(as_of)
    where, params = flt.where("p")
    named = {"d": d, "d10": dates.shift(d, 10), "d20": dates.shift(d, 20)}
    sql, named = statistics.name_params(_ROWS.replace("{figure}", _CONDITIONS[figure]),
                                         where, params, named)
    return [row[0] for row in ledger.conn.execute(sql, named)]



def case_ids(ledger: Ledger, first: object, last: object, flt: Filter, figure: str) -> list[str]:
    """The ids of the penalty cases decided from `first` to `last` counted in `figure`
    (see CASE_FIGURES), selected as `statistics.penalties` selects them."""
    if figure not in CASE_FIGURES:
        raise ValueError(f"unknown figure {figure!r}")
    where, params = statistics.penalty_where(flt)
    flag = "" if figure == "cases" else f" AND {figure} != 0"
    return [row[0] for row in ledger.conn.execute(
        f"SELECT id FROM penalty_case WHERE decided_on BETWEEN ? AND ? {where}{flag}",
        [dates.iso(first), dates.iso(last), *params])]
