"""The manager-only acts of random inspections, checked by the ledger's one permission rule."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..operators import Action, can, require

if TYPE_CHECKING:
    from ..ledger import Ledger

APPROVE_PLAN = Action.RANDOM_APPROVE_PLAN
REDRAW = Action.RANDOM_REDRAW


def require_act(ledger: Ledger, action: Action) -> None:
    """Refuse `action` unless the signed-in role allows it (operators.require)."""
    require(ledger, action)


def may(ledger: Ledger, action: Action) -> bool:
    return can(ledger, action)
