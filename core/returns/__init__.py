"""Statistical returns to the province (报表) and the ledger export, in the province's form.

A return is the province's own .xlsx form with placeholders (`core.returns.forms`), filled
with openpyxl (`filling`); the rectification ledger of every problem streams through the
fast writer (`xlsx`) under its form's title, header and sign-off rows. The fronts (GUI
Returns page, `ecoledger-cli`) stay thin:

    ret = returns.build(ledger, "campaign_progress", as_of="2026-11-20")
    ret.sheet.texts()   # the filled form as a table of cells; ret.findings lists failed checks
    returns.export_return(ledger, "campaign_progress", path, as_of=..., progress=..., cancelled=...)
    returns.export_ledger_sheet(ledger, path, as_of=..., progress=..., cancelled=...)

An official return is always in Chinese, whatever the language of the interface.
"""
from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, TYPE_CHECKING

from .. import messages, outputs, statistics
from ..errors import LedgerError, NotFound
from ..progress import Cancelled, Progress
from . import checks, figures as figures_, filling, forms, ledger_sheet, marks, xlsx
from .checks import Finding, ReturnCheckFailed
from .filling import Block
from .forms import Form
from .templates import BY_REGION, PROBLEM_LIST, Template
from .xlsx import ExportCancelled

if TYPE_CHECKING:
    from ..ledger import Ledger

LEDGER_SHEET_TEMPLATE = "rectification_ledger"
PREVIEW_ROWS = 200
OFFICIAL_LANGUAGE = "zh_CN"

__all__ = ["Return", "Finding", "ReturnCheckFailed", "ExportCancelled", "Grid", "Template",
           "Form", "available", "build", "export_return", "export_ledger_sheet", "preview"]


@dataclass
class Grid:
    """A filled form as cell texts and merged ranges (0-based), for a preview."""

    rows: list[list[str]]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    first_data_row: int = 0

    def texts(self) -> list[list[str]]:
        return self.rows


@dataclass
class Return:
    """One return built from the ledger: its figures, its filled form and its failed checks."""

    form: Form
    figures: figures_.Figures | None  # of the first repeat row (the regions, usually)
    sheet: Grid
    findings: list[Finding]
    row_count: int = 0  # the rows the export writes (problem lists: every problem)
    as_of: str = ""
    campaign_id: str | None = None
    book: object = None  # the filled openpyxl workbook (forms), ready to save
    blocks: dict[int, Block] = field(default_factory=dict)

    @property
    def template(self) -> Template:
        return self.form.template


@contextmanager
def chinese() -> Iterator[None]:
    """Core messages and labels in Chinese while an official return is made."""
    before = messages.language()
    messages.set_language(OFFICIAL_LANGUAGE)
    try:
        yield
    finally:
        messages.set_language(before)


def available(ledger: Ledger | None = None) -> list[Form]:
    """The shipped forms and the bureau's own."""
    return [forms.find(ledger, str(path)) for path in forms.paths(ledger).values()]


def campaign_name(ledger: Ledger, campaign_id: str | None) -> str:
    if not campaign_id:
        return messages.text("return.all_campaigns")
    row = ledger.conn.execute("SELECT name FROM campaign WHERE id = ?", (campaign_id,)).fetchone()
    if row is None:
        raise NotFound("campaign", campaign_id)
    return row[0]


def as_of_day(as_of: object | None) -> str:
    """The figures' day: today when not given; a day after today is refused."""
    return statistics.as_of_day(as_of)


def build(ledger: Ledger, name: str | Form, as_of: object | None = None,
          campaign_id: str | None = None, reported_on: object | None = None,
          correction_note: str = "") -> Return:
    """A return ready to preview, check and save; problem lists hold the first rows only."""
    form = forms.find(ledger, name) if isinstance(name, str) else name
    d = as_of_day(as_of)
    with chinese():
        if form.kind == PROBLEM_LIST:
            return _list_preview(ledger, form, d, campaign_id, reported_on)
        blocks = {r.row: _block(ledger, form, r, d, campaign_id) for r in form.repeats}
        fields = marks.fields(ledger, form, d, campaign_name(ledger, campaign_id), reported_on,
                              correction_note)
        book = filling.fill(form, blocks, fields, correction_note)
        findings = checks.check_form(form, blocks)
    texts, merges = filling.grid(book)
    first = blocks[form.repeats[0].row] if form.repeats else None
    rows = sum(len(b.printed) for b in blocks.values())
    return Return(form, first.figures if first else None,
                  Grid(texts, merges, form.repeats[0].row - 1 if form.repeats else 0),
                  findings, rows + 1, d, campaign_id, book, blocks)


def _block(ledger: Ledger, form: Form, repeat: forms.RepeatRow, as_of: str,
           campaign_id: str | None) -> Block:
    figures = figures_.compute(ledger, form.template, as_of, campaign_id, repeat.dimension)
    columns = form.template.columns
    printed = []
    for row in figures.rows:
        values = {c.key: filling.printed_value(c, row.values[c.key]) for c in columns}
        values["_fields"] = {f"{repeat.dimension}.name": row.name,
                             f"{repeat.dimension}.code": row.key or ""}
        printed.append(values)
    return Block(repeat, figures, printed)


def _list_preview(ledger: Ledger, form: Form, as_of: str, campaign_id: str | None,
                  reported_on: object | None) -> Return:
    layout = ledger_sheet.ListLayout.of(form)
    total = ledger_sheet.count(ledger, as_of, campaign_id)
    fields = marks.fields(ledger, form, as_of, campaign_name(ledger, campaign_id), reported_on,
                          row_count=total)
    rows = [[filling.substitute(t, fields, "") if t else "" for t in r] for r in layout.top]
    for i, values in enumerate(ledger_sheet.rows(ledger, layout.fields, as_of, campaign_id,
                                                 limit=PREVIEW_ROWS)):
        rows.append([str(v) if v is not None else "" for v in layout.row(i, values)])
    return Return(form, None, Grid(rows, [m for m in layout.merges_above], len(layout.top)),
                  [], total, as_of, campaign_id)


def preview(ledger: Ledger, name: str, as_of: object | None = None,
            campaign_id: str | None = None) -> list[list[str]]:
    """The return as rows of cell texts (what the GUI shows before saving)."""
    return build(ledger, name, as_of, campaign_id).sheet.texts()


def export_return(ledger: Ledger, name: str | Form, path: str | Path,
                  as_of: object | None = None, campaign_id: str | None = None,
                  reported_on: object | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None, correction_note: str = "",
                  force: bool = False) -> Return:
    """Build, check and write a return; a failed check raises and writes nothing. An
    existing file is replaced only with `force` (see core.outputs)."""
    path = outputs.target(path, ".xlsx", ledger, force)
    form = forms.find(ledger, name) if isinstance(name, str) else name
    if form.kind == PROBLEM_LIST:
        export_ledger_sheet(ledger, path, form, as_of, campaign_id, reported_on, progress,
                            cancelled, force=True)
        return build(ledger, form, as_of, campaign_id, reported_on)
    if progress:
        progress(0, 2, messages.text("return.progress.figures"))
    ret = build(ledger, form, as_of, campaign_id, reported_on, correction_note)
    if ret.findings:
        raise ReturnCheckFailed(ret.findings)
    if cancelled and cancelled():
        raise ExportCancelled()
    filling.save(ret.book, path)
    if progress:
        progress(2, 2, messages.text("return.progress.written"))
    return ret


def export_ledger_sheet(ledger: Ledger, path: str | Path,
                        name: str | Form = LEDGER_SHEET_TEMPLATE, as_of: object | None = None,
                        campaign_id: str | None = None, reported_on: object | None = None,
                        progress: Progress | None = None, cancelled: Cancelled | None = None,
                        force: bool = False) -> int:
    """Write every problem counted on `as_of`, one row each, between the form's title and
    sign-off rows; returns the row count. An existing file is replaced only with `force`."""
    path = outputs.target(path, ".xlsx", ledger, force)
    form = forms.find(ledger, name) if isinstance(name, str) else name
    if form.kind != PROBLEM_LIST:
        raise LedgerError("error.return_not_list", name=form.name)
    d = as_of_day(as_of)
    layout = ledger_sheet.ListLayout.of(form)
    with chinese(), ledger_sheet.snapshot(ledger):  # the count and the rows agree
        total = ledger_sheet.count(ledger, d, campaign_id)
        fields = marks.fields(ledger, form, d, campaign_name(ledger, campaign_id), reported_on,
                              row_count=total)
        written = ledger_sheet.write(ledger, layout, path, d, campaign_id, fields, total,
                                     progress, cancelled)
    if progress:
        progress(written, total, "")
    return written
