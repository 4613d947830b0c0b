"""Problem numbers (问题编号): given automatically when none is typed, after a pattern the
bureau sets; complaint numbers (受理编号) kept as they came and used to find a problem again.

A pattern is text with placeholders: {region} (the problem's 6-digit county code), {year}
(the year it was assigned) and {seq} (the next free sequence under the same prefix, e.g.
{seq:06d}). The default, {region}-{seq:06d}, gives numbers like the demo's 141021-000123.
"""
from __future__ import annotations

import re
import sqlite3
import string
from typing import Any, Mapping

from .errors import LedgerError

PATTERN_SETTING = "problem_number_pattern"
DEFAULT_PATTERN = "{region}-{seq:06d}"
PLACEHOLDERS = ("region", "year", "seq")


def check_pattern(pattern: str) -> str:
    """The pattern, stripped, if it numbers problems uniquely; else a LedgerError saying why."""
    pattern = (pattern or "").strip()
    try:
        fields = [(name, spec) for _, name, spec, _ in string.Formatter().parse(pattern)
                  if name is not None]
        sample = pattern.format(region="141021", year=2026, seq=1)
    except (ValueError, KeyError, IndexError):
        raise LedgerError("error.number_pattern", pattern=pattern,
                          names="、".join("{" + n + "}" for n in PLACEHOLDERS)) from None
    names = [name for name, _ in fields]
    if names.count("seq") != 1 or names[-1] != "seq" or set(names) - set(PLACEHOLDERS) \
            or len(sample) > 60:
        raise LedgerError("error.number_pattern", pattern=pattern,
                          names="、".join("{" + n + "}" for n in PLACEHOLDERS))
    return pattern


def pattern(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT value FROM setting WHERE key = ?", (PATTERN_SETTING,)).fetchone()
    return row[0] if row and row[0] else DEFAULT_PATTERN


def next_number(conn: sqlite3.Connection, values: Mapping[str, Any]) -> str:
    """The number a new problem with `values` (region_code, assigned_on) gets: the pattern's
    prefix, then one more than the largest sequence already used after that prefix."""
    text = pattern(conn)
    head, _, tail = text.partition("{seq")
    spec = tail[:tail.index("}")]
    prefix = head.format(region=values["region_code"], year=str(values["assigned_on"])[:4])
    suffix = tail[tail.index("}") + 1:]
    used = conn.execute(
        "SELECT number FROM problem WHERE number >= ? AND number < ? || x'ff'",
        (prefix, prefix)).fetchall()
    digits = re.compile(re.escape(prefix) + r"(\d+)" + re.escape(suffix) + "$")
    top = max((int(m.group(1)) for (n,) in used if (m := digits.match(n))), default=0)
    return prefix + ("{seq" + spec + "}").format(seq=top + 1) + suffix


def find_by_complaint_number(conn: sqlite3.Connection, number: str) -> str | None:
    """The id of the live problem carrying complaint number `number` (case and spaces
    aside), for an import to recognise a complaint a later batch list republishes."""
    wanted = normalise_complaint_number(number)
    if not wanted:
        return None
    row = conn.execute(
        "SELECT id FROM problem WHERE complaint_number = ? ORDER BY withdrawn_on IS NOT NULL, "
        "created_at LIMIT 1", (wanted,)).fetchone()
    return row[0] if row else None


def normalise_complaint_number(number: object) -> str | None:
    """A complaint number as stored: no spaces, upper case (d3sx 2025… → D3SX2025…)."""
    text = "".join(str(number or "").split()).upper()
    return text or None


# The year of a document number (文号) in any bracket a clerk types — [ ], 【】, ( ), （）,
# ［］, { } — with or without spaces; GB/T 9704-2012 (党政机关公文格式) 7.2.4 writes it in
# 六角括号 〔〕, as every number the bureaus send does.
_YEAR_BRACKETS = re.compile(r"[\[【［(（〔{｛]\s*((?:19|20)\d{2})\s*[\]】］)）〕}｝]")


def year_brackets(number: str | None) -> str | None:
    """`number` with the year of a 文号 in 〔〕: 临环罚[2024]12号 → 临环罚〔2024〕12号."""
    found = _YEAR_BRACKETS.search(number) if number else None
    if found is None:
        return number
    if found.group() == f"〔{found.group(1)}〕" and not _YEAR_BRACKETS.search(number, found.end()):
        return number  # written right already, as nearly every number is
    return _YEAR_BRACKETS.sub(r"〔\1〕", number)
