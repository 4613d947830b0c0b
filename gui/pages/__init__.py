"""The pages of the navigation bar, in order.

Each entry is (key, class); the main window builds a page the first time it is shown.
Later pages plug in here: the dashboard replaces "overview"; an "import" page (Excel
ledgers) and a "returns" page (statistical returns) are added as new entries.
"""
from __future__ import annotations

from .base import Page
from .campaigns import CampaignsPage
from ..dashboard.page import DashboardPage
from .problems import ProblemsPage
from .records import EnterprisesPage, InspectionsPage, PenaltiesPage

PAGES: list[tuple[str, type[Page]]] = [
    ("overview", DashboardPage),
    ("enterprises", EnterprisesPage),
    ("inspections", InspectionsPage),
    ("problems", ProblemsPage),
    ("penalties", PenaltiesPage),
    ("campaigns", CampaignsPage),
]
