"""Period assessments per HJ 663-2013 and GB 3095-2012, the composite index, targets and
the ranking of units.

For each unit: the means of SO2, NO2, PM10 and PM2.5 over its daily values; CO as the 95th
percentile of daily means; O3 as the 90th percentile of daily maximum 8-h means; each only when
the period has enough daily values (a pollutant that misses the rule is reported as invalid,
never averaged over what is there). The composite index (环境空气质量综合指数) is
SO2/60 + NO2/40 + PM10/70 + PM2.5/35 + CO/4 + O3/160, the ministry's measure for ranking
cities. Concentrations are rounded as HJ 663 prints them (whole µg/m³, CO 0.1 mg/m³), the
index to 2 decimals, ratios and changes to 1 decimal, half to even.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field

from .. import dates
from . import periods, stations, targets
from .aqi import rounded
from .periods import Period

if TYPE_CHECKING:
    from ..ledger import Ledger

MEANS = ("so2", "no2", "pm10", "pm25")
# Annual grade-II limits (GB 3095-2012) the composite index divides by; CO and O3 by their
# 24-h and 8-h limits, applied to their percentiles.
LIMITS = {"so2": 60.0, "no2": 40.0, "pm10": 70.0, "pm25": 35.0, "co_p95": 4.0,
          "o3_8h_p90": 160.0}
BOTTOM_SHARE = 0.2
HEAVY_AQI = 200


def percentile(values: list[float], p: float) -> float | None:
    """HJ 663-2013's percentile: with X(1) ≤ … ≤ X(n), k = 1 + (n − 1)·p/100, s = ⌊k⌋,
    the value is X(s) + (X(s+1) − X(s))·(k − s)."""
    if not values:
        return None
    ordered = sorted(values)
    k = 1 + (len(ordered) - 1) * p / 100
    s = int(math.floor(k))
    if s >= len(ordered):
        return ordered[-1]
    return ordered[s - 1] + (ordered[s] - ordered[s - 1]) * (k - s)


@dataclass
class Figures:
    """One unit's figures for one period."""

    pm25: float | None = None
    pm10: float | None = None
    so2: float | None = None
    no2: float | None = None
    co_p95: float | None = None
    o3_8h_p90: float | None = None
    composite_index: float | None = None
    valid_days: int = 0
    good_days: int = 0
    good_ratio: float | None = None
    heavy_days: int = 0
    days_with_data: int = 0
    invalid: tuple[str, ...] = ()      # figures whose daily values miss the rule
    validity: dict[str, periods.Validity] = field(default_factory=dict)
    last_day: str | None = None        # the last day with a value


@dataclass
class TargetResult:
    indicator: str
    target_pct: float | None          # the change set (−10), or None for a floor
    minimum: float | None             # the floor (good_ratio ≥ …)
    achieved: float | None            # the change achieved in % (−3.7) or the ratio reached
    completion_pct: float | None
    met: bool | None
    target_first: str
    target_last: str
    on_course: bool | None = None     # a target period still running
    required_mean: float | None = None  # what the remaining days must average


@dataclass
class UnitAssessment:
    region_code: str
    name: str
    first: str
    last: str
    now: Figures
    before: Figures
    changes: dict[str, float | None]
    targets: list[TargetResult] = field(default_factory=list)
    ranked: bool = False
    rank: int | None = None
    rank_improvement: int | None = None
    bottom: bool = False

    @property
    def main_target(self) -> TargetResult | None:
        """The PM2.5 target if one is set, else the first one."""
        return next((t for t in self.targets if t.indicator == "pm25"),
                    self.targets[0] if self.targets else None)

    def as_json(self) -> dict:
        """The keys of `air assess --json`."""
        f = self.now
        record = {"unit": self.region_code, "name": self.name, "from": self.first,
                  "to": self.last, "pm25": f.pm25, "pm10": f.pm10, "so2": f.so2,
                  "no2": f.no2, "co_p95": f.co_p95, "o3_8h_p90": f.o3_8h_p90,
                  "composite_index": f.composite_index, "valid_days": f.valid_days,
                  "good_days": f.good_days, "good_ratio": f.good_ratio,
                  "heavy_days": f.heavy_days, "invalid": list(f.invalid)}
        main = self.main_target
        if main is not None:
            record.update(change_pct=main.achieved if main.target_pct is not None else None,
                          target_pct=main.target_pct, completion_pct=main.completion_pct)
            record["targets"] = [_target_json(t) for t in self.targets]
        record["rank"] = self.rank
        record["rank_improvement"] = self.rank_improvement
        record["bottom"] = self.bottom
        record["same_period_before"] = {
            "from": _year_back(self.first), "to": _year_back(self.last), "pm25": self.before.pm25,
            "composite_index": self.before.composite_index,
            "good_ratio": self.before.good_ratio, "heavy_days": self.before.heavy_days}
        record["changes"] = dict(self.changes)
        return record


def _year_back(day: str) -> str:
    return periods.Period(dt.date.fromisoformat(day), dt.date.fromisoformat(day)).year_before(
    ).first.isoformat()


def _target_json(t: TargetResult) -> dict:
    return {"indicator": t.indicator, "target_pct": t.target_pct, "minimum": t.minimum,
            "achieved": t.achieved, "completion_pct": t.completion_pct, "met": t.met,
            "from": t.target_first, "to": t.target_last, "on_course": t.on_course,
            "required_mean": t.required_mean}


# -- figures from daily values

_DAY_COLUMNS = ("day", "so2", "no2", "pm10", "co", "o3_8h", "pm25", "aqi")


def daily_rows(ledger: Ledger, first: str, last: str,
               units: list[str] | None = None) -> dict[str, list[tuple]]:
    """Unit days in the range: unit → [(day, so2, no2, pm10, co, o3_8h, pm25, aqi)]."""
    sql = (f"SELECT region_code, {', '.join(_DAY_COLUMNS)} FROM air_unit_day "
           "WHERE day BETWEEN ? AND ?")
    params: list = [first, last]
    if units is not None:
        sql += f" AND region_code IN ({', '.join('?' for _ in units)})"
        params += units
    found: dict[str, list[tuple]] = {}
    for row in ledger.conn.execute(sql + " ORDER BY region_code, day", params):
        found.setdefault(row[0], []).append(tuple(row[1:]))
    return found


def figures(period: Period, rows: list[tuple]) -> Figures:
    """A unit's figures from its days [(day, so2, no2, pm10, co, o3_8h, pm25, aqi)]."""
    result = Figures(days_with_data=len(rows), last_day=rows[-1][0] if rows else None)
    columns = {name: i for i, name in enumerate(_DAY_COLUMNS)}
    months = [r[0][:7] for r in rows]
    invalid = []
    for name, source in (("so2", "so2"), ("no2", "no2"), ("pm10", "pm10"), ("pm25", "pm25"),
                         ("co_p95", "co"), ("o3_8h_p90", "o3_8h")):
        index = columns[source]
        values = [r[index] for r in rows if r[index] is not None]
        per_month = Counter(m for m, r in zip(months, rows) if r[index] is not None)
        check = periods.validity_of_months(period, per_month, len(values))
        result.validity[name] = check
        if not check.valid:
            invalid.append(name)
            continue
        if source in MEANS:
            value = sum(values) / len(values)
        else:
            value = percentile(values, 95 if source == "co" else 90)
        setattr(result, name, rounded(value, 1 if source == "co" else 0))
    aqis = [r[-1] for r in rows if r[-1] is not None]
    result.valid_days = len(aqis)
    result.good_days = sum(1 for a in aqis if a <= 100)
    result.heavy_days = sum(1 for a in aqis if a > HEAVY_AQI)
    result.good_ratio = rounded(100 * result.good_days / len(aqis), 1) if aqis else None
    if not invalid:
        result.composite_index = rounded(sum(getattr(result, k) / v for k, v in LIMITS.items()),
                                         2)
    result.invalid = tuple(invalid)
    return result


def change(now: float | None, before: float | None) -> float | None:
    """The change against the same period a year before, in %, to 1 decimal."""
    if now is None or before is None or before == 0:
        return None
    return rounded((now - before) / before * 100, 1)


_CHANGED = {"pm25": "pm25", "pm10": "pm10", "so2": "so2", "no2": "no2", "co": "co_p95",
            "o3": "o3_8h_p90", "composite": "composite_index", "heavy_days": "heavy_days",
            "good_ratio": "good_ratio"}


def _changes(now: Figures, before: Figures) -> dict[str, float | None]:
    return {key: change(getattr(now, name), getattr(before, name))
            for key, name in _CHANGED.items()}


# -- the assessment

def assess(ledger: Ledger, first: object, last: object, unit: str | None = None,
           bottom_share: float = BOTTOM_SHARE) -> list[UnitAssessment]:
    """Every unit's figures for the period (or one unit's), with the same period a year
    before, the targets that judge it and the ranking; ranked units first, best first."""
    period = _to_data(ledger, periods.between(first, last))
    before = period.year_before()
    codes = stations.units_with_data(ledger)
    now_rows = daily_rows(ledger, *period.iso())
    before_rows = daily_rows(ledger, *before.iso())
    applying = targets.applying(ledger, period)
    ranked_units = set(stations.station_units(ledger))
    names = dict(ledger.conn.execute("SELECT code, name FROM region WHERE code IN "
                                     f"({', '.join('?' for _ in codes)})", codes).fetchall())
    results = []
    for code in codes:
        now = figures(period, now_rows.get(code, []))
        then = figures(before, before_rows.get(code, []))
        result = UnitAssessment(code, names.get(code, code), *period.iso(), now, then,
                                _changes(now, then), ranked=code in ranked_units)
        result.targets = [_judge(ledger, t, period, result) for t in applying.get(code, [])]
        results.append(result)
    _rank(results, bottom_share)
    results.sort(key=lambda r: (r.rank is None, r.rank or 0, r.region_code))
    if unit is not None:
        results = [r for r in results if r.region_code == unit]
    return results


def _to_data(ledger: Ledger, period: Period) -> Period:
    """A period still running ends, for its figures, on the last day with data."""
    latest = ledger.conn.execute("SELECT max(day) FROM air_unit_day").fetchone()[0]
    running = period.last >= dates.today() - dt.timedelta(days=1)
    if running and latest and period.first.isoformat() <= latest < period.last.isoformat():
        return Period(period.first, dt.date.fromisoformat(latest))
    return period


def _rank(results: list[UnitAssessment], bottom_share: float) -> None:
    ranked = [r for r in results if r.ranked and r.now.composite_index is not None]
    _competition(ranked, lambda r: r.now.composite_index, "rank")
    improving = [r for r in ranked if r.changes.get("composite") is not None]
    _competition(improving, lambda r: r.changes["composite"], "rank_improvement")
    if len(ranked) >= 2:
        count = max(1, round(len(ranked) * bottom_share))
        cut = sorted(r.rank for r in ranked)[-count]
        for r in ranked:
            r.bottom = r.rank >= cut


def _competition(rows: list[UnitAssessment], key, attribute: str) -> None:
    """Rank ascending by `key`, ties sharing a rank (1, 2, 2, 4)."""
    ordered = sorted(rows, key=key)
    for position, row in enumerate(ordered):
        if position and key(row) == key(ordered[position - 1]):
            setattr(row, attribute, getattr(ordered[position - 1], attribute))
        else:
            setattr(row, attribute, position + 1)


def _judge(ledger: Ledger, target: targets.Target, period: Period,
           result: UnitAssessment) -> TargetResult:
    if target.indicator in targets.FLOORS:
        reached = result.now.good_ratio
        met = None if reached is None else reached >= target.minimum
        return TargetResult(target.indicator, None, target.minimum, reached, None, met,
                            target.first, target.last)
    achieved = result.changes.get(target.indicator)
    completion = targets.completion(achieved, target.change_pct)
    judged = TargetResult(target.indicator, target.change_pct, None, achieved, completion,
                          None if achieved is None else achieved <= target.change_pct,
                          target.first, target.last)
    if target.last > result.last:
        _course(ledger, target, period, result, judged)
    return judged


def _course(ledger: Ledger, target: targets.Target, period: Period, result: UnitAssessment,
            judged: TargetResult) -> None:
    """For a target period still running: the mean the remaining days must reach."""
    name = _CHANGED[target.indicator]
    if name not in ("pm25", "pm10", "so2", "no2"):
        return
    whole = target.period
    before_rows = daily_rows(ledger, *whole.year_before().iso(), [result.region_code])
    before = figures(whole.year_before(), before_rows.get(result.region_code, []))
    reference = getattr(before, name)
    current = getattr(result.now, name)
    if reference is None or current is None:
        return
    goal = reference * (1 + target.change_pct / 100)
    elapsed = period.days
    remaining = whole.days - elapsed
    # on course: the change so far against the same days a year before meets the target
    judged.on_course = judged.achieved is not None and judged.achieved <= target.change_pct
    if remaining > 0:
        judged.required_mean = max(0.0, rounded((goal * whole.days - current * elapsed)
                                                / remaining, 0))
