"""Money as integer fen (分); returns show 万元 with two decimals.

decimal is imported by the functions that compute with it: showing an amount (every
table of fines) needs integer arithmetic only, and the desktop app's start then does
not load it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def parse_yuan(value: object) -> int:
    """Yuan as typed (e.g. '35,550,000', '1200.5', 3000) to fen; ValueError if not money."""
    from decimal import ROUND_HALF_UP, Decimal, DecimalException, InvalidOperation

    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return value * 100
    text = str(value).translate(_FULLWIDTH).replace(",", "").replace("元", "").strip()
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ValueError(value) from None
    if not amount.is_finite():
        raise ValueError(value)
    try:
        fen = (amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    except DecimalException:  # '1e999999999': too large to be an amount of money
        raise ValueError(value) from None
    return int(fen)


def fen_to_wan(fen: int) -> "Decimal":
    """Fen to 万元, rounded half up to two decimals."""
    from decimal import ROUND_HALF_UP, Decimal

    return (Decimal(fen) / 1_000_000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def fen_to_yuan_text(fen: int) -> str:
    """35550000 fen → '355,500.00' (yuan with thousands separators)."""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{'-' if fen < 0 else ''}{whole:,}.{cents:02d}"
