"""Safe cells: user text goes into a workbook as text, never as a formula, and whole."""
from __future__ import annotations

import re

from ..errors import LedgerError
from ..spreadsheet import column_letter

# Excel's limit on the characters in one cell.
MAX_CELL_TEXT = 32767
# Characters XML 1.0 (and so Excel) forbids; tab, line feed and carriage return are allowed.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
FORMULA_STARTS = ("=", "+", "-", "@")


def clean(text: str, where: str = "") -> str:
    """`text` without forbidden characters; LedgerError if it is longer than a cell holds."""
    if _FORBIDDEN.search(text):
        text = _FORBIDDEN.sub("", text)
    if len(text) > MAX_CELL_TEXT:
        raise LedgerError("error.cell_too_long", cell=where, length=len(text),
                          limit=MAX_CELL_TEXT)
    return text


def has_forbidden(text: str) -> bool:
    return _FORBIDDEN.search(text) is not None


def formula_like(text: str) -> bool:
    """Whether a spreadsheet would take `text` for a formula if typed into a cell."""
    return text.startswith(FORMULA_STARTS)


def address(row: int, column: int) -> str:
    """A1-style address of 0-based (row, column)."""
    return f"{column_letter(column)}{row + 1}"
