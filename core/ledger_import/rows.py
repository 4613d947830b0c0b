"""Reading the data rows of a located table into clean field values and per-cell findings."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Callable, Mapping, TYPE_CHECKING

from .. import dates, deadlines, messages, numbering, regions
from ..errors import LedgerError
from ..workflow import Status
from . import cleaning
from .cleaning import Finding, Result
from .context import (Blocks, Classifier, Skipped, TitleFacts, batch_of_sheet, complaint_date,
                      read_title)
from .table import Table
from .words import Unknown
from .workbook import column_letter

if TYPE_CHECKING:
    from ..ledger import Ledger

DEFAULT_SOURCE = "supervision_letter"
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
    sheet: str = ""  # named when an import reads several sheets

    @property
    def reason(self) -> str:
        return messages.text(self.code, **self.params)

    @property
    def message(self) -> str:
        shown = display(self.value)
        where = "import.cell_at" if self.column else "import.row_at"
        place = messages.text(where, row=self.row, column=self.column, header=self.header)
        if self.sheet:
            place = messages.text("import.in_sheet", sheet=self.sheet, place=place)
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
    items: list = field(default_factory=list)  # (measure, status rank, done) of a task's rows
    sheet: int = 0  # which of several sheets


class RegionIndex:
    """Regions and units of the jurisdiction as clerks write them (曲沃县, 曲沃, 临汾市曲沃县,
    141021, 临汾经济开发区), through the one resolver of `core.regions`; a name outside the
    jurisdiction, or shared by two, is refused."""

    def __init__(self, ledger: Ledger):
        self.resolver = regions.Resolver(ledger, local_only=True)
        top = regions.require(ledger, self.resolver.top)
        counties = regions.counties_of(ledger, top.code)
        self.only = counties[0].code if len(counties) == 1 else None
        self._inside: dict[str | None, str | None] = {}

    def found_in(self, text: str | None) -> str | None:
        """The county or unit named inside a text such as 责任单位 (曲沃县人民政府)."""
        if text not in self._inside:
            self._inside[text] = self.resolver.found_in(text)
        return self._inside[text]

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
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class Day(str):
    """A deadline cell read as a plain date (no wording to keep)."""
RANK = {Status.ASSIGNED.value: 0, Status.IN_PROGRESS.value: 1, Status.STAGE_CONCLUDED.value: 2,
        Status.REPORTED_DONE.value: 3, Status.CLOSED.value: 4, Status.REOPENED.value: 4}
# Fields a --set value may give.
SETTABLE = ("region", "enterprise", "category", "source", "batch", "assigned_on", "deadline",
            "responsible_unit", "responsible_person", "status")


def _filled(raw: list, used: list[int]) -> bool:
    for column in used:
        if raw[column] != "" and raw[column] is not None:
            return True
    return False


def _clean_column(clean: cleaning.Cleaner, cells: list) -> tuple[list, dict]:
    """`clean` applied to each cell, once per distinct value: the clean values, and the
    findings by the index of their cell."""
    try:
        seen = {cell: clean(cell) for cell in dict.fromkeys(cells)}  # in order of first sight
    except TypeError:  # an unhashable cell
        results = [clean(cell) for cell in cells]
        return [value for value, _ in results], {
            at: finding for at, (_, finding) in enumerate(results) if finding is not None}
    found = {cell: finding for cell, (_, finding) in seen.items() if finding is not None}
    values = list(map({cell: value for cell, (value, _) in seen.items()}.__getitem__, cells))
    if not found:
        return values, {}
    return values, {at: found[cell] for at, cell in enumerate(cells) if cell in found}


class RowReader:
    """Cleans the mapped columns of each data row, collecting findings, skipped rows and
    unknown words; fills what the file lacks from --set values, the title and complaint
    numbers; reads closure and status as bureaus write them."""

    def __init__(self, ledger: Ledger, table: Table, columns: Columns,
                 today: dt.date | None = None, default_source: str = DEFAULT_SOURCE,
                 fixed: Mapping[str, object] | None = None, word_map=None):
        self.table = table
        self.columns = dict(columns)
        self.today = today or dates.today()
        self.issues: list[CellIssue] = []
        self.skipped: list[Skipped] = []
        self.unknown: dict[tuple[str, str], Unknown] = {}
        self.regions = RegionIndex(ledger)
        self.title = table_title(table)
        words = self.words = cleaning.Vocabularies(ledger, word_map)
        past = self.today
        year = self.title.year

        def day(required: bool, not_future: bool = False) -> cleaning.Cleaner:
            return lambda v: cleaning.clean_date(v, required, past, not_future, year)

        self.cleaners: dict[str, cleaning.Cleaner] = {
            "number": cleaning.clean_number,
            "complaint_number": lambda v: (numbering.normalise_complaint_number(
                cleaning.code_text(v)), None),
            "region": self.regions.clean,
            "enterprise": lambda v: cleaning.clean_text(v, 200),
            "credit_code": cleaning.clean_credit_code,
            "category": words.clean_category,
            "description": lambda v: cleaning.clean_text(v, required=True),
            "source": lambda v: words.clean_source(v, default_source),
            "batch": lambda v: cleaning.clean_text(v, 100),
            "assigned_on": day(False, not_future=True),
            "deadline": self._deadline_text,
            "responsible_unit": lambda v: cleaning.clean_text(v, 200),
            "responsible_person": lambda v: cleaning.clean_text(v, 60),
            "measures": cleaning.clean_text,
            "status": words.clean_status,
            "closure": cleaning.clean_closure,
            "progress": cleaning.clean_text,
            "done_on": day(False, not_future=True),
            "closed_on": day(False, not_future=True),
            "reopened_on": day(False, not_future=True),
            "earlier_closed_on": day(False, not_future=True),
            "accepted_on": day(False, not_future=True),
            "accepted_by": lambda v: cleaning.clean_text(v, 60),
            "accepted_unit": lambda v: cleaning.clean_text(v, 200),
            "opinion": cleaning.clean_text,
        }
        self.fixed = self._fixed(fixed or {})
        self.defaults = {name: value for name, value in (
            ("category", "other"), ("source", default_source)) if name not in self.columns}
        self._deadlines: dict[tuple, tuple] = {}

    def _deadline_text(self, value: object) -> Result:
        """A deadline cell: a date (kept as a `Day`), or its text for `core.deadlines`."""
        if cleaning.blank(value):
            return None, None
        if isinstance(value, (dt.date, float, int)) or (
                isinstance(value, str) and _ISO.match(value)):
            day, finding = cleaning.clean_date(value, False, self.today, False, self.title.year)
            return (Day(day) if day else None), finding
        return cleaning.text(value), None

    def _fixed(self, given: Mapping[str, object]) -> dict[str, object]:
        """--set values, cleaned as a cell of their field would be."""
        found: dict[str, object] = {}
        for name, raw in given.items():
            if name not in SETTABLE:
                raise LedgerError("error.import_set_field", field=name, fields=", ".join(SETTABLE))
            value, finding = self.cleaners[name](raw)
            if finding is not None:
                if finding.code == cleaning.UNKNOWN:
                    raise LedgerError("error.import_set_value", field=name, value=raw,
                                      reason=messages.text("error.import_set_unknown_word"))
                raise LedgerError("error.import_set_value", field=name, value=raw,
                                  reason=messages.text(finding.code, **finding.params))
            found[name] = value
        return found

    def read(self, progress: Callable[[int, int], None] | None = None,
             limit: int | None = None) -> list[SourceRow]:
        """Every data row, clean; findings land in `self.issues`, rows that are not problems
        in `self.skipped`.

        Cleaning runs column by column: a ledger column repeats few values (counties,
        statuses, dates), so each distinct value is cleaned once."""
        first = self.table.first_data
        data = self.table.grid.rows[first:]
        plan = [(f, c, self.cleaners[f]) for f, c in self.columns.items() if f in self.cleaners]
        used = [c for _, c, _ in plan]
        keep: list[int] = []
        blocks = Blocks()
        classify = Classifier(self.table.headers, self.columns)
        for i, raw in enumerate(data):
            kind = classify(raw)
            if kind is None:
                if _filled(raw, used):
                    keep.append(i)
                continue
            self.skipped.append(Skipped(first + i + 1, *kind))
            if kind[0] in ("title", "section"):
                facts = read_title([kind[1]])
                if facts.batch or facts.assigned_on or facts.as_of:
                    blocks.starts.append((i, facts))
        if limit:
            keep = keep[:limit]
        kept = [data[i] for i in keep]
        names = [name for name, _, _ in plan]
        cleaned = []
        rows = [SourceRow(first + i + 1, {}) for i in keep]
        for done, (name, column, clean) in enumerate(plan):
            cells = list(map(itemgetter(column), kept))
            values, findings = _clean_column(clean, cells)
            cleaned.append(values)
            for at, finding in findings.items():
                self.add(rows[at], name, cells[at], finding)
            if progress:
                progress(len(rows) * (done + 1) // len(plan), len(rows))
        for row, values in zip(rows, zip(*cleaned)):
            row.values = dict(zip(names, values))
        sheet_facts = self.title
        for index, row, raw in zip(keep, rows, kept):
            facts = blocks.at(index, sheet_facts) if blocks.starts else sheet_facts
            self._defaults(row, facts)
            self._status(row, raw, facts)
            self._check(row, raw)
        return self._grouped(rows) if "measures" in self.columns else rows

    def _defaults(self, row: SourceRow, facts: TitleFacts) -> None:
        """Values of fields the sheet has no column (or an empty cell) for: --set values,
        the title's batch and date, the date inside a complaint number."""
        values = row.values
        values.update(self.defaults)
        for name, value in self.fixed.items():
            if name not in self.columns or values.get(name) in (None, ""):
                values[name] = value
                row.bad.discard(name)
        if not values.get("batch") and facts.batch:
            values["batch"] = facts.batch
        if not values.get("assigned_on") and "assigned_on" not in row.bad:
            day = complaint_date(values.get("complaint_number") or values.get("number")) \
                or facts.assigned_on
            if day:
                values["assigned_on"] = day
            else:
                self.add(row, "assigned_on", None, Finding("error.import_assigned_needed"))
        raw_deadline = values.get("deadline")
        values["deadline_text"] = None
        values["deadline_kind"] = "date"
        if raw_deadline and type(raw_deadline) is not Day and values.get("assigned_on"):
            self._parse_deadline(row, raw_deadline)

    def _parse_deadline(self, row: SourceRow, written: object) -> None:
        values = row.values
        cache_key = (written, values["assigned_on"])
        found = self._deadlines.get(cache_key)
        if found is None:
            try:
                read = deadlines.parse(written, values["assigned_on"])
                found = (read.date, read.text, read.kind.value, None)
            except (dates.DateError, LedgerError):
                found = (None, None, None, Finding("error.date_invalid", {"value": written}))
            self._deadlines[cache_key] = found
        values["deadline"], values["deadline_text"], values["deadline_kind"], finding = found
        if finding is not None:
            self.add(row, "deadline", written, finding)
        elif values["deadline_kind"] == deadlines.Kind.VAGUE.value:
            self.add(row, "deadline", written, Finding("warning.import_deadline_vague",
                                                       {"value": written}, warning=True))

    def _status(self, row: SourceRow, raw: list, facts: TitleFacts) -> None:
        """The row's status: a status column's word, else the progress text's; closed only
        by a 销号 column or a closing date; contradictions warned per cell."""
        values = row.values
        earlier = values.pop("earlier_closed_on", None)
        if earlier and values.get("reopened_on") and not values.get("closed_on"):
            values["closed_on"] = earlier  # closed, then reopened: the same history
        word = values.get("status")
        progress = values.get("progress")
        if word is None and progress:
            word = cleaning.status_in_text(progress)
        status = word or (Status.REPORTED_DONE.value if values.get("done_on")
                          else Status.ASSIGNED.value)
        closure, closed_on = values.get("closure"), values.get("closed_on")
        reopened = bool(closed_on and values.get("reopened_on")
                        and values["reopened_on"] >= closed_on)
        closes = not reopened and (closure is True or (closure is None and bool(closed_on)))
        if closure is False and closed_on:
            self.add(row, "closed_on", closed_on, Finding(
                "warning.import_closure_contradiction",
                {"closure": display(self._raw(raw, "closure"))}, warning=True))
        if status == Status.REOPENED.value or reopened:
            closes = False
            values["reopened"] = reopened
        elif status == Status.CLOSED.value:
            if closure is False:
                self.add(row, "status", self._raw(raw, "status"), Finding(
                    "warning.import_status_not_closed",
                    {"closure": display(self._raw(raw, "closure"))}, warning=True))
                status = Status.REPORTED_DONE.value
            else:
                closes = True
        elif closes and "status" in self.columns and values.get("status") \
                and RANK[status] < RANK[Status.REPORTED_DONE.value]:
            where = "closure" if closure is True else "closed_on"
            self.add(row, "status", self._raw(raw, "status"), Finding(
                "warning.import_closed_but_open", {"closure": display(self._raw(raw, where))},
                warning=True))
        if closes:
            status = Status.CLOSED.value
        elif not values.get("reopened"):
            values["closed_on"] = None  # a closing date the 销号 column contradicts
        if status in _DONE or status == Status.STAGE_CONCLUDED.value:
            if not (values.get("done_on") or values.get("closed_on")):
                if facts.as_of:
                    values["done_on"] = facts.as_of
                else:  # flagged, never silently today
                    where = next((name for name in ("status", "closure", "progress")
                                  if name in self.columns), "status")
                    self.add(row, where, self._raw(raw, where),
                             Finding("warning.import_done_date_unknown",
                                     {"today": self.today.isoformat()}, warning=True))
        values["status"] = status
        values["note"] = progress

    def _raw(self, raw: list, name: str) -> object:
        """The cell of field `name` in `raw`, None when the field has no column."""
        column = self.columns.get(name)
        return raw[column] if column is not None else None

    def _check(self, row: SourceRow, raw: list) -> None:
        """Rules across cells of one row: date order, and the dates a status needs."""
        values = row.values
        assigned, deadline = values.get("assigned_on"), values.get("deadline")
        if assigned and deadline and deadline < assigned and "deadline" in self.columns:
            self.add(row, "deadline", raw[self.columns["deadline"]],
                     Finding("error.deadline_before_assigned", {"first": assigned, "second": deadline}))
        done, closed = values.get("done_on"), values.get("closed_on")
        if assigned and done and done < assigned and "done_on" in self.columns:
            self.add(row, "done_on", raw[self.columns["done_on"]],
                     Finding("error.import_done_before_assigned", {"day": done, "assigned": assigned}))
        if closed and (done or assigned) and closed < (done or assigned):
            where = "closed_on" if "closed_on" in self.columns else "earlier_closed_on"
            self.add(row, where, self._raw(raw, where),
                     Finding("error.import_closed_before_done", {"day": closed, "done": done or assigned}))
        status = values.get("status")
        if status not in _DONE and status != Status.STAGE_CONCLUDED.value \
                and not values.get("reopened") and (done or closed) \
                and "status" in self.columns and values.get("closure") is None:
            self.add(row, "status", raw[self.columns["status"]],
                     Finding("warning.import_date_without_status", {}, warning=True))

    def _grouped(self, rows: list[SourceRow]) -> list[SourceRow]:
        """A task over several rows (序号 and task cells merged down, one measure a row) as
        one problem with its measures, the least advanced row's status being the task's."""
        result: list[SourceRow] = []
        for row in rows:
            values = row.values
            last = result[-1] if result else None
            item = (values.get("measures"), RANK.get(values.get("status"), 0), values.get("done_on"),
                    values.get("deadline"), values.get("deadline_text"), values.get("deadline_kind"))
            if last is not None and values.get("description") and \
                    last.values.get("description") == values.get("description") and \
                    last.values.get("number") == values.get("number") and \
                    last.values.get("complaint_number") == values.get("complaint_number") and \
                    last.values.get("enterprise") == values.get("enterprise") and \
                    values.get("measures") and values.get("measures") != last.values.get("measures"):
                last.items.append(item)
                last.bad |= row.bad
                if RANK.get(values.get("status"), 0) < RANK.get(last.values.get("status"), 0):
                    last.values["status"] = values["status"]
                    last.values["done_on"] = values.get("done_on")
                    last.values["closed_on"] = values.get("closed_on")
                continue
            row.items = [item]
            result.append(row)
        for row in result:
            if len(row.items) > 1:
                row.values["measure_items"] = [
                    (text, rank >= RANK[Status.REPORTED_DONE.value], done, *deadline)
                    for text, rank, done, *deadline in row.items if text]
        return result

    def add(self, row: SourceRow, name: str, value: object, finding: Finding) -> None:
        """Record a finding about field `name` of `row`."""
        if finding.code == cleaning.UNKNOWN:
            kind, word = finding.params["kind"], finding.params["word"]
            entry = self.unknown.get((kind, word))
            if entry is None:
                entry = self.unknown[(kind, word)] = Unknown(
                    kind, word, [], finding.params["fallback"],
                    self.words.label(kind, finding.params["fallback"]))
            column = self.columns.get(name)
            entry.cells.append(f"{column_letter(column)}{row.line}" if column is not None
                               else str(row.line))
            return
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


def table_title(table: Table) -> TitleFacts:
    """Facts from the rows above the header, and from the sheet's name."""
    texts = []
    for row in table.grid.rows[:table.header_first]:
        texts.extend(str(v) for v in row if v not in ("", None) and isinstance(v, str))
    facts = read_title(texts)
    if facts.batch is None:
        facts.batch = batch_of_sheet(table.grid.sheet)
    return facts
