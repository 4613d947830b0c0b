"""Administrative regions (GB/T 2260 codes) and the bureau's jurisdiction."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from .errors import LedgerError
from .paths import resources_dir

if TYPE_CHECKING:
    from .ledger import Ledger

PROVINCE, CITY, COUNTY = 1, 2, 3


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    parent_code: str | None
    level: int


def shipped_regions() -> Iterator[Region]:
    """Every region in the shipped code list, provinces first."""
    folder = resources_dir() / "regions"
    for row in _read(folder / "provinces.csv"):
        yield Region(row["code"].ljust(6, "0"), row["name"], None, PROVINCE)
    for row in _read(folder / "cities.csv"):
        yield Region(row["code"].ljust(6, "0"), row["name"],
                     row["provinceCode"].ljust(6, "0"), CITY)
    for row in _read(folder / "areas.csv"):
        yield Region(row["code"], row["name"], row["cityCode"].ljust(6, "0"), COUNTY)


def _read(path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def ensure_loaded(ledger: "Ledger") -> None:
    """Fill the region table from the shipped list the first time a ledger opens."""
    conn = ledger.conn
    if conn.execute("SELECT 1 FROM region LIMIT 1").fetchone():
        return
    with ledger.transaction():
        conn.executemany(
            "INSERT OR IGNORE INTO region (code, name, parent_code, level) VALUES (?, ?, ?, ?)",
            [(r.code, r.name, r.parent_code, r.level) for r in shipped_regions()],
        )


def get(ledger: "Ledger", code: str) -> Region | None:
    row = ledger.conn.execute(
        "SELECT code, name, parent_code, level FROM region WHERE code = ?", (code,)
    ).fetchone()
    return Region(*row) if row else None


def require(ledger: "Ledger", code: str) -> Region:
    region = get(ledger, code)
    if region is None:
        raise LedgerError("error.region_unknown", code=code)
    return region


def children(ledger: "Ledger", code: str) -> list[Region]:
    """The regions directly under `code`, in code order (the order returns use)."""
    rows = ledger.conn.execute(
        "SELECT code, name, parent_code, level FROM region WHERE parent_code = ? ORDER BY code",
        (code,),
    )
    return [Region(*row) for row in rows]


def counties_of(ledger: "Ledger", code: str) -> list[Region]:
    """The county-level regions inside `code` (itself, if it is a county)."""
    region = require(ledger, code)
    if region.level == COUNTY:
        return [region]
    if region.level == CITY:
        return children(ledger, code)
    return [county for city in children(ledger, code) for county in children(ledger, city.code)]


def full_name(ledger: "Ledger", code: str) -> str:
    """The region's name with its city (e.g. 临汾市曲沃县), for display."""
    region = require(ledger, code)
    names = [region.name]
    parent = region.parent_code
    while parent:
        up = get(ledger, parent)
        if up is None or up.name == "市辖区":
            break
        names.insert(0, up.name)
        parent = up.parent_code
    return "".join(names)


def match_name(ledger: "Ledger", name: str, within: str | None = None) -> Region | None:
    """Find a county by name, with or without its 县/区/市 suffix, inside `within`."""
    name = name.strip()
    candidates = counties_of(ledger, within) if within else [
        Region(*row) for row in ledger.conn.execute(
            "SELECT code, name, parent_code, level FROM region WHERE level = 3")
    ]
    exact = [r for r in candidates if r.name == name]
    if len(exact) == 1:
        return exact[0]
    stem = name.rstrip("县区市")
    loose = [r for r in candidates if r.name.rstrip("县区市") == stem]
    return loose[0] if len(loose) == 1 else None
