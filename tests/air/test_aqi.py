"""HJ 633-2012: sub-indices, AQI, primary pollutant and levels, by worked examples."""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

from core import messages
from core.air import aqi


@pytest.mark.parametrize(("pollutant", "value", "expected"), [
    # (IAQI_hi − IAQI_lo)/(BP_hi − BP_lo)·(C − BP_lo) + IAQI_lo, rounded up
    ("pm25", 80, 107),      # 50/40·5 + 100 = 106.25
    ("pm25", 75, 100),      # a breakpoint: the top of 良
    ("pm25", 35, 50),
    ("pm25", 0, 0),
    ("pm25", 151, 201),     # 100/100·1 + 200
    ("pm25", 520, 500),     # above the table
    ("pm10", 180, 115),     # 50/100·30 + 100
    ("so2", 100, 75),       # 50/100·50 + 50
    ("no2", 90, 105),       # 50/100·10 + 100
    ("co", 3.0, 75),        # 50/2·1 + 50 (mg/m³)
    ("o3_8h", 180, 119),    # 50/55·20 + 100 = 118.18
    ("o3_8h", 100, 50),
    ("o3_1h", 250, 125),    # 50/100·50 + 100
    ("so2_1h", 600, 134),   # 50/150·100 + 100 = 133.3
])
def test_sub_index_by_interpolation(pollutant, value, expected):
    assert aqi.iaqi(pollutant, value) == expected


def test_concentrations_are_rounded_half_to_even_before_the_index():
    assert aqi.concentration("pm25", 34.5) == 34          # 四舍六入五成双
    assert aqi.concentration("pm25", 35.5) == 36
    assert aqi.concentration("co", 1.25) == 1.2
    assert aqi.iaqi("pm25", 34.5) == 49                   # 34/35·50 = 48.57
    assert aqi.iaqi("pm25", 75.4) == 100
    assert aqi.iaqi("pm25", 75.5) == 102                  # 76: 50/40·1 + 100 = 101.25


def test_daily_aqi_names_the_primary_pollutant_and_level():
    index = aqi.daily({"so2": 20, "no2": 45, "pm10": 120, "co": 1.2, "o3_1h": 90,
                       "o3_8h": 70, "pm25": 80})
    assert index.sub == {"so2": 20, "no2": 57, "pm10": 85, "co": 30, "o3_1h": 29,
                         "o3_8h": 35, "pm25": 107}
    assert (index.aqi, index.primary, index.level) == (107, ("pm25",), 3)
    assert index.exceeding == ("pm25",)
    assert messages.text(aqi.LEVELS[index.level - 1][2]) == "轻度污染"


def test_no_primary_pollutant_at_50_or_below_and_ties_name_both():
    assert aqi.daily({"pm25": 35, "pm10": 50, "so2": 10}).primary == ()
    tie = aqi.daily({"pm25": 75, "pm10": 150})
    assert (tie.aqi, tie.primary) == (100, ("pm10", "pm25"))


@pytest.mark.parametrize(("value", "level"), [(50, 1), (51, 2), (100, 2), (101, 3), (150, 3),
                                              (151, 4), (200, 4), (201, 5), (300, 5), (301, 6)])
def test_six_levels(value, level):
    assert aqi.level_of(value) == level


def test_o3_8h_above_800_is_reported_by_its_1h_index():
    index = aqi.daily({"o3_8h": 850, "o3_1h": 900, "pm25": 40})
    assert "o3_8h" not in index.sub
    assert index.sub["o3_1h"] == 350                      # 100/200·100 + 300
    assert index.aqi == 350 and index.primary == ("o3_1h",)


def test_hourly_so2_above_800_uses_its_24h_index():
    index = aqi.hourly({"so2": 850, "so2_24h": 300, "pm25": 30})
    assert index.sub["so2"] == 124                        # 24-h row: 50/325·150 + 100
    assert aqi.iaqi("so2_1h", 850) is None                # the 1-h row ends at 800
    assert aqi.hourly({"so2": 400}).sub["so2"] == 86      # 1-h row: 50/350·250 + 50


@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=0, max_value=1000, allow_nan=False).map(lambda v: round(v, 2)),
       st.integers(min_value=0, max_value=2))
def test_fast_rounding_agrees_with_decimal_rounding(value, places):
    assert aqi.rounded(value, places) == aqi.rounded_exactly(value, places)
    assert aqi.rounded(-value, places) == aqi.rounded_exactly(-value, places)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(*[st.one_of(st.none(), st.floats(0, 1300).map(lambda v: round(v, 1)))
                            for _ in aqi.DAILY]), min_size=1, max_size=30))
def test_the_daily_aqi_of_many_days_equals_day_by_day(days):
    columns = {p: np.array([np.nan if d[i] is None else d[i] for d in days])
               for i, p in enumerate(aqi.DAILY)}
    values, levels, primaries = aqi.daily_arrays(columns)
    for day, value, level, primary in zip(days, values, levels, primaries):
        one = aqi.daily(dict(zip(aqi.DAILY, day)))
        assert (value, level, primary) == (one.aqi, one.level, ",".join(one.primary) or None)
