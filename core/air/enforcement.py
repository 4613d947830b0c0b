"""The enforcement work beside each unit's air quality in the same period: problems found or
assigned by category (散煤, 扬尘, 工业废气 …) and penalty cases decided, with the ids behind each
figure for the drill-down."""
from __future__ import annotations

from typing import TYPE_CHECKING

from dataclasses import dataclass, field

from . import stations

if TYPE_CHECKING:
    from ..ledger import Ledger

# The categories that bear on air quality, shown first and by name; the rest are summed.
AIR_CATEGORIES = ("loose_coal", "dust", "waste_gas", "scattered_polluting", "monitoring_fraud")


@dataclass
class Enforcement:
    region_code: str
    problems: dict[str, int] = field(default_factory=dict)   # category → count
    cases: int = 0
    fine_fen: int = 0
    special: int = 0   # cases with a special measure (the five kinds)


def _codes(ledger: Ledger, unit: str) -> list[str]:
    return [unit, *stations.unit_codes_under(ledger, unit)]


def _in(codes: list[str]) -> str:
    return ", ".join("?" for _ in codes)


_PROBLEMS = ("FROM problem WHERE region_code IN ({codes}) AND assigned_on BETWEEN ? AND ? "
             "AND (withdrawn_on IS NULL OR withdrawn_on > ?)")
_CASES = "FROM penalty_case WHERE region_code IN ({codes}) AND decided_on BETWEEN ? AND ?"


def of_units(ledger: Ledger, units: list[str], first: str, last: str) -> dict[str, Enforcement]:
    """Each unit's problems by category and its penalty cases in the range."""
    found = {}
    for unit in units:
        codes = _codes(ledger, unit)
        work = Enforcement(unit)
        for category, count in ledger.conn.execute(
                "SELECT category, count(*) " + _PROBLEMS.format(codes=_in(codes))
                + " GROUP BY category", (*codes, first, last, last)):
            work.problems[category] = count
        row = ledger.conn.execute(
            "SELECT count(*), coalesce(sum(fine_fen + daily_fine_fen), 0), coalesce(sum("
            "max(daily_fine, seizure, restriction, detention, crime_transfer)), 0) "
            + _CASES.format(codes=_in(codes)), (*codes, first, last)).fetchone()
        work.cases, work.fine_fen, work.special = row
        found[unit] = work
    return found


def problem_ids(ledger: Ledger, unit: str, first: str, last: str,
                categories: tuple[str, ...] | None = None) -> list[str]:
    """The problems behind a unit's bar (of `categories`, or all)."""
    codes = _codes(ledger, unit)
    sql = "SELECT id " + _PROBLEMS.format(codes=_in(codes))
    params: list = [*codes, first, last, last]
    if categories:
        sql += f" AND category IN ({_in(list(categories))})"
        params += list(categories)
    return [r[0] for r in ledger.conn.execute(sql + " ORDER BY assigned_on, id", params)]


def case_ids(ledger: Ledger, unit: str, first: str, last: str) -> list[str]:
    codes = _codes(ledger, unit)
    return [r[0] for r in ledger.conn.execute(
        "SELECT id " + _CASES.format(codes=_in(codes)) + " ORDER BY decided_on, id",
        (*codes, first, last))]
