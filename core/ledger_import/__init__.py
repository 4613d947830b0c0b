"""Importing the rectification ledgers bureaus keep in Excel.

A wizard is a thin front over four calls: `inspect(path)` lists the sheets,
`load(path, sheet)` finds the table and `propose_mapping(table)` maps its columns,
`preview(ledger, ...)` checks every row and lists per-cell errors, and `run(ledger, ...)`
writes everything in one transaction, reporting `progress(done, total, message)` and
stopping when `cancelled()` says so. Nothing is written while any error stands.
"""
from __future__ import annotations

import datetime as dt
import functools
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping

from .. import bulk, messages
from ..changes import Changes
from ..errors import LedgerError
from ..ledger import Ledger
from . import mapping as columns
from .importer import (BATCH_COLUMNS, ENTERPRISE_COLUMNS, LOG_COLUMNS, MEASURE_COLUMNS,
                       PROBLEM_COLUMNS, Plan, Planner)
from .rows import CellIssue, RowReader, SourceRow
from .table import Table, fill_merged_down, find_table, read_grid
from .workbook import SheetInfo, open_workbook, sheets, worksheet_names

__all__ = ["inspect", "load", "propose_mapping", "preview", "run", "Preview", "Outcome",
           "ImportRejected", "ImportCancelled", "CellIssue", "SheetInfo", "Table"]

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
CHUNK = 10_000


class ImportRejected(LedgerError):
    """The sheet has errors; `issues` lists each blocking one, `warnings` the rest."""

    def __init__(self, issues: list[CellIssue], warnings: list[CellIssue] = ()):
        self.issues = list(issues)
        self.warnings = list(warnings)
        super().__init__("error.import_rejected", count=len(self.issues))


class ImportCancelled(LedgerError):
    def __init__(self) -> None:
        super().__init__("error.import_cancelled")


class _DryRun(Exception):
    """Raised inside the transaction of a dry run, so that it rolls back."""


@dataclass
class Preview:
    """A checked sheet: where the table is, how columns map, its rows and findings, and what
    an import would do."""

    table: Table
    mapping: dict[str, int]
    rows: list[SourceRow]
    issues: list[CellIssue]
    plan: Plan | None = None

    @property
    def errors(self) -> list[CellIssue]:
        return [issue for issue in self.issues if not issue.warning]

    @property
    def warnings(self) -> list[CellIssue]:
        return [issue for issue in self.issues if issue.warning]


@dataclass
class Outcome:
    """What an import did (or, in a dry run, would do)."""

    sheet: str
    rows: int
    added: int
    updated: int
    unchanged: int
    enterprises_added: int
    batches_added: int
    warnings: list[CellIssue] = field(default_factory=list)
    dry_run: bool = False
    changes: Changes = field(default_factory=Changes)
    closed_as_done: int = 0  # closed rows taken as reported done (the operator may not close)

    def summary(self) -> str:
        code = "import.summary_dry_run" if self.dry_run else "import.summary"
        text = messages.text(code, sheet=self.sheet, rows=self.rows, added=self.added,
                             updated=self.updated, unchanged=self.unchanged,
                             enterprises=self.enterprises_added, batches=self.batches_added,
                             warnings=len(self.warnings))
        if self.closed_as_done:
            text += messages.text("import.summary_closed_as_done", count=self.closed_as_done)
        return text


def _without_collector(function: Callable) -> Callable:
    """`function` with Python's cycle collector off while it runs: a 100,000-row sheet is
    millions of cells and row tuples, none in a cycle, and each full collection walked all
    of them (about 0.5 s of a 16 s import, nothing ever collected)."""
    @functools.wraps(function)
    def paused(*args, **kwargs):
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()
    return paused


def inspect(path: str | Path) -> list[SheetInfo]:
    """The worksheets of the file at `path`, after the safety checks."""
    with open_workbook(path) as workbook:
        return sheets(workbook)


@_without_collector
def load(path: str | Path, sheet: str | None = None) -> Table:
    """The ledger table of `sheet` (default: the first sheet that holds one)."""
    with open_workbook(path) as workbook:
        if sheet is not None:
            return _table(workbook, sheet)
        visible = worksheet_names(workbook, visible_only=True) or worksheet_names(workbook)
        failure: LedgerError | None = None
        for name in visible:
            try:
                return _table(workbook, name)
            except LedgerError as exc:
                if exc.code in ("error.import_corrupt", "error.import_sheet_too_large"):
                    raise
                failure = failure or exc
        if len(visible) == 1 and failure is not None:
            raise failure
        raise LedgerError("error.import_no_table", sheets="、".join(visible) or "—")


def _table(workbook, sheet: str) -> Table:
    table = find_table(read_grid(workbook, sheet))
    fill_merged_down(table)
    return table


def propose_mapping(table: Table) -> dict[str, int]:
    """field → 0-based column, read from the header texts."""
    return columns.propose(table.headers)


@_without_collector
def preview(ledger: Ledger, source: str | Path | Table, sheet: str | None = None,
            overrides: Mapping[str, object] | None = None, campaign_id: str | None = None,
            progress: Progress | None = None, cancelled: Cancelled | None = None,
            today: dt.date | None = None) -> Preview:
    """Read, clean and check every row against the ledger, writing nothing."""
    table = source if isinstance(source, Table) else load(source, sheet)
    mapped = columns.apply_overrides(propose_mapping(table), overrides or {}, table.headers)
    missing = columns.missing_required(mapped)
    if missing:
        raise LedgerError("error.import_missing_columns", sheet=table.grid.sheet,
                          fields="、".join(messages.label(f"import_field.{f}") for f in missing))
    reader = RowReader(ledger, table, mapped, today)
    total = max(len(table.grid.rows) - table.first_data, 1)

    def reading(done: int, _total: int) -> None:
        _check_cancel(cancelled)
        if progress:
            progress(done // 2, total, messages.text("import.progress_reading"))

    rows = reader.read(reading)
    if not rows:
        raise LedgerError("error.import_no_rows", sheet=table.grid.sheet)
    planner = Planner(ledger, reader, campaign_id, today)
    for count, row in enumerate(rows):
        planner.add(row, bool(row.bad))
        if count % CHUNK == 0:
            _check_cancel(cancelled)
            if progress:
                progress(total // 2 + count * total // (2 * len(rows)), total,
                         messages.text("import.progress_checking"))
    plan = planner.finish()
    reader.issues.sort(key=lambda issue: (issue.row, len(issue.column), issue.column))
    return Preview(table, mapped, rows, reader.issues, plan)


@_without_collector
def run(ledger: Ledger, source: str | Path | Table, sheet: str | None = None,
        overrides: Mapping[str, object] | None = None, dry_run: bool = False,
        campaign_id: str | None = None, progress: Progress | None = None,
        cancelled: Cancelled | None = None, today: dt.date | None = None) -> Outcome:
    """Import the sheet in one transaction, or raise ImportRejected listing every error."""
    checked = preview(ledger, source, sheet, overrides, campaign_id, progress, cancelled, today)
    if checked.errors:
        raise ImportRejected(checked.errors, checked.warnings)
    plan = checked.plan
    try:
        with bulk.tuned(ledger.conn), ledger.transaction():
            _write(ledger, plan, progress, cancelled)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    touched = ("problem",) + (("enterprise",) if plan.enterprises else ()) + \
        (("batch",) if plan.batches else ())
    return Outcome(
        sheet=checked.table.grid.sheet, rows=len(checked.rows), added=plan.added,
        updated=plan.updated, unchanged=plan.unchanged,
        enterprises_added=len(plan.enterprises), batches_added=len(plan.batches),
        warnings=checked.warnings, dry_run=dry_run, closed_as_done=plan.closed_as_done,
        changes=Changes() if dry_run or not (plan.added or plan.updated) else Changes.of(*touched))


def _write(ledger: Ledger, plan: Plan, progress: Progress | None,
           cancelled: Cancelled | None) -> None:
    conn = ledger.conn
    work = [("enterprise", ENTERPRISE_COLUMNS, plan.enterprises),
            ("batch", BATCH_COLUMNS, plan.batches), ("problem", PROBLEM_COLUMNS, plan.problems),
            ("problem_log", LOG_COLUMNS, plan.logs), ("measure", MEASURE_COLUMNS, plan.measures)]
    total = sum(len(rows) for _, _, rows in work) + len(plan.updates) or 1
    done = 0
    if progress:
        progress(0, total, messages.text("import.progress_writing"))
    with bulk.Load(conn, {table: len(rows) for table, _, rows in work}) as load:
        for table, names, rows in work:
            # In id order, the primary-key index grows at one end, page by page.
            rows.sort()
            for start in range(0, len(rows), CHUNK):
                _check_cancel(cancelled)
                chunk = rows[start:start + CHUNK]
                load.insert(table, names, chunk)
                ledger.seal_pending()
                done += len(chunk)
                if progress:
                    progress(done, total, messages.text("import.progress_writing"))
    _apply_updates(ledger, plan)


def _apply_updates(ledger: Ledger, plan: Plan) -> None:
    from ..db import now

    stamp = now()
    for problem_id, changed in plan.updates:
        values = {**changed, "updated_at": stamp, "operator": ledger.operator}
        assignments = ", ".join(f"{name} = ?" for name in values)
        ledger.conn.execute(f"UPDATE problem SET {assignments} WHERE id = ?",
                            [*values.values(), problem_id])


def _check_cancel(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise ImportCancelled()
