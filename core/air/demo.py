"""Demo monitoring data: daily values of a station or more per county, from the autumn-winter
season two years back until yesterday, with the seasons' targets and an interview.

The figures follow what Linfen's counties saw: PM2.5 around 40 µg/m³ in summer and 90–110 in
the heating season, with multi-day episodes over 150 when the weather holds the air still
across the whole basin; the plain counties along the Fen river (尧都, 洪洞, 侯马, 襄汾) worse
than the mountain counties of the west (吉县, 大宁, 永和); each season somewhat cleaner than
the one before, some counties more than others.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import datetime as dt
import math
import random

from .. import regions, settings
from ..changes import Changes
from ..db import now
from ..ids import Sequence
from . import interviews, measurements, periods, targets

if TYPE_CHECKING:
    from ..ledger import Ledger

# County (GB/T 2260) → (pollution factor, improvement per season). Others get random ones.
_LINFEN = {
    "141002": (1.12, 0.06), "141021": (1.0, 0.04), "141022": (0.98, 0.09),
    "141023": (1.08, 0.02), "141024": (1.15, -0.03), "141025": (0.85, 0.08),
    "141026": (0.72, 0.10), "141027": (0.86, 0.07), "141028": (0.66, 0.11),
    "141029": (0.8, 0.05), "141030": (0.66, 0.12), "141031": (0.7, 0.08),
    "141032": (0.62, 0.09), "141033": (0.7, 0.06), "141034": (0.76, 0.05),
    "141081": (1.1, 0.01), "141082": (1.04, 0.07),
}
# The city's urban district has the national stations.
_URBAN_STATIONS = ("市监测站", "技工学校", "工商学校", "南机场")


def _stations(counties: list[regions.Region], uid) -> list[tuple]:
    stamp = now()
    rows = []
    for county in counties:
        names = _URBAN_STATIONS if county.code == "141002" else (f"{county.name}环保局",)
        for number, name in enumerate(names, start=1):
            rows.append((uid(), stamp, stamp, "demo", f"{county.code}{number:02d}", name,
                         county.code))
    return rows


def _heating(day: dt.date) -> float:
    """1 in mid-January, 0 in mid-July."""
    return 0.5 * (1 + math.cos(2 * math.pi * (day.timetuple().tm_yday - 15) / 365.25))


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def _weather(rng: random.Random, days: list[dt.date]) -> list[float]:
    """A shared log-factor: still, foggy spells lift every county at once. Each month is
    centred, so that seasons differ by the counties' own progress, not by luck."""
    value, found = 0.0, []
    for day in days:
        still = 0.33 if _heating(day) > 0.6 else 0.24
        value = 0.72 * value + rng.gauss(0, still)
        found.append(value)
    halves: dict[tuple[int, int], list[int]] = {}
    for i, day in enumerate(days):
        halves.setdefault((day.year, day.month), []).append(i)
    for members in halves.values():
        mean = sum(found[i] for i in members) / len(members)
        for i in members:
            found[i] -= mean
    return found


def _values(rng: random.Random, day: dt.date, weather: float, factor: float,
            trend: float) -> tuple[float, ...]:
    heat = _heating(day)
    scale = factor * trend * math.exp(weather + rng.gauss(0, 0.12))
    pm25 = max(6.0, (38 + 62 * heat ** 1.5) * scale)
    pm10 = pm25 * rng.uniform(1.45, 1.85) + rng.uniform(0, 25) * (1 - heat)
    so2 = max(4.0, (12 + 38 * heat ** 2) * scale ** 0.7 * rng.uniform(0.8, 1.2))
    no2 = max(8.0, (24 + 20 * heat) * scale ** 0.5 * rng.uniform(0.85, 1.15))
    co = max(0.3, (0.7 + 2.0 * heat ** 2) * scale ** 0.8 * rng.uniform(0.85, 1.15))
    o3_8h = max(12.0, (45 + 130 * (1 - heat) ** 1.4) * rng.uniform(0.75, 1.2)
                / max(0.7, math.exp(weather) ** 0.3))
    o3_1h = o3_8h * rng.uniform(1.12, 1.35)
    return (round(so2, 1), round(no2, 1), round(pm10, 1), round(co, 2), round(o3_1h, 1),
            round(o3_8h, 1), round(pm25, 1))


def generate(counties: list[regions.Region], today: dt.date, seed: int = 1):
    """Stations, station days and the import row, without writing them."""
    rng = random.Random(seed * 7919 + 21)
    uid = Sequence(rng, int(dt.datetime.combine(today, dt.time()).timestamp() * 1000) + 7)
    station_rows = _stations(counties, uid)
    first = periods.season_of(today).first.replace(year=periods.season_of(today).first.year - 2)
    last = today - dt.timedelta(days=1)
    days = _days(first, last)
    weather = _weather(rng, days)
    import_id = uid()
    stamp = now()
    import_row = (import_id, stamp, stamp, "demo", "演示数据", "demo", "daily",
                  first.isoformat(), last.isoformat(), 0, 0, 0)
    factors = {c.code: _LINFEN.get(c.code, (rng.uniform(0.6, 1.15), rng.uniform(0, 0.1)))
               for c in counties}
    rows = []
    for station in station_rows:
        factor, gain = factors[station[6]]
        for day, shared in zip(days, weather):
            if rng.random() < 0.012:
                continue  # the station was down that day
            seasons_back = (last - day).days / 365.25
            trend = (1 + gain) ** seasons_back
            values = list(_values(rng, day, shared, factor, trend))
            if rng.random() < 0.01:
                values[rng.randrange(len(values))] = None
            rows.append((station[0], day.isoformat(), *values, None,
                         None, None, None, import_id))
    return station_rows, import_row, rows, (first, last)


def load(ledger: Ledger, seed: int = 1, today: dt.date | None = None) -> Changes:
    """Add the demo's monitoring data, targets and interviews to a ledger."""
    today = today or dt.date.today()
    counties = regions.counties_of(ledger, settings.jurisdiction(ledger))
    if not counties:
        return Changes()
    station_rows, import_row, rows, (first, last) = generate(counties, today, seed)
    with ledger.transaction():
        ledger.conn.executemany("INSERT INTO air_station VALUES (?, ?, ?, ?, ?, ?, ?)",
                                station_rows)
        ledger.conn.execute("INSERT INTO air_import VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            import_row[:9] + (len(rows), 0, 0))
        ledger.conn.executemany(
            "INSERT INTO air_station_day VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        measurements.refresh_units(ledger, {c.code for c in counties}, first.isoformat(),
                                   last.isoformat())
        _targets(ledger, counties, today)
        _interview(ledger, counties, today)
    return Changes.of("air_station", "air_import", "air_station_day", "air_unit_day",
                      "air_target", "air_interview", "air_interview_measure")


def _targets(ledger: Ledger, counties: list[regions.Region], today: dt.date) -> None:
    current = periods.season_of(today)
    last_season = periods.of("season", current.first.year - 1)
    for number, county in enumerate(counties):
        for season, change in ((last_season, -10 - 5 * (number % 3)),
                               (current, -5 - 2 * (number % 4))):
            targets.set_target(ledger, county.code, "pm25", season.first, season.last,
                               change=float(change))
        targets.set_target(ledger, county.code, "good_ratio", current.first, current.last,
                           minimum=55.0)
    city = settings.jurisdiction(ledger)
    if city not in {c.code for c in counties}:
        targets.set_target(ledger, city, "pm25", current.first, current.last, change=-8.0)
        targets.set_target(ledger, city, "pm25", last_season.first, last_season.last,
                           change=-12.0)


def _interview(ledger: Ledger, counties: list[regions.Region], today: dt.date) -> None:
    """The county that did worst last season was interviewed after it, with approvals of new
    air-polluting projects suspended until its plan was carried out."""
    codes = {c.code for c in counties}
    worst = "141024" if "141024" in codes else counties[0].code
    held = dt.date(periods.season_of(today).first.year, 4, 16)
    changes = interviews.add(
        ledger, worst, held, "山西省生态环境厅",
        "2025—2026年秋冬季PM2.5平均浓度同比不降反升，未完成空气质量改善目标，综合指数排名全市末位；"
        "散煤复烧、工地扬尘和焦化企业无组织排放问题突出",
        "20个工作日内报送整改方案；完成散煤清零和焦化企业深度治理；每月报送整改进展",
        20, held, None, "新增大气污染物排放的建设项目环评审批")
    interview_id = changes.id
    for text, days, progress in (("全面排查散煤复烧，清洁取暖改造清零", 60, 100),
                                 ("建筑工地扬尘“六个百分之百”管控", 45, 100),
                                 ("焦化企业无组织排放深度治理", 150, 60)):
        measure = interviews.add_measure(ledger, interview_id, text,
                                         held + dt.timedelta(days=days), "县人民政府")
        interviews.measure_progress(ledger, measure.id, progress,
                                    held + dt.timedelta(days=days - 5) if progress == 100
                                    else None)
    interviews.plan_submitted(ledger, interview_id, interviews.plan_due(held.isoformat(), 20))
