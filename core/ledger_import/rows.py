"""Reading the data rows of a located table into clean field values and per-cell findings."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Mapping

from .. import dates, messages, regions
from ..errors import LedgerError
from ..ledger import Ledger
from ..workflow import Status
from . import cleaning
from .cleaning import Finding, Result
from .table import Table
from .workbook import column_letter

DEFAULT_SOURCE = "supervision_letter"
_FOOTER_WORDS = ("填表", "制表", "审核", "备注", "说明", "合计", "总计", "注：", "注:", "负责人",
                 "联系电话", "报出日期")
_DONE = (Status.REPORTED_DONE.value, Status.CLOSED.value)


@dataclass(frozen=True)
class CellIssue:
    """A finding about one cell, placed as the user sees it in Excel."""

    row: int        # Excel's row number, counting title rows
    column: str     # Excel's column letters; "" when the field has no column
    header: str
    value: object
    code: str
    params: dict = field(default_factory=dict)
    warning: bool = False

    @property
    def reason(self) -> str:
        return messages.text(self.code, **self.params)

    @property
    def message(self) -> str:
        shown = display(self.value)
        where = "import.cell_at" if self.column else "import.row_at"
        place = messages.text(where, row=self.row, column=self.column, header=self.header)
        if shown:
            return messages.text("import.cell_value", place=place, value=shown, reason=self.reason)
        return messages.text("import.cell_blank", place=place, reason=self.reason)

    def __str__(self) -> str:
        return self.message


def display(value: object) -> str:
    """A cell's value as Excel shows it, short."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime) and not value.time():
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    shown = str(value).strip()
    return shown if len(shown) <= 40 else shown[:39] + "…"


@dataclass
class SourceRow:
    """One data row: its Excel row number and its clean values by field."""

    line: int
    values: dict[str, object]
    bad: set[str] = field(default_factory=set)  # fields with a blocking finding


class RegionIndex:
    """Regions and units of the jurisdiction as clerks write them (曲沃县, 曲沃, 临汾市曲沃县,
    141021, 临汾经济开发区), through the one resolver of `core.regions`; a name outside the
    jurisdiction, or shared by two, is refused."""

    def __init__(self, ledger: Ledger):
        self.resolver = regions.Resolver(ledger, local_only=True)
        top = regions.require(ledger, self.resolver.top)
        counties = regions.counties_of(ledger, top.code)
        self.only = counties[0].code if len(counties) == 1 else None

    def clean(self, value: object) -> Result:
        name = cleaning.code_text(value)
        if name is None:
            return None, None
        try:
            return self.resolver.code(name), None
        except LedgerError as error:
            if error.code == "error.region_ambiguous":
                return None, Finding(error.code, dict(error.params))
            return None, Finding("error.import_region_unknown", {"value": value})


Columns = Mapping[str, int]


def _filled(raw: list, used: list[int]) -> bool:
    for column in used:
        if raw[column] != "" and raw[column] is not None:
            return True
    return False


def _footer(raw: list) -> bool:
    """A signature or notes line under the table (填表人：…) rather than a problem."""
    if raw.count("") < len(raw) - 1:
        return False
    filled = [v for v in raw if v not in ("", None)]
    return len(filled) == 1 and isinstance(filled[0], str) and \
        filled[0].strip().startswith(_FOOTER_WORDS)


def _clean_column(clean: cleaning.Cleaner, cells: list) -> list[Result]:
    """`clean` applied to each cell, once per distinct value."""
    seen: dict = {}
    results = []
    for cell in cells:
        try:
            result = seen.get(cell)
        except TypeError:  # unhashable
            result = clean(cell)
        if result is None:
            result = seen[cell] = clean(cell)
        results.append(result)
    return results


class RowReader:
    """Cleans the mapped columns of each data row, collecting findings."""

    def __init__(self, ledger: Ledger, table: Table, columns: Columns,
                 today: dt.date | None = None, default_source: str = DEFAULT_SOURCE):
        self.table = table
        self.columns = dict(columns)
        self.today = today or dates.today()
        self.issues: list[CellIssue] = []
        self.regions = RegionIndex(ledger)
        words = cleaning.Vocabularies(ledger)
        past = self.today

        def day(required: bool, not_future: bool = False) -> cleaning.Cleaner:
            return lambda v: cleaning.clean_date(v, required, past, not_future)

        self.cleaners: dict[str, cleaning.Cleaner] = {
            "number": cleaning.clean_number,
            "region": self.regions.clean,
            "enterprise": lambda v: cleaning.clean_text(v, 200),
            "credit_code": cleaning.clean_credit_code,
            "category": words.clean_category,
            "description": lambda v: cleaning.clean_text(v, required=True),
            "source": lambda v: words.clean_source(v, default_source),
            "batch": lambda v: cleaning.clean_text(v, 100),
            "assigned_on": day(True, not_future=True),
            "deadline": day(True),
            "responsible_unit": lambda v: cleaning.clean_text(v, 200),
            "responsible_person": lambda v: cleaning.clean_text(v, 60),
            "measures": cleaning.clean_text,
            "status": words.clean_status,
            "done_on": day(False, not_future=True),
            "closed_on": day(False, not_future=True),
        }
        self.defaults = {name: value for name, value in (
            ("category", "other"), ("source", default_source), ("status", Status.ASSIGNED.value))
            if name not in self.columns}

    def read(self, progress: Callable[[int, int], None] | None = None,
             limit: int | None = None) -> list[SourceRow]:
        """Every data row, clean; findings land in `self.issues`.

        Cleaning runs column by column: a ledger column repeats few values (counties,
        statuses, dates), so each distinct value is cleaned once."""
        first = self.table.first_data
        data = self.table.grid.rows[first:]
        plan = [(f, c, self.cleaners[f]) for f, c in self.columns.items() if f in self.cleaners]
        used = [c for _, c, _ in plan]
        keep = [i for i, raw in enumerate(data) if _filled(raw, used) and not _footer(raw)]
        if limit:
            keep = keep[:limit]
        rows = [SourceRow(first + i + 1, {}) for i in keep]
        kept = [data[i] for i in keep]
        for done, (name, column, clean) in enumerate(plan):
            cells = [raw[column] for raw in kept]
            for row, cell, (value, finding) in zip(rows, cells, _clean_column(clean, cells)):
                row.values[name] = value
                if finding is not None:
                    self.add(row, name, cell, finding)
            if progress:
                progress(len(rows) * (done + 1) // len(plan), len(rows))
        for row, raw in zip(rows, kept):
            self._defaults(row.values)
            self._check(row, raw)
        return rows

    def _defaults(self, values: dict[str, object]) -> None:
        """Values of fields the sheet has no column for."""
        values.update(self.defaults)

    def _check(self, row: SourceRow, raw: list) -> None:
        """Rules across cells of one row: date order, and the dates a status needs."""
        values = row.values
        assigned, deadline = values.get("assigned_on"), values.get("deadline")
        if assigned and deadline and deadline < assigned:
            self.add(row, "deadline", raw[self.columns["deadline"]],
                      Finding("error.deadline_before_assigned", {"first": assigned, "second": deadline}))
        done, closed = values.get("done_on"), values.get("closed_on")
        if assigned and done and done < assigned:
            self.add(row, "done_on", raw[self.columns["done_on"]],
                      Finding("error.import_done_before_assigned", {"day": done, "assigned": assigned}))
        if closed and (done or assigned) and closed < (done or assigned):
            self.add(row, "closed_on", raw[self.columns["closed_on"]],
                      Finding("error.import_closed_before_done", {"day": closed, "done": done or assigned}))
        status = values.get("status")
        if status in _DONE and not (done or closed) and "status" in self.columns:
            self.add(row, "status", raw[self.columns["status"]],
                      Finding("warning.import_done_date_unknown",
                              {"today": self.today.isoformat()}, warning=True))
        elif status not in _DONE and (done or closed) and status is not None:
            self.add(row, "status", raw[self.columns["status"]],
                      Finding("warning.import_date_without_status", {}, warning=True))

    def add(self, row: SourceRow, name: str, value: object, finding: Finding) -> None:
        """Record a finding about field `name` of `row`."""
        if not finding.warning:
            row.bad.add(name)
        self.issues.append(self.issue(row.line, name, value, finding))

    def issue(self, line: int, name: str, value: object, finding: Finding) -> CellIssue:
        column = self.columns.get(name)
        if column is None:
            return CellIssue(line, "", messages.label(f"import_field.{name}"), value,
                             finding.code, finding.params, finding.warning)
        return CellIssue(line, column_letter(column), self.table.headers[column] or
                         messages.label(f"import_field.{name}"), value,
                         finding.code, finding.params, finding.warning)
