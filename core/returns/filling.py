"""Fill a return form with openpyxl, keeping everything of the form it does not fill.

Repeat rows are written once per row of figures: the rows below move down with their
values, styles, merges and heights; each new row takes the repeat row's styles, height and
merges. Figures go in as numbers; 万元 and % as two-decimal numbers. A total (a figure
outside a repeat row) is the sum of the printed, rounded rows above it, so that a
statistician adding the column finds the total printed (docs/returns.md, "Rounding").
"""
from __future__ import annotations

import copy
import os
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from .. import money
from . import cells
from .figures import Figures, Row, Value
from .forms import PLACEHOLDER, Form, RepeatRow
from .templates import Column

DASH = "—"
TWO_DECIMALS = "0.00"


@dataclass
class Block:
    """The rows one repeat row becomes: its figures and the printed values."""

    repeat: RepeatRow
    figures: Figures | None
    printed: list[dict[str, Value]]  # per row, column key → the value as printed


def printed_value(column: Column, value: Value) -> Value:
    """A figure as the form shows it: 万元 rounded half up from fen, % as computed."""
    if value is None:
        return None
    if column.format == "wan":
        return money.fen_to_wan(int(value))
    if column.format in ("rate", "change", "average", "yes_no"):
        return value
    return int(value)


def printed_total(column: Column, block: Block, total: Row) -> Value:
    """The total as printed: the sum of the printed rows when the figure adds up."""
    if column.summable:
        return sum((row[column.key] or 0 for row in block.printed),
                   Decimal("0.00") if column.format == "wan" else 0)
    return printed_value(column, total.values[column.key])


def fill(form: Form, blocks: dict[int, Block], fields: dict[str, str],
         correction_note: str = "") -> Workbook:
    """The filled workbook (not saved)."""
    book = load_workbook(form.path)
    sheet = book.worksheets[0]
    for other in book.worksheets[1:]:
        book.remove(other)  # only the return goes upward
    columns = {c.key: c for c in form.template.columns}
    _fill_totals(sheet, form, blocks, columns)
    _fill_texts(sheet, form, fields)
    for repeat in sorted(form.repeats, key=lambda r: -r.row):  # bottom up: rows above stay
        block = blocks[repeat.row]
        _expand(sheet, repeat.row, len(block.printed))
        for i, values in enumerate(block.printed):
            _fill_row(sheet, form, repeat, repeat.row + i, values, columns, fields, i)
    if correction_note and not any("correction.note" in t for t in form.texts.values()):
        _append_note(sheet, f"更正说明：{correction_note}")
    return book


def _fill_totals(sheet: Worksheet, form: Form, blocks: dict[int, Block],
                 columns: dict[str, Column]) -> None:
    repeat_rows = {r.row for r in form.repeats}
    for (r, c), spec in form.figures.items():
        if r in repeat_rows:
            continue
        block = blocks[form.repeat_above(r).row]
        column = columns[spec.key]
        _put_figure(sheet.cell(r, c), column, printed_total(column, block, block.figures.total))


def _fill_texts(sheet: Worksheet, form: Form, fields: dict[str, str]) -> None:
    for (r, c), text in form.texts.items():
        sheet.cell(r, c).value = substitute(text, fields, f"{get_column_letter(c)}{r}")


def substitute(text: str, fields: dict[str, str], ref: str) -> str:
    filled = PLACEHOLDER.sub(lambda m: str(fields.get(m.group(1), "")), text)
    return cells.clean(filled, ref)


def _fill_row(sheet: Worksheet, form: Form, repeat: RepeatRow, r: int, values: dict,
              columns: dict[str, Column], fields: dict[str, str], index: int) -> None:
    row_fields = {**fields, **values.get("_fields", {}), "row.number": str(index + 1)}
    for c, text in repeat.cells.items():
        spec = form.figures.get((repeat.row, c))
        cell = sheet.cell(r, c)
        if spec is not None:
            _put_figure(cell, columns[spec.key], values[spec.key])
        elif text.strip() == "{{row.number}}":
            cell.value = index + 1
        else:
            cell.value = substitute(text, row_fields, f"{get_column_letter(c)}{r}")


def _put_figure(cell, column: Column, value: Value) -> None:
    if value is None:
        cell.value = DASH
        return
    cell.value = value
    if isinstance(value, Decimal) and cell.number_format == "General":
        cell.number_format = TWO_DECIMALS


def _expand(sheet: Worksheet, row: int, count: int) -> None:
    """Make `count` copies of `row` in place (count 0 removes it), moving what is below."""
    extra = count - 1
    if extra == 0:
        return
    last_row, last_col = sheet.max_row, sheet.max_column
    below = [m for m in sheet.merged_cells.ranges if m.min_row > row]
    for m in below:
        sheet.merged_cells.remove(m)
    if last_row > row:
        sheet.move_range(f"A{row + 1}:{get_column_letter(last_col)}{last_row}", rows=extra)
    heights = {r: sheet.row_dimensions[r].height for r in range(row + 1, last_row + 1)}
    for r in range(row + 1, last_row + 1 + max(extra, 0)):
        sheet.row_dimensions[r].height = None
    for r, height in heights.items():
        sheet.row_dimensions[r + extra].height = height
    for m in below:
        sheet.merged_cells.add(CellRange(min_col=m.min_col, min_row=m.min_row + extra,
                                         max_col=m.max_col, max_row=m.max_row + extra))
    if count == 0:
        return
    same_row = [m for m in sheet.merged_cells.ranges if m.min_row == m.max_row == row]
    for k in range(1, count):
        target = row + k
        for c in range(1, last_col + 1):
            source = sheet.cell(row, c)
            cell = sheet.cell(target, c)
            cell._style = copy.copy(source._style)
            cell.value = None
        sheet.row_dimensions[target].height = sheet.row_dimensions[row].height
        for m in same_row:
            sheet.merged_cells.add(CellRange(min_col=m.min_col, min_row=target,
                                             max_col=m.max_col, max_row=target))
    _shift_print_area(sheet, row, extra)


def _shift_print_area(sheet: Worksheet, row: int, extra: int) -> None:
    area = sheet.print_area
    if not area:
        return
    ref = area.split("!")[-1].replace("$", "")
    bounds = CellRange(ref)
    if bounds.max_row >= row:
        sheet.print_area = CellRange(min_col=bounds.min_col, min_row=bounds.min_row,
                                     max_col=bounds.max_col, max_row=bounds.max_row + extra).coord


def _append_note(sheet: Worksheet, text: str) -> None:
    r = sheet.max_row + 2
    sheet.cell(r, 1).value = text
    if sheet.max_column > 1:
        sheet.merge_cells(start_row=r, start_column=1, end_row=r, end_column=sheet.max_column)


def save(book: Workbook, path: str | Path) -> None:
    """Written beside the target and renamed: a failure leaves no half file."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    try:
        book.save(partial)
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def grid(book: Workbook) -> tuple[list[list[str]], list[tuple[int, int, int, int]]]:
    """The first sheet as cell texts and merged ranges (0-based), for a preview."""
    sheet = book.worksheets[0]
    texts = [[_text(cell.value) for cell in row]
             for row in sheet.iter_rows(max_row=sheet.max_row, max_col=sheet.max_column)]
    merges = [(m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
              for m in sheet.merged_cells.ranges]
    return texts, merges


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return f"{value:.2f}"
    return str(value)


@dataclass(frozen=True)
class FigureCell:
    """One printed figure: where it is in the filled file and its text there."""

    cell: str
    row: str
    column: str  # the form's header of its column, group header first (forms.column_headers)
    submitted: str
    figure: str = ""  # the figure's own name (what submissions stored before the headers)


def figure_cells(ret) -> list[FigureCell]:
    """Every figure the filled return prints, by cell (as the saved file has it)."""
    from .registry import FIGURES

    form, blocks = ret.form, ret.blocks
    counts = {r.row: len(blocks[r.row].printed) for r in form.repeats}

    def final_row(row: int) -> int:
        return row + sum(n - 1 for r, n in counts.items() if r < row)

    columns = {c.key: c for c in form.template.columns}
    out = []
    for (r, c), spec in sorted(form.figures.items()):
        label = short_label(FIGURES[spec.name].label)
        if spec.period != "to_date":
            label += f"·{spec.period}"
        repeat = next(x for x in form.repeats if x.row == r) if r in counts \
            else form.repeat_above(r)
        header = repeat.headers.get(c) or label
        if r in counts:
            block = blocks[r]
            for i, (values, row) in enumerate(zip(block.printed, block.figures.rows)):
                out.append(FigureCell(f"{get_column_letter(c)}{final_row(r) + i}", row.name,
                                      header, _text_or_dash(values[spec.key]), label))
        else:
            block = blocks[repeat.row]
            total = printed_total(columns[spec.key], block, block.figures.total)
            out.append(FigureCell(f"{get_column_letter(c)}{final_row(r)}",
                                  block.figures.total.name, header, _text_or_dash(total), label))
    return out


def short_label(label: str) -> str:
    """A figure's name without its definition: 清零率（%）＝已销号÷交办×100 → 清零率（%）."""
    return label.split("：")[0].split("＝")[0]


def _text_or_dash(value: Value) -> str:
    return DASH if value is None else _text(value)
