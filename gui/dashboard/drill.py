"""Open the Problems or Penalty cases page on exactly the rows behind a plotted figure."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QWidget

from core.statistics import Filter


def set_filters(bar, flt: Filter, first: str | None = None, last: str | None = None) -> None:
    """Show `flt` (and a date range) in a page's filter bar without running its query."""
    combos = ((bar.region, flt.region_code), (bar.campaign, flt.campaign_id),
              (bar.batch, flt.batch_id), (bar.category, flt.category), (bar.status, None))
    for combo, code in combos:
        if combo is not None:
            combo.blockSignals(True)
            combo.set_code(code)
            combo.blockSignals(False)
    bar.search.blockSignals(True)
    bar.search.setText("")
    bar.search.blockSignals(False)
    for edit, day in ((bar.date_from, first), (bar.date_to, last)):
        if edit is not None:
            edit.setText(day or "")
    if bar.overdue is not None:
        bar.overdue.blockSignals(True)
        bar.overdue.setChecked(False)
        bar.overdue.blockSignals(False)


def open_rows(window: QWidget, drill, ids: list[str]) -> None:
    """Switch the main window to the page of `drill` and show the rows `ids`."""
    if drill.kind == "penalties":
        page = window.page("penalties")
        set_filters(page.filters, drill.flt, drill.first, drill.as_of)
        page.model.set_query(replace(page.filters.query(), ids=tuple(ids)))
        window.statusBar().showMessage(drill.caption, 20_000)  # the page has no caption line
        return
    page = window.page("problems")
    set_filters(page.filters, drill.flt)
    page.show_rows(ids, drill.caption)
