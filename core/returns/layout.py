"""A return as a grid of cells: title block, header tree, rows, total and footer.

The same grid is the GUI's preview (`Sheet.texts()`) and what the writer puts in the file,
so that what a clerk previews is what goes upward.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterator

from .. import messages, money
from .figures import Figures, Value
from .templates import Column, Template

Cell = tuple[object, str] | None  # (value, style name of xlsx.STYLES)
DASH = "—"
_CHAR_WIDTH = 1.9  # width units one CJK character takes at 10.5 pt
_LINE_HEIGHT = 13.0  # points per line of header text
_ROW_HEIGHT = 16.5


@dataclass
class Sheet:
    """Cells by row (0-based), merged ranges, widths and print settings."""

    widths: list[float]
    rows: list[list[Cell]] = field(default_factory=list)
    heights: list[float | None] = field(default_factory=list)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    title_rows: tuple[int, int] | None = None
    first_data_row: int = 0

    @property
    def width(self) -> int:
        return len(self.widths)

    def add(self, cells: list[Cell], height: float | None = None) -> int:
        """Append a row (padded to the sheet's width); returns its index."""
        self.rows.append(cells + [None] * (self.width - len(cells)))
        self.heights.append(height)
        return len(self.rows) - 1

    def merge(self, row: int, column: int, last_row: int, last_column: int) -> None:
        """Merge a range; only its top-left cell keeps a value (the rest keep their style,
        so that borders run round the whole merged cell)."""
        if (row, column) == (last_row, last_column):
            return
        self.merges.append((row, column, last_row, last_column))
        for r in range(row, last_row + 1):
            for c in range(column, last_column + 1):
                cell = self.rows[r][c]
                if (r, c) != (row, column) and cell is not None:
                    self.rows[r][c] = ("", cell[1])

    def texts(self) -> list[list[str]]:
        """Every cell as the text a reader sees, for a preview table."""
        return [[display(cell) for cell in row] for row in self.rows]


def display(cell: Cell) -> str:
    if cell is None or cell[0] is None:
        return ""
    value, style = cell
    if isinstance(value, Decimal) or style.endswith("decimal"):
        return f"{value:.2f}"
    return str(value)


class Context(dict):
    """Placeholders of template texts; an unknown one stays as written."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def fill(text: str, context: Context) -> str:
    return text.format_map(context)


def title_block(template: Template, context: Context, widths: list[float]) -> Sheet:
    """Title, reporting unit and period on the left, form number and office on the right."""
    sheet = Sheet(widths=list(widths))
    n = sheet.width
    row = sheet.add([(fill(template.title, context), "title")], height=28)
    sheet.merge(row, 0, row, n - 1)
    split = max(1, n // 2)
    unit = messages.text("return.reporting_unit", unit=context["unit_name"])
    left = [unit, fill(template.period_text, context), ""]
    right = [template.form_number, template.issued_by, template.unit]
    for l_text, r_text in zip(left, right):
        if not (l_text or r_text):
            continue
        cells: list[Cell] = [None] * n
        cells[0] = (l_text, "meta")
        cells[split] = (fill(r_text, context), "meta_right")
        row = sheet.add(cells, height=15)
        sheet.merge(row, 0, row, split - 1)
        sheet.merge(row, split, row, n - 1)
    return sheet


def header_rows(sheet: Sheet, first: Cell | None, columns: tuple[Column, ...],
                context: Context, offset: int) -> None:
    """The column-header tree: shared path prefixes merge across, short paths merge down."""
    depth = max(len(c.header) for c in columns)
    paths = [tuple(fill(h, context) for h in c.header) for c in columns]
    top = len(sheet.rows)
    lines = [1] * depth
    for level in range(depth):
        cells: list[Cell] = [None] * sheet.width
        if first is not None and level == 0:
            cells[0] = first
        for i, path in enumerate(paths):
            if level < len(path):
                cells[offset + i] = (path[level], "header")
            elif path:
                cells[offset + i] = ("", "header")  # inside a merge: keeps its border
        sheet.add(cells)
    if first is not None:
        sheet.merge(top, 0, top + depth - 1, 0)
        for level in range(1, depth):
            sheet.rows[top + level][0] = ("", "header")
    for level in range(depth):
        for start, stop in _runs(paths, level):
            down = top + depth - 1 if stop - start == 1 and len(paths[start]) == level + 1 \
                else top + level
            sheet.merge(top + level, offset + start, down, offset + stop - 1)
            span = sum(sheet.widths[offset + start:offset + stop])
            need = math.ceil(len(paths[start][level]) * _CHAR_WIDTH / max(span - 1, 1))
            rows_spanned = down - (top + level) + 1
            lines[level] = max(lines[level], math.ceil(need / rows_spanned))
    for level in range(depth):
        sheet.heights[top + level] = lines[level] * _LINE_HEIGHT + 4
    sheet.title_rows = (top, top + depth - 1)
    sheet.first_data_row = top + depth


def _runs(paths: list[tuple[str, ...]], level: int) -> Iterator[tuple[int, int]]:
    """Runs [start, stop) of columns sharing the header path up to `level`."""
    i = 0
    while i < len(paths):
        if len(paths[i]) <= level:
            i += 1
            continue
        j = i + 1
        while j < len(paths) and len(paths[j]) > level and paths[j][:level + 1] == paths[i][:level + 1]:
            j += 1
        yield i, j
        i = j


def by_region(figures: Figures, context: Context, footer: dict[str, str]) -> Sheet:
    """The whole by-region return as a grid."""
    t = figures.template
    widths = [10.0, *(float(c.width) for c in t.columns)]
    sheet = title_block(t, context, widths)
    header_rows(sheet, (t.region_header, "header"), t.columns, context, offset=1)
    for row in figures.rows:
        sheet.add([(row.name, "text"), *(figure_cell(c, row.values[c.key]) for c in t.columns)],
                  height=_ROW_HEIGHT)
    sheet.add([(t.total_label, "total_label"),
               *(figure_cell(c, figures.total.values[c.key], total=True) for c in t.columns)],
              height=_ROW_HEIGHT)
    footer_row(sheet, t, footer)
    for note in t.notes:
        row = sheet.add([(fill(note, context), "note")], height=_note_height(note, widths))
        sheet.merge(row, 0, row, sheet.width - 1)
    return sheet


def figure_cell(column: Column, value: Value, total: bool = False) -> Cell:
    prefix = "total_" if total else ""
    if value is None:
        return (DASH, prefix + "dash")
    if column.format == "wan":
        return (money.fen_to_wan(int(value)), prefix + "decimal")
    if column.format in ("rate", "change"):
        return (value, prefix + "decimal")
    return (int(value), prefix + "integer")


def footer_row(sheet: Sheet, template: Template, footer: dict[str, str]) -> None:
    """单位负责人, 填表人, 联系电话, 报出日期: spread over the width below the table."""
    if not template.footer:
        return
    sheet.add([], height=4)
    n, parts = sheet.width, len(template.footer)
    cells: list[Cell] = [None] * n
    starts = [round(i * n / parts) for i in range(parts)] + [n]
    for i, name in enumerate(template.footer):
        label = messages.text(f"return.footer.{name}")
        cells[starts[i]] = (f"{label}：{footer.get(name) or ''}", "footer")
    row = sheet.add(cells, height=18)
    for i in range(parts):
        sheet.merge(row, starts[i], row, starts[i + 1] - 1)


def _note_height(note: str, widths: list[float]) -> float:
    lines = math.ceil(len(note) * _CHAR_WIDTH / max(sum(widths) - 2, 1))
    return lines * _LINE_HEIGHT + 2


def problem_list_top(template: Template, context: Context) -> Sheet:
    """Title block and the single header row of a problem list (the ledger)."""
    widths = [float(c.width) for c in template.columns]
    sheet = title_block(template, context, widths)
    header_rows(sheet, None, template.columns, context, offset=0)
    return sheet
