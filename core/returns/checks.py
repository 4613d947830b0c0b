"""Checks before export: totals add up, parts add up, rectified ≤ assigned, rates in range.

The total row holds the core statistic's own ledger-wide total, so "total = sum of rows"
also proves that the rows agree with the ledger (nothing outside the listed regions, nothing
lost between statistic and return). Each finding names the cell and the reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .. import messages
from ..errors import LedgerError
from .figures import Row


@dataclass(frozen=True)
class Finding:
    """One failed check: the cell (A1), where it is, and why."""

    cell: str
    row: str
    column: str
    code: str
    params: dict

    def __str__(self) -> str:
        reason = messages.text(self.code, **self.params)
        return messages.text("return.check.where", cell=self.cell, row=self.row,
                             column=self.column, reason=reason)


class ReturnCheckFailed(LedgerError):
    """The return cannot go upward: `findings` says which cells and why."""

    def __init__(self, findings: list[Finding]):
        self.findings = findings
        super().__init__("error.return_check", count=len(findings), first=str(findings[0]))


def _row_checks(column, row: Row, fail) -> None:
    value = row.values[column.key]
    if column.parts:
        added = sum(int(row.values[k] or 0) for k in column.parts)
        if int(value or 0) != added:
            fail("return.check.parts", total=value, added=added)
    if column.at_most and value is not None:
        limit = row.values[column.at_most]
        if limit is not None and value > limit:
            fail("return.check.at_most", value=value, limit=limit)
    if column.format == "rate" and value is not None and not 0 <= value <= 100:
        fail("return.check.rate", value=value)
    if column.format in ("integer", "wan") and value is not None and value < 0:
        fail("return.check.negative", value=value)


def _shown(column, value: int) -> object:
    if column.format == "wan":
        return f"{Decimal(value) / 1_000_000:.6f}".rstrip("0").rstrip(".")
    return value


def check_form(form, blocks: dict) -> list[Finding]:
    """Every failed check of a filled form (core.returns.forms), each naming its cell as the
    filled file has it: totals against the ledger, parts, limits, ranges."""
    from openpyxl.utils import get_column_letter

    from .registry import FIGURES

    counts = {r.row: len(blocks[r.row].printed) for r in form.repeats}

    def final_row(row: int) -> int:
        return row + sum(n - 1 for r, n in counts.items() if r < row)

    findings: list[Finding] = []
    for repeat in form.repeats:
        block = blocks[repeat.row]
        if block.figures is None:
            continue
        figures = block.figures
        first = final_row(repeat.row)
        in_row = {s.key: c for (r, c), s in form.figures.items() if r == repeat.row}
        totals = {s.key: (final_row(r), c) for (r, c), s in form.figures.items()
                  if r not in counts and form.repeat_above(r) is repeat}
        fallback = min(repeat.cells)

        def label(key: str) -> str:
            from .filling import short_label
            return short_label(FIGURES[key.split(":")[0]].label)

        for column in form.template.columns:
            c = in_row.get(column.key) or next(
                (in_row[k] for k in in_row if column.key in _depends(form, k)), fallback)
            total_at = totals.get(column.key, (first + len(figures.rows), c))

            def add(at: tuple[int, int], row_name: str, code: str, **params: object) -> None:
                findings.append(Finding(f"{get_column_letter(at[1])}{at[0]}", row_name,
                                        label(column.key), code, params))

            if column.summable:
                added = sum(int(r.values[column.key] or 0) for r in figures.rows)
                total = int(figures.total.values[column.key] or 0)
                if added != total:
                    add(total_at, figures.total.name, "return.check.total",
                        total=_shown(column, total), added=_shown(column, added))
            for i, row in enumerate(figures.rows):
                _row_checks(column, row, lambda code, i=i, row=row, **p: add(
                    (first + i, c), row.name, code, **p))
            _row_checks(column, figures.total,
                        lambda code, **p: add(total_at, figures.total.name, code, **p))
    return findings


def _depends(form, key: str) -> set[str]:
    """The hidden columns the column `key` is computed from, directly or not."""
    columns = {c.key: c for c in form.template.columns}
    out, todo = set(), [key]
    while todo:
        column = columns[todo.pop()]
        for other in (*column.of, *column.parts, *([column.at_most] if column.at_most else [])):
            if other not in out:
                out.add(other)
                todo.append(other)
    return out
