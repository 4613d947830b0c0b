"""Finding a record by what a clerk knows of it: its id, or its number, code or name.

A key that names several records is refused with the count, never guessed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import numbering, regions
from .errors import LedgerError, NotFound

if TYPE_CHECKING:
    from .ledger import Ledger


def _one(ledger: Ledger, kind: str, key: str, sql: str, params: tuple) -> str:
    found = [r[0] for r in ledger.conn.execute(sql + " LIMIT 2", params)]
    if not found:
        raise NotFound(kind, key)
    if len(found) > 1:
        count = ledger.conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
        raise LedgerError("error.key_ambiguous", kind=_kind(kind), key=key, count=count)
    return found[0]


def _kind(kind: str) -> str:
    from . import messages

    return messages.label("kind." + kind)


def _by_id(ledger: Ledger, table: str, key: str) -> str | None:
    row = ledger.conn.execute(f"SELECT id FROM {table} WHERE id = ?", (key,)).fetchone()
    return row[0] if row else None


def problem_id(ledger: Ledger, key: str) -> str:
    """A problem by id, by its number (问题编号) when exactly one problem has it, or by its
    complaint number (受理编号)."""
    key = key.strip()
    return _by_id(ledger, "problem", key) or _one(
        ledger, "problem", key,
        "SELECT id FROM problem WHERE number = ? UNION SELECT id FROM problem "
        "WHERE complaint_number = upper(?) AND complaint_number IS NOT NULL",
        (numbering.year_brackets(key), key))


def enterprise_id(ledger: Ledger, key: str) -> str:
    """An enterprise by id, unified social credit code, or exact name (if only one has it)."""
    key = key.strip()
    return _by_id(ledger, "enterprise", key) or _one(
        ledger, "enterprise", key,
        "SELECT id FROM enterprise WHERE credit_code = ? OR name = ?", (key.upper(), key))


def campaign_id(ledger: Ledger, key: str) -> str:
    """A campaign by id or exact name."""
    key = key.strip()
    return _by_id(ledger, "campaign", key) or _one(
        ledger, "campaign", key, "SELECT id FROM campaign WHERE name = ?", (key,))


def batch_id(ledger: Ledger, key: str) -> str:
    """A batch by id, its letter number (督办函文号), or its number when only one batch has it."""
    key = key.strip()
    if _by_id(ledger, "batch", key):
        return key
    # str.isdigit() also accepts digits SQLite cannot hold (a 30-digit number, ²)
    number = int(key) if key.isascii() and key.isdigit() and len(key) <= 9 else None
    return _one(ledger, "batch", key,
                "SELECT id FROM batch WHERE letter_number = ? OR number = ?", (key, number))


def penalty_id(ledger: Ledger, key: str) -> str:
    """A penalty case by id or case number (文号)."""
    key = key.strip()
    return _by_id(ledger, "penalty_case", key) or _one(
        ledger, "penalty_case", key, "SELECT id FROM penalty_case WHERE case_number = ?",
        (numbering.year_brackets(key),))


def region_code(ledger: Ledger, text: str) -> str:
    """A region or unit given by code or by name (141021, 曲沃县, 曲沃, 临汾市曲沃县,
    临汾经济开发区), through the one resolver in `core.regions`. A name it cannot settle
    comes back as given: the record's validation refuses it, naming the field and the
    candidates."""
    text = text.strip()
    if not text:
        return text
    try:
        return regions.resolve(ledger, text)
    except LedgerError:
        return text
