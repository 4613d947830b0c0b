"""Spreadsheet addressing as Excel shows it to users."""
from __future__ import annotations


def column_letter(index: int) -> str:
    """Excel's letters for the 0-based column `index`: 0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
