"""The air quality index per HJ 633-2012 (环境空气质量指数（AQI）技术规定（试行）).

Each pollutant's sub-index (IAQI) is a linear interpolation in the standard's Table 1; the
AQI is the largest IAQI; the primary pollutant (首要污染物) is named when the AQI exceeds 50.
IAQI and AQI are rounded up to whole numbers ("全部进位取整数"). Concentrations enter rounded
as HJ 663-2013 prints them: whole µg/m³, CO to 0.1 mg/m³, half to even (GB/T 8170).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Mapping

import numpy as np

IAQI_STEPS = (0, 50, 100, 150, 200, 300, 400, 500)

# HJ 633-2012 Table 1: concentration breakpoints for the IAQI steps above.
# µg/m³, CO in mg/m³. The SO2 1-h and O3 8-h rows stop where the standard stops them.
BREAKPOINTS: dict[str, tuple[float, ...]] = {
    "so2": (0, 50, 150, 475, 800, 1600, 2100, 2620),        # 24-h mean
    "so2_1h": (0, 150, 500, 650, 800),
    "no2": (0, 40, 80, 180, 280, 565, 750, 940),            # 24-h mean
    "no2_1h": (0, 100, 200, 700, 1200, 2340, 3090, 3840),
    "pm10": (0, 50, 150, 250, 350, 420, 500, 600),          # 24-h mean
    "co": (0, 2, 4, 14, 24, 36, 48, 60),                    # 24-h mean
    "co_1h": (0, 5, 10, 35, 60, 90, 120, 150),
    "o3_1h": (0, 160, 200, 300, 400, 800, 1000, 1200),
    "o3_8h": (0, 100, 160, 215, 265, 800),
    "pm25": (0, 35, 75, 115, 150, 250, 350, 500),           # 24-h mean
}
# The pollutants of a daily AQI (日报), in the order the standard lists them.
DAILY = ("so2", "no2", "pm10", "co", "o3_1h", "o3_8h", "pm25")
# Above these the standard computes no sub-index of that row and reports another one.
_SO2_1H_CUTOFF = 800.0
_O3_8H_CUTOFF = 800.0

LEVELS = (  # (upper AQI, level number, message code of its name, colour of HJ 633 Table 2)
    (50, 1, "air.level.1", "#00e400"),
    (100, 2, "air.level.2", "#ffff00"),
    (150, 3, "air.level.3", "#ff7e00"),
    (200, 4, "air.level.4", "#ff0000"),
    (300, 5, "air.level.5", "#99004c"),
    (math.inf, 6, "air.level.6", "#7e0023"),
)


def rounded(value: float, places: int = 0) -> float:
    """`value` to `places` decimals, half to even (GB/T 8170 "四舍六入五成双"), the half
    judged on the decimal written (1.15 is a half, though its binary value is below)."""
    scale = 10.0 ** places
    scaled = value * scale
    floor = math.floor(scaled)
    if abs(scaled - floor - 0.5) < 1e-9 * max(1.0, abs(scaled)):
        whole = floor if floor % 2 == 0 else floor + 1
    else:
        whole = math.floor(scaled + 0.5)
    return whole / scale if places else float(whole)


def rounded_exactly(value: float, places: int = 0) -> float:
    """The same by decimal arithmetic (the reference `rounded` is tested against)."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(repr(float(value))).quantize(step, rounding=ROUND_HALF_EVEN))


def concentration(pollutant: str, value: float) -> float:
    """A concentration as HJ 663 reports it: CO to 0.1 mg/m³, the others whole µg/m³."""
    return rounded(value, 1 if pollutant.startswith("co") else 0)


def iaqi(pollutant: str, value: float | None) -> int | None:
    """The sub-index of one concentration (None for a missing one, or above a row that
    the standard ends: SO2 1-h and O3 8-h over 800 µg/m³)."""
    if value is None:
        return None
    c = concentration(pollutant, value)
    points = BREAKPOINTS[pollutant]
    if c < 0:
        raise ValueError(f"negative concentration {value}")
    if c > points[-1]:
        return None if len(points) < len(IAQI_STEPS) else IAQI_STEPS[-1]
    for i in range(1, len(points)):
        if c <= points[i]:
            lo, hi = points[i - 1], points[i]
            exact = (IAQI_STEPS[i] - IAQI_STEPS[i - 1]) / (hi - lo) * (c - lo) + IAQI_STEPS[i - 1]
            return math.ceil(round(exact, 9))  # round(…, 9): 106.00000000001 is 106
    raise AssertionError("unreachable")


@dataclass(frozen=True)
class Index:
    """An AQI with its sub-indices, primary pollutants and level (1 优 … 6 严重污染)."""

    aqi: int | None
    sub: dict[str, int]
    primary: tuple[str, ...]
    level: int | None

    @property
    def exceeding(self) -> tuple[str, ...]:
        """超标污染物: the pollutants whose IAQI is over 100."""
        return tuple(p for p, v in self.sub.items() if v > 100)


def level_of(aqi: int | None) -> int | None:
    if aqi is None:
        return None
    return next(number for top, number, _, _ in LEVELS if aqi <= top)


def colour_of(level: int | None) -> str:
    return "#d9d9d9" if level is None else LEVELS[level - 1][3]


def _index(sub: dict[str, int]) -> Index:
    if not sub:
        return Index(None, {}, (), None)
    aqi = max(sub.values())
    primary = tuple(p for p, v in sub.items() if v == aqi) if aqi > 50 else ()
    return Index(aqi, sub, primary, level_of(aqi))


def daily(values: Mapping[str, float | None]) -> Index:
    """The daily AQI (日AQI) from 24-h means of SO2, NO2, PM10, CO, PM2.5 and O3's daily
    maximum 1-h and 8-h means. O3 8-h over 800 µg/m³: the 1-h sub-index stands for it."""
    sub: dict[str, int] = {}
    for pollutant in DAILY:
        value = values.get(pollutant)
        if value is None:
            continue
        if pollutant == "o3_8h" and concentration("o3_8h", value) > _O3_8H_CUTOFF:
            continue  # reported through o3_1h, which the standard requires then
        sub[pollutant] = iaqi(pollutant, value)
    return _index(sub)


def rounded_array(values: np.ndarray, places: int = 0) -> np.ndarray:
    """`rounded` for arrays (nan stays nan)."""
    scale = 10.0 ** places
    scaled = values * scale
    floor = np.floor(scaled)
    half = np.abs(scaled - floor - 0.5) < 1e-9 * np.maximum(1.0, np.abs(scaled))
    even = np.where(floor % 2 == 0, floor, floor + 1)
    return np.where(half, even, np.floor(scaled + 0.5)) / scale


def iaqi_array(pollutant: str, values: np.ndarray) -> np.ndarray:
    """`iaqi` for an array of concentrations (nan: missing or no sub-index)."""
    c = rounded_array(values, 1 if pollutant.startswith("co") else 0)
    points = np.array(BREAKPOINTS[pollutant], dtype=float)
    steps = np.array(IAQI_STEPS[:len(points)], dtype=float)
    exact = np.interp(c, points, steps)
    result = np.ceil(np.round(exact, 9))
    above = c > points[-1]
    top = np.nan if len(points) < len(IAQI_STEPS) else float(IAQI_STEPS[-1])
    return np.where(np.isnan(c), np.nan, np.where(above, top, result))


def daily_arrays(values: Mapping[str, np.ndarray]) -> tuple[list, list, list]:
    """`daily` for many days at once: (AQI, level, primary pollutants joined by commas)
    per day; a day with no value at all has None."""
    names = [p for p in DAILY if p in values]
    if not names:
        return [], [], []
    subs = []
    for pollutant in names:
        sub = iaqi_array(pollutant, np.asarray(values[pollutant], dtype=float))
        if pollutant == "o3_8h":
            over = rounded_array(np.asarray(values[pollutant], dtype=float)) > _O3_8H_CUTOFF
            sub = np.where(over, np.nan, sub)
        subs.append(sub)
    table = np.stack(subs, axis=1)
    present = ~np.isnan(table).all(axis=1)
    top = np.where(present, np.nanmax(np.where(np.isnan(table), -1, table), axis=1), np.nan)
    aqis, levels, primaries = [], [], []
    for row, value, ok in zip(table.tolist(), top.tolist(), present.tolist()):
        if not ok:
            aqis.append(None), levels.append(None), primaries.append(None)
            continue
        whole = int(value)
        aqis.append(whole)
        levels.append(level_of(whole))
        primaries.append(",".join(p for p, v in zip(names, row) if v == value)
                         if whole > 50 else None)
    return aqis, levels, primaries


def hourly(values: Mapping[str, float | None]) -> Index:
    """The hourly AQI (实时报) from 1-h means (keys so2, no2, pm10, co, o3, pm25; PM10 and
    PM2.5 by their 24-h rows, as HJ 633 prescribes). SO2 1-h over 800 µg/m³: the sub-index
    of its 24-h mean (key so2_24h) is reported instead."""
    rows = {"so2": "so2_1h", "no2": "no2_1h", "pm10": "pm10", "co": "co_1h", "o3": "o3_1h",
            "pm25": "pm25"}
    sub: dict[str, int] = {}
    for key, row in rows.items():
        value = values.get(key)
        if value is None:
            continue
        if key == "so2" and concentration("so2", value) > _SO2_1H_CUTOFF:
            day_mean = values.get("so2_24h")
            if day_mean is not None:
                sub[key] = iaqi("so2", day_mean)
            continue
        sub[key] = iaqi(row, value)
    return _index(sub)
