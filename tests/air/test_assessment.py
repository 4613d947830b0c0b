"""HJ 663-2013: percentiles, validity rules at their edges, completion of targets."""
from __future__ import annotations

import datetime as dt

import pytest

from core.air import assessment, measurements, periods, targets


def test_percentile_by_the_standards_formula():
    values = [5, 1, 9, 3, 7, 2, 8, 4, 10, 6]           # sorted: 1 … 10
    # k = 1 + 9·0.9 = 9.1, s = 9: X9 + (X10 − X9)·0.1
    assert assessment.percentile(values, 90) == pytest.approx(9.1)
    # k = 1 + 9·0.95 = 9.55: 9 + 0.55
    assert assessment.percentile(values, 95) == pytest.approx(9.55)
    assert assessment.percentile([4.2], 95) == 4.2
    assert assessment.percentile([], 90) is None
    co = [1.1, 2.4, 0.9, 3.8, 1.7, 2.2, 1.5, 2.9, 1.3, 3.1, 2.0]   # n = 11
    # k = 1 + 10·0.95 = 10.5: X10 + (X11 − X10)·0.5 = 3.1 + 0.35
    assert assessment.percentile(co, 95) == pytest.approx(3.45)


def _days(first: str, count: int) -> list[str]:
    start = dt.date.fromisoformat(first)
    return [(start + dt.timedelta(days=i)).isoformat() for i in range(count)]


def test_month_needs_27_daily_values_february_25():
    january = periods.of("month", 2025, 1)
    assert periods.validity(january, _days("2025-01-01", 27)).valid
    assert not periods.validity(january, _days("2025-01-01", 26)).valid
    february = periods.of("month", 2025, 2)
    assert periods.validity(february, _days("2025-02-01", 25)).valid
    short = periods.validity(february, _days("2025-02-01", 24))
    assert not short.valid and short.short_months == ("2025-02",)


def test_year_needs_324_daily_values_and_every_month():
    year = periods.of("year", 2025)
    months = [(m, 25 if m == 2 else 27) for m in range(1, 13)]
    base = [d for m, n in months for d in _days(f"2025-{m:02d}-01", n)]   # 322 days
    assert len(base) == 322
    extra = _days("2025-03-28", 2)  # 2 more in March: 324
    assert periods.validity(year, base + extra).valid
    assert not periods.validity(year, base + extra[:1]).valid            # 323
    without_june = [d for d in base + _days("2025-07-28", 4) if d[5:7] != "06"]
    assert not periods.validity(year, without_june).valid


def test_a_part_month_needs_its_share_of_the_rule():
    ten_days = periods.between("2025-01-01", "2025-01-10")
    assert periods.needed_by_month(ten_days) == {(2025, 1): 9}           # ⌈27·10/31⌉


def test_completion_of_the_seeds_targets():
    assert targets.completion(-3.7, -10) == 37.0                          # Jincheng
    assert targets.completion(-15.7, -20) == 78.5                         # Handan
    assert targets.completion(4.0, -10) == -40.0                          # worse, not better


def _store(ledger, unit: str, first: str, last: str, pm25: float) -> None:
    """Unit days with a constant PM2.5 and moderate other pollutants."""
    period = periods.between(first, last)
    rows = []
    for i in range(period.days):
        day = (period.first + dt.timedelta(days=i)).isoformat()
        values = {"so2": 20.0, "no2": 35.0, "pm10": 1.6 * pm25, "co": 1.4, "o3_1h": 80.0,
                  "o3_8h": 60.0, "pm25": pm25}
        index = measurements.day_index(values)
        rows.append((unit, day, *values.values(), 1, index.aqi, ",".join(index.primary) or None,
                     index.level))
    ledger.conn.executemany(
        "INSERT INTO air_unit_day VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


def test_season_target_completion_through_the_assessment(ledger):
    # Jincheng-like: 81 → 78 µg/m³ is −3.7%; Handan-like: 102 → 86 is −15.7%
    _store(ledger, "141021", "2016-10-01", "2017-03-31", 81)
    _store(ledger, "141021", "2017-10-01", "2018-03-31", 78)
    _store(ledger, "141022", "2016-10-01", "2017-03-31", 102)
    _store(ledger, "141022", "2017-10-01", "2018-03-31", 86)
    targets.set_target(ledger, "141021", "pm25", "2017-10-01", "2018-03-31", change=-10)
    targets.set_target(ledger, "141022", "pm25", "2017-10-01", "2018-03-31", change=-20)
    found = {r.region_code: r for r in assessment.assess(ledger, "2017-10-01", "2018-03-31")}
    quwo, yicheng = found["141021"].as_json(), found["141022"].as_json()
    assert (quwo["pm25"], quwo["change_pct"], quwo["target_pct"], quwo["completion_pct"]) == (
        78, -3.7, -10, 37.0)
    assert (yicheng["change_pct"], yicheng["completion_pct"]) == (-15.7, 78.5)
    # 78 µg/m³ every day is 轻度污染 (IAQI 104): no good day
    assert (quwo["valid_days"], quwo["good_days"], quwo["good_ratio"]) == (182, 0, 0.0)


def test_an_invalid_period_is_marked_not_averaged(ledger):
    _store(ledger, "141021", "2025-02-01", "2025-02-24", 60)              # 24 February days
    february = assessment.assess(ledger, "2025-02-01", "2025-02-28")[0]
    assert february.now.pm25 is None and "pm25" in february.now.invalid
    assert february.now.composite_index is None
    assert february.as_json()["pm25"] is None
    _store(ledger, "141021", "2025-02-25", "2025-02-25", 60)              # 25: valid
    assert assessment.assess(ledger, "2025-02-01", "2025-02-28")[0].now.pm25 == 60


def test_composite_index_and_ranking(ledger):
    for code, pm25 in (("141021", 50), ("141022", 70), ("141023", 60), ("141024", 90),
                       ("141025", 40)):
        _store(ledger, code, "2025-01-01", "2025-01-31", pm25)
        ledger.conn.execute("INSERT INTO air_station VALUES (?, '', '', '', ?, ?, ?)",
                            (code, code, code, code))
    results = assessment.assess(ledger, "2025-01-01", "2025-01-31")
    first = results[0]
    # 20/60 + 35/40 + 64/70 + 40/35 + 1.4/4 + 60/160 = 3.99
    assert first.region_code == "141025" and first.rank == 1
    assert first.now.composite_index == pytest.approx(3.99)
    assert [r.rank for r in results] == [1, 2, 3, 4, 5]
    assert [r.region_code for r in results if r.bottom] == ["141024"]
