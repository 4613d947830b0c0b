"""The bureau's units beyond GB/T 2260: development zones (临汾经济开发区, 高新区), city-level
departments (市直部门/市直单位) and townships (乡镇/街道) under a county.

A unit is a row of `region_unit` (audited, so it travels in exchange files) and, copied
there by trigger, a row of `region`: every region_code column (problems, enterprises,
penalty cases, and any later table) takes units as it takes counties, and figures and
returns list them as rows of their own, after the GB/T rows, in the bureau's order.

Codes: a unit's code begins with its parent's, so that a figure for the city or county
counts it (see `statistics.region_range`). Without `--code` it is the parent's code, a
letter for the kind (Z zone, D department, T township) and a sequence number: the first
zone of 临汾市 is 141000Z01, the first township of 尧都区 141002T001. A code given by the
bureau (a township's 9-digit statistical code, 141002001) must begin with the parent's.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import re
from dataclasses import dataclass

from . import operators, regions, rows, settings
from .changes import Changes
from .errors import LedgerError

if TYPE_CHECKING:
    from .ledger import Ledger

TABLE = "region_unit"
KINDS = ("zone", "department", "township")
_LETTER = {"zone": "Z", "department": "D", "township": "T"}
_DIGITS = {"zone": 2, "department": 2, "township": 3}
_CODE = re.compile(r"^[0-9A-Z]{7,15}$")
MAX_NAME = 60


@dataclass(frozen=True)
class Unit:
    id: str
    code: str
    name: str
    kind: str
    parent_code: str
    sort_order: int
    active: bool

    def as_dict(self, parent_name: str = "") -> dict:
        return {"code": self.code, "name": self.name, "kind": self.kind,
                "parent_code": self.parent_code, "parent_name": parent_name,
                "order": self.sort_order, "active": self.active}


_COLUMNS = "id, code, name, kind, parent_code, sort_order, active"


def _unit(row) -> Unit:
    return Unit(row[0], row[1], row[2], row[3], row[4], row[5], bool(row[6]))


def listed(ledger: Ledger) -> list[Unit]:
    """Every unit (retired ones too), by parent and in the bureau's order."""
    return [_unit(r) for r in ledger.conn.execute(
        f"SELECT {_COLUMNS} FROM {TABLE} ORDER BY parent_code, sort_order, code")]


def get(ledger: Ledger, key: str) -> Unit:
    """A unit by its code or by a name the region resolver knows."""
    key = key.strip()
    row = ledger.conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} WHERE code = ?",
                              (key.upper(),)).fetchone()
    if row is None:
        code = regions.resolve(ledger, key)
        row = ledger.conn.execute(f"SELECT {_COLUMNS} FROM {TABLE} WHERE code = ?",
                                  (code,)).fetchone()
        if row is None:
            raise LedgerError("error.unit_not_unit", value=key)
    return _unit(row)


def kind_label(kind: str) -> str:
    from . import messages

    return messages.label(f"units.kind.{kind}")


def _require(ledger: Ledger) -> None:
    operators.require(ledger, operators.Action.UNITS)


def _clean_name(name: str) -> str:
    name = "".join((name or "").split())
    if not name:
        raise LedgerError("error.unit_name_required")
    if len(name) > MAX_NAME:
        raise LedgerError("error.too_long", limit=MAX_NAME, length=len(name))
    return name


def _parent(ledger: Ledger, kind: str, parent: str | None) -> regions.Region:
    top = regions.require(ledger, settings.jurisdiction(ledger))
    if parent is None:
        if kind == "township" and top.level < regions.COUNTY:
            raise LedgerError("error.unit_township_parent")
        return top
    found = regions.require(ledger, regions.resolve(ledger, parent))
    low, high = _span(top.code)
    if not (low <= found.code <= high):
        raise LedgerError("error.unit_parent_outside", parent=found.name, top=top.name)
    if kind == "township" and found.level != regions.COUNTY:
        raise LedgerError("error.unit_township_parent")
    if kind != "township" and found.level not in (regions.CITY, regions.COUNTY):
        raise LedgerError("error.unit_parent_level", parent=found.name)
    return found


def _span(code: str) -> tuple[str, str]:
    from .statistics import region_range

    return region_range(code)


def _new_code(ledger: Ledger, kind: str, parent: str) -> str:
    letter, digits = _LETTER[kind], _DIGITS[kind]
    n = 1
    while ledger.conn.execute("SELECT 1 FROM region WHERE code = ?",
                              (f"{parent}{letter}{n:0{digits}d}",)).fetchone():
        n += 1
    return f"{parent}{letter}{n:0{digits}d}"


def _check_code(ledger: Ledger, code: str, parent: str) -> str:
    code = code.strip().upper()
    if not _CODE.match(code) or not code.startswith(parent) or code == parent:
        raise LedgerError("error.unit_code_format", code=code, parent=parent)
    if regions.get(ledger, code):
        raise LedgerError("error.unit_code_taken", code=code)
    return code


def _refuse_same_name(ledger: Ledger, name: str, parent: str, own: str | None = None) -> None:
    row = ledger.conn.execute(
        "SELECT code FROM region WHERE parent_code = ? AND name = ? AND code IS NOT ?",
        (parent, name, own)).fetchone()
    if row:
        raise LedgerError("error.unit_name_taken", name=name, code=row[0])


def add(ledger: Ledger, name: str, kind: str, parent: str | None = None,
        code: str | None = None) -> Changes:
    """A new unit under `parent` (default: the jurisdiction; a township needs a county)."""
    _require(ledger)
    if kind not in KINDS:
        raise LedgerError("error.unit_kind_unknown", kind=kind, kinds="、".join(KINDS))
    name = _clean_name(name)
    with ledger.transaction():
        up = _parent(ledger, kind, parent)
        code = _check_code(ledger, code, up.code) if code else _new_code(ledger, kind, up.code)
        _refuse_same_name(ledger, name, up.code)
        last = ledger.conn.execute(
            f"SELECT coalesce(max(sort_order), 0) FROM {TABLE} WHERE parent_code = ?",
            (up.code,)).fetchone()[0]
        row_id = rows.insert(ledger, TABLE, {"code": code, "name": name, "kind": kind,
                                             "parent_code": up.code, "sort_order": last + 10})
    return Changes.of(TABLE, "region", ids=(row_id,))


def rename(ledger: Ledger, key: str, name: str) -> Changes:
    _require(ledger)
    unit = get(ledger, key)
    name = _clean_name(name)
    _refuse_same_name(ledger, name, unit.parent_code, unit.code)
    with ledger.transaction():
        rows.update(ledger, TABLE, unit.id, {"name": name})
    return Changes.of(TABLE, "region", ids=(unit.id,))


def move(ledger: Ledger, key: str, position: int) -> Changes:
    """Put the unit at `position` (1 = first) among the units of its parent."""
    _require(ledger)
    unit = get(ledger, key)
    siblings = [u for u in listed(ledger) if u.parent_code == unit.parent_code]
    if not 1 <= position <= len(siblings):
        raise LedgerError("error.number_range", low=1, high=len(siblings))
    others = [u for u in siblings if u.code != unit.code]
    others.insert(position - 1, unit)
    with ledger.transaction():
        for n, u in enumerate(others):
            if u.sort_order != 10 * (n + 1):
                rows.update(ledger, TABLE, u.id, {"sort_order": 10 * (n + 1)})
    return Changes.of(TABLE, "region", ids=(unit.id,))


def retire(ledger: Ledger, key: str, active: bool = False) -> Changes:
    """No longer offered for new records nor listed as an empty row; rows that carry it
    keep it and still show it in figures. `active=True` brings it back."""
    _require(ledger)
    unit = get(ledger, key)
    with ledger.transaction():
        rows.update(ledger, TABLE, unit.id, {"active": int(active)})
    return Changes.of(TABLE, "region", ids=(unit.id,))
