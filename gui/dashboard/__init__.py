"""The Overview page: progress plots, key figures, drill-down and export (issue 6)."""
from __future__ import annotations

# gui.pages lists DashboardPage; loading it first keeps the import order one-way.
from .. import pages as _pages  # noqa: F401,E402
from .page import DashboardPage  # noqa: E402

__all__ = ["DashboardPage"]
