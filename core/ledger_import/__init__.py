"""Importing the rectification ledgers bureaus keep in Excel.

A wizard is a thin front over four calls: `inspect(path)` lists the sheets,
`load(path, sheet)` finds the table and `propose_mapping(table)` maps its columns,
`preview(ledger, ...)` checks every row and lists per-cell errors, and `run(ledger, ...)`
writes everything in one transaction, reporting `progress(done, total, message)` and
stopping when `cancelled()` says so. Nothing is written while any error stands.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import gc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, TYPE_CHECKING

from .. import bulk, intervals, messages
from ..changes import Changes
from ..errors import LedgerError
from ..progress import Cancelled, Progress
from . import mapping as columns
from .importer import (ACCEPTANCE_COLUMNS, BATCH_COLUMNS, ENTERPRISE_COLUMNS, LOG_COLUMNS, MEASURE_COLUMNS,
                       PROBLEM_COLUMNS, Plan, Planner)
from .context import Skipped
from .rows import CellIssue, RowReader, SourceRow
from .words import Unknown, WordMap
from .sources import Book, open_book
from .table import Table, fill_merged_down, find_table
from .workbook import SheetInfo

if TYPE_CHECKING:
    from ..ledger import Ledger

__all__ = ["inspect", "load", "propose_mapping", "preview", "run", "Preview", "Outcome",
           "ImportRejected", "ImportCancelled", "CellIssue", "SheetInfo", "Table", "WordMap",
           "load_all", "sheets_look_like_batches", "mapped_columns"]

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
    """A checked sheet (or several): where the tables are, how columns map, the rows and
    findings, the rows skipped and words unknown, and what an import would do."""

    table: Table
    mapping: dict[str, int]
    rows: list[SourceRow]
    issues: list[CellIssue]
    plan: Plan | None = None
    skipped: list[Skipped] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (sheet, why)
    republished: list[tuple[str, int, str]] = field(default_factory=list)  # (sheet, row, number)
    tables: list[Table] = field(default_factory=list)

    @property
    def errors(self) -> list[CellIssue]:
        return [issue for issue in self.issues if not issue.warning]

    @property
    def warnings(self) -> list[CellIssue]:
        return [issue for issue in self.issues if issue.warning]

    @property
    def demoted(self) -> list[int]:
        """Rows closed in the sheet brought in as reported done: this operator may not close
        (the planner decides, from core.permissions)."""
        return self.plan.closed_rows if self.plan else []

    def notices(self) -> list[str]:
        """What a user is told beside the counts: sheets left out, rows skipped, words
        unknown, rows brought in as reported done."""
        lines = [messages.text("import.sheet_left_out", sheet=sheet,
                               why=messages.label(f"import_sheet.{why}"))
                 for sheet, why in self.left_out]
        lines += [s.message for s in self.skipped]
        lines += [messages.text("import.republished", sheet=sheet, row=row, number=number)
                  for sheet, row, number in self.republished]
        lines += [u.message for u in self.unknown]
        if self.demoted:
            lines.append(messages.text("import.closed_as_done", count=len(self.demoted),
                                       rows=_rows_text(self.demoted)))
        return lines

    def new_enterprises(self) -> list[str]:
        return [row[4] for row in self.plan.enterprises] if self.plan else []

    def new_units(self) -> list[str]:
        """Names of the units (开发区, 市直单位) the rows go to that have no problems yet."""
        return self.plan.new_units if self.plan else []


def _rows_text(lines: list[int]) -> str:
    shown = "、".join(str(n) for n in lines[:12])
    return shown + ("…" if len(lines) > 12 else "")


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
    notices: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    unknown: list[Unknown] = field(default_factory=list)
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
    with open_book(path) as book:
        return book.infos()


@_without_collector
def load(path: str | Path, sheet: str | None = None) -> Table:
    """The ledger table of `sheet` (default: the first sheet that holds one)."""
    with open_book(path) as book:
        if sheet is not None:
            return _table(book, sheet)
        visible = book.names(visible_only=True) or book.names()
        failure: LedgerError | None = None
        for name in visible:
            try:
                return _table(book, name)
            except LedgerError as exc:
                if exc.code in ("error.import_corrupt", "error.import_sheet_too_large"):
                    raise
                failure = failure or exc
        if len(visible) == 1 and failure is not None:
            raise failure
        raise LedgerError("error.import_no_table", sheets="、".join(visible) or "—")


_SUMMARY_SHEET = ("汇总", "统计", "总表", "合计", "目录", "封面")
_DICTIONARY_SHEET = ("说明", "字典", "代码", "填表", "下拉", "选项", "参数")


@_without_collector
def load_all(path: str | Path) -> tuple[list[Table], list[tuple[str, str]]]:
    """The ledger table of every sheet, and the sheets left out with why (hidden,
    summary, dictionary, no_table)."""
    tables: list[Table] = []
    left_out: list[tuple[str, str]] = []
    with open_book(path) as book:
        visible = set(book.names(visible_only=True))
        for name in book.names():
            if name not in visible:
                left_out.append((name, "hidden"))
            elif any(word in name for word in _SUMMARY_SHEET):
                left_out.append((name, "summary"))
            elif any(word in name for word in _DICTIONARY_SHEET):
                left_out.append((name, "dictionary"))
            else:
                try:
                    tables.append(_table(book, name))
                except LedgerError as exc:
                    if exc.code in ("error.import_corrupt", "error.import_sheet_too_large"):
                        raise
                    left_out.append((name, "no_table"))
    if not tables:
        raise LedgerError("error.import_no_table", sheets="、".join(n for n, _ in left_out) or "—")
    return tables, left_out


def sheets_look_like_batches(path: str | Path) -> bool:
    """Whether the visible sheets are batches (第一批, 第二批 …): the wizard then reads all."""
    with open_book(path) as book:
        names = book.names(visible_only=True)
    from .context import batch_of_sheet

    return len([n for n in names if batch_of_sheet(n)]) >= 2


def _table(book: Book, sheet: str) -> Table:
    table = find_table(book.grid(sheet))
    fill_merged_down(table)
    return table


def propose_mapping(table: Table) -> dict[str, int]:
    """field → 0-based column, read from the header texts."""
    return columns.propose(table.headers)


def mapped_columns(table: Table, overrides: Mapping[str, object] | None = None) -> dict[str, int]:
    """The columns as mapped after the user's corrections (shown even while errors stand)."""
    return columns.apply_overrides(propose_mapping(table), overrides or {}, table.headers)


@_without_collector
def preview(ledger: Ledger, source: str | Path | Table | list[Table], sheet: str | None = None,
            overrides: Mapping[str, object] | None = None, campaign_id: str | None = None,
            progress: Progress | None = None, cancelled: Cancelled | None = None,
            today: dt.date | None = None, fixed: Mapping[str, object] | None = None,
            word_map: WordMap | None = None, all_sheets: bool = False) -> Preview:
    """Read, clean and check every row against the ledger, writing nothing. With
    `all_sheets`, every sheet's rows are read (hidden, summary and dictionary sheets left
    out and listed)."""
    left_out: list[tuple[str, str]] = []
    if isinstance(source, Table):
        tables = [source]
    elif isinstance(source, list):
        tables = source
    elif all_sheets and sheet is None:
        tables, left_out = load_all(source)
    else:
        tables = [load(source, sheet)]
    word_map = word_map if word_map is not None else WordMap(ledger)
    readers: list[tuple[RowReader, list[SourceRow]]] = []
    total = max(sum(len(t.grid.rows) - t.first_data for t in tables), 1)
    done_before = 0
    for table in tables:
        mapped = mapped_columns(table, overrides)
        missing = columns.missing_required(mapped)
        if missing:
            raise LedgerError("error.import_missing_columns", sheet=table.grid.sheet,
                              fields="、".join(messages.label(f"import_field.{f}") for f in missing))
        reader = RowReader(ledger, table, mapped, today, fixed=fixed, word_map=word_map)
        size = len(table.grid.rows) - table.first_data

        def reading(done: int, _total: int, base: int = done_before, size: int = size) -> None:
            _check_cancel(cancelled)
            if progress:
                progress((base + done * size // max(_total, 1)) // 2, total,
                         messages.text("import.progress_reading"))

        readers.append((reader, reader.read(reading)))
        done_before += size
    republished = _republished(readers)
    count_rows = sum(len(rows) for _, rows in readers)
    if not count_rows:
        raise LedgerError("error.import_no_rows", sheet=tables[0].grid.sheet)
    planner = Planner(ledger, readers[0][0], campaign_id, today)
    count = 0
    for reader, rows in readers:
        planner.use(reader)
        for row in rows:
            planner.add(row, bool(row.bad))
            count += 1
            if count % CHUNK == 0:
                _check_cancel(cancelled)
                if progress:
                    progress(total // 2 + count * total // (2 * count_rows), total,
                             messages.text("import.progress_checking"))
    plan = planner.finish()
    several = len(readers) > 1
    issues = []
    for reader, _ in readers:
        found = sorted(reader.issues, key=lambda issue: (issue.row, len(issue.column), issue.column))
        issues += [dataclasses.replace(i, sheet=reader.table.grid.sheet) for i in found] \
            if several else found
        if several:
            reader.skipped = [dataclasses.replace(s, sheet=reader.table.grid.sheet)
                              for s in reader.skipped]
    unknown: dict[tuple[str, str], Unknown] = {}
    for reader, _ in readers:
        for k, entry in reader.unknown.items():
            if k in unknown:
                unknown[k].cells.extend(f"{reader.table.grid.sheet}!{c}" for c in entry.cells)
            else:
                unknown[k] = entry
                if len(readers) > 1:
                    entry.cells = [f"{reader.table.grid.sheet}!{c}" for c in entry.cells]
    first = tables[0]
    return Preview(first, mapped_columns(first, overrides),
                   [row for _, rows in readers for row in rows], issues, plan,
                   skipped=[s for reader, _ in readers for s in reader.skipped],
                   unknown=list(unknown.values()),
                   sheets=[t.grid.sheet for t in tables], left_out=left_out,
                   republished=republished, tables=tables)


def _republished(readers: list[tuple[RowReader, list[SourceRow]]]) -> list[tuple[str, int, str]]:
    """A later batch's sheet republishing an earlier complaint (same 受理编号) with a newer
    status: one problem, its first batch and date, the newest status."""
    if len(readers) < 2:
        return []
    first_seen: dict[str, SourceRow] = {}
    found: list[tuple[str, int, str]] = []
    for index, (reader, rows) in enumerate(readers):
        kept = []
        for row in rows:
            number = row.values.get("complaint_number")
            earlier = first_seen.get(number) if number else None
            if earlier is None or earlier.sheet == index:
                if number:
                    first_seen.setdefault(number, row)
                    row.sheet = index
                kept.append(row)
                continue
            for name in ("status", "done_on", "closed_on", "note", "reopened_on"):
                if row.values.get(name) is not None:
                    earlier.values[name] = row.values[name]
            found.append((reader.table.grid.sheet, row.line, number))
        rows[:] = kept
    return found


@_without_collector
def run(ledger: Ledger, source: str | Path | Table | list[Table], sheet: str | None = None,
        overrides: Mapping[str, object] | None = None, dry_run: bool = False,
        campaign_id: str | None = None, progress: Progress | None = None,
        cancelled: Cancelled | None = None, today: dt.date | None = None,
        fixed: Mapping[str, object] | None = None, word_map: WordMap | None = None,
        all_sheets: bool = False, alone: bool = False) -> Outcome:
    """Import the sheet(s) in one transaction, or raise ImportRejected listing every error.
    `alone`: no other connection will use the ledger meanwhile (the CLI), so the rows may go
    into the file through a rollback journal (`bulk.tuned`)."""
    if word_map is not None and word_map.new and not dry_run:
        word_map.add_new_entries()
    checked = preview(ledger, source, sheet, overrides, campaign_id, progress, cancelled, today,
                      fixed, word_map, all_sheets)
    if checked.errors:
        raise ImportRejected(checked.errors, checked.warnings)
    plan = checked.plan
    try:
        with bulk.tuned(ledger.conn, alone=alone), ledger.transaction():
            _write(ledger, plan, progress, cancelled)
            if word_map is not None:
                word_map.remember()
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    touched = ("problem",) + (("enterprise",) if plan.enterprises else ()) + \
        (("batch",) if plan.batches else ())
    return Outcome(
        sheet="、".join(checked.sheets), rows=len(checked.rows), added=plan.added,
        updated=plan.updated, unchanged=plan.unchanged,
        enterprises_added=len(plan.enterprises), batches_added=len(plan.batches),
        warnings=checked.warnings, dry_run=dry_run, closed_as_done=plan.closed_as_done,
        changes=Changes() if dry_run or not (plan.added or plan.updated) else Changes.of(*touched),
        notices=checked.notices(), skipped=checked.skipped, unknown=checked.unknown)


def _write(ledger: Ledger, plan: Plan, progress: Progress | None,
           cancelled: Cancelled | None) -> None:
    conn = ledger.conn
    work = [("enterprise", ENTERPRISE_COLUMNS, plan.enterprises),
            ("batch", BATCH_COLUMNS, plan.batches), ("problem", PROBLEM_COLUMNS, plan.problems),
            ("problem_log", LOG_COLUMNS, plan.logs), ("measure", MEASURE_COLUMNS, plan.measures),
            ("acceptance", ACCEPTANCE_COLUMNS, plan.acceptances)]
    total = sum(len(rows) for _, _, rows in work) + len(plan.updates) or 1
    done = 0
    if progress:
        progress(0, total, messages.text("import.progress_writing"))
    with bulk.Load(conn, {table: len(rows) for table, _, rows in work}) as load:
        load.state_intervals(intervals.of_new(PROBLEM_COLUMNS, plan.problems, LOG_COLUMNS,
                                              plan.logs))
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
