"""Importing monitoring data: encodings, Excel, per-cell errors, re-import, corrections,
daily values from hourly ones at the validity edges."""
from __future__ import annotations

import datetime as dt

import pytest

from core.air import measurements, sources

from .files import DAILY_HEADER, HOURLY_HEADER, hourly_rows, write_csv, write_xlsx


def _station_day(ledger, code: str, day: str):
    return ledger.conn.execute(
        "SELECT d.* FROM air_station_day d JOIN air_station s ON s.id = d.station_id "
        "WHERE s.code = ? AND d.day = ?", (code, day)).fetchone()


def _daily_rows() -> list[list]:
    return [["临汾市", "曲沃县", "曲沃县环保局", "2025/1/5", 132, "PM2.5", 100, 160, 35, 48, 40,
             2.1],
            ["临汾市", "尧都区", "市监测站", "2025/1/5", 172, "PM2.5", 131, 190, 44, 55, 38, 2.8],
            ["临汾市", "尧都区", "技工学校", "2025/1/5", 160, "PM2.5", 121, 170, 40, 51, 36, 2.4]]


def test_a_gb18030_daily_csv_with_a_title_row(ledger, tmp_path):
    path = write_csv(tmp_path / "日报.csv", DAILY_HEADER, _daily_rows(),
                     title="临汾市环境空气质量日报（2025年1月）")
    outcome = measurements.import_file(ledger, path)
    assert (outcome.kind, outcome.rows, outcome.added, outcome.stations_added) == ("daily", 3, 3, 3)
    row = _station_day(ledger, "市监测站", "2025-01-05")
    assert (row["pm25"], row["o3_8h"], row["co"], row["aqi_reported"]) == (131, 38, 2.8, 172)
    # the district's value is the mean of its two stations; its AQI is computed, not copied
    yaodu = ledger.conn.execute("SELECT pm25, aqi, primary_pollutant, stations FROM air_unit_day "
                                "WHERE region_code = '141002'").fetchone()
    assert tuple(yaodu) == (126.0, 166, "pm25", 2)   # 50/35·(126 − 115) + 150 = 165.7
    city = ledger.conn.execute("SELECT pm25, stations FROM air_unit_day "
                               "WHERE region_code = '141000'").fetchone()
    assert tuple(city) == (pytest.approx(117.33, abs=0.01), 3)


def test_encodings_are_detected(tmp_path):
    for encoding in ("gb18030", "utf-8", "utf-8-sig", "utf-16"):
        path = write_csv(tmp_path / f"{encoding}.csv", DAILY_HEADER, _daily_rows(), encoding)
        source = sources.open_source(path)
        assert source.fields["unit"] == 1 and source.fields["pm25"] == 6, encoding
    gbk_text = "站点名称,日期,PM2.5\n" + "\n".join(f"霍州市环保局{i},2025-01-0{i},50" for i in range(1, 9))
    assert sources.detect_encoding(gbk_text.encode("gbk")) == "gb18030"


def test_excel_with_title_rows(ledger, tmp_path):
    rows = [[r[0], r[1], r[2], dt.datetime(2025, 1, 5), *r[4:]] for r in _daily_rows()]
    path = write_xlsx(tmp_path / "日报.xlsx", DAILY_HEADER, rows, title="环境空气质量日报")
    outcome = measurements.import_file(ledger, path)
    assert (outcome.kind, outcome.added) == ("daily", 3)
    assert _station_day(ledger, "曲沃县环保局", "2025-01-05")["pm25"] == 100


def test_bad_cells_are_named_by_row_and_column_and_nothing_is_written(ledger, tmp_path):
    rows = _daily_rows()
    rows[0][6] = "1O0"          # a letter O typed for a zero
    rows[1][7] = "-5"
    rows[2][1] = "火星县"
    path = write_csv(tmp_path / "bad.csv", DAILY_HEADER, rows)
    with pytest.raises(measurements.AirImportRejected) as caught:
        measurements.import_file(ledger, path)
    messages = [issue.message for issue in caught.value.issues]
    assert "第 2 行 G 列（PM2.5）“1O0”：不是数字" in messages
    assert "第 3 行 H 列（PM10）“-5”：浓度不能为负数" in messages
    assert any(m.startswith("第 4 行 B 列（区县）“火星县”") for m in messages)
    assert str(caught.value) == "文件中有 3 处错误，未导入任何数据"
    assert ledger.conn.execute("SELECT count(*) FROM air_station_day").fetchone()[0] == 0
    assert ledger.conn.execute("SELECT count(*) FROM air_station").fetchone()[0] == 0


def test_reimport_does_not_duplicate_and_a_changed_value_is_a_correction(ledger, tmp_path):
    path = write_csv(tmp_path / "a.csv", DAILY_HEADER, _daily_rows())
    measurements.import_file(ledger, path)
    again = measurements.import_file(ledger, path)
    assert (again.added, again.corrected, again.unchanged) == (0, 0, 3)
    assert ledger.conn.execute("SELECT count(*) FROM air_station_day").fetchone()[0] == 3
    rows = _daily_rows()
    rows[0][6] = 96              # the platform revised 曲沃's PM2.5 of 5 January
    corrected = measurements.import_file(ledger, write_csv(tmp_path / "b.csv", DAILY_HEADER, rows))
    assert (corrected.added, corrected.corrected, corrected.unchanged) == (0, 1, 2)
    assert [str(c) for c in corrected.corrections] == ["曲沃县环保局 2025-01-05 PM2.5：100 → 96"]
    assert _station_day(ledger, "曲沃县环保局", "2025-01-05")["pm25"] == 96
    logged = ledger.conn.execute(
        "SELECT pollutant, old, new, operator FROM air_correction").fetchall()
    assert [tuple(r) for r in logged] == [("pm25", 100.0, 96.0, "测试员")]
    assert ledger.conn.execute("SELECT count(*) FROM audit_log WHERE table_name = "
                               "'air_correction'").fetchone()[0] == 1
    quwo = ledger.conn.execute("SELECT pm25 FROM air_unit_day WHERE region_code = '141021'")
    assert quwo.fetchone()[0] == 96


def test_hourly_values_need_20_hours_for_a_day(ledger, tmp_path):
    rows = (hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-01-01", hours=range(20))
            + hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-01-02", hours=range(19)))
    outcome = measurements.import_file(ledger, write_csv(tmp_path / "h.csv", HOURLY_HEADER, rows))
    assert outcome.kind == "hourly" and outcome.added == 2 and outcome.invalid_days == 1
    first = _station_day(ledger, "A1", "2025-01-01")
    assert first["pm25"] == pytest.approx(40 + 9.5) and first["hours"] == 20
    second = _station_day(ledger, "A1", "2025-01-02")
    assert second["pm25"] is None and "pm25" in second["invalid"]


def test_o3_daily_maximum_8h_mean(ledger, tmp_path):
    # O3 30 + 5h: the 8-h windows end at 07:59 … 23:59; the last (16–23) is the largest
    rows = hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-07-01")
    measurements.import_file(ledger, write_csv(tmp_path / "o3.csv", HOURLY_HEADER, rows))
    day = _station_day(ledger, "A1", "2025-07-01")
    assert day["o3_8h"] == pytest.approx(30 + 5 * 19.5)      # mean of hours 16 … 23
    assert day["o3_1h"] == 30 + 5 * 23


def test_o3_needs_14_valid_8h_means_unless_over_the_limit(ledger, tmp_path):
    # hours 0–19 only: windows starting 0…12 have ≥ 6 hours (13 windows, 14th has 7 … )
    rows = hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-07-01", hours=range(0, 20))
    rows += hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-07-02", hours=range(0, 18))
    rows += hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-07-03", hours=range(0, 18),
                        o3=lambda h: 200)
    measurements.import_file(ledger, write_csv(tmp_path / "o3.csv", HOURLY_HEADER, rows))
    # 20 hours: windows starting 0 … 14 have ≥ 6 values: 15 means, valid
    assert _station_day(ledger, "A1", "2025-07-01")["o3_8h"] is not None
    # 18 hours: windows starting 0 … 12: 13 means, too few …
    assert _station_day(ledger, "A1", "2025-07-02")["o3_8h"] is None
    # … unless the maximum exceeds the 160 µg/m³ limit
    assert _station_day(ledger, "A1", "2025-07-03")["o3_8h"] == 200


def test_hours_labelled_1_to_24(ledger, tmp_path):
    header = ["站点名称", "区县", "日期", "小时", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3"]
    rows = [["霍州市环保局", "霍州市", "2025-01-01", h, 50, 80, 20, 30, 1.0, 40]
            for h in range(1, 25)]
    outcome = measurements.import_file(ledger, write_csv(tmp_path / "h.csv", header, rows))
    assert outcome.added == 1 and outcome.first_day == "2025-01-01"
    assert _station_day(ledger, "霍州市环保局", "2025-01-01")["hours"] == 24


def test_a_time_twice_for_a_station_is_refused(ledger, tmp_path):
    rows = hourly_rows("A1", "曲沃县环保局", "曲沃县", "2025-01-01")
    rows.append(rows[3])
    with pytest.raises(measurements.AirImportRejected) as caught:
        measurements.import_file(ledger, write_csv(tmp_path / "d.csv", HOURLY_HEADER, rows))
    assert caught.value.issues[0].row == 26 and caught.value.issues[0].column == "D"


@pytest.mark.parametrize(("text", "expected"), [
    ("2025-01-01 13:00:00", (dt.date(2025, 1, 1), 13)), ("2025/1/1 0:00", (dt.date(2025, 1, 1), 0)),
    ("2025年1月1日 1时", (dt.date(2025, 1, 1), 1)), ("2025-01-01T23:00", (dt.date(2025, 1, 1), 23)),
    ("20250105", (dt.date(2025, 1, 5), None)), ("2025/1/5", (dt.date(2025, 1, 5), None)),
])
def test_times_as_platforms_write_them(text, expected):
    ordinal, hour = measurements._time(text)
    assert (dt.date.fromordinal(ordinal), hour) == expected


@pytest.mark.parametrize(("text", "code"), [("2025-01-01 13:30", "error.air_not_on_hour"),
                                            ("2025-02-30", "error.air_bad_time"),
                                            ("昨天", "error.air_bad_time")])
def test_bad_times(text, code):
    assert measurements._time(text) == code


def test_grouping_finds_values_a_sample_missed():
    import numpy as np
    from core.air.columns import grouped
    values = np.array([5] * 100_000 + [7, 3] + [5] * 100_000, dtype=np.uint64)
    distinct, codes, first = grouped(values)
    assert distinct.tolist() == [3, 5, 7]
    assert (distinct[codes] == values).all()
    assert first.tolist() == [100_001, 0, 100_000]


def test_blank_lines_and_a_last_line_without_its_end(ledger, tmp_path):
    lines = [",".join(DAILY_HEADER)] + [",".join(str(c) for c in r) for r in _daily_rows()]
    lines.insert(2, "")
    lines[-1] = lines[-1].replace("160", "16O")   # a letter O in the last line
    path = tmp_path / "blank.csv"
    path.write_bytes("\n".join(lines).encode("gb18030"))   # no line end after the last row
    with pytest.raises(measurements.AirImportRejected) as caught:
        measurements.import_file(ledger, path)
    assert [(i.row, i.column) for i in caught.value.issues] == [(5, "E")]   # its AQI
    path.write_bytes("\n".join(lines).replace("16O", "160").encode("gb18030"))
    assert measurements.import_file(ledger, path).added == 3


def test_a_file_per_unit_makes_the_unit_its_own_station(ledger, tmp_path):
    header = ["区县", "日期", "PM2.5", "PM10", "SO2", "NO2", "CO", "O3-8H"]
    rows = [["曲沃县", "2025-01-05", 88, 140, 30, 40, 1.8, 42],
            ["霍州市", "2025-01-05", 101, 150, 35, 45, 2.0, 40]]
    outcome = measurements.import_file(ledger, write_csv(tmp_path / "u.csv", header, rows))
    assert (outcome.added, outcome.stations_added) == (2, 2)
    found = ledger.conn.execute(
        "SELECT region_code, pm25, aqi FROM air_unit_day WHERE day = '2025-01-05' "
        "ORDER BY region_code").fetchall()
    # 88: 50/40·13 + 100 = 116.25 → 117; 101: 50/40·26 + 100 = 132.5 → 133; the city: 94.5
    assert [tuple(r) for r in found] == [("141000", 94.5, 124), ("141021", 88.0, 117),
                                         ("141082", 101.0, 133)]


def test_a_file_read_in_many_blocks_gives_the_same_days_and_rows(ledger, tmp_path, monkeypatch):
    rows = []
    for day in ("2025-01-01", "2025-01-02", "2025-01-03"):
        rows += hourly_rows("A1", "曲沃县环保局", "曲沃县", day)
        rows += hourly_rows("B2", "霍州市环保局", "霍州市", day, pm25=lambda h: 70 - h)
    path = write_csv(tmp_path / "h.csv", HOURLY_HEADER, rows)
    monkeypatch.setattr(measurements._Reader, "BLOCK_BYTES", 500)   # a dozen lines a block
    bad = list(map(list, rows))
    bad[130][9] = "7O"
    with pytest.raises(measurements.AirImportRejected) as caught:
        measurements.import_file(ledger, write_csv(tmp_path / "bad.csv", HOURLY_HEADER, bad))
    assert [(i.row, i.column) for i in caught.value.issues] == [(132, "J")]
    outcome = measurements.import_file(ledger, path)
    assert (outcome.rows, outcome.added) == (144, 6)
    assert _station_day(ledger, "B2", "2025-01-03")["pm25"] == pytest.approx(70 - 11.5)


def test_units_beyond_gb2260_are_air_units(ledger, tmp_path):
    """A development zone (a row of `region` since codes-units) names stations in a file
    by its name or its code, as the shared resolver reads it; the city's value counts it."""
    from core import units
    from core.air import stations

    units.add(ledger, "临汾经济开发区", "zone")
    assert stations.unit_code(ledger, "临汾经济开发区") == "141000Z01"
    assert stations.unit_code(ledger, "141000z01") == "141000Z01"
    assert stations.unit_code(ledger, "尧都") == "141002"
    assert stations.unit_code(ledger, "临汾市尧都区") == "141002"
    assert stations.unit_code(ledger, "没有这个区") is None
    rows = [["临汾市", "临汾经济开发区", "开发区站", "2025/1/5", 150, "PM2.5", 110, 160, 35, 48,
             40, 2.1],
            ["临汾市", "尧都区", "市监测站", "2025/1/5", 172, "PM2.5", 130, 190, 44, 55, 38, 2.8]]
    outcome = measurements.import_file(ledger, write_csv(tmp_path / "日报.csv", DAILY_HEADER, rows))
    assert (outcome.rows, outcome.added) == (2, 2)
    zone = ledger.conn.execute("SELECT pm25, stations FROM air_unit_day "
                               "WHERE region_code = '141000Z01'").fetchone()
    assert tuple(zone) == (110.0, 1)
    city = ledger.conn.execute("SELECT pm25, stations FROM air_unit_day "
                               "WHERE region_code = '141000'").fetchone()
    assert tuple(city) == (120.0, 2)
