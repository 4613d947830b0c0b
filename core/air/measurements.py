"""Importing monitoring data: hourly or daily concentrations per station (or per unit).

Hourly values become daily values per GB 3095-2012 and HJ 663-2013: a 24-h mean needs at
least 20 hourly values; O3's daily maximum 8-h mean is the largest of the 8-h moving means of
the natural day (windows ending 08:00 … 24:00), each needing 6 hourly values, with at least 14
such means (fewer still count when the maximum exceeds the 160 µg/m³ limit). A value that
misses its rule is stored as missing and the day is marked with the pollutants concerned.

The import is all-or-nothing: any bad cell (a text that is no number, a negative value, an
unknown unit, a time twice for one station) refuses the whole file, each cell named by row
and column. Importing the same file again changes nothing; a day already stored whose value
differs is a correction, recorded (who, when, old and new value) and reported.

Columns are handled whole rather than row by row: each distinct text of a column (a year of
hourly data has 8,760 times, 200 stations and a few hundred distinct readings per pollutant)
is parsed once, and the rows are grouped with numpy.
"""
from __future__ import annotations

import datetime as dt
import gc
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, TYPE_CHECKING

import numpy as np

from .. import bulk, dates, messages, regions, settings
from ..changes import Changes
from ..db import now
from ..errors import LedgerError
from ..ids import new_ids
from ..ledger_import.rows import CellIssue
from . import aqi, stations
from ..progress import Cancelled, Progress
from ..spreadsheet import column_letter
from .columns import Bytes, Column, key_column, number_column
from .columns import split as columns_split
from .sources import Source, open_source

if TYPE_CHECKING:
    from ..ledger import Ledger


POLLUTANTS = ("so2", "no2", "pm10", "co", "o3_1h", "o3_8h", "pm25")
# The six whose daily values make a day's AQI valid (O3 by its 8-h maximum).
REQUIRED = ("so2", "no2", "pm10", "co", "o3_8h", "pm25")
HOURS_FOR_DAY = 20
HOURS_FOR_8H = 6
WINDOWS_FOR_DAY = 14
O3_8H_LIMIT = 160.0
MAX_ISSUES = 200
_BLANKS = frozenset({"", "-", "—", "--", "/", "NA", "N/A", "NAN", "NULL", "NONE", "无效",
                     "无", "缺测", "维护"})
_TIME = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|T|\s*日\s*)(\d{1,2})"                      # the hour
    r"(?:\s*[:：时]\s*(\d{1,2})?(?:\s*[:：]\s*\d{1,2}(?:\.\d+)?)?\s*分?)?)?$")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(\d{2})?$")
_HOUR = re.compile(r"^(\d{1,2})(?:\s*[:：时]\s*(?:00?)?(?:\s*[:：]\s*00?)?\s*分?)?$")


class AirImportRejected(LedgerError):
    """The file has bad cells; `issues` lists them (at most MAX_ISSUES), `count` all."""

    def __init__(self, issues: list[CellIssue], count: int):
        self.issues = issues
        super().__init__("error.air_import_rejected", count=count)


class AirImportCancelled(LedgerError):
    def __init__(self) -> None:
        super().__init__("error.import_cancelled")


@dataclass(frozen=True)
class Correction:
    """A stored daily value that the import changed."""

    station: str
    day: str
    pollutant: str
    old: float | None
    new: float | None

    def __str__(self) -> str:
        def shown(v):
            return "—" if v is None else f"{aqi.concentration(self.pollutant, v):g}"
        return messages.text("air.correction", station=self.station, day=self.day,
                             pollutant=messages.label("air.pollutant." + self.pollutant),
                             old=shown(self.old), new=shown(self.new))


@dataclass
class Outcome:
    """What an import did."""

    file_name: str
    kind: str               # hourly or daily
    rows: int
    stations_added: int
    added: int              # station days new to the ledger
    corrected: int          # station days whose values changed
    unchanged: int
    first_day: str | None
    last_day: str | None
    corrections: list[Correction] = field(default_factory=list)
    invalid_days: int = 0   # station days with a pollutant that missed its validity rule
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        return messages.text("air.import_summary", file=self.file_name,
                             kind=messages.label("air.kind." + self.kind), rows=self.rows,
                             first=self.first_day or "—", last=self.last_day or "—",
                             added=self.added, corrected=self.corrected,
                             unchanged=self.unchanged, stations=self.stations_added,
                             invalid=self.invalid_days)


# -- reading cells

def _number(value: object) -> float | str:
    """A concentration, nan for a blank, or the message code of what is wrong."""
    if value is None:
        return np.nan
    if isinstance(value, bool):
        return "error.air_not_number"
    if isinstance(value, (int, float)):
        number = float(value)
    else:
        text = str(value).strip().upper().replace(",", "")
        if text in _BLANKS:
            return np.nan
        try:
            number = float(text)
        except ValueError:
            return "error.air_not_number"
    if number != number:
        return np.nan
    if number < 0:
        return "error.air_negative"
    return number


def _time(value: object) -> tuple[int, int | None] | str:
    """(date ordinal, hour or None) of a time cell, or the message code of what is wrong."""
    if isinstance(value, dt.datetime):
        if value.minute or value.second:
            return "error.air_not_on_hour"
        return value.toordinal(), value.hour
    if isinstance(value, dt.date):
        return value.toordinal(), None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        whole = int(value)
        hours = round((value - whole) * 24, 6)
        if hours != int(hours):
            return "error.air_not_on_hour"
        try:
            day = dates.from_excel_serial(whole)
        except (ValueError, OverflowError):
            return "error.air_bad_time"
        return day.toordinal(), int(hours) if value != whole else None
    text = str(value or "").strip().translate(dates._FULLWIDTH)
    if not text:
        return "error.air_blank_time"
    match = _TIME.match(text) or _COMPACT.match(text)
    if not match:
        return "error.air_bad_time"
    parts = match.groups()
    try:
        day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        return "error.air_bad_time"
    if len(parts) > 4 and parts[4] not in (None, "", "0", "00"):
        return "error.air_not_on_hour"
    hour = None if parts[3] is None else int(parts[3])
    if hour is not None and hour > 24:
        return "error.air_bad_time"
    return day.toordinal(), hour


def _hour(value: object) -> int | str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != int(value) or not 0 <= value <= 24:
            return "error.air_bad_hour"
        return int(value)
    if isinstance(value, dt.time):
        return value.hour if not value.minute else "error.air_not_on_hour"
    match = _HOUR.match(str(value or "").strip())
    if not match or int(match.group(1)) > 24:
        return "error.air_bad_hour"
    return int(match.group(1))


# -- the column pass

class _Reader:
    """Turns a source's rows into arrays: row number, station index, day ordinal, hour and
    the values of each pollutant, collecting every bad cell on the way."""

    def __init__(self, ledger: Ledger, source: Source):
        self.ledger = ledger
        self.source = source
        self.fields = source.fields
        self.issues: list[CellIssue] = []
        self.issue_count = 0
        self.station_keys: dict[str, int] = {}
        self.station_names: list[str] = []
        self.station_units: list[str | None] = []
        self.unit_cache: dict[object, str | None] = {}
        self.resolver: regions.Resolver | None = None
        self.parts: dict[str, list] = {}
        self.rows = 0
        self.pollutant_columns = self._pollutant_columns()
        self.hourly = "hour" in self.fields

    def _pollutant_columns(self) -> dict[str, int]:
        f = self.fields
        return {p: f[p] for p in ("so2", "no2", "pm10", "co", "pm25", "o3_1h", "o3_8h", "o3")
                if p in f}

    @property
    def key_fields(self) -> list[str]:
        return [k for k in ("time", "hour", "station_code", "station_name", "unit_code", "unit",
                            "city", "primary") if k in self.fields]

    def issue(self, row: int, column: int | None, value: object, code: str, **params) -> None:
        self.issue_count += 1
        if len(self.issues) < MAX_ISSUES:
            letter = column_letter(column) if column is not None else ""
            header = self.source.headers[column] if column is not None and column < len(
                self.source.headers) else ""
            self.issues.append(CellIssue(row, letter, header, value, code, params))

    def _parsed(self, column: Column, parse, numbers: np.ndarray, index: int) -> list:
        """`parse` of each distinct value; rows holding a bad one become issues."""
        parsed = [parse(value) for value in column.uniques]
        bad = [i for i, p in enumerate(parsed) if isinstance(p, str)]
        if bad:
            for position in column.rows_with(bad)[:MAX_ISSUES]:
                value = column.uniques[column.codes[position]]
                self.issue(int(numbers[position]), index, value, parsed[column.codes[position]])
            self.issue_count += max(0, len(column.rows_with(bad)) - MAX_ISSUES)
        return parsed

    # -- the two ways in: lists of cells (Excel, quoted CSV) or the bytes of a plain CSV
    def read_rows(self, first_row: int, rows: list[list]) -> None:
        width = max(self.fields.values()) + 1
        if rows and min(map(len, rows)) < width:
            rows = [r if len(r) >= width else list(r) + [None] * (width - len(r)) for r in rows]
        numbers = np.arange(first_row, first_row + len(rows), dtype=np.int64)
        rows, numbers = self._without_blank_rows(rows, numbers)
        if not rows:
            return
        columns = list(zip(*rows))
        keys = {name: Column.of(list(columns[self.fields[name]])) for name in self.key_fields}
        values = {}
        for pollutant, index in self.pollutant_columns.items():
            column = Column.of(list(columns[index]))
            parsed = self._parsed(column, _number, numbers, index)
            table = np.array([p if isinstance(p, float) else np.nan for p in parsed])
            values[pollutant] = table[column.codes]
        if "aqi" in self.fields:
            column = Column.of(list(columns[self.fields["aqi"]]))
            parsed = self._parsed(column, _number, numbers, self.fields["aqi"])
            values["aqi"] = np.array([p if isinstance(p, float) else np.nan
                                      for p in parsed])[column.codes]
        self._take(numbers, keys, values)

    BLOCK_BYTES = 8 * 1024**2

    def read_bytes(self, data: bytes, offset: int, encoding: str, delimiter: str,
                   first_row: int) -> bool:
        """Read a plain CSV body from its bytes, a block of lines at a time (small arrays
        stay in the processor's caches and memory is reused); False when it is not plain
        (then nothing is kept and the caller reads it as rows)."""
        if data.find(b'"', offset) >= 0:
            return False
        start = offset
        while start < len(data):
            end = data.find(b"\n", min(start + self.BLOCK_BYTES, len(data)))
            end = len(data) if end < 0 else end + 1
            if not self._read_block(data[start:end], encoding, delimiter, first_row):
                self.__init__(self.ledger, self.source)
                return False
            first_row += data.count(b"\n", start, end)
            start = end
        return True

    def _read_block(self, block: bytes, encoding: str, delimiter: str, first_row: int) -> bool:
        found = columns_split(block, 0, delimiter)
        width = max(self.fields.values()) + 1
        if found is None or (len(found.lines) and found.fields < width):
            return False
        if not len(found.lines):
            return True
        source = Bytes(block)
        line_numbers = first_row + found.lines.astype(np.int64)
        bounds = {index: found.bounds(index) for index in set(self.fields.values())}
        blank = np.ones(len(line_numbers), dtype=bool)
        for start, end in bounds.values():
            blank &= end == start
        if blank.all():
            return True
        if blank.any():
            line_numbers = line_numbers[~blank]
            bounds = {i: (a[~blank], b[~blank]) for i, (a, b) in bounds.items()}
        keys = self._station_keys(source, bounds, encoding, delimiter)
        for name in self.key_fields:
            if name in keys:
                continue
            column = key_column(source, *bounds[self.fields[name]], encoding)
            if column is None:
                return False
            keys[name] = column
        values = {}
        wanted = dict(self.pollutant_columns)
        if "aqi" in self.fields:
            wanted["aqi"] = self.fields["aqi"]
        for pollutant, index in wanted.items():
            read = number_column(source, *bounds[index])
            for position, raw in read.odd.items():
                value = _number(raw.decode(encoding, errors="replace"))
                if isinstance(value, str):
                    self.issue(int(line_numbers[position]), index,
                               raw.decode(encoding, errors="replace"), value)
                else:
                    read.values[position] = value
            values[pollutant] = read.values
        self._take(line_numbers, keys, values)
        return True

    _STATION_FIELDS = ("station_code", "station_name", "unit_code", "unit", "city")

    def _station_keys(self, source: Bytes, bounds: dict, encoding: str,
                      delimiter: str) -> dict[str, Column]:
        """Station, name and unit side by side are grouped as one text (one pass, not
        three): each distinct line part is split into its fields."""
        names = [n for n in self._STATION_FIELDS if n in self.fields]
        indices = sorted(self.fields[n] for n in names)
        if len(names) < 2 or indices != list(range(indices[0], indices[-1] + 1)):
            return {}
        span = key_column(source, bounds[indices[0]][0], bounds[indices[-1]][1], encoding)
        if span is None:
            return {}
        parts = [text.split(delimiter) for text in span.uniques]
        return {name: Column([p[self.fields[name] - indices[0]].strip() for p in parts],
                             span.codes) for name in names}

    def _without_blank_rows(self, rows: list[list], numbers: np.ndarray):
        """Rows with anything in them: a blank time is looked at closer, rarely."""
        column = self.fields["time"]
        times = {r[column] for r in rows}
        if "" not in times and None not in times:
            return rows, numbers
        keep = [r[column] not in ("", None) or any(c not in (None, "") for c in r)
                for r in rows]
        return [r for r, k in zip(rows, keep) if k], numbers[np.array(keep, dtype=bool)]

    # -- what both ways share
    def _take(self, numbers: np.ndarray, keys: dict[str, Column],
              values: dict[str, np.ndarray]) -> None:
        n = len(numbers)
        self.rows += n
        f = self.fields
        self._append("row", numbers)
        times = keys["time"]
        parsed = self._parsed(times, _time, numbers, f["time"])
        ordinal = np.array([t[0] if isinstance(t, tuple) else 0 for t in parsed],
                           dtype=np.int64)
        hour = np.array([-1 if not isinstance(t, tuple) or t[1] is None else t[1]
                         for t in parsed], dtype=np.int64)
        self._append("day", ordinal[times.codes])
        if "hour" in keys:
            hours = self._parsed(keys["hour"], _hour, numbers, f["hour"])
            table = np.array([h if isinstance(h, int) else -1 for h in hours], dtype=np.int64)
            self._append("hour", table[keys["hour"].codes])
        else:
            self._append("hour", hour[times.codes])
            if (hour > 0).any():
                self.hourly = True
        self._append("station", self._stations(keys, numbers))
        for pollutant in self.pollutant_columns:
            self._append(pollutant, values[pollutant])
        if "aqi" in values:
            self._append("aqi_reported", values["aqi"])
        if "primary" in keys:
            primary = keys["primary"]
            self._append("primary_reported", np.array(
                [str(p).strip() if p not in (None, "") else None for p in primary.uniques],
                dtype=object)[primary.codes])

    def _append(self, key: str, array) -> None:
        self.parts.setdefault(key, []).append(array)

    def array(self, key: str) -> np.ndarray:
        parts = self.parts.get(key, [])
        return np.concatenate(parts) if parts else np.zeros(0)

    def _stations(self, keys: dict[str, Column], numbers: np.ndarray) -> np.ndarray:
        """The index of each row's station (in a file per unit, the unit is the station)."""
        f = self.fields
        key_name = next((k for k in ("station_code", "station_name", "unit_code", "unit", "city")
                         if k in keys), None)
        unit_name = next((k for k in ("unit_code", "unit", "city") if k in keys), None)
        key = keys[key_name]
        unit = keys.get(unit_name) if unit_name else None
        name = keys.get("station_name", key)
        n = len(key.codes)
        combined = key.codes * (len(unit.uniques) if unit else 1) + (unit.codes if unit else 0)
        combined = combined * len(name.uniques) + name.codes
        distinct, first = np.unique(combined, return_index=True)
        station_of = np.zeros(len(key.uniques), dtype=np.int64)
        for position in first:
            self._station(key.uniques[key.codes[position]],
                          unit.uniques[unit.codes[position]] if unit else None,
                          name.uniques[name.codes[position]], key, unit, position, numbers,
                          f[key_name], f[unit_name] if unit_name else None, station_of)
        return station_of[key.codes] if n else np.zeros(0, dtype=np.int64)

    def _station(self, key_value, unit_value, name_value, key: Column, unit: Column | None,
                 position: int, numbers: np.ndarray, key_index: int,
                 unit_index: int | None, station_of: np.ndarray) -> None:
        text = _text(key_value)
        code = key.codes[position]
        if not text:
            for row in key.rows_with([int(code)])[:MAX_ISSUES]:
                self.issue(int(numbers[row]), key_index, None, "error.air_blank_station")
            return
        region = self._unit(unit_value, unit, unit.codes[position], numbers,
                            unit_index) if unit is not None else None
        number = self.station_keys.get(text)
        if number is None:
            number = len(self.station_names)
            self.station_keys[text] = number
            self.station_names.append(_text(name_value) or text)
            self.station_units.append(region)
        elif region is not None and self.station_units[number] not in (None, region):
            self.issue(int(numbers[position]), unit_index, unit_value,
                       "error.air_station_two_units", station=text)
        elif self.station_units[number] is None:
            self.station_units[number] = region
        station_of[code] = number

    def _unit(self, value: object, unit: Column, code: int, numbers: np.ndarray,
              column: int) -> str | None:
        if value not in self.unit_cache:
            text = _text(value)
            if text and self.resolver is None:
                self.resolver = regions.Resolver(self.ledger, local_only=True)
            self.unit_cache[value] = (stations.unit_code(self.ledger, text, self.resolver)
                                      if text else None)
            if self.unit_cache[value] is None:
                reason = "error.air_unknown_unit" if text else "error.air_blank_unit"
                rows = unit.rows_with([int(code)])
                for row in rows[:MAX_ISSUES]:
                    self.issue(int(numbers[row]), column, value, reason)
        return self.unit_cache[value]


def _text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return "" if value is None else str(value).strip()


# -- from rows to station days

@dataclass
class StationDays:
    """Daily values per (station, day): arrays of equal length."""

    station: np.ndarray
    day: np.ndarray               # date ordinals
    values: dict[str, np.ndarray]  # pollutant → values (nan: missing or invalid)
    hours: np.ndarray | None      # hourly values read (None for a daily file)
    invalid: list[str]            # per day: pollutants that missed their rule, comma-joined
    aqi_reported: np.ndarray | None = None
    primary_reported: list | None = None


def _duplicates(reader: _Reader, keys: np.ndarray, row_numbers: np.ndarray,
                dense: bool = False) -> None:
    """An issue at each row whose key an earlier row had (`dense`: keys are small
    non-negative integers, counted without sorting)."""
    if dense and len(keys) and np.bincount(keys).max() <= 1:
        return
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    repeated = np.nonzero(sorted_keys[1:] == sorted_keys[:-1])[0]
    column = reader.fields["time"]
    for position in repeated[:MAX_ISSUES]:
        row = int(row_numbers[order[position + 1]])
        reader.issue(row, column, None, "error.air_duplicate_time")
    reader.issue_count += max(0, len(repeated) - MAX_ISSUES)


def _daily_from_daily(reader: _Reader, row_numbers: np.ndarray) -> StationDays:
    station, day = reader.array("station").astype(np.int64), reader.array("day").astype(np.int64)
    _duplicates(reader, station * 10_000_000 + day, row_numbers)
    values = {}
    for pollutant in POLLUTANTS:
        source = pollutant if pollutant in reader.pollutant_columns else (
            "o3" if pollutant == "o3_8h" and "o3" in reader.pollutant_columns else None)
        values[pollutant] = reader.array(source) if source else np.full(len(day), np.nan)
    invalid = [""] * len(day)
    aqi_reported = reader.array("aqi_reported") if "aqi_reported" in reader.parts else None
    primary = (list(reader.array("primary_reported"))
               if "primary_reported" in reader.parts else None)
    return StationDays(station, day, values, None, invalid, aqi_reported, primary)


def _daily_from_hourly(reader: _Reader, row_numbers: np.ndarray) -> StationDays:
    station = reader.array("station").astype(np.int64)
    day = reader.array("day").astype(np.int64)
    hour = reader.array("hour").astype(np.int64)
    if (hour == 24).any():  # hours labelled by their end (01:00 … 24:00)
        hour = hour - 1
        day = np.where(hour < 0, day - 1, day)
        hour = np.where(hour < 0, 23, hour)
    missing_hour = hour < 0
    if missing_hour.any():
        column = reader.fields.get("hour", reader.fields["time"])
        for row in row_numbers[missing_hour][:MAX_ISSUES]:
            reader.issue(int(row), column, None, "error.air_no_hour")
        return StationDays(station[:0], day[:0], {}, None, [])
    first = int(day.min())
    span = int(day.max()) - first + 1
    stations_n = int(station.max()) + 1
    cell = (station * span + (day - first)) * 24 + hour
    _duplicates(reader, cell, row_numbers, dense=True)
    present = np.zeros(stations_n * span, dtype=bool)
    present[station * span + (day - first)] = True
    keep = np.nonzero(present)[0]
    values: dict[str, np.ndarray] = {}
    invalid_parts: dict[str, np.ndarray] = {}
    counts_max = np.zeros(len(keep), dtype=np.int64)
    for pollutant, column in reader.pollutant_columns.items():
        if pollutant == "o3_8h" or (pollutant == "o3_1h" and "o3" in reader.pollutant_columns):
            continue  # hourly O3 gives both daily maxima
        cube = np.full(stations_n * span * 24, np.nan)
        cube[cell] = reader.array(pollutant)
        cube = cube.reshape(stations_n * span, 24)[keep]
        valid = ~np.isnan(cube)
        count = valid.sum(axis=1)
        counts_max = np.maximum(counts_max, count)
        total = np.where(valid, cube, 0.0).sum(axis=1)
        enough = count >= HOURS_FOR_DAY
        name = pollutant
        if pollutant in ("o3", "o3_1h"):
            top = np.where(valid, cube, -np.inf).max(axis=1)
            values["o3_1h"] = np.where(enough, top, np.nan)
            invalid_parts["o3_1h"] = (count > 0) & ~enough
            values["o3_8h"], invalid_parts["o3_8h"] = _o3_8h(cube, valid)
            continue
        with np.errstate(invalid="ignore", divide="ignore"):
            values[name] = np.where(enough, total / np.maximum(count, 1), np.nan)
        invalid_parts[name] = (count > 0) & ~enough
    for pollutant in POLLUTANTS:
        values.setdefault(pollutant, np.full(len(keep), np.nan))
    invalid = _invalid_lists(invalid_parts, len(keep))
    return StationDays(keep // span, keep % span + first, values, counts_max, invalid)


def _o3_8h(cube: np.ndarray, valid: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each day's maximum 8-h moving mean over the windows that end 08:00 … 24:00."""
    filled = np.where(valid, cube, 0.0)
    sums = np.concatenate([np.zeros((len(cube), 1)), filled.cumsum(axis=1)], axis=1)
    counts = np.concatenate([np.zeros((len(cube), 1), dtype=np.int64),
                             valid.cumsum(axis=1)], axis=1)
    window_sum = sums[:, 8:] - sums[:, :-8]          # 17 windows: hours 0–7 … 16–23
    window_count = counts[:, 8:] - counts[:, :-8]
    good = window_count >= HOURS_FOR_8H
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(good, window_sum / np.maximum(window_count, 1), -np.inf)
    top = means.max(axis=1)
    windows = good.sum(axis=1)
    valid_day = (windows >= WINDOWS_FOR_DAY) | ((windows > 0) & (top > O3_8H_LIMIT))
    return np.where(valid_day, top, np.nan), (valid.sum(axis=1) > 0) & ~valid_day


def _invalid_lists(parts: dict[str, np.ndarray], n: int) -> list[str]:
    if not parts or not any(p.any() for p in parts.values()):
        return [""] * n
    names = [p for p in POLLUTANTS if p in parts]
    flags = np.stack([parts[p] for p in names], axis=1)
    return [",".join(name for name, flag in zip(names, row) if flag) if row.any() else ""
            for row in flags]


# -- the import

def import_file(ledger: Ledger, path: str | Path, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> Outcome:
    """Import the monitoring file at `path` in one transaction (see the module's text)."""
    was_enabled = gc.isenabled()
    gc.disable()  # millions of cells, none in a cycle
    try:
        return _import(ledger, Path(path), progress, cancelled)
    finally:
        if was_enabled:
            gc.enable()


def _import(ledger: Ledger, path: Path, progress: Progress | None,
            cancelled: Cancelled | None) -> Outcome:
    source = open_source(path)
    reader = _Reader(ledger, source)
    reading = messages.text("air.progress_reading")
    if progress:
        progress(0, 0, reading)
    if source.data is None or not reader.read_bytes(
            source.data, source.offset, source.encoding, source.delimiter,
            source.header_row + 1):
        for first_row, rows in source.rows():
            if cancelled and cancelled():
                raise AirImportCancelled()
            reader.read_rows(first_row, rows)
            if progress:
                progress(reader.rows, 0, reading)
    if reader.rows == 0 and not reader.issues:
        raise LedgerError("error.air_no_rows", path=path.name)
    numbers = reader.array("row").astype(np.int64)
    if not reader.issues:
        days = (_daily_from_hourly if reader.hourly else _daily_from_daily)(reader, numbers)
    if reader.issues:
        reader.issues.sort(key=lambda i: (i.row, i.column))
        raise AirImportRejected(reader.issues, reader.issue_count)
    if cancelled and cancelled():
        raise AirImportCancelled()
    if progress:
        progress(reader.rows, reader.rows, messages.text("air.progress_writing"))
    return _store(ledger, path, reader, days, _file_hash(path, source.data))


def _file_hash(path: Path, data: bytes | None = None) -> str:
    if data is not None:
        return hashlib.sha256(data).hexdigest()
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _store(ledger: Ledger, path: Path, reader: _Reader, days: StationDays,
           sha256: str) -> Outcome:
    conn = ledger.conn
    stamp = now()
    known = stations.by_code(ledger)
    import_id, *fresh = new_ids(1 + len(reader.station_names))
    ids, added_stations = [], []
    for number, key in enumerate(reader.station_keys):
        station = known.get(key)
        if station is None:
            region = reader.station_units[number]
            if region is None:
                raise LedgerError("error.air_station_unknown", station=key)
            added_stations.append((fresh[number], stamp, stamp, ledger.operator, key,
                                   reader.station_names[number], region))
            ids.append(fresh[number])
        else:
            ids.append(station.id)
    day_text = ({o: dt.date.fromordinal(o).isoformat()
                 for o in range(int(days.day.min()), int(days.day.max()) + 1)}
                if len(days.day) else {})
    first = min(day_text.values()) if day_text else None
    last = max(day_text.values()) if day_text else None
    rows = _day_rows(days, ids, day_text, import_id)
    with bulk.tuned(conn), ledger.transaction():
        conn.executemany("INSERT INTO air_station VALUES (?, ?, ?, ?, ?, ?, ?)", added_stations)
        stored = _stored(ledger, sorted(set(ids)), first, last)
        new, changed, corrections = _compare(rows, stored, reader, ids)
        conn.execute(
            "INSERT INTO air_import (id, created_at, updated_at, operator, file_name, sha256, "
            "kind, first_day, last_day, added, corrected, unchanged) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (import_id, stamp, stamp, ledger.operator, path.name, sha256,
             "hourly" if reader.hourly else "daily", first, last, len(new), len(changed),
             len(rows) - len(new) - len(changed)))
        conn.executemany(f"INSERT OR REPLACE INTO air_station_day VALUES ({_MARKS})",
                         new + changed)
        _record_corrections(ledger, import_id, stamp, corrections, ids)
        if new or changed:
            units = {reader.station_units[n] or known[k].region_code
                     for n, k in enumerate(reader.station_keys)}
            refresh_units(ledger, units, first, last)
    invalid = sum(1 for text in days.invalid if text)
    tables = ["air_import"] + (["air_station"] if added_stations else []) + (
        ["air_station_day", "air_unit_day"] if new or changed else []) + (
        ["air_correction"] if corrections else [])
    return Outcome(path.name, "hourly" if reader.hourly else "daily", reader.rows,
                   len(added_stations), len(new), len(changed),
                   len(rows) - len(new) - len(changed), first, last,
                   [c for c, _ in corrections], invalid, Changes.of(*tables, ids=(import_id,)))


_COLUMNS = ("station_id", "day", *POLLUTANTS, "hours", "invalid", "aqi_reported",
            "primary_reported", "import_id")
_MARKS = ", ".join("?" for _ in _COLUMNS)


def _nullable(values: np.ndarray, places: int | None = None) -> list:
    """A column for SQLite: nan as NULL, floats rounded to `places` (None: integers)."""
    missing = np.isnan(values)
    shown = (np.round(values, places) if places is not None else values).astype(object)
    if places is None:
        shown = np.where(missing, 0, values).astype(np.int64).astype(object)
    shown[missing] = None
    return shown.tolist()


def _day_rows(days: StationDays, ids: list[str], day_text: dict, import_id: str) -> list[tuple]:
    n = len(days.day)
    columns = [_nullable(days.values[p], 4) for p in POLLUTANTS]
    hours = days.hours.tolist() if days.hours is not None else [None] * n
    reported = (_nullable(days.aqi_reported) if days.aqi_reported is not None else [None] * n)
    primary = (list(days.primary_reported) if days.primary_reported is not None
               else [None] * n)
    station_ids = np.array(ids, dtype=object)[days.station].tolist()
    day_names = []
    if n:
        first = int(days.day.min())
        names = np.array([day_text[d] for d in range(first, int(days.day.max()) + 1)],
                         dtype=object)
        day_names = names[days.day - first].tolist()
    invalid = [text or None for text in days.invalid]
    return list(zip(station_ids, day_names, *columns, hours, invalid, reported, primary,
                    [import_id] * n))


def _stored(ledger: Ledger, station_ids: list[str], first: str | None,
            last: str | None) -> dict[tuple[str, str], tuple]:
    if first is None:
        return {}
    found = {}
    for start in range(0, len(station_ids), 500):
        part = station_ids[start:start + 500]
        marks = ", ".join("?" for _ in part)
        for row in ledger.conn.execute(
                f"SELECT station_id, day, {', '.join(POLLUTANTS)} FROM air_station_day "
                f"WHERE station_id IN ({marks}) AND day BETWEEN ? AND ?", (*part, first, last)):
            found[(row[0], row[1])] = tuple(row[2:])
    return found


def _compare(rows: list[tuple], stored: dict, reader: _Reader, ids: list[str]):
    new, changed, corrections = [], [], []
    names = {station_id: key for key, station_id in zip(reader.station_keys, ids)}
    width = len(POLLUTANTS)
    for row in rows:
        before = stored.get((row[0], row[1]))
        if before is None:
            new.append(row)
            continue
        after = row[2:2 + width]
        if before == after:
            continue
        changed.append(row)
        for pollutant, old, value in zip(POLLUTANTS, before, after):
            if old != value:
                corrections.append((Correction(names[row[0]], row[1], pollutant, old, value),
                                    row[0]))
    return new, changed, corrections


def _record_corrections(ledger: Ledger, import_id: str, stamp: str,
                        corrections: list[tuple[Correction, str]], ids: list[str]) -> None:
    if not corrections:
        return
    row_ids = new_ids(len(corrections))
    ledger.conn.executemany(
        "INSERT INTO air_correction (id, created_at, updated_at, operator, import_id, "
        "station_id, day, pollutant, old, new) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(row_id, stamp, stamp, ledger.operator, import_id, station_id, c.day, c.pollutant,
          c.old, c.new) for row_id, (c, station_id) in zip(row_ids, corrections)])


# -- unit days

def refresh_units(ledger: Ledger, units: Iterable[str], first: str, last: str) -> None:
    """Recompute the daily values and AQI of `units` and the regions above them (up to the
    jurisdiction) from their stations, for the days `first` … `last`."""
    top = settings.jurisdiction(ledger)
    touched = set()
    for unit in units:
        touched.add(unit)
        above = stations.ancestors(ledger, unit, top)
        if top in above:
            touched.update(above)
    for unit in sorted(touched):
        codes = [unit, *stations.unit_codes_under(ledger, unit)]
        _refresh_unit(ledger, unit, codes, first, last)


def _refresh_unit(ledger: Ledger, unit: str, codes: list[str], first: str, last: str) -> None:
    conn = ledger.conn
    conn.execute("DELETE FROM air_unit_day WHERE region_code = ? AND day BETWEEN ? AND ?",
                 (unit, first, last))
    marks = ", ".join("?" for _ in codes)
    means = ", ".join(f"avg(d.{p})" for p in POLLUTANTS)
    rows = conn.execute(
        f"SELECT d.day, {means}, count(*) FROM air_station_day d "
        f"JOIN air_station s ON s.id = d.station_id "
        f"WHERE s.region_code IN ({marks}) AND d.day BETWEEN ? AND ? GROUP BY d.day",
        (*codes, first, last)).fetchall()
    columns = {p: np.array([np.nan if r[1 + i] is None else r[1 + i] for r in rows], dtype=float)
               for i, p in enumerate(POLLUTANTS)}
    aqis, levels, primaries = aqi.daily_arrays(columns)
    complete = np.ones(len(rows), dtype=bool)
    for pollutant in REQUIRED:
        complete &= ~np.isnan(columns[pollutant])
    out = []
    for row, value, level, primary, ok in zip(rows, aqis, levels, primaries, complete.tolist()):
        out.append((unit, row[0], *row[1:1 + len(POLLUTANTS)], row[-1],
                    value if ok else None, primary if ok else None, level if ok else None))
    conn.executemany("INSERT INTO air_unit_day VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     out)


def day_index(values: dict[str, float | None]) -> aqi.Index:
    """A day's AQI: only when each of the six pollutants has a valid daily value."""
    if any(values.get(p) is None for p in REQUIRED):
        return aqi.Index(None, {}, (), None)
    return aqi.daily(values)
