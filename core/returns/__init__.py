"""Statistical returns to the province (报表) and the ledger export, in the province's layout.

The fronts (GUI Returns page, `ecoledger-cli`) stay thin:

    ret = returns.build(ledger, "campaign_progress", as_of="2026-11-20")
    ret.sheet.texts()   # preview as a table of cells; ret.findings lists failed checks
    returns.export_return(ledger, "campaign_progress", path, as_of=..., progress=..., cancelled=...)
    returns.export_ledger(ledger, path, progress=..., cancelled=...)
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import dates, messages, outputs, settings
from ..errors import LedgerError, NotFound
from ..ledger import Ledger
from . import checks, figures as figures_, layout, ledger_export, templates, xlsx
from .checks import Finding, ReturnCheckFailed
from .layout import Sheet
from .templates import BY_REGION, PROBLEM_LIST, Template
from .xlsx import ExportCancelled

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
LEDGER_TEMPLATE = "rectification_ledger"
PREVIEW_ROWS = 200

__all__ = ["Return", "Finding", "ReturnCheckFailed", "ExportCancelled", "Sheet", "Template",
           "available", "build", "export_return", "export_ledger", "preview"]


@dataclass
class Return:
    """One return built from the ledger: its figures, its grid and its failed checks."""

    template: Template
    figures: figures_.Figures | None
    sheet: Sheet
    findings: list[Finding]
    row_count: int = 0  # problem lists: the rows the full export will write


def available() -> list[Template]:
    """The shipped return templates."""
    return [templates.load(name) for name in templates.names()]


def context(ledger: Ledger, as_of: str, campaign_id: str | None) -> layout.Context:
    """The values template texts may name: {unit_name}, {campaign}, {as_of_text}, {year}, {month}."""
    day = dt.date.fromisoformat(as_of)
    return layout.Context(
        unit_name=settings.get(ledger, "unit_name") or "", as_of=as_of,
        as_of_text=f"{day.year}年{day.month}月{day.day}日", year=day.year, month=day.month,
        campaign=_campaign_name(ledger, campaign_id))


def _campaign_name(ledger: Ledger, campaign_id: str | None) -> str:
    if not campaign_id:
        return messages.text("return.all_campaigns")
    row = ledger.conn.execute("SELECT name FROM campaign WHERE id = ?", (campaign_id,)).fetchone()
    if row is None:
        raise NotFound("campaign", campaign_id)
    return row[0]


def footer(ledger: Ledger, reported_on: object | None = None) -> dict[str, str]:
    """Footer fields from settings; the report date defaults to today."""
    try:
        day = dates.parse_date(reported_on) if reported_on else dates.today()
    except dates.DateError:
        raise LedgerError("error.date_invalid", value=reported_on) from None
    values = {key: settings.get(ledger, key) or "" for key in ("unit_head", "filled_by", "phone")}
    return {**values, "reported_on": f"{day.year}年{day.month}月{day.day}日"}


def _as_of(as_of: object | None) -> str:
    if as_of in (None, ""):
        return dates.today().isoformat()
    try:
        return dates.iso(as_of)
    except dates.DateError:
        raise LedgerError("error.as_of_invalid", value=as_of) from None


def build(ledger: Ledger, name: str | Template, as_of: object | None = None,
          campaign_id: str | None = None, reported_on: object | None = None) -> Return:
    """A return ready to preview and check; problem lists hold the first rows only."""
    template = templates.load(name) if isinstance(name, str) else name
    d = _as_of(as_of)
    ctx = context(ledger, d, campaign_id)
    if template.kind == PROBLEM_LIST:
        return _list_preview(ledger, template, ctx, campaign_id)
    figures = figures_.compute(ledger, template, d, campaign_id)
    sheet = layout.by_region(figures, ctx, footer(ledger, reported_on))
    return Return(template, figures, sheet, checks.check(figures, sheet.first_data_row),
                  len(figures.rows) + 1)


def _list_preview(ledger: Ledger, template: Template, ctx: layout.Context,
                  campaign_id: str | None) -> Return:
    sheet = layout.problem_list_top(template, ctx)
    for values in ledger_export.rows(ledger, template, campaign_id, limit=PREVIEW_ROWS):
        sheet.add([(v, "text") for v in values])
    return Return(template, None, sheet, [], ledger_export.count(ledger, campaign_id))


def preview(ledger: Ledger, name: str, as_of: object | None = None,
            campaign_id: str | None = None) -> list[list[str]]:
    """The return as rows of cell texts (what the GUI shows before saving)."""
    return build(ledger, name, as_of, campaign_id).sheet.texts()


def export_return(ledger: Ledger, name: str | Template, path: str | Path,
                  as_of: object | None = None, campaign_id: str | None = None,
                  reported_on: object | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None, force: bool = False) -> Return:
    """Build, check and write a return; a failed check raises and writes nothing. An
    existing file is replaced only with `force` (see core.outputs)."""
    path = outputs.target(path, ".xlsx", ledger, force)
    template = templates.load(name) if isinstance(name, str) else name
    if template.kind == PROBLEM_LIST:
        export_ledger(ledger, path, template, campaign_id, progress, cancelled, force=True)
        return build(ledger, template, as_of, campaign_id)
    if progress:
        progress(0, 2, messages.text("return.progress.figures"))
    ret = build(ledger, template, as_of, campaign_id, reported_on)
    if ret.findings:
        raise ReturnCheckFailed(ret.findings)
    if cancelled and cancelled():
        raise ExportCancelled()
    write_sheet(ret.sheet, path, _sheet_name(template))
    if progress:
        progress(2, 2, messages.text("return.progress.written"))
    return ret


def write_sheet(sheet: Sheet, path: str | Path, name: str) -> None:
    """Write a laid-out sheet (small: returns) to `path`."""
    setup = xlsx.PageSetup(title_rows=sheet.title_rows, freeze=(sheet.first_data_row, 1))
    writer = xlsx.SheetWriter(path, name, sheet.widths, setup, row_count=len(sheet.rows))
    try:
        _write_rows(writer, sheet)
        writer.close()
    except BaseException:
        writer.abort()
        raise


def _write_rows(writer: xlsx.SheetWriter, sheet: Sheet) -> None:
    for cells, height in zip(sheet.rows, sheet.heights):
        writer.styled_row(cells, height)
    for merge in sheet.merges:
        writer.merge(*merge)


def export_ledger(ledger: Ledger, path: str | Path, name: str | Template = LEDGER_TEMPLATE,
                  campaign_id: str | None = None, progress: Progress | None = None,
                  cancelled: Cancelled | None = None, force: bool = False) -> int:
    """Write every live problem, one row each, under the title block; returns the row count."""
    path = outputs.target(path, ".xlsx", ledger, force)
    template = templates.load(name) if isinstance(name, str) else name
    if template.kind != PROBLEM_LIST:
        raise LedgerError("error.return_not_list", name=template.name)
    ctx = context(ledger, dates.today().isoformat(), campaign_id)
    top = layout.problem_list_top(template, ctx)
    with ledger_export.snapshot(ledger):  # the count and the rows agree
        total = ledger_export.count(ledger, campaign_id)
        setup = xlsx.PageSetup(title_rows=top.title_rows, freeze=(top.first_data_row, 0))
        writer = xlsx.SheetWriter(path, _sheet_name(template), top.widths, setup,
                                  row_count=len(top.rows) + total)
        try:
            _write_rows(writer, top)
            formats = [c.format for c in template.columns]
            written = writer.table_rows(ledger_export.rows(ledger, template, campaign_id),
                                        formats, total, progress, cancelled)
            writer.close()
        except ExportCancelled:
            raise
        except BaseException:
            writer.abort()
            raise
    if progress:
        progress(written, total, "")
    return written


def _sheet_name(template: Template) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\."""
    text = template.description or template.name
    for ch in "[]:*?/\\":
        text = text.replace(ch, "")
    return text.split("（")[0][:31] or "Sheet1"
