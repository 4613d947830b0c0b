"""Assessment periods: month, quarter, year, the autumn-winter season (October to March) or
any range, the same period a year before, and how many daily values each needs to be valid.

HJ 663-2013 and GB 3095-2012 set the rules for a month (27 daily values, February 25) and a
year (324, and every month valid). A range that covers part of a month needs that month's
share of its rule, rounded up (our reading for quarters, seasons and custom ranges, which the
standards do not spell out).
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .. import dates
from ..errors import LedgerError

KINDS = ("month", "quarter", "year", "season", "custom")
MONTH_DAYS_NEEDED = 27
FEBRUARY_DAYS_NEEDED = 25
YEAR_DAYS_NEEDED = 324


@dataclass(frozen=True)
class Period:
    first: dt.date
    last: dt.date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def year_before(self) -> "Period":
        return Period(_year_back(self.first), _year_back(self.last))

    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the period touches, in order."""
        found, year, month = [], self.first.year, self.first.month
        while (year, month) <= (self.last.year, self.last.month):
            found.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return found

    def iso(self) -> tuple[str, str]:
        return self.first.isoformat(), self.last.isoformat()


def _year_back(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def of(kind: str, year: int, number: int = 1) -> Period:
    """The period `kind` of `year`: month or quarter `number`, the year, or the season that
    begins in October of `year`."""
    if kind == "month":
        return Period(dt.date(year, number, 1),
                      dt.date(year, number, calendar.monthrange(year, number)[1]))
    if kind == "quarter":
        first = dt.date(year, 3 * number - 2, 1)
        end_month = 3 * number
        return Period(first, dt.date(year, end_month, calendar.monthrange(year, end_month)[1]))
    if kind == "year":
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if kind == "season":
        return Period(dt.date(year, 10, 1), dt.date(year + 1, 3, 31))
    raise LedgerError("error.air_period_kind", kind=kind)


def between(first: object, last: object) -> Period:
    """A custom range from two dates as typed."""
    try:
        start, end = dates.parse_date(first), dates.parse_date(last)
    except dates.DateError as exc:
        raise LedgerError("error.air_bad_date", value=exc.value) from None
    if end < start:
        raise LedgerError("error.air_period_reversed", first=start, last=end)
    return Period(start, end)


def season_of(day: dt.date) -> Period:
    """The autumn-winter season a day falls in, or the one last ended (April–September)."""
    return of("season", day.year if day.month >= 10 else day.year - 1)


def month_rule(year: int, month: int) -> int:
    return FEBRUARY_DAYS_NEEDED if month == 2 else MONTH_DAYS_NEEDED


def needed_by_month(period: Period) -> dict[tuple[int, int], int]:
    """Daily values each month of the period needs (a share of the rule for part months)."""
    needed = {}
    for year, month in period.months():
        size = calendar.monthrange(year, month)[1]
        first = max(period.first, dt.date(year, month, 1))
        last = min(period.last, dt.date(year, month, size))
        covered = (last - first).days + 1
        needed[(year, month)] = math.ceil(month_rule(year, month) * covered / size)
    return needed


def is_whole_year(period: Period) -> bool:
    return period.first.month == 1 and period.first.day == 1 and period.days >= 365 and (
        period.last == dt.date(period.first.year, 12, 31))


@dataclass(frozen=True)
class Validity:
    """Whether a pollutant's daily values suffice for the period, and which month fails."""

    count: int
    needed: int
    valid: bool
    short_months: tuple[str, ...] = ()


@lru_cache(maxsize=256)
def rules(period: Period) -> tuple[tuple[tuple[str, int], ...], int]:
    """(("YYYY-MM", daily values needed) per month, daily values needed in all)."""
    needed = needed_by_month(period)
    total = sum(needed.values())
    if is_whole_year(period):
        total = max(total, YEAR_DAYS_NEEDED)
    return tuple((f"{y}-{m:02d}", n) for (y, m), n in needed.items()), total


def validity(period: Period, days_with_value: list[str]) -> Validity:
    """Check the daily values (ISO days that have a valid value) against the rules."""
    return validity_of_months(period, Counter(day[:7] for day in days_with_value),
                              len(days_with_value))


def validity_of_months(period: Period, per_month: Counter, count: int) -> Validity:
    """The same from the count of daily values per month ("YYYY-MM")."""
    months, total_needed = rules(period)
    short = tuple(month for month, n in months if per_month.get(month, 0) < n)
    return Validity(count, total_needed, not short and count >= total_needed, short)
