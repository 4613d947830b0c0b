"""Industry names (国民经济行业分类 GB/T 4754-2017) for the codes enterprises carry.

The shipped list (resources/industries/) has every section and division and the classes
the bureaus' ledgers use most; a class not in it reads as its division."""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from .paths import resources_dir

_LEADING_CODE = re.compile(r"^\s*([A-Ta-t]|\d{2,4})(?:\s+\S.*)?$")


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Name by code: 'C' 制造业, '25' 石油、煤炭及其他燃料加工业, '2521' 炼焦."""
    path = resources_dir() / "industries" / "gb4754_2017.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["name"] for row in csv.DictReader(handle)}


def name(code: str | None) -> str | None:
    """The name of `code`, or of the nearest group above it that the list has."""
    if not code:
        return None
    code = code.strip().upper()
    for length in range(len(code), 1, -1):
        found = names().get(code[:length])
        if found:
            return found
    return names().get(code) if len(code) == 1 else None


def label(code: str | None) -> str:
    """'2521 炼焦' as lists show it; the bare code when the list does not know it."""
    if not code:
        return ""
    found = name(code)
    return f"{code} {found}" if found else code


def code_of(typed: str | None) -> str | None:
    """The code of what a clerk typed or picked: '2521 炼焦' and '2521' are both 2521."""
    if typed is None:
        return None
    found = _LEADING_CODE.match(typed)
    if found:
        return found.group(1).upper()
    by_name = [code for code, text in names().items() if text == typed.strip()]
    return by_name[-1] if by_name else typed.strip()


def choices() -> list[str]:
    """Every listed division and class as 'code name', for completion."""
    return [f"{code} {text}" for code, text in names().items() if code[0].isdigit()]
