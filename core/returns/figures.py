"""The figures of a by-region return, each taken from a named core statistic.

Rows are the regions one level below the jurisdiction, in GB/T 2260 order; the total row
is the core statistic's own total over the whole filter (not the sum of the rows), so that
the checks can prove the rows add up to the ledger.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Callable, TYPE_CHECKING

from .. import codes, regions, statistics
from ..statistics import SETTLED_STATUSES, Filter
from .templates import Column, Template

if TYPE_CHECKING:
    from ..ledger import Ledger

Value = int | Decimal | None

# Statistics a template may name, by family: problems (as of the date), penalties and
# inspections (decided or inspected within the column's period, up to the date).
PROBLEM_STATS = {
    "problems.assigned": lambda p, t: p.assigned,
    "problems.closed": lambda p, t: p.closed,
    "problems.reported_done": lambda p, t: p.reported_done,
    "problems.stage_concluded": lambda p, t: p.stage_concluded,
    "problems.rectified": lambda p, t: p.counted(t.counts_as_rectified),
    "problems.rectified_or_done": lambda p, t: p.counted(("closed", "reported_done")),
    "problems.settled": lambda p, t: p.counted(SETTLED_STATUSES),
    "problems.ongoing": lambda p, t: p.ongoing,
    "problems.undated": lambda p, t: p.undated,
    "problems.open": lambda p, t: p.open,
    "problems.overdue": lambda p, t: p.overdue,
    "problems.due_10": lambda p, t: p.due_10,
}
PENALTY_STATS = {
    f"penalties.{name}": name for name in (
        "cases", "daily_fine", "daily_fine_fen", "seizure", "restriction", "detention",
        "crime_transfer", "closure", "five_kinds")
} | {"penalties.fine": "fine_fen"}
# The same figures of the cases filed (立案) in the period, by their opened_on.
OPENED_STATS = {
    f"penalties.opened.{name}": name for name in (
        "cases", "daily_fine", "seizure", "restriction", "detention", "crime_transfer",
        "five_kinds")
}
# Enterprises (家), each counted once however many of its cases closed it.
CLOSED_ENTERPRISES = "penalties.closure_enterprises"
INSPECTION_STATS = ("inspections.sources",)
PACE = "pace"  # 序时进度 of the return's campaign on the day (core.dashboard.Campaign)
DERIVED = ("rate", "change", "average", "on_pace")
STATISTICS = (*PROBLEM_STATS, *PENALTY_STATS, *OPENED_STATS, CLOSED_ENTERPRISES,
              *INSPECTION_STATS, PACE, *DERIVED)


@dataclass
class Row:
    """One row of a return: a region (key = its code) or the total (key None)."""

    key: str | None
    name: str
    values: dict[str, Value] = field(default_factory=dict)


@dataclass
class Figures:
    """Every figure of one return on one date, before layout."""

    template: Template
    as_of: str
    campaign_id: str | None
    rows: list[Row]
    total: Row

    def value(self, row_key: str | None, column: str) -> Value:
        row = self.total if row_key is None else next(r for r in self.rows if r.key == row_key)
        return row.values[column]


def period(name: str, as_of: str) -> tuple[str | None, str]:
    """(start, end) of a column's period ending on `as_of`; start None means from the start."""
    day = dt.date.fromisoformat(as_of)
    if name == "month":
        return day.replace(day=1).isoformat(), as_of
    if name == "year":
        return day.replace(month=1, day=1).isoformat(), as_of
    if name == "last_year":
        before = _year_before(day)
        return before.replace(month=1, day=1).isoformat(), before.isoformat()
    if name == "last_month":
        before = _year_before(day)
        return before.replace(day=1).isoformat(), before.isoformat()
    return None, as_of


def _year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def compute(ledger: Ledger, template: Template, as_of: object | None = None,
            campaign_id: str | None = None, dimension: str = "region") -> Figures:
    """The figures of `template` on `as_of` (default today), for one campaign or all, with a
    row per region (or per category, per source: `dimension`)."""
    d = statistics.as_of_day(as_of)
    base = Filter(campaign_id=campaign_id)
    rows = [Row(key, name) for key, name in row_keys(ledger, base, dimension)]
    total = Row(None, template.total_label)
    cache: dict[tuple, tuple[dict, Value]] = {}
    for column in template.columns:
        if column.stat in DERIVED:
            continue
        if column.stat == PACE:
            for row in (*rows, total):
                row.values[column.key] = pace(ledger, campaign_id, d)
            continue
        by_key, whole = _statistic(ledger, template, column, d, base, cache, dimension)
        for row in rows:
            row.values[column.key] = by_key.get(row.key, 0)
        total.values[column.key] = whole
    for column in template.columns:
        if column.stat in DERIVED:
            for row in (*rows, total):
                row.values[column.key] = _derived(column, row.values)
    return Figures(template, d, campaign_id, rows, total)


def row_keys(ledger: Ledger, base: Filter, dimension: str) -> list[tuple[str, str]]:
    """(key, Chinese name) of the rows of a return broken down by `dimension`: regions, or
    the ledger's own category or source list (core.codes)."""
    if dimension == "region":
        return [(r.code, r.name) for r in statistics.table_regions(ledger, base)]
    return codes.table_rows(ledger, dimension)


def _statistic(ledger: Ledger, template: Template, column: Column, d: str, base: Filter,
               cache: dict, dimension: str = "region") -> tuple[dict[str, Value], Value]:
    """A column's values by row key and its ledger-wide total."""
    if column.stat in PROBLEM_STATS:
        narrow = _codes_of(ledger, dict(column.filter))
        flt = Filter(campaign_id=base.campaign_id, **narrow)
        found = _cached(cache, ("breakdown", flt, dimension),
                        lambda: _breakdown(ledger, d, base, narrow, dimension, cache))
        pick = PROBLEM_STATS[column.stat]
        return {p.key: pick(p, template) for p in found.by[dimension]}, pick(found.total,
                                                                             template)
    start, end = period(column.period, d)
    if column.stat == CLOSED_ENTERPRISES:
        counts = _cached(cache, ("closed", start, end),
                         lambda: closed_enterprises(ledger, start, end, base))
        return _roll_up(ledger, counts, base), sum(counts.values())
    if column.stat in PENALTY_STATS or column.stat in OPENED_STATS:
        counted_by = "opened" if column.stat in OPENED_STATS else "decided"
        total, by = _cached(cache, ("penalties", counted_by, start, end),
                            lambda: statistics.penalties(ledger, start, end, base, counted_by))
        name = {**PENALTY_STATS, **OPENED_STATS}[column.stat]
        return {p.key: getattr(p, name) for p in by}, getattr(total, name)
    if column.stat in INSPECTION_STATS:
        counts = _cached(cache, ("inspections", start, end),
                         lambda: statistics.inspected_sources(ledger, start, end, base))
        return _roll_up(ledger, counts, base), sum(counts.values())
    raise ValueError(f"unknown statistic {column.stat!r} in column {column.key}")


def _breakdown(ledger: Ledger, d: str, base: Filter, narrow: dict, dimension: str,
               cache: dict) -> statistics.Breakdown:
    """The figures on `d` for the return's filter narrowed by a column's category or source,
    from one cube of the return's filter (each past date is one range scan, not one per
    column filter)."""
    flt = Filter(campaign_id=base.campaign_id, **narrow)
    if set(narrow) - {"category", "source"}:
        return statistics.breakdown(ledger, d, flt, groups=(dimension,))
    rows = _cached(cache, ("cube", base.campaign_id),
                   lambda: statistics.cube(ledger, d, Filter(campaign_id=base.campaign_id)))
    return statistics.breakdown_of(ledger, statistics.narrowed(rows, **narrow), d, flt,
                                   groups=(dimension,))


def _codes_of(ledger: Ledger, wanted: dict) -> dict:
    """A column's category or source filter by the ledger's list: a code merged into
    another since the template was written counts as the one it went into."""
    return {k: codes.resolve(ledger, k, v) if k in codes.KINDS and v else v
            for k, v in wanted.items()}


def _cached(cache: dict, key: tuple, make: Callable):
    if key not in cache:
        cache[key] = make()
    return cache[key]


def _roll_up(ledger: Ledger, counts: dict[str, int], base: Filter) -> dict[str, int]:
    """County counts summed into the return's row regions (cities, for a province)."""
    listed = statistics.table_regions(ledger, base)
    city_rows = bool(listed) and listed[0].level == 2
    keys = {r.code for r in listed}
    out: dict[str, int] = {}
    for code, n in counts.items():
        key = regions.row_key(code, keys, city_rows)
        out[key] = out.get(key, 0) + n
    return out


def closed_enterprises(ledger: Ledger, start: str | None, end: str,
                       base: Filter) -> dict[str, int]:
    """Distinct enterprises closed or banned (关停取缔) by cases decided in the period, by
    county (a case filed against a county, with no enterprise, counts once)."""
    where, params = statistics.penalty_where(base)
    return dict(ledger.conn.execute(
        "SELECT region_code, count(DISTINCT coalesce(enterprise_id, id)) FROM penalty_case "
        f"WHERE closure AND decided_on BETWEEN ? AND ? {where} GROUP BY region_code",
        [start or "0000-01-01", end, *params]).fetchall())


def pace(ledger: Ledger, campaign_id: str | None, day: str) -> Decimal | None:
    """序时进度 on `day` in %: the campaign's target clearance rate (100 without one) times
    the share of its period gone by; None for all campaigns or one without dates."""
    from ..dashboard import Campaign

    if not campaign_id:
        return None
    row = ledger.conn.execute("SELECT id, name, starts_on, ends_on, target_rate FROM campaign "
                              "WHERE id = ?", (campaign_id,)).fetchone()
    if row is None or not row["starts_on"] or not row["ends_on"]:
        return None
    campaign = Campaign(*row)
    goal = campaign.target_rate if campaign.target_rate is not None else 100.0
    return statistics.rate(round(goal * campaign.elapsed(day) * 100), 10000)


def _derived(column: Column, values: dict[str, Value]) -> Value:
    first, second = (values[k] for k in column.of)
    if column.stat == "on_pace":  # (clearance rate, pace): — when either is
        if first is None or second is None:
            return None
        return "是" if first >= second else "否"
    if column.stat == "rate":
        return statistics.rate(int(first or 0), int(second or 0))
    if column.stat == "average":
        if not second:
            return None
        return (Decimal(int(first or 0)) / Decimal(int(second)) / 1_000_000).quantize(
            Decimal("0.01"), ROUND_HALF_UP)
    return change(int(first or 0), int(second or 0))


def change(now: int, before: int) -> Decimal | None:
    """The change from `before` to `now` in %, 2 decimals; None when `before` is 0."""
    if before == 0:
        return None
    return (Decimal(now - before) * 100 / Decimal(before)).quantize(Decimal("0.01"),
                                                                   ROUND_HALF_UP)
