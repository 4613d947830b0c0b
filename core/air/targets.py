"""Air-quality improvement targets (空气质量改善目标) per unit and period.

A target is a change against the same period a year before (PM2.5 −10%, heavy-pollution days
−20%, the composite index −5% …) or a floor (good-day ratio ≥ 75%). Completion is the
achieved reduction over the target reduction: Jincheng's PM2.5, October 2017 to March 2018,
fell 3.7% against a 10% target, 3.7 ÷ 10 = 37.0%.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass

from .. import regions
from ..changes import Changes
from ..db import now
from ..errors import LedgerError
from ..ids import new_id
from .periods import Period, between

if TYPE_CHECKING:
    from ..ledger import Ledger

# Indicators a target may set; a change for all but good_ratio, a floor for good_ratio.
INDICATORS = ("pm25", "pm10", "so2", "no2", "co", "o3", "composite", "heavy_days",
              "good_ratio")
FLOORS = ("good_ratio",)


@dataclass(frozen=True)
class Target:
    id: str
    region_code: str
    indicator: str
    first: str
    last: str
    change_pct: float | None
    minimum: float | None

    @property
    def period(self) -> Period:
        return between(self.first, self.last)


def set_target(ledger: Ledger, region_code: str, indicator: str, first: object, last: object,
               change: float | None = None, minimum: float | None = None) -> Changes:
    """Set (or replace) the target of `indicator` for the unit and period."""
    regions.require(ledger, region_code)
    if indicator not in INDICATORS:
        raise LedgerError("error.air_indicator", indicator=indicator,
                          choices=", ".join(INDICATORS))
    period = between(first, last)
    if indicator in FLOORS:
        if minimum is None or change is not None:
            raise LedgerError("error.air_target_floor", indicator=indicator)
        if not 0 <= minimum <= 100:
            raise LedgerError("error.air_target_ratio", value=minimum)
    else:
        if change is None or minimum is not None:
            raise LedgerError("error.air_target_change", indicator=indicator)
        if not -100 < change < 100 or change == 0:
            raise LedgerError("error.air_target_range", value=change)
    first_day, last_day = period.iso()
    stamp = now()
    with ledger.transaction():
        found = ledger.conn.execute(
            "SELECT id FROM air_target WHERE region_code = ? AND indicator = ? AND "
            "first_day = ? AND last_day = ?", (region_code, indicator, first_day,
                                               last_day)).fetchone()
        if found:
            row_id = found[0]
            ledger.conn.execute(
                "UPDATE air_target SET change_pct = ?, minimum = ?, updated_at = ?, "
                "operator = ? WHERE id = ?", (change, minimum, stamp, ledger.operator, row_id))
        else:
            row_id = new_id()
            ledger.conn.execute(
                "INSERT INTO air_target (id, created_at, updated_at, operator, region_code, "
                "indicator, first_day, last_day, change_pct, minimum) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (row_id, stamp, stamp, ledger.operator, region_code, indicator, first_day,
                 last_day, change, minimum))
    return Changes.of("air_target", ids=(row_id,))


def all_targets(ledger: Ledger) -> list[Target]:
    return [Target(*r) for r in ledger.conn.execute(
        "SELECT id, region_code, indicator, first_day, last_day, change_pct, minimum "
        "FROM air_target ORDER BY first_day, region_code, indicator")]


def applying(ledger: Ledger, period: Period) -> dict[str, list[Target]]:
    """Targets that judge `period`: those of a period beginning on its first day and
    ending on or after its last (a period still running is judged against its full target),
    by unit."""
    first, last = period.iso()
    found: dict[str, list[Target]] = {}
    for row in ledger.conn.execute(
            "SELECT id, region_code, indicator, first_day, last_day, change_pct, minimum "
            "FROM air_target WHERE first_day = ? AND last_day >= ? "
            "ORDER BY region_code, indicator", (first, last)):
        found.setdefault(row[1], []).append(Target(*row))
    return found


def completion(achieved_pct: float | None, target_pct: float) -> float | None:
    """Achieved reduction ÷ target reduction, in %, to 1 decimal (−3.7 vs −10 → 37.0)."""
    if achieved_pct is None:
        return None
    from .aqi import rounded
    return rounded(achieved_pct / target_pct * 100, 1)
