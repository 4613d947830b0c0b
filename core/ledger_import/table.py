"""Finding the ledger table in a sheet: title rows, blank rows and merged headers above it."""
from __future__ import annotations

from dataclasses import dataclass, field

import python_calamine as calamine

from ..errors import LedgerError
from . import mapping
from .workbook import MAX_ROWS
from .workbook import sheet as workbook_sheet

HEADER_SEARCH_ROWS = 30
MIN_FIELDS = 3

Range = tuple[tuple[int, int], tuple[int, int]]


@dataclass
class Grid:
    """A sheet's cells from A1 down: rows[i][j] is Excel row i + 1, column j + 1."""

    sheet: str
    rows: list[list]
    merged: list[Range] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.rows[0]) if self.rows else 0


@dataclass
class Table:
    """Where the ledger sits: its header rows, one header text per column, the first data row."""

    grid: Grid
    header_first: int  # 0-based row indexes
    header_last: int
    headers: list[str]

    @property
    def first_data(self) -> int:
        return self.header_last + 1


def read_grid(workbook: calamine.CalamineWorkbook, sheet_name: str) -> Grid:
    """All cells of the sheet, merged areas recorded, padded to a rectangle from A1."""
    sheet = workbook_sheet(workbook, sheet_name)
    if sheet.end is not None and sheet.end[0] >= MAX_ROWS:
        raise LedgerError("error.import_sheet_too_large", path=sheet_name,
                          rows=sheet.end[0] + 1, columns=sheet.end[1] + 1)
    try:
        rows = sheet.to_python(skip_empty_area=False) if sheet.end is not None else []
    except calamine.CalamineError as exc:
        raise LedgerError("error.import_corrupt", path=sheet_name, reason=str(exc)[:200]) from None
    merged = list(sheet.merged_cell_ranges or [])
    pad(rows, merged)
    return Grid(sheet_name, rows, merged)


def pad(rows: list[list], merged: list[Range]) -> None:
    """Merged areas may reach past the last filled cell: extend the grid to cover them."""
    if not rows and not merged:
        return
    height = max([len(rows)] + [end[0] + 1 for _, end in merged])
    width = max([len(rows[0]) if rows else 0] + [end[1] + 1 for _, end in merged])
    for row in rows:
        if len(row) < width:
            row.extend([""] * (width - len(row)))
    while len(rows) < height:
        rows.append([""] * width)


def find_table(grid: Grid) -> Table:
    """The header row (or pair of rows) that names the most ledger fields."""
    if not any(_blank(v) is False for row in grid.rows[:HEADER_SEARCH_ROWS * 10] for v in row):
        raise LedgerError("error.import_empty_sheet", sheet=grid.sheet)
    header_cells = _header_view(grid)
    single = [len(mapping.propose(row)) for row in header_cells]
    best: tuple[int, int, int, list[str]] | None = None
    for first in range(min(HEADER_SEARCH_ROWS, len(single))):
        if best is None or single[first] > best[0]:
            best = (single[first], first, first, list(header_cells[first]))
        if first + 1 >= len(single) or single[first + 1] < 2:
            continue  # a second header row names fields of its own
        headers = _combined(header_cells, first, first + 1, grid.width)
        score = len(mapping.propose(headers))
        if score > max(single[first], single[first + 1]) and score > best[0]:
            best = (score, first, first + 1, headers)
    if best is None or best[0] < MIN_FIELDS:
        raise LedgerError("error.import_no_header", sheet=grid.sheet)
    _, first, last, headers = best
    return Table(grid, first, last, headers)


def _header_view(grid: Grid) -> list[list[str]]:
    """The top rows as text, each merged cell showing its area's value."""
    top = HEADER_SEARCH_ROWS + 1
    view = [[_text(v) for v in row] for row in grid.rows[:top]]
    for (r0, c0), (r1, c1) in grid.merged:
        if r0 >= top:
            continue
        value = view[r0][c0]
        for r in range(r0, min(r1, top - 1) + 1):
            for c in range(c0, c1 + 1):
                view[r][c] = value
    return view


def _combined(view: list[list[str]], first: int, last: int, width: int) -> list[str]:
    """One header per column from one or two header rows: the more specific text that maps."""
    if first == last:
        return list(view[first])
    headers = []
    for c in range(width):
        top, bottom = view[first][c], view[last][c]
        if bottom and mapping.field_for(bottom):
            headers.append(bottom)
        elif top and mapping.field_for(top):
            headers.append(top)
        else:
            headers.append(bottom or top)
    return headers


def fill_merged_down(table: Table) -> None:
    """Copy each merged area's value down its column(s) in the data rows.

    An area that spans columns in the data (a footer note, a remark across the row) is left
    with its value in its first cell only, so it cannot pose as a field of every column."""
    rows = table.grid.rows
    for (r0, c0), (r1, c1) in table.grid.merged:
        if r1 < table.first_data or r0 == r1:
            continue
        start = max(r0, table.first_data)
        value = rows[r0][c0]
        for c in range(c0, c1 + 1 if c0 == c1 else c0 + 1):
            for r in range(start, r1 + 1):
                rows[r][c] = value


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())
