"""The pages of the navigation bar, in order.

Each entry names its page class by module; the main window imports and builds a page the
first time it is shown, so start-up pays only for the page it opens on. Later pages plug
in here, as the dashboard (gui/dashboard/) and the returns page did.
"""
from __future__ import annotations

import importlib
from typing import Callable, NamedTuple

from ..i18n import tr
from .base import Page


class PageEntry(NamedTuple):
    key: str
    title: Callable[[], str]
    module: str
    name: str

    def load(self) -> type[Page]:
        return getattr(importlib.import_module(self.module, __name__), self.name)


PAGES: list[PageEntry] = [
    PageEntry("overview", lambda: tr("Overview"), "..dashboard.page", "DashboardPage"),
    PageEntry("waiting", lambda: tr("Awaiting decision"), ".waiting", "WaitingPage"),
    PageEntry("enterprises", lambda: tr("Enterprises"), ".records", "EnterprisesPage"),
    PageEntry("inspections", lambda: tr("Inspections"), ".records", "InspectionsPage"),
    PageEntry("problems", lambda: tr("Problems"), ".problems", "ProblemsPage"),
    PageEntry("penalties", lambda: tr("Penalty cases"), ".records", "PenaltiesPage"),
    PageEntry("campaigns", lambda: tr("Campaigns and batches"), ".campaigns", "CampaignsPage"),
    PageEntry("returns", lambda: tr("Returns"), ".returns", "ReturnsPage"),
    PageEntry("exchange", lambda: tr("Data exchange"), ".exchange", "ExchangePage"),
    PageEntry("random", lambda: tr("Random inspections"), ".random_inspection",
              "RandomInspectionPage"),
    PageEntry("penalty_clocks", lambda: tr("Penalty clocks"), ".penalty_queue", "PenaltyQueuePage"),
    PageEntry("air", lambda: tr("Air quality"), "..air.page", "AirPage"),
]
