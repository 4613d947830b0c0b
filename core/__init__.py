"""EcoLedger core: the rectification ledger on SQLite, with no Qt."""
from __future__ import annotations

__version__ = "0.1.0"
