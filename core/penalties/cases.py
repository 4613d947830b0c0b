"""One penalty case as stored: the row its stages, orders and rechecks belong to."""
from __future__ import annotations

from typing import Any, TYPE_CHECKING

from .. import rows

if TYPE_CHECKING:
    from ..ledger import Ledger


def get(ledger: Ledger, row_id: str) -> dict[str, Any]:
    """The case, or NotFound."""
    return rows.get(ledger, "penalty_case", row_id)
