"""Reading a monitoring platform's export: CSV in any encoding or an Excel sheet, its header
found and its columns recognised, handed over in chunks of rows.

Platforms name columns in many ways (``PM2.5(μg/m³)``, ``PM2_5``, ``细颗粒物``, ``O3-8H``,
``臭氧8小时``, ``监测时间``…); a header is recognised after removing units, spaces and
punctuation. A CSV file's encoding is detected from its first bytes (charset-normalizer);
GBK and GB2312 guesses are read as GB18030, their superset, so that a rare character in a
station name never fails a file that GBK would refuse.
"""
from __future__ import annotations

import codecs
import csv
import io
import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from ..errors import LedgerError
from ..ledger_import.workbook import MAX_FILE_BYTES, open_workbook, sheet, worksheet_names
from ..spreadsheet import column_letter

CSV_MAX_BYTES = 1024**3
HEADER_SEARCH_ROWS = 30
_SAMPLE_BYTES = 256 * 1024

# Normalised header → field. Normalising: upper case, units in brackets and every
# non-alphanumeric character removed (so "PM2.5(μg/m³)" is "PM25", "O3-8h" is "O38H").
_HEADERS = {
    "station_code": ("站点编码", "站点代码", "点位编码", "监测点编码", "STATIONCODE", "站号",
                     "测点编码"),
    "station_name": ("站点", "站点名称", "点位", "点位名称", "监测点位", "监测点", "监测站点",
                     "监测站", "站名", "STATION", "测点名称"),
    "unit": ("区县", "县区", "县市区", "地区", "行政区", "行政区划", "单位", "所属区县",
             "区域", "UNIT", "COUNTY", "区县名称", "所属单位"),
    "city": ("城市", "城市名称", "CITY", "所属城市"),
    "unit_code": ("行政区划代码", "区划代码", "区县代码", "城市代码"),
    "time": ("时间", "监测时间", "日期", "监测日期", "时间点", "日期时间", "数据时间", "DATE",
             "TIME", "DATETIME", "TIMEPOINT"),
    "hour": ("小时", "时段", "时次", "HOUR"),
    "so2": ("SO2", "二氧化硫", "SO224H", "SO224小时"),
    "no2": ("NO2", "二氧化氮", "NO224H", "NO224小时"),
    "pm10": ("PM10", "可吸入颗粒物", "PM1024H", "PM1024小时"),
    "co": ("CO", "一氧化碳", "CO24H", "CO24小时"),
    "o3": ("O3", "臭氧"),
    "o3_1h": ("O31H", "O31小时", "臭氧1小时", "O3最大1小时", "O3日最大1小时", "臭氧最大1小时",
              "臭氧日最大1小时", "O31HMAX"),
    "o3_8h": ("O38H", "O38小时", "臭氧8小时", "O38H滑动", "O3最大8小时", "O3日最大8小时",
              "臭氧日最大8小时", "臭氧最大8小时", "O38HMAX", "臭氧8小时滑动平均"),
    "pm25": ("PM25", "细颗粒物", "PM2524H", "PM2524小时"),
    "aqi": ("AQI", "空气质量指数"),
    "primary": ("首要污染物", "PRIMARYPOLLUTANT"),
}
_LOOKUP = {name: key for key, names in _HEADERS.items() for name in names}
_UNITS = re.compile(r"[(（\[【].*?[)）\]】]")
_NOT_WORD = re.compile(r"[^0-9A-Z\u4e00-\u9fff]")
POLLUTANT_FIELDS = ("so2", "no2", "pm10", "co", "o3", "o3_1h", "o3_8h", "pm25")


def normalise(header: object) -> str:
    text = _UNITS.sub("", str(header or "").upper())
    text = text.replace("Μ", "").replace("Ｏ", "O")
    return _NOT_WORD.sub("", text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))


def header_field(header: object) -> str | None:
    return _LOOKUP.get(normalise(header))


@dataclass
class Source:
    """A file's table: where its header is, what each column holds, and its data rows;
    a CSV file also gives its bytes, for reading them without a step per row."""

    name: str
    header_row: int                      # Excel's row number of the header
    headers: list[str]
    fields: dict[str, int]               # field → 0-based column
    rows: Callable[[], Iterator[tuple[int, list[list]]]] = field(repr=False,
                                                                 default=lambda: iter(()))
    data: bytes | None = field(repr=False, default=None)
    offset: int = 0                      # where the data rows begin in `data`
    encoding: str = "utf-8"
    delimiter: str = ","

    def column(self, name: str) -> str:
        """The letters of a field's column, as the user sees them."""
        return column_letter(self.fields[name])


def open_source(path: str | Path, chunk_rows: int = 200_000) -> Source:
    """The monitoring table in the CSV or Excel file at `path`."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_SAMPLE_BYTES)
    except FileNotFoundError:
        raise LedgerError("error.import_no_file", path=str(path)) from None
    except IsADirectoryError:
        raise LedgerError("error.air_not_table", path=path.name) from None
    if not head:
        raise LedgerError("error.import_empty_file", path=path.name)
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return _excel(path, chunk_rows)
    return _csv(path, head, chunk_rows)


def detect_encoding(sample: bytes) -> str:
    """The encoding of a CSV file from its first bytes: UTF-8 (with or without BOM) when it
    decodes so, else charset-normalizer's best guess, GB18030 for the GB family."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4 and len(sample) == _SAMPLE_BYTES:
            return "utf-8"  # a character cut by the end of the sample
    from charset_normalizer import from_bytes

    best = from_bytes(sample).best()
    name = (best.encoding if best else "gb18030").lower().replace("-", "_")
    if name == "big5":
        return "big5"
    if name in ("gbk", "gb2312", "cp936", "gb18030", "hz") or best is None:
        return "gb18030"
    return name


def _csv(path: Path, head: bytes, chunk_rows: int) -> Source:
    size = path.stat().st_size
    if size > CSV_MAX_BYTES:
        raise LedgerError("error.import_too_large", path=path.name,
                          limit=f"{CSV_MAX_BYTES // 1024**2} MB")
    encoding = detect_encoding(head)
    data = path.read_bytes()
    if encoding == "utf-16":
        return _csv_text(path, data, encoding, chunk_rows)
    start = len(codecs.BOM_UTF8) if encoding == "utf-8-sig" else 0
    lines = head[start:].split(b"\n")[:HEADER_SEARCH_ROWS]
    try:
        texts = [line.decode(encoding) for line in lines[:-1]] if len(lines) > 1 else [
            head[start:].decode(encoding)]
    except UnicodeDecodeError:
        raise LedgerError("error.air_encoding", path=path.name, encoding=encoding) from None
    delimiter = _delimiter(texts[0] if texts else "")
    top = list(csv.reader(texts, delimiter=delimiter))
    header_index, fields = _find_header(path.name, top)
    offset = start + sum(len(line) + 1 for line in lines[:header_index + 1])
    data_encoding = "utf-8" if encoding == "utf-8-sig" else encoding

    def rows() -> Iterator[tuple[int, list[list]]]:
        try:
            text = data[offset:].decode(data_encoding)
        except UnicodeDecodeError:
            raise LedgerError("error.air_encoding", path=path.name, encoding=encoding) from None
        yield from _chunked(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter),
                            header_index + 2, chunk_rows, path.name)

    return Source(path.name, header_index + 1, [str(h) for h in top[header_index]], fields,
                  rows, data, offset, data_encoding, delimiter)


def _csv_text(path: Path, data: bytes, encoding: str, chunk_rows: int) -> Source:
    """A CSV file in an encoding whose commas are not single bytes (UTF-16)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise LedgerError("error.air_encoding", path=path.name, encoding=encoding) from None
    lines = text.splitlines()
    delimiter = _delimiter(lines[0] if lines else "")
    top = list(csv.reader(lines[:HEADER_SEARCH_ROWS], delimiter=delimiter))
    header_index, fields = _find_header(path.name, top)

    def rows() -> Iterator[tuple[int, list[list]]]:
        body = "\n".join(lines[header_index + 1:])
        yield from _chunked(csv.reader(io.StringIO(body, newline=""), delimiter=delimiter),
                            header_index + 2, chunk_rows, path.name)

    return Source(path.name, header_index + 1, [str(h) for h in top[header_index]], fields,
                  rows)


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in ",\t;|"}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _chunked(reader, first_row: int, chunk_rows: int, name: str):
    try:
        while True:
            rows = list(itertools.islice(reader, chunk_rows))
            if not rows:
                return
            yield first_row, rows
            first_row += len(rows)
    except csv.Error as exc:
        raise LedgerError("error.import_corrupt", path=name, reason=str(exc)) from None


def _excel(path: Path, chunk_rows: int) -> Source:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise LedgerError("error.import_too_large", path=path.name,
                          limit=f"{MAX_FILE_BYTES // 1024**2} MB")
    with open_workbook(path) as workbook:
        for name in worksheet_names(workbook, visible_only=True):
            grid = sheet(workbook, name).to_python(skip_empty_area=False)
            try:
                header_index, fields = _find_header(path.name, grid[:HEADER_SEARCH_ROWS])
            except LedgerError:
                continue
            data = grid[header_index + 1:]

            def rows(data=data, start=header_index + 2) -> Iterator[tuple[int, list[list]]]:
                for offset in range(0, len(data), chunk_rows):
                    yield start + offset, data[offset:offset + chunk_rows]

            return Source(path.name, header_index + 1, [str(h) for h in grid[header_index]],
                          fields, rows)
    raise LedgerError("error.air_no_header", path=path.name)


def _find_header(name: str, rows: list[list]) -> tuple[int, dict[str, int]]:
    """The first row naming a time column and at least one pollutant, and its fields."""
    for index, row in enumerate(rows):
        fields: dict[str, int] = {}
        for column, cell in enumerate(row):
            key = header_field(cell)
            if key and key not in fields:
                fields[key] = column
        if "time" in fields and any(p in fields for p in POLLUTANT_FIELDS):
            if not ({"station_code", "station_name", "unit", "unit_code", "city"} & set(fields)):
                raise LedgerError("error.air_no_station_column", path=name, row=index + 1)
            return index, fields
    raise LedgerError("error.air_no_header", path=name)
