"""The manager-only acts of random inspections, checked by the ledger's one permission rule."""
from __future__ import annotations

from ..ledger import Ledger
from ..operators import Action, can, require

APPROVE_PLAN = Action.RANDOM_APPROVE_PLAN
REDRAW = Action.RANDOM_REDRAW


def require_act(ledger: Ledger, action: Action) -> None:
    """Refuse `action` unless the signed-in role allows it (operators.require)."""
    require(ledger, action)


def may(ledger: Ledger, action: Action) -> bool:
    return can(ledger, action)
