"""What the Air page shows for a period and a unit, read in one call on the database worker:
the assessment of every unit, the chosen unit's cumulative PM2.5 month by month against the
same period a year before and the target path, its daily AQI for the calendar, and each
unit's enforcement work and interviews in the period."""
from __future__ import annotations

from typing import TYPE_CHECKING

import calendar
import datetime as dt
from dataclasses import dataclass, field

from .. import settings
from . import assessment, enforcement, interviews, periods, rankings, stations
from .aqi import rounded

if TYPE_CHECKING:
    from ..ledger import Ledger


@dataclass(frozen=True)
class MonthPoint:
    month: str                  # YYYY-MM
    first: str
    last: str                   # the month's last day inside the period
    now: float | None           # cumulative mean PM2.5 from the period's start
    before: float | None        # the same a year before
    target: float | None        # the year before's, changed by the target


@dataclass(frozen=True)
class Day:
    day: str
    aqi: int | None
    level: int | None
    primary: str | None
    pm25: float | None


@dataclass
class Board:
    first: str
    last: str
    unit: str
    unit_name: str
    results: list[assessment.UnitAssessment]
    months: list[MonthPoint]
    days: list[Day]
    target_pct: float | None
    work: dict[str, enforcement.Enforcement] = field(default_factory=dict)
    interviews: dict[str, list[interviews.Interview]] = field(default_factory=dict)
    standings: list[rankings.Standing] = field(default_factory=list)  # the jurisdiction's

    def result(self, unit: str) -> assessment.UnitAssessment | None:
        return next((r for r in self.results if r.region_code == unit), None)


def load(ledger: Ledger, first: object, last: object, unit: str | None = None) -> Board:
    results = assessment.assess(ledger, first, last)
    unit = unit or settings.jurisdiction(ledger)
    chosen = next((r for r in results if r.region_code == unit), None)
    asked = periods.between(first, last)
    period = periods.between(chosen.first, chosen.last) if chosen is not None else asked
    main = chosen.main_target if chosen else None
    target = main.target_pct if main and main.indicator == "pm25" else None
    board = Board(*period.iso(), unit, stations.unit_name(ledger, unit), results,
                  _months(ledger, unit, asked, target, period.last.isoformat()),
                  _days(ledger, unit, period), target)
    units = [r.region_code for r in results]
    board.work = enforcement.of_units(ledger, units, *period.iso())
    board.interviews = interviews.of_units(ledger, *period.iso())
    board.standings = rankings.standings(ledger, settings.jurisdiction(ledger))[:3]
    return board


def _pm25(ledger: Ledger, unit: str, period: periods.Period) -> list[tuple[str, float]]:
    return [tuple(r) for r in ledger.conn.execute(
        "SELECT day, pm25 FROM air_unit_day WHERE region_code = ? AND day BETWEEN ? AND ? "
        "AND pm25 IS NOT NULL ORDER BY day", (unit, *period.iso()))]


def _cumulative(values: list[tuple[str, float]], ends: list[str]) -> list[float | None]:
    found, total, count, i = [], 0.0, 0, 0
    for end in ends:
        while i < len(values) and values[i][0] <= end:
            total += values[i][1]
            count += 1
            i += 1
        found.append(rounded(total / count, 0) if count else None)
    return found


def _months(ledger: Ledger, unit: str, period: periods.Period, target: float | None,
            data_until: str) -> list[MonthPoint]:
    """Month by month over the whole period asked for: the year before and the target path
    throughout, this period's cumulative mean up to its data."""
    before = period.year_before()
    ends, starts = [], []
    for year, month in period.months():
        start = max(period.first, dt.date(year, month, 1))
        end = min(period.last, dt.date(year, month, calendar.monthrange(year, month)[1]))
        starts.append(start.isoformat())
        ends.append(end.isoformat())
    back_ends = [periods.Period(dt.date.fromisoformat(e), dt.date.fromisoformat(e))
                 .year_before().first.isoformat() for e in ends]
    now = _cumulative(_pm25(ledger, unit, period), ends)
    then = _cumulative(_pm25(ledger, unit, before), back_ends)
    now = [None if s > data_until else n for s, n in zip(starts, now)]
    return [MonthPoint(e[:7], s, min(e, data_until) if s <= data_until else e, n, b,
                       None if b is None or target is None else rounded(b * (1 + target / 100),
                                                                         1))
            for s, e, n, b in zip(starts, ends, now, then)]


def _days(ledger: Ledger, unit: str, period: periods.Period) -> list[Day]:
    return [Day(*r) for r in ledger.conn.execute(
        "SELECT day, aqi, level, primary_pollutant, pm25 FROM air_unit_day "
        "WHERE region_code = ? AND day BETWEEN ? AND ? ORDER BY day", (unit, *period.iso()))]


# -- the rows behind a figure

UNIT_DAY_KEYS = ("day", "name", "aqi", "level", "primary", "pm25", "pm10", "so2", "no2", "co",
                 "o3_8h", "stations")


def unit_days(ledger: Ledger, unit: str, first: str, last: str) -> list[dict]:
    """A unit's daily values and AQI in the range (a month's bar, the whole period)."""
    name = stations.unit_name(ledger, unit)
    return [dict(zip(UNIT_DAY_KEYS, (r[0], name, *r[1:]))) for r in ledger.conn.execute(
        "SELECT day, aqi, level, primary_pollutant, pm25, pm10, so2, no2, co, o3_8h, stations "
        "FROM air_unit_day WHERE region_code = ? AND day BETWEEN ? AND ? ORDER BY day",
        (unit, first, last))]


def station_days(ledger: Ledger, unit: str, day: str) -> list[dict]:
    """The stations' values behind a unit's day (a cell of the calendar), with the days
    marked invalid."""
    codes = [unit, *stations.unit_codes_under(ledger, unit)]
    marks = ", ".join("?" for _ in codes)
    from .measurements import day_index
    found = []
    for r in ledger.conn.execute(
            f"SELECT d.day, s.name, d.pm25, d.pm10, d.so2, d.no2, d.co, d.o3_8h, d.o3_1h, "
            f"d.invalid FROM air_station_day d JOIN air_station s ON s.id = d.station_id "
            f"WHERE s.region_code IN ({marks}) AND d.day = ? ORDER BY s.code", (*codes, day)):
        values = dict(zip(("pm25", "pm10", "so2", "no2", "co", "o3_8h", "o3_1h"), r[2:9]))
        index = day_index(values)
        found.append({"day": r[0], "name": r[1], "aqi": index.aqi, "level": index.level,
                      "primary": ",".join(index.primary) or None, **values,
                      "stations": None, "invalid": r[9]})
    return found
