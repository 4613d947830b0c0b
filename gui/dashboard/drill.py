"""Open the Problems or Penalty cases page on exactly the rows behind a plotted figure,
its filters set to what they can say of those rows (the caption says the rest)."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from core import dates

# A figure counted today that a status filter selects alike.
STATUS_OF = {"closed": "closed", "reported_done": "reported_done",
             "stage_concluded": "stage_concluded"}


def open_rows(window: QWidget, drill, ids: list[str]) -> None:
    """Switch the main window to the page of `drill` and show the rows `ids`."""
    flt = drill.flt
    if drill.kind == "penalties":
        page = window.page("penalties")
        page.filters.set_values(region_code=flt.region_code, campaign_id=flt.campaign_id,
                                batch_id=flt.batch_id, date_from=drill.first or None,
                                date_to=drill.as_of or None)
        page.show_rows(ids, drill.caption)
        return
    today = drill.as_of in (None, "", dates.today().isoformat())
    page = window.page("problems")
    page.filters.set_values(region_code=flt.region_code, category=flt.category,
                            campaign_id=flt.campaign_id, batch_id=flt.batch_id,
                            status=STATUS_OF.get(drill.figure) if today else None,
                            overdue=today and drill.figure == "overdue")
    page.show_rows(ids, drill.caption)
