"""Published city rankings (e.g. the ministry's monthly list of 168 key cities by composite
index): imported from the CSV or Excel file of the bulletin, to show where the city stands.

A file has a rank column (排名, 名次), a city column (城市) and usually the composite index
(综合指数); the month comes from the command or from a title such as "2026年10月168个重点城市
空气质量排名". Bad cells refuse the whole file, each named by row and column.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from .. import messages
from ..changes import Changes
from ..db import now
from ..errors import LedgerError
from ..ids import new_ids
from ..ledger_import.rows import CellIssue
from ..ledger_import.workbook import open_workbook, sheet, worksheet_names
from ..spreadsheet import column_letter
from .measurements import AirImportRejected
from .sources import detect_encoding, normalise

if TYPE_CHECKING:
    from ..ledger import Ledger

_FIELDS = {"rank": ("排名", "名次", "RANK", "序号排名"), "city": ("城市", "城市名称", "CITY"),
           "composite": ("综合指数", "环境空气质量综合指数", "COMPOSITEINDEX")}
_LOOKUP = {name: key for key, names in _FIELDS.items() for name in names}
_MONTH = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月")


@dataclass(frozen=True)
class Standing:
    list_name: str
    month: str
    rank: int
    total: int
    city: str
    composite_index: float | None

    def text(self) -> str:
        """E.g. 临汾：168城市（2026-09）第 168 名，共 168 个城市，综合指数 7.92."""
        index = ("" if self.composite_index is None else
                 messages.text("air.standing_index", index=f"{self.composite_index:g}"))
        return messages.text("air.standing", city=self.city, list=self.list_name,
                             month=self.month, rank=self.rank, total=self.total, index=index)


def _grid(path: Path) -> list[list]:
    head = path.read_bytes()
    if head.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        with open_workbook(path) as workbook:
            return sheet(workbook, worksheet_names(workbook, visible_only=True)[0]).to_python()
    text = head.decode(detect_encoding(head[:256 * 1024]))
    return list(csv.reader(io.StringIO(text)))


def import_file(ledger: Ledger, path: str | Path, list_name: str | None = None,
                month: str | None = None) -> Changes:
    """Store the ranking in the file at `path` (replacing that list's month if stored)."""
    path = Path(path)
    if not path.exists():
        raise LedgerError("error.import_no_file", path=str(path))
    grid = _grid(path)
    header_at, columns = _header(path.name, grid)
    titles = " ".join(str(c) for row in grid[:header_at] for c in row if c)
    month = month or _month_of(titles)
    if not month or not re.match(r"^\d{4}-\d{2}$", month):
        raise LedgerError("error.air_rank_month", path=path.name)
    list_name = list_name or (re.sub(r"\s+", "", titles) or path.stem)
    rows, issues = _rows(grid, header_at, columns)
    if issues:
        raise AirImportRejected(issues, len(issues))
    names = {r[0]: r[1] for r in ledger.conn.execute(
        "SELECT name, code FROM region WHERE level = 2")}
    stamp = now()
    ids = new_ids(len(rows))
    with ledger.transaction():
        ledger.conn.execute("DELETE FROM air_published_rank WHERE list_name = ? AND month = ?",
                            (list_name, month))
        ledger.conn.executemany(
            "INSERT INTO air_published_rank (id, created_at, updated_at, operator, list_name, "
            "month, rank, city, region_code, composite_index) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?)",
            [(row_id, stamp, stamp, ledger.operator, list_name, month, rank, city,
              names.get(city) or names.get(city + "市"), index)
             for row_id, (rank, city, index) in zip(ids, rows)])
    return Changes.of("air_published_rank", ids=tuple(ids))


def _header(name: str, grid: list[list]) -> tuple[int, dict[str, int]]:
    for index, row in enumerate(grid[:30]):
        found = {}
        for column, cell in enumerate(row):
            key = _LOOKUP.get(normalise(cell))
            if key and key not in found:
                found[key] = column
        if "rank" in found and "city" in found:
            return index, found
    raise LedgerError("error.air_rank_no_header", path=name)


def _month_of(text: str) -> str | None:
    found = _MONTH.search(text)
    return f"{int(found.group(1))}-{int(found.group(2)):02d}" if found else None


def _rows(grid: list[list], header_at: int, columns: dict[str, int]):
    rows, issues, header = [], [], grid[header_at]
    for offset, raw in enumerate(grid[header_at + 1:]):
        line = header_at + 2 + offset
        cells = list(raw) + [None] * (max(columns.values()) + 1 - len(raw))
        rank, city = cells[columns["rank"]], str(cells[columns["city"]] or "").strip()
        if rank in (None, "") and not city:
            continue
        try:
            number = int(float(str(rank).strip()))
        except ValueError:
            issues.append(CellIssue(line, column_letter(columns["rank"]),
                                    str(header[columns["rank"]]), rank, "error.air_not_number"))
            continue
        if not city:
            issues.append(CellIssue(line, column_letter(columns["city"]),
                                    str(header[columns["city"]]), None, "error.air_rank_city"))
            continue
        index = None
        if "composite" in columns and cells[columns["composite"]] not in (None, ""):
            try:
                index = float(str(cells[columns["composite"]]).strip())
            except ValueError:
                issues.append(CellIssue(line, column_letter(columns["composite"]),
                                        str(header[columns["composite"]]),
                                        cells[columns["composite"]], "error.air_not_number"))
                continue
        rows.append((number, city, index))
    return rows, issues


def standings(ledger: Ledger, region_code: str) -> list[Standing]:
    """Where the unit stands in every list stored, newest month first."""
    return [Standing(*r) for r in ledger.conn.execute(
        "SELECT r.list_name, r.month, r.rank, (SELECT count(*) FROM air_published_rank t "
        "WHERE t.list_name = r.list_name AND t.month = r.month), r.city, r.composite_index "
        "FROM air_published_rank r WHERE r.region_code = ? ORDER BY r.month DESC, r.list_name",
        (region_code,))]
