"""Monitoring stations (监测站点) and the units (区县、城市、开发区…) they belong to.

A unit is a region: its code keys stations, unit values, targets and interviews, so that
development zones and departments kept as regions are units like counties. A unit's daily
value of a pollutant is the mean of its valid stations' values that day (its own stations and
those of the regions under it).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from dataclasses import dataclass

from .. import regions, settings
from ..changes import Changes
from ..db import now
from ..errors import LedgerError
from ..ids import new_id

if TYPE_CHECKING:
    from ..ledger import Ledger

_CODE = re.compile(r"^\d{6}[0-9A-Z]{0,9}$")  # a region's or a unit's code


@dataclass(frozen=True)
class Station:
    id: str
    code: str
    name: str
    region_code: str


def all_stations(ledger: Ledger) -> list[Station]:
    return [Station(*r) for r in ledger.conn.execute(
        "SELECT id, code, name, region_code FROM air_station ORDER BY region_code, code")]


def by_code(ledger: Ledger) -> dict[str, Station]:
    """Stations by their code and by their name (a file may name either)."""
    found: dict[str, Station] = {}
    for station in all_stations(ledger):
        found.setdefault(station.name, station)
        found[station.code] = station
    return found


def add(ledger: Ledger, code: str, name: str, region_code: str) -> Changes:
    """Register a station of the unit `region_code`; a code already registered is refused."""
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise LedgerError("error.air_station_blank")
    regions.require(ledger, region_code)
    if ledger.conn.execute("SELECT 1 FROM air_station WHERE code = ?", (code,)).fetchone():
        raise LedgerError("error.air_station_exists", code=code)
    row_id = new_id()
    stamp = now()
    with ledger.transaction():
        ledger.conn.execute(
            "INSERT INTO air_station (id, created_at, updated_at, operator, code, name, "
            "region_code) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row_id, stamp, stamp, ledger.operator, code, name, region_code))
    return Changes.of("air_station", ids=(row_id,))


def unit_code(ledger: Ledger, text: str,
              resolver: regions.Resolver | None = None) -> str | None:
    """The region a file or a user names as a unit: a code (GB/T 2260, or a unit's such as
    141000Z01), or a name inside the jurisdiction as the shared resolver reads it (a county
    with or without 县/区/市, the city itself, a development zone, department or township kept
    as a region row). None when unknown or when the name fits several. Pass one `resolver`
    for many look-ups."""
    text = str(text).strip()
    if not text:
        return None
    if _CODE.match(text.upper()) and regions.get(ledger, text.upper()):
        return text.upper()  # a code, also one outside the jurisdiction
    within = settings.jurisdiction(ledger)
    codes = [within, *unit_codes_under(ledger, within)]
    marks = ", ".join("?" for _ in codes)
    exact = ledger.conn.execute(
        f"SELECT code FROM region WHERE name = ? AND code IN ({marks})", (text, *codes)).fetchall()
    if len(exact) == 1:
        return exact[0][0]
    try:
        return (resolver or regions.Resolver(ledger, local_only=True)).code(text)
    except LedgerError:
        return None


def unit_codes_under(ledger: Ledger, code: str) -> list[str]:
    """Every region below `code`, at any depth."""
    found = []
    level = [code]
    while level:
        marks = ", ".join("?" for _ in level)
        level = [r[0] for r in ledger.conn.execute(
            f"SELECT code FROM region WHERE parent_code IN ({marks}) ORDER BY code", level)]
        found += level
    return found


def ancestors(ledger: Ledger, code: str, top: str | None = None) -> list[str]:
    """The regions above `code` up to `top` (included) or the province, nearest first."""
    found = []
    parent = ledger.conn.execute("SELECT parent_code FROM region WHERE code = ?",
                                 (code,)).fetchone()
    while parent and parent[0]:
        found.append(parent[0])
        if parent[0] == top:
            break
        parent = ledger.conn.execute("SELECT parent_code FROM region WHERE code = ?",
                                     (parent[0],)).fetchone()
    return found


def unit_name(ledger: Ledger, code: str) -> str:
    region = regions.get(ledger, code)
    return region.name if region else code


def units_with_data(ledger: Ledger) -> list[str]:
    """The units that have daily values, in code order."""
    return [r[0] for r in ledger.conn.execute(
        "SELECT DISTINCT region_code FROM air_unit_day ORDER BY region_code")]


def station_units(ledger: Ledger) -> list[str]:
    """The units that have stations of their own (the ones ranked against each other)."""
    return [r[0] for r in ledger.conn.execute(
        "SELECT DISTINCT region_code FROM air_station ORDER BY region_code")]


__all__ = ["Station", "add", "all_stations", "by_code", "unit_code", "unit_name",
           "units_with_data", "station_units", "ancestors", "unit_codes_under"]
